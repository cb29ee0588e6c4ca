"""A folder never opened before, read on two cores: a forked process reads the last part of its files
(CHILD_SHARE) while the app starts and reads the first.

``ReadAhead.start(paths, options)`` is called once, from a process that has one thread (forking is safe
then: reader.core.pool), before the interface starts its own threads. The child reads its files as
``load_paths`` would and sends back, for each, what the article cache keeps of it (an ``Entry``, without
the text of a text file) or why it could not be read. ``load_paths(..., ahead=...)`` then takes those
results like cache entries: a file read ahead is used only if its size and modification time are still
the ones the child saw, and a file the child did not read (or has not sent yet when it is reached first)
is read in place. The corpus is the one ``load_paths`` makes alone; the texts of the files read ahead
are read from the files when first used, as for a folder listed from the cache.

Asked for, the child first finds the head of the list (reader.core.first_screen) and sends it before
anything else: the app takes it (``first_screen()``) to paint the first article while the folder is
still being listed, and the work of finding it overlaps the app's own start.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

from .errors import ReaderError

MIN_FILES = 200  # fewer: one core reads them before a second process would have started
# The child's part of the files: a little more than half, as the app starts (0.3-0.4 s) before it reads;
# more when the app first paints the head of the list (found by the child) and only then reads.
CHILD_SHARE = 0.55
CHILD_SHARE_AFTER_FIRST = 0.65


class ReadAhead:
    def __init__(self, process, conn, keys: set[str], first: bool = False):
        self._process = process
        self._conn = conn
        self._keys = keys  # the files the child reads (absolute paths)
        self._results: dict[str, tuple] | None = None
        self._first_pending = first  # the child sends the head of the list before its results

    @classmethod
    def start(cls, paths: list[str], options, share: float | None = None,
              first: tuple[int, int] | None = None) -> "ReadAhead | None":
        """Fork a process reading the last ``share`` of the files under ``paths``; None when it is not
        worth it or not safe (a process with other threads, one core, ``READER_WORKERS=1``). ``first``:
        (rows, fewest files) for the child to find the head of the list first (``first_screen``)."""
        from .loader import discover
        from .pool import can_fork, worker_count

        if worker_count() < 2 or not can_fork():
            return None
        found, _ = discover(paths)
        if len(found) < MIN_FILES:
            return None
        head = (found, first[0]) if first is not None and len(found) >= first[1] else None
        if share is None:
            share = CHILD_SHARE_AFTER_FIRST if head is not None else CHILD_SHARE
        part = [(str(f), key) for f, _, _, key in found[int(len(found) * (1 - share)):]]
        try:
            ctx = multiprocessing.get_context("fork")
            receive, send = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_read_share, args=(part, options, send, head), daemon=True)
            process.start()
        except (OSError, multiprocessing.ProcessError):
            return None
        send.close()
        return cls(process, receive, {key for _, key in part}, first=head is not None)

    def first_screen(self, timeout: float | None = None) -> list | None:
        """The head of the list the child was asked to find (Documents in list order), or None: not
        asked, not found (reader.core.first_screen), the child died, or (with ``timeout``) not found
        within that many seconds (a slow disk: the app does not wait for it; the results that follow
        it are still read, by ``take``)."""
        if not self._first_pending:
            return None
        try:
            if timeout is not None and not self._conn.poll(timeout):
                return None
            self._first_pending = False
            got = self._conn.recv()
        except (EOFError, OSError):
            self._first_pending = False
            got = None
        return got[1] if isinstance(got, tuple) and len(got) == 2 and got[0] == "first" else None

    def take(self, key: str, size: int, mtime_ns: int):
        """What the child made of the file at ``key`` (an Entry, or a ReaderError to raise), if it read it
        as it is now; None to read it here. Waits for the child's results the first time one is asked for."""
        if key not in self._keys:
            return None
        if self._results is None:
            self._results = self._receive()
        got = self._results.get(key)
        if got is None or got[0] != size or got[1] != mtime_ns:
            return None
        return got[2] if got[2] is not None else ReaderError(got[3])

    def _receive(self) -> dict[str, tuple]:
        self.first_screen()  # sent before the results, if asked for
        try:
            results = self._conn.recv()
        except (EOFError, OSError):  # the child died: its files are read here
            results = {}
        finally:
            self._conn.close()
            self._process.join(timeout=1)
        return results


def _read_share(share: list[tuple[str, str]], options, send, head=None) -> None:
    """In the child: with ``head`` (the files found, rows) first ``("first", the head of the list or
    None)``; then ``{key: (size, mtime_ns, Entry or None, error or None)}`` for each file, sent at once.
    It never writes to the terminal the app draws on, and ctrl+c is the app's to answer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    from .cache import entry_of
    from .loader import _read_full

    if head is not None:
        from .first_screen import first_screen

        try:
            docs = first_screen([], options, head[1], found=head[0])
        except Exception:  # the app lists the folder without it
            docs = None
        try:
            send.send(("first", docs))
        except OSError:
            return

    results: dict[str, tuple] = {}
    for path, key in share:
        try:
            st = os.stat(key)
            doc, text_start, encoding = _read_full(Path(path), "", options)
        except ReaderError as exc:
            results[key] = (st.st_size, st.st_mtime_ns, None, str(exc))
        except Exception:  # gone, or a fault of the reader: the app reads it and says what it says
            continue
        else:
            entry = entry_of(st.st_size, st.st_mtime_ns, doc, text_start, encoding,
                             text=doc.text if encoding == "html" else None)
            results[key] = (st.st_size, st.st_mtime_ns, entry, None)
    try:
        send.send(results)
    except OSError:  # the app ended before it asked
        pass
    finally:
        send.close()
