"""What a search answers."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage that matches. ``text == Document.text[start:end]`` of ``doc``."""

    kind: str  # "quote" | "sentence" | "entity"
    doc: str
    start: int
    end: int
    text: str
    score: float  # 0..1, higher is better
    speaker: str | None = None
    ref: str | None = None  # the quote's or entity's id, when the hit is one

    def to_json(self) -> dict:
        return {"kind": self.kind, "doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
                "score": round(self.score, 4), "speaker": self.speaker, "ref": self.ref}


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    message: str | None = None  # why there are no hits, or what was ignored
    words: list[str] = field(default_factory=list)  # the words searched for, as indexed (for highlighting)
