"""``build_comparison``: the figures, shared claims, entities and speakers of several articles."""

from __future__ import annotations

from typing import Any, Iterable

from ..document import Document
from .claims import claim_facts
from .facts import number_facts
from .model import VERDICTS, Comparison, DocumentInfo, EntityDocs, Fact, Speaker
from .quantities import find_quantities
from .attribution import PRONOUNS


def build_comparison(documents: Iterable[Document], entity_index: Any | None = None, quote_index: Any | None = None,
                     timeline: Any | None = None) -> Comparison:
    """Compare ``documents``. Each analysis is optional: without the timeline the dates analysis runs
    here to find the time expressions; without entities attributions are words; without quotes there
    are no claims and no speakers."""
    docs = list(documents)
    order = [d.id for d in docs]
    quantities = []
    for d in docs:
        quantities.extend(find_quantities(d, _time_spans(d, timeline), entity_index, quote_index))
    facts: list[Fact] = number_facts(quantities, order)
    if quote_index is not None:
        facts.extend(claim_facts(docs, quote_index))
    pos = {d: i for i, d in enumerate(order)}
    rank = {v: i for i, v in enumerate(VERDICTS)}
    facts.sort(key=lambda f: (rank[f.verdict], f.kind != "number", -len(f.docs), pos[f.items[0].doc],
                              f.items[0].start))
    return Comparison(
        documents=tuple(DocumentInfo(d.id, d.source, d.date_iso, d.title) for d in docs),
        facts=tuple(facts),
        entities=_entities(entity_index, pos),
        speakers=_speakers(quote_index, pos),
        quantities=tuple(quantities),
    )


def _time_spans(doc: Document, timeline: Any | None) -> list[tuple[int, int]]:
    if timeline is not None:
        return [(e.start, e.end) for e in timeline.in_doc(doc.id)]
    from ..dates import find_time_expressions

    return [(t.start, t.end) for t in find_time_expressions(doc)]


def _entities(entity_index: Any | None, pos: dict[str, int]) -> tuple[EntityDocs, ...]:
    if entity_index is None:
        return ()
    out = []
    for e in entity_index.entities:
        docs = tuple(sorted((d for d in e.docs if d in pos), key=pos.__getitem__))
        if docs:
            out.append(EntityDocs(e.id, e.name, e.type, docs))
    out.sort(key=lambda e: (len(e.docs), pos[e.docs[0]], e.name.lower()))
    return tuple(out)


def _speakers(quote_index: Any | None, pos: dict[str, int]) -> tuple[Speaker, ...]:
    """Who is quoted, and how often per article: quotations, not scare quotes or nested ones; a
    speaker known only as a pronoun is left out."""
    if quote_index is None:
        return ()
    counts: dict[tuple[str | None, str], dict[str, int]] = {}
    for q in quote_index.quotes:
        if q.short or q.nested_in or q.doc not in pos:
            continue
        if q.speaker_entity:
            key = (q.speaker_entity, q.speaker or q.speaker_entity)
        elif q.speaker_text and q.speaker_text.lower() not in PRONOUNS:
            key = (None, " ".join(q.speaker_text.split()))
        else:
            continue
        per = counts.setdefault(key, {})
        per[q.doc] = per.get(q.doc, 0) + 1
    out = [Speaker(entity, name, tuple(sorted(per.items(), key=lambda kv: pos[kv[0]])))
           for (entity, name), per in counts.items()]
    out.sort(key=lambda s: (-sum(n for _, n in s.docs), s.name.lower()))
    return tuple(out)
