"""Speaker resolution looks entities up by article and position: the same answers as scanning
every mention of the article and every entity of the corpus for each surface."""

from __future__ import annotations

from reader.core.entities import build_entity_index
from reader.core.entities.detect import link_key
from reader.core.entities.gazetteer import fold, gazetteer
from reader.core.entities.lexicon import TITLES
from reader.core.entities.model import Entity, EntityIndex, Mention
from reader.core.entities.resolve import _ORG_WORDS, _PLACE_WORDS, _WINDOW, PRONOUNS, _strip, resolve
from reader.core.loader import LoadOptions, load_paths


def _scan_nearest(pairs, offset, accept):
    before = after = best_after = None
    for m, e in pairs:
        if not accept(e):
            continue
        if m.start <= offset:
            if offset - m.start <= _WINDOW or before is None:
                before = e
        elif best_after is None:
            best_after, after = m.start, e
    return before or after


def scan_resolve(index: EntityIndex, surface: str, doc_id: str, offset: int):
    """The reference: every lookup a scan (what resolution did before it had an index)."""
    raw = surface.strip()
    if not raw:
        return None
    pairs = index.mentions_in(doc_id)
    low = raw.lower()
    if low in PRONOUNS:
        cands = [(m, e) for m, e in pairs if m.start < offset and offset - m.start <= _WINDOW and e.type == "PERSON"]
        return cands[-1][1] if cands else None
    name = _strip(raw)
    key = link_key(name) if name else ""
    words = key.split()
    described = low.startswith(("the ", "a ", "an ")) and name and name[0].islower()
    if key and not described:
        def same(e):
            if link_key(e.name) == key or any(link_key(a) == key for a in e.aliases):
                return True
            ek = link_key(e.name).split()
            return len(words) < len(ek) and ek[-len(words):] == words

        hit = _scan_nearest(pairs, offset, same)
        if hit is not None:
            return hit
    if words:
        head = words[-1]
        if head in TITLES or any(w in TITLES for w in words):
            roles = set(words)
            hit = _scan_nearest(pairs, offset, lambda e: e.type == "PERSON" and any(set(r.split()) & roles for r in e.roles))
            if hit is not None:
                return hit
        if head in _ORG_WORDS:
            hit = _scan_nearest(pairs, offset, lambda e: e.type == "ORG" and head in link_key(e.name).split())
            if hit is None and head in ("organization", "organisation", "group", "body", "agency"):
                hit = _scan_nearest(pairs, offset, lambda e: e.type == "ORG")
            if hit is not None:
                return hit
        if head in _PLACE_WORDS:
            gz = gazetteer()

            def kind_ok(e):
                if e.type != "PLACE":
                    return False
                entry = gz.names.get(fold(e.name))
                if entry is None:
                    return head not in ("country", "nation", "republic")
                if head in ("country", "nation", "republic"):
                    return entry.kind == "country"
                return entry.kind != "country"

            hit = _scan_nearest(pairs, offset, kind_ok)
            if hit is not None:
                return hit
    if key and not described:
        found = [e for e in index.entities if link_key(e.name) == key or any(link_key(a) == key for a in e.aliases)]
        if len(found) == 1:
            return found[0]
    return None


SURFACES = ["he", "she", "his", "the president", "the ministry", "the country", "the city", "the group",
            "the organization", "President", "Mr. Nobody", "officials", "the agency", "the capital", ""]


def _same_everywhere(index: EntityIndex, docs) -> int:
    surfaces = set(SURFACES)
    for e in index.entities:
        surfaces.add(e.name)
        surfaces.update(e.aliases)
        surfaces.update(m.text + "'s" for m in e.mentions[:2])
        surfaces.add(e.name.split()[-1])
    checked = 0
    for d in docs:
        offsets = sorted({0, len(d.text)} | {o for m, _ in index.mentions_in(d.id) for o in (m.start, m.end + 1)})
        for off in offsets[::3]:
            for s in sorted(surfaces):
                assert resolve(index, s, d.id, off) is scan_resolve(index, s, d.id, off), (s, d.id, off)
                checked += 1
    return checked


def test_indexed_resolution_answers_like_the_scan_on_the_seeds(seeds_dir):
    docs = load_paths([str(seeds_dir)], LoadOptions(cache=False)).documents
    index = build_entity_index(docs)
    assert _same_everywhere(index, docs) > 1000


def _ent(i, name, typ, doc, spots, roles=(), aliases=None):
    ms = [Mention(doc, a, a + len(name), name) for a in spots]
    return Entity(f"e{i}", name, typ, aliases if aliases is not None else [name], ms, set(roles))


def test_window_first_mention_after_and_the_corpus_fallback():
    # far apart mentions: beyond the window the first mention of the article wins, with none
    # before the offset the first one after; a name the article lacks is the corpus's only one
    far = 3 * _WINDOW
    ents = [
        _ent(1, "Anna Berg", "PERSON", "a", [10, far], roles={"president"}),
        _ent(2, "Carl Berg", "PERSON", "a", [500], roles={"minister"}),
        _ent(3, "Health Ministry", "ORG", "a", [2 * far]),
        _ent(4, "Dora Lind", "PERSON", "b", [40]),
        _ent(5, "Lind", "PLACE", "c", [5]),
        _ent(6, "Eva Stone", "PERSON", "c", [9], aliases=["Eva Stone", "E. Stone"]),
    ]
    index = EntityIndex(ents)
    docs_offsets = {"a": [0, 10, 11, 600, far - 1, far + 1, far + _WINDOW + 5, 2 * far + 1, 4 * far], "b": [0, 50],
                    "c": [0, 50], "z": [0]}
    surfaces = ["Berg", "Anna Berg", "the president", "the minister", "the ministry", "he", "she", "Lind",
                "Dora Lind", "Stone", "E. Stone", "Health Ministry", "the Health Ministry"]
    for doc, offs in docs_offsets.items():
        for off in offs:
            for s in surfaces:
                assert resolve(index, s, doc, off) is scan_resolve(index, s, doc, off), (s, doc, off)
    assert resolve(index, "Dora Lind", "z", 0).id == "e4"  # only the corpus has her
    assert resolve(index, "Anna Berg", "a", far + _WINDOW + 5).id == "e1"
    assert resolve(index, "the minister", "a", far + _WINDOW + 5).id == "e2"  # beyond the window: the first
