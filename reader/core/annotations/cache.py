"""A JSON copy of the last parsed annotations file, so a large file opens fast.

PyYAML needs about a second per megabyte; JSON reads the same data in a few
percent of that. The copy is keyed by the file's real path and used only while
the file's inode, size, modification and change times are exactly those it was
made from: any edit, by reader or by hand, changes them and the YAML is read
again. The copy is derived data under ``$XDG_CACHE_HOME/reader/annotations/``;
losing it costs only time.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .. import fsutil
from ..dirs import cache_dir
from .yamlio import ParsedFile

_FORMAT = 1
# Below this a YAML parse is quick enough that keeping a copy is not worth a write.
MIN_BYTES = 512 * 1024


def _cache_file(path: Path) -> Path:
    key = hashlib.sha1(os.path.realpath(path).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return cache_dir() / "annotations" / f"{key}.json"


def load(path: Path, signature: tuple[int, ...] | None) -> ParsedFile | None:
    if signature is None:
        return None
    try:
        with open(_cache_file(path), encoding="utf-8") as f:
            data = json.load(f)
        if data.get("format") != _FORMAT or data.get("signature") != list(signature):
            return None
        return ParsedFile(int(data["version"]), list(data["entries"]), dict(data["extra"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save(path: Path, signature: tuple[int, ...] | None, parsed: ParsedFile) -> None:
    """Best effort: a value JSON cannot hold (a hand-written date) means no cache."""
    if signature is None:
        return
    doc: dict[str, Any] = {"format": _FORMAT, "signature": list(signature), "version": parsed.version,
                           "entries": parsed.entries, "extra": parsed.extra}
    try:
        data = json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8")
        if json.loads(data) != doc:  # tuples, non-string keys...: not faithful, so not cached
            return
        fsutil.atomic_write(_cache_file(path), data, durable=False)
    except (OSError, TypeError, ValueError):
        pass
