#!/usr/bin/env python3
"""Speed of the dates pass: time expressions found and resolved, events built.

Usage: benchmarks/timeline.py [--docs N | PATH] [--entities]
  PATH        a folder or file of articles
  --docs N    N synthetic articles (default 2000) made in memory from the seed articles' paragraphs,
              with random header dates; the seeds are dense in dates, so this errs on the slow side
  --entities  also time the entity pass (reader.core.entities) and report the dates pass as a share of it

Sentences are segmented first and timed apart: the entity pass segments them too (Document.sentences
is shared), so the dates pass is timed over warm sentences. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.dates import build_timeline  # noqa: E402
from reader.core.document import Document  # noqa: E402
from reader.core.loader import load_paths  # noqa: E402


def synthetic(n: int, seed: int = 7) -> list[Document]:
    paras = []
    for d in load_paths([ROOT / "seeds"]).documents:
        paras += [d.text[p.start:p.end] for p in d.paragraphs if len(d.text[p.start:p.end].split()) >= 6]
    rng = random.Random(seed)
    day0 = dt.date(2015, 1, 1)
    docs = []
    for i in range(n):
        text = "\n\n".join(rng.choice(paras) for _ in range(rng.randint(8, 24))) + "\n"
        docs.append(Document(id=f"a{i:05d}", path=Path(f"a{i:05d}.txt"), text=text,
                             date=day0 + dt.timedelta(days=rng.randrange(3000))))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", nargs="?")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--entities", action="store_true")
    a = ap.parse_args()
    docs = load_paths([a.path]).documents if a.path else synthetic(a.docs)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6

    t0 = time.perf_counter()
    for d in docs:
        d.sentences  # noqa: B018 - warm the shared segmentation
    seg = time.perf_counter() - t0

    result: dict = {"corpus": a.path or f"synthetic from seeds, --docs {a.docs}", "docs": len(docs), "mb": round(mb, 2),
                    "seconds_segmentation": round(seg, 3)}
    entity_index = None
    if a.entities:
        try:
            from reader.core.entities import build_entity_index
        except ImportError as exc:
            result["entities"] = f"unavailable: {exc}"
        else:
            t0 = time.perf_counter()
            entity_index = build_entity_index(docs)
            result["seconds_entities"] = round(time.perf_counter() - t0, 3)

    t0 = time.perf_counter()
    timeline = build_timeline(docs, entity_index)
    secs = time.perf_counter() - t0
    events = timeline.events
    result.update({
        "events": len(events),
        "resolved": sum(1 for e in events if e.date is not None),
        "seconds_dates": round(secs, 3),
        "mb_per_s_dates": round(mb / secs, 2) if secs else None,
    })
    if "seconds_entities" in result and result["seconds_entities"]:
        result["dates_share_of_entity_pass"] = round(secs / result["seconds_entities"], 3)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
