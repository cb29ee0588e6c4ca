"""Halves of a year: "the first half", "the second half of 2013", "first-half profit", "H1 2013".

A half without a year is the latest begun by the article date, or in future context the next not yet
reported, as a quarter is. A bare half in a sentence or an article about a game is the game's and no time.
Each resolver answers ``(date, granularity, note, last)`` as ``periods_resolve`` does.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from .periods_resolve import _REPORTING_LAG, _year_of

HALF = "half"

# A game has halves too: "scored in the second half" is no half of a year. A bare half is a game's in a
# sentence with a score or one of these words, or in an article that uses two of them.
_GAME_WORDS = re.compile(
    r"\b(?:scor(?:ed|es|ing|eless)|goals?|touchdowns?|field[ \t]goals?|half-?time|at[ \t]the[ \t]half|penalt(?:y|ies)"
    r"|kickoff|rebounds?|innings?|quarterback|wickets?|free[ \t]throws?|(?:3|three)[ \t-]?pointers?|turnovers?"
    r"|fumbles?|end[ \t]zone|yards?|games|playoffs?|coach(?:es|ed)?|injured[ \t]reserve"
    r"|the[ \t](?:game|match|ball|whistle|crowd|court|pitch))\b", re.I)
_SCORE = re.compile(r"\b\d{1,3}[ \t]?-[ \t]?\d{1,3}\b(?![ \t]?-)")
GAME_HALF = "a half of a game"


@lru_cache(maxsize=4)
def _game_article(text: str) -> bool:
    first = None
    for m in _GAME_WORDS.finditer(text):
        w = m.group().lower()
        if first is None:
            first = w
        elif w != first:
            return True
    return False


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(c, max(0, start - 300), start) for c in ".!?\n")
    hi = min((i for i in (text.find(c, end, end + 300) for c in ".!?\n") if i >= 0), default=min(len(text), end + 300))
    return text[lo + 1:hi]


def _of_a_game(raw) -> bool:
    text = raw.match.string
    sentence = _sentence_around(text, raw.start, raw.end)
    return bool(_GAME_WORDS.search(sentence) or _SCORE.search(sentence)) or _game_article(text)


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
    if not mod and "fiscal" not in raw.match.group().lower() and _of_a_game(raw):
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
