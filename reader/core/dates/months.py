"""Which year a month, or a month and a day, said without one is in.

News reports more than it announces: with no tense, the one behind the article date wins unless the one
ahead is much nearer; with a tense, the side it points to, within reach.
"""

from __future__ import annotations

import datetime as _dt

from dateutil.relativedelta import relativedelta

# A month-day is put in the year the tense points to only when that keeps it
# within this many days of the article date; otherwise the nearest year wins.
_TENSE_REACH = 300


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None




def _tense_value(tense) -> str | None:
    return tense() if callable(tense) else tense


def pick_year(anchor: _dt.date, month: int, day: int, tense, weekday: int | None = None) -> tuple[_dt.date | None, str]:
    """The year for a month-day: nearest the article date, on the side the
    tense points to; a stated weekday that fits only one year decides.
    ``tense`` may be a callable: it is only asked when it can matter."""
    cands = [c for c in (_safe_date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if c]
    if not cands:
        return None, "not a calendar date"
    if weekday is not None:
        fit = [c for c in cands if c.weekday() == weekday]
        if len(fit) == 1:
            return fit[0], "year from the weekday"
    nearest = min(cands, key=lambda c: abs((c - anchor).days))
    if abs((nearest - anchor).days) <= 365 - _TENSE_REACH:
        # Any other year is beyond the tense's reach: the nearest it is, whatever the tense.
        return nearest, "the year nearest the article date"
    tense = _tense_value(tense)
    if tense == "past":
        before = [c for c in cands if c <= anchor and (anchor - c).days <= _TENSE_REACH]
        if before:
            return max(before), "past tense: the latest on or before the article date"
    elif tense == "future":
        after = [c for c in cands if c >= anchor and (c - anchor).days <= _TENSE_REACH]
        if after:
            return min(after), "future tense: the next on or after the article date"
    elif tense is None and nearest > anchor:
        # News reports more than it announces: with no tense, the day behind wins unless the one
        # ahead is nearer by more than a season
        before = max((c for c in cands if c <= anchor), default=None)
        if before is not None and (anchor - before).days - (nearest - anchor).days <= _AHEAD_DAYS:
            return before, "no tense: the one behind the article date"
    return nearest, "the year nearest the article date"


_AHEAD_DAYS = 90


def _month_end(d: _dt.date) -> _dt.date:
    return d + relativedelta(day=31)


def _pick_month(anchor: _dt.date, month: int, tense: str | None, mod: str | None) -> tuple[_dt.date, str]:
    cands = [_dt.date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    this = _dt.date(anchor.year, anchor.month, 1)
    if mod == "last":
        latest = max(c for c in cands if c < this)
        if _months_away(latest, this) == 1:
            # "last February" in March: the month just gone is "last month"; this one is a year before it
            return latest.replace(year=latest.year - 1), "last such month: the month just gone is last month, so the one a year before"
        return latest, "the last such month before the article date"
    if mod == "next":
        return min(c for c in cands if c > this), "the next such month after the article date"
    if tense == "past" or mod in ("since", "from"):
        latest = max(c for c in cands if c <= this)
        if mod not in ("since", "from") and _months_away(latest, this) == 11:
            # The month after the article's, eleven months back, is written "last November": a bare one is the coming one.
            return min(c for c in cands if c > this), "the month after the article's: the coming one"
        return latest, "past: the latest such month up to the article date"
    if tense == "future":
        return min(c for c in cands if c >= this), "future: the next such month from the article date"
    # News reports more than it announces: a month ahead must be nearer by more
    # than a quarter of the year to win over the one behind.
    best = min(cands, key=lambda c: _months_away(c, this) + (_AHEAD_HANDICAP if c > this else 0))
    return best, "the month nearest the article date"


_AHEAD_HANDICAP = 3


def _months_away(c: _dt.date, this: _dt.date) -> int:
    return abs((c.year - this.year) * 12 + c.month - this.month)


_WEEK_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def week_of_month(first: _dt.date, ordinal: str) -> tuple[_dt.date, _dt.date]:
    """ "the first week of March", "the last week of October": the Monday to Sunday week that holds the
    middle of those seven days (the 4th for the first week, as ISO's first week of a year holds January 4)."""
    n = _WEEK_ORD.get(ordinal.lower())
    middle = first + _dt.timedelta(days=7 * (n - 1) + 3) if n else _month_end(first) - _dt.timedelta(days=3)
    monday = middle - _dt.timedelta(days=middle.weekday())
    return monday, monday + _dt.timedelta(days=6)
