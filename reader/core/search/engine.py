"""Candidate engines: tantivy (fast, persisted) and a pure rapidfuzz scan.

Both answer ``candidates(words, weights, doc, k)`` with ``(ord, start, end)``
triples: ``ord`` names an article (or an item of the caller's list) and
``start``/``end`` a span of its text. Neither knows about documents; the
SearchIndex turns triples into hits.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Iterable, Iterator

from .text import Tokenizer, python_tokens

try:  # tantivy is optional: without it the finder scans with rapidfuzz
    import tantivy
except ImportError:  # pragma: no cover - exercised by simulating the import failing
    tantivy = None

TOKENIZER = "reader_words"
COMMON_SHARE = 0.05  # a word in this share of all passages is left to the re-ranker
FUZZ_SHARE = 0.002  # a word in this share of passages is taken as spelled right


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


# One integer per entry packs the article's ordinal and the span: building a
# tantivy Document costs per field, and this is the build's hot loop.
ORD_SHIFT, START_SHIFT = 42, 14
MAX_ORD, MAX_START, MAX_LEN = (1 << 21) - 1, (1 << 28) - 1, (1 << 14) - 1


def pack(ord_: int, start: int, end: int) -> int:
    return (ord_ << ORD_SHIFT) | (start << START_SHIFT) | (end - start)


def unpack(key: int) -> tuple[int, int, int]:
    ord_ = key >> ORD_SHIFT
    start = (key >> START_SHIFT) & MAX_START
    return ord_, start, start + (key & MAX_LEN)


def chunks(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    """A span cut into pieces that fit the packed length (a "sentence" of a
    text without punctuation can run for pages), preferably at spaces."""
    while end - start > MAX_LEN:
        cut = text.rfind(" ", start + MAX_LEN // 2, start + MAX_LEN)
        cut = cut if cut > start else start + MAX_LEN
        yield start, cut
        start = cut
    if end > start:
        yield start, end


_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def one_edit(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    out.discard(word)
    return out


def schema():
    sb = tantivy.SchemaBuilder()
    # Positions let adjacent query words count as phrases: that is what puts
    # the exact passage above sentences that merely share its common words.
    sb.add_text_field("text", stored=False, tokenizer_name=TOKENIZER, index_option="position")
    # i64 (keyword-built tantivy Documents carry Python ints as i64); indexed
    # for range queries: one article's entries are one key range.
    sb.add_integer_field("key", fast=True, indexed=True)
    return sb.build()


class TantivyEngine:
    name = "tantivy"

    def __init__(self, ix, analyzer):
        self.ix = ix
        self.analyzer = analyzer
        self.schema = ix.schema
        self._searcher = ix.searcher()
        self._df_cache: dict[str, int] = {}

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
        # Two indexing threads: the Python side only hands documents over (a
        # quarter of the build's CPU), so tantivy can use the second core.
        return self.ix.writer(heap_size=128_000_000, num_threads=min(2, os.cpu_count() or 1))

    @staticmethod
    def add(writer, ord_: int, text: str, spans: Iterable[tuple[int, int]]) -> int:
        """Index spans of one article (or item ``ord_``); returns how many entries."""
        if ord_ > MAX_ORD:
            return 0
        Doc = tantivy.Document
        add = writer.add_document
        n = 0
        for a, b in spans:
            if b - a > MAX_LEN:
                n += TantivyEngine.add(writer, ord_, text, chunks(a, b, text))
                continue
            if a > MAX_START:
                break
            d = Doc()
            d.add_text("text", text[a:b])
            d.add_integer("key", (ord_ << ORD_SHIFT) | (a << START_SHIFT) | (b - a))
            add(d)
            n += 1
        return n

    @staticmethod
    def add_text(writer, ord_: int, slot: int, text: str) -> None:
        """Index a text that is not a span (an entity's alias): ``slot`` comes back as start and end."""
        d = tantivy.Document()
        d.add_text("text", text)
        d.add_integer("key", pack(min(ord_, MAX_ORD), slot, slot))
        writer.add_document(d)

    def _ord_range(self, ord_: int):
        return tantivy.Query.range_query(self.schema, "key", tantivy.FieldType.Integer,
                                         ord_ << ORD_SHIFT, ((ord_ + 1) << ORD_SHIFT) - 1)

    def delete_ord(self, writer, ord_: int) -> None:
        writer.delete_documents_by_query(self._ord_range(ord_))

    def delete_from_ord(self, writer, ord_: int) -> None:
        """Delete every entry of ordinal ``ord_`` and above."""
        writer.delete_documents_by_query(tantivy.Query.range_query(
            self.schema, "key", tantivy.FieldType.Integer, ord_ << ORD_SHIFT, (1 << 63) - 1))

    def commit(self, writer) -> None:
        writer.commit()
        writer.wait_merging_threads()
        self.ix.reload()
        self._searcher = self.ix.searcher()
        self._df_cache = {}

    # --- reading ------------------------------------------------------------
    @property
    def n_entries(self) -> int:
        return self._searcher.num_docs

    def doc_freq(self, word: str) -> int:
        return self._searcher.doc_freq("text", word)

    def likely_df(self, word: str) -> int:
        """How many passages hold ``word``, or, for a word no passage holds (a
        typo), the word one edit away that most passages hold: "wuold" counts
        as common as "would", not as rare as a word never seen."""
        df = self._df_cache.get(word)
        if df is None:
            df = self._searcher.doc_freq("text", word)
            if df == 0 and len(word) >= 3 and not word.isdigit():
                freq = self._searcher.doc_freq
                df = max((freq("text", v) for v in one_edit(word)), default=0)
            self._df_cache[word] = df
        return df

    def candidates(
        self, words: list[str], weights: dict[str, float], ord_: int | None, k: int, prefix_last: bool = False
    ) -> list[tuple[int, int, int]]:
        """Top ``k`` entries by the idf weight of the query words they hold
        (of article ``ord_`` alone, when given), as ``(ord, start, end)``."""
        searcher = self._searcher
        n = max(searcher.num_docs, 1)
        dfs = {w: searcher.doc_freq("text", w) for w in words}
        # Words in a twentieth of all passages ("the", "said") find nothing a
        # rarer word would not, and their long posting lists (and phrases of
        # two of them) cost the most: with a rarer word in the query they are
        # left to the re-ranker. Only when the rarer words find too little (a
        # typo past repair) do common words find passages.
        common = {w for w in words if self.likely_df(w) >= COMMON_SHARE * n}
        if len(common) < len(words):
            found, tied = self._search(words, weights, dfs, common, "skip", ord_, k, prefix_last)
            if tied and common and len(common) == len(words) - 1:
                # One rarer word cannot tell the first k apart ("the sourec
                # was a": every "source" ties): let the common words and their
                # phrases order the passages that hold it.
                found, _ = self._search(words, weights, dfs, common, "optional", ord_, k, prefix_last)
            if len(found) >= k // 2 or not common:
                return found
        return self._search(words, weights, dfs, set(), "skip", ord_, k, prefix_last)[0]

    def _search(self, words, weights, dfs, common: set[str], mode: str, ord_, k: int, prefix_last: bool):
        """``(candidates, tied)``: common words left out (mode "skip") or only
        adding to the score of passages holding another word ("optional");
        ``tied`` when the k-th candidate scores as high as the first."""
        Q, Occur = tantivy.Query, tantivy.Occur
        searcher = self._searcher
        n = max(searcher.num_docs, 1)
        # A word many passages hold is a word the user spelled right: only
        # rare and unknown words are widened to their near spellings. (Widening
        # "they" would pull in every "the".)
        fuzz_below = max(20.0, FUZZ_SHARE * n)
        required, optional = [], []
        for w in words:
            if mode == "skip" and w in common:
                continue
            last = prefix_last and w == words[-1]
            if w.isdigit() or len(w) <= 2 or (dfs[w] >= fuzz_below and not last) or (len(w) == 3 and dfs[w] > 0 and not last):
                q = Q.term_query(self.schema, "text", w)
            else:
                distance = 1 if len(w) <= 6 else 2
                q = Q.fuzzy_term_query(self.schema, "text", w, distance=distance,
                                       transposition_cost_one=True, prefix=last)
            # Constant scores: a passage's candidate score is the idf weight of the
            # query words it holds, the measure the re-ranker's coverage uses.
            # (BM25 would prefer a short sentence holding one rare word.)
            (optional if w in common else required).append((Occur.Should, Q.const_score_query(q, weights.get(w, 1.0))))
        for a, b in zip(words, words[1:]):
            if dfs[a] > 0 and dfs[b] > 0 and not (mode == "skip" and a in common and b in common):
                phrase = Q.phrase_query(self.schema, "text", [a, b])
                bonus = 0.5 * (weights.get(a, 1.0) + weights.get(b, 1.0))
                optional.append((Occur.Should, Q.const_score_query(phrase, bonus)))
        if mode == "optional" and required:
            clauses = [(Occur.Must, Q.boolean_query(required))] + optional
        else:
            clauses = required + optional
        if not clauses:
            return [], False
        if ord_ is not None:
            clauses.append((Occur.Must, self._ord_range(ord_)))
        hits = searcher.search(Q.boolean_query(clauses), limit=k, count=False).hits
        if not hits:
            return [], False
        tied = len(hits) >= k and hits[-1][0] >= hits[0][0] - 1e-6
        return [unpack(key) for key in searcher.fast_field_values("key", [a for _, a in hits])], tied

    def weights(self, words: list[str]) -> dict[str, float]:
        n = max(self._searcher.num_docs, 1)
        return {w: idf(n, self.likely_df(w)) for w in words}


class ScanEngine:
    """No index: rapidfuzz over every passage. Slow on big corpora, always there."""

    name = "rapidfuzz"

    def __init__(self, entries: Iterable[Entry] = ()):  # noqa: D107
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
        self, words: list[str], weights: dict[str, float], ord_: int | None, k: int, prefix_last: bool = False
    ) -> list[tuple[int, int, int]]:
        from rapidfuzz import fuzz, process

        query = " ".join(words)
        if ord_ is None:
            pool = self._texts
            index = range(len(self._texts))
        else:
            index = [i for i, e in enumerate(self.entries) if e.ord == ord_]
            pool = [self._texts[i] for i in index]
        found = process.extract(query, pool, scorer=fuzz.partial_ratio, limit=k, score_cutoff=50)
        out = []
        for _text, _score, pos in found:
            e = self.entries[index[pos]]
            out.append((e.ord, e.start, e.end))
        return out
