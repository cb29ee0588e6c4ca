"""The annotations file's cross-process writer lock.

``locked``: an exclusive ``fcntl.flock`` on a sidecar ``.NAME.lock`` file (not
on the data file itself, which the rename in ``reader.core.fsutil.atomic_write``
replaces). Readers need no lock: they only ever see a complete file.
"""

from __future__ import annotations

from pathlib import Path
from typing import ContextManager

from ..fsutil import exclusive_lock, real_target

LOCK_TIMEOUT = 10.0


class LockTimeout(OSError):
    pass


def lock_path(path: Path) -> Path:
    path = real_target(path)
    return path.with_name(f".{path.name}.lock")


def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> ContextManager[None]:
    """Hold the writer lock of ``path``; LockTimeout after ``timeout`` seconds.
    Without fcntl (Windows) nothing is locked: a single writer is assumed."""
    return exclusive_lock(
        lock_path(path), timeout,
        lambda: LockTimeout(f"{path}: another program has held the annotations lock for {timeout:.0f} s"),
        poll=0.005,
    )
