"""Crash-safe file replacement and a cross-process lock.

``atomic_write``: the new content goes to a temp file in the same folder
(same filesystem, so the final rename is atomic), is flushed and fsynced, the
old file is kept as ``NAME.bak``, and only then does a rename put the new file
in place; the folder is fsynced so the rename itself survives a power cut. A
process killed at any point leaves either the old file or the new one.

``locked``: an exclusive ``fcntl.flock`` on a sidecar ``.NAME.lock`` file (not
on the data file itself, which the rename replaces). Readers need no lock: they
only ever see a complete file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; single writer assumed
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT = 10.0


class LockTimeout(OSError):
    pass


def real_target(path: Path) -> Path:
    """The file a symbolic link points to: replacing the link itself by a rename
    would cut it (a dotfiles repository, a synced folder), so writes go to the target."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def lock_path(path: Path) -> Path:
    path = real_target(path)
    return path.with_name(f".{path.name}.lock")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


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


def atomic_write(path: Path, data: bytes, backup: bool = True, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that no crash can leave a torn file
    (``durable=False``, for derived data: no fsync, still never torn)."""
    path = real_target(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its 0600 mode would make a new file private; 0666 minus the
    # umask is what any editor would create.
    while True:
        tmp = path.with_name(f"{_temp_prefix(path)}{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, os.stat(path).st_mode & 0o777)  # keep the user's permissions
        if backup and path.exists():
            _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        _fsync_dir(folder)


def _keep_backup(path: Path) -> None:
    # A hard link to the current file, swapped in by rename: the .bak is
    # always a complete old version too, and no data is copied.
    bak = backup_path(path)
    tmp_bak = path.with_name(f"{_temp_prefix(path)}bak.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp_bak.unlink()
    try:
        os.link(path, tmp_bak)
    except OSError:  # filesystems without hard links
        shutil.copy2(path, tmp_bak)
    os.replace(tmp_bak, bak)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def remove_stale_temps(path: Path) -> None:
    """Temp files left by a writer that was killed. Call only while holding the lock."""
    path = real_target(path)
    prefix = _temp_prefix(path)
    with contextlib.suppress(OSError):
        for p in path.parent.iterdir():
            if p.name.startswith(prefix) and p.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    p.unlink()
