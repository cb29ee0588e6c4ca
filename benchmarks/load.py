#!/usr/bin/env python3
"""Loading speed: the article list, segmentation, and a second open from the cache.

Usage: benchmarks/load.py [--docs N | PATH] [--jsonl FILE]
Prints {n_docs, bytes, list_seconds, segment_seconds, reopen_seconds, rss_mb}.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._corpus import corpus_from_args, emit, rss_mb  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="a corpus folder (default: generate one)")
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    a = ap.parse_args()
    corpus_dir, _ = corpus_from_args(a.path, a.docs, a.jsonl)
    # A private, empty cache: the first open is cold, the second is a real reopen.
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="reader-bench-cache-")

    from reader.core.loader import LoadOptions, load_paths, segment_all

    opts = LoadOptions(cache=True)
    # Wall time is what a user waits; CPU time of this process is what the
    # code costs, and stays honest on a shared machine.
    t0, c0 = time.perf_counter(), time.process_time()
    corpus = load_paths([str(corpus_dir)], opts)
    t1, c1 = time.perf_counter(), time.process_time()
    segment_all(corpus)
    t2, c2 = time.perf_counter(), time.process_time()
    n_sent = sum(len(d.sentences) for d in corpus.documents)
    size = sum(d.path.stat().st_size for d in corpus.documents)
    del corpus
    t3, c3 = time.perf_counter(), time.process_time()
    again = load_paths([str(corpus_dir)], opts)
    t4, c4 = time.perf_counter(), time.process_time()
    assert len(again.documents) and all(d._sentences is not None for d in again.documents), "reopen missed the cache"
    emit({
        "n_docs": len(again.documents),
        "bytes": size,
        "n_sentences": n_sent,
        "list_seconds": round(t1 - t0, 3),
        "segment_seconds": round(t2 - t1, 3),
        "reopen_seconds": round(t4 - t3, 3),
        "rss_mb": rss_mb(),
        "list_cpu_seconds": round(c1 - c0, 3),
        "segment_cpu_seconds": round(c2 - c1, 3),
        "reopen_cpu_seconds": round(c4 - c3, 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    })


if __name__ == "__main__":
    main()
