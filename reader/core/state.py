"""Where the reader was: the last article and position per corpus.

Kept in ``$XDG_STATE_HOME/reader/state.json`` and written atomically, so a
crash mid-write leaves the previous state, never a torn file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .dirs import corpus_key, state_dir
from .fsutil import PRIVATE, atomic_write

MAX_CORPORA = 200  # oldest entries are dropped beyond this


class StateStore:
    def __init__(self, path: Path | None = None):
        self.path = path or state_dir() / "state.json"

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, roots: list[str]) -> dict[str, Any]:
        entry = self._read().get("corpora", {}).get(corpus_key(roots))
        return entry if isinstance(entry, dict) else {}

    def put(self, roots: list[str], doc_id: str, offset: int, *, durable: bool = True) -> None:
        """Remember the position; a state folder that cannot be written is not
        worth interrupting the reader for, so errors are swallowed. ``durable=False``
        (moving between articles): no fsync, still never torn; a power cut may
        lose the last place, which a state that reads as empty survives."""
        import time

        data = self._read()
        corpora = data.get("corpora")
        if not isinstance(corpora, dict):
            corpora = {}
        corpora[corpus_key(roots)] = {"doc": doc_id, "offset": int(offset), "time": time.time()}
        if len(corpora) > MAX_CORPORA:
            keep = sorted(corpora.items(), key=lambda kv: kv[1].get("time", 0) if isinstance(kv[1], dict) else 0)
            corpora = dict(keep[-MAX_CORPORA:])
        data["corpora"] = corpora
        try:
            atomic_write(self.path, json.dumps(data, indent=1).encode("utf-8"), durable=durable, mode=PRIVATE)
        except OSError:
            pass
