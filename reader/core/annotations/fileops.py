"""The annotations file's cross-process writer lock.

``locked``: an exclusive ``fcntl.flock`` on a sidecar ``.NAME.lock`` file (not
on the data file itself, which the rename in ``reader.core.fsutil.atomic_write``
replaces). Readers need no lock: they only ever see a complete file.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Iterator

from ..fsutil import real_target

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; single writer assumed
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT = 10.0


class LockTimeout(OSError):
    pass


def lock_path(path: Path) -> Path:
    path = real_target(path)
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the writer lock of ``path``; LockTimeout after ``timeout`` seconds."""
    if fcntl is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(f"{path}: another program has held the annotations lock for {timeout:.0f} s") from None
                time.sleep(0.005)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
