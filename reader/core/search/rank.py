"""Re-ranking candidates with rapidfuzz: how much of the query a passage holds.

The engine finds candidates cheaply; this decides their order. A passage
scores high when it holds every query word (typos forgiven, rare words
counting more than "the") and holds them close together in the query's order.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

WORD_CUTOFF = 70.0  # below this a word is a different word, not a typo
MIN_COVERAGE = 0.5  # a passage must hold at least half the query (by weight) to count
_COVERAGE, _ORDER, _TIGHT = 0.62, 0.33, 0.05


def word_similarity(word: str, tokens: list[str], prefix: bool = False, token_set: set[str] | None = None) -> float:
    """Best similarity (0..1) of ``word`` to any of ``tokens``."""
    if not tokens:
        return 0.0
    if word in (token_set if token_set is not None else tokens):
        return 1.0  # the common case, and a set lookup instead of a fuzzy scan
    if prefix and any(t.startswith(word) for t in tokens):
        return 1.0
    best = process.extractOne(word, tokens, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF)
    return best[1] / 100.0 if best else 0.0


def score(
    words: list[str],
    weights: dict[str, float],
    tokens: list[str],
    prefix_last: bool = False,
) -> float:
    """0..1: weighted word coverage, then order/proximity, then tightness; 0 when
    the passage holds less than half of the query."""
    if not words or not tokens:
        return 0.0
    total = sum(weights.get(w, 1.0) for w in words) or 1.0
    covered = 0.0
    token_set = set(tokens)
    for i, w in enumerate(words):
        sim = word_similarity(w, tokens, prefix=prefix_last and i == len(words) - 1, token_set=token_set)
        covered += weights.get(w, 1.0) * sim
    coverage = covered / total
    if coverage < MIN_COVERAGE:
        return 0.0
    query = " ".join(words)
    text = " ".join(tokens)
    order = fuzz.partial_ratio(query, text) / 100.0
    # A name or a short quote that is mostly the query beats a long sentence
    # that merely contains it.
    tight = min(1.0, len(query) / max(len(text), 1))
    return _COVERAGE * coverage + _ORDER * order + _TIGHT * tight
