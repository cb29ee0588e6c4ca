"""Finding time expressions in news text: one precompiled alternation.

The whole grammar is a single regular expression scanned once over
``Document.text``: a loop of patterns per sentence would be several times
slower, and the dates pass has to stay a small fraction of entity extraction.
Each top-level branch is a named group, so a match says which kind of
expression it is and its sub-groups carry the parts (month, day, weekday...).

Names of months and weekdays are matched case-sensitively (``May`` the month,
not ``may`` the verb); the small words around them ("last", "since") are not.
Separators allow the tokenised spacing of corpora such as ECB+
(``December 15th , 2008``).
"""

from __future__ import annotations

import re

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
_UNIT = r"(?i:day|week|month|year)"

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

_BRANCHES = [
    # Friday, Jan. 7, 2022 / January 2 / Jan 6, 2022 / December 15th , 2008
    ("md", rf"(?:(?P<md_wd>{_WEEKDAY_ANY}){_SEP})?(?P<md_m>{_MONTH}){_DOT}{_SP}(?P<md_d>{_DAY})(?:{_SEP}(?P<md_y>{_YEAR}))?"),
    # 21 July 2013 / Sunday , 21 July 2013
    ("dm", rf"(?:(?P<dm_wd>{_WEEKDAY_ANY}){_SEP})?(?<![\d,.])(?P<dm_d>{_DAY}){_SP}(?P<dm_m>{_MONTH})(?:{_DOT}{_SEP}(?P<dm_y>{_YEAR}))?"),
    # January 2022
    ("my", rf"(?P<my_m>{_MONTH}){_DOT}{_SEP}(?P<my_y>{_YEAR})"),
    # 2022-01-07
    ("iso", r"(?<![\d-])(?P<iso_y>(?:1[89]|20)\d\d)(?P<iso_sep>[ \t]?[-.][ \t]?)(?P<iso_m>\d{1,2})(?P=iso_sep)(?P<iso_d>\d{1,2})(?![\d-]|\.\d)"),
    # 12/16/08, 12 / 16 / 2008 (US order)
    ("num", r"(?<![\d/])(?P<num_m>\d{1,2})[ \t]?/[ \t]?(?P<num_d>\d{1,2})[ \t]?/[ \t]?(?P<num_y>\d{4}|\d{2})(?![\d/])"),
    # the day before yesterday / yesterday morning / last night / today / tonight
    ("reld", r"(?i:(?P<rel_word>the[ \t]+day[ \t]+before[ \t]+yesterday|the[ \t]+day[ \t]+after[ \t]+tomorrow"
            r"|yesterday|today|tonight|tomorrow|last[ \t]+night|this[ \t]+(?:morning|afternoon|evening))\b)"
            rf"(?:[ \t]+(?P<rel_pod>{_POD})\b)?"),
    # last Friday / next Monday / Friday morning / late on Friday
    # ... and with a clock time: "9:40 p.m. Friday", "Friday at 3 p.m."
    ("wd", rf"(?:(?P<wd_clk1>{_CLOCK})[ \t]+(?:(?i:on)[ \t]+)?)?{_EDGE}(?:(?P<wd_mod>(?i:last|next|this|coming|past)){_SP})?"
           rf"(?P<wd_name>{_WEEKDAY})(?:[ \t]+(?P<wd_pod>{_POD})\b)?"
           rf"(?:,?[ \t]+(?i:at|around|about)[ \t]+(?:(?i:about|around)[ \t]+)?(?P<wd_clk2>{_CLOCK}))?"),
    # earlier this week / last month / next year / the past week / this weekend
    ("per", r"(?:(?P<per_adv>(?i:earlier|later|early|late))" + _SP + r")?"
            r"(?P<per_mod>(?i:this|last|next|the[ \t]+past|the[ \t]+previous|the[ \t]+coming))" + _SP
            + r"(?P<per_unit>(?i:weekend|week|month|year))\b"),
    # two days ago / a week ago / 3 months ago
    ("ago", r"(?P<ago_n>\d{1,3}|(?i:a[ \t]+couple[ \t]+of|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a[ \t]+few|several))"
            + _SP + rf"(?P<ago_u>{_UNIT})s?" + _SP + r"(?i:ago)\b"),
    # since the beginning of the unrest / of the year / of January
    ("begin", r"(?P<bg_rel>(?i:since|from))" + _SP + r"(?i:the)" + _SP
              + r"(?P<bg_what>(?i:beginning|start|outbreak|onset|end))" + _SP + r"(?i:of)" + _SP
              + rf"(?:(?P<bg_m>{_MONTH})|(?P<bg_y>{_YEAR})|(?i:the{_SP})?(?P<bg_noun>(?i:[a-z][a-z-]+)))"),
    # earlier in the day / the same day / the next day: relative to the narrative
    ("ana", r"(?P<ana_text>(?i:(?:earlier|later)[ \t]+(?:in[ \t]+the|that)[ \t]+(?:day|morning|evening|night)"
            r"|the[ \t]+same[ \t]+day|that[ \t]+same[ \t]+day|the[ \t]+next[ \t]+(?:day|morning)"
            r"|the[ \t]+following[ \t]+(?:day|morning)|the[ \t]+previous[ \t]+day"
            # "the day before the vote" is relative to the vote, not to a day named before
            r"|the[ \t]+day[ \t]+before(?![ \t]+(?:the|a|an|his|her|its|their|this|that)\b)))\b"),
    # a time of day on its own: dated by a day named in the same sentence, if any
    ("clock", rf"(?P<clk>{_CLOCK})"),
    # in recent days / the past few weeks
    ("vague", r"(?P<vague_text>(?i:recent[ \t]+(?:days|weeks|months)|the[ \t]+(?:past|last)[ \t]+(?:few|several)[ \t]+(?:days|weeks|months)))\b"),
    # in March / since January / early February (a month without a day)
    ("mon", r"(?:(?P<mon_pre>(?i:in|since|until|by|during|early|late|mid|last|next|this|from))[ \t-]+)(?P<mon_m>"
            r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
            rf"(?!{_SEP}(?:{_DAY}|{_YEAR}))"),
    # in 2016 / since 2016 (a year with a preposition, else it is just a number)
    ("year", r"(?P<yr_pre>(?i:in|since|from|until|by|during|early|late|mid))[ \t-]+(?P<yr>" + _YEAR + r")"),
]



def _pattern(names: tuple[str, ...] | None = None) -> str:
    """The grammar, or only the branches ``names`` (with the same group names)."""
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
_NAME_RE = re.compile(_pattern(("md", "dm", "my", "wd")))
_NUMBER_RE = re.compile(_pattern(("dm", "iso", "num", "wd", "ago", "clock")))


class RawExpression:
    """A match before resolution: where it is, its branch, and its parts by
    group name (``get``: None when a part is absent)."""

    __slots__ = ("start", "end", "kind", "match")

    def __init__(self, start: int, end: int, kind: str, match: re.Match):
        self.start, self.end, self.kind, self.match = start, end, kind, match

    def get(self, key: str):
        # No groupdict per match (most parts are never read); a smaller grammar
        # lacks some groups, which are then simply absent.
        m = self.match
        return m.group(key) if key in m.re.groupindex else None

    @property
    def parts(self) -> dict:
        return {k: v for k, v in self.match.groupdict().items() if v is not None}

    def __eq__(self, other) -> bool:
        return isinstance(other, RawExpression) and (self.start, self.end, self.kind) == (other.start, other.end, other.kind)

    def __repr__(self) -> str:
        return f"RawExpression({self.start}, {self.end}, {self.kind!r})"


# Every expression contains one of these anchors; the full pattern only runs
# in a small window around them. Python's ``re`` tries each alternative at
# every word start, so one pass of the full grammar over whole articles runs
# at about 2 MB/s, while these anchor searches run at C speed: the capitalised
# names as a trie (the engine skips positions whose first letter cannot start
# one), the lower-case words with ``str.find``.
_CAPS_ANCHOR = re.compile(
    r"J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|J(?:AN|U[NL])|FEB|MA[RY]|A(?:PR|UG)|SEP|OCT|NOV|DEC|MON|TUE|WED|THU|FRI|SAT|SUN"
)
# Searched in the lower-cased text with tabs and newlines made spaces. Nearly
# all anchors are words after a space (or an opening bracket or quote): one
# pattern whose first character the engine finds at C speed, its words
# factored into a trie (a string search per word would be three times slower),
# and far fewer false hits than "day" inside "holiday".
_SPACE_WORDS = (
    "day", "night", "morning", "afternoon", "evening", "week", "month", "year", "ago", "beginning", "start",
    "outbreak", "onset", "end of", "today", "tonight", "tomorrow", "yesterday", "recent",
    # years after a word ("in 2016"); 24-hour clock times carry a zone
    "18", "19", "20", "utc", "gmt", "bst", "cet", "local time", "hrs",
)
# "3 p.m.", "11am", "9 : 40 pm", "3:00 PM": a 12-hour clock time after a space.
_CLOCK_WORD = r"\d{1,2}(?:[ \t]?[:.][ \t]?\d\d)?[ \t]?[ap][ \t]?\.?[ \t]?m(?![a-z])"
_OPENERS = " (\"'“‘["
# ... and the few anchors that may follow anything: numeric dates
# (12/16/08, 2022-01-07) and years after a hyphen ("mid-2016").
_WORD_ANCHORS = ("/", "-0", "-1", "-20")


def _trie(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` factored by common prefix: "to(?:day|morrow|night)".
    The engine tries alternatives one by one, so shared prefixes are tested once."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# (The clock is a lookahead, so "5 : 59 : 13 PM" also anchors at " 13".)
_SPACE_ANCHOR = re.compile(f"[{re.escape(_OPENERS)}](?:{_trie(_SPACE_WORDS)}|(?={_CLOCK_WORD}))")
_BEFORE = 28  # the most an expression starts before its first anchor ("a couple of weeks ago", "11 : 45 p . m .")
_KINDS = tuple(name for name, _ in _BRANCHES)


# Words an expression can start with; the full pattern is only tried at a
# word start near an anchor whose word is one of these (or a number).
_FIRST_WORDS = frozenset(
    [m.lower() for m in MONTHS] + [w.lower() for w in WEEKDAYS] + list(_MONTH_ABBR) + list(_WEEKDAY_ABBR)
    + """since until till til through by from before after as late early earlier later last next this coming
    past the that yesterday today tonight tomorrow a an one two three four five six seven eight nine ten
    eleven twelve several recent in during mid""".split()
)
_WORD_START = re.compile(r"(?<![\w-])\w+")
# Common first words go on to an expression only before these words: checking
# the next few characters is much cheaper than a failed attempt of the grammar.
_MONTH_PREFIXES = tuple(m.lower()[:3] for m in MONTHS)
_WEEKDAY_PREFIXES = tuple(d.lower()[:3] for d in WEEKDAYS)
_UNITS = ("day", "week", "month", "year", "night", "morning", "afternoon", "evening")
_CONTINUATIONS = {
    "the": ("day", "same", "next", "following", "previous", "past", "last", "coming"),
    "a": ("week", "day", "month", "year", "few", "couple"),
    "an": ("hour",),
    "in": _MONTH_PREFIXES + ("18", "19", "20"),
    "that": ("same", "day"),
    "this": _WEEKDAY_PREFIXES + _MONTH_PREFIXES + _UNITS,
    "last": _WEEKDAY_PREFIXES + _MONTH_PREFIXES + _UNITS + ("few", "several"),
    "next": _WEEKDAY_PREFIXES + _MONTH_PREFIXES + _UNITS,
    "past": _WEEKDAY_PREFIXES,
    "coming": _WEEKDAY_PREFIXES,
    "as": ("of",),
    "during": _MONTH_PREFIXES + ("18", "19", "20"),
}
_NAMES = frozenset([m.lower() for m in MONTHS] + [w.lower() for w in WEEKDAYS] + list(_MONTH_ABBR) + list(_WEEKDAY_ABBR))


# Words that can begin an expression before a month or weekday name ("until
# late on Friday", "last May", "as of Monday"); after any other word the
# expression starts at the name itself, so only the name is tried.
_BEFORE_NAME = frozenset(
    """since until till til through by from before after of late early earlier later on last next this
    coming past mid in during""".split()
    + [w.lower() for w in WEEKDAYS] + list(_WEEKDAY_ABBR)
)


def _names_needing_context(text: str, hits: list[int], start: int) -> list[int]:
    """Of the name anchors ``hits``, those preceded by a word that may begin the
    expression, a number ("21 July", "6th June", "9:40 p.m. Friday"), a full
    stop or a hyphen ("mid-October")."""
    out = []
    for p in hits:
        k = p - 1
        while k >= start and text[k] in " \t\n,":
            k -= 1
        if k < start:
            continue
        c = text[k]
        if c.isdigit() or c in ".-":
            out.append(p)
            continue
        j = k
        while j >= start and text[j].isalpha():
            j -= 1
        if (j >= start and text[j].isdigit()) or text[j + 1:k + 1].lower() in _BEFORE_NAME:  # "6th June"
            out.append(p)
    return out


def _anchors(text: str, start: int, end: int) -> tuple[list[int], set[int]]:
    """Anchor positions in text order, and those (names) whose expression can
    only start at the anchor itself."""
    names = [m.start() for m in _CAPS_ANCHOR.finditer(text, start, end)]
    hits = list(names)
    hits.append(start)  # the text's first word has no space before it ("Yesterday ...", "2013 - 09 - 26")
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; offsets must not move
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.replace("\n", " ").replace("\t", " ")  # (str.translate would be ten times slower)
    hits += [m.start() for m in _SPACE_ANCHOR.finditer(low, start, end)]
    find = low.find
    for w in _WORD_ANCHORS:
        i = find(w, start, end)
        while i >= 0:
            hits.append(i)
            i = find(w, i + len(w), end)
    hits.sort()
    return hits, set(names).difference(_names_needing_context(text, names, start))


def _windows(anchors: tuple[list[int], set[int]], start: int) -> list[tuple[int, int]]:
    """Ranges ``[lo, hi]`` of word starts to try: up to _BEFORE before each
    anchor (none before a name that needs none) and one after it (" 20" points
    at the space before its word), merged where they overlap."""
    out: list[tuple[int, int]] = []
    lo = hi = -1
    positions, alone = anchors
    for p in positions:
        a = p if p in alone else (p - _BEFORE if p - _BEFORE > start else start)
        if a <= hi + 1:
            hi = p + 1
        else:
            if hi >= 0:
                out.append((lo, hi))
            lo, hi = a, p + 1
    if hi >= 0:
        out.append((lo, hi))
    return out


def _kind(m: re.Match) -> str:
    # The branch group closes last, so it is the match's lastgroup.
    k = m.lastgroup
    return k if k in _KINDS else next(k for k in _KINDS if m.group(k) is not None)


def scan(text: str, start: int = 0, end: int | None = None) -> list[RawExpression]:
    """Every time expression of ``text[start:end]``, as raw matches in text order.

    Equivalent to ``TIME_RE.finditer`` over the range (``scan_full``), but
    the pattern is only tried at plausible word starts just before an anchor.
    """
    end = len(text) if end is None else end
    out: list[RawExpression] = []
    match, words = TIME_RE.match, _WORD_START.finditer
    match_name, match_number = _NAME_RE.match, _NUMBER_RE.match
    names, first_words, continuations, kinds = _NAMES, _FIRST_WORDS, _CONTINUATIONS, _KINDS
    # Word starts before ``tried`` were tried already (or are inside a match:
    # matches do not overlap, and a match sets ``tried`` to its end).
    tried = start
    for lo, hi in _windows(_anchors(text, start, end), start):
        if hi < tried:
            continue
        for w in words(text, lo if lo > tried else tried, hi + 24 if hi + 24 < end else end):
            s = w.start()
            if s > hi:
                break
            if s < tried:
                continue
            tried = s + 1
            word = w.group()
            if word[0].isdigit():
                m = match_number(text, s, end)
            else:
                lw = word.lower()
                if lw in names:
                    m = match_name(text, s, end)
                elif lw in first_words:
                    nexts = continuations.get(lw)
                    if nexts is not None:
                        e = w.end()
                        following = text[e:e + 16].lstrip(" \t\n-").lower()
                        if not following.startswith(nexts):
                            continue
                    m = match(text, s, end)
                else:
                    continue
            if m is None:
                continue
            kind = m.lastgroup  # the branch group closes last
            out.append(RawExpression(m.start(), m.end(), kind if kind in kinds else _kind(m), m))
            tried = m.end()
    return out


def scan_full(text: str) -> list[RawExpression]:
    """The same as ``scan`` without the anchor windows: the reference it is tested against."""
    out = []
    for m in TIME_RE.finditer(text):
        out.append(RawExpression(m.start(), m.end(), _kind(m), m))
    return out
