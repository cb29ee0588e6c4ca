#!/usr/bin/env python3
"""Speed of the dates pass: time expressions found and resolved, events built.

Usage: benchmarks/timeline.py [--docs N | PATH] [--jsonl FILE] [--entities] [--repeat R]
  PATH        a folder or file of articles
  --docs N    N generated articles (default 2000): the same corpus benchmarks/entities_speed.py uses
              (shared/tools/make_corpus.py over the ECB+ sentences, cached under the temp folder)
  --entities  also time the entity pass (reader.core.entities) and report the dates pass as a share
              of it; the events then carry entities, as in the app
  --repeat R  time each pass R times and keep the fastest (the machine may be shared)

Sentences are segmented first and timed apart: the entity pass segments them too (Document.sentences
is shared), so both passes are timed over warm sentences. Wall and CPU (process) seconds are both
reported; the share uses CPU seconds, which other processes on the machine disturb less.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._corpus import corpus_from_args  # noqa: E402
from reader.core.dates import build_timeline  # noqa: E402
from reader.core.loader import LoadOptions, load_paths  # noqa: E402


def timed(fn, repeat: int):
    """(result, best wall seconds, best CPU seconds) over ``repeat`` runs."""
    best_wall = best_cpu = float("inf")
    result = None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        best_wall = min(best_wall, time.perf_counter() - w)
        best_cpu = min(best_cpu, time.process_time() - c)
    return result, best_wall, best_cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", nargs="?", help="a corpus folder or file (default: generate one)")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    ap.add_argument("--entities", action="store_true")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    corpus_dir, _ = corpus_from_args(a.path, a.docs, a.jsonl)
    docs = load_paths([str(corpus_dir)], LoadOptions(cache=False)).documents
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6

    t0 = time.perf_counter()
    for d in docs:
        d.sentences  # noqa: B018 - warm the shared segmentation
    seg = time.perf_counter() - t0

    result: dict = {"benchmark": "timeline", "corpus": str(corpus_dir), "docs": len(docs), "mb": round(mb, 2),
                    "seconds_segmentation": round(seg, 3)}
    entity_index = None
    if a.entities:
        try:
            from reader.core.entities import build_entity_index
        except ImportError as exc:
            result["entities"] = f"unavailable: {exc}"
        else:
            entity_index, wall, cpu = timed(lambda: build_entity_index(docs), a.repeat)
            result.update({"seconds_entities": round(wall, 3), "cpu_seconds_entities": round(cpu, 3),
                           "mb_per_s_entities": round(mb / wall, 2)})

    timeline, wall, cpu = timed(lambda: build_timeline(docs, entity_index), a.repeat)
    events = timeline.events
    result.update({
        "events": len(events),
        "resolved": sum(1 for e in events if e.date is not None),
        "seconds_dates": round(wall, 3),
        "cpu_seconds_dates": round(cpu, 3),
        "mb_per_s_dates": round(mb / wall, 2),
        "cpu_mb_per_s_dates": round(mb / cpu, 2),
    })
    if result.get("cpu_seconds_entities"):
        result["dates_share_of_entity_pass"] = round(cpu / result["cpu_seconds_entities"], 3)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
