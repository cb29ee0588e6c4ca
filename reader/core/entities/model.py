"""The entity model: mentions, merged entities, and the index the faces query."""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import Iterable

from ..collector import paused
from .entity import TYPES, Entity, Mention
from .resolve import resolve

__all__ = ["TYPES", "Entity", "EntityIndex", "Mention"]

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

    # The per-article lookups are made on first use: an index of uncorrected entities that is only
    # passed on to have corrections applied (a new index) never needs them.
    @cached_property
    @paused()  # a pair per mention: at 10,000 articles the collector took 1.5 of these 2 s
    def _by_doc(self) -> dict[str, list[tuple[Mention, Entity]]]:
        by_doc: dict[str, list[tuple[Mention, Entity]]] = {}
        for e in self.entities:
            for m in e.mentions:
                by_doc.setdefault(m.doc, []).append((m, e))
        starts: dict[str, list[int]] = {}
        for doc, pairs in by_doc.items():
            pairs.sort(key=lambda p: (p[0].start, p[0].end))
            starts[doc] = [p[0].start for p in pairs]
        self.__dict__["_starts"] = starts
        return by_doc

    @cached_property
    def _starts(self) -> dict[str, list[int]]:
        self._by_doc  # noqa: B018  sets it
        return self.__dict__["_starts"]

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def mentions_in(self, doc_id: str) -> list[tuple[Mention, Entity]]:
        return list(self._by_doc.get(doc_id, ()))

    def mentions_with_starts(self, doc_id: str) -> tuple[list[tuple[Mention, Entity]], list[int]]:
        """The article's (mention, entity) pairs in text order and their start offsets, for bisecting.
        Read-only: the index's own lists, not copies."""
        return self._by_doc.get(doc_id, []), self._starts.get(doc_id, [])

    def entity_at(self, doc_id: str, offset: int) -> Entity | None:
        pairs = self._by_doc.get(doc_id)
        if not pairs:
            return None
        i = bisect.bisect_right(self._starts[doc_id], offset) - 1
        # mentions never overlap, so the one starting last at or before offset is the only candidate
        if i >= 0 and pairs[i][0].start <= offset < pairs[i][0].end:
            return pairs[i][1]
        return None

    def entities_in_span(self, doc_id: str, start: int, end: int) -> list[Entity]:
        pairs = self._by_doc.get(doc_id)
        if not pairs:
            return []
        out: dict[str, Entity] = {}
        i = max(0, bisect.bisect_left(self._starts[doc_id], start) - 1)
        for m, e in pairs[i:]:
            if m.start >= end:
                break
            if m.end > start:
                out.setdefault(e.id, e)
        return list(out.values())

    def resolve(self, surface: str, doc_id: str, offset: int) -> Entity | None:
        return resolve(self, surface, doc_id, offset)

    def to_json(self) -> dict:
        return {"entities": [e.to_json() for e in self.entities]}
