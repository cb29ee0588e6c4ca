"""Scoring a reader command's JSON output per group of articles, with one group left out at a time.

A rule that only helps the articles it was written against shows up here: its figure rises in its own
group and in no "all but" set that leaves that group out. The shared scorers are called as they are,
on gold and predictions cut down to each group.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable


def run_reader(args: list[str]) -> tuple[dict, float, float]:
    """The JSON a ``reader`` subcommand prints, with its wall and CPU (child process) seconds."""
    import os

    w, before = time.perf_counter(), os.times()
    res = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, encoding="utf-8")
    after = os.times()
    if res.returncode != 0:
        raise SystemExit(f"reader {args[0]} failed ({res.returncode}): {res.stderr.strip()[:500]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return json.loads(res.stdout), round(time.perf_counter() - w, 2), round(cpu, 2)


def score(scorer: Path, gold: list[dict], pred: dict, list_key: str, keep: set[str]) -> dict:
    """The scorer's figures over the articles ``keep`` only."""
    with tempfile.TemporaryDirectory() as tmp:
        g = Path(tmp) / "gold.jsonl"
        g.write_text("".join(json.dumps(x) + "\n" for x in gold if x["doc"] in keep), encoding="utf-8")
        p = Path(tmp) / "pred.json"
        p.write_text(json.dumps({list_key: [x for x in pred.get(list_key, []) if x["doc"] in keep]}), encoding="utf-8")
        res = subprocess.run([sys.executable, str(scorer), str(g), str(p)], capture_output=True, text=True, check=False)
    return json.loads(res.stdout.strip().splitlines()[-1])


def per_group(scorer: Path, gold: list[dict], pred: dict, list_key: str, group_of: Callable[[str], str],
              figures: tuple[str, ...]) -> dict:
    """{"all": ..., "groups": {name: {"n": docs, "only": figures, "all_but": figures}}}."""
    groups: dict[str, set[str]] = {}
    for x in gold:
        groups.setdefault(group_of(x["doc"]), set()).add(x["doc"])
    everyone = {x["doc"] for x in gold}
    pick = lambda s: {k: s[k] for k in figures if k in s}  # noqa: E731
    out = {"all": score(scorer, gold, pred, list_key, everyone), "groups": {}}
    for name, docs in sorted(groups.items()):
        out["groups"][name] = {"n": len(docs), "only": pick(score(scorer, gold, pred, list_key, docs)),
                               "all_but": pick(score(scorer, gold, pred, list_key, everyone - docs))}
    return out


def main(doc: str, name: str, command: list[str], list_key: str, group_of: Callable[[str], str],
         figures: tuple[str, ...], scorer_name: str) -> int:
    """The command line both evaluations share: DATA [--scorer FILE] [--save PRED]; prints one JSON object."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("data", type=Path, help="the data folder (gold.jsonl and corpus/)")
    ap.add_argument("--scorer", type=Path, help=f"default: tools/{scorer_name} beside the data folder's parent")
    ap.add_argument("--save", type=Path, help="also write the reader output here")
    a = ap.parse_args()
    scorer = a.scorer or (a.data.resolve().parent.parent / "tools" / scorer_name)
    gold = [json.loads(line) for line in open(a.data / "gold.jsonl", encoding="utf-8") if line.strip()]
    pred, wall, cpu = run_reader([*command, str(a.data / "corpus")])
    if a.save:
        a.save.write_text(json.dumps(pred), encoding="utf-8")
    figs = per_group(scorer, gold, pred, list_key, group_of, figures)
    print(json.dumps({"benchmark": name, "data": str(a.data), "wall_seconds": wall, "cpu_seconds": cpu, **figs}))
    return 0
