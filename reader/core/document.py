"""The document model: one article, its text and the spans derived from it.

Every offset in the product indexes into ``Document.text``; nothing else is an
offset space.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from .spans import Span, unpack_spans

__all__ = ["Corpus", "Document", "LoadError", "Span", "unpack_spans"]


@dataclass(eq=False)
class Document:
    id: str
    path: Path
    text: str
    title: str = ""
    date: _dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    warnings: list[str] = field(default_factory=list)
    _sentences: list[Span] | None = field(default=None, repr=False)
    _paragraphs: list[Span] | None = field(default=None, repr=False)

    @property
    def sentences(self) -> list[Span]:
        if self._sentences is None:
            from .segment import split_sentences

            self._sentences = split_sentences(self.text, self.paragraphs)
        elif not isinstance(self._sentences, list):
            self._sentences = unpack_spans(self._sentences)
        return self._sentences

    @property
    def paragraphs(self) -> list[Span]:
        if self._paragraphs is None:
            from .segment import split_paragraphs

            self._paragraphs = split_paragraphs(self.text)
        elif not isinstance(self._paragraphs, list):
            self._paragraphs = unpack_spans(self._paragraphs)
        return self._paragraphs

    @property
    def file_signature(self) -> tuple[int, int, int]:
        """(size, mtime_ns, inode) of the file as it was when listed (the loader's stat), else as it is
        now: what says the file is the one whose text was hashed before (``fsutil.stat_signature``)."""
        sig = self.__dict__.get("_stat")
        if sig is None:
            from .fsutil import stat_signature

            sig = stat_signature(self.path)
        return sig

    @property
    def date_iso(self) -> str | None:
        return self.date.isoformat() if self.date else None

    @property
    def words(self) -> int:
        return len(self.text.split())

    def sentence_index_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the one just before it)."""
        import bisect

        sents = self.sentences
        i = bisect.bisect_right([s.start for s in sents], offset) - 1
        return max(0, min(i, len(sents) - 1)) if sents else -1

    def slice(self, span: Span | tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]


@dataclass(frozen=True)
class LoadError:
    path: str
    error: str


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)  # the paths as given, in order
    cache: object | None = field(default=None, repr=False)  # DerivedCache when caching is on

    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    def get(self, doc_id: str) -> Document | None:
        for d in self.documents:
            if d.id == doc_id:
                return d
        return None
