"""The quotation model: a quotation, where it is, who said it, and where else it appears."""

from __future__ import annotations

import json
from array import array
from dataclasses import InitVar, dataclass, field
from typing import Callable

from ..document import Span
from ..jsontext import json_number, json_or_null, json_string


@dataclass(slots=True)
class QuoteMatch:
    """A passage of another article that reports the same words or the same claim.

    ``text == Document.text[start:end]`` of article ``doc``. ``score`` is in
    ``(0, 1]``: 1.0 for the same words, lower for a paraphrase that shares rare
    words, numbers and names.
    """

    doc: str
    start: int
    end: int
    text: str
    score: float
    # "same words" (exact or near-exact wording) or "same claim" (shared rare terms)
    kind: str = "same claim"
    quote_id: str | None = None  # the quotation at that place, when the match is one

    def row(self) -> tuple:
        """The fields in order, as ``QuoteMatch(*row)`` takes them back: what the store keeps and
        a worker sends."""
        return (self.doc, self.start, self.end, self.text, self.score, self.kind, self.quote_id)

    def to_json(self) -> dict:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
                "score": round(self.score, 3), "kind": self.kind, "quote_id": self.quote_id}


@dataclass(eq=False, slots=True)
class Quote:
    """A direct quotation. ``start``/``end`` span the words INSIDE the marks.

    ``text == Document.text[start:end]``; a quotation continued over several
    paragraphs (newspaper convention) keeps the intervening paragraph breaks and
    reopening marks in ``text``; ``parts`` lists the quoted pieces alone.

    ``matches`` is computed on first use by the QuoteIndex that made the quote:
    matching a whole large corpus up front would delay every quotation for the
    sake of the few a reader looks at.

    Slotted: a big folder holds tens of thousands of quotations at once, and an instance dictionary
    each cost more than the fields it held.
    """

    id: str
    doc: str
    start: int
    end: int
    text: str
    speaker: str | None  # display name of the speaker's entity, or None
    speaker_entity: str | None  # entity id, or None
    short: bool  # one to three words: a scare quote, a term, a title
    matches: InitVar[list[QuoteMatch] | None] = None  # see the property below
    outer_start: int = 0  # with the quotation marks
    outer_end: int = 0
    parts: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mark: str = '"'  # the opening mark as written
    nested_in: str | None = None  # id of the enclosing quotation
    # How the speaker was found, so a face can show how sure it is:
    speaker_text: str | None = None  # the words naming the speaker ("the president", "he")
    speaker_span: Span | None = None
    speaker_basis: str | None = None  # "same sentence", "previous sentence", "next sentence", "previous quote"
    # the matches once known (a list, or PackedMatches as the index keeps them), and what computes them
    _matches: list[QuoteMatch] | PackedMatches | None = field(default=None, init=False, repr=False)
    _compute: Callable[[Quote], list[QuoteMatch]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self, matches: list[QuoteMatch] | None) -> None:
        if matches is not None:
            self._matches = list(matches)

    # Pickled without what computes the matches (a method of the whole quotation index).
    def __getstate__(self) -> tuple:
        return tuple(getattr(self, f) for f in _PICKLED)

    def __setstate__(self, state: tuple) -> None:
        for f, v in zip(_PICKLED, state):
            setattr(self, f, v)
        self._compute = None

    @property
    def words(self) -> int:
        return sum(1 for w in self.text.split() if any(c.isalnum() for c in w))

    def display_text(self) -> str:
        """The quoted words alone on one line: continuation breaks and reopening marks removed."""
        if len(self.parts) <= 1:
            return " ".join(self.text.split())
        return " ".join(" ".join(self.text[p.start - self.start: p.end - self.start].split()) for p in self.parts)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "speaker_entity": self.speaker_entity,
            "short": self.short,
            "matches": [m.to_json() for m in self.matches],
            "outer_start": self.outer_start,
            "outer_end": self.outer_end,
            "parts": [[p.start, p.end] for p in self.parts],
            "sentences": [[s.start, s.end] for s in self.sentences],
            "nested_in": self.nested_in,
            "speaker_text": self.speaker_text,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "speaker_basis": self.speaker_basis,
        }

    def json_text(self) -> str:
        """``json.dumps(self.to_json(), ensure_ascii=False)``, with the matches written without a
        dictionary each: a big folder's quotations have hundreds of thousands of matches, and building
        and encoding those dictionaries was most of the time `reader quotes --json` spent printing."""
        m = self._matches if self._matches is not None else self.matches
        if type(m) is PackedMatches:
            matches = m.json_items()
        else:
            matches = ", ".join(json.dumps(x.to_json(), ensure_ascii=False) for x in m)
        name, text = json_or_null, json_string
        parts = ", ".join([f"[{p.start:d}, {p.end:d}]" for p in self.parts])
        sentences = ", ".join([f"[{p.start:d}, {p.end:d}]" for p in self.sentences])
        span = self.speaker_span
        return (f'{{"id": {text(self.id)}, "doc": {name(self.doc)}, "start": {self.start:d}, "end": {self.end:d}, '
                f'"text": {text(self.text)}, "speaker": {name(self.speaker)}, '
                f'"speaker_entity": {name(self.speaker_entity)}, "short": {"true" if self.short else "false"}, '
                f'"matches": [{matches}], "outer_start": {self.outer_start:d}, "outer_end": {self.outer_end:d}, '
                f'"parts": [{parts}], "sentences": [{sentences}], "nested_in": {name(self.nested_in)}, '
                f'"speaker_text": {name(self.speaker_text)}, '
                f'"speaker_span": {f"[{span[0]:d}, {span[1]:d}]" if span else "null"}, '
                f'"speaker_basis": {name(self.speaker_basis)}}}')


class PackedMatches:
    """One quotation's matches in columns, made into ``QuoteMatch`` objects when read: a big folder
    holds hundreds of thousands of matches at once, and an object per match (with its own score and
    offsets) cost several times what the columns do."""

    __slots__ = ("refs", "offsets", "scores")

    def __init__(self, rows: list[tuple]):
        # rows as QuoteMatch.row() gives them; the strings are kept as given (shared by the caller)
        self.refs = tuple(x for d, _a, _b, t, _s, k, i in rows for x in (d, t, k, i))
        self.offsets = array("i", [x for _d, a, b, *_ in rows for x in (a, b)])
        self.scores = array("d", [r[4] for r in rows])

    @classmethod
    def of_columns(cls, refs: tuple, offsets: array, scores: array) -> PackedMatches:
        packed = cls.__new__(cls)
        packed.refs, packed.offsets, packed.scores = refs, offsets, scores
        return packed

    def __len__(self) -> int:
        return len(self.scores)

    def json_items(self) -> str:
        """The matches' JSON objects (``QuoteMatch.to_json``), joined by ", " as ``json.dumps`` joins them."""
        r, o, text = self.refs, self.offsets, json_string
        return ", ".join([
            f'{{"doc": {text(r[4 * j])}, "start": {o[2 * j]:d}, "end": {o[2 * j + 1]:d}, "text": {text(r[4 * j + 1])}, '
            f'"score": {json_number(round(score, 3))}, "kind": {text(r[4 * j + 2])}, '
            f'"quote_id": {"null" if r[4 * j + 3] is None else text(r[4 * j + 3])}}}'
            for j, score in enumerate(self.scores)])

    def unpack(self) -> list[QuoteMatch]:
        r, o = self.refs, self.offsets
        return [QuoteMatch(r[4 * j], o[2 * j], o[2 * j + 1], r[4 * j + 1], score, r[4 * j + 2], r[4 * j + 3])
                for j, score in enumerate(self.scores)]


def _get_matches(self: Quote) -> list[QuoteMatch]:
    m = self._matches
    if m is None:
        compute = self._compute
        m = compute(self) if compute is not None else []
        self._matches = m
    if type(m) is PackedMatches:
        return m.unpack()
    return m


def _set_matches(self: Quote, value: list[QuoteMatch] | None) -> None:
    self._matches = None if value is None else list(value)


# ``Quote(..., matches=[...])`` still works (an init-only argument), and a quote made by the index
# computes its matches when first read (``_compute`` is set by the index).
Quote.matches = property(_get_matches, _set_matches)  # type: ignore[assignment]

# The fields as the store keeps them, in order (``stored.py``): every field but the matches and
# what computes them.
STATE_FIELDS = tuple(f for f in Quote.__slots__ if f not in ("_matches", "_compute"))
_PICKLED = STATE_FIELDS + ("_matches",)
