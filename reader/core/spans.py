"""Spans: half-open ranges of ``Document.text``, the unit every analysis speaks in.

Kept apart from the document so segmentation can make them without knowing the
document that holds them.
"""

from __future__ import annotations

from array import array
from typing import NamedTuple


class Span(NamedTuple):
    """A half-open ``[start, end)`` range of ``Document.text``.

    A NamedTuple rather than a dataclass: a corpus holds hundreds of thousands
    of sentence spans and tuples are the cheapest Python object that names its
    fields.
    """

    start: int
    end: int


def lower_same_offsets(text: str) -> str | None:
    """``text.lower()`` when every offset of it is an offset of ``text`` (one character for one), else
    None: a few characters ("İ") lower-case to two, and a search in the lower-cased text would then
    report offsets that point elsewhere. Searching lower-cased text with a lower-case pattern is
    several times faster than a case-blind search."""
    low = text.lower()
    return low if len(low) == len(text) else None


def pack_spans(spans: list[Span]) -> array:
    """Spans as one flat ``start, end, start, end, ...`` integer array: the form kept in the cache
    and sent back by a worker (no object per span)."""
    flat = array("l")
    for s in spans:
        flat.append(s.start)
        flat.append(s.end)
    return flat


def unpack_spans(flat) -> list[Span]:
    """Spans from a flat ``start, end, start, end, ...`` sequence (the cached
    form, unpacked only when a document's spans are first used)."""
    it = iter(flat)
    return [Span(a, b) for a, b in zip(it, it)]
