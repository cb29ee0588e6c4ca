"""Linked entities from the analysis store when current; computed (in a child process for a big folder) when not."""

from __future__ import annotations

from array import array
from typing import Any

from .collector import paused
from .stored_codec import dumps, loads, code_version
from .store import Store

Index = Any  # reader.core.index.Index
Signatures = Any  # reader.core.stored.Signatures


# --- entities ---------------------------------------------------------------------------------
def _encode_entities(entities: list) -> bytes:
    """Entities as rows, their mentions as one integer array (article, start, end, surface per
    mention) over tables of article ids and surfaces: no object per mention, on disk or in between."""
    doc_ids: dict[str, int] = {}
    surfaces: dict[str, int] = {}
    flat = array("i")
    rows = []
    for e in entities:
        for m in e.mentions:
            flat.extend((doc_ids.setdefault(m.doc, len(doc_ids)), m.start, m.end,
                         surfaces.setdefault(m.text, len(surfaces))))
        rows.append((e.id, e.name, e.type, e.aliases, sorted(e.roles), len(e.mentions)))
    return dumps((rows, list(doc_ids), list(surfaces), flat))


def _decode_entities(data: bytes) -> list:
    from .entities.model import Entity, Mention

    with paused():
        rows, doc_ids, surfaces, flat = loads(data)
        out = []
        k = 0
        for eid, name, typ, aliases, roles, n in rows:
            end = k + 4 * n
            ms = [Mention(doc_ids[flat[i]], flat[i + 1], flat[i + 2], surfaces[flat[i + 3]]) for i in range(k, end, 4)]
            k = end
            out.append(Entity(eid, name, typ, aliases, ms, set(roles)))
        return out


def entities(index: Index, store: Store | None, sigs: Signatures | None):
    """The EntityIndex: detected and linked entities from the store when current, corrections applied."""
    from .entities import build_entity_index
    from .entities.corrections import apply_file

    if store is None or sigs is None:
        return build_entity_index(index.documents, corrections_path=index.corrections_path)
    version, sig = code_version("entities"), sigs.entities()
    base = None
    data = store.get_corpus("entities", version, sig)
    if data is not None:
        try:
            base = _decode_entities(data)
        except Exception:  # a row from a codec that no longer fits: recompute
            base = None
    if base is None:
        from .kept_articles import StoreKeptMentions

        kept = StoreKeptMentions(store, version, sigs.text_hashes)
        if len(index.documents) >= CHILD_MIN_ARTICLES:
            data = _entities_in_child(index.documents, kept)
            if data is not None:
                base = _decode_entities(data)
        if base is None:
            built = build_entity_index(index.documents, kept=kept)
            base = getattr(built, "base_entities", None)
            if base is None:  # not an EntityIndex (a stand-in): nothing to keep
                return built
            data = _encode_entities(base)
        store.put_corpus("entities", version, sig, data)
    index._stored_base = base
    return apply_file(base, index.corrections_path)


# From this many articles the entity pass runs in a child process: it allocates some hundreds of megabytes
# it frees before it ends, which this process would keep (and the workers of later passes copy).
CHILD_MIN_ARTICLES = 1000


def _entities_in_child(documents: list, kept) -> bytes | None:
    """The entities of ``documents``, encoded for the store, found in a child process (which keeps the
    per-article rows through a store connection of its own); None for a stand-in index, built here."""
    from .entities import build_entity_index
    from .pool import in_child

    for d in documents:  # read once here, where the passes that follow need them too
        d.text
    kept.detach()

    def work():
        built = build_entity_index(documents, kept=kept)
        base = getattr(built, "base_entities", None)
        return None if base is None else _encode_entities(base)

    return in_child(work)


def entities_current(index: Index, ents) -> bool:
    """Whether ``ents`` are the store's entities with the corrections file applied (and not, say,
    an index a test or a face put in their place): only then are stored dependants valid."""
    return (getattr(ents, "base_entities", None) is getattr(index, "_stored_base", ())
            and getattr(ents, "corrections_path", None) == index.corrections_path)


