"""The finder's query language: free words plus a few filters.

    shoot to kil without warnig     words, in any order, typos allowed
    @tokayev                        quotations by that speaker
    kind:quote  kind:sentence  kind:entity
    in:ID                           one article
    #tag                            passages annotated with that tag

User text never reaches a query parser: words become term queries built in
code, so `:` `"` `(` `^` `~` `*` and friends are plain characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KINDS = ("quote", "sentence", "entity")
_KIND_ALIASES = {"quote": "quote", "quotes": "quote", "quotation": "quote", "q": "quote",
                 "sentence": "sentence", "sentences": "sentence", "s": "sentence",
                 "entity": "entity", "entities": "entity", "name": "entity", "names": "entity", "e": "entity"}
MAX_QUERY_CHARS = 2000  # beyond this a "query" is a pasted article; the first words are enough
MAX_WORDS = 32

_SURROGATE = re.compile("[\ud800-\udfff]")
_FILTER = re.compile(r"(?:(?<=\s)|^)(?:(kind|in):(\S*)|@(\S+)|#(\S+))", re.IGNORECASE)


@dataclass
class ParsedQuery:
    raw: str
    text: str = ""  # the free text, filters removed
    kinds: tuple[str, ...] = KINDS
    doc: str | None = None
    speaker: str | None = None
    tags: list[str] = field(default_factory=list)
    problem: str | None = None  # a message for the user; the query then answers nothing

    @property
    def has_filters(self) -> bool:
        return bool(self.doc or self.speaker or self.tags or self.kinds != KINDS)


def parse_query(raw: str) -> ParsedQuery:
    raw = raw if isinstance(raw, str) else str(raw)
    q = ParsedQuery(raw=raw)
    text = raw[:MAX_QUERY_CHARS]
    # Control characters (pasted escapes, NULs) are separators, never content.
    text = "".join(" " if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0) else c for c in text)
    text = _SURROGATE.sub("\ufffd", text)  # lone surrogates cannot be encoded for the engine
    kinds: list[str] = []
    speakers: list[str] = []

    def take(m: re.Match) -> str:
        key, value, at, tag = m.group(1), m.group(2), m.group(3), m.group(4)
        if key and key.lower() == "kind":
            kind = _KIND_ALIASES.get(value.lower())
            if kind is None:
                q.problem = q.problem or f"unknown kind '{value}': use kind:quote, kind:sentence or kind:entity"
            else:
                kinds.append(kind)
        elif key:  # in:
            if not value:
                q.problem = q.problem or "in: needs an article id, e.g. in:002_3ad7c57d0e97eb6f"
            q.doc = value or None
        elif at:
            speakers.append(at.strip("@"))
        elif tag:
            q.tags.append(tag.lstrip("#"))
        return " "

    q.text = " ".join(_FILTER.sub(take, text).split())
    if kinds:
        q.kinds = tuple(k for k in KINDS if k in kinds)
    if speakers:
        q.speaker = " ".join(speakers)
    if not q.problem and not q.text and not q.has_filters:
        q.problem = "type some words to search" if not raw.strip() else "no words to search for"
    return q
