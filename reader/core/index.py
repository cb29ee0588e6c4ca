"""The Index: the one object the CLI and the TUI query.

It owns the corpus and builds each analysis on first use, so a command that
needs only the article list never pays for entity extraction or the search
engine. Each part is a pure function of the documents (plus the parts it
depends on), so the faces can build them in a worker thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .document import Corpus, Document

if TYPE_CHECKING:  # imported lazily at run time: each part is optional work
    from ..config import Config


class _part:
    """A part of the Index built on first use: once, even when a worker and
    the UI thread ask at the same moment (two annotation stores or entity
    lists would each hold half the truth). Each part has its own lock, so the
    finder's sentence index never waits for entity extraction. Assigning the
    attribute replaces the part (entity corrections publish a new list)."""

    def __init__(self, build):
        self.build = build
        self.name = build.__name__
        self.__doc__ = build.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        d = obj.__dict__
        if self.name in d:
            return d[self.name]
        with obj._part_lock(self.name):
            if self.name not in d:
                d[self.name] = self.build(obj)
            return d[self.name]


class Index:
    def __init__(self, corpus: Corpus, config: "Config | None" = None, notes_path: Path | None = None):
        from ..config import Config

        self.corpus = corpus
        self.config = config or Config()
        self._notes_path = notes_path
        self._lock = threading.Lock()  # guards _part_locks only
        self._part_locks: dict[str, threading.Lock] = {}
        self._docs = {d.id: d for d in corpus.documents}

    @property
    def documents(self) -> list[Document]:
        return self.corpus.documents

    def doc(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    # --- where user files live -------------------------------------------
    def first_folder(self) -> Path:
        """The folder of the first path given: home of annotations.yaml."""
        roots = self.corpus.roots
        if roots:
            p = Path(roots[0])
            return p if p.is_dir() else p.parent
        if self.documents:
            return self.documents[0].path.parent
        return Path.cwd()

    @property
    def notes_path(self) -> Path:
        if self._notes_path:
            return Path(self._notes_path)
        configured = self.config.get("annotations", "path")
        return Path(configured).expanduser() if configured else self.first_folder() / "annotations.yaml"

    @property
    def corrections_path(self) -> Path:
        configured = self.config.get("entities", "corrections")
        return Path(configured).expanduser() if configured else self.notes_path.parent / "entities.yaml"

    # --- analyses, built on first use ------------------------------------
    def _part_lock(self, name: str) -> threading.Lock:
        with self._lock:
            return self._part_locks.setdefault(name, threading.Lock())

    @_part
    def store(self):
        """The corpus's analysis store (reader.core.store), or None when ``load.cache`` is off."""
        if not self.config.get("load", "cache"):
            return None
        from .store import Store

        return Store.for_roots(list(self.corpus.roots))

    @_part
    def signatures(self):
        """What the stored analyses are keyed by (reader.core.stored); None without a store."""
        from .stored import Signatures

        return Signatures(self, self.store) if self.store is not None else None

    @_part
    def entities(self):
        """EntityIndex over all documents (reader.core.entities), from the store when current."""
        from . import stored

        return stored.entities(self, self.store, self.signatures)

    @_part
    def quotes(self):
        """Quotations with speakers and cross-article matches (reader.core.quotes)."""
        from . import stored

        return stored.quotes(self, self.store, self.signatures)

    @_part
    def search(self):
        """The finder's search engine over sentences, quotes and entity names (reader.core.search)."""
        from .search import SearchIndex

        return SearchIndex.open(self)

    @_part
    def timeline(self):
        """Time expressions resolved to dates, as events (reader.core.dates)."""
        from . import stored

        return stored.timeline(self, self.store, self.signatures)

    @_part
    def compare(self):
        """Figures and claims lined up across the articles: agree, differ, only (reader.core.compare)."""
        from . import stored

        return stored.compare(self, self.store, self.signatures)

    @_part
    def notes(self):
        """The annotation store, anchored against the current texts (reader.core.annotations)."""
        from .annotations import AnnotationStore

        max_mb = float(self.config.get("annotations", "max_file_mb"))
        return AnnotationStore.open(self.notes_path, self.documents, max_bytes=int(max_mb * 1024 * 1024),
                                    use_cache=bool(self.config.get("load", "cache")))

    def finder_items(self, search):
        """The finder's items kept in the store (reader.core.stored.finder_items), or None."""
        from . import stored

        return stored.finder_items(self, search)

    def persist(self) -> None:
        """Keep what was computed since the analyses were built (the quotations' matches, once all
        are known), so the next run of this corpus reuses it."""
        if "quotes" in self.__dict__:
            from . import stored

            stored.save_quote_matches(self, self.store, self.signatures)
