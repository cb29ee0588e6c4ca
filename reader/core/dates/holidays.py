"""Holidays: fixed days (Christmas, the Fourth of July, St. Patrick's Day), days counted in a month
(Thanksgiving, Labor Day), from Thanksgiving (Black Friday) or from Easter (Good Friday, Ash Wednesday),
in the year the tense points to. Each resolver answers ``(date, granularity, note, last)`` as
``periods_resolve`` does.
"""

from __future__ import annotations

import datetime as _dt

from dateutil.easter import easter
from dateutil.relativedelta import MO, SU, TH, relativedelta

# Fixed days, then days counted in a month ("the fourth Thursday of November"), by the name's start.
_FIXED_DAYS = (("christmas eve", 12, 24), ("christmas", 12, 25), ("boxing", 12, 26), ("new year's eve", 12, 31),
               ("new year", 1, 1), ("halloween", 10, 31), ("independence", 7, 4), ("veterans", 11, 11),
               ("valentine", 2, 14), ("st. patrick", 3, 17), ("st patrick", 3, 17), ("saint patrick", 3, 17),
               ("fourth of july", 7, 4), ("earth", 4, 22), ("groundhog", 2, 2), ("armistice", 11, 11),
               ("remembrance", 11, 11), ("bastille", 7, 14), ("canada", 7, 1), ("australia", 1, 26),
               ("flag", 6, 14), ("juneteenth", 6, 19), ("all saints", 11, 1))
_COUNTED_DAYS = (("thanksgiving", 11, 1, TH(4)), ("labor", 9, 1, MO(1)), ("labour", 9, 1, MO(1)),
                 ("memorial", 5, 31, MO(-1)), ("mother", 5, 1, SU(2)), ("father", 6, 1, SU(3)),
                 ("martin", 1, 1, MO(3)), ("presidents", 2, 1, MO(3)), ("columbus", 10, 1, MO(2)))
# Days counted from Easter Sunday, and from Thanksgiving.
_FROM_EASTER = (("good", -2), ("maundy", -3), ("palm", -7), ("ash", -46), ("shrove", -47), ("mardi", -47),
                ("pentecost", 49), ("whit sunday", 49), ("whit monday", 50), ("easter monday", 1))
_FROM_THANKSGIVING = (("black", 1), ("cyber", 4))


def _holiday_date(name: str, y: int) -> _dt.date:
    n = " ".join(name.lower().replace("’", "'").split())
    for prefix, month, day in _FIXED_DAYS:
        if n.startswith(prefix):
            return _dt.date(y, month, day)
    for prefix, month, day, weekday in _COUNTED_DAYS:
        if n.startswith(prefix):
            return _dt.date(y, month, day) + relativedelta(weekday=weekday)
    for prefix, days in _FROM_THANKSGIVING:
        if n.startswith(prefix):
            return _dt.date(y, 11, 1) + relativedelta(weekday=TH(4)) + _dt.timedelta(days=days)
    # Easter, Easter Sunday / Monday, Good Friday, Ash Wednesday, Pentecost...
    return easter(y) + _dt.timedelta(days=next((d for p, d in _FROM_EASTER if n.startswith(p)), 0))


def resolve_holiday(raw, a, tense):
    name = raw.get("hd")
    if raw.get("hd_y"):
        return _holiday_date(name, int(raw.get("hd_y"))), "day", "", None
    if a is None:
        return None, None, "a holiday without a year, and the article has no date", None
    cands = [_holiday_date(name, y) for y in (a.year - 1, a.year, a.year + 1)]
    t = tense() if callable(tense) else tense
    if t == "past":
        d = max(c for c in cands if c <= a)
        return d, "day", "past tense: the latest on or before the article date", None
    if t == "future":
        d = min(c for c in cands if c >= a)
        return d, "day", "future tense: the next on or after the article date", None
    d = min(cands, key=lambda c: abs((c - a).days))
    return d, "day", "the one nearest the article date", None
