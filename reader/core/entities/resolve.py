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

from .detect import link_key
from .gazetteer import fold, gazetteer
from .lexicon import ORG_HEADS, TITLE_QUALIFIERS, TITLES
from .model import Entity, EntityIndex

PRONOUNS = frozenset("he she him her his hers himself herself".split())
_ORG_WORDS = ORG_HEADS | frozenset("organisation group company firm outlet broadcaster agency body".split())
_PLACE_WORDS = frozenset("country nation city town capital region province state republic".split())
_WINDOW = 2000  # characters: a pronoun or description refers back no further than this


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


def _nearest(pairs, offset: int, accept) -> Entity | None:
    before: Entity | None = None
    after: Entity | None = None
    best_after = None
    for m, e in pairs:
        if not accept(e):
            continue
        if m.start <= offset:
            if offset - m.start <= _WINDOW or before is None:
                before = e
        elif best_after is None:
            best_after, after = m.start, e
    return before or after


def resolve(index: EntityIndex, surface: str, doc_id: str, offset: int) -> Entity | None:
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
        def same(e: Entity) -> bool:
            if link_key(e.name) == key or any(link_key(a) == key for a in e.aliases):
                return True
            ek = link_key(e.name).split()
            return len(words) < len(ek) and ek[-len(words):] == words

        hit = _nearest(pairs, offset, same)
        if hit is not None:
            return hit
    if words:
        head = words[-1]
        if head in TITLES or any(w in TITLES for w in words):
            roles = set(words)
            hit = _nearest(pairs, offset,
                           lambda e: e.type == "PERSON" and any(set(r.split()) & roles for r in e.roles))
            if hit is not None:
                return hit
        if head in _ORG_WORDS:
            hit = _nearest(pairs, offset, lambda e: e.type == "ORG" and head in link_key(e.name).split())
            if hit is None and head in ("organization", "organisation", "group", "body", "agency"):
                hit = _nearest(pairs, offset, lambda e: e.type == "ORG")
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

            hit = _nearest(pairs, offset, kind_ok)
            if hit is not None:
                return hit
    if key and not described:
        found = [e for e in index.entities if link_key(e.name) == key or any(link_key(a) == key for a in e.aliases)]
        if len(found) == 1:
            return found[0]
    return None
