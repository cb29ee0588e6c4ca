"""People, places and organisations in a corpus, merged across articles.

``build_entity_index(documents, corrections_path=None) -> EntityIndex`` is the
one entry point (``Index.entities`` calls it). Detection (``detect.py``) is a
rule-based extractor behind the ``Extractor`` protocol; linking is ``link.py``;
user corrections (``corrections.py``) are applied last, on every build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..collector import paused
from .model import TYPES, Entity, EntityIndex, Mention

__all__ = ["TYPES", "Entity", "EntityIndex", "Mention", "build_entity_index"]


def build_entity_index(documents: Iterable, corrections_path: str | Path | None = None,
                       extractor=None, kept=None) -> EntityIndex:
    """``kept``: where the default detection keeps each article's mentions between runs
    (``kept.KeptMentions``); another ``extractor`` is given the documents alone."""
    from .detect import RuleExtractor
    from .link import link

    docs = list(documents)
    # The pass allocates millions of small acyclic objects; the cyclic collector would rescan the
    # growing heap again and again (cost growing faster than the corpus) and reclaim nothing.
    with paused():
        raw = extractor.extract(docs) if extractor is not None else RuleExtractor().extract(docs, kept)
        entities = link(raw, [d.id for d in docs],
                        {d.id: d.text for d in docs})
    if corrections_path is None:
        return EntityIndex(entities)
    from .corrections import apply_file

    return apply_file(entities, Path(corrections_path))
