"""Halves of a year: "the first half", "the second half of 2013", "first-half profit", "H1 2013".

A half without a year is the latest begun by the article date, or in future context the next not yet
reported, as a quarter is. A bare half in a sentence or an article about a game is the game's and no time.
Each resolver answers ``(date, granularity, note, last)`` as ``periods_resolve`` does.
"""

from __future__ import annotations

import datetime as _dt

from dateutil.relativedelta import relativedelta

from .games import GAME_HALF, of_a_game
from .periods_resolve import _REPORTING_LAG, _year_of

HALF = "half"

def _half(first: _dt.date, note: str):
    return first, HALF, note, first + relativedelta(months=6, days=-1)


def resolve_half(raw, a, tense):
    g = raw.get
    n = int(g("h_num")) if g("h_num") else (1 if g("h_ord").lower() == "first" else 2)
    year = _year_of(raw, a, "h_yr", "h_yr2", "h_yr3")
    rel = g("h_rel") or g("h_rel2")
    mod = " ".join((g("h_mod") or "").lower().split())
    m0 = 1 if n == 1 else 7
    if year is None and (rel or g("h_the")):
        if a is None:
            return None, None, "a half of a year relative to the article date, which has none", None
        year = a.year + {"this": 0, "last": -1, "next": 1}.get((rel or "this").lower(), 0)
    if year is not None:
        return _half(_dt.date(year, m0, 1), f"half {n} of {year}")
    if not mod and "fiscal" not in raw.match.group().lower() and of_a_game(raw):
        return None, None, GAME_HALF, None
    if a is None:
        return None, None, "a half without a year, and the article has no date", None
    cands = [_dt.date(y, m0, 1) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    if mod in ("year-earlier", "year-ago", "year earlier", "comparable", "corresponding", "same"):
        first = max(c for c in cands if c <= a)
        return _half(first.replace(year=first.year - 1), f"half {n}, a year before")
    if mod == "current":
        return _half(_dt.date(a.year, m0, 1), f"half {n} of the article's year")
    if mod == "latest":
        return _half(max(c for c in cands if c + relativedelta(months=6) <= a), f"the latest half {n} ended")
    if (tense() if callable(tense) else tense) == "future":
        first = min(c for c in cands if c + relativedelta(months=6) > a - _dt.timedelta(days=_REPORTING_LAG))
        return _half(first, f"future: the next half {n} not yet reported")
    return _half(max(c for c in cands if c <= a), f"the latest half {n} begun by the article date")
