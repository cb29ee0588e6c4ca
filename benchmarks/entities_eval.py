#!/usr/bin/env python3
"""Score `reader entities --json` against ECB+ (the dev topics): prints ONE JSON object.

    .venv/bin/python benchmarks/entities_eval.py ../shared/data/ecbplus [--mode per-topic|all] [--groups] [--save PRED]

The articles (`articles/<id>.txt`, plain text without a date header, so text = whole file) are given to
`reader entities --json`, and the output is scored by the shared scorer (`tools/eval_entities.py` beside
the data folder's parent, or --scorer): detection and typed recall with one-to-one overlap matching,
pairwise cross-document link precision/recall within a topic, and the share of entities that occur in
two or more articles and end up as one entity covering all of them.

Mode `per-topic` (the default) runs the command once per topic, on that topic's articles only: that is
what a user does (open the articles about one event). Mode `all` loads all 772 articles at once, so
names from other topics can pull mentions apart or together; links are still scored within a topic.
With --groups, the figures of each topic alone and of all topics but it follow (`groups`): a rule that
only helps the topic it was written against rises there and in no set that leaves that topic out.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_reader(paths: list[Path]) -> dict:
    cmd = [sys.executable, "-m", "reader", "entities", "--json", *map(str, paths)]
    res = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if res.returncode != 0:
        raise SystemExit(f"reader entities failed ({res.returncode}): {res.stderr.strip()[:500]}")
    return json.loads(res.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ecbplus", type=Path, help="the ecbplus folder (dev.jsonl and articles/)")
    ap.add_argument("--mode", choices=("per-topic", "all"), default="per-topic")
    ap.add_argument("--scorer", type=Path, help="eval_entities.py (default: ../../tools/eval_entities.py from the data folder)")
    ap.add_argument("--topics", help="comma-separated topic numbers to score (default: all in dev.jsonl)")
    ap.add_argument("--groups", action="store_true",
                    help="also score each topic alone and all topics but it (one left out at a time)")
    ap.add_argument("--save", type=Path, help="also write the merged reader output here")
    args = ap.parse_args()
    gold_path = args.ecbplus / "dev.jsonl"
    scorer = args.scorer or (args.ecbplus.resolve().parent.parent / "tools" / "eval_entities.py")
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    if args.topics:
        keep = {int(t) for t in args.topics.split(",")}
        gold = [g for g in gold if g["topic"] in keep]
    by_topic: dict[int, list[str]] = collections.defaultdict(list)
    for g in gold:
        by_topic[g["topic"]].append(g["id"])
    art = args.ecbplus / "articles"
    t0 = time.perf_counter()
    merged = {"documents": [], "entities": []}
    if args.mode == "all":
        out = run_reader([art / f"{i}.txt" for ids in by_topic.values() for i in ids])
        merged = out
    else:
        for topic, ids in sorted(by_topic.items()):
            out = run_reader([art / f"{i}.txt" for i in ids])
            merged["documents"] += out["documents"]
            for e in out["entities"]:
                e = dict(e, id=f"t{topic}/{e['id']}")  # ids are per run: keep topics apart
                merged["entities"].append(e)
    seconds = time.perf_counter() - t0
    if args.save:
        args.save.write_text(json.dumps(merged), encoding="utf-8")
    score = _score(scorer, gold, merged)
    groups = {}
    if args.groups:
        for topic in sorted(by_topic):
            only = _figures(_score(scorer, [g for g in gold if g["topic"] == topic], merged))
            rest = _figures(_score(scorer, [g for g in gold if g["topic"] != topic], merged))
            groups[str(topic)] = {"n": len(by_topic[topic]), "only": only, "all_but": rest}
    print(json.dumps({
        "benchmark": "entities_eval",
        "data": str(args.ecbplus),
        "mode": args.mode,
        "articles": len(gold),
        "topics": len(by_topic),
        "detection_recall": score["detect_lenient"]["R"],
        "typed_recall": score["typed_lenient"]["R"],
        "link_precision": score["xdoc_link"]["P"],
        "link_recall": score["xdoc_link"]["R"],
        "multi_article_entities_as_one": score["xdoc_entities"],
        "seconds_including_process_starts": round(seconds, 1),
        "scorer": score,
        **({"groups": groups} if groups else {}),
    }))
    return 0


def _score(scorer: Path, gold: list[dict], pred: dict) -> dict:
    """The shared scorer's figures over the articles of ``gold`` (the prediction cut down to them)."""
    keep = {g["id"] for g in gold}
    cut = {"documents": [d for d in pred.get("documents", []) if not isinstance(d, dict) or d.get("id") in keep],
           "entities": [dict(e, mentions=ms) for e in pred["entities"]
                        if (ms := [m for m in e["mentions"] if m["doc"] in keep])]}
    with tempfile.TemporaryDirectory() as tmp:
        gold_file = Path(tmp) / "gold.jsonl"
        gold_file.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        pred_file = Path(tmp) / "pred.json"
        pred_file.write_text(json.dumps(cut), encoding="utf-8")
        res = subprocess.run([sys.executable, str(scorer), str(gold_file), str(pred_file), "--label", "reader"],
                             capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def _figures(score: dict) -> dict:
    return {"detection_recall": score["detect_lenient"]["R"], "typed_recall": score["typed_lenient"]["R"],
            "link_precision": score["xdoc_link"]["P"], "link_recall": score["xdoc_link"]["R"],
            "multi": score["xdoc_entities"]["share"]}


if __name__ == "__main__":
    raise SystemExit(main())
