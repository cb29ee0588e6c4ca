"""Find the passages of other articles that report the same words or the same claim.

Every sentence of the corpus is a unit in an inverted index of matching terms (stemmed words,
numbers, entity ids, groups of the paraphrase lexicon). A query passage looks up only its rarest terms, so the work per query is bounded
by the posting lists of rare terms, not by the size of the corpus: matching every quotation of a corpus
is linear in the number of quotations. The candidates that share the most rare terms are then scored:
weighted coverage of the query's terms (idf, numbers and names weigh more) for "the same claim", and
rapidfuzz's partial alignment for "the same words", which also finds where in a longer sentence the
words are.
"""

from __future__ import annotations

import bisect
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from rapidfuzz import fuzz

from ..collector import paused
from ..document import Document, Span
from ..pool import imap_ranges
from ..spans import lower_same_offsets
from .paraphrase import PREFIX, paraphrase_terms, paraphrase_words
from .terms import is_specific_number, terms

_WORDS = re.compile(r"[^\W_]+")
POSTINGS_BUDGET = 3000  # posting entries read per query piece: bounds the cost of one query
MAX_RARE_TERMS = 6
CANDIDATES = 25  # units scored per query piece
MIN_SCORE = 0.35
RARE_SHARE = 0.005
CLAIM_MIN_TERMS = 3  # shared words for "the same claim" without a shared figure
CLAIM_MIN_COVERAGE = 0.4  # share of the passage's term weight found in the other sentence
SAME_WORDS = 88  # rapidfuzz partial ratio from which two passages are "the same words"
NUMBER_WEIGHT = 1.6
TERMS_SHARE = 200  # articles per worker below which their terms are found in one process
ENTITY_WEIGHT = 1.3


@dataclass(slots=True)
class Hit:
    doc: str
    start: int
    end: int
    score: float
    kind: str  # "same words" or "same claim"


def _entity_term(entity_id: str) -> str:
    return "@" + entity_id


class PassageIndex:
    """Sentences of a corpus under an inverted index of their matching terms."""

    @paused()  # millions of posting entries and term ids, merged from the workers
    def __init__(self, documents: Iterable[Document], entity_index: Any | None = None):
        self.docs: list[Document] = list(documents)
        self.by_id = {d.id: d for d in self.docs}
        self._doc_index = {d.id: i for i, d in enumerate(self.docs)}
        self._words_of_unit: dict[int, tuple[str, str]] = {}
        self._query_ids: dict[tuple, int] = {}
        self._scored: dict[tuple[int, int], Any] = {}
        self._ranked: dict[tuple[str, ...], array] = {}
        self.unit_doc = array("i")
        self.unit_start = array("i")
        self.unit_end = array("i")
        self.doc_units: dict[str, tuple[int, int]] = {}
        self._entity_index = entity_index
        plists: list[array] = []  # by term id while the index is built
        # Each sentence's terms, as ids into ``names``: scoring a candidate reads them instead of
        # re-tokenising its text (4 bytes per term, like the postings).
        vocab: dict[str, int] = {}
        names: list[str] = []
        flat = array("i")
        self.unit_terms_at = array("i", [0])
        self._names = names
        self._flat = flat
        # The terms of every sentence, found on every core; each article's come back as its own small
        # vocabulary and term ids per sentence, mapped here to the corpus's.
        for di, (doc, (local, bounds, ids)) in enumerate(
                zip(self.docs, imap_ranges(self._terms_of_docs, len(self.docs), min_items=TERMS_SHARE))):
            first = len(self.unit_doc)
            gid = []
            for t in local:
                g = vocab.get(t)
                if g is None:
                    g = vocab[t] = len(names)
                    names.append(t)
                    plists.append(array("i"))
                gid.append(g)
            for si, s in enumerate(doc.sentences):
                uid = first + si
                self.unit_doc.append(di)
                self.unit_start.append(s.start)
                self.unit_end.append(s.end)
                for k in range(bounds[si], bounds[si + 1]):
                    g = gid[ids[k]]
                    plists[g].append(uid)
                    flat.append(g)
                self.unit_terms_at.append(len(flat))
            self.doc_units[doc.id] = (first, len(self.unit_doc))
        # Every term's sentences end to end in one array, where each begins in another: an array
        # object per term cost more than the sentence ids it held (about 35 MB at 10,000 articles).
        self._vocab = vocab
        self._post = array("i")
        self._post_at = array("i", [0])
        for p in plists:
            self._post.extend(p)
            self._post_at.append(len(self._post))
        del plists
        self.n_units = len(self.unit_doc)
        self._weights: dict[str, float] = {}
        self._log_n = math.log(self.n_units + 1)
        # a word in more sentences than this is no evidence of the same claim ("get", "done", "said")
        self._rare_df = max(5, int(RARE_SHARE * self.n_units))

    def _terms_of_docs(self, a: int, b: int) -> list[tuple[list[str], array, array]]:
        """For each article of ``docs[a:b]``: its terms, where each sentence's ids into them begin and
        end, and the ids."""
        out = []
        # Wire copy repeats sentences across articles: each distinct sentence is read once (the sets
        # below are still built the same way, so a sentence's terms keep their order)
        terms_of = lru_cache(maxsize=SENTENCES_KEPT)(terms)
        paraphrase_of = lru_cache(maxsize=SENTENCES_KEPT)(paraphrase_terms)
        for doc in self.docs[a:b]:
            sents = doc.sentences
            ent_terms = self._entity_terms_by_sentence(doc, sents)
            text = doc.text
            local: dict[str, int] = {}
            bounds = array("i", [0])
            ids = array("i")
            for si, s in enumerate(sents):
                ts = set(terms_of(text[s.start:s.end]))
                ts.update(paraphrase_of(text[s.start:s.end]))
                if ent_terms:
                    ts.update(ent_terms.get(si, ()))
                ids.extend(local.setdefault(t, len(local)) for t in ts)
                bounds.append(len(ids))
            out.append((list(local), bounds, ids))
        return out

    def _entity_terms_by_sentence(self, doc: Document, sents: list[Span]) -> dict[int, set[str]]:
        if self._entity_index is None:
            return {}
        import bisect

        try:
            pairs = self._entity_index.mentions_in(doc.id)
        except Exception:
            return {}
        starts = [s.start for s in sents]
        out: dict[int, set[str]] = {}
        for m, e in pairs:
            si = bisect.bisect_right(starts, m.start) - 1
            if si >= 0:
                out.setdefault(si, set()).add(_entity_term(e.id))
        return out

    # --- weights -------------------------------------------------------------
    def _bounds(self, term: str) -> tuple[int, int]:
        """Where the term's sentences begin and end in the postings array ((0, 0) for an unknown term)."""
        g = self._vocab.get(term)
        return (0, 0) if g is None else (self._post_at[g], self._post_at[g + 1])

    def df(self, term: str) -> int:
        a, b = self._bounds(term)
        return b - a

    def posting(self, term: str, limit: int | None = None) -> array | None:
        """The sentences with ``term`` in order (the first ``limit`` of them), or None without any."""
        a, b = self._bounds(term)
        if a == b:
            return None
        return self._post[a:b if limit is None else min(b, a + limit)]

    def weight(self, term: str) -> float:
        w = self._weights.get(term)
        if w is None:
            w = self._weights[term] = self._weight(term)
        return w

    def _weight(self, term: str) -> float:
        w = self._log_n - math.log(self.df(term) + 1) + 0.1
        if term.startswith("#"):
            w *= NUMBER_WEIGHT if is_specific_number(term) else 0.5
        elif term.startswith("@"):
            w *= ENTITY_WEIGHT
        return w

    def unit_terms(self, uid: int) -> set[str]:
        names = self._names
        return {names[i] for i in self._flat[self.unit_terms_at[uid]:self.unit_terms_at[uid + 1]]}

    def query_terms(self, doc: Document, start: int, end: int) -> set[str]:
        ts = set(terms(doc.text[start:end])) | paraphrase_terms(doc.text[start:end])
        if self._entity_index is not None:
            try:
                ts.update(_entity_term(x.id) for x in self._entity_index.entities_in_span(doc.id, start, end))
            except Exception:
                pass
        return ts

    def entity_words(self, doc: Document, start: int, end: int) -> dict[str, set[str]]:
        """For each entity named in the span, the terms of its names there: when another sentence
        names the same entity ("the Kazakh leader" for "Kassym-Jomart Tokayev"), those words count
        as shared."""
        if self._entity_index is None:
            return {}
        out: dict[str, set[str]] = {}
        try:
            pairs = self._entity_index.mentions_in(doc.id)
        except Exception:
            return {}
        for m, e in pairs:
            if m.start < end and start < m.end:
                out.setdefault(_entity_term(e.id), set()).update(terms(m.text))
        return out

    # --- queries -------------------------------------------------------------
    def pieces(self, doc: Document, start: int, end: int) -> list[Span]:
        """A passage cut at its sentence ends: a long quotation is matched sentence by sentence."""
        out = []
        for s in doc.sentences:
            if s.end <= start or s.start >= end:
                continue
            a, b = max(s.start, start), min(s.end, end)
            if len(terms(doc.text[a:b])) >= 2 or not out:
                out.append(Span(a, b))
            else:
                out[-1] = Span(out[-1].start, b)
        return out or [Span(start, end)]

    def similar(self, doc: Document, start: int, end: int, limit: int = 10, min_score: float = MIN_SCORE,
                speaker: str | None = None) -> list[Hit]:
        """Passages of OTHER articles that report the words or the claim of ``doc.text[start:end]``;
        the best per article, best first. ``speaker``: the entity id of who said it, a term of the
        claim ("26 killed" said by the Interior Ministry)."""
        best: dict[str, Hit] = {}
        qdi = self._doc_index.get(doc.id, -1)
        extra = {_entity_term(speaker)} if speaker else set()
        for piece in self.pieces(doc, start, end):
            for hit in self._similar_piece(doc, piece, qdi, min_score, extra):
                old = best.get(hit.doc)
                if old is None or hit.score > old.score:
                    best[hit.doc] = hit
        return sorted(best.values(), key=lambda h: (-h.score, h.doc, h.start))[:limit]

    def _similar_piece(self, doc: Document, piece: Span, qdi: int, min_score: float,
                       extra: set[str] = frozenset()) -> list[Hit]:  # type: ignore[assignment]
        qt = self.query_terms(doc, piece.start, piece.end) | extra
        if not qt:
            return []
        weights = {t: self.weight(t) for t in qt}
        total = sum(weights.values())
        names = self.entity_words(doc, piece.start, piece.end)
        names.update(paraphrase_words(doc.text[piece.start:piece.end]))
        own = self.doc_units.get(doc.id, (0, 0))

        post = self._post

        def elsewhere(t: str) -> int:
            """Sentences of other articles with the term: a term of this article only finds nothing."""
            a, b = self._bounds(t)
            return b - a - (bisect.bisect_left(post, own[1], a, b) - bisect.bisect_left(post, own[0], a, b))

        useful = [(n, t) for t in qt if (n := elsewhere(t)) > 0]
        rare = tuple(t for _, t in sorted(useful)[:MAX_RARE_TERMS])
        ranked = self._ranked.get(rare)
        if ranked is None:
            if len(self._ranked) >= RANKINGS_KEPT:
                self._ranked.clear()
            ranked = self._ranked[rare] = self._candidates(rare)
        qtext = doc.text[piece.start:piece.end]
        qlow = lower_same_offsets(qtext) or qtext
        qwords = len(qtext.split())
        qkey = [w.lower() for w in _WORDS.findall(qtext)]
        qnorm = " ".join(qkey) if qwords >= 3 else ""
        q_content = sum(1 for t in qt if not t.startswith("@"))
        # Wire copy repeats a quotation in many articles: a candidate is scored once per distinct
        # query (its text and terms, in the order the sums below add their weights), not once per copy.
        query = (qtext, tuple(qt), tuple((k, tuple(v)) for k, v in names.items()))
        qid = self._query_ids.get(query)
        if qid is None:
            if len(self._scored) >= SCORES_KEPT:  # bounded: memory stays flat on a big folder
                self._query_ids.clear()
                self._scored.clear()
            qid = self._query_ids[query] = len(self._query_ids)
        scored = self._scored
        hits: list[Hit] = []
        # Wire copy repeats sentences word for word across articles: score each distinct text once.
        seen: dict[str, tuple[float, str, tuple[int, int] | None] | None] = {}
        n = 0
        for uid in ranked:
            if self.unit_doc[uid] == qdi:
                continue
            cdoc = self.docs[self.unit_doc[uid]]
            s, e = self.unit_start[uid], self.unit_end[uid]
            ctext = cdoc.text[s:e]
            if ctext in seen:
                found = seen[ctext]
            else:
                n += 1
                if n > CANDIDATES:
                    break
                memo = (qid, uid)
                found = scored.get(memo, _UNSCORED)
                if found is _UNSCORED:
                    found = scored[memo] = self._score(qt, weights, total, qlow, qkey, qnorm, qwords, q_content,
                                                       ctext, uid, names)
                seen[ctext] = found
            if found is not None and found[0] >= min_score:
                score, kind, rel = found
                span = (s + rel[0], s + rel[1]) if rel else (s, e)
                hits.append(Hit(cdoc.id, span[0], span[1], score, kind))
        return hits

    def _candidates(self, rare: tuple[str, ...]) -> array:
        """The sentences sharing most of the ``rare`` terms (rarest first), best first: the same for
        every copy of a quotation, wherever it stands (its own article's sentences are skipped later)."""
        counts: Counter[int] = Counter()
        budget = POSTINGS_BUDGET
        for t in rare:
            n = self.df(t)
            if n > budget and counts:
                break
            counts.update(self.posting(t, budget))  # type: ignore[arg-type]
            budget -= n
            if budget <= 0:
                break
        return array("i", _most_common(counts, CANDIDATES * 3))

    def _unit_words(self, uid: int, ctext: str) -> tuple[str, str]:
        """A candidate sentence lower-cased, and its words joined by spaces: a sentence is a
        candidate of many quotations, and this was a third of the time spent scoring it. The words
        themselves are not kept (``joined.split(" ")`` gives them back): kept as a list of strings per
        sentence, they raised the peak of matching 10,000 articles by about 77 MB."""
        got = self._words_of_unit.get(uid)
        if got is None:
            if len(self._words_of_unit) >= UNIT_WORDS_KEPT:  # bounded: memory stays flat on a big folder
                self._words_of_unit.clear()
            clow = lower_same_offsets(ctext) or ctext
            cwords = _WORDS.findall(clow)
            got = self._words_of_unit[uid] = (clow, " ".join(cwords))
        return got

    def _score(self, qt: set[str], weights: dict[str, float], total: float, qlow: str, qkey: list[str],
               qnorm: str, qwords: int, q_content: int, ctext: str, uid: int,
               names: dict[str, set[str]]) -> tuple[float, str, tuple[int, int] | None] | None:
        """Score one candidate sentence: (score, kind, span relative to the sentence or None), or None."""
        ct = self.unit_terms(uid)
        shared = qt & ct
        if not shared:
            return None
        clow, cjoined = self._unit_words(uid, ctext)
        if qnorm and qnorm in cjoined:
            exact = find_words(ctext, 0, len(ctext), qkey)
            if exact is not None:
                return 1.0, "same words", exact
        if qwords >= 3:
            al = fuzz.partial_ratio_alignment(qlow, clow, score_cutoff=SAME_WORDS)
            if al is not None:
                rel = _snap(ctext, al.dest_start, al.dest_end) if len(clow) > len(qlow) else None
                return al.score / 100.0, "same words", rel
        # A run of four or more words in common ("shoot to kill without warning") is the same words
        # when it is most of one of the two passages, not a name or a stock phrase they share.
        cwords = cjoined.split(" ") if cjoined else []
        need = max(4, (min(len(qkey), len(cwords)) + 1) // 2)
        if len(qkey) >= need:
            cset = set(cwords)
            if sum(1 for w in qkey if w in cset) >= need:  # a cheap bound before looking for the run
                i, j, k = longest_run(qkey, cwords)
                if k >= need and len(terms(" ".join(qkey[i:i + k]))) >= 2:
                    cspans = [(m.start(), m.end()) for m in _WORDS.finditer(clow)]
                    return min(1.0, 0.8 + 0.2 * k / len(qkey)), "same words", (cspans[j][0], cspans[j + k - 1][1])
        covered = set(shared)
        for t in shared:
            if t in names:
                covered |= names[t] & qt  # the entity's name words in the query
        cov = sum(weights[t] for t in covered) / total
        # entity ids weigh in the score but are not evidence of their own: the name's words already are
        content = [t for t in shared if (is_specific_number(t) if t[0] in "#@" else self.df(t) <= self._rare_df)]
        # The same claim needs several shared rare words, or a shared figure ("20,000") when the
        # passage is short; and most of the passage's weight must be shared.
        numbers = any(is_specific_number(t) for t in shared)
        same_entity = any(t[0] == "@" for t in shared)
        strong = len(content) >= CLAIM_MIN_TERMS or (numbers and (len(content) >= 2 or q_content <= 3 or same_entity))
        # a wording of the lexicon in other words ("a limited period" for "short-term") said by the
        # same speaker, or beside another rare word, is the same claim
        if not strong and any(t[0] == PREFIX for t in content):
            strong = same_entity or len(content) >= 2
        if not strong or cov < CLAIM_MIN_COVERAGE:
            return None
        cweight = sum(self.weight(t) for t in ct) or 1.0
        prec = sum(weights[t] for t in shared) / cweight
        return min(0.95, 0.75 * cov + 0.25 * prec), "same claim", None


UNIT_WORDS_KEPT = 50_000
SENTENCES_KEPT = 100_000  # distinct sentences whose terms one share of the articles remembers
SCORES_KEPT = 100_000
RANKINGS_KEPT = 10_000
_UNSCORED = object()


def _most_common(counts: Counter[int], n: int) -> list[int]:
    """``[k for k, _ in counts.most_common(n)]``, ties in the order counted: the counts are a few
    small numbers, most of them 1, so the keys are bucketed by count instead of heap-ranked (the
    ranking was 8 % of the time spent matching a big folder)."""
    by_count: dict[int, list[int]] = {}
    for k, c in counts.items():
        if c > 1:
            by_count.setdefault(c, []).append(k)
    out: list[int] = []
    for c in sorted(by_count, reverse=True):
        out += by_count[c]
        if len(out) >= n:
            return out[:n]
    for k, c in counts.items():
        if c == 1:
            out.append(k)
            if len(out) >= n:
                break
    return out


def longest_run(q: list[str], c: list[str]) -> tuple[int, int, int]:
    """The longest run of words ``q[i:i+k] == c[j:j+k]``, as ``(i, j, k)`` (k is 0 without one)."""
    starts: dict[tuple[str, str], list[int]] = {}
    for i in range(len(q) - 1):
        starts.setdefault((q[i], q[i + 1]), []).append(i)
    best = (0, 0, 0)
    for j in range(len(c) - 1):
        for i in starts.get((c[j], c[j + 1]), ()):
            k = 2
            while i + k < len(q) and j + k < len(c) and q[i + k] == c[j + k]:
                k += 1
            if k > best[2]:
                best = (i, j, k)
    return best


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an alignment to whole words and trim the spaces and punctuation at its ends."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".!?%"):
        end -= 1
    return start, end


def find_words(text: str, start: int, end: int, key: list[str]) -> tuple[int, int] | None:
    """Where the lower-case words ``key`` stand in ``text[start:end]`` in order, whatever the spacing
    and punctuation between them (cheaper than compiling a pattern per query)."""
    n = len(key)
    if not n:
        return None
    spans = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
    low = [text[a:b].lower() for a, b in spans]
    first = key[0]
    for i in range(len(low) - n + 1):
        if low[i] == first and low[i:i + n] == key:
            return spans[i][0], spans[i + n - 1][1]
    return None
