"""SearchIndex: the finder's one entry point (see package docstring)."""

from __future__ import annotations

import bisect
import logging
import threading
from typing import Any, Iterable, Protocol

from ..document import Document
from . import engine as _engine
from . import rank
from .hits import Hit, SearchResult
from .items import Item, Items, build_engine, collect_items
from .query import KINDS, MAX_WORDS, ParsedQuery, parse_query
from .text import python_tokens, tantivy_analyzer, unique

log = logging.getLogger(__name__)


class Analyses(Protocol):
    """What the finder reads of the corpus it searches (``reader.core.index.Index``
    is one, a layer above): each analysis may raise while it does not exist."""

    documents: list[Document]
    config: Any
    corpus: Any

    @property
    def entities(self) -> Any: ...

    @property
    def quotes(self) -> Any: ...

    @property
    def notes(self) -> Any: ...


MIN_SCORE = 0.35  # below this a "hit" shares a word or two by chance
_KIND_ORDER = {"quote": 0, "entity": 1, "sentence": 2}


class SearchIndex:
    def __init__(self, documents: list[Document], sentences, ord_ids: list[str | None], report=None):
        self.documents = documents
        self._docs = {d.id: d for d in documents}
        self._order = {d.id: i for i, d in enumerate(documents)}
        self._ord_of = {doc_id: i for i, doc_id in enumerate(ord_ids) if doc_id is not None}
        self.sentences = sentences  # TantivyEngine or ScanEngine
        self.ord_ids = ord_ids
        self.report = report
        self.engine = sentences.name
        self.tokenize = sentences.tokenize
        self.items: list[Item] = []
        self._items_engine = None
        self._speakers: dict[str, list[tuple[int, int, str]]] = {}  # doc -> quote spans with a speaker
        self._aliases: dict[str, list[str]] = {}  # entity id -> lower-case names
        self._quotes_of = None  # () -> the quotation index, read on first use
        self._quotes_value = None
        self._notes = None
        self._lock = threading.Lock()
        self.warnings: list[str] = []

    # --- building -------------------------------------------------------------
    @classmethod
    def open(cls, index: "Analyses", *, extras: bool = True, persist: bool | None = None) -> "SearchIndex":
        """Sentences of ``index``'s corpus, persisted unless ``load.cache`` is off; with
        ``extras``, also its quotations and entity names (when those analyses exist)."""
        if persist is None:
            persist = bool(index.config.get("load", "cache"))
        self = cls.from_documents(index.documents, getattr(index.corpus, "roots", []) or [], persist=persist)
        self._index = index
        if extras:
            self.attach_from(index)
        return self

    @classmethod
    def from_documents(cls, documents: list[Document], roots: Iterable[str] = (), *, persist: bool = False) -> "SearchIndex":
        analyzer = tantivy_analyzer()
        if analyzer is None:
            scan = _engine.ScanEngine(
                _engine.Entry(d.id, i, a, b, d.text[a:b]) for i, d in enumerate(documents) for a, b in d.sentences
            )
            return cls(documents, scan, [d.id for d in documents])
        from .store import SentenceStore

        store = SentenceStore.open(documents, list(roots), analyzer, persist=persist)
        return cls(documents, store.engine, store.ord_ids, store.report)

    def attach_from(self, index: "Analyses") -> None:
        """Take quotations and entities from the Index, if those analyses are available.

        The finder works without them: a missing or failing analysis costs the
        quote and entity hits, never the sentence search. An Index that keeps the
        finder's items (``finder_items``) hands them over without the analyses,
        which are then read only if a passage's matches are asked for."""
        kept = getattr(index, "finder_items", None)
        if callable(kept):
            try:
                got = kept(self)
            except Exception as exc:
                log.info("kept finder items unusable: %s", exc)
                got = None
            if got is not None:
                items, engine = got
                self._attach_items(items, engine, lambda: index.quotes)
                return
        entities = quotes = None
        try:
            entities = index.entities
        except Exception as exc:  # ImportError while the analysis does not exist, or its own failure
            self.warnings.append(f"entity names are not searchable: {exc}")
        if entities is not None:
            try:
                quotes = index.quotes
            except Exception as exc:
                self.warnings.append(f"quotations are not searchable: {exc}")
        for w in self.warnings:
            log.info(w)
        self.attach(quotes=quotes, entities=entities)

    def attach(self, quotes: Any = None, entities: Any = None) -> None:
        """Index quotation and entity items (rebuilt in memory)."""
        items = collect_items(self._docs, quotes, entities)
        self._attach_items(items, self.build_items_engine(items.items), lambda: quotes)

    def build_items_engine(self, items: list[Item], path: str | None = None):
        return build_engine(items, self._ord_of, self.engine == "tantivy", path)

    def _attach_items(self, items: Items, engine, quotes_of) -> None:
        with self._lock:
            self.items, self._items_engine = items.items, engine
            self._speakers, self._aliases = items.speakers, items.aliases
            self._quotes_of, self._quotes_value = quotes_of, None

    @property
    def _quotes(self):
        """The quotation index, for matches: read on first use (the finder's items do without it)."""
        if self._quotes_value is None and self._quotes_of is not None:
            of, self._quotes_of = self._quotes_of, None
            try:
                self._quotes_value = of()
            except Exception as exc:
                log.info("quotations unavailable: %s", exc)
        return self._quotes_value

    @property
    def has_quotes(self) -> bool:
        return any(it.kind == "quote" for it in self.items)

    # --- querying -------------------------------------------------------------
    def search(self, query: str, limit: int = 20, *, as_you_type: bool = False) -> list[Hit]:
        return self.run(query, limit, as_you_type=as_you_type).hits

    def run(self, query: str, limit: int = 20, *, as_you_type: bool = False) -> SearchResult:
        """Hits best first, or a message saying why there are none. Never raises for bad input."""
        pq = parse_query(query)
        result = SearchResult(query=query if isinstance(query, str) else str(query))
        if pq.problem:
            result.message = pq.problem
            return result
        limit = max(1, int(limit))
        words = unique(self.tokenize(pq.text))
        if len(words) > MAX_WORDS:
            words = words[:MAX_WORDS]
            result.message = f"only the first {MAX_WORDS} words are searched"
        result.words = words
        prefix_last = as_you_type and bool(pq.text) and not pq.raw.endswith((" ", "\t"))
        if not words and not pq.has_filters:
            result.message = "no words to search for"
            return result
        problem = self._resolve_filters(pq)
        if problem:
            result.message = problem
            return result
        with self._lock:
            hits = self._collect(pq, words, limit, prefix_last)
        result.hits = hits[:limit]
        if not result.hits and result.message is None:
            result.message = "no matches"
        return result

    def _resolve_filters(self, pq: ParsedQuery) -> str | None:
        if pq.doc is not None:
            doc = _resolve_doc(pq.doc, self.documents)
            if doc is None:
                return f"no article '{pq.doc}' (in: takes an article id, or the start of one)"
            pq.doc = doc
        if pq.speaker and not self.has_quotes:
            return "no quotations to filter by speaker" if self._items_engine is not None or self.items else \
                "quotations are not available, so @speaker cannot filter"
        if pq.tags:
            notes = self._notes_store()
            if notes is None:
                return "annotations are not available, so #tag cannot filter"
        return None

    def _notes_store(self):
        if self._notes is None:
            index = getattr(self, "_index", None)
            try:
                self._notes = index.notes if index is not None else None
            except Exception as exc:
                log.info("annotations unavailable for #tag: %s", exc)
                self._notes = None
        return self._notes

    def _collect(self, pq: ParsedQuery, words: list[str], limit: int, prefix_last: bool) -> list[Hit]:
        k = min(500, max(40, 2 * limit))
        weights = self.sentences.weights(words) if words else {}
        speaker_words = self.tokenize(pq.speaker) if pq.speaker else []
        tag_spans = self._tag_spans(pq.tags) if pq.tags else None
        doc_ord = self._ord_of.get(pq.doc) if pq.doc is not None else None
        hits: list[Hit] = []
        scores: dict[str, float] = {}  # the same words in several articles are scored once

        def score_of(text: str) -> float:
            s = scores.get(text)
            if s is None:
                s = scores[text] = rank.score(words, weights, self.tokenize(text), prefix_last)
            return s

        def keep(doc: str, start: int, end: int) -> bool:
            if tag_spans is None:
                return True
            return any(s < end and start < e for s, e in tag_spans.get(doc, ()))

        # Quotations and entity names.
        item_kinds = {k_ for k_ in pq.kinds if k_ in ("quote", "entity")}
        if speaker_words:
            item_kinds &= {"quote"}
        if item_kinds and self.items:
            if words and self._items_engine is not None:
                slots = {slot for _, slot, _ in self._items_engine.candidates(words, weights, doc_ord, k, prefix_last)}
                candidates = [self.items[i] for i in sorted(slots) if i < len(self.items)]
            elif not words:
                candidates = [it for it in self.items if pq.doc is None or it.doc == pq.doc]
            else:
                candidates = []
            for it in candidates:
                if it.kind not in item_kinds or (pq.doc is not None and it.doc != pq.doc):
                    continue
                if speaker_words and not self._speaker_matches(speaker_words, it):
                    continue
                if not keep(it.doc, it.start, it.end):
                    continue
                s = max(score_of(t) for t in it.texts) if words else 1.0
                if s >= MIN_SCORE:
                    doc = self._docs[it.doc]
                    hits.append(Hit(it.kind, it.doc, it.start, it.end, doc.text[it.start : it.end], s,
                                    it.speaker, it.ref))

        # Sentences (a speaker filter keeps quotations only).
        if "sentence" in pq.kinds and not speaker_words:
            if words:
                triples = self.sentences.candidates(words, weights, doc_ord, k, prefix_last)
            elif tag_spans is not None:
                triples = self._sentences_in(tag_spans, pq.doc)
            else:
                triples = []
            seen: set[tuple[str, int]] = set()
            for o, start, end in triples:
                doc_id = self.ord_ids[o] if 0 <= o < len(self.ord_ids) else None
                doc = self._docs.get(doc_id) if doc_id else None
                if doc is None or end > len(doc.text) or (doc_id, start) in seen:
                    continue
                seen.add((doc_id, start))
                if not keep(doc_id, start, end):
                    continue
                text = doc.text[start:end]
                s = score_of(text) if words else 1.0
                if s >= MIN_SCORE:
                    hits.append(Hit("sentence", doc_id, start, end, text, s, self._speaker_at(doc_id, start, end)))

        hits = _merge_overlaps(hits)
        hits.sort(key=lambda h: (-round(h.score, 6), _KIND_ORDER[h.kind], self._order.get(h.doc, 0), h.start))
        return hits

    def _speaker_matches(self, speaker_words: list[str], it: Item) -> bool:
        names = [it.speaker or ""] + self._aliases.get(it.speaker_entity or "", [])
        for name in names:
            toks = self.tokenize(name)
            if toks and all(rank.word_similarity(w, toks, prefix=True) >= 0.8 for w in speaker_words):
                return True
        return False

    def _speaker_at(self, doc: str, start: int, end: int) -> str | None:
        """The speaker of a quotation inside this sentence, if one is known."""
        for s, e, who in self._speakers.get(doc, ()):
            if s < end and start < e:
                return who
            if s >= end:
                break
        return None

    def _tag_spans(self, tags: list[str]) -> dict[str, list[tuple[int, int]]]:
        notes = self._notes_store()
        spans: dict[str, list[tuple[int, int]]] = {}
        for tag in tags:
            for a in notes.filter(tag=tag):
                if getattr(a, "start", None) is not None and getattr(a, "end", None) is not None:
                    spans.setdefault(a.doc, []).append((a.start, a.end))
        return spans

    def _sentences_in(self, spans: dict[str, list[tuple[int, int]]], only_doc: str | None) -> list[tuple[int, int, int]]:
        ord_of = self._ord_of
        out = []
        for doc_id, ranges in spans.items():
            doc = self._docs.get(doc_id)
            if doc is None or (only_doc and doc_id != only_doc) or doc_id not in ord_of:
                continue
            starts = [s.start for s in doc.sentences]
            for a, b in ranges:
                i = max(0, bisect.bisect_right(starts, a) - 1)
                while i < len(doc.sentences) and doc.sentences[i].start < b:
                    out.append((ord_of[doc_id], doc.sentences[i].start, doc.sentences[i].end))
                    i += 1
        return out

    def also_in(self, hit: Hit, limit: int = 10) -> list:
        """Where else the passage of ``hit`` is reported: the quotations' matches, paraphrases included,
        which the comparison's shared claims are made of (an entity hit has none)."""
        if hit.kind == "entity":
            return []
        return [m for m in self.similar_passages(hit.doc, hit.start, hit.end, limit) if m.doc != hit.doc]

    def similar_passages(self, doc_id: str, start: int, end: int, limit: int = 10) -> list:
        """Other articles' passages reporting the same words (the quotation index's matches)."""
        quotes = getattr(self, "_quotes", None)
        fn = getattr(quotes, "similar_passages", None)
        if fn is None:
            return []
        try:
            return list(fn(doc_id, start, end, limit))
        except Exception as exc:
            log.info("similar passages unavailable: %s", exc)
            return []


def _resolve_doc(wanted: str, documents: list[Document]) -> str | None:
    ids = [d.id for d in documents]
    if wanted in ids:
        return wanted
    low = wanted.lower()
    for i in ids:
        if i.lower() == low:
            return i
    starts = [i for i in ids if i.lower().startswith(low)]
    return starts[0] if len(starts) == 1 else None


def _merge_overlaps(hits: list[Hit]) -> list[Hit]:
    """One row per passage: a sentence and a quotation inside it are the same find.

    The better-scoring of the two stays; a sentence that stays takes the
    quotation's speaker."""
    quotes: dict[str, list[Hit]] = {}
    for h in hits:
        if h.kind == "quote":
            quotes.setdefault(h.doc, []).append(h)
    if not quotes:
        return hits
    dropped: set[int] = set()
    out = []
    for h in hits:
        if h.kind != "sentence":
            continue
        for q in quotes.get(h.doc, ()):
            if q.start < h.end and h.start < q.end and id(q) not in dropped:
                if h.score > q.score + 0.05:
                    dropped.add(id(q))
                    h = Hit(h.kind, h.doc, h.start, h.end, h.text, h.score, h.speaker or q.speaker, h.ref)
                else:
                    h = None
                break
        if h is not None:
            out.append(h)
    out.extend(h for h in hits if h.kind != "sentence" and id(h) not in dropped)
    return out
