"""Resolving the expressions of ``periods_grammar``: quarters, seasons, holidays, decades, spelled and
bare years, spans counted from the time under discussion, and now / the past / the future.

Financial news tells its periods relative to the story as much as to the article date: "the quarter",
"the year-earlier period" and "a year earlier" mean the quarter the article is reporting on, and a year
before it. ``Story`` carries that reference through an article, in text order. Each resolver answers
``(date, granularity, note, last)``; ``resolve.py`` makes the Resolution.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .expressions import NUMBER_WORDS, month_number
from .games import GAME_QUARTER, of_a_game_strictly

QUARTER = "quarter"
SEASON = "season"
DECADE = "decade"

# Branch -> the kind users and the JSON see.
PERIOD_KINDS = {
    "qtr": "quarter", "qref": "quarter", "back": "anaphoric", "fy": "year", "yref": "year", "part": "period",
    "season": "season", "holiday": "holiday", "decade": "decade", "present": "present", "pastref": "past_ref",
    "futureref": "future_ref", "ahead": "ahead", "then": "anaphoric", "half": "half", "century": "century",
    "wom": "period", "tunit": "anaphoric",
}
# Those whose answer depends on the tense around them.
TENSED = frozenset(("qtr", "season", "holiday", "part", "ahead", "half", "wom"))


@dataclass(slots=True)
class Story:
    """What the article has been talking about so far: the last quarter it named, and the last date
    of any kind (with its granularity) a span such as "a year earlier" counts from."""

    quarter: _dt.date | None = None
    ref: _dt.date | None = None
    ref_granularity: str | None = None
    ref_at: int = -1  # where the text named it


def quarter_start(d: _dt.date) -> _dt.date:
    return _dt.date(d.year, (d.month - 1) // 3 * 3 + 1, 1)


def _quarter_end(first: _dt.date) -> _dt.date:
    return first + relativedelta(months=3, days=-1)


def _q(first: _dt.date, note: str):
    return first, QUARTER, note, _quarter_end(first)


def _shift(d: _dt.date, granularity: str | None, n: int, unit: str) -> _dt.date:
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months:
        return d + relativedelta(months=months * n)
    return d + _dt.timedelta(days=n * (7 if unit == "week" else 1))


_REPORTING_LAG = 90
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _year_of(raw, a: _dt.date | None, *groups: str) -> int | None:
    for gname in groups:
        v = raw.get(gname)
        if v:
            return int(v)
    return None


# --- quarters ------------------------------------------------------------------
def resolve_quarter(raw, a, tense, story: Story):
    g = raw.get
    if g("q_num"):  # Q3, Q1 2013
        n, m0 = int(g("q_num")), 3 * int(g("q_num")) - 2
    elif g("q_mon"):  # the September quarter: the three months that end with it (a fiscal one may end in any)
        m0 = (month_number(g("q_mon")) - 3) % 12 + 1
        if g("q_mon0") and month_number(g("q_mon0")) != m0:
            return None, None, "not three months", None
        n = (m0 - 1) // 3 + 1
    else:
        n = _ORD[g("q_ord").lower()]
        m0 = 3 * n - 2
    # a quarter ending in February begins in December of the year before
    wraps = bool(g("q_mon")) and m0 > month_number(g("q_mon"))
    year = _year_of(raw, a, "q_yr", "q_yr2", "q_yr3")
    mod = " ".join((g("q_mod") or "").lower().split())
    rel = g("q_rel") or g("q_rel2")
    if year is None and rel:
        if a is None:
            return None, None, "a quarter of a year relative to the article date, which has none", None
        year = a.year + {"this": 0, "last": -1, "next": 1}[rel.lower()]
    if year is not None:
        return _q(_dt.date(year - wraps, m0, 1), f"quarter {n} of {year}")
    if mod in ("year-earlier", "year-ago", "year earlier", "comparable", "corresponding"):
        base = story.quarter or (quarter_start(a) if a else None)
        if base is None:
            return None, None, "a year before a quarter the article does not date", None
        return _q(_dt.date(base.year - 1, m0, 1), f"quarter {n}, a year before the one reported on")
    if not (mod or g("q_num") or g("q_mon") or "fiscal" in raw.match.group().lower()) and of_a_game_strictly(raw):
        return None, None, GAME_QUARTER, None
    if a is None:
        return None, None, "a quarter without a year, and the article has no date", None
    cands = [_dt.date(y, m0, 1) for y in (a.year - 1, a.year, a.year + 1)]
    if (tense() if callable(tense) else tense) == "future":
        # Results come out in the quarter after: "will report third-quarter results" in October
        # is the quarter just ended.
        first = min(c for c in cands if _quarter_end(c) >= a - _dt.timedelta(days=_REPORTING_LAG))
        return _q(first, f"future: the next quarter {n} not yet reported")
    first = max(c for c in cands if c <= a)
    return _q(first, f"the latest quarter {n} begun by the article date")


_YEAR_BACK = ("year-earlier", "year-ago", "year earlier", "comparable", "corresponding", "same")


def is_story_time(raw) -> bool:
    """Whether the expression names the time the story is about, which later "the quarter" or "a year
    earlier" refer to; "the year-earlier quarter" only compares with it."""
    g = raw.get
    if raw.kind == "qtr":
        return " ".join((g("q_mod") or "").lower().split()) not in _YEAR_BACK
    if raw.kind == "qref":
        return " ".join((g("qr_mod") or "").lower().split()) not in _YEAR_BACK and not g("qr_back")
    return raw.kind not in ("present", "back", "pastref", "futureref", "half", "tunit")


# "the first nine months", "the six-month period", "the first half", "year to date": a span of a year
# longer than a quarter, which results are also given for. "a year earlier" after one is the year before.
_YEAR_SPAN = re.compile(
    r"\b(?:(?:six|nine|eight|ten|eleven|6|9)[ -]months?|(?:first|second|latter|last)[ -]half|half[ -]year"
    r"|year[ -]to[ -]date)\b", re.I)


_SPAN_KEYS = (("month", 8), ("half", 8), ("to date", 6), ("to-date", 6))  # and how far before it a span starts


def year_spans(text: str) -> list[int]:
    """Where ``text`` names such a span, in text order (the regular expression is only tried around
    its key words: searching the whole text would cost a third of the dates pass)."""
    out = []
    find, search, n = text.find, _YEAR_SPAN.search, len(text)
    for key, back in _SPAN_KEYS:
        i = find(key)
        while i >= 0:
            m = search(text, max(0, i - back), i + len(key) + 2)
            if m is not None and m.start() <= i < m.end() and (m.end() == n or not text[m.end()].isalnum()):
                out.append(m.start())
            i = find(key, i + 1)
    out.sort()
    return out


def to_the_year(story: Story, a: _dt.date | None) -> None:
    """After such a span, the story's time is the year reported on (a year earlier is the year before)."""
    base = story.quarter or a
    if base is not None:
        story.ref, story.ref_granularity = _dt.date(base.year, 1, 1), "year"


def year_ago_quarter(story: Story, n: int, unit: str):
    """ "a year ago" in a story about a quarter: that quarter, a year before (None otherwise)."""
    if story.ref_granularity != QUARTER or unit not in ("year", "quarter"):
        return None
    first = story.ref - relativedelta(months=(12 if unit == "year" else 3) * n)
    return _q(first, f"{n} {unit}(s) before the quarter spoken of")


_ENDED = re.compile(r"[ \t]+(?:that[ \t]+)?ended[ \t]+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ \t]+"
                    r"([0-3]?\d)\b")


def resolve_quarter_ref(raw, a, story: Story):
    g = raw.get
    det = g("qr_det").lower()
    mod = " ".join((g("qr_mod") or "").lower().split())
    year = _year_of(raw, a, "qr_yr")
    base = story.quarter
    if base is None and a is not None:
        this = quarter_start(a)
        base = this if mod == "current" or det == "this" else this - relativedelta(months=3)
    if base is None:
        return None, None, "a quarter the article does not date", None
    if det in ("last", "next"):
        if a is None:
            return None, None, "relative to the article date, which has none", None
        first = quarter_start(a) + relativedelta(months=-3 if det == "last" else 3)
        return _q(first, f"{det} quarter: relative to the article date")
    if year is not None:
        if story.quarter is None or (story.ref_granularity == "year" and g("qr_unit").lower() == "period"):
            # "the 1988 period" with no quarter named, or after "the first nine months": the year
            return _dt.date(year, 1, 1), "year", f"the {year} period", _dt.date(year, 12, 31)
        return _q(base.replace(year=year), f"the quarter reported on, in {year}")
    ended = _ENDED.match(raw.match.string, raw.end) if not (mod or story.quarter) and a is not None else None
    if ended:  # "the quarter ended July 31", no quarter named before: May to July, mostly the second
        m, d = month_number(ended.group(1)), int(ended.group(2))
        y = a.year - ((m, d) > (a.month, a.day))
        return _q(quarter_start(_dt.date(y, m, 1) - relativedelta(months=1)), "the three months to the day it ended")
    if mod == "current":
        if a is None:
            return None, None, "relative to the article date, which has none", None
        return _q(quarter_start(a), "the quarter of the article date")
    if mod in ("latest", "most recent", "recent", "just-ended", "just ended"):
        if a is None:
            return None, None, "relative to the article date, which has none", None
        if story.quarter is not None and story.quarter < a:
            return _q(story.quarter, "the latest quarter: the one the article reports on")
        return _q(quarter_start(a) - relativedelta(months=3), "the last quarter ended by the article date")
    if mod in ("previous", "prior", "preceding"):
        return _q(base - relativedelta(months=3), "the quarter before the one reported on")
    if mod in _YEAR_BACK or g("qr_back"):
        return _q(base - relativedelta(years=1), "the same quarter a year before")
    why = "the quarter the article reports on" if story.quarter else "the last quarter ended by the article date"
    return _q(base, why)


# --- spans counted from the story's time -------------------------------------------
_FINER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5, "century": 6}


def resolve_back(raw, a, story: Story):
    g = raw.get
    if g("bk_adj"):
        n, unit, sign = 1, "year", -1
    elif g("bk_fol") or g("bk_th"):
        n, unit = 1, (g("bk_fol") or g("bk_th")).lower()
        sign = -1 if (g("bk_thd") or "").lower() == "before" else 1
    else:
        word = " ".join(g("bk_n").lower().split())
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        unit = g("bk_u").lower().replace("centurie", "century")
        sign = 1 if g("bk_dir").lower() == "later" else -1
        if n is None:
            return None, None, f"vague: {word} {unit}s from the time spoken of", None
    ref, gran = (story.ref, story.ref_granularity) if story.ref else (a, "day")
    if g("bk_adj") and story.quarter is not None and _FINER.get(gran, 0) < _FINER[QUARTER]:
        # "the year-ago results" compare with the quarter reported on, not with the day named last
        # ("the quarter ended Sept. 30")
        return _q(story.quarter - relativedelta(years=1), "the quarter reported on, a year before")
    if ref is None:
        return None, None, "counted from a time the article does not date", None
    if g("bk_adj") and gran == "year" and a is not None and ref.year == a.year - 1:
        # "Last year losses were $5 million ... the year-earlier results": the year spoken of is already the
        # one before the year reported on (the article's), which "year-earlier" compares with
        return ref, "year", "the year before the article's, spoken of already", _dt.date(ref.year, 12, 31)
    if _FINER.get(gran, 0) > _FINER[unit]:
        return None, None, f"{n} {unit}(s) from a time known only to the {gran}", None
    # The answer is as fine as the time counted from ("a year earlier" than the third quarter is
    # the third quarter before it; than a day, that day a year before).
    out = "year" if unit in ("decade", "century") and _FINER.get(gran, 0) < _FINER["year"] else gran
    d = _shift(ref, gran, sign * n, unit)
    if g("bk_fol") or g("bk_th"):  # the following month, the year before: that whole month, week or year
        note = f"the {unit} {'before' if sign < 0 else 'after'} the time spoken of"
        if unit == "year":
            return _dt.date(d.year, 1, 1), "year", note, _dt.date(d.year, 12, 31)
        if unit == "month":
            d = d.replace(day=1)
            return d, "month", note, d + relativedelta(day=31)
        d -= _dt.timedelta(days=d.weekday())
        return d, "week", note, d + _dt.timedelta(days=6)
    if out == "year":
        d = _dt.date(d.year, 1, 1)
        return d, "year", f"{n} {unit}(s) from the time spoken of", _dt.date(d.year, 12, 31)
    if out == "quarter":
        return _q(quarter_start(d), f"{n} {unit}(s) from the quarter spoken of")
    if out == "month":
        d = d.replace(day=1)
        return d, "month", f"{n} {unit}(s) from the month spoken of", d + relativedelta(day=31)
    return d, "day", f"{n} {unit}(s) from the day spoken of", None


# --- years ---------------------------------------------------------------------------
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}


def _two_digits(words: list[str]) -> int | None:
    total = 0
    for w in words:
        if w in _TENS:
            total += _TENS[w]
        elif w in _SMALL:
            total += _SMALL[w]
        elif w not in ("and", "oh"):
            return None
    return total


def spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "nineteen hundred" -> 1900."""
    words = re.findall(r"[a-z]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = _two_digits(words[2:])
        return None if rest is None else 2000 + rest
    century = _SMALL.get(words[0]) if words else None
    if century is None:
        return None
    if words[1:] == ["hundred"]:
        return century * 100
    rest = _two_digits(words[1:])
    return None if rest is None else century * 100 + rest


def _year(y: int, note: str):
    return _dt.date(y, 1, 1), "year", note, _dt.date(y, 12, 31)


def resolve_fiscal_year(raw):
    g = raw.get
    if g("fy_yy"):  # FY13: 2013, FY98: 1998
        y = int(g("fy_yy")) + (2000 if int(g("fy_yy")) < 70 else 1900)
    else:
        y = int(g("fy_num") or g("fy_num2") or 0) or spelled_year(g("fy_words"))
    if y is None or not 1 <= y <= 9999:
        return None, None, "not a year", None
    return _year(y, "")


# "the year ended March 31", "the fiscal year ending June 30, 1990": a year that need not be the calendar's
_YEAR_ENDED = re.compile(r"[ \t]+(ended|ending)[ \t]+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ \t]+"
                         r"([0-3]?\d)\b(?:,?[ \t]+((?:19|20)\d\d)\b)?")


def resolve_year_ref(raw, a, story: Story):
    det, mod = raw.get("yr_det").lower(), " ".join((raw.get("yr_mod") or "").lower().split())
    story_year = story.ref.year if story.ref else None
    if det == "that" or mod in ("same",):
        if story_year is None:
            return None, None, "the year spoken of, which the article does not date", None
        return _year(story_year, "the year spoken of")
    if mod in ("following", "next"):
        base = story_year or (a.year if a else None)
        return (None, None, "no year to count from", None) if base is None else _year(base + 1, "the year after the one spoken of")
    if a is None:
        return None, None, "this year, and the article has no date", None
    ends = _YEAR_ENDED.match(raw.match.string, raw.end) if det == "the" else None
    if ends:  # "the year ended March 31": the twelve months to that day, named by the year they end in
        try:
            end = _dt.date(int(ends.group(4) or a.year), month_number(ends.group(2)), int(ends.group(3)))
        except ValueError:
            return None, None, "not a calendar date", None
        if not ends.group(4) and ends.group(1).lower() == "ended" and end > a:
            end = end.replace(year=end.year - 1)
        return _year(end.year, "the twelve months to the day the year ended, named by its year")
    if mod == "latest fiscal":
        return _year(a.year - 1, "the last full year before the article date")
    return _year(a.year, "the year of the article date")


# --- the beginning, middle or end of a period ---------------------------------------------
_PART_MONTHS = {"beginning": (0, 1), "start": (0, 1), "middle": (5, 2), "end": (11, 1), "close": (11, 1)}
_PART_DAYS = {"beginning": (1, 10), "start": (1, 10), "middle": (11, 20), "end": (21, 31), "close": (21, 31)}


def resolve_part(raw, a, tense):
    g = raw.get
    if g("ed_ye"):
        if a is None:
            return None, None, "the end of a year the article does not date", None
        if (raw.get("rel") or "").lower() in ("since", "from", "after") and (a.month, a.day) != (12, 31):
            # "up 8% since year-end": the year-end already past
            return _dt.date(a.year - 1, 12, 31), "day", "the last day of the year before", None
        # "by year-end" is the end of the year, as "by the end of the year" is: its last month, as a year
        first = _dt.date(a.year, 12, 1)
        return first, "year", "the end of the year", _dt.date(a.year, 12, 31)
    what = g("ed_what").lower()
    if g("ed_y"):
        y = int(g("ed_y"))
        m0, n = _PART_MONTHS[what]
        first = _dt.date(y, m0 + 1, 1)
        return first, "year", f"the {what} of {y}", first + relativedelta(months=n, days=-1)
    if g("ed_m"):
        month = month_number(g("ed_m"))
        if g("ed_my"):
            y = int(g("ed_my"))
        elif a is None:
            return None, None, "a month without a year, and the article has no date", None
        else:
            t = tense() if callable(tense) else tense
            y = a.year
            if t == "past" and month > a.month:
                y -= 1
            elif t == "future" and month < a.month:
                y += 1
        lo, hi = _PART_DAYS[what]
        first = _dt.date(y, month, lo)
        return first, "month", f"the {what} of the month", first + relativedelta(day=hi)
    if a is None:
        return None, None, "relative to the article date, which has none", None
    unit = g("ed_unit").lower()
    step = {"last": -1, "next": 1}.get((g("ed_this") or "").lower(), 0)
    if unit == "year":
        m0, n = _PART_MONTHS[what]
        first = _dt.date(a.year + step, m0 + 1, 1)
        return first, "year", f"the {what} of the year", first + relativedelta(months=n, days=-1)
    if unit == "week":  # its Monday and Tuesday, Wednesday and Thursday, or Friday to Sunday
        lo, hi = {"beginning": (0, 1), "start": (0, 1), "middle": (2, 3)}.get(what, (4, 6))
        monday = a - _dt.timedelta(days=a.weekday() - 7 * step)
        return monday + _dt.timedelta(days=lo), "week", f"the {what} of the week", monday + _dt.timedelta(days=hi)
    if unit == "decade":  # its first three years, the middle four, or the last three
        lo, hi = {"beginning": (0, 2), "start": (0, 2), "middle": (3, 6)}.get(what, (7, 9))
        first = a.year // 10 * 10 + 10 * step
        return _dt.date(first + lo, 1, 1), "decade", f"the {what} of the decade", _dt.date(first + hi, 12, 31)
    if unit == "quarter":
        q = quarter_start(a) + relativedelta(months=3 * step)
        first = q + relativedelta(months={"beginning": 0, "start": 0, "middle": 1}.get(what, 2))
        return first, QUARTER, f"the {what} of the quarter", first + relativedelta(day=31)
    base = a.replace(day=1) + relativedelta(months=step)
    lo, hi = _PART_DAYS[what]
    first = base.replace(day=lo)
    return first, "month", f"the {what} of the month", first + relativedelta(day=hi)


# --- seasons -----------------------------------------------------------------------------
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _season(name: str, year: int):
    first = _dt.date(year, _SEASON_START[name], 1)
    return first, SEASON, f"{name} {year}", first + relativedelta(months=3, days=-1)


def resolve_season(raw, a, tense):
    g = raw.get
    name = (g("sn") or g("sn_b") or g("sn_c") or g("sn2")).lower()
    y = _year_of(raw, a, "sn_y", "sn_by", "sn_cy", "sn_y0")
    rel = g("sn_y_r") or g("sn_by_r") or g("sn_cy_r")
    if y is None and rel and a is not None:  # the spring of last year
        y = a.year + {"this": 0, "last": -1, "next": 1}[rel.lower()]
    if y is not None:
        return _season(name, y)
    if a is None:
        return None, None, "a season without a year, and the article has no date", None
    mod = " ".join((g("sn_mod") or "").lower().split())
    cands = [_season(name, y) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    if mod in ("last", "this past"):
        return max((c for c in cands if c[3] < a), key=lambda c: c[0])
    if mod == "next":
        return min((c for c in cands if c[0] > a), key=lambda c: c[0])
    if mod == "this":
        return next(c for c in cands if c[0].year == a.year or (name == "winter" and c[3] >= a >= c[0]))
    t = tense() if callable(tense) else tense
    if t == "past" or mod == "since":
        return max((c for c in cands if c[0] <= a), key=lambda c: c[0])
    if t == "future":
        return min((c for c in cands if c[3] >= a), key=lambda c: c[0])
    return min(cands, key=lambda c: abs((c[0] - a).days))


# --- decades -----------------------------------------------------------------------------
_DECADE_WORDS = {w: 10 * i for i, w in enumerate(
    "_ _ twenties thirties forties fifties sixties seventies eighties nineties".split()) if i >= 2}


def _decade(first_year: int, note: str):
    return _dt.date(first_year, 1, 1), DECADE, note, _dt.date(first_year + 9, 12, 31)


def resolve_decade(raw, a):
    g = raw.get
    if g("dc_y"):
        return _decade(int(g("dc_y")), "")
    if g("dc_w") or g("dc_yy"):
        tens = _DECADE_WORDS[g("dc_w").lower()] if g("dc_w") else int(g("dc_yy"))
        if a is None:
            return _decade(1900 + tens, "a decade named without its century: the 1900s")
        y = (a.year // 100) * 100 + tens
        if y > a.year:
            y -= 100
        return _decade(y, "the latest such decade")
    if a is None:
        return None, None, "relative to the article date, which has none", None
    rel = " ".join(g("dc_rel").lower().split())
    if rel == "this":
        return _decade(a.year // 10 * 10, "the decade of the article date")
    if rel in ("the next", "the coming"):
        return a, DECADE, "the ten years after the article date", a + relativedelta(years=10)
    return a - relativedelta(years=10), DECADE, "the ten years up to the article date", a


# --- now, the past, the future --------------------------------------------------------------
def resolve_present(a):
    if a is None:
        return None, None, "now, and the article has no date", None
    return a, "day", "now: the article date", None
