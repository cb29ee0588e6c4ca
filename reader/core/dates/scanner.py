"""Where to try the grammar: anchors, then the word starts just before them.

``scan(text)`` finds exactly what ``TIME_RE.finditer`` would (``scan_full``,
which the tests compare it with), several times faster: Python's ``re`` tries
each alternative at every word start, so one pass of the whole grammar over an
article runs at about 2 MB/s. Every expression contains an anchor (a month or
weekday name, a word such as "day" or "ago" after a space, a clock time, a
slash or hyphen of a numeric date), and anchors are found at C speed; the
grammar is then tried only at plausible first words just before each one.
"""

from __future__ import annotations

import re

from .periods_grammar import CENTURY_ORDINALS
from .expressions import (
    _BRANCHES, _MONTH_ABBR, _NAME_RE, _NUMBER_RE, _WEEKDAY_ABBR, BRANCH_NAMES, MONTHS, TIME_RE, WEEKDAYS,
    RawExpression, sub_grammar,
)

# Capitalised names as a trie: the engine skips at C speed every position
# whose letter cannot start one.
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
    # 24-hour clock times carry a zone (years after a word, "in 2016", and
    # 12-hour clock times are the digit branch of _SPACE_ANCHOR)
    "utc", "gmt", "bst", "cet", "local time", "hrs",
    # quarters, seasons, holidays, decades, spelled years, and the words for now, the past and the future
    "quarter", "period", "spring", "summer", "fall", "autumn", "winter", "christmas", "thanksgiving",
    "easter", "halloween", "decade", "nineteen", "eighteen", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties", "now", "currently", "presently", "nowadays",
    "moment", "recently", "lately", "past", "soon", "future", "term", "coming", "upcoming",
    "then",  # "since then", "by then"
    "q1", "q2", "q3", "q4",  # Q3, Q1 2013
    "half", "h1", "h2",  # the first half, H1 2013
    "century", "pentecost", "mardi gras", "fy",
)
# How far before these anchors an expression may start, where it is not _BEFORE: words that are
# most of their expression ("until now", "the foreseeable future") need less, which keeps the
# windows small; quarters and periods take long modifiers ("the comparable year-ago third quarter").
_NEAR = 12
_BACK = {
    **{f" {w}": _NEAR for w in ("now", "currently", "presently", "nowadays", "moment", "recently", "lately",
                                 "past", "soon", "coming", "upcoming", "christmas", "thanksgiving", "easter",
                                 "halloween", "then", "q1", "q2", "q3", "q4", "h1", "h2", "pentecost", "mardi gras",
                                 "fy")},
    **{f" {w}": 24 for w in ("future", "term", "decade", "nineteen", "eighteen", "twenties", "thirties",
                              "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
                              "spring", "summer", "fall", "autumn", "winter")},
    " quarter": 40, " period": 40, "-quarter": 40, " half": 40, "-half": 40, " century": 32, "-century": 32,
}
# "3 p.m.", "11am", "9 : 40 pm", "3:00 PM": a 12-hour clock time after a space.
_CLOCK_WORD = r"\d{1,2}(?:[ \t]?[:.][ \t]?\d\d)?[ \t]?[ap][ \t]?\.?[ \t]?m(?![a-z])"
_OPENERS_AND_BREAKS = "\n\t(\"'“‘["
# ... and the few anchors that may follow anything: numeric dates
# (12/16/08, 2022-01-07) and years after a hyphen ("mid-2016").
_WORD_ANCHORS = ("/", "-0", "-1", "-20", "-quarter", "-half", "-century", "-’")  # "the mid-’90s"
_HYPHEN_ANCHORS = tuple(w for w in _WORD_ANCHORS if w[0] == "-")
assert set(_WORD_ANCHORS) == {"/"} | set(_HYPHEN_ANCHORS)


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
# Openers are made spaces in the searched copy: a pattern that starts with
# one literal character is found twice as fast as one that starts with a set.
# Words after the space go through a trie; a digit after it starts a year
# (18.., 19.., 20..) or a clock time, told apart after the digit is consumed
# (one branch for every digit is cheaper than one per kind).
_CLOCK_AFTER_DIGIT = _CLOCK_WORD[len(r"\d{1,2}"):]
assert _CLOCK_WORD.startswith(r"\d{1,2}")
_SPACE_ANCHOR = re.compile(
    " (?:" + _trie(_SPACE_WORDS)
    # ... and a decade by its tens, the '80s (the opening quote is a space here, the apostrophe is not)
    + r"|\d(?:(?<=1)[89]|(?<=2)0|(?=0s\b)|(?=\d?" + _CLOCK_AFTER_DIGIT + r"))|’(?=\d0s\b))"
)
_BEFORE = 28  # the most an expression starts before its first anchor ("a couple of weeks ago", "11 : 45 p . m .")
_KINDS = tuple(name for name, _ in _BRANCHES)


# First words of the holidays not already first words of something else
_HOLIDAY_FIRST = ("st saint earth groundhog armistice remembrance bastille canada australia flag juneteenth all "
                  "black cyber ash palm maundy shrove pentecost whit mardi")

# Words an expression can start with; the full pattern is only tried at a
# word start near an anchor whose word is one of these (or a number).
_FIRST_WORDS = frozenset(
    [m.lower() for m in MONTHS] + [w.lower() for w in WEEKDAYS] + list(_MONTH_ABBR) + list(_WEEKDAY_ABBR)
    + """since until till til through by from before after as late early earlier later last next this coming
    past the that yesterday today tonight tomorrow a an one two three four five six seven eight nine ten
    eleven twelve several recent in during mid""".split()
    + """first second third fourth fiscal calendar its their year end beginning start middle close now right just
    currently at presently nowadays these recently lately most soon upcoming spring summer fall autumn winter
    christmas thanksgiving easter halloween new good independence labor labour memorial veterans valentine mother
    father martin presidents columbus boxing nineteen eighteen for throughout of q1 q2 q3 q4 latter back final
    h1 h2 twenty""".split() + list(CENTURY_ORDINALS) + _HOLIDAY_FIRST.split()
)
_WORD_START = re.compile(r"(?<![\w-])\w+")
# Common first words go on to an expression only before these words: checking
# the next few characters is much cheaper than a failed attempt of the grammar.
_MONTH_PREFIXES = tuple(m.lower()[:3] for m in MONTHS)
_WEEKDAY_PREFIXES = tuple(d.lower()[:3] for d in WEEKDAYS)
_UNITS = ("day", "week", "month", "year", "night", "morning", "afternoon", "evening")
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
_THE_SEASON = tuple(f"the {w}" for w in _SEASONS + ("early", "late"))
_ORDINALS = ("first", "second", "third", "fourth")
_PLURAL_UNITS = ("days", "weeks", "months", "years", "quarters", "decades")
_QUARTER_MODS = (
    "latest", "current", "previous", "prior", "comparable", "corresponding", "year", "most", "recent",
    "just", "preceding", "fiscal", "quarter", "18", "19", "20",
) + _ORDINALS
_OF = ("of",)
_HALVES = ("latter", "back", "final", "last")
_DAY = ("day", "'", "’")
_POSSESSIVE = ("'s", "’s")
# "in five years", "in a decade": a count after "in" (spans ahead of the article date)
_COUNT_WORDS = [w + " " for w in "a an one two three four five six seven eight nine ten eleven twelve".split()]
_CONTINUATIONS = {
    "the": ("day", "week", "month", "same", "next", "following", "previous", "past", "last", "coming", "full", "whole", "entire",
            "end", "beginning", "start", "middle", "close", "near", "short", "long", "distant", "foreseeable",
            "future", "upcoming", "early", "mid", "late", "summer", "winter", "autumn", "spring", "fall", "this",
            "that", "latter", "back", "final", "other", "'", "’", "twenty", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", *"123456789", *CENTURY_ORDINALS)
    + _QUARTER_MODS + _MONTH_PREFIXES + tuple(w for w in ("twenties thirties forties fifties sixties seventies "
                                                         "eighties nineties").split()),
    "a": ("week", "day", "month", "year", "few", "couple", "quarter", "decade", "century"),
    "an": ("hour",),
    "in": _MONTH_PREFIXES + tuple("123456789") + _SEASONS + _THE_SEASON + tuple(_COUNT_WORDS),
    "that": ("same", "day", "year", "quarter", "week", "month"),
    "this": _WEEKDAY_PREFIXES + _MONTH_PREFIXES + _UNITS + _SEASONS + _QUARTER_MODS + ("past", "decade", "year",
                                                                                   "century"),
    "last": _WEEKDAY_PREFIXES + _MONTH_PREFIXES + _UNITS + ("few", "several", "half", "century") + _SEASONS
    + _QUARTER_MODS,
    "next": _WEEKDAY_PREFIXES + _MONTH_PREFIXES + _UNITS + _SEASONS + _QUARTER_MODS + ("few", "several", "century"),
    "its": _QUARTER_MODS + _MONTH_PREFIXES + _HALVES, "their": _QUARTER_MODS + _MONTH_PREFIXES + _HALVES,
    "past": _WEEKDAY_PREFIXES,
    "coming": _WEEKDAY_PREFIXES + _PLURAL_UNITS,
    "upcoming": _PLURAL_UNITS,
    "as": ("of",),
    "for": _MONTH_PREFIXES, "throughout": _MONTH_PREFIXES, "of": _MONTH_PREFIXES,
    "during": _MONTH_PREFIXES + ("18", "19", "20") + _SEASONS + _THE_SEASON,
    **{w: ("century",) for w in CENTURY_ORDINALS}, "twenty": ("first", "second"),
    "first": ("quarter", "fiscal", "half", "century"), "second": ("quarter", "fiscal", "half", "century"),
    "third": ("quarter", "fiscal", "century"), "fourth": ("quarter", "fiscal", "century", "of july"),
    "latter": ("half",), "back": ("half",), "final": ("half",),
    "fiscal": ("18", "19", "20", "year") + _ORDINALS,
    "calendar": ("18", "19", "20"),
    "year": ("earlier", "ago", "end", "'s end", "’s end"),
    "end": _OF, "beginning": _OF, "start": _OF, "middle": _OF, "close": _OF,
    "right": ("now",), "just": ("now",), "at": ("present", "the moment"), "these": ("days",), "most": ("recent",),
    "new": ("year",), "good": ("friday",), "martin": ("luther",),
    "independence": _DAY, "labor": _DAY, "labour": _DAY, "memorial": _DAY, "veterans": _DAY, "columbus": _DAY,
    "boxing": _DAY, "presidents": _DAY, "valentine": _POSSESSIVE, "mother": _POSSESSIVE, "father": _POSSESSIVE,
    **{w: _DAY for w in "earth groundhog armistice remembrance bastille canada australia flag".split()},
    "st": (". patrick", "patrick"), "saint": ("patrick",), "all": ("saints",), "black": ("friday",),
    "cyber": ("monday",), "ash": ("wednesday",), "palm": ("sunday",), "maundy": ("thursday",),
    "shrove": ("tuesday",), "whit": ("sunday", "monday"), "mardi": ("gras",),
}
# What can follow the number an expression starts with: a separator of a
# numeric date or clock time, am/pm, a month ("21 July", "6th June"), a unit
# ("3 days ago"). A cheap look before the grammar is tried.
_NUMBER_NEXT = re.compile(
    r"(?:st|nd|rd|th)?[ \t\n]*(?:[-/:.]|[aApP][ \t]?\.?[ \t]?[mM](?![A-Za-z])"
    r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|quarter|decade))"
)
# The branches that can begin with a (lower-cased) first word. A failed attempt of the whole grammar
# costs 40 to 100 microseconds; the few branches a word can begin cost a fraction of it, and answer
# the same (the tests compare scan with scan_full). Words that can open a range ("since", "by") may
# precede any branch: they keep the whole grammar.
_NUMBER_WORDS = "a an one two three four five six seven eight nine ten eleven twelve several".split()
_BRANCH_STARTS = {
    "reld": "the yesterday today tonight tomorrow last this",
    "wd": "late early earlier later last next this coming past the",
    "per": "earlier later early late this last next the",
    "ago": " ".join(_NUMBER_WORDS),
    "ahead": "in " + " ".join(_NUMBER_WORDS),
    "ana": "earlier later the that",
    "vague": "recent the",
    "mon": "in during early late mid last next this for through throughout of",
    "year": "in during early late mid",
    "qtr": "the this last next its their that latest current previous prior comparable corresponding year most "
           "recent just preceding fiscal first second third fourth q1 q2 q3 q4",
    "qref": "the that this its their last next",
    "half": "the this last next its their that year latest current comparable corresponding same fiscal first "
            "second latter back final h1 h2",
    "back": " ".join(_NUMBER_WORDS) + " year the",
    "fy": "fiscal the calendar nineteen eighteen",
    "yref": "the that this",
    "part": "year the end beginning start middle close",
    "season": "this last next early late mid in during over the",
    "holiday": "christmas new thanksgiving easter good halloween independence labor labour memorial veterans "
               "valentine mother father martin presidents columbus boxing fourth " + _HOLIDAY_FIRST,
    "decade": "the early mid late this",
    "century": "the early mid late this last next twenty " + " ".join(CENTURY_ORDINALS),
    "wom": "the",
    "tunit": "that the earlier later early late",
    "present": "right just now currently at presently nowadays these",
    "pastref": "recently lately the most recent",
    "futureref": "soon the coming upcoming next",
}
assert set(_BRANCH_STARTS) <= set(BRANCH_NAMES)
_RELATION_WORDS = frozenset("since until till til through by from before after as".split())


def _grammars_by_word() -> dict[str, object]:
    by_word: dict[str, set[str]] = {}
    for branch, words in _BRANCH_STARTS.items():
        for w in words.split():
            by_word.setdefault(w, set()).add(branch)
    compiled: dict[frozenset, object] = {}
    out = {}
    for w, branches in by_word.items():
        if w in _RELATION_WORDS:
            continue
        key = frozenset(branches)
        if key not in compiled:
            compiled[key] = sub_grammar(key)
        out[w] = compiled[key].match
    return out


_NAMES = frozenset([m.lower() for m in MONTHS] + [w.lower() for w in WEEKDAYS] + list(_MONTH_ABBR) + list(_WEEKDAY_ABBR))


# Words that can begin an expression before a month or weekday name ("until
# late on Friday", "last May", "as of Monday"); after any other word the
# expression starts at the name itself, so only the name is tried.
_BEFORE_NAME = frozenset(
    """since until till til through by from before after of late early earlier later on last next this
    coming past mid in during good for throughout previous preceding following black cyber ash palm maundy shrove
    whit""".split()
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


def _anchors(text: str, start: int, end: int) -> tuple[list[int], dict[int, int]]:
    """Anchor positions in text order, and how far before each its expression
    may start where that is not _BEFORE (0 for names that need no context)."""
    names = [m.start() for m in _CAPS_ANCHOR.finditer(text, start, end)]
    hits = list(names)
    hits.append(start)  # the text's first word has no space before it ("Yesterday ...", "2013 - 09 - 26")
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two; offsets must not move
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for ch in _OPENERS_AND_BREAKS:  # (str.translate would be ten times slower)
        low = low.replace(ch, " ")
    back: dict[int, int] = {}
    back_of = _BACK.get
    for m in _SPACE_ANCHOR.finditer(low, start, end):
        p = m.start()
        hits.append(p)
        b = back_of(m.group())
        if b is not None:
            back[p] = b
    # One pass for the slash and one for the hyphen, whose digit is checked
    # here: a pass per anchor re-reads the whole text for each.
    find = low.find
    i = find("/", start, end)
    while i >= 0:
        hits.append(i)
        i = find("/", i + 1, end)
    i = find("-", start, end)
    while i >= 0:
        if low.startswith(_HYPHEN_ANCHORS, i, end):
            hits.append(i)
            if low.startswith(("-quarter", "-half", "-century"), i, end):
                back[i] = _BACK["-quarter"]
        i = find("-", i + 1, end)
    hits.sort()
    for p in set(names).difference(_names_needing_context(text, names, start)):
        back[p] = 0
    return hits, back


def _windows(anchors: tuple[list[int], dict[int, int]], start: int) -> list[tuple[int, int]]:
    """Ranges ``[lo, hi]`` of word starts to try: up to _BEFORE before each
    anchor (or its own distance: none before a name that needs none) and one
    after it (" 20" points at the space before its word), merged where they overlap. An anchor
    may reach further back than one before it ("the September quarter": none before the month, 40
    before " quarter"), so a window may also grow backwards over the ones before it."""
    out: list[tuple[int, int]] = []
    lo = hi = -1
    positions, back = anchors
    get = back.get
    for p in positions:
        a = p - get(p, _BEFORE)
        if a < start:
            a = start
        if a <= hi + 1:
            hi = p + 1
            if a < lo:
                lo = a
                while out and out[-1][1] + 1 >= lo:
                    prev = out.pop()[0]
                    if prev < lo:
                        lo = prev
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


_BY_WORD: dict | None = None


def scan(text: str, start: int = 0, end: int | None = None) -> list[RawExpression]:
    """Every time expression of ``text[start:end]``, as raw matches in text order.

    Equivalent to ``TIME_RE.finditer`` over the range (``scan_full``), but
    the pattern is only tried at plausible word starts just before an anchor.
    """
    end = len(text) if end is None else end
    out: list[RawExpression] = []
    match, words = TIME_RE.match, _WORD_START.finditer
    global _BY_WORD
    if _BY_WORD is None:  # compiled on first use: the app starts without paying for it
        _BY_WORD = _grammars_by_word()
    by_word = _BY_WORD
    match_name, match_number = _NAME_RE.match, _NUMBER_RE.match
    names, first_words, continuations, kinds = _NAMES, _FIRST_WORDS, _CONTINUATIONS, _KINDS
    number_next = _NUMBER_NEXT.match
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
                # "20 people", "2,500": no date goes on so ("9pm", "15th" are tried as they are)
                if word.isdigit() and number_next(text, w.end()) is None and not (
                        len(word) == 4 and word.startswith(("18", "19", "20"))):  # a bare year ("fiscal 1989")
                    continue
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
                    m = by_word.get(lw, match)(text, s, end)
                elif lw.startswith("fy") and (lw == "fy" or lw[2:].isdigit()):  # FY2013, FY 2013
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
