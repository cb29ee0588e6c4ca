#!/usr/bin/env python3
"""Reopening an analysed corpus: each command cold and warm, one article added, the finder's whole process.

Usage: benchmarks/reopen.py [--docs N | PATH] [--jsonl FILE] [--query Q] [--skip-cold]
Runs the installed commands (`python -m reader`) as a user would, each in its own process, against a
private cache folder (and, for the incremental part, a private copy of the corpus). Prints one JSON
object: per command `cold` and `warm` {wall, cpu, rss_mb} (CPU of the process and its pool workers),
`add_one` (the same after one article is added), `find` (whole process on an indexed corpus), the
largest resident set seen and whether each warm output is byte for byte the cold one.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="a corpus folder (default: generate one)")
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    ap.add_argument("--query", default="the president said on", help="the finder query")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR (kept) instead of a temporary folder")
    a = ap.parse_args()
    source, _ = corpus_from_args(a.path, a.docs, a.jsonl)
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="reader-bench-reopen-"))
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    shutil.copytree(source, corpus)
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), XDG_CONFIG_HOME=str(work / "config"),
               XDG_STATE_HOME=str(work / "state"))
    reader = [sys.executable, "-m", "reader"]
    result: dict = {"n_docs": sum(1 for _ in corpus.iterdir()),
                    "bytes": sum(p.stat().st_size for p in corpus.iterdir())}

    # the article cache first, so "cold" measures the analyses and not the first read of the files
    result["docs"] = {"cold": timed(reader + ["docs", "--json", str(corpus)], env)[0]}
    same = {}
    for cmd in COMMANDS:
        cold, cold_out = timed(reader + [cmd, "--json", str(corpus)], env)
        warm, warm_out = timed(reader + [cmd, "--json", str(corpus)], env)
        result[cmd] = {"cold": cold, "warm": warm}
        same[cmd] = cold_out == warm_out  # a single --json query prints no timings
    result["same_json"] = same

    timed(reader + ["find", "--json", a.query, str(corpus)], env)  # builds the sentence index
    result["find"] = timed(reader + ["find", "--json", a.query, str(corpus)], env)[0]

    # one article added: a copy of the first under a new name, so its names and dates are real ones
    first = sorted(corpus.iterdir())[0]
    (corpus / f"zz_added{first.suffix}").write_text(first.read_text(encoding="utf-8") + "\nAdded later.\n",
                                                    encoding="utf-8")
    result["add_one"] = {cmd: timed(reader + [cmd, "--json", str(corpus)], env)[0] for cmd in COMMANDS}
    result["add_one"]["find"] = timed(reader + ["find", "--json", a.query, str(corpus)], env)[0]

    info = subprocess.run(reader + ["cache", "info", "--json", str(corpus)], capture_output=True, env=env)
    try:
        import json

        result["store_bytes"] = json.loads(info.stdout)["corpora"][0]["store"]["bytes"]
    except Exception:
        result["store_bytes"] = None
    runs = [r for k in COMMANDS for r in result[k].values()] + list(result["add_one"].values()) + [result["find"]]
    result["rss_mb_max"] = max(r["rss_mb"] for r in runs)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    emit(result)


if __name__ == "__main__":
    main()
