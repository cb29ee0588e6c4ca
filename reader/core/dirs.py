"""Where reader keeps its own files: a ``reader`` folder in each XDG base
directory (config, state, cache), and the key that names a corpus in them."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def _xdg(variable: str, *default: str) -> Path:
    # An empty variable counts as unset, as the XDG base directory spec says.
    base = os.environ.get(variable) or os.path.join(os.path.expanduser("~"), *default)
    return Path(base) / "reader"


def config_dir() -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config")


def state_dir() -> Path:
    return _xdg("XDG_STATE_HOME", ".local", "state")


def cache_dir() -> Path:
    return _xdg("XDG_CACHE_HOME", ".cache")


def corpus_key(roots: list[str]) -> str:
    """Which corpus this is: the real paths it was opened with, in any order."""
    real = sorted(os.path.realpath(r) for r in roots)
    return hashlib.sha1("\0".join(real).encode("utf-8", "surrogatepass")).hexdigest()[:16]
