#!/usr/bin/env python3
"""Speed and memory of the entity pass (detection + linking) on one core.

Usage: benchmarks/entities_speed.py [--docs N | PATH] [--jsonl FILE]
Prints ONE JSON object: {n_docs, mb, entity_seconds, entity_cpu_seconds, mb_per_s (on CPU time: the pass is
single-threaded), mb_per_s_wall, rss_mb_before, rss_mb_peak, entities, mentions}.
Loading the files is timed apart (benchmarks/load.py measures it); the entity pass is what `Index.entities`
runs when a corpus opens. Run it with --docs 2000 and --docs 10000 to see that the cost is linear.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._corpus import corpus_from_args, emit, rss_mb  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="a corpus folder (default: generate one)")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    ap.add_argument("--repeat", type=int, default=1, help="run the pass N times and report the fastest (shared machines)")
    a = ap.parse_args()
    corpus_dir, _ = corpus_from_args(a.path, a.docs, a.jsonl)

    from reader.core.entities import build_entity_index
    from reader.core.entities.gazetteer import gazetteer
    from reader.core.loader import LoadOptions, load_paths

    corpus = load_paths([str(corpus_dir)], LoadOptions(cache=False))
    chars = sum(len(d.text.encode("utf-8")) for d in corpus.documents)
    gazetteer()  # loaded once per process (about 0.1 s): not part of the per-corpus cost
    before = rss_mb()
    secs = cpu = float("inf")
    first_cpu = None
    for _ in range(max(1, a.repeat)):
        idx = None
        t0, c0 = time.perf_counter(), time.process_time()
        idx = build_entity_index(corpus.documents)
        secs, cpu = min(secs, time.perf_counter() - t0), min(cpu, time.process_time() - c0)
        first_cpu = cpu if first_cpu is None else first_cpu
    mb = chars / 1e6
    emit({
        "benchmark": "entities_speed",
        "n_docs": len(corpus.documents),
        "repeat": max(1, a.repeat),
        "mb": round(mb, 2),
        "entity_seconds": round(secs, 2),
        "entity_cpu_seconds": round(cpu, 2),
        # CPU time of this one process: on a shared machine wall time also counts other processes
        "mb_per_s": round(mb / cpu, 2),
        "mb_per_s_wall": round(mb / secs, 2),
        "mb_per_s_first_run": round(mb / first_cpu, 2),  # cold process-level memo of folded names
        "rss_mb_before": before,
        "rss_mb_peak": rss_mb(),
        "entities": len(idx.entities),
        "mentions": sum(len(e.mentions) for e in idx.entities),
    })


if __name__ == "__main__":
    main()
