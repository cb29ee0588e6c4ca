#!/usr/bin/env python3
"""Quotations and their speakers scored against PolNeAR (development split), per outlet, one left out at a time.

    .venv/bin/python benchmarks/quotes_eval.py ../shared/data/polnear-dev [--scorer eval_quotes.py] [--save PRED]

Runs `reader quotes --json` on `corpus/`, scores the output with the shared scorer (`tools/eval_quotes.py`
beside the data folder's parent) over all articles, over each outlet alone (the file name's first word:
breitbart, huff-post, nyt, politico, usa-today, wash-post, west-journal) and over all articles but that
outlet. Prints one JSON object (`wall_seconds` / `cpu_seconds`: the reader run).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._groups import main  # noqa: E402


def group_of(doc: str) -> str:
    return doc.split("_", 1)[0]


if __name__ == "__main__":
    raise SystemExit(main(__doc__, "quotes_eval", ["quotes", "--json"], "quotes", group_of,
                          ("gold_quotes", "R", "P", "speaker_scored", "speaker_acc"), "eval_quotes.py"))
