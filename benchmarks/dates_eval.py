#!/usr/bin/env python3
"""Time expressions scored against TimeBank (TempEval-3 cleaned), per source, one source left out at a time.

    .venv/bin/python benchmarks/dates_eval.py ../shared/data/timebank [--scorer eval_dates.py] [--save PRED]

Runs `reader timeline --json --no-entities` on `corpus/`, scores the output with the shared scorer
(`tools/eval_dates.py` beside the data folder's parent) over all articles, over each group alone and over all
articles but that group. Groups are the sources the file names tell: financial (Wall Street Journal), wire
(AP, APW, NYT, SJMN, ea, ed) and broadcast (ABC, CNN, PRI, VOA); the financial group, two thirds of the set,
is cut in two batches by file number. Prints one JSON object (`wall_seconds` / `cpu_seconds`: the reader run).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._groups import main  # noqa: E402

_BROADCAST = ("ABC", "CNN", "PRI", "VOA")


def group_of(doc: str) -> str:
    if doc.lower().startswith("wsj"):
        m = re.search(r"\d+", doc)
        return "financial-a" if m and int(m.group()) < 700 else "financial-b"
    return "broadcast" if doc.startswith(_BROADCAST) else "wire"


if __name__ == "__main__":
    raise SystemExit(main(__doc__, "dates_eval", ["timeline", "--json", "--no-entities"], "events", group_of,
                          ("gold", "pred", "P", "R", "F1", "value_acc", "value_F1"), "eval_dates.py"))
