#!/usr/bin/env python3
"""Speed of the comparison: figures and claims lined up across the articles (reader.core.compare).

Usage: benchmarks/compare.py [--docs N | PATH] [--jsonl FILE] [--repeat R]
  PATH        a folder or file of articles
  --docs N    N generated articles (shared/tools/make_corpus.py over the ECB+ sentences, cached under the
              temp folder); without PATH or --docs: 50 articles (one event) and 2,000
  --repeat R  time the compare step R times and keep the fastest (the machine may be shared)

The other analyses are built first and timed apart (entities, quotations, timeline, the quotations'
cross-article matches, which the shared claims are made of): `seconds_compare` is the step itself once
they exist, `seconds_total` everything from the loaded texts. Targets: 50 articles <= 1 s and 2,000
<= 10 s for the compare step. Wall and CPU (process) seconds are both reported. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._corpus import corpus_from_args, rss_mb  # noqa: E402
from reader.core.loader import LoadOptions, load_paths  # noqa: E402

TARGETS = {50: 1.0, 2000: 10.0}


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    result = fn()
    return result, round(time.perf_counter() - w, 3), round(time.process_time() - c, 3)


def run(path: str | None, docs_n: int, jsonl: str | None, repeat: int) -> dict:
    from reader.core.compare import build_comparison
    from reader.core.dates import build_timeline
    from reader.core.entities import build_entity_index
    from reader.core.quotes import build_quote_index

    corpus_dir, _ = corpus_from_args(path, docs_n, jsonl)
    docs = load_paths([str(corpus_dir)], LoadOptions(cache=False)).documents
    out: dict = {"corpus": str(corpus_dir), "docs": len(docs),
                 "mb": round(sum(len(d.text.encode("utf-8")) for d in docs) / 1e6, 2)}
    steps = {}
    _, *steps["segmentation"] = timed(lambda: [d.sentences for d in docs])
    ents, *steps["entities"] = timed(lambda: build_entity_index(docs))
    quotes, *steps["quotes"] = timed(lambda: build_quote_index(docs, ents))
    timeline, *steps["timeline"] = timed(lambda: build_timeline(docs, ents))
    _, *steps["quote_matches"] = timed(quotes.match_all)
    best = None
    for _ in range(repeat):
        comparison, wall, cpu = timed(lambda: build_comparison(docs, ents, quotes, timeline))
        if best is None or wall < best[0]:
            best = (wall, cpu)
    steps["compare"] = list(best)
    for name, (wall, cpu) in steps.items():
        out[f"seconds_{name}"], out[f"cpu_seconds_{name}"] = wall, cpu
    out["seconds_total"] = round(sum(w for w, _ in steps.values()), 3)
    out["cpu_seconds_total"] = round(sum(c for _, c in steps.values()), 3)
    verdicts = Counter((f.kind, f.verdict) for f in comparison.facts)
    out.update({
        "quantities": len(comparison.quantities),
        "facts": len(comparison.facts),
        "number_facts": {v: verdicts[("number", v)] for v in ("differ", "agree", "only")},
        "claim_facts": verdicts[("claim", "agree")],
        "entities": len(comparison.entities),
        "speakers": len(comparison.speakers),
    })
    target = TARGETS.get(len(docs))
    if target is not None:
        out["target_seconds_compare"] = target
        out["meets_target"] = steps["compare"][0] <= target
    gc.collect()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", nargs="?", help="a corpus folder or file (default: generate one)")
    ap.add_argument("--docs", type=int)
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    sizes = [a.docs] if a.docs or a.path else [50, 2000]
    runs = [run(a.path, n or 0, a.jsonl, max(1, a.repeat)) for n in sizes]
    print(json.dumps({"benchmark": "compare", "runs": runs, "rss_mb": rss_mb()}))


if __name__ == "__main__":
    main()
