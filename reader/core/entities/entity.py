"""Mentions and merged entities: the data every entity analysis makes and reads.

Below the index (``model.EntityIndex``), resolution and corrections, which all
take these types.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..jsontext import json_string
from .gazetteer import fold

TYPES = ("PERSON", "PLACE", "ORG")


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a name: ``text == Document.text[start:end]``."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON, PLACE or ORG
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # Lower-case roles seen before its mentions ("president", "minister"); they let
    # "the president" resolve to this person.
    roles: set[str] = field(default_factory=set)

    @property
    def docs(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.doc, None)
        return list(seen)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in self.mentions],
        }

    def json_text(self) -> str:
        """``json.dumps(self.to_json(), ensure_ascii=False)``, written without a dictionary per mention:
        a big folder's entities have hundreds of thousands of mentions, and building and encoding
        those dictionaries was most of the time `reader entities --json` spent printing."""
        head = json.dumps({"id": self.id, "name": self.name, "type": self.type, "aliases": list(self.aliases)},
                          ensure_ascii=False)
        text = json_string
        mentions = ", ".join([f'{{"doc": {text(m.doc)}, "start": {m.start:d}, "end": {m.end:d}, '
                              f'"text": {text(m.text)}}}' for m in self.mentions])
        return f'{head[:-1]}, "mentions": [{mentions}]}}'


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """The name as it appears in entity ids (``person:kassym-jomart-tokayev``)."""
    return _SLUG.sub("-", fold(name)).strip("-") or "x"
