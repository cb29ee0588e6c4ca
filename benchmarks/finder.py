#!/usr/bin/env python3
"""Finder speed and quality on a large corpus; prints ONE JSON object.

    benchmarks/finder.py --docs 10000            # build a synthetic corpus (make_corpus.py) and measure
    benchmarks/finder.py PATH                    # measure on existing articles

Queries are generated from the corpus's own sentences (as the segmenter cuts
them): exact fragments of 4-8 words, the same with one or two typos, with a
word dropped, and with the words reordered. recall_at_5: the share of queries
for which a hit among the first five holds the fragment's words (as indexed:
lower case, punctuation ignored). Timings: index_seconds builds the sentence
index from segmented articles into an empty cache; reopen_seconds opens it
again for a freshly loaded corpus (the cache hit a second start of the app
takes); p50/p95 are per-query latencies of SearchIndex.run with limit 20.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("READER_SHARED", ROOT.parent / "shared"))
KINDS = ("exact", "typo", "dropped", "reordered")


def build_corpus(out: Path, docs: int, jsonl: Path, seed: int) -> Path:
    corpus = out / "corpus"
    if corpus.is_dir() and len(list(corpus.iterdir())) == docs:
        return corpus
    tool = SHARED / "tools" / "make_corpus.py"
    subprocess.run([sys.executable, str(tool), str(out), str(jsonl), "--docs", str(docs), "--queries", "1",
                    "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    return corpus


def typo(word: str, rng: random.Random) -> str:
    """One edit inside the word: a deletion, a swap of neighbours or an insertion."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice("dsi")
    if op == "d":
        return word[:i] + word[i + 1:]
    if op == "s":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rng.choice("aeiourstn") + word[i:]


def make_queries(documents, n: int, rng: random.Random) -> list[dict]:
    out: list[dict] = []
    per_kind = max(1, n // len(KINDS))
    counts = dict.fromkeys(KINDS, 0)
    while min(counts.values()) < per_kind:
        doc = rng.choice(documents)
        if not doc.sentences:
            continue
        s = rng.choice(doc.sentences)
        words = [w.strip(".,;:!?\"'“”‘’()[]`") for w in doc.text[s.start:s.end].split()]
        words = [w for w in words if any(c.isalnum() for c in w)]
        if len(words) < 4:
            continue
        k = rng.randint(4, min(8, len(words)))
        i = rng.randrange(0, len(words) - k + 1)
        frag = words[i:i + k]
        kind = min(KINDS, key=lambda x: counts[x])  # keep the kinds balanced
        q = list(frag)
        if kind == "typo":
            long_ = [j for j, w in enumerate(q) if len(w) >= 4]
            if not long_:
                continue
            for j in rng.sample(long_, min(len(long_), rng.choice((1, 2)))):
                q[j] = typo(q[j], rng)
        elif kind == "dropped":
            if len(q) < 5:
                continue
            del q[rng.randrange(len(q))]
        elif kind == "reordered":
            while q == frag:
                rng.shuffle(q)
        counts[kind] += 1
        out.append({"query": " ".join(q), "fragment": " ".join(frag), "kind": kind})
    return out


def norm(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", help="a folder of articles (default: build a synthetic corpus)")
    ap.add_argument("--docs", type=int, default=10000, help="articles in the synthetic corpus (default 10000)")
    ap.add_argument("--jsonl", default=str(SHARED / "data" / "ecbplus" / "dev.jsonl"),
                    help="gold JSONL whose sentences make the synthetic corpus")
    ap.add_argument("--queries", type=int, default=400, help="queries to run (balanced over the kinds)")
    ap.add_argument("--seed", type=int, default=7, help="seed of the synthetic corpus (and of the queries)")
    ap.add_argument("--query-seed", type=int, help="another seed for the queries alone (default: --seed)")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "reader-bench-finder"),
                    help="where synthetic corpora and the index cache go")
    ap.add_argument("--extras", action="store_true", help="also index quotations and entity names")
    a = ap.parse_args()

    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    corpus_dir = Path(a.path) if a.path else build_corpus(work / f"docs{a.docs}-seed{a.seed}", a.docs, Path(a.jsonl), a.seed)
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=work))
    os.environ["XDG_CACHE_HOME"] = str(cache)  # a cold cache: the first open builds

    from reader.core.index import Index
    from reader.core.loader import LoadOptions, load_paths
    from reader.core.search import SearchIndex

    t = time.perf_counter()
    corpus = load_paths([str(corpus_dir)], LoadOptions())
    load_seconds = time.perf_counter() - t
    t = time.perf_counter()
    n_sentences = sum(len(d.sentences) for d in corpus.documents)
    segment_seconds = time.perf_counter() - t

    t, cpu = time.perf_counter(), _cpu()
    search = SearchIndex.open(Index(corpus), extras=False, persist=True)
    index_seconds, index_cpu = time.perf_counter() - t, _cpu() - cpu
    assert search.report.built
    extras_seconds = None
    if a.extras:
        t = time.perf_counter()
        search.attach_from(search._index)
        extras_seconds = round(time.perf_counter() - t, 3)

    rng = random.Random(a.seed if a.query_seed is None else a.query_seed)
    queries = make_queries(corpus.documents, a.queries, rng)
    if not a.extras:  # reopen as a second start would: a new corpus object, the cache on disk
        del search
        corpus = load_paths([str(corpus_dir)], LoadOptions())
        t = time.perf_counter()
        search = SearchIndex.open(Index(corpus), extras=False, persist=True)
        reopen_seconds = time.perf_counter() - t
        assert not search.report.built and search.report.added == 0
    else:
        reopen_seconds = None

    for q in queries[:20]:  # warm the page cache and the interpreter's paths
        search.run(q["query"], 20)
    lat: list[float] = []
    found: dict[str, list[bool]] = {k: [] for k in KINDS}
    for q in queries:
        t = time.perf_counter()
        hits = search.run(q["query"], 20).hits
        lat.append((time.perf_counter() - t) * 1000)
        frag = norm(q["fragment"])
        found[q["kind"]].append(any(frag in norm(h.text) for h in hits[:5]))
    lat.sort()
    allfound = [x for v in found.values() for x in v]
    print(json.dumps({
        "n_docs": len(corpus.documents),
        "n_sentences": n_sentences,
        "index_seconds": round(index_seconds, 3),
        "reopen_seconds": None if reopen_seconds is None else round(reopen_seconds, 3),
        "p50_ms": round(statistics.median(lat), 2),
        "p95_ms": round(lat[min(len(lat) - 1, int(round(0.95 * len(lat))) - 1)], 2),
        "recall_at_5": round(sum(allfound) / len(allfound), 4),
        "rss_mb": rss_mb(),
        "recall_by_kind": {k: round(sum(v) / len(v), 4) for k, v in found.items() if v},
        "n_queries": len(queries),
        "max_ms": round(lat[-1], 2),
        "index_cpu_seconds": round(index_cpu, 3),  # this process's CPU: wall time minus waiting on a busy machine
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "load_seconds": round(load_seconds, 3),
        "segment_seconds": round(segment_seconds, 3),
        "extras_seconds": extras_seconds,
        "engine": search.engine,
        "corpus": str(corpus_dir),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
