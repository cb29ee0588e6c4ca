"""Resolving a time expression against the article's date.

News tells time relative to its own date: a bare weekday in past-tense
narration is the latest such day on or before the article date, in
future-tense context the next one on or after it; a month-day without a year
takes the year that puts it nearest the article date on the side the tense
points to. Nothing is invented: when the article has no date, or the
expression refers to an event rather than a date, the date stays ``None`` and
the note says why.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import MO, SU, relativedelta

from . import centuries as _centuries, counted as _counted, games as _games, halves as _halves, holidays as _holidays
from . import periods_resolve as _periods
from .expressions import NUMBER_WORDS, RawExpression, month_number, weekday_number
from .months import _month_end, _pick_month, _safe_date, _tense_value, pick_year, week_of_month
from .periods_resolve import Story
from .tense import tense_near

__all__ = ["Anchor", "Resolution", "clock_label", "resolve", "tense_near"]

DAY = "day"
WEEK = "week"
MONTH = "month"
YEAR = "year"

_WD_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Anchor:
    """The date an article speaks from, and where it came from."""

    date: _dt.date | None
    source: str  # "header", "page" (a saved page's metadata), "dateline" or "none"
    note: str = ""
    month_day: tuple[int, int] | None = None  # a dateline without a year


@dataclass(slots=True)
class Resolution:
    date: _dt.date | None
    last: _dt.date | None  # last day covered (periods, ranges); None for a single day
    granularity: str | None
    note: str


def _res(date, granularity=DAY, note="", last=None) -> Resolution:
    return Resolution(date, last, granularity if date else None, note)


# --- arithmetic ------------------------------------------------------------------
def weekday_on_or_before(anchor: _dt.date, wd: int, strict: bool = False) -> _dt.date:
    back = (anchor.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return anchor - _dt.timedelta(days=back)


def weekday_on_or_after(anchor: _dt.date, wd: int, strict: bool = False) -> _dt.date:
    ahead = (wd - anchor.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return anchor + _dt.timedelta(days=ahead)


# --- clock times -------------------------------------------------------------------
_CLOCK_PARTS = re.compile(r"(\d{1,2})(?:[ \t]?[:.][ \t]?(\d\d))?[ \t]?(?:([aApP])[ \t.]*[mM])?")
_CLOCK_ZONE = re.compile(r"\b(UTC|GMT|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|CET|CEST|BST|[lL]ocal[ \t]+time)\b")


def clock_label(text: str) -> str:
    """ "9 : 40 p . m ." -> "21:40"; "3:00 p.m. local time" -> "15:00 local time"."""
    m = _CLOCK_PARTS.match(text.strip())
    if not m:
        return " ".join(text.split())
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    ampm = (m.group(3) or "").lower()
    if ampm == "p" and h < 12:
        h += 12
    elif ampm == "a" and h == 12:
        h = 0
    zone = _CLOCK_ZONE.search(text[m.end():m.end() + 20])
    return f"{h:02d}:{mi:02d}" + (f" {' '.join(zone.group(1).split()).lower() if 'ocal' in zone.group(1) else zone.group(1)}" if zone else "")


# --- the resolver ------------------------------------------------------------------
_REL_DAYS = {
    "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
    "this morning": 0, "this afternoon": 0, "this evening": 0,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def resolve(raw: RawExpression, anchor: Anchor, tense=None, previous_day: _dt.date | None = None,
            story: Story | None = None) -> Resolution:
    """Resolve one expression. ``tense`` is "past", "future", "present", None,
    or a callable giving it (asked only when the tense can change the answer).
    ``previous_day`` is the last day-level date resolved before it in the same
    article (for "the same day", "the next day"); ``story`` the quarter and the
    time the article spoke of last (for "the quarter", "a year earlier")."""
    kind, g = raw.kind, raw.get
    a = anchor.date
    rel = (g("rel") or "").lower()
    if rel:
        t = _tense_value(tense)
        if rel.startswith(("since", "from", "after")) and t is None:
            t = "past"
        elif rel.startswith(("until", "till", "til", "through")) and t == "past" and kind != "wd":
            # "was extended until January 19": the verb is past, the bound need not be.
            t = None
        tense = t

    if kind == "iso":
        d = _safe_date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return _res(d, note="" if d else "not a calendar date")
    if kind == "num":
        y = int(g("num_y"))
        if y < 100:  # two-digit years in datelines: 08 -> 2008, 97 -> 1997
            y += 2000 if y < 70 else 1900
        m, d_ = int(g("num_m")), int(g("num_d"))
        if m > 12 >= d_:  # 14/09/2013 can only be day/month/year
            d = _safe_date(y, d_, m)
            return _res(d, note="day/month/year order" if d else "not a calendar date")
        d = _safe_date(y, m, d_)
        return _res(d, note="month/day/year order" if d else "not a calendar date")
    if kind in ("md", "dm"):
        p = "md_" if kind == "md" else "dm_"
        month, day = month_number(g(p + "m")), int(re.match(r"\d+", g(p + "d")).group())
        wd = weekday_number(g(p + "wd")) if g(p + "wd") else None
        if g(p + "y"):
            d = _safe_date(int(g(p + "y")), month, day)
            if d is None:
                return _res(None, note="not a calendar date")
            note = ""
            if wd is not None and d.weekday() != wd:
                note = f"the text says {_WD_NAMES[wd]} but this date is a {_WD_NAMES[d.weekday()]}"
            return _res(d, note=note)
        if a is None:
            return _res(None, note=_no_anchor(anchor, "a month and day without a year"))
        d, note = pick_year(a, month, day, tense, wd)
        return _res(d, note=note)
    if kind == "my":
        month = month_number(g("my_m"))
        if g("my_rel"):
            if a is None:
                return _res(None, note=_no_anchor(anchor, "a month of a year relative to the article date"))
            return _month_of_year(a, month, g("my_rel"))
        y = int(g("my_y")) if g("my_y") else _periods.spelled_year(g("my_w"))
        if y is None:
            return _res(None, note="not a year")
        d = _dt.date(y, month, 1)
        return _res(d, MONTH, "", _month_end(d))
    if kind == "year":
        y = int(g("yr"))
        return _res(_dt.date(y, 1, 1), YEAR, "", _dt.date(y, 12, 31))

    if kind in _periods.PERIOD_KINDS:
        d, gran, note, last = _resolve_period_kind(raw, a, tense, story or Story())
        if d is None and a is None and kind not in _UNANCHORED and note not in _games.GAME_NOTES:
            note = _no_anchor(anchor, "relative to the article date") if anchor.month_day else note
        return _res(d, gran, note, last)
    if kind == "clock":
        return _res(None, note="a time of day; the day is not stated")
    if kind == "begin":
        return _resolve_begin(raw, anchor)
    if kind == "vague":
        return _res(None, note="vague: some time before the article date")
    if kind == "ana":
        return _resolve_anaphor(_norm(g("ana_text")), previous_day)

    # Everything below is relative to the article date.
    if a is None:
        return _res(None, note=_no_anchor(anchor, "relative to the article date"))
    if kind == "reld":
        if g("rel_nth"):  # "today is the eighth day of the strike"
            return _res(a, note=f"the {g('rel_nth').lower()} day of what the article reports: the article's day")
        word = _norm(g("rel_word"))
        return _res(a + _dt.timedelta(days=_REL_DAYS[word]), note=f"{word}: relative to the article date")
    if kind == "wd":
        if not g("wd_mod") and _EVERY.search(raw.match.string, max(0, raw.start - 8), raw.start):
            return _res(None, None, f"every {g('wd_name')}: a day that recurs, not one date")
        return _resolve_weekday(a, weekday_number(g("wd_name")), _norm(g("wd_mod") or ""), tense, previous_day)
    if kind == "per":
        mod, unit = _norm(g("per_mod")), g("per_unit").lower()
        if mod == "last" and unit == "year" and story and story.quarter and _names_a_quarter(raw):
            # "last year's quarter", "the same period last year": the quarter reported on, a year before
            first = story.quarter.replace(year=story.quarter.year - 1)
            return _res(first, _periods.QUARTER, "the quarter reported on, a year before",
                        first + relativedelta(months=3, days=-1))
        if mod == "last" and unit == "year" and story and (
                raw.match.string.startswith(("'s", "’s"), raw.end)
                or _AMOUNT_BEFORE.search(raw.match.string, max(0, raw.start - 40), raw.start)):
            # "up from last year's $2 million", "compared with $3 million last year" in a story about a
            # quarter: that quarter, a year before
            in_quarter = _periods.year_ago_quarter(story, 1, "year")
            if in_quarter:
                d, gran, note, last = in_quarter
                return _res(d, gran, note, last)
        if mod == "the":  # "over the weekend": the one just past, in future context the coming one
            mod = "this" if a.weekday() >= 5 or _tense_value(tense) == "future" else "last"
        return _resolve_period(a, mod, unit, (g("per_adv") or "").lower())
    if kind == "ell":  # "this year as last": last year
        return _resolve_period(a, "last", g("ell_unit").lower(), "")
    if kind == "ago":
        n_word, unit = _norm(g("ago_n")), g("ago_u").lower()
        n = int(n_word) if n_word.isdigit() else NUMBER_WORDS.get(n_word)
        in_quarter = _periods.year_ago_quarter(story, n, unit) if story and n else None
        if in_quarter:
            d, gran, note, last = in_quarter
            return _res(d, gran, note, last)
        return _resolve_ago(a, n_word, unit)
    if kind == "mon":
        if g("mon_rel"):
            return _month_of_year(a, month_number(g("mon_m")), g("mon_rel"))
        pre = (g("mon_pre") or "").lower()
        if pre == "this":  # "this September": the one of the article's year, past or not
            d = _dt.date(a.year, month_number(g("mon_m")), 1)
            return _res(d, MONTH, "this year's month", _month_end(d))
        t = _tense_value(tense)
        if t == "past" and pre in ("until", "through"):
            t = None  # "has extended the loans through January": the bound need not be past
        d, note = _pick_month(a, month_number(g("mon_m")), t,
                              pre if pre in ("last", "next", "since", "from") else None)
        return _res(d, MONTH, note, _month_end(d))
    return _res(None, note=f"unknown kind {kind}")


# Kinds whose note stays when the article has no date (they need none, or say why they have none).
_UNANCHORED = frozenset(("pastref", "futureref", "fy", "decade", "then", "century"))
_EVERY = re.compile(r"\b(?:each|every)[ \t]+\Z", re.I)
# "compared with a loss of $3 million last year": an amount just before, compared with the quarter reported on
_AMOUNT_BEFORE = re.compile(r"[$€£#]\d[\d.,]*(?:[ \t]+(?:million|billion|thousand))?,?[ \t]+\Z", re.I)
_QUARTER_AFTER = re.compile(r"['’]s[ \t]+(?:quarter|period)\b", re.I)
_QUARTER_BEFORE = re.compile(r"\b(?:corresponding|comparable|same|like)[ \t]+(?:quarter|period)[ \t]+$", re.I)


def _names_a_quarter(raw: RawExpression) -> bool:
    """ "last year's quarter", "the corresponding period last year": the words around name a quarter."""
    text = raw.match.string
    return bool(_QUARTER_AFTER.match(text, raw.end) or _QUARTER_BEFORE.search(text[max(0, raw.start - 40):raw.start]))


def _month_of_year(a: _dt.date, month: int, rel: str) -> Resolution:
    """ "June last year", "March next year": the month of the year before or after the article's."""
    rel = rel.lower()
    d = _dt.date(a.year + {"last": -1, "next": 1}.get(rel, 0), month, 1)
    return _res(d, MONTH, f"the month of {rel} year", _month_end(d))


def _resolve_period_kind(raw: RawExpression, a: _dt.date | None, tense, story: Story):
    k = raw.kind
    if k == "qtr":
        return _periods.resolve_quarter(raw, a, tense, story)
    if k == "qref":
        return _periods.resolve_quarter_ref(raw, a, story)
    if k == "back":
        return _periods.resolve_back(raw, a, story)
    if k == "fy":
        return _periods.resolve_fiscal_year(raw)
    if k == "yref":
        return _periods.resolve_year_ref(raw, a, story)
    if k == "part":
        return _periods.resolve_part(raw, a, tense)
    if k == "season":
        return _periods.resolve_season(raw, a, tense)
    if k == "holiday":
        return _holidays.resolve_holiday(raw, a, tense)
    if k == "decade":
        return _periods.resolve_decade(raw, a)
    if k == "half":
        return _halves.resolve_half(raw, a, tense)
    if k == "century":
        return _centuries.resolve_century(raw, a)
    if k == "wom":  # the first week of March: the month as a bare one is, then its week
        month = month_number(raw.get("wk_m"))
        if raw.get("wk_y"):
            first = _dt.date(int(raw.get("wk_y")), month, 1)
        elif a is None:
            return None, None, "a week of a month without a year, and the article has no date", None
        else:
            first = _pick_month(a, month, _tense_value(tense), None)[0]
        monday, sunday = week_of_month(first, raw.get("wk_ord"))
        return monday, WEEK, f"the {raw.get('wk_ord').lower()} week of {first:%B %Y}", sunday
    if k == "tunit":
        return _counted.resolve_unit_spoken_of(raw, a, story)
    if k == "present":
        return _periods.resolve_present(a)
    if k in ("ahead", "then"):
        return _counted.resolve_ahead(raw, a, tense) if k == "ahead" else _counted.resolve_then(story)
    if k == "pastref":
        return None, None, "some time before the article date", None
    return None, None, "some time after the article date", None


def _no_anchor(anchor: Anchor, what: str) -> str:
    if anchor.month_day:
        return f"{what}, and the dateline gives no year"
    return f"{what}, and the article has no date"


def _resolve_weekday(a: _dt.date, wd: int, mod: str, tense, previous_day: _dt.date | None = None) -> Resolution:
    name = _WD_NAMES[wd]
    if mod.startswith("the "):  # the previous / preceding / following Friday: from the day spoken of
        base, what = (previous_day, "the day spoken of") if previous_day else (a, "the article date")
        if mod == "the following":
            return _res(weekday_on_or_after(base, wd, strict=True), note=f"the {name} after {what}")
        return _res(weekday_on_or_before(base, wd, strict=True), note=f"the {name} before {what}")
    if mod in ("last", "past"):
        return _res(weekday_on_or_before(a, wd, strict=True), note=f"last {name}: the one before the article date")
    if mod in ("next", "coming"):
        return _res(weekday_on_or_after(a, wd, strict=True), note=f"next {name}: the one after the article date")
    if a.weekday() == wd:  # whatever the tense: the article's own day
        return _res(a, note=f"the article's own day (a {name})")
    tense = _tense_value(tense)
    if tense == "future" or (mod == "this" and tense != "past"):
        return _res(weekday_on_or_after(a, wd), note=f"future: the {name} on or after the article date")
    if tense == "present":
        before, after = weekday_on_or_before(a, wd), weekday_on_or_after(a, wd)
        if (after - a) < (a - before):
            return _res(after, note=f"present tense: the nearer {name}, after the article date")
        return _res(before, note=f"present tense: the nearer {name}, on or before the article date")
    why = "past tense" if tense == "past" else "narration"
    return _res(weekday_on_or_before(a, wd), note=f"{why}: the {name} on or before the article date")


def _resolve_period(a: _dt.date, mod: str, unit: str, adv: str) -> Resolution:
    step = {"this": 0, "last": -1, "the previous": -1, "the prior": -1, "the preceding": -1, "next": 1, "the coming": 1,
            "the past": None, "this past": None}[mod]
    if unit in ("week", "weekend"):
        if step is None and unit == "weekend":  # "this past weekend": the Saturday and Sunday last behind it
            sat = a - _dt.timedelta(days=(a.weekday() - 5) % 7 or 7)
            return _res(sat, DAY, f"{mod} weekend: Saturday and Sunday", sat + _dt.timedelta(days=1))
        if step is None:  # "the past week": the seven days up to the article date
            return _res(a - _dt.timedelta(days=6), WEEK, "the seven days up to the article date", a)
        monday = a + relativedelta(weekday=MO(-1)) + _dt.timedelta(weeks=step)
        if unit == "weekend":
            sat = monday + _dt.timedelta(days=5)
            return _res(sat, DAY, f"{mod} weekend: Saturday and Sunday", sat + _dt.timedelta(days=1))
        first, last = monday, monday + relativedelta(weekday=SU)
        gran = WEEK
    elif unit == "month":
        base = a.replace(day=1)
        first = base + relativedelta(months=-1 if step is None else step)
        if step is None:
            return _res(a - relativedelta(months=1), MONTH, "the month up to the article date", a)
        last, gran = _month_end(first), MONTH
    else:
        if step is None:
            return _res(a - relativedelta(years=1), YEAR, "the year up to the article date", a)
        first = _dt.date(a.year + step, 1, 1)
        last, gran = _dt.date(first.year, 12, 31), YEAR
    note = f"{mod} {unit}"
    if adv == "earlier" and step == 0:
        # "earlier this week": from the start of the week to the day before the article.
        last = max(first, a - _dt.timedelta(days=1))
        note = f"earlier this {unit}: before the article date"
    elif adv == "later" and step == 0:
        first = min(last, a + _dt.timedelta(days=1))
        note = f"later this {unit}: after the article date"
    return _res(first, gran, note, last)


def _resolve_ago(a: _dt.date, n_word: str, unit: str) -> Resolution:
    n = int(n_word) if n_word.isdigit() else NUMBER_WORDS.get(n_word)
    if n is None:
        return _res(None, note=f"vague: {n_word} {unit}s before the article date")
    if unit == "day":
        return _res(a - _dt.timedelta(days=n), DAY, f"{n} day(s) before the article date")
    if unit == "week":
        return _res(a - _dt.timedelta(weeks=n), DAY, f"about {n} week(s) before the article date")
    if unit == "month":
        return _res(a - relativedelta(months=n), MONTH, f"about {n} month(s) before the article date")
    if unit in ("decade", "century", "centurie"):  # "a decade ago", "two centuries ago": counted in years
        n *= 10 if unit == "decade" else 100
    return _res(a - relativedelta(years=n), YEAR, f"about {n} year(s) before the article date")


def _resolve_begin(raw: RawExpression, anchor: Anchor) -> Resolution:
    g, a = raw.get, anchor.date
    what = g("bg_what").lower()
    if g("bg_y"):
        y = int(g("bg_y"))
        return _res(_dt.date(y, 1, 1) if what != "end" else _dt.date(y, 12, 1), MONTH, f"the {what} of {y}", a)
    if g("bg_m"):
        if a is None:
            return _res(None, note=_no_anchor(anchor, "a month without a year"))
        d, note = _pick_month(a, month_number(g("bg_m")), "past", None)
        return _res(d, MONTH, f"the {what} of the month; {note}", a)
    noun = g("bg_noun").lower()
    if noun in ("year", "month", "week") and a is not None:
        if noun == "year":
            d = _dt.date(a.year, 1, 1)
        elif noun == "month":
            d = a.replace(day=1)
        else:
            d = a + relativedelta(weekday=MO(-1))
        return _res(d, {"year": YEAR, "month": MONTH, "week": WEEK}[noun], f"the {what} of this {noun}", a)
    return _res(None, note=f"refers to an event (the {noun}), not a date")


def _resolve_anaphor(phrase: str, previous_day: _dt.date | None) -> Resolution:
    if previous_day is None:
        return _res(None, note="refers to a day named earlier, but none was")
    shift = 0
    if phrase.startswith(("the next", "the following")):
        shift = 1
    elif phrase in ("the previous day", "the day before"):
        shift = -1
    d = previous_day + _dt.timedelta(days=shift)
    return _res(d, DAY, f"{phrase}: relative to the day named before it ({previous_day.isoformat()})")
