"""The analysis store: what the analyses computed, kept in one SQLite file per corpus.

``$XDG_CACHE_HOME/reader/store-<corpus key>.sqlite`` holds two kinds of rows:

- ``article``: one row per (article, analysis), valid while the article's
  fingerprint (path, size, modification time, a hash of its text) and the
  analysis's version are those recorded;
- ``corpus``: one row per corpus-wide analysis (linked entities, quotations,
  matches, the timeline), valid while its *signature* (a hash of everything it
  was computed from: the articles' fingerprints, the versions, the entity
  corrections) is the one recorded.

SQLite rather than the pickle file the loader keeps: a change to one article
rewrites one row, not the whole file; WAL lets the app read while a CLI call
writes, and a busy timeout makes two writers take turns; and a torn or foreign
file is detected (application id, schema version, a checksum per blob) and
rebuilt with one warning instead of answering wrongly. Blobs are pickles made
by the codecs in ``stored.py``; this module knows nothing of the analyses.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .dirs import cache_dir, corpus_key
from .fsutil import settled, stat_signature

log = logging.getLogger(__name__)

SCHEMA = 1  # bump when the tables change: an older file is then rebuilt (silently: it is not broken)
APPLICATION_ID = 0x52445231  # "RDR1": tells our files from any other SQLite database
BUSY_TIMEOUT_MS = 60_000  # another process writing: wait for it (a cold 10,000-article save takes seconds)
PREFIX = "store-"
SUFFIX = ".sqlite"

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, text_hash TEXT NOT NULL,
    ino INTEGER NOT NULL DEFAULT -1, checked_ns INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS article (
    doc TEXT NOT NULL, analysis TEXT NOT NULL, version TEXT NOT NULL, fingerprint TEXT NOT NULL,
    crc INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (analysis, doc));
CREATE TABLE IF NOT EXISTS corpus (
    analysis TEXT PRIMARY KEY, version TEXT NOT NULL, signature TEXT NOT NULL,
    crc INTEGER NOT NULL, data BLOB NOT NULL, updated REAL NOT NULL);
"""


def store_path(roots: list[str]) -> Path:
    return cache_dir() / f"{PREFIX}{corpus_key(roots)}{SUFFIX}"


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def digest(parts: Iterable[str]) -> str:
    """A signature: the hash of a sequence of strings (order matters)."""
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class StoreCorrupt(Exception):
    """The file is not a store we can trust (torn, foreign, checksum wrong)."""


@dataclass
class Fingerprint:
    path: str
    size: int
    mtime_ns: int
    text_hash: str

    def __str__(self) -> str:
        return f"{self.path}\0{self.size}\0{self.mtime_ns}\0{self.text_hash}"


class Store:
    """One corpus's analysis store. Thread-safe (one connection, one lock): the
    app's workers share it. Every failure of the file itself is turned into a
    rebuild (``_recover``) with one warning; a failure to write costs speed only."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.warnings: list[str] = []
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._files: dict[str, tuple[int, int, str, int, int]] | None = None
        self._dirty_files: dict[str, tuple[int, int, str, int, int]] = {}
        self.usable = True
        with self._lock:
            self._connect()

    @classmethod
    def for_roots(cls, roots: list[str]) -> "Store":
        return cls(store_path(roots))

    # --- the file ----------------------------------------------------------------------
    def _connect(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._open_checked()
        except StoreCorrupt as exc:
            self._recover(str(exc))
        except sqlite3.DatabaseError as exc:
            if _is_busy(exc):
                self._disable(f"analysis store busy ({exc}); analysing without it")
            else:
                self._recover(str(exc))
        except OSError as exc:
            self._disable(f"analysis store not usable ({exc}); analysing without it")

    def _open_checked(self) -> sqlite3.Connection:
        new = not self.path.exists() or self.path.stat().st_size == 0
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            if new or app == 0 and not _has_tables(conn):
                os.chmod(self.path, 0o600)
                conn.execute("PRAGMA journal_mode = WAL")
                # One transaction, so another process opening the file meanwhile sees either an empty
                # file (and waits for this lock to make its own, then finds it made) or a whole store.
                with _transaction(conn):
                    if conn.execute("PRAGMA application_id").fetchone()[0] == 0:
                        for statement in _TABLES.split(";"):
                            if statement.strip():
                                conn.execute(statement)
                        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
                conn.execute("PRAGMA synchronous = NORMAL")
                return conn
            if app != APPLICATION_ID:
                raise StoreCorrupt("not a reader analysis store")
            conn.execute("PRAGMA journal_mode = WAL")
            _add_file_columns(conn)
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != str(SCHEMA):
                conn.close()
                _remove(self.path)  # another release's layout: start afresh, nothing is wrong
                return self._open_checked()
            conn.execute("PRAGMA synchronous = NORMAL")  # derived data: a power cut may lose the last write
            return conn
        except BaseException:
            conn.close()
            raise

    def _recover(self, why: str) -> None:
        """Replace an unusable file by an empty store, saying so once."""
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
        self._files = None
        msg = f"analysis cache {self.path} was unreadable ({why}); rebuilt it"
        log.warning(msg)
        self.warnings.append(msg)
        try:
            _remove(self.path)
            self._conn = self._open_checked()
        except (OSError, sqlite3.Error, StoreCorrupt) as exc:
            self._disable(f"analysis store not usable ({exc}); analysing without it")

    def _disable(self, msg: str) -> None:
        log.warning(msg)
        self.warnings.append(msg)
        self.usable = False
        self._conn = None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _run(self, fn, default=None):
        """Run ``fn(conn)`` under the lock; a broken file is rebuilt (once) and the call answers
        ``default``, so a caller always recomputes rather than trusting a damaged row."""
        with self._lock:
            if self._conn is None:
                return default
            try:
                return fn(self._conn)
            except StoreCorrupt as exc:
                self._recover(str(exc))
            except sqlite3.DatabaseError as exc:
                if _is_busy(exc) or isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                    log.info("analysis store: %s", exc)  # busy or read-only: this run goes without it
                else:
                    self._recover(str(exc))
            return default

    # --- fingerprints --------------------------------------------------------------------
    def fingerprint(self, path: str | os.PathLike, text_of, stat: tuple[int, int, int] | None = None) -> Fingerprint:
        """The article's fingerprint. The text hash recorded for the same file (path, size, mtime,
        inode) is trusted, as git trusts its index, unless the file changed shortly before it was
        hashed (``fsutil.settled``); otherwise ``text_of()`` is read and hashed. ``stat``: the file's
        ``stat_signature`` when the caller has it (the loader's, taken as it listed the file)."""
        real = os.path.abspath(path)
        size, mtime, ino = stat if stat is not None else stat_signature(real)
        files = self._known_files()
        known = files.get(real)
        if (known is not None and known[0] == size and known[1] == mtime and known[3] == ino and size >= 0
                and settled(mtime, known[4])):
            return Fingerprint(real, size, mtime, known[2])
        checked = time.time_ns()
        fp = Fingerprint(real, size, mtime, text_hash(text_of()))
        files[real] = (size, mtime, fp.text_hash, ino, checked)
        self._dirty_files[real] = files[real]
        return fp

    def _known_files(self) -> dict[str, tuple[int, int, str, int, int]]:
        if self._files is None:
            rows = self._run(lambda c: c.execute(
                "SELECT path, size, mtime_ns, text_hash, ino, checked_ns FROM files").fetchall(), [])
            self._files = {p: (s, m, h, i, c) for p, s, m, h, i, c in rows}
        return self._files

    def forget_files(self, keep: set[str]) -> None:
        """Drop the fingerprints (and per-article rows) of articles no longer in the corpus."""
        files = self._known_files()
        gone = [p for p in files if p not in keep]
        if not gone:
            return
        for p in gone:
            del files[p]

        def run(conn):
            with _transaction(conn):
                conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in gone])
        self._run(run)

    def save_files(self) -> None:
        dirty = self._dirty_files
        if not dirty:
            return
        rows = [(p, *v) for p, v in dirty.items()]
        dirty.clear()

        def run(conn):
            with _transaction(conn):
                conn.executemany("INSERT OR REPLACE INTO files (path, size, mtime_ns, text_hash, ino, checked_ns) "
                                 "VALUES (?, ?, ?, ?, ?, ?)", rows)
        self._run(run)

    # --- corpus rows ------------------------------------------------------------------------
    def get_corpus(self, analysis: str, version: str, signature: str) -> bytes | None:
        def run(conn):
            row = conn.execute("SELECT version, signature, crc, data FROM corpus WHERE analysis = ?",
                               (analysis,)).fetchone()
            if row is None or row[0] != version or row[1] != signature:
                return None
            return _checked(row[2], row[3])
        return self._run(run)

    def has_corpus(self, analysis: str, version: str, signature: str) -> bool:
        """Whether ``get_corpus`` would find the row (its blob is not read, nor checked)."""
        def run(conn):
            row = conn.execute("SELECT version, signature FROM corpus WHERE analysis = ?", (analysis,)).fetchone()
            return row is not None and row[0] == version and row[1] == signature
        return self._run(run, False)

    def put_corpus(self, analysis: str, version: str, signature: str, data: bytes) -> None:
        def run(conn):
            with _transaction(conn):
                conn.execute("INSERT OR REPLACE INTO corpus VALUES (?, ?, ?, ?, ?, ?)",
                             (analysis, version, signature, zlib.crc32(data), data, time.time()))
        self._run(run)

    def drop_corpus(self, analysis: str) -> None:
        def run(conn):
            with _transaction(conn):
                conn.execute("DELETE FROM corpus WHERE analysis = ?", (analysis,))
        self._run(run)

    # --- article rows ------------------------------------------------------------------------
    def get_articles(self, analysis: str, version: str) -> dict[str, tuple[str, bytes]]:
        """doc id -> (fingerprint, blob) of every row of this analysis at this version."""
        def run(conn):
            out = {}
            for doc, fp, crc, data in conn.execute(
                    "SELECT doc, fingerprint, crc, data FROM article WHERE analysis = ? AND version = ?",
                    (analysis, version)):
                out[doc] = (fp, _checked(crc, data))
            return out
        return self._run(run, {})

    def put_articles(self, analysis: str, version: str, rows: Iterable[tuple[str, str, bytes]],
                     keep: set[str] | None = None) -> None:
        """Store ``(doc, fingerprint, blob)`` rows; with ``keep``, drop this analysis's other rows."""
        rows = [(doc, analysis, version, fp, zlib.crc32(data), data) for doc, fp, data in rows]

        def run(conn):
            with _transaction(conn):
                if keep is not None:
                    present = [d for (d,) in conn.execute("SELECT doc FROM article WHERE analysis = ?", (analysis,))]
                    conn.executemany("DELETE FROM article WHERE analysis = ? AND doc = ?",
                                     [(analysis, d) for d in present if d not in keep])
                conn.executemany("INSERT OR REPLACE INTO article VALUES (?, ?, ?, ?, ?, ?)", rows)
        self._run(run)

    # --- renderings kept in parts -------------------------------------------------------------
    def put_parts(self, analysis: str, version: str, signature: str, head: bytes,
                  parts: Iterable[tuple[str, bytes]]) -> bool:
        """A value kept as a head (a corpus row) and parts by key (article rows under the same
        signature), written in one transaction: a reader that finds the head finds every part.
        False when the store took nothing (busy, read-only, damaged or switched off)."""
        def run(conn):
            with _transaction(conn):
                conn.execute("DELETE FROM article WHERE analysis = ?", (analysis,))
                conn.executemany("INSERT INTO article VALUES (?, ?, ?, ?, ?, ?)",
                                 ((key, analysis, version, signature, zlib.crc32(data), data) for key, data in parts))
                conn.execute("INSERT OR REPLACE INTO corpus VALUES (?, ?, ?, ?, ?, ?)",
                             (analysis, version, signature, zlib.crc32(head), head, time.time()))
            return True
        return self._run(run, False)

    def get_part(self, analysis: str, version: str, signature: str, key: str) -> bytes | None:
        def run(conn):
            row = conn.execute("SELECT version, fingerprint, crc, data FROM article WHERE analysis = ? AND doc = ?",
                               (analysis, key)).fetchone()
            if row is None or row[0] != version or row[1] != signature:
                return None
            return _checked(row[2], row[3])
        return self._run(run)

    # --- what `reader cache info` shows ----------------------------------------------------------
    def info(self) -> dict:
        def run(conn):
            per: dict[str, dict] = {}
            for analysis, n, size in conn.execute(
                    "SELECT analysis, COUNT(*), SUM(LENGTH(data)) FROM article GROUP BY analysis"):
                per.setdefault(analysis, {"articles": 0, "corpus": False, "bytes": 0})
                per[analysis]["articles"] = n
                per[analysis]["bytes"] += size or 0
            for analysis, size in conn.execute("SELECT analysis, LENGTH(data) FROM corpus"):
                per.setdefault(analysis, {"articles": 0, "corpus": False, "bytes": 0})
                per[analysis]["corpus"] = True
                per[analysis]["bytes"] += size or 0
            files = conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]
            return {"files": files, "analyses": dict(sorted(per.items()))}
        return self._run(run, {"files": 0, "analyses": {}})


def _checked(crc: int, data: bytes) -> bytes:
    if zlib.crc32(data) != crc:
        raise StoreCorrupt("a stored entry fails its checksum")
    return data


def _add_file_columns(conn: sqlite3.Connection) -> None:
    """A store made before fingerprints recorded the inode and the time of the check gains the two
    columns (its hashes are then checked once more, not trusted): its analyses stay valid."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(files)")}
    if have and not {"ino", "checked_ns"} <= have:
        with _transaction(conn):
            have = {row[1] for row in conn.execute("PRAGMA table_info(files)")}
            for column in ("ino", "checked_ns"):
                if column not in have:
                    default = -1 if column == "ino" else 0
                    conn.execute(f"ALTER TABLE files ADD COLUMN {column} INTEGER NOT NULL DEFAULT {default}")


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] > 0


def _is_busy(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT: a writer takes the write lock up front (waiting out the busy
    timeout), so two processes never interleave half-updates."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        return False


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def store_files(roots: list[str] | None = None) -> Iterator[Path]:
    """The store files of these roots (all of them when ``roots`` is None)."""
    if roots is not None:
        p = store_path(roots)
        if p.exists():
            yield p
        return
    folder = cache_dir()
    if folder.is_dir():
        yield from sorted(folder.glob(f"{PREFIX}*{SUFFIX}"))


def remove_store(path: Path) -> None:
    _remove(path)
