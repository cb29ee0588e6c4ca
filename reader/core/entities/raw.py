"""What detection hands to linking: a mention with its linking key and type votes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import fold
from .lexicon import ORG_HEADS, SPELLING

# a capital letter of any script (the first of a name's tokens)
UP = "[" + re.escape("".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper())) + "]"


@dataclass(slots=True)
class RawMention:
    """A detected name before linking."""

    doc: str
    start: int
    end: int
    text: str
    key: str  # folded, normalised linking key
    votes: dict[str, float] = field(default_factory=dict)
    role: str | None = None  # "president" in "President Tokayev"
    qualifier: str | None = None  # country of "Russia's Defense Ministry", "Russian Defense Ministry"
    gaz: str | None = None  # canonical gazetteer name, when the surface is a known name
    gazw: float = 0.0  # its gazetteer weight (4 country, 3 capital or large city, ... 1 small town)
    ntok: int = 1
    qualified: bool = False  # set by linking: the qualifier is part of its form key

    def vote(self, typ: str, w: float) -> None:
        self.votes[typ] = self.votes.get(typ, 0.0) + w


def link_key(surface: str) -> str:
    """The linking key of a surface: folded, no dots, apostrophes or hyphens, British spelling to US."""
    s = fold(surface).replace(" .", "").replace(".", "").replace("’", "'").replace("-", " ")
    words = [SPELLING.get(w, w) for w in s.replace("'", "").split()]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if len(words) > 1 and words[0] == "mt":
        words[0] = "mount"  # "Mt Cook" is "Mount Cook"
    # "Ministry of Defense" and "Defense Ministry" meet: head-of-X becomes X-head
    if len(words) >= 3 and words[0] in ORG_HEADS and words[1] == "of":
        rest = words[2:]
        if rest and rest[0] == "the":
            rest = rest[1:]
        if rest:
            words = rest + [words[0]]
    return " ".join(words)


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    weak: bool  # sentence-initial or in a title-case headline: capital proves nothing


def gap(text: str, a: Tok, b: Tok) -> str:
    return text[a.end:b.start].strip().lower()
