"""The analyses of an Index, taken from the analysis store when they are current.

Each analysis is kept under a *signature*: a hash of what it was computed from.

- entities (before corrections): the articles (ids in order, fingerprints) and
  the entity code's version;
- quotations and their matches, the timeline: the same plus the entity
  corrections file (speakers and event entities are corrected entities) and
  their own code's version.

So an edited article recomputes every corpus analysis, a changed corrections
file recomputes quotations and the timeline but not detection and linking, and
a new release recomputes the analyses whose code changed. Versions are hashes
of the analysis's source and data files, so no one has to remember to bump one.
The codecs below turn results into plain tuples (pickled); decoding runs with
the cyclic collector off, like the analyses themselves (millions of acyclic objects).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from array import array
from pathlib import Path
from typing import Any

from .collector import paused
from .store import Store, digest
from .stored_codec import code_version, dumps, faces_version, loads
from .stored_entities import entities, entities_current  # noqa: F401 - entities: what the Index calls here

Index = Any  # reader.core.index.Index; not imported: the Index imports this module

class Signatures:
    """What the corpus analyses of one Index were computed from."""

    def __init__(self, index: Index, store: Store):
        from .progress import counted

        docs = index.documents
        self.text_hashes: dict[str, str] = {}  # what an article's text-only results are kept under
        self.files: dict[str, str] = {}  # and the rest: its file's fingerprint
        fps = []
        for d in counted("articles checked", docs):
            fp = store.fingerprint(d.path, lambda d=d: d.text, _signature(d))
            self.text_hashes[d.id] = fp.text_hash
            self.files[d.id] = str(fp)
            fps.append(f"{d.id}\0{fp}")
        store.save_files()
        self.docs = digest(fps)

    def entities(self) -> str:
        return digest([self.docs, code_version("entities")])

    def corrected(self, corrections_path: Path | None) -> str:
        return digest([self.entities(), str(corrections_path), _file_hash(corrections_path)])


def _signature(doc) -> tuple[int, int, int] | None:
    return getattr(doc, "file_signature", None)  # a stand-in document may lack it: the store stats the file


def _file_hash(path: Path | None) -> str:
    if path is None:
        return "-"
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=12).hexdigest()
    except OSError:
        return "absent"


# --- quotations -------------------------------------------------------------------------------
def _encode_quotes(quotes: list) -> bytes:
    """Each quotation as a row of its fields, its spans as plain integers: pickling a span object
    calls back into Python once per span, and a big folder's quotations have hundreds of thousands."""
    from .quotes.model import STATE_FIELDS

    get = [f for f in STATE_FIELDS if f not in _QUOTE_SPANS]
    rows = []
    with paused():  # a row per quotation: acyclic
        for q in quotes:
            sp = q.speaker_span
            rows.append((*[getattr(q, f) for f in get], tuple([x for p in q.parts for x in p]),
                         tuple([x for p in q.sentences for x in p]), tuple(sp) if sp is not None else None))
        return dumps((STATE_FIELDS, rows))


_QUOTE_SPANS = ("parts", "sentences", "speaker_span")  # last in each row, in this order


def _decode_quotes(data: bytes) -> list:
    from .document import Span
    from .quotes.model import STATE_FIELDS, Quote

    with paused():
        fields, rows = loads(data)
        if tuple(fields) != STATE_FIELDS:  # kept by a release with other fields: recompute
            raise ValueError("quotation fields changed")
        setters = [getattr(Quote, f).__set__ for f in fields if f not in _QUOTE_SPANS]
        new, span = Quote.__new__, tuple.__new__
        out = []
        for row in rows:
            q = new(Quote)
            for put, v in zip(setters, row):
                put(q, v)
            parts, sents, sp = row[-3:]
            q.parts = [span(Span, parts[j:j + 2]) for j in range(0, len(parts), 2)]
            q.sentences = [span(Span, sents[j:j + 2]) for j in range(0, len(sents), 2)]
            q.speaker_span = span(Span, sp) if sp is not None else None
            q._matches = q._compute = None
            out.append(q)
        return out


def _encode_matches(quotes: list) -> bytes:
    """Every quotation's matches as columns: a big folder has hundreds of thousands of matches over a
    few thousand passages, and a tuple per match (with the pickler's memo of each) cost more memory
    than all the matches themselves at the end of a run."""
    from .quotes.model import PackedMatches

    strings: dict[str | None, int] = {None: -1}
    code = strings.setdefault
    counts, starts, ends, scores = array("i"), array("i"), array("i"), array("d")
    fields = array("i")  # doc, text, kind, quotation id: indexes into the strings
    for q in quotes:
        packed = getattr(q, "_matches", None)  # read as the index keeps them: no match object is made
        if type(packed) is not PackedMatches:
            packed = PackedMatches([m.row() for m in q.matches])
        counts.append(len(packed))
        offsets = packed.offsets
        starts.extend(offsets[0::2])
        ends.extend(offsets[1::2])
        scores.extend(packed.scores)
        fields.extend([code(r, len(strings) - 1) for r in packed.refs])  # doc, text, kind, id of each
    table = [None] * (len(strings) - 1)
    for text, i in strings.items():
        if i >= 0:
            table[i] = text
    return dumps((table, counts, starts, ends, scores, fields))


def _decode_matches(data: bytes) -> list:
    """Each quotation's matches, packed (``PackedMatches``) as the index keeps them."""
    from .quotes.model import PackedMatches

    table, counts, starts, ends, scores, fields = loads(data)
    table.append(None)  # index -1
    out, k = [], 0
    for n in counts:
        offsets = array("i")
        for j in range(k, k + n):
            offsets.append(starts[j])
            offsets.append(ends[j])
        refs = tuple(table[f] for f in fields[4 * k:4 * (k + n)])
        out.append(PackedMatches.of_columns(refs, offsets, scores[k:k + n]))
        k += n
    return out


def _quotes_sig(index: Index, sigs: Signatures) -> tuple[str, str]:
    return code_version("entities", "quotes"), sigs.corrected(index.corrections_path)


def quotes(index: Index, store: Store | None, sigs: Signatures | None):
    from .quotes import QuoteIndex, build_quote_index

    ents = index.entities
    if store is None or sigs is None or not entities_current(index, ents):
        return build_quote_index(index.documents, ents)
    version, sig = _quotes_sig(index, sigs)
    data = store.get_corpus("quotes", version, sig)
    qs = None
    if data is not None:
        try:
            qs = _decode_quotes(data)
        except Exception:
            qs = None
    if qs is None:
        qi = build_quote_index(index.documents, ents)
        store.put_corpus("quotes", version, sig, _encode_quotes(qi.quotes))
    else:
        qi = QuoteIndex(qs, index.documents, ents)
    if store.has_corpus("quote_matches", version, sig):
        def load() -> list | None:
            # read when first needed: the finder, say, never needs them (tens of megabytes at 10,000 articles)
            data = store.get_corpus("quote_matches", version, sig)
            try:
                return None if data is None else _decode_matches(data)
            except Exception:  # a codec that no longer fits: computed again (and kept)
                return None
        qi.keep_matches_from(load)
        qi._matches_stored = True
    return qi


def save_quote_matches(index: Index, store: Store | None, sigs: Signatures | None) -> None:
    """Keep the quotations' matches once every one has been computed (the CLI prints them all)."""
    qi = index.__dict__.get("quotes")
    if store is None or sigs is None or qi is None or getattr(qi, "_matches_stored", False):
        return
    if not entities_current(index, index.entities) or any(q._matches is None for q in qi.quotes):
        return
    version, sig = _quotes_sig(index, sigs)
    store.put_corpus("quote_matches", version, sig, _encode_matches(qi.quotes))
    qi._matches_stored = True


# --- timeline ---------------------------------------------------------------------------------
def _encode_timeline(tl) -> bytes:
    events = [(e.doc, e.start, e.end, e.text, _iso(e.date), e.sentence, e.sentence_start, e.sentence_end,
               e.entities, e.kind, e.granularity, e.note, _iso(e.last), e.relation, e.part_of_day) for e in tl.events]
    anchors = [(doc, _iso(a.date), a.source, a.note, a.month_day) for doc, a in tl.anchors.items()]
    return dumps((events, anchors))


def _iso(d: _dt.date | None) -> int | None:
    return d.toordinal() if d is not None else None


def _day(n: int | None) -> _dt.date | None:
    return _dt.date.fromordinal(n) if n is not None else None


def _decode_timeline(data: bytes, entity_index):
    from .dates.resolve import Anchor
    from .dates.timeline import Event, Timeline

    with paused():
        events, anchors = loads(data)
        sentences: dict = {}  # events of one sentence share its text, as when built
        out = []
        for (doc, s, e, text, date, sent, ss, se, ents, kind, gran, note, last, rel, pod) in events:
            key = (doc, ss)
            shared = sentences.get(key)
            if shared is None:
                shared = sentences[key] = (sent, ents)
            out.append(Event(doc, s, e, text, _day(date), shared[0], ss, se, shared[1], kind, gran, note,
                             _day(last), rel, pod))
        tl = Timeline(entity_index=entity_index)
        tl.events = out
        tl.anchors = {doc: Anchor(_day(d), src, note, tuple(md) if md else None) for doc, d, src, note, md in anchors}
        return tl


def timeline(index: Index, store: Store | None, sigs: Signatures | None):
    from .dates import build_timeline

    ents = index.entities
    if store is None or sigs is None or not entities_current(index, ents):
        return build_timeline(index.documents, ents)
    version, sig = code_version("entities", "dates"), sigs.corrected(index.corrections_path)
    data = store.get_corpus("timeline", version, sig)
    if data is not None:
        try:
            return _decode_timeline(data, ents)
        except Exception:
            pass
    from .kept_articles import DATES, StoreKeptArticles

    tl = build_timeline(index.documents, ents, kept=StoreKeptArticles(store, DATES, code_version("dates"), sigs.files))
    store.put_corpus("timeline", version, sig, _encode_timeline(tl))
    return tl


# --- renderings -------------------------------------------------------------------------------
def view(index: Index, name: str, make):
    """What a face rendered from the analyses (``make()``, any picklable value), kept under the
    signature of the corrected entities: a warm `reader quotes --json` prints the stored JSON of each
    quotation instead of decoding and re-encoding hundreds of thousands of objects. Without a store,
    or while an analysis in the Index is not the store's (a face replaced it), ``make()`` is returned."""
    store, sigs = index.store, index.signatures
    if store is None or sigs is None or ("entities" in index.__dict__ and not entities_current(index, index.entities)):
        return make()
    version, sig = faces_version(), sigs.corrected(index.corrections_path)
    data = store.get_corpus(f"view:{name}", version, sig)
    if data is not None:
        try:
            return loads(data)
        except Exception:
            pass
    value = make()
    if "entities" in index.__dict__ and entities_current(index, index.entities):
        store.put_corpus(f"view:{name}", version, sig, dumps(value))
    return value


class Kept:
    """A rendering kept in parts: a small ``head`` and the parts by key, read one at a time (``part``),
    so a command writes 150 MB of JSON without holding it. A part the store cannot give back (damaged
    since the head was read) is rendered again: the output is never cut or wrong."""

    def __init__(self, head, part_of, make=None):
        self.head = head
        self._part_of = part_of
        self._make = make
        self._made: dict | None = None

    def part(self, key: str):
        value = self._part_of(key)
        if value is None and self._make is not None:
            if self._made is None:
                self._made = _as_dict(self._make()[1])
            value = self._made.get(key)
        return value


def view_parts(index: Index, name: str, make) -> Kept:
    """``make()`` -> (head, parts) of a face's rendering, kept like ``view`` but in parts. ``parts`` is
    a dict by key, or an iterable of (key, part) pairs made one at a time: those go to the store as
    they are made and are read back from it, so a big rendering is never held whole."""
    store, sigs = index.store, index.signatures
    if store is None or sigs is None or ("entities" in index.__dict__ and not entities_current(index, index.entities)):
        head, parts = make()
        return Kept(head, _as_dict(parts).get)
    analysis, version, sig = f"parts:{name}", faces_version(), sigs.corrected(index.corrections_path)
    data = store.get_corpus(analysis, version, sig)
    if data is not None:
        try:
            head = loads(data)
        except Exception:
            head = None
        if head is not None:
            return Kept(head, lambda key: _part(store, analysis, version, sig, key), make)
    head, parts = make()
    if not ("entities" in index.__dict__ and entities_current(index, index.entities)):
        return Kept(head, _as_dict(parts).get)
    if isinstance(parts, dict):
        store.put_parts(analysis, version, sig, dumps(head), ((k, dumps(v)) for k, v in parts.items()))
        store.drop_corpus(f"view:{name}")  # the whole rendering an earlier release kept in one row
        return Kept(head, parts.get)
    if store.put_parts(analysis, version, sig, dumps(head), ((k, dumps(v)) for k, v in parts)):
        store.drop_corpus(f"view:{name}")
        return Kept(head, lambda key: _part(store, analysis, version, sig, key), make)
    # the store took nothing (unwritable, busy, disabled): render again and keep it in memory
    head, parts = make()
    return Kept(head, _as_dict(parts).get)


def _as_dict(parts) -> dict:
    return parts if isinstance(parts, dict) else dict(parts)


def _part(store: Store, analysis: str, version: str, sig: str, key: str):
    blob = store.get_part(analysis, version, sig, key)
    try:
        return loads(blob) if blob is not None else None
    except Exception:
        return None


def finder_items(index: Index, search):
    """The finder's quotation and entity items, and their tantivy engine, kept for this corpus: a warm
    `reader find` neither decodes the analyses nor indexes their texts again. None when nothing can be
    kept (no store, no tantivy, or analyses a face replaced); the finder then builds them itself."""
    from .search import items as _items
    from .search.store import cache_root, corpus_key

    if index.store is None or index.signatures is None or search.engine != "tantivy":
        return None
    if "entities" in index.__dict__ and not entities_current(index, index.entities):
        return None
    items = _items.decode(view(index, "finder", lambda: _items.encode(
        _items.collect_items(search._docs, index.quotes, index.entities))))
    roots = list(index.corpus.roots)
    folder = cache_root() / f"{corpus_key(roots, index.documents)}.items"
    signature = digest([faces_version(), index.signatures.corrected(index.corrections_path),
                        *(i or "" for i in search.ord_ids)])
    return items, _items.items_engine(items.items, search._ord_of, folder, signature)


def compare(index: Index, store: Store | None, sigs: Signatures | None):
    """The comparison of the articles (reader.core.compare), kept like the analyses it is made from."""
    from .compare import build_comparison

    ents = index.entities
    if store is None or sigs is None or not entities_current(index, ents):
        return build_comparison(index.documents, ents, index.quotes, index.timeline)
    version, sig = code_version("entities", "quotes", "dates", "compare"), sigs.corrected(index.corrections_path)
    data = store.get_corpus("compare", version, sig)
    if data is not None:
        try:
            return loads(data)
        except Exception:
            pass
    comparison = build_comparison(index.documents, ents, index.quotes, index.timeline)
    store.put_corpus("compare", version, sig, dumps(comparison))
    return comparison
