"""Words to match passages on: lower case, light stemming, numbers normalised, stopwords out.

The stemmer is deliberately light (plural, -ing/-ed, -er, -ly, final -e) and the same on both sides,
so "peacekeeping" and "peacekeepers" meet at "peacekeep"; it is not meant to produce words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import STOPWORDS

_WORD = re.compile(r"\d[\d,.:]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)?")
_VOWELS = set("aeiouy")


@lru_cache(maxsize=200_000)
def stem(w: str) -> str:
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suf in ("ingly", "edly", "ing", "ied", "ed"):
        if w.endswith(suf):
            base = w[: -len(suf)] + ("y" if suf == "ied" else "")
            if len(base) >= 3 and _VOWELS & set(base):
                w = base
                if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                    w = w[:-1]  # stopped -> stop
                break
    if w.endswith("er") and len(w) > 5:
        w = w[:-2]
    elif w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    if w.endswith(("e", "y")) and len(w) > 4:
        w = w[:-1]  # restore/restored, injury/injured
    return w


def number_key(token: str) -> str:
    return "#" + token.replace(",", "").rstrip(".:")


def is_specific_number(term: str) -> bool:
    """A number that identifies a claim: not a year, not a small count."""
    if not term.startswith("#"):
        return False
    digits = term[1:].replace(".", "").replace(":", "")
    if not digits.isdigit():
        return False
    value = int(digits) if len(digits) < 12 else 10**12
    return value >= 10 and not (len(digits) == 4 and 1900 <= value <= 2100)


_TERM_OF: dict[str, str] = {}  # token as written -> term ("" for none); bounded below
_TERM_CACHE_MAX = 500_000


def _term(w: str) -> str:
    if w[0].isdigit():
        t = number_key(w)
    else:
        low = w.lower()
        t = "" if low in STOPWORDS or len(low) < 2 else stem(low)
        if t in STOPWORDS:
            t = ""
    if len(_TERM_OF) >= _TERM_CACHE_MAX:
        _TERM_OF.clear()
    _TERM_OF[w] = t
    return t


def terms(text: str) -> list[str]:
    """The matching terms of ``text`` in order (repeats kept)."""
    get = _TERM_OF.get
    out = []
    for w in _WORD.findall(text):
        t = get(w)
        if t is None:
            t = _term(w)
        if t:
            out.append(t)
    return out


def words(text: str) -> list[str]:
    """Lower-case words for phrase comparison (no stemming, no stopword removal)."""
    return [m.group().lower().replace(",", "") for m in _WORD.finditer(text)]
