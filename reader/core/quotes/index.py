"""The quotation index of a corpus: every quotation, its speaker, and where else it is reported."""

from __future__ import annotations

import bisect
import re
import threading
from typing import Any, Callable, Iterable

from ..collector import paused
from ..document import Document, Span
from ..pool import imap_ranges
from ..progress import counted
from ..spans import pack_spans
from .credits import split_turns
from .entityview import DocEntities
from .extract import find_quotations, is_nickname, nesting
from .matching import _WORDS, Hit, PassageIndex, find_words
from .model import PackedMatches, Quote, QuoteMatch
from .speakers import Attributor
from .terms import is_specific_number, terms, words

_SPACED_WORD = re.compile(r"[^\W_][^\s]*|[^\s\w]+[^\W_][^\s]*")  # a whitespace-separated word with a letter or digit
MATCH_LIMIT = 10  # matches kept per quotation: one per other article, best first
EXTRACT_SHARE = 200  # articles per worker below which quotations are found in one process
MATCH_SHARE = 400  # quotations per worker below which matching stays in one process
PHRASES_KEPT = 20_000  # copies' shared lookups remembered (bounded: memory stays flat on a big folder)
_UNKNOWN = object()
PHRASE_MAX_DF = 1000  # a scare quote's rarest word in more sentences than this is matched only where quoted


class QuoteIndex:
    """Quotations of a corpus. Matches are computed per quotation on first use (``Quote.matches``,
    ``similar_passages``), over a passage index built on first need; ``match_all`` does them all."""

    def __init__(self, quotes: list[Quote], documents: Iterable[Document], entity_index: Any | None = None,
                 passages: PassageIndex | None = None):
        self.quotes = quotes
        self._documents = list(documents)
        self._docs = {d.id: d for d in self._documents}
        self._entity_index = entity_index
        self._passages = passages
        self._lock = threading.RLock()
        self._by_words: dict[tuple[str, ...], list[Quote]] | None = None
        self._by_terms: dict[frozenset, list[Quote]] | None = None
        self._firsts: dict[tuple[str, ...], tuple[list[tuple[str, Quote]], frozenset[str]]] = {}
        self._reverse: dict[str, list[tuple[int, int, QuoteMatch]]] | None = None
        self._phrases: dict[tuple, list[tuple[int, int, int]]] = {}  # by the passage index's sentence ids
        self._targets: dict[tuple[str, int, int], str | None] = {}
        self._kept_matches: Callable[[], list | None] | None = None
        self._by_id = {q.id: q for q in quotes}
        self._by_doc: dict[str, list[Quote]] = {}
        for q in quotes:
            self._by_doc.setdefault(q.doc, []).append(q)
            if q._matches is None:
                q._compute = self._compute_matches

    @property
    def passages(self) -> PassageIndex:
        """The sentences of the corpus under an inverted index (built on first use)."""
        if self._passages is None:
            with self._lock:
                if self._passages is None:
                    self._passages = PassageIndex(self._documents, self._entity_index)
        return self._passages

    def __len__(self) -> int:
        return len(self.quotes)

    def in_doc(self, doc_id: str) -> list[Quote]:
        """The quotations of one article in text order (nested ones after their container)."""
        return list(self._by_doc.get(doc_id, ()))

    def get(self, quote_id: str) -> Quote | None:
        return self._by_id.get(quote_id)

    def at(self, doc_id: str, offset: int) -> Quote | None:
        """The innermost quotation whose marks enclose ``offset``."""
        best = None
        for q in self._by_doc.get(doc_id, ()):
            if q.outer_start > offset:
                break
            if q.outer_start <= offset < q.outer_end:
                best = q
        return best

    def by_speaker(self, entity_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.speaker_entity == entity_id]

    def similar_passages(self, doc_id: str, start: int, end: int, limit: int = 5) -> list[QuoteMatch]:
        """Passages of other articles with the same words or the same claim as ``(doc_id, start, end)``:
        for any passage, a sentence as well as a quotation. Best first, one per article."""
        doc = self._docs.get(doc_id)
        if doc is None or end <= start:
            return []
        start, end = max(0, start), min(len(doc.text), end)
        q = next((q for q in self._by_doc.get(doc_id, ()) if q.start == start and q.end == end), None)
        if q is not None:
            found = list(q.matches)
        else:
            found = [self._to_match(h) for h in self.passages.similar(doc, start, end, limit=limit)]
        # A quotation elsewhere whose match is this passage reports it too, also where this passage's
        # own words do not find it (a paraphrase by the speaker: "a limited period" for "short-term").
        more = [m for a, b, m in self.reverse_matches().get(doc_id, ()) if a < end and start < b]
        if q is None:  # the matches of the quotations inside the passage report it too
            more += [m for inner in self._by_doc.get(doc_id, ())
                     if start <= inner.start and inner.end <= end and not (inner.short or inner.nested_in)
                     for m in inner.matches]
        best = {m.doc: m for m in found}
        for m in more:
            if m.doc != doc_id and (m.doc not in best or m.score > best[m.doc].score):
                best[m.doc] = m
        return sorted(best.values(), key=lambda m: (-m.score, m.doc, m.start))[:limit]

    def reverse_matches(self) -> dict[str, list[tuple[int, int, QuoteMatch]]]:
        """Per article, the passages other articles' quotations were matched to: ``(start, end, the
        quotation as a match of that passage)``. Computes every quotation's matches on first use."""
        if self._reverse is None:
            self.match_all()  # outside the lock: the workers it may fork take it
            with self._lock:
                if self._reverse is None:
                    rev: dict[str, list[tuple[int, int, QuoteMatch]]] = {}
                    for q in self.quotes:
                        if q.short or q.nested_in:
                            continue
                        for m in q.matches:
                            rev.setdefault(m.doc, []).append(
                                (m.start, m.end, QuoteMatch(q.doc, q.start, q.end, q.text, m.score, m.kind, q.id)))
                    self._reverse = rev
        return self._reverse

    # --- building matches ----------------------------------------------------
    def _to_match(self, h: Hit) -> QuoteMatch:
        doc = self._docs[h.doc]
        where = (h.doc, h.start, h.end)
        target = self._targets.get(where, _UNKNOWN)
        if target is _UNKNOWN:  # a passage is the match of every copy of a quotation: looked up once
            best = 0
            target = None
            for q in self._by_doc.get(h.doc, ()):
                ov = min(q.end, h.end) - max(q.start, h.start)
                if ov > best and ov * 2 >= h.end - h.start:  # the match is (mostly) that quotation
                    best, target = ov, q.id
            if len(self._targets) >= PHRASES_KEPT:
                self._targets.clear()
            self._targets[where] = target
        return QuoteMatch(h.doc, h.start, h.end, doc.text[h.start:h.end], round(h.score, 3), h.kind, target)

    def _match_short(self, q: Quote, by_words: dict[tuple[str, ...], list[Quote]],
                     by_terms: dict[frozenset, list[Quote]]) -> list[QuoteMatch]:
        key = tuple(words(q.text))
        out: dict[str, QuoteMatch] = {}
        if not terms(q.text):
            return []  # "No.", "he": nothing distinctive to find elsewhere
        fast = self._same_words_first(key, by_words, q)
        if fast is not None:
            return fast
        for other in by_words.get(key, ()):
            if other.doc != q.doc and other.doc not in out:
                out[other.doc] = QuoteMatch(other.doc, other.start, other.end, other.text, 1.0, "same words", other.id)
        qt = terms(q.text)
        # the same words in another order: "bandits and terrorists" / "terrorists and bandits"
        for other in by_terms.get(frozenset(qt), ()) if qt else ():
            if other.doc != q.doc and other.doc not in out:
                out[other.doc] = QuoteMatch(other.doc, other.start, other.end, other.text, 0.9, "same words", other.id)
        if len(set(qt)) >= 2:  # "in control" alone is too common a phrase to match unquoted
            rare = min(set(qt), key=self.passages.df)
            posting = self.passages.posting(rare) if self.passages.df(rare) <= PHRASE_MAX_DF else None
            if posting is not None:
                qdoc_units = self.passages.doc_units.get(q.doc, (0, 0))
                for uid, a, b in self._phrase_hits(rare, posting, q.text):
                    if qdoc_units[0] <= uid < qdoc_units[1]:
                        continue
                    if len(out) >= MATCH_LIMIT:
                        break
                    doc = self.passages.docs[self.passages.unit_doc[uid]]
                    if doc.id not in out:
                        out[doc.id] = QuoteMatch(doc.id, a, b, doc.text[a:b], 0.8, "same words",
                                                 self._quote_id_at(doc.id, a, b))
        if any(is_specific_number(t) for t in qt):
            # a number names the claim: "20,000 bandits" is reported as 20,000 "gangsters and terrorists"
            doc = self._docs[q.doc]
            for h in self.passages.similar(doc, q.start, q.end, limit=MATCH_LIMIT):
                if h.doc not in out:
                    out[h.doc] = self._to_match(h)
        return sorted(out.values(), key=lambda m: (-m.score, m.doc, m.start))[:MATCH_LIMIT]

    def _same_words_first(self, key: tuple[str, ...], by_words: dict[tuple[str, ...], list[Quote]],
                          q: Quote) -> list[QuoteMatch] | None:
        """The matches of a short quotation quoted word for word in at least MATCH_LIMIT other articles:
        those articles' first such quotations, by article, as the full search below ranks them (every
        other kind of match scores lower). None when the search must run: fewer such articles, or a
        number in the words (a claim: another article's passage may report it in the same words).
        A scare quote in wire copy is quoted in thousands of articles; each copy used to build and sort a
        match for every one of them."""
        firsts = self._firsts.get(key)
        if firsts is None:
            seen: dict[str, Quote] = {}
            for other in by_words.get(key, ()):
                seen.setdefault(other.doc, other)
            firsts = self._firsts[key] = (sorted(seen.items()), frozenset(seen))
        ordered, docs = firsts
        if len(ordered) - (q.doc in docs) < MATCH_LIMIT or any(is_specific_number(t) for t in terms(q.text)):
            return None
        out = []
        for doc, other in ordered:
            if doc != q.doc:
                out.append(QuoteMatch(doc, other.start, other.end, other.text, 1.0, "same words", other.id))
                if len(out) == MATCH_LIMIT:
                    break
        return out

    def _phrase_hits(self, rare: str, posting, text: str) -> list[tuple[int, int, int]]:
        """The sentences with the term ``rare`` that hold the words of ``text`` in order, and where:
        the same for every copy of a short quotation, so found once for all of them."""
        wkey = [w.lower() for w in _WORDS.findall(text)]
        key = (rare, tuple(wkey))
        hits = self._phrases.get(key)
        if hits is None:
            P = self.passages
            hits = []
            for uid in posting:
                doc = P.docs[P.unit_doc[uid]]
                a, b = P.unit_start[uid], P.unit_end[uid]
                low = doc.text[a:b].lower()
                if all(w in low for w in wkey):
                    span = find_words(doc.text, a, b, wkey)
                    if span:
                        hits.append((uid, *span))
            if len(self._phrases) >= PHRASES_KEPT:
                self._phrases.clear()
            self._phrases[key] = hits
        return hits

    def _quote_id_at(self, doc_id: str, start: int, end: int) -> str | None:
        for q in self._by_doc.get(doc_id, ()):
            if q.start <= start and end <= q.end:
                return q.id
        return None

    @paused()  # the results merged here are hundreds of thousands of acyclic objects
    def keep_matches_from(self, load: Callable[[], list | None]) -> None:
        """Every quotation's matches are ``load()`` (packed, in order), decoded the first time any are
        asked for: what needs only the quotations (the finder) never pays for hundreds of thousands of
        matches. A load that fails (None, or not one per quotation) leaves them to be computed."""
        self._kept_matches = load
        for q in self.quotes:
            if q._matches is None:
                q._compute = self._kept_or_computed

    def _kept_or_computed(self, q: Quote) -> list:
        self._take_kept_matches()
        return q._matches if q._matches is not None else self._compute_matches(q)

    def _take_kept_matches(self) -> None:
        with self._lock:
            load, self._kept_matches = self._kept_matches, None
            if load is None:
                return
            got = load()
            if got is not None and len(got) == len(self.quotes):
                for q, ms in zip(self.quotes, got):
                    q._matches = ms
                return
            self._matches_stored = False
            for q in self.quotes:
                q._compute = self._compute_matches

    def match_all(self, release_passages: bool = False) -> None:
        """Compute every quotation's matches now (the CLI prints them all), on every core when the
        corpus is big enough for that to pay (``reader.core.pool``). ``release_passages``: the caller
        needs no more matching after this, so the passage index is freed in this process once the
        workers have their copy of it (the matches then take its place), or at the end."""
        self._take_kept_matches()
        todo = [q for q in self.quotes if q._matches is None]
        if not todo:
            return
        # copies of one quotation side by side, in one worker: its candidates are scored once
        todo.sort(key=lambda q: q.text)
        self.passages  # noqa: B018  built once, before any fork, so every worker shares it
        if any(q.short for q in todo):
            self._short_tables()

        def match(a: int, b: int) -> list[list[tuple]]:
            # a passage is the match of every copy of a quotation: one string for all of them, so a
            # worker's results pickle it once, not once per copy
            texts: dict = {}
            once = texts.setdefault
            return [[(d, s, e, once(t, t), score, k, i) for d, s, e, t, score, k, i in
                     (m.row() for m in self._compute_matches(q))] for q in todo[a:b]]

        # a passage is the match of every copy of a quotation: its text (and ids) kept once, not per copy;
        # each worker's results are turned into matches as they come, never all held at once
        shared: dict = {None: None}
        kept = shared.setdefault
        released = self.drop_passages if release_passages else None
        for q, rows in zip(todo, imap_ranges(match, len(todo), min_items=MATCH_SHARE, forked=released)):
            q._matches = PackedMatches([(kept(d, d), a, b, kept(t, t), score, kept(k, k), kept(i, i))
                                                    for d, a, b, t, score, k, i in rows])
        if release_passages:
            self.drop_passages()  # (done already if the workers did the matching)

    def drop_passages(self) -> None:
        """Free the passage index (built again on the next need): a face that has every match it
        wants makes room for what it renders."""
        with self._lock:
            self._passages = None
            self._phrases.clear()

    def _short_tables(self) -> tuple[dict[tuple[str, ...], list[Quote]], dict[frozenset, list[Quote]]]:
        if self._by_words is None or self._by_terms is None:
            by_words: dict[tuple[str, ...], list[Quote]] = {}
            by_terms: dict[frozenset, list[Quote]] = {}
            for o in self.quotes:
                if o.short:
                    by_words.setdefault(tuple(words(o.text)), []).append(o)
                    by_terms.setdefault(frozenset(terms(o.text)), []).append(o)
            self._by_words, self._by_terms = by_words, by_terms
        return self._by_words, self._by_terms

    def _compute_matches(self, q: Quote) -> list[QuoteMatch]:
        with self._lock:
            if q.short:
                return self._match_short(q, *self._short_tables())
            doc = self._docs[q.doc]
            return [self._to_match(h) for h in self.passages.similar(doc, q.start, q.end, limit=MATCH_LIMIT,
                                                                     speaker=q.speaker_entity)]


def _word_count(text: str, parts: list[Span], stop: int) -> int:
    """Words with a letter or digit in the parts, counting no further than ``stop``."""
    n = 0
    for p in parts:
        for m in _SPACED_WORD.finditer(text, p.start, p.end):
            n += 1
            if n >= stop:
                return n
    return n


def extract_quotes(doc: Document, entity_index: Any | None = None) -> list[Quote]:
    """The quotations of one article with their speakers (no cross-article matches)."""
    raws = find_quotations(doc.text, doc.paragraphs)
    if not raws:
        return []
    # a turn split off a quotation goes back among the rest in text order, before any quotation inside it
    raws = sorted(split_turns(doc.text, raws), key=lambda r: (r.outer_start, -r.outer_end))
    parents = nesting(raws)
    regions = [(r.outer_start, r.outer_end) for r in raws if True]
    # a nickname inside a name ('Robert "Bobby" Hale') is read as a word of the name
    top_regions = [regions[i] for i, p in enumerate(parents) if p is None and not is_nickname(doc.text, raws[i])]
    attributor = Attributor(doc, DocEntities(entity_index, doc.id), top_regions)
    sent_starts = [s.start for s in doc.sentences]
    quotes: list[Quote] = []
    prev = None
    for i, r in enumerate(raws):
        text = doc.text[r.start:r.end]
        short = _word_count(doc.text, r.parts, 4) <= 3
        q = Quote(
            id=f"{doc.id}:{r.start}", doc=doc.id, start=r.start, end=r.end, text=text,
            speaker=None, speaker_entity=None, short=short, outer_start=r.outer_start, outer_end=r.outer_end,
            parts=list(r.parts), mark=r.mark,
        )
        lo = max(0, bisect.bisect_right(sent_starts, r.outer_start) - 1)
        hi = bisect.bisect_left(sent_starts, r.outer_end)
        q.sentences = list(doc.sentences[lo:max(hi, lo + 1)])
        if parents[i] is not None:
            q.nested_in = quotes[parents[i]].id
        else:
            attr = attributor.attribute(Span(r.outer_start, r.outer_end), short, prev)
            if attr is not None:
                q.speaker_text, q.speaker_span, q.speaker_basis = attr.text, attr.span, attr.basis
                if attr.entity is not None:
                    q.speaker, q.speaker_entity = attr.entity.name, attr.entity.id
            if not short or attr is not None:
                prev = (Span(r.outer_start, r.outer_end), attr)
        quotes.append(q)
    return quotes


@paused()  # the quotations and their spans, merged here, are acyclic
def build_quote_index(documents: Iterable[Document], entity_index: Any | None = None) -> QuoteIndex:
    docs = list(documents)

    def extract(a: int, b: int) -> list[tuple[list[Quote], Any]]:
        out = []
        for d in counted("quotations", docs[a:b]):  # in this process, the app hears how far it got
            fresh = d._sentences is None  # split here: the parent gets the spans with the quotations
            qs = extract_quotes(d, entity_index)
            out.append((qs, (pack_spans(d.paragraphs), pack_spans(d.sentences)) if fresh else None))
        return out

    if entity_index is not None and hasattr(entity_index, "mentions_with_starts"):
        entity_index.mentions_with_starts("")  # its lookups made once, before the workers that read them fork
    quotes: list[Quote] = []
    for d, (qs, spans) in zip(docs, imap_ranges(extract, len(docs), min_items=EXTRACT_SHARE)):
        quotes.extend(qs)
        if spans is not None and d._sentences is None:
            d._paragraphs, d._sentences = spans
    return QuoteIndex(quotes, docs, entity_index)

