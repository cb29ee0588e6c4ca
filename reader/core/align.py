"""Which passage of one article matches which passage of another, for reading them side by side.

Sentences are paired by the rare words they share (light stemming, numbers normalised, stopwords out:
``reader.core.quotes.terms``), weighted by how few sentences of the two articles use each word. Passages
known to report the same thing (a fact's items, a quotation's matches) are given as anchors and pair
their sentences before any word is counted. Each sentence has at most one partner; reports tell events
in different orders, so the pairs need not keep the order of either article.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Iterable, Sequence

from .document import Document, Span
from .quotes.terms import terms

MIN_SCORE = 0.3  # share of the two sentences' weight their common words carry
MIN_SHARED = 2  # one shared word ("Almaty") is a topic, not a passage


@dataclass(frozen=True, slots=True)
class Pair:
    """Sentence ``[a_start, a_end)`` of the first article and ``[b_start, b_end)`` of the second."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float
    anchor: bool = False  # given, not found by words

    def side(self, which: str) -> tuple[int, int]:
        return (self.a_start, self.a_end) if which == "a" else (self.b_start, self.b_end)

    def other(self, which: str) -> tuple[int, int]:
        return self.side("b" if which == "a" else "a")


@dataclass(frozen=True)
class Alignment:
    a: str  # document ids
    b: str
    pairs: tuple[Pair, ...]  # by a_start

    def swapped(self) -> "Alignment":
        flipped = (Pair(p.b_start, p.b_end, p.a_start, p.a_end, p.score, p.anchor) for p in self.pairs)
        return Alignment(self.b, self.a, tuple(sorted(flipped, key=lambda p: p.a_start)))

    def _on(self, which: str) -> list[Pair]:
        return sorted(self.pairs, key=lambda p: p.side(which)[0])

    def partner(self, offset: int, which: str = "a") -> Pair | None:
        """The pair whose sentence on side ``which`` holds ``offset``, or None."""
        for p in self.pairs:
            s, e = p.side(which)
            if s <= offset < e:
                return p
        return None

    def nearest(self, offset: int, within: tuple[int, int] | None = None, which: str = "a") -> Pair | None:
        """The pair whose sentence on side ``which`` starts closest to ``offset``; with ``within``, only
        sentences starting inside that range count (what can be seen of the article)."""
        pairs = self._on(which)
        if within is not None:
            lo, hi = within
            pairs = [p for p in pairs if lo <= p.side(which)[0] < hi]
        if not pairs:
            return None
        starts = [p.side(which)[0] for p in pairs]
        i = bisect.bisect_left(starts, offset)
        near = [pairs[j] for j in (i - 1, i) if 0 <= j < len(pairs)]
        return min(near, key=lambda p: (abs(p.side(which)[0] - offset), -p.score))


def align_passages(a: Document, b: Document, anchors: Iterable[tuple[int, int, int, int]] = (),
                   min_score: float = MIN_SCORE) -> Alignment:
    """Pair the sentences of ``a`` and ``b``. ``anchors`` are ``(a_start, a_end, b_start, b_end)``
    passages known to match; each pairs the sentences holding its starts."""
    sa, sb = a.sentences, b.sentences
    pairs: list[Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for a_start, _a_end, b_start, _b_end in anchors:
        i, j = _index_at(sa, a_start), _index_at(sb, b_start)
        if i is None or j is None or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append(Pair(sa[i].start, sa[i].end, sb[j].start, sb[j].end, 1.0, anchor=True))
    ta = [set(terms(a.text[s.start:s.end])) for s in sa]
    tb = [set(terms(b.text[s.start:s.end])) for s in sb]
    weight = _weights(ta + tb)
    wa = [sum(weight[t] for t in ts) for ts in ta]
    wb = [sum(weight[t] for t in ts) for ts in tb]
    holders: dict[str, list[int]] = {}
    for j, ts in enumerate(tb):
        for t in ts:
            holders.setdefault(t, []).append(j)
    scored: list[tuple[float, int, int]] = []
    for i, ts in enumerate(ta):
        if i in used_a or not wa[i]:
            continue
        shared: dict[int, list[str]] = {}
        for t in ts:
            for j in holders.get(t, ()):
                shared.setdefault(j, []).append(t)
        for j, common in shared.items():
            if j in used_b or len(common) < MIN_SHARED:
                continue
            score = 2 * sum(weight[t] for t in common) / (wa[i] + wb[j])
            if score >= min_score:
                scored.append((score, i, j))
    # best first; ties go to the earlier sentences, so the result does not depend on set order
    for score, i, j in sorted(scored, key=lambda x: (-x[0], x[1], x[2])):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append(Pair(sa[i].start, sa[i].end, sb[j].start, sb[j].end, round(score, 4)))
    return Alignment(a.id, b.id, tuple(sorted(pairs, key=lambda p: p.a_start)))


def _index_at(sentences: Sequence[Span], offset: int) -> int | None:
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(sentences) and sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1):
        return i
    return None


def _weights(sentence_terms: list[set[str]]) -> dict[str, float]:
    """Inverse sentence frequency over both articles: a word every sentence has weighs nothing."""
    n = len(sentence_terms)
    df: dict[str, int] = {}
    for ts in sentence_terms:
        for t in ts:
            df[t] = df.get(t, 0) + 1
    return {t: math.log(1 + n / c) for t, c in df.items()}
