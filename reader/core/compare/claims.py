"""Claims two or more articles share: a quotation and the passages of other articles that report
the same words or the same claim (the quotes' cross-article matching, which the finder's "also in"
uses too). Each shared claim is one fact, verdict ``agree``."""

from __future__ import annotations

import bisect
from typing import Any

from ..document import Document
from .model import Fact, FactItem

LABEL_CHARS = 70


def claim_facts(documents: list[Document], quote_index: Any) -> list[Fact]:
    docs = {d.id: d for d in documents}
    pos = {d.id: i for i, d in enumerate(documents)}
    parent: dict[tuple, tuple] = {}
    items: dict[tuple, FactItem] = {}

    def find(k: tuple) -> tuple:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def node(doc_id: str, start: int, end: int, quote_id: str | None) -> tuple:
        key = ("q", quote_id) if quote_id else ("s", doc_id, start, end)
        if key not in parent:
            parent[key] = key
            q = quote_index.get(quote_id) if quote_id else None
            if q is not None:
                start, end = q.start, q.end
            items[key] = _item(docs[doc_id], start, end, q)
        return key

    match_all = getattr(quote_index, "match_all", None)
    if match_all is not None:  # all of them are read below: on every core at once
        match_all()
    for q in quote_index.quotes:
        if q.short or q.nested_in or q.doc not in docs:
            continue
        matches = [m for m in q.matches if m.doc in docs and m.doc != q.doc]
        if not matches:
            continue
        a = node(q.doc, q.start, q.end, q.id)
        for m in matches:
            b = node(m.doc, m.start, m.end, m.quote_id)
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra
    groups: dict[tuple, list[FactItem]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(items[key])
    out = []
    for members in groups.values():
        if len({it.doc for it in members}) < 2:
            continue
        members.sort(key=lambda it: (pos[it.doc], it.quote_id is None, it.start))
        first = members[0]
        out.append(Fact(id=f"claim:{pos[first.doc]}:{first.start}", kind="claim", label=_label(first),
                        verdict="agree", items=tuple(members)))
    return out


def _item(doc: Document, start: int, end: int, q: Any | None) -> FactItem:
    sents = doc.sentences
    starts = [s.start for s in sents]
    i = bisect.bisect_right(starts, start) - 1
    j = bisect.bisect_right(starts, max(start, end - 1)) - 1
    first, last = (sents[i] if i >= 0 else None), (sents[j] if j >= 0 else None)
    attribution = None
    if q is not None:
        attribution = q.speaker_entity or q.speaker_text
    return FactItem(doc=doc.id, start=start, end=end, text=doc.text[start:end],
                    sentence_start=first.start if first else start,
                    sentence_end=max(last.end, end) if last else end,
                    attribution=attribution, kind="claim", quote_id=q.id if q is not None else None,
                    speaker=q.speaker_entity if q is not None else None,
                    attribution_text=(q.speaker_text if q is not None else None))


def _label(item: FactItem) -> str:
    words = " ".join(item.text.split())
    who = item.attribution_text or ""
    if len(words) > LABEL_CHARS:
        words = words[:LABEL_CHARS - 1].rstrip() + "…"
    return f"{who}: “{words}”" if who else f"“{words}”"
