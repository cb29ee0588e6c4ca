"""Centuries: "the 20th century", "the nineteenth century", "a 19th-century church", "the 1800s",
"this century", "the last century".

A century is its hundred years as news counts them (the 20th century is 1900 to 1999, as TimeML's "19"),
granularity ``century``; early, mid and late keep the whole century. Each resolver answers ``(date,
granularity, note, last)`` as ``periods_resolve`` does.
"""

from __future__ import annotations

import datetime as _dt
import re

from .periods_grammar import CENTURY_ORDINALS

CENTURY = "century"


def _ordinal(word: str) -> int | None:
    w = " ".join(word.lower().replace("-", " ").split())
    m = re.match(r"(\d+)", w)
    if m:
        return int(m.group(1))
    if w.startswith("twenty "):
        return 20 + CENTURY_ORDINALS.get(w[7:], 0)
    return CENTURY_ORDINALS.get(w)


def _century(hundreds: int, note: str):
    first = max(1, hundreds * 100)
    return _dt.date(first, 1, 1), CENTURY, note, _dt.date(hundreds * 100 + 99, 12, 31)


def resolve_century(raw, a: _dt.date | None):
    g = raw.get
    if g("ct_ord"):
        n = _ordinal(g("ct_ord"))
        if not n or n > 99:
            return None, None, "not a century", None
        return _century(n - 1, f"century {n}")
    if g("ct_y"):
        return _century(int(g("ct_y")), f"the {g('ct_y')}00s")
    if a is None:
        return None, None, "a century relative to the article date, which has none", None
    rel = " ".join(g("ct_rel").lower().split())
    step = {"last": -1, "the last": -1, "the previous": -1, "next": 1, "the next": 1}.get(rel, 0)
    return _century(a.year // 100 + step, f"{rel} century: relative to the article date")
