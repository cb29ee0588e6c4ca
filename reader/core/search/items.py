"""The finder's quotation and entity items, and their engine kept on disk.

``collect_items`` turns the quotation and entity analyses into what the finder
searches besides sentences: one item per quotation (its text, speaker) and per
entity (its name and aliases). On a large corpus these are hundreds of
thousands of texts: indexing them again at every start would cost the finder
seconds before its first query, so ``items_engine`` keeps their tantivy index
in a folder beside the sentence index, valid for one ``signature`` (the
analyses it was made from).
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..fsutil import PRIVATE, atomic_write
from . import engine as _engine

log = logging.getLogger(__name__)

MANIFEST = "items.json"
FORMAT = 1


class Item(NamedTuple):
    """A quotation or an entity, searchable by ``texts`` (an entity: its name and aliases). A tuple:
    a warm finder makes hundreds of thousands of them from the stored rows at every start."""

    kind: str
    doc: str
    start: int
    end: int
    texts: tuple[str, ...]
    speaker: str | None = None
    speaker_entity: str | None = None
    ref: str | None = None


@dataclass
class Items:
    items: list[Item]
    speakers: dict[str, list[tuple[int, int, str]]]  # doc -> quote spans with a speaker
    aliases: dict[str, list[str]]  # entity id -> lower-case names


def collect_items(docs: dict, quotes: Any = None, entities: Any = None) -> Items:
    from .text import unique

    items: list[Item] = []
    speakers: dict[str, list[tuple[int, int, str]]] = {}
    aliases: dict[str, list[str]] = {}
    for e in getattr(entities, "entities", None) or []:
        names = unique([n for n in [e.name, *(e.aliases or [])] if n and n.strip()])
        aliases[e.id] = [n.lower() for n in names]
        span = _entity_span(docs, e)
        if span is None or not names:
            continue
        items.append(Item("entity", span[0], span[1], span[2], tuple(names), ref=e.id))
    for q in getattr(quotes, "quotes", None) or []:
        doc = docs.get(q.doc)
        if doc is None or not (0 <= q.start < q.end <= len(doc.text)):
            continue
        items.append(Item("quote", q.doc, q.start, q.end, (doc.text[q.start : q.end],),
                          speaker=q.speaker, speaker_entity=q.speaker_entity, ref=q.id))
        if q.speaker:
            speakers.setdefault(q.doc, []).append((q.start, q.end, q.speaker))
    for spans in speakers.values():
        spans.sort()
    return Items(items, speakers, aliases)


def _entity_span(docs: dict, e) -> tuple[str, int, int] | None:
    """The mention a hit on this entity jumps to: its name written out, else the first."""
    best = None
    for m in getattr(e, "mentions", None) or []:
        doc = docs.get(m.doc)
        if doc is None or not (0 <= m.start < m.end <= len(doc.text)):
            continue
        if best is None:
            best = (m.doc, m.start, m.end)
        if doc.text[m.start : m.end].lower() == (e.name or "").lower():
            return (m.doc, m.start, m.end)
    return best


def encode(items: Items) -> tuple:
    """Plain tuples (pickled by the analysis store)."""
    return [tuple(it) for it in items.items], items.speakers, items.aliases


class _Rows(list):
    """The stored rows of the items, each made an Item when read: a warm finder reads the few its hits
    name, not the hundreds of thousands it keeps."""

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [Item._make(r) for r in list.__getitem__(self, i)]
        return Item._make(list.__getitem__(self, i))

    def __iter__(self):
        return map(Item._make, list.__iter__(self))


def decode(data: tuple) -> Items:
    rows, speakers, aliases = data
    return Items(_Rows(rows), speakers, aliases)


def entries(items: list[Item], ord_of: dict[str, int]) -> list[_engine.Entry]:
    # Entries carry the article's ordinal (so in:ID filters them like
    # sentences) and the item's position in place of a span.
    return [_engine.Entry(it.doc, ord_of.get(it.doc, 0), i, i, text) for i, it in enumerate(items) for text in it.texts]


def build_engine(items: list[Item], ord_of: dict[str, int], tantivy: bool, path: str | None = None):
    if not items:
        return None
    es = entries(items, ord_of)
    if not tantivy:
        return _engine.ScanEngine(es)
    from .text import tantivy_analyzer

    engine = _engine.TantivyEngine.create(tantivy_analyzer(), path)
    writer = engine.writer()
    for e in es:
        engine.add_text(writer, e.ord, e.start, e.text)
    engine.commit(writer)
    return engine


def items_engine(items: list[Item], ord_of: dict[str, int], folder: Path, signature: str):
    """The tantivy engine of ``items``, reopened from ``folder`` when it was built for ``signature``
    (else rebuilt there). Any trouble with the folder means an engine in memory, never a failure."""
    from .store import _folder_lock, _tantivy_version
    from .text import tantivy_analyzer

    if not items:
        return None
    want = {"format": FORMAT, "signature": signature, "count": len(items), "tantivy": _tantivy_version()}
    try:
        with _folder_lock(folder):
            try:
                have = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                have = None
            if have == want:
                try:
                    return _engine.TantivyEngine.create(tantivy_analyzer(), str(folder))
                except Exception as exc:
                    log.info("rebuilding the finder's items: %s", exc)
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
            engine = build_engine(items, ord_of, True, str(folder))
            atomic_write(folder / MANIFEST, json.dumps(want).encode("utf-8"), durable=False, mode=PRIVATE)
            return engine
    except Exception as exc:  # a broken or locked cache must never stop the finder
        log.info("finder items not kept on disk (%s); indexing in memory", exc)
        return build_engine(items, ord_of, True)
