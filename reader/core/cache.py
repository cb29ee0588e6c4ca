"""Derived data of loaded articles, cached per corpus.

Reopening a corpus should not re-parse headers, titles and sentence spans of
files that did not change. Entries are keyed by the file's real path and
checked against its size and modification time; anything else (a new pickle
format, a corrupt file) just means a cold load.
"""

from __future__ import annotations

import datetime as _dt
import pickle
from array import array
from dataclasses import dataclass
from pathlib import Path

from .collector import paused
from .dirs import cache_dir, corpus_key
from .document import Document
from .spans import pack_spans

FORMAT = 3


def corpus_cache_path(roots: list[str], kind: str) -> Path:
    return cache_dir() / f"{kind}-{corpus_key(roots)}.pickle"


@dataclass
class Entry:
    size: int
    mtime_ns: int
    text_start: int  # where Document.text starts in the decoded file
    encoding: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    author: str | None
    warnings: list[str]
    sentences: array | None  # None until the document has been segmented once
    paragraphs: array | None
    text: str | None = None  # a saved page's extracted text: its file holds HTML, not the text


class DerivedCache:
    def __init__(self, roots: list[str]):
        self.path = corpus_cache_path(roots, "docs")
        self.entries: dict[str, Entry] = {}
        self.dirty = False
        try:
            with open(self.path, "rb") as fh, paused():  # tens of thousands of acyclic objects
                data = pickle.load(fh)
            if isinstance(data, dict) and data.get("format") == FORMAT:
                self.entries = data["entries"]
        except Exception:  # a missing or unreadable cache is a cold start, nothing more
            self.entries = {}

    def lookup(self, key: str, size: int, mtime_ns: int) -> Entry | None:
        e = self.entries.get(key)
        if e is not None and e.size == size and e.mtime_ns == mtime_ns:
            return e
        return None

    def store(
        self, key: str, size: int, mtime_ns: int, doc: Document, text_start: int, encoding: str,
        text: str | None = None,
    ) -> None:
        self.put(key, entry_of(size, mtime_ns, doc, text_start, encoding, text))

    def put(self, key: str, entry: Entry) -> None:
        self.entries[key] = entry
        self.dirty = True

    def store_spans(self, key: str, doc: Document) -> None:
        e = self.entries.get(key)
        if e is not None and e.sentences is None:
            self.store_packed(key, pack_spans(doc.paragraphs), pack_spans(doc.sentences))

    def store_packed(self, key: str, paragraphs, sentences) -> None:
        """The spans of the file at ``key`` as ``pack_spans`` gives them."""
        e = self.entries.get(key)
        if e is not None and e.sentences is None:
            e.sentences, e.paragraphs = sentences, paragraphs
            self.dirty = True

    def retain(self, keys: set[str]) -> None:
        """Forget files no longer in the corpus, so the cache does not grow forever."""
        gone = set(self.entries) - keys
        for k in gone:
            del self.entries[k]
        self.dirty = self.dirty or bool(gone)

    def save(self) -> None:
        if not self.dirty:
            return
        from .fsutil import PRIVATE, atomic_write

        try:
            data = pickle.dumps({"format": FORMAT, "entries": self.entries}, protocol=pickle.HIGHEST_PROTOCOL)
            atomic_write(self.path, data, mode=PRIVATE)
            self.dirty = False
        except OSError:
            pass  # a read-only cache folder costs speed, not correctness


def entry_of(size: int, mtime_ns: int, doc: Document, text_start: int, encoding: str,
             text: str | None = None) -> Entry:
    """What the cache keeps of a document read from its file."""
    return Entry(size, mtime_ns, text_start, encoding, doc.title, doc.date_iso, doc.source, doc.url, doc.author,
                 list(doc.warnings), None, None, text)


class CachedDocument(Document):
    """A document whose metadata came from the cache: its text is read from
    the file on first use, so reopening a large corpus lists it at once."""

    @property  # type: ignore[override]
    def text(self) -> str:
        value = self.__dict__.get("_text_value")
        if value is None:
            value = self._load_text()
            self.__dict__["_text_value"] = value
        return value

    @text.setter
    def text(self, value: str | None) -> None:
        self.__dict__["_text_value"] = value

    def _load_text(self) -> str:
        from .decoding import decode
        from .errors import ReaderError

        entry: Entry = self.__dict__["_entry"]
        if entry.text is not None:
            return entry.text
        try:
            with open(self.path, "rb") as fh:
                data = fh.read(entry.size + 1)
            if len(data) != entry.size:
                raise ReaderError("the file changed after it was listed; reopen to reload it")
            return decode(data, entry.encoding)[0][entry.text_start:]
        except (OSError, ReaderError) as exc:
            self.warnings.append(f"text unavailable: {exc}")
            return ""


def document_from_entry(e: Entry, doc_id: str, path: Path) -> Document:
    doc = CachedDocument(
        id=doc_id, path=path, text=None, title=e.title,  # type: ignore[arg-type]
        date=_dt.date.fromisoformat(e.date) if e.date else None,
        source=e.source, url=e.url, author=e.author, warnings=list(e.warnings),
        _sentences=e.sentences, _paragraphs=e.paragraphs,  # unpacked on first use; None: not yet segmented
    )
    doc.__dict__["_entry"] = e
    return doc
