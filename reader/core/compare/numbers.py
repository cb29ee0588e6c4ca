"""Numbers as news write them, and the range their wording allows.

"3,000", "1.2 million", "3k", "seven", "two dozen", "dozens", "tens of thousands"; the hedge before
them ("almost", "more than", "as many as") turns the figure into a range ``(low, high)``: "almost
4,000" is 3,600 to 3,999, "dozens" is 24 to 99. The ranges are deliberately narrow, so that two
reports agree only when their wording allows the same figure.
"""

from __future__ import annotations

import re

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "dozen": 12, "k": 1_000, "m": 1_000_000, "mn": 1_000_000,
          "bn": 1_000_000_000}
# Counts with no figure: the range each allows.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999), "several dozen": (36, 99), "a few dozen": (24, 60),
    "several hundred": (300, 999), "a few hundred": (200, 500), "several thousand": (3_000, 9_999),
    "a few thousand": (2_000, 5_000), "several million": (3_000_000, 9_999_999),
}
HEDGES = {
    # word -> (low factor, high factor, open at low, open at high)
    "almost": (0.9, 1.0, False, True), "nearly": (0.9, 1.0, False, True), "close to": (0.9, 1.0, False, True),
    "just under": (0.9, 1.0, False, True), "fewer than": (0.5, 1.0, False, True),
    "less than": (0.5, 1.0, False, True), "under": (0.5, 1.0, False, True), "below": (0.5, 1.0, False, True),
    "more than": (1.0, 1.5, True, False), "over": (1.0, 1.5, True, False), "just over": (1.0, 1.2, True, False),
    "well over": (1.0, 2.0, True, False), "upwards of": (1.0, 1.5, True, False),
    "in excess of": (1.0, 1.5, True, False), "above": (1.0, 1.5, True, False),
    "at least": (1.0, 1.5, False, False), "no fewer than": (1.0, 1.5, False, False),
    "no less than": (1.0, 1.5, False, False),
    "up to": (0.5, 1.0, False, False), "as many as": (0.5, 1.0, False, False), "at most": (0.5, 1.0, False, False),
    "no more than": (0.5, 1.0, False, False),
    "about": (0.9, 1.1, False, False), "around": (0.9, 1.1, False, False), "some": (0.9, 1.1, False, False),
    "roughly": (0.9, 1.1, False, False), "approximately": (0.9, 1.1, False, False),
    "an estimated": (0.9, 1.1, False, False), "estimated": (0.9, 1.1, False, False),
    "almost exactly": (1.0, 1.0, False, False), "exactly": (1.0, 1.0, False, False),
}
HEDGE_RE = r"(?:" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True)) + r")"
_SPELLED_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_SPELLED_TENS = "|".join(TENS)
# "a" and "half a" count only before a scale ("a dozen"): bare, they are the article, in every sentence
SPELLED_RE = (rf"(?:(?:(?:{_SPELLED_TENS})(?:[- ](?:{_SPELLED_UNIT}))?|{_SPELLED_UNIT})"
              rf"(?:\s+(?:hundred|thousand|million|billion|dozen))*"
              rf"|(?:a|half a)(?:\s+(?:hundred|thousand|million|billion|dozen))+)")
VAGUE_RE = r"(?:" + "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True)) + r")"


def parse_digits(digits: str, suffix: str | None = None, scale: str | None = None) -> float | None:
    try:
        v = float(digits.lstrip("$€£").replace(",", "").replace(" ", ""))  # "20 , 000" in tokenised text
    except ValueError:
        return None
    for s in (suffix, scale):
        if s:
            v *= SCALES[s.lower()]
    return v


def parse_spelled(words: str) -> float | None:
    """ "seven" -> 7, "twenty-five" -> 25, "two dozen" -> 24, "three hundred thousand" -> 300000."""
    parts = re.split(r"[\s-]+", words.lower().strip())
    if parts[:2] == ["half", "a"]:
        parts = ["0.5"] + parts[2:]
    total, current = 0.0, None
    for p in parts:
        if p == "0.5":
            current = 0.5
        elif p == "a":
            current = 1
        elif p in UNITS:
            current = (current or 0) + UNITS[p]
        elif p in TENS:
            current = (current or 0) + TENS[p]
        elif p in SCALES:
            current = (1 if current is None else current) * SCALES[p]
            if SCALES[p] >= 1000:
                total, current = total + current, None
        else:
            return None
    v = total + (current or 0)
    return v if v > 0 else None


def hedge_range(hedge: str | None, value: float) -> tuple[float, float]:
    """The range ``hedge value`` allows: bounds rounded to whole units for whole numbers."""
    if not hedge or hedge.lower() not in HEDGES:
        return value, value
    lo_f, hi_f, open_lo, open_hi = HEDGES[hedge.lower()]
    whole = float(value).is_integer() and value >= 10
    step = 1.0 if whole else 0.01
    low, high = value * lo_f, value * hi_f
    if whole:
        low, high = float(round(low)), float(round(high))
    if open_lo:
        low += step
    if open_hi:
        high -= step
    return low, max(low, high)


def vague_range(words: str, hedge: str | None = None) -> tuple[float, float]:
    low, high = VAGUE[" ".join(words.lower().split())]
    if hedge and hedge.lower() in HEDGES:
        lo_f, hi_f, _, _ = HEDGES[hedge.lower()]
        if hi_f > 1.0:  # "more than dozens": no tighter at the top
            return float(low), float(high) * hi_f
        if lo_f < 1.0:
            return float(low) * lo_f, float(high)
    return float(low), float(high)
