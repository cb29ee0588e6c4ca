"""The sentence index on disk: one folder per corpus, updated file by file.

``$XDG_CACHE_HOME/reader/search/<corpus key>/`` holds the tantivy index and a
manifest naming, for each article, the fingerprint it was indexed from (path,
size, modification time, inode, and a checksum of the text, so offsets can never
point into a different text) and its ordinal in the index. Opening compares
fingerprints: unchanged articles are not touched, changed and new ones are
re-indexed, removed ones deleted. Anything unreadable is rebuilt.

An article whose size, time and inode are those recorded is taken as unchanged
without reading its text (as git trusts its index): reopening 10,000 articles
then reads none of them. Only files changed shortly before they were checked
(``fsutil.settled``) have their text read and summed again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import ContextManager

from ..dirs import cache_dir
from ..document import Document
from ..fsutil import PRIVATE, atomic_write, exclusive_lock, settled
from . import engine as _engine

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the schema, analyzer or unit of indexing changes
MANIFEST = "manifest.json"
REBUILD_DEAD_FRACTION = 0.5  # past this share of deleted entries, rebuild compactly
LOCK_WAIT_SECONDS = 60.0  # longer than building 10,000 articles takes


def cache_root() -> Path:
    return cache_dir() / "search"


def corpus_key(roots: list[str], documents: list[Document]) -> str:
    """Which corpus this is: the paths it was opened with (resolved)."""
    names = [str(Path(r).resolve()) for r in roots] if roots else sorted(str(Path(d.path).resolve()) for d in documents)
    return hashlib.sha1("\n".join(names).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fingerprint(doc: Document, known: list | None = None, checked_ns: int = 0) -> list:
    """[path, size, mtime_ns, inode, text length, text checksum]; ``known`` (the recorded one, checked
    at ``checked_ns``) is returned as it is when the file's stat says it is the same file, unchanged."""
    size, mtime, ino = doc.file_signature
    path = str(doc.path)
    if (known is not None and len(known) == 6 and known[:4] == [path, size, mtime, ino]
            and settled(mtime, checked_ns)):
        return known
    crc = zlib.crc32(doc.text.encode("utf-8", "surrogatepass"))
    return [path, size, mtime, ino, len(doc.text), crc]


@dataclass
class OpenReport:
    """What opening did: the benchmark and tests read it."""

    built: bool = False  # a full build from scratch
    reused: int = 0  # articles taken from disk unchanged
    added: int = 0  # articles (re-)indexed
    removed: int = 0  # articles deleted from the index
    persisted: bool = True
    notes: list[str] = field(default_factory=list)


class SentenceStore:
    """Sentences of every article in a (persisted) tantivy index."""

    def __init__(self, engine: "_engine.TantivyEngine", ord_ids: list[str | None], report: OpenReport):
        self.engine = engine
        self.ord_ids = ord_ids  # ordinal -> article id (None once removed)
        self.report = report

    @classmethod
    def open(cls, documents: list[Document], roots: list[str], analyzer, persist: bool = True) -> "SentenceStore":
        report = OpenReport(persisted=persist)
        if persist:
            folder = cache_root() / corpus_key(roots, documents)
            try:
                with _folder_lock(folder):
                    return cls._open_dir(folder, documents, analyzer, report)
            except Exception as exc:  # a broken or locked cache must never stop the finder
                log.warning("search index at %s unusable (%s); indexing in memory", folder, exc)
                report = OpenReport(persisted=False, notes=[f"cache not used: {exc}"])
        engine = _engine.TantivyEngine.create(analyzer, None)
        ord_ids = cls._index_all(engine, documents)
        report.built, report.added = True, len(documents)
        return cls(engine, ord_ids, report)

    @staticmethod
    def _index_all(engine, documents: list[Document]) -> list[str | None]:
        writer = engine.writer()
        for i, d in enumerate(documents):
            engine.add(writer, i, d.text, d.sentences)
        engine.commit(writer)
        return [d.id for d in documents]

    @classmethod
    def _open_dir(cls, folder: Path, documents: list[Document], analyzer, report: OpenReport) -> "SentenceStore":
        manifest = _read_manifest(folder)
        checked = time.time_ns()
        known = manifest["docs"] if manifest is not None else {}
        since = manifest.get("checked_ns", 0) if manifest is not None else 0
        current = {d.id: fingerprint(d, known.get(d.id), since) for d in documents}
        if manifest is not None:
            try:
                engine = _engine.TantivyEngine.create(analyzer, str(folder))
            except Exception as exc:
                log.info("rebuilding search index: %s", exc)
                manifest = None
        if manifest is None:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
            engine = _engine.TantivyEngine.create(analyzer, str(folder))
            ord_ids = cls._index_all(engine, documents)
            _write_manifest(folder, current, ord_ids, checked)
            report.built, report.added = True, len(documents)
            return cls(engine, ord_ids, report)

        indexed: dict[str, list] = manifest["docs"]
        ord_ids: list[str | None] = manifest["ord_ids"]
        ord_of = {doc_id: i for i, doc_id in enumerate(ord_ids) if doc_id is not None}
        changed = [d for d in documents if indexed.get(d.id) != current[d.id]]
        gone = [doc_id for doc_id in indexed if doc_id not in current]
        report.reused = len(documents) - len(changed)
        if not changed and not gone:
            if any(current[d.id] is not indexed.get(d.id) for d in documents):
                # texts were read again (recently changed files): record when, so the next open trusts them
                _write_manifest(folder, current, ord_ids, checked)
            return cls(engine, ord_ids, report)

        dead = sum(1 for x in ord_ids if x is None) + len(gone) + sum(1 for d in changed if d.id in ord_of)
        if dead > REBUILD_DEAD_FRACTION * max(len(ord_ids), 1) and dead > 1000:
            shutil.rmtree(folder, ignore_errors=True)
            return cls._open_dir(folder, documents, analyzer, report)

        writer = engine.writer()
        for doc_id in gone + [d.id for d in changed]:
            if doc_id in ord_of:
                engine.delete_ord(writer, ord_of[doc_id])
                ord_ids[ord_of[doc_id]] = None
        # An update interrupted after its commit but before its manifest left
        # entries under ordinals the manifest never handed out: clear them.
        engine.delete_from_ord(writer, len(ord_ids))
        for d in changed:
            ord_ids.append(d.id)
            engine.add(writer, len(ord_ids) - 1, d.text, d.sentences)
        engine.commit(writer)
        _write_manifest(folder, current, ord_ids, checked)
        report.added, report.removed = len(changed), len(gone)
        return cls(engine, ord_ids, report)


def _folder_lock(folder: Path, wait: float = LOCK_WAIT_SECONDS) -> ContextManager[None]:
    """One process at a time builds or updates a corpus's index (the app and
    `reader find` may open the same corpus at once). The second waits, then
    reuses what the first wrote; past ``wait`` it raises and indexes in memory.
    Without flock (Windows), tantivy's own writer lock still guards the files."""
    return exclusive_lock(
        folder.parent / f"{folder.name}.lock", wait,
        lambda: TimeoutError(f"another process is indexing {folder}"),
        poll=0.05,
    )


def _read_manifest(folder: Path) -> dict | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("tantivy") != _tantivy_version():
        return None
    if not isinstance(data.get("docs"), dict) or not isinstance(data.get("ord_ids"), list):
        return None
    if not isinstance(data.get("checked_ns"), int):
        return None
    return data


def _write_manifest(folder: Path, docs: dict[str, list], ord_ids: list[str | None], checked_ns: int) -> None:
    """``checked_ns``: when the fingerprints were taken (before any text was read)."""
    data = {"format": FORMAT, "tantivy": _tantivy_version(), "docs": docs, "ord_ids": ord_ids,
            "checked_ns": checked_ns}
    # Derived data (a lost manifest means a rebuild), so not fsynced.
    atomic_write(folder / MANIFEST, json.dumps(data).encode("utf-8"), durable=False, mode=PRIVATE)


def _tantivy_version() -> str:
    try:
        from importlib.metadata import version

        return version("tantivy")
    except Exception:
        return "unknown"
