"""The comparison model: the figures and claims of several articles, lined up as facts.

A fact is one thing the articles report (a death toll, the number of arrests, a statement); its items
are the passages that report it, each with ``text == Document.text[start:end]``. The verdict says
whether the articles that report it agree, differ, or whether only one of them reports it at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("number", "claim")
VERDICTS = ("differ", "agree", "only")  # also the order facts are listed in


@dataclass(frozen=True, slots=True)
class FactItem:
    """One passage of one article that reports a fact.

    For a figure (``kind == "number"``) the span covers the number with its hedge and counted noun
    (and the predicate when it follows: "almost 4,000 people detained"); ``low``/``high`` is the range
    the wording allows ("almost 4,000": 3,600 to 3,999), ``value`` the number as written. For a claim
    every number field is ``None``. ``attribution`` is an entity id when the source is a known entity,
    else the words naming it ("state media"), else ``None``.
    """

    doc: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    hedge: str | None = None  # "almost", "more than", ... as written, lower case
    unit: str | None = None  # the counted thing as written ("people", "security personnel")
    predicate: str | None = None  # canonical for known ones ("killed", "detained"), else the word
    attribution: str | None = None
    kind: str = "number"
    # --- beyond the CLI contract --------------------------------------------------
    group: str | None = None  # class of the counted thing ("people", "security", or the noun's lemma)
    vague: bool = False  # "dozens", "thousands": a range with no figure
    attribution_text: str | None = None  # the words the attribution was read from
    quote_id: str | None = None  # the quotation holding the passage, if any
    speaker: str | None = None  # for claims: entity id of who said it, if known

    def to_json(self) -> dict:
        return {
            "doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
            "sentence_start": self.sentence_start, "sentence_end": self.sentence_end,
            "value": _num(self.value), "low": _num(self.low), "high": _num(self.high),
            "hedge": self.hedge, "unit": self.unit, "predicate": self.predicate,
            "attribution": self.attribution,
            "group": self.group, "vague": self.vague, "attribution_text": self.attribution_text,
            "quote_id": self.quote_id,
        }


# A quantity is a number item found in one article, before it is lined up with the others.
Quantity = FactItem


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing the articles report. ``items`` are grouped by article in document order; the first
    item of an article is the one its cell shows, later ones restate it."""

    id: str
    kind: str  # "number" | "claim"
    label: str
    verdict: str  # "agree" | "differ" | "only"
    items: tuple[FactItem, ...]

    @property
    def docs(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for it in self.items:
            seen.setdefault(it.doc, None)
        return tuple(seen)

    def item_for(self, doc_id: str) -> FactItem | None:
        """The item an article's cell shows (its first), or None when the article does not report it."""
        return next((it for it in self.items if it.doc == doc_id), None)

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "label": self.label, "verdict": self.verdict,
                "items": [it.to_json() for it in self.items]}


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    source: str | None
    date: str | None  # ISO YYYY-MM-DD
    title: str

    def to_json(self) -> dict:
        return {"id": self.id, "source": self.source, "date": self.date, "title": self.title}


@dataclass(frozen=True, slots=True)
class EntityDocs:
    """An entity and the articles that name it (one article: only that article names it)."""

    id: str
    name: str
    type: str
    docs: tuple[str, ...]

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type, "docs": list(self.docs)}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who the articles quote and how often: quotations (not scare quotes) per article."""

    entity: str | None  # entity id, or None when the speaker is only words ("a witness")
    name: str
    docs: tuple[tuple[str, int], ...]  # (doc id, quotations) in document order

    @property
    def counts(self) -> dict[str, int]:
        return dict(self.docs)

    def to_json(self) -> dict:
        return {"entity": self.entity, "name": self.name, "docs": dict(self.docs)}


@dataclass(frozen=True)
class Comparison:
    documents: tuple[DocumentInfo, ...]
    facts: tuple[Fact, ...]  # differ, then agree, then only
    entities: tuple[EntityDocs, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quantities: tuple[FactItem, ...] = ()  # every figure found, by article and offset
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)

    def fact(self, fact_id: str) -> Fact | None:
        if not self._by_id and self.facts:
            self._by_id.update((f.id, f) for f in self.facts)
        return self._by_id.get(fact_id)

    def facts_of(self, doc_id: str) -> list[Fact]:
        """The facts an article reports."""
        return [f for f in self.facts if any(it.doc == doc_id for it in f.items)]

    def facts_at(self, doc_id: str, offset: int) -> list[Fact]:
        """The facts with an item of ``doc_id`` covering ``offset``."""
        return [f for f in self.facts if any(it.doc == doc_id and it.start <= offset < it.end for it in f.items)]

    def only_in(self, doc_id: str) -> list[EntityDocs]:
        """The entities this article names and no other article given does."""
        return [e for e in self.entities if e.docs == (doc_id,)]

    def speakers_in(self, doc_id: str) -> list[tuple[Speaker, int]]:
        """Who this article quotes, most quoted first."""
        out = [(s, n) for s in self.speakers for d, n in s.docs if d == doc_id]
        return sorted(out, key=lambda p: (-p[1], p[0].name))

    def to_json(self) -> dict:
        return {
            "documents": [d.to_json() for d in self.documents],
            "facts": [f.to_json() for f in self.facts],
            "entities": [e.to_json() for e in self.entities],
            "speakers": [s.to_json() for s in self.speakers],
        }
