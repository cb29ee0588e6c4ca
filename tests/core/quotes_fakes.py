"""A tiny stand-in for the entity index, with the API the quotation analysis uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.document import Document


@dataclass(frozen=True)
class FakeMention:
    doc: str
    start: int
    end: int
    text: str


@dataclass(eq=False)
class FakeEntity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[FakeMention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)


class FakeEntities:
    """Entities given as (name, type, surfaces); every occurrence of a surface is a mention."""

    def __init__(self, docs: list[Document], spec: list[tuple[str, str, list[str]]]):
        self.entities: list[FakeEntity] = []
        taken: dict[str, list[tuple[int, int]]] = {}
        for name, type_, surfaces in spec:
            e = FakeEntity(re.sub(r"\W+", "-", name.lower()), name, type_, list(surfaces))
            for d in docs:
                for s in sorted(surfaces, key=len, reverse=True):
                    for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", d.text):
                        spans = taken.setdefault(d.id, [])
                        if any(a < m.end() and m.start() < b for a, b in spans):
                            continue
                        spans.append((m.start(), m.end()))
                        e.mentions.append(FakeMention(d.id, m.start(), m.end(), m.group()))
            self.entities.append(e)

    def mentions_in(self, doc_id: str):
        pairs = [(m, e) for e in self.entities for m in e.mentions if m.doc == doc_id]
        return sorted(pairs, key=lambda p: p[0].start)

    def entity_at(self, doc_id: str, offset: int):
        for m, e in self.mentions_in(doc_id):
            if m.start <= offset < m.end:
                return e
        return None

    def entities_in_span(self, doc_id: str, start: int, end: int):
        out = []
        for m, e in self.mentions_in(doc_id):
            if m.start < end and start < m.end and e not in out:
                out.append(e)
        return out

    def resolve(self, surface: str, doc_id: str, offset: int):
        low = surface.lower()
        for e in self.entities:
            if any(a.lower() == low for a in e.aliases + [e.name]):
                return e
        return None


def doc(text: str, doc_id: str = "a") -> Document:
    return Document(id=doc_id, path=Path(f"{doc_id}.txt"), text=text)


PEOPLE = [
    ("Maria Lopez", "PERSON", ["Maria Lopez", "Lopez"]),
    ("Tom Baker", "PERSON", ["Tom Baker", "Baker"]),
    ("Anna Kim", "PERSON", ["Anna Kim", "Kim"]),
    ("City Council", "ORG", ["City Council"]),
]


def quotes_by_text(text: str, spec=PEOPLE) -> dict:
    """The quotations of one article made of ``text``, by their words, with the entities of ``spec``."""
    from reader.core.quotes import build_quote_index

    d = doc(text)
    qi = build_quote_index([d], FakeEntities([d], spec))
    return {q.display_text(): q for q in qi.quotes}
