"""Which entity a surface ("Tokayev", "the ministry", "he") means at a place in an article.

Used by quote speaker attribution: the speaker is whatever stands before "said",
and it must become an entity id. Order of attempts:
1. a name: an entity of that article whose name or alias has the same linking
   key, or whose name ends with it ("Tokayev", "Mr. Tokayev", "Tokayev's");
2. a pronoun (he, she): the person mentioned last before the offset;
3. a description ("the president", "the ministry", "the country"): the nearest
   entity before the offset whose roles or name's last word say so;
4. a name no entity of the article has: the corpus's only entity with that key.
Nearest means the closest mention before the offset (news text names someone
before it refers back), else the closest after it.
"""

from __future__ import annotations

import bisect
import threading
from typing import Protocol

from .detect import link_key
from .entity import Entity
from .gazetteer import fold, gazetteer
from .lexicon import ORG_HEADS, TITLE_QUALIFIERS, TITLES


class EntityIndex(Protocol):
    """What resolution reads of ``model.EntityIndex`` (which calls it: this module sits below it)."""

    entities: list[Entity]

    def mentions_with_starts(self, doc_id: str) -> tuple[list, list[int]]: ...


PRONOUNS = frozenset("he she him her his hers himself herself".split())
_ORG_WORDS = ORG_HEADS | frozenset("organisation group company firm outlet broadcaster agency body".split())
_PLACE_WORDS = frozenset("country nation city town capital region province state republic".split())
_WINDOW = 2000  # characters: a pronoun or description refers back no further than this


class _Keys:
    """Linking keys of an index's entities, computed once per index instead of once per lookup:
    by entity (its name's key and every alias's) and by key (the entities answering to it)."""

    def __init__(self, index: EntityIndex):
        self.name_key: dict[str, str] = {}
        self.name_words: dict[str, list[str]] = {}
        self.keys: dict[str, frozenset[str]] = {}
        self.by_key: dict[str, list[Entity]] = {}
        for e in index.entities:
            self._add(e, self.by_key)

    def _add(self, e: Entity, by_key: dict) -> None:
        nk = link_key(e.name)
        ks = frozenset([nk, *(link_key(a) for a in e.aliases)])
        self.name_key[e.id], self.name_words[e.id], self.keys[e.id] = nk, nk.split(), ks
        for k in ks:
            by_key.setdefault(k, []).append(e)


_KEYS_LOCK = threading.Lock()


def _keys(index: EntityIndex) -> _Keys:
    keys = index.__dict__.get("_resolve_keys")
    if keys is None:
        with _KEYS_LOCK:
            keys = index.__dict__.get("_resolve_keys")
            if keys is None:
                keys = index.__dict__["_resolve_keys"] = _Keys(index)
    return keys


def _strip(surface: str) -> str:
    s = surface.strip().strip("\"'“”‘’`,.:;")
    low = s.lower()
    for p in ("'s", "’s", " 's"):
        if low.endswith(p):
            s, low = s[: -len(p)], low[: -len(p)]
    words = s.split()
    # titles and roles before a name: "President Tokayev", "Interior Minister X", "Mr. Y"
    while len(words) > 1 and (fold(words[0].rstrip(".")) in TITLES or fold(words[0].rstrip(".")) in TITLE_QUALIFIERS
                              or words[0].lower() in ("the", "a", "an")):
        words = words[1:]
    return " ".join(words)


def _nearest(pairs, starts: list[int], offset: int, accept) -> Entity | None:
    """The accepted entity mentioned last at or before ``offset`` when within the window; beyond
    it, the one mentioned first in the article; with none before, the first one after."""
    i = bisect.bisect_right(starts, offset)  # pairs[:i] start at or before the offset
    for j in range(i - 1, -1, -1):
        m, e = pairs[j]
        if accept(e):
            if offset - m.start <= _WINDOW:
                return e
            return next(e for _, e in pairs[:j + 1] if accept(e))
    return next((e for _, e in pairs[i:] if accept(e)), None)


def resolve(index: EntityIndex, surface: str, doc_id: str, offset: int) -> Entity | None:
    raw = surface.strip()
    if not raw:
        return None
    pairs, starts = index.mentions_with_starts(doc_id)
    low = raw.lower()
    if low in PRONOUNS:
        for j in range(bisect.bisect_left(starts, offset) - 1, -1, -1):
            m, e = pairs[j]
            if offset - m.start > _WINDOW:
                break
            if e.type == "PERSON":
                return e
        return None

    keys = _keys(index)
    name = _strip(raw)
    key = link_key(name) if name else ""
    words = key.split()
    described = low.startswith(("the ", "a ", "an ")) and name and name[0].islower()
    if key and not described:
        def same(e: Entity) -> bool:
            if key in keys.keys[e.id]:
                return True
            ek = keys.name_words[e.id]
            return len(words) < len(ek) and ek[-len(words):] == words

        hit = _nearest(pairs, starts, offset, same)
        if hit is not None:
            return hit
    if words:
        head = words[-1]
        if head in TITLES or any(w in TITLES for w in words):
            roles = set(words)
            hit = _nearest(pairs, starts, offset,
                           lambda e: e.type == "PERSON" and any(set(r.split()) & roles for r in e.roles))
            if hit is not None:
                return hit
        if head in _ORG_WORDS:
            hit = _nearest(pairs, starts, offset, lambda e: e.type == "ORG" and head in keys.name_words[e.id])
            if hit is None and head in ("organization", "organisation", "group", "body", "agency"):
                hit = _nearest(pairs, starts, offset, lambda e: e.type == "ORG")
            if hit is not None:
                return hit
        if head in _PLACE_WORDS:
            gz = gazetteer()

            def kind_ok(e: Entity) -> bool:
                if e.type != "PLACE":
                    return False
                entry = gz.names.get(fold(e.name))
                if entry is None:
                    return head not in ("country", "nation", "republic")
                if head in ("country", "nation", "republic"):
                    return entry.kind == "country"
                return entry.kind != "country"

            hit = _nearest(pairs, starts, offset, kind_ok)
            if hit is not None:
                return hit
    if key and not described:
        found = keys.by_key.get(key, ())
        if len(found) == 1:
            return found[0]
    return None
