"""Shared by the benchmarks: a corpus path, or a generated one of N articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path



def _shared() -> Path:
    """The shared data folder beside the checkout (a worktree may sit a level deeper)."""
    for parent in Path(__file__).resolve().parents[1:]:
        if (parent / "shared" / "tools").is_dir():
            return parent / "shared"
    return Path(__file__).resolve().parents[1].parent / "shared"


DEFAULT_JSONL = _shared() / "data" / "ecbplus" / "dev.jsonl"
MAKE_CORPUS = _shared() / "tools" / "make_corpus.py"


def corpus_from_args(path: str | None, docs: int, jsonl: str | None, queries: int = 200) -> tuple[Path, Path | None]:
    """Return ``(corpus folder, queries.json or None)``. Generated corpora are
    cached by size under the temp folder so repeated runs compare like with like."""
    if path:
        p = Path(path)
        q = p.parent / "queries.json"
        return p, q if q.exists() else None
    source = Path(jsonl) if jsonl else DEFAULT_JSONL
    if not source.exists():
        sys.exit(f"benchmark: no corpus path given and {source} not found (use PATH or --jsonl)")
    out = Path(tempfile.gettempdir()) / f"reader-bench-{docs}-{queries}"
    corpus = out / "corpus"
    if not (corpus.is_dir() and len(os.listdir(corpus)) == docs):
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(out), str(source), "--docs", str(docs),
                        "--queries", str(queries)], check=True, stdout=subprocess.DEVNULL)
    return corpus, out / "queries.json"


def rss_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def emit(obj: dict) -> None:
    print(json.dumps(obj))
