"""The slice of the entity index that attribution needs, for one article.

Only ``mentions_in``, ``resolve`` and the Entity fields ``id``, ``name``, ``type``
(and optionally ``roles``) are used, so a test can pass a small fake index.
"""

from __future__ import annotations

import bisect
from typing import Any


class DocEntities:
    def __init__(self, entity_index: Any, doc_id: str):
        self.index = entity_index
        self.doc_id = doc_id
        pairs = []
        if entity_index is not None:
            try:
                pairs = entity_index.mentions_in(doc_id)
            except Exception:  # a broken entity index must not lose the quotations
                pairs = []
        self.mentions: list[tuple[int, int, Any]] = sorted(((m.start, m.end, e) for m, e in pairs), key=lambda t: (t[0], t[1]))
        self._starts = [m[0] for m in self.mentions]

    def in_span(self, start: int, end: int) -> list[tuple[int, int, Any]]:
        i = max(0, bisect.bisect_left(self._starts, start) - 1)
        out = []
        for m in self.mentions[i:]:
            if m[0] >= end:
                break
            if m[1] > start:
                out.append(m)
        return out

    def before(self, offset: int) -> list[tuple[int, int, Any]]:
        """Mentions ending at or before ``offset``, nearest last."""
        i = bisect.bisect_left(self._starts, offset)
        return [m for m in self.mentions[:i] if m[1] <= offset]

    def resolve(self, surface: str, offset: int) -> Any | None:
        if self.index is None or not surface:
            return None
        try:
            return self.index.resolve(surface, self.doc_id, offset)
        except Exception:
            return None
