"""Which entity a surface ("Tokayev", "the ministry", "he") means at a place in an article."""

from __future__ import annotations

from .gazetteer import fold
from .model import Entity, EntityIndex


def resolve(index: EntityIndex, surface: str, doc_id: str, offset: int) -> Entity | None:
    return None
