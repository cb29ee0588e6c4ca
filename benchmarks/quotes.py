#!/usr/bin/env python3
"""Quotations: extraction with speakers, the passage index, and cross-article matching.

Usage: benchmarks/quotes.py [--docs N | PATH] [--jsonl FILE] [--entities]
Prints {n_docs, mb, n_sentences, n_quotes, extract_seconds, extract_mb_s, index_seconds, match_seconds,
match_mb_s, match_ms_per_quote, quotes_with_matches, similar_p50_ms, similar_p95_ms, rss_mb, ...}.
Wall times and, for the two main passes, CPU times (the machine may be shared).
Segmentation (shared with every analysis, see benchmarks/load.py) is timed apart and not counted in the
throughputs. With --entities the real entity index is built first (timed apart) so speakers resolve;
without it speakers stay unresolved, which is the cost of attribution without resolution.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._corpus import corpus_from_args, emit, rss_mb  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="a corpus folder (default: generate one)")
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    ap.add_argument("--entities", action="store_true", help="resolve speakers with the real entity index")
    ap.add_argument("--probes", type=int, default=200, help="similar_passages calls on random sentences")
    a = ap.parse_args()
    corpus_dir, _ = corpus_from_args(a.path, a.docs, a.jsonl)

    from reader.core.loader import LoadOptions, load_paths
    from reader.core.quotes.index import QuoteIndex, extract_quotes
    from reader.core.quotes.matching import PassageIndex

    corpus = load_paths([str(corpus_dir)], LoadOptions(cache=False))
    docs = corpus.documents
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    t0 = time.perf_counter()
    n_sent = sum(len(d.sentences) for d in docs)
    segment_s = time.perf_counter() - t0

    ents, entities_s = None, None
    if a.entities:
        from reader.core.entities import build_entity_index

        t0 = time.perf_counter()
        ents = build_entity_index(docs)
        entities_s = time.perf_counter() - t0

    t0, c0 = time.perf_counter(), time.process_time()
    quotes = [q for d in docs for q in extract_quotes(d, ents)]
    extract_s, extract_cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_extract = rss_mb()

    t0 = time.perf_counter()
    passages = PassageIndex(docs, ents)
    index_s = time.perf_counter() - t0
    rss_index = rss_mb()

    qi = QuoteIndex(quotes, docs, ents, passages)
    t0, c0 = time.perf_counter(), time.process_time()
    qi.match_all()
    match_s, match_cpu = time.perf_counter() - t0, time.process_time() - c0

    rng = random.Random(5)
    lat = []
    for _ in range(a.probes):
        d = rng.choice(docs)
        if not d.sentences:
            continue
        s = rng.choice(d.sentences)
        t = time.perf_counter()
        qi.similar_passages(d.id, s.start, s.end, limit=5)
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()

    emit({
        "n_docs": len(docs),
        "mb": round(mb, 2),
        "n_sentences": n_sent,
        "n_quotes": len(quotes),
        "short_quotes": sum(q.short for q in quotes),
        "with_speaker_text": sum(q.speaker_text is not None for q in quotes),
        "with_speaker_entity": sum(q.speaker_entity is not None for q in quotes),
        "segment_seconds": round(segment_s, 3),
        "entities_seconds": round(entities_s, 3) if entities_s is not None else None,
        "extract_seconds": round(extract_s, 3),
        "extract_mb_s": round(mb / extract_s, 2) if extract_s else None,
        "extract_cpu_seconds": round(extract_cpu, 3),
        "index_seconds": round(index_s, 3),
        "match_seconds": round(match_s, 3),
        "match_mb_s": round(mb / (index_s + match_s), 2),
        "match_ms_per_quote": round(match_s * 1000 / max(1, len(quotes)), 3),
        "match_cpu_seconds": round(match_cpu, 3),
        "match_cpu_ms_per_quote": round(match_cpu * 1000 / max(1, len(quotes)), 3),
        "quotes_with_matches": sum(bool(q.matches) for q in quotes),
        "similar_p50_ms": round(statistics.median(lat), 2) if lat else None,
        "similar_p95_ms": round(lat[int(len(lat) * 0.95) - 1], 2) if lat else None,
        "rss_after_extract_mb": rss_extract,  # peak so far: corpus, sentences, quotations
        "rss_after_index_mb": rss_index,  # plus the passage index that matching needs
        "rss_mb": rss_mb(),
    })


if __name__ == "__main__":
    main()
