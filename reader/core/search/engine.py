"""Candidate engines: tantivy (fast, persisted) and a pure rapidfuzz scan.

Both answer ``candidates(words, weights, doc, k)`` with ``(ord, start, end)``
triples: ``ord`` names an article (or an item of the caller's list) and
``start``/``end`` a span of its text. Neither knows about documents; the
SearchIndex turns triples into hits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Iterator

from .text import Tokenizer, python_tokens

try:  # tantivy is optional: without it the finder scans with rapidfuzz
    import tantivy
except ImportError:  # pragma: no cover - exercised by simulating the import failing
    tantivy = None

TOKENIZER = "reader_words"


@dataclass(frozen=True)
class Entry:
    """One searchable span, as handed to an engine."""

    doc: str
    ord: int
    start: int
    end: int
    text: str


def idf(n: int, df: int) -> float:
    # BM25's idf; a word no passage contains (a typo) weighs like the rarest.
    return math.log(1.0 + (n - max(df, 1) + 0.5) / (max(df, 1) + 0.5))


def schema():
    sb = tantivy.SchemaBuilder()
    # Positions let adjacent query words count as phrases: that is what puts
    # the exact passage above sentences that merely share its common words.
    sb.add_text_field("text", stored=False, tokenizer_name=TOKENIZER, index_option="position")
    sb.add_text_field("doc", stored=False, tokenizer_name="raw", index_option="basic")
    # i64, not u64: keyword-built tantivy Documents carry Python ints as i64.
    sb.add_integer_field("ord", fast=True)
    sb.add_integer_field("start", fast=True)
    sb.add_integer_field("end", fast=True)
    return sb.build()


class TantivyEngine:
    name = "tantivy"

    def __init__(self, ix, analyzer):
        self.ix = ix
        self.analyzer = analyzer
        self.schema = ix.schema
        self._searcher = ix.searcher()

    @classmethod
    def create(cls, analyzer, path: str | None = None) -> "TantivyEngine":
        ix = tantivy.Index(schema(), path=path, reuse=path is not None)
        ix.register_tokenizer(TOKENIZER, analyzer)
        return cls(ix, analyzer)

    def tokenize(self, text: str) -> list[str]:
        try:
            return self.analyzer.analyze(text)
        except UnicodeEncodeError:  # lone surrogates: fold them away rather than fail
            return self.analyzer.analyze(text.encode("utf-8", "replace").decode("utf-8"))

    # --- writing ------------------------------------------------------------
    def writer(self):
        return self.ix.writer(heap_size=128_000_000, num_threads=1)

    @staticmethod
    def add(writer, entries: Iterable[Entry]) -> int:
        n = 0
        Doc = tantivy.Document
        for e in entries:
            writer.add_document(Doc(text=e.text, doc=e.doc, ord=e.ord, start=e.start, end=e.end))
            n += 1
        return n

    @staticmethod
    def delete_doc(writer, doc_id: str) -> None:
        writer.delete_documents_by_term("doc", doc_id)

    def commit(self, writer) -> None:
        writer.commit()
        writer.wait_merging_threads()
        self.ix.reload()
        self._searcher = self.ix.searcher()

    # --- reading ------------------------------------------------------------
    @property
    def n_entries(self) -> int:
        return self._searcher.num_docs

    def doc_freq(self, word: str) -> int:
        return self._searcher.doc_freq("text", word)

    def candidates(
        self, words: list[str], weights: dict[str, float], doc: str | None, k: int, prefix_last: bool = False
    ) -> list[tuple[int, int, int]]:
        Q, Occur = tantivy.Query, tantivy.Occur
        searcher = self._searcher
        n = max(searcher.num_docs, 1)
        dfs = {w: searcher.doc_freq("text", w) for w in words}
        clauses = []
        # Words in a twentieth of all passages ("the", "said") find nothing a
        # rarer word would not, and their long posting lists cost the most.
        rare = [w for w in words if dfs[w] < 0.05 * n]
        for i, w in enumerate(words if len(rare) < 2 else rare):
            last = prefix_last and w == words[-1]
            known = dfs[w] > 0
            if w.isdigit() or len(w) <= 2 or (len(w) == 3 and known and not last):
                q = Q.term_query(self.schema, "text", w)
            else:
                distance = 1 if len(w) <= 6 else 2
                q = Q.fuzzy_term_query(self.schema, "text", w, distance=distance,
                                       transposition_cost_one=True, prefix=last)
            clauses.append((Occur.Should, Q.boost_query(q, weights.get(w, 1.0))))
        for a, b in zip(words, words[1:]):
            if dfs[a] > 0 and dfs[b] > 0:
                phrase = Q.phrase_query(self.schema, "text", [a, b])
                clauses.append((Occur.Should, Q.boost_query(phrase, weights.get(a, 1.0) + weights.get(b, 1.0))))
        if not clauses:
            return []
        query = Q.boolean_query(clauses)
        if doc is not None:
            query = Q.boolean_query([(Occur.Must, query), (Occur.Must, Q.term_query(self.schema, "doc", doc))])
        hits = searcher.search(query, limit=k, count=False).hits
        addrs = [a for _, a in hits]
        if not addrs:
            return []
        ords = searcher.fast_field_values("ord", addrs)
        starts = searcher.fast_field_values("start", addrs)
        ends = searcher.fast_field_values("end", addrs)
        return list(zip(ords, starts, ends))

    def weights(self, words: list[str]) -> dict[str, float]:
        n = max(self._searcher.num_docs, 1)
        return {w: idf(n, self._searcher.doc_freq("text", w)) for w in words}


class ScanEngine:
    """No index: rapidfuzz over every passage. Slow on big corpora, always there."""

    name = "rapidfuzz"

    def __init__(self, entries: Iterable[Entry] = ()):
        self.entries: list[Entry] = []
        self._texts: list[str] = []
        self._df: dict[str, int] = {}
        self.add_all(entries)

    def tokenize(self, text: str) -> list[str]:
        return python_tokens(text)

    def add_all(self, entries: Iterable[Entry]) -> None:
        for e in entries:
            toks = python_tokens(e.text)
            self.entries.append(e)
            self._texts.append(" ".join(toks))
            for w in set(toks):
                self._df[w] = self._df.get(w, 0) + 1

    @property
    def n_entries(self) -> int:
        return len(self.entries)

    def doc_freq(self, word: str) -> int:
        return self._df.get(word, 0)

    def weights(self, words: list[str]) -> dict[str, float]:
        n = max(len(self.entries), 1)
        return {w: idf(n, self._df.get(w, 0)) for w in words}

    def candidates(
        self, words: list[str], weights: dict[str, float], doc: str | None, k: int, prefix_last: bool = False
    ) -> list[tuple[int, int, int]]:
        from rapidfuzz import fuzz, process

        query = " ".join(words)
        if doc is None:
            pool = self._texts
            index = range(len(self._texts))
        else:
            index = [i for i, e in enumerate(self.entries) if e.doc == doc]
            pool = [self._texts[i] for i in index]
        found = process.extract(query, pool, scorer=fuzz.partial_ratio, limit=k, score_cutoff=50)
        out = []
        for _text, _score, pos in found:
            e = self.entries[index[pos]]
            out.append((e.ord, e.start, e.end))
        return out


def iter_sentences(doc_id: str, ord_: int, text: str, spans) -> Iterator[Entry]:
    for s in spans:
        yield Entry(doc_id, ord_, s[0], s[1], text[s[0] : s[1]])
