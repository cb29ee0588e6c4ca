"""The entity model: mentions, merged entities, and the index the faces query."""

from __future__ import annotations

import bisect
from array import array
from functools import cached_property
from typing import Iterable

from ..collector import paused
from .entity import TYPES, Entity, Mention
from .resolve import resolve

__all__ = ["TYPES", "Entity", "EntityIndex", "Mention"]

_NO_STARTS = array("i")


class EntityIndex:
    """Entities of a corpus with per-document lookups by offset."""

    def __init__(self, entities: Iterable[Entity], corrections_path=None, corrections_error: str | None = None,
                 hidden: Iterable[Entity] = ()):
        self.entities: list[Entity] = list(entities)
        self.corrections_path = corrections_path
        # A malformed corrections file: the message (with its line) the faces show. The
        # file is then applied not at all and never written to.
        self.corrections_error = corrections_error
        self.hidden: list[Entity] = list(hidden)  # entities the user chose to ignore
        self.base_entities: list[Entity] = self.entities  # before corrections: re-applied after an edit
        self.corrections: list = []  # the corrections applied, in file order
        self.skipped: list = []  # corrections whose entity no longer exists
        self._by_id = {e.id: e for e in self.entities}
        self._last: tuple[str, list[tuple[Mention, Entity]], array] | None = None

    # The per-article lookups are made on first use: an index of uncorrected entities that is only
    # passed on to have corrections applied (a new index) never needs them. Each article's are kept
    # as its mentions and their entities side by side, and the starts as integers in an array: at
    # 10,000 articles a (mention, entity) tuple and a start object per mention held 60 MB more.
    @cached_property
    @paused()  # an object per mention: at 10,000 articles the collector took 1.5 of 2 s
    def _by_doc(self) -> dict[str, tuple[tuple[Mention, ...], tuple[Entity, ...], array]]:
        by_doc: dict[str, list[tuple[Mention, Entity]]] = {}
        for e in self.entities:
            for m in e.mentions:
                by_doc.setdefault(m.doc, []).append((m, e))
        out = {}
        for doc, pairs in by_doc.items():
            pairs.sort(key=lambda p: (p[0].start, p[0].end))
            out[doc] = (tuple(p[0] for p in pairs), tuple(p[1] for p in pairs), array("i", [p[0].start for p in pairs]))
        return out

    def _pairs(self, doc_id: str) -> tuple[list[tuple[Mention, Entity]], array]:
        """The article's (mention, entity) pairs in text order, and their starts. The pairs of the
        article asked for last are kept: the passes ask for one article many times in a row."""
        last = self._last
        if last is not None and last[0] == doc_id:
            return last[1], last[2]
        got = self._by_doc.get(doc_id)
        if got is None:
            return [], _NO_STARTS
        pairs = list(zip(got[0], got[1]))
        self._last = (doc_id, pairs, got[2])
        return pairs, got[2]

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def mentions_in(self, doc_id: str) -> list[tuple[Mention, Entity]]:
        got = self._by_doc.get(doc_id)
        return list(zip(got[0], got[1])) if got else []

    def mentions_with_starts(self, doc_id: str) -> tuple[list[tuple[Mention, Entity]], array]:
        """The article's (mention, entity) pairs in text order and their start offsets, for bisecting.
        Read-only: they are shared with the next caller asking for the same article."""
        return self._pairs(doc_id)

    def entity_at(self, doc_id: str, offset: int) -> Entity | None:
        got = self._by_doc.get(doc_id)
        if not got:
            return None
        mentions, entities, starts = got
        i = bisect.bisect_right(starts, offset) - 1
        # mentions never overlap, so the one starting last at or before offset is the only candidate
        if i >= 0 and mentions[i].start <= offset < mentions[i].end:
            return entities[i]
        return None

    def entities_in_span(self, doc_id: str, start: int, end: int) -> list[Entity]:
        got = self._by_doc.get(doc_id)
        if not got:
            return []
        mentions, entities, starts = got
        out: dict[str, Entity] = {}
        for i in range(max(0, bisect.bisect_left(starts, start) - 1), len(mentions)):
            m = mentions[i]
            if m.start >= end:
                break
            if m.end > start:
                e = entities[i]
                out.setdefault(e.id, e)
        return list(out.values())

    def resolve(self, surface: str, doc_id: str, offset: int) -> Entity | None:
        return resolve(self, surface, doc_id, offset)

    def to_json(self) -> dict:
        return {"entities": [e.to_json() for e in self.entities]}
