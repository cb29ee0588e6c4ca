"""What the store's rows are checked against and pickled with: the analyses' code versions and the codec."""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from .collector import paused

CODEC = "5"  # bump when a codec below changes
_CORE = Path(__file__).resolve().parent


# The text model every analysis reads (an article's text, spans and date come from these), and the
# JSON writing the renderings of entities and quotations share.
_TEXT_MODEL = ("document.py", "segment.py", "loader.py", "jsontext.py")


@lru_cache(maxsize=None)
def code_version(*packages: str) -> str:
    """A hash of the text model and the given analysis packages, data files included (and of the
    codecs here, through ``CODEC``): a release that changes an analysis recomputes it, and only it."""
    h = hashlib.blake2b(digest_size=12)
    h.update(CODEC.encode())
    files = [_CORE / name for name in _TEXT_MODEL]
    for pkg in packages:
        files += sorted(p for p in (_CORE / pkg).rglob("*") if p.is_file() and p.suffix != ".pyc")
    for p in files:
        h.update(str(p.relative_to(_CORE)).encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


@lru_cache(maxsize=None)
def faces_version() -> str:
    """The analyses' code and the commands that render them: a kept rendering is valid for both."""
    h = hashlib.blake2b(code_version("entities", "quotes", "dates", "compare").encode(), digest_size=12)
    for p in sorted((_CORE.parent / "commands").glob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def dumps(obj: Any) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> Any:
    with paused():
        return pickle.loads(data)
