#!/usr/bin/env python3
"""Reopening an analysed corpus: each command cold and warm, one article added, edited and deleted, the finder.

Usage: benchmarks/reopen.py [--docs N | PATH] [--jsonl FILE] [--query Q] [--changes add,edit,delete] [--check]
       [--keep DIR]
Runs the installed commands (`python -m reader`) as a user would, each in its own process, against a
private cache folder and a private copy of the corpus. Prints one JSON object:
- `baseline`: a Python process that only imports reader, and `reader docs --json` (the corpus listed), measured
  in the same run so a loaded machine shows in both;
- per command (`entities`, `quotes`, `timeline`) `cold` and `warm` {wall, cpu, rss_mb} (CPU: user + system of
  the process and the workers it waited for);
- `find`: the whole process on an indexed corpus, and `queries` (the per-query milliseconds `reader find
  --queries` reports: p50, p95);
- `add_one`, `edit_one`, `delete_one`: each command after one article is added, edited, deleted;
- `same_json`: whether each warm output is byte for byte the cold one, and with `--check` whether the output
  after the three changes is that of a cold run over the changed corpus with an empty cache;
- `rss_mb_max`, `targets` (the issue's: met or not), `load_average`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._corpus import corpus_from_args, emit  # noqa: E402

COMMANDS = ("entities", "quotes", "timeline")


def timed(argv: list[str], env: dict) -> tuple[dict, bytes]:
    """Wall, CPU (user + system of the process and the workers it waited for) and peak RSS of one run."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        err = proc.stderr.read()
        proc.stderr.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        data = out.read()
    if proc.returncode != 0:
        sys.exit(f"benchmark: {' '.join(argv)} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return {"wall": round(wall, 3), "cpu": round(usage.ru_utime + usage.ru_stime, 3),
            "rss_mb": round(usage.ru_maxrss / 1024, 1)}, data


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p * len(values)))], 3)


def environment(work: Path, cache: Path) -> dict:
    return dict(os.environ, XDG_CACHE_HOME=str(cache), XDG_CONFIG_HOME=str(work / "config"),
                XDG_STATE_HOME=str(work / "state"))


def changes(corpus: Path) -> list[tuple[str, callable]]:
    """One article added (a copy of the first under a new name, so its names and dates are real ones),
    one edited (a sentence appended), one deleted."""
    files = sorted(corpus.iterdir())
    first, second, last = files[0], files[1], files[-1]

    def add():
        (corpus / f"zz_added{first.suffix}").write_text(first.read_text(encoding="utf-8") + "\nAdded later.\n",
                                                        encoding="utf-8")

    def edit():
        second.write_text(second.read_text(encoding="utf-8") + "\nThe mayor said the bridge reopened on Monday.\n",
                          encoding="utf-8")

    def delete():
        last.unlink()
    return [("add_one", add), ("edit_one", edit), ("delete_one", delete)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="a corpus folder (default: generate one)")
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    ap.add_argument("--query", default="the president said on", help="the finder query")
    ap.add_argument("--check", action="store_true",
                    help="also run every command cold over the changed corpus and compare (another cold run)")
    ap.add_argument("--changes", default="add,edit,delete",
                    help="which single-article changes to measure, in order (default: add,edit,delete)")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR (kept) instead of a temporary folder")
    a = ap.parse_args()
    source, queries = corpus_from_args(a.path, a.docs, a.jsonl)
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="reader-bench-reopen-"))
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    shutil.copytree(source, corpus)
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = environment(work, cache)
    reader = [sys.executable, "-m", "reader"]
    result: dict = {"n_docs": sum(1 for _ in corpus.iterdir()),
                    "bytes": sum(p.stat().st_size for p in corpus.iterdir())}

    # the article cache first, so "cold" measures the analyses and not the first read of the files
    docs_cold = timed(reader + ["docs", "--json", str(corpus)], env)[0]
    result["baseline"] = {"python_import_reader": timed([sys.executable, "-c", "import reader.cli"], env)[0],
                          "docs_cold": docs_cold, "docs_warm": timed(reader + ["docs", "--json", str(corpus)], env)[0]}
    same = {}
    outputs = {}
    for cmd in COMMANDS:
        cold, cold_out = timed(reader + [cmd, "--json", str(corpus)], env)
        warm, warm_out = timed(reader + [cmd, "--json", str(corpus)], env)
        result[cmd] = {"cold": cold, "warm": warm}
        same[cmd] = cold_out == warm_out  # a single --json query prints no timings

    find_cold = timed(reader + ["find", "--json", a.query, str(corpus)], env)[0]  # builds the sentence index
    result["find"] = {"cold": find_cold, "warm": timed(reader + ["find", "--json", a.query, str(corpus)], env)[0]}
    if queries is not None:
        qfile = work / "queries.txt"
        qfile.write_text("\n".join(q["query"] for q in json.loads(queries.read_text(encoding="utf-8"))) + "\n",
                         encoding="utf-8")
        stats, out = timed(reader + ["find", "--json", "--queries", str(qfile), str(corpus)], env)
        ms = [json.loads(line)["ms"] for line in out.decode().splitlines() if line.strip()]
        result["find"]["queries"] = {"n": len(ms), "p50_ms": percentile(ms, 0.5), "p95_ms": percentile(ms, 0.95),
                                     "process": stats}

    wanted = [f"{c.strip()}_one" for c in a.changes.split(",") if c.strip()]
    chosen = [(name, change) for name, change in changes(corpus) if name in wanted]
    for name, change in chosen:
        change()
        runs = {}
        for cmd in COMMANDS:
            runs[cmd], outputs[cmd] = timed(reader + [cmd, "--json", str(corpus)], env)
        runs["find"] = timed(reader + ["find", "--json", a.query, str(corpus)], env)[0]
        result[name] = runs

    if a.check:  # the changed corpus from scratch: what the incremental runs must have printed
        fresh = environment(work, work / "cache-fresh")
        shutil.rmtree(work / "cache-fresh", ignore_errors=True)
        for cmd in COMMANDS:
            same[f"{cmd}_after_changes"] = timed(reader + [cmd, "--json", str(corpus)], fresh)[1] == outputs[cmd]
    result["same_json"] = same

    info = subprocess.run(reader + ["cache", "info", "--json", str(corpus)], capture_output=True, env=env)
    try:
        result["store_bytes"] = json.loads(info.stdout)["corpora"][0]["store"]["bytes"]
    except Exception:
        result["store_bytes"] = None
    runs = [r for k in COMMANDS for r in result[k].values()] + [result["find"]["cold"], result["find"]["warm"]]
    runs += [r for name, _ in chosen for r in result[name].values()]
    result["rss_mb_max"] = max(r["rss_mb"] for r in runs)
    result["targets"] = targets(result)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    emit(result)


def targets(r: dict) -> dict:
    """The issue's targets at 10,000 articles, each as {value, target, met}."""
    def t(value, limit):
        return {"value": value, "target": limit, "met": value is not None and value <= limit}
    out = {f"{cmd}_warm_s": t(r[cmd]["warm"]["wall"], 3.0) for cmd in COMMANDS}
    out["quotes_cold_s"] = t(r["quotes"]["cold"]["wall"], 40.0)
    out["find_warm_s"] = t(r["find"]["warm"]["wall"], 1.5)
    if "queries" in r["find"]:
        out["find_query_p95_ms"] = t(r["find"]["queries"]["p95_ms"], 20.0)
    if "add_one" in r:
        out["add_one_s"] = t(max(v["wall"] for v in r["add_one"].values()), 5.0)
    out["rss_mb"] = t(r["rss_mb_max"], 600.0)
    return out


if __name__ == "__main__":
    main()
