"""Crash-safe file replacement and a lock between processes, shared by
everything reader writes.

``atomic_write``: the new content goes to a temp file in the same folder
(same filesystem, so the final rename is atomic), is flushed and fsynced, the
old file is optionally kept as ``NAME.bak``, and only then does a rename put
the new file in place; the folder is fsynced so the rename itself survives a
power cut. A process killed at any point leaves either the old file or the new
one, plus at most a ``.NAME.*.tmp`` that ``remove_stale_temps`` clears.

``exclusive_lock``: an exclusive ``fcntl.flock`` on a lock file, waited for
up to a timeout; each caller names the file and says what the wait means.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; callers say what guards them there
    fcntl = None  # type: ignore[assignment]

# For files that tell what the user read and where (state, caches): only the
# user may read them.
PRIVATE = 0o600

# A file system with coarse times (FAT: 2 s) gives an edit made just after a check the time the
# file had when checked: a stat signature is trusted only for files last changed well before.
RACY_NS = 2_000_000_000


def stat_signature(path: str | os.PathLike) -> tuple[int, int, int]:
    """(size, mtime_ns, inode) of a file, or (-1, -1, -1) when it cannot be read: what says, as
    git's index does, that a file is the one hashed before without reading it again."""
    try:
        st = os.stat(path)
    except OSError:
        return -1, -1, -1
    return st.st_size, st.st_mtime_ns, st.st_ino


def settled(mtime_ns: int, checked_ns: int) -> bool:
    """Whether a file with this mtime, hashed at ``checked_ns``, cannot have changed unseen since."""
    return mtime_ns >= 0 and mtime_ns + RACY_NS < checked_ns


def real_target(path: Path) -> Path:
    """The file a symbolic link points to: replacing the link itself by a rename
    would cut it (a dotfiles repository, a synced folder), so writes go to the target."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def atomic_write(path: Path, data: bytes, *, backup: bool = False, durable: bool = True, mode: int = 0o666) -> None:
    """Replace ``path`` with ``data`` so that no crash can leave a torn file.

    ``backup``: keep the previous version as ``NAME.bak``. ``durable=False``,
    for derived data: no fsync, still never torn. ``mode``: of a new file, less
    the umask; an existing file keeps the permissions the user gave it.
    """
    path = real_target(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its fixed 0600 would make every file private; by default a
    # new file gets 0666 minus the umask, like any editor would create.
    while True:
        tmp = path.with_name(f"{_temp_prefix(path)}{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
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
    """Temp files left by a writer of ``path`` that was killed. Call only while
    holding a lock that keeps other writers of ``path`` out."""
    path = real_target(path)
    prefix = _temp_prefix(path)
    with contextlib.suppress(OSError):
        for p in path.parent.iterdir():
            if p.name.startswith(prefix) and p.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    p.unlink()


@contextlib.contextmanager
def exclusive_lock(
    lock_file: Path, timeout: float, timeout_error: Callable[[], BaseException], poll: float = 0.005,
) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``lock_file`` (created, with its folder,
    if missing); past ``timeout`` seconds of waiting, raise ``timeout_error()``.
    Without fcntl (Windows) nothing is locked."""
    if fcntl is None:
        yield
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    # 0666 minus the umask: whoever may write the guarded file may take its lock.
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise timeout_error() from None
                time.sleep(poll)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
