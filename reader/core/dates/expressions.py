"""The grammar of time expressions in news text: one precompiled alternation.

All of it is a single regular expression (``TIME_RE``), never a loop of
patterns per sentence. Each top-level branch is a named group, so a match says
which kind of expression it is and its sub-groups carry the parts (month, day,
weekday...). ``scanner.py`` decides where in a text to try it.

Names of months and weekdays are matched case-sensitively (``May`` the month,
not ``may`` the verb); the small words around them ("last", "since") are not.
Separators allow the tokenised spacing of corpora such as ECB+
(``December 15th , 2008``).
"""

from __future__ import annotations

import re

from .periods_grammar import BRANCHES as _PERIOD_BRANCHES, SPELLED_YEAR

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Abbreviation (lower case, no dot) -> month number.
_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
}


_MONTH_NUM = {**{m.lower(): i for i, m in enumerate(MONTHS, 1)}, **_MONTH_ABBR}
_WEEKDAY_NUM = {**{d.lower(): i for i, d in enumerate(WEEKDAYS)}, **_WEEKDAY_ABBR}


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation in any case ("Jan.", "MAR .", "May")."""
    return _MONTH_NUM[word.replace(".", "").strip().lower()]


def weekday_number(word: str) -> int:
    """0 (Monday) to 6 for a weekday name or abbreviation in any case."""
    return _WEEKDAY_NUM[word.replace(".", "").strip().lower()]


# --- the grammar --------------------------------------------------------------
def _names(words: tuple[str, ...]) -> str:
    # Title case and the capitals of datelines and headlines ("DECEMBER 16 , 2008").
    return "|".join(list(words) + [w.upper() for w in words])


_MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_WEEKDAY_ABBRS = ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun")
# An abbreviation's dot may be tokenised apart ("MAR . 14").
_MONTH = rf"(?:{_names(MONTHS)}|{_names(_MONTH_ABBRS)})\b"
_DOT = r"(?:[ \t]?\.)?"  # after a month, only where a day or year follows
_WEEKDAY = rf"(?:{_names(WEEKDAYS)})\b"
_WEEKDAY_ANY = rf"(?:(?:{_names(WEEKDAYS)})\b|(?:{_names(_WEEKDAY_ABBRS)})\b(?:[ \t]?\.)?)"
# A day number: not part of a larger number ("20,000", "2022", "3.5").
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?\b(?![,.:]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)\b(?![,.:]?\d)"
_SEP = r"(?:[ \t]*,[ \t]*|[ \t]+|[ \t]*\n[ \t]*)"  # ", " or a space (tokenised " , " too)
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_POD = r"(?i:morning|afternoon|evening|night)"
_UNIT = r"(?i:day|week|month|year|decade|centur(?:y|ie))"  # "centurie" + "s"

# A clock time: "3:00 p.m.", "9 : 40 PM", "11am", "09:00 UTC" (24-hour only with a zone,
# else "3:1" scores would count), with the zone or "local time" and a converted
# time in parentheses kept with it.
_AMPM = r"[aApP](?:[ \t]?\.[ \t]?)?[mM](?:[ \t]?\.)?(?![A-Za-z])"
_ZONE = r"(?:UTC|GMT|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|CET|CEST|BST|[lL]ocal[ \t]+time|hrs)\b"
_ZONE24 = r"(?:UTC|GMT|CET|CEST|BST|[lL]ocal[ \t]+time|hrs)\b"  # each has an anchor below
_HHMM = r"(?:[01]?\d|2[0-3])[ \t]?[:.][ \t]?[0-5]\d"
_CLOCK = (
    rf"(?:(?:(?:[01]?\d|2[0-3])(?:[ \t]?[:.][ \t]?[0-5]\d)?[ \t]?{_AMPM}(?:[ \t]?{_ZONE})?"
    rf"|{_HHMM}[ \t]{_ZONE24})(?:[ \t]*\({_HHMM}[ \t]?{_ZONE}\))?)"
)

# Words before an expression that change what it means: a range bound or a
# deadline. "on"/"in"/"at" are left out of the expression text on purpose.
_RELATION = r"(?:(?P<rel>(?i:since|until|till|til|through|by|from|before|after|as[ \t]+of))" + _SP + r")?"
# "late on Friday", "early Friday", "earlier on Friday": a part of the day.
_EDGE = r"(?:(?P<edge>(?i:late|early|earlier|later))" + _SP + r"(?i:on" + _SP + r")?)?"

# "(today|it|this) is the eighth day": an ordinal day of what the article reports, said in the present.
_DAY_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                 "twelfth", "first")
_NTH_DAY = (r"(?:(?<=\btoday is )|(?<=\bit is )|(?<=\bit's )|(?<=\bit’s )|(?<=\bthis is ))the[ \t]+"
            r"(?P<rel_nth>" + "|".join(_DAY_ORDINALS) + r")[ \t]+(?:(?:straight|consecutive|successive|full)[ \t]+)?day"
            r"(?=[ \t]+of\b)")

_BRANCHES = [
    # Friday, Jan. 7, 2022 / January 2 / Jan 6, 2022 / December 15th , 2008
    # ... and with a clock time before it: "5 p.m. EST Nov. 9", "noon, Jan. 7"
    ("md", rf"(?:(?P<md_clk>{_CLOCK})(?:[ \t]*,)?[ \t]+(?:(?i:on)[ \t]+)?)?(?:(?P<md_wd>{_WEEKDAY_ANY}){_SEP})?(?P<md_m>{_MONTH}){_DOT}{_SP}(?P<md_d>{_DAY})(?:{_SEP}(?P<md_y>{_YEAR}))?"),
    # 21 July 2013 / Sunday , 21 July 2013 / the 5th of July
    ("dm", rf"(?:(?P<dm_wd>{_WEEKDAY_ANY}){_SEP})?(?<![\d,.])(?P<dm_d>{_DAY})(?:(?<=st|nd|rd|th)[ \t]+(?i:of))?{_SP}(?P<dm_m>{_MONTH})(?:{_DOT}{_SEP}(?P<dm_y>{_YEAR}))?"),
    # January 2022 / January nineteen ninety-seven / June last year
    ("my", rf"(?P<my_m>{_MONTH}){_DOT}{_SEP}(?:(?P<my_y>{_YEAR})|(?P<my_w>{SPELLED_YEAR})"
           rf"|(?P<my_rel>(?i:last|next|this)){_SP}(?i:year)\b(?!['’]s))"),
    # 2022-01-07
    ("iso", r"(?<![\d-])(?P<iso_y>(?:1[89]|20)\d\d)(?P<iso_sep>[ \t]?[-.][ \t]?)(?P<iso_m>\d{1,2})(?P=iso_sep)(?P<iso_d>\d{1,2})(?![\d-]|\.\d)"),
    # 12/16/08, 12 / 16 / 2008 (US order)
    ("num", r"(?<![\d/])(?P<num_m>\d{1,2})[ \t]?/[ \t]?(?P<num_d>\d{1,2})[ \t]?/[ \t]?(?P<num_y>\d{4}|\d{2})(?![\d/])"),
    # the day before yesterday / yesterday morning / last night / today / tonight
    # ... and "today is the eighth day of the strike", "it's the second straight day of protests": that day is
    # the article's (only after "today is", "it is", "this is": "on the third day of the talks" is not dated)
    ("reld", r"(?i:(?P<rel_word>the[ \t]+day[ \t]+before[ \t]+yesterday|the[ \t]+day[ \t]+after[ \t]+tomorrow"
            r"|yesterday|today|tonight|tomorrow|last[ \t]+night|this[ \t]+(?:morning|afternoon|evening)"
            rf"|{_NTH_DAY})\b)"
            rf"(?:[ \t]+(?P<rel_pod>{_POD})\b)?"),
    # last Friday / next Monday / Friday morning / late on Friday / the previous Friday
    # ... and with a clock time: "9:40 p.m. Friday", "Friday at 3 p.m."
    ("wd", rf"(?:(?P<wd_clk1>{_CLOCK})[ \t]+(?:(?i:on)[ \t]+)?)?{_EDGE}(?:(?P<wd_mod>(?i:last|next|this|coming|past|the[ \t]+(?:previous|preceding|following))){_SP})?"
           rf"(?P<wd_name>{_WEEKDAY})(?:[ \t]+(?P<wd_pod>{_POD})\b)?"
           rf"(?:,?[ \t]+(?i:at|around|about)[ \t]+(?:(?i:about|around)[ \t]+)?(?P<wd_clk2>{_CLOCK}))?"),
    # earlier this week / last month / next year / the past week / this weekend
    ("per", r"(?:(?P<per_adv>(?i:earlier|later|early|late))" + _SP + r")?"
            r"(?P<per_mod>(?i:this[ \t]+past|this|last|next|the[ \t]+past|the[ \t]+previous|the[ \t]+prior|the[ \t]+preceding|the[ \t]+coming|the(?=[ \t]+weekend)))" + _SP
            + r"(?P<per_unit>(?i:weekend|week|month|year))\b(?!['’]s[ \t]+(?i:first|second|third|fourth|fiscal)\b)"),
    # two days ago / a week ago / 3 months ago / a week or so ago
    # ... not "half a century ago"
    ("ago", r"(?<!\b[hH]alf[ \t])(?P<ago_n>\d{1,3}|(?i:a[ \t]+couple[ \t]+of|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a[ \t]+few|several))"
            + _SP + rf"(?P<ago_u>{_UNIT})s?" + r"(?:[ \t]+(?i:or[ \t]+so))?" + _SP + r"(?i:ago)\b"),
    # since the beginning of the unrest / of the year / of January
    ("begin", r"(?P<bg_rel>(?i:since|from))" + _SP + r"(?i:the)" + _SP
              + r"(?P<bg_what>(?i:beginning|start|outbreak|onset|end))" + _SP + r"(?i:of)" + _SP
              + rf"(?:(?P<bg_m>{_MONTH})|(?P<bg_y>{_YEAR})|(?i:the{_SP})?(?P<bg_noun>(?i:[a-z][a-z-]+)))"),
    # earlier in the day / the same day / the next day: relative to the narrative
    ("ana", r"(?P<ana_text>(?i:(?:earlier|later)[ \t]+(?:in[ \t]+the|that)[ \t]+(?:day|morning|evening|night)"
            r"|the[ \t]+same[ \t]+day|that[ \t]+(?:same[ \t]+)?day(?![-'’])|the[ \t]+next[ \t]+(?:day|morning)"
            r"|the[ \t]+following[ \t]+(?:day|morning)|the[ \t]+previous[ \t]+day"
            # "the day before the vote" is relative to the vote, not to a day named before
            r"|the[ \t]+day[ \t]+before(?![ \t]+(?:the|a|an|his|her|its|their|this|that)\b)))\b"),
    # a time of day on its own: dated by a day named in the same sentence, if any
    ("clock", rf"(?P<clk>{_CLOCK})"),
    # in recent days / the past few weeks
    ("vague", r"(?P<vague_text>(?i:recent[ \t]+(?:days|weeks|months|years|decades)|the[ \t]+(?:past|last)[ \t]+(?:few|several)[ \t]+(?:days|weeks|months|years|decades)))\b"),
    # in March / since January / early February (a month without a day)
    # ... and "for January", "through August", "December's figures"
    ("mon", r"(?:(?P<mon_pre>(?i:in|since|until|by|during|early|late|mid|last|next|this|from|for|through|throughout|of))[ \t-]+"
            r"|(?=(?:January|February|March|April|June|July|August|September|October|November|December)['’]s\b)"
            # "a June agreement", "the October crash": a month before a noun, after a determiner
            r"|(?:(?<=\b[aA][ \t])|(?<=\b[aA]n[ \t])|(?<=\b[tT]he[ \t])|(?<=\b[iI]ts[ \t])|(?<=\b[tT]heir[ \t]))"
            r"(?=(?:January|February|March|April|May|June|July|August|September|October|November|December)"
            r"[ \t]+(?!(?:of|and|or|to|through|as|is|was|in|on)\b)[a-z]))(?P<mon_m>"
            r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
            rf"(?:[ \t]+(?P<mon_rel>(?i:last|next|this))[ \t]+(?i:year)\b(?!['’]s))?"
            rf"(?!{_SEP}(?:{_DAY}|{_YEAR}|{SPELLED_YEAR}))"),
    # in 2016 / since 2016 (a year with a preposition, else it is just a number)
    ("year", r"(?P<yr_pre>(?i:in|since|from|until|by|during|early|late|mid))[ \t-]+(?P<yr>" + _YEAR + r")"),
    # quarters, seasons, holidays, decades, "now", "recently", "soon" (periods_grammar.py): after the
    # branches above, which win where both could match ("this week" is a period, not "this" + a season)
    *_PERIOD_BRANCHES,
]



def _pattern(names: tuple[str, ...] | frozenset | None = None) -> str:
    """The grammar, or only the branches ``names`` (with the same group names), in the grammar's order."""
    keep = [(n, b) for n, b in _BRANCHES if names is None or n in names]
    alts = []
    if any(n == "begin" for n, _ in keep):
        alts.append(rf"(?P<begin>{dict(_BRANCHES)['begin']})")
    rest = [(n, b) for n, b in keep if n != "begin"]
    if rest:
        # The relation prefix may precede any branch but "begin", which has its own.
        prefix = _RELATION if names is None else ""
        alts.append(prefix + r"(?:" + "|".join(f"(?P<{n}>{b})" for n, b in rest) + r")")
    return r"(?<![\w-])(?:" + "|".join(alts) + r")"


TIME_RE = re.compile(_pattern())
# A failed attempt of the whole grammar costs about 10 microseconds; where the
# first word already rules most branches out, a smaller grammar answers the
# same. At a month or weekday name only these can match; at a number only those.
_NAME_RE = re.compile(_pattern(("md", "dm", "my", "wd", "mon", "qtr")))
# ... and at a word, those that can begin with it (scanner.py keeps the table of first words).
BRANCH_NAMES = tuple(n for n, _ in _BRANCHES)


def sub_grammar(names: frozenset) -> re.Pattern:
    return re.compile(_pattern(names))

_NUMBER_RE = re.compile(_pattern(("md", "dm", "iso", "num", "wd", "ago", "clock", "qtr", "back", "fy", "decade", "season", "half", "century")))


class RawExpression:
    """A match before resolution: where it is, its branch, and its parts by
    group name (``get``: None when a part is absent)."""

    __slots__ = ("start", "end", "kind", "match")

    def __init__(self, start: int, end: int, kind: str, match: re.Match):
        self.start, self.end, self.kind, self.match = start, end, kind, match

    def get(self, key: str):
        # No groupdict per match (most parts are never read); a smaller grammar
        # lacks some groups, which are then simply absent. (Asking and catching
        # the rare miss is cheaper than a look in ``m.re.groupindex`` each time.)
        try:
            return self.match.group(key)
        except IndexError:
            return None

    @property
    def parts(self) -> dict:
        return {k: v for k, v in self.match.groupdict().items() if v is not None}

    def __eq__(self, other) -> bool:
        return isinstance(other, RawExpression) and (self.start, self.end, self.kind) == (other.start, other.end, other.kind)

    def __repr__(self) -> str:
        return f"RawExpression({self.start}, {self.end}, {self.kind!r})"
