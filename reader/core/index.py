"""The Index: the one object the CLI and the TUI query.

It owns the corpus and builds each analysis on first use, so a command that
needs only the article list never pays for entity extraction or the search
engine. Each part is a pure function of the documents (plus the parts it
depends on), so the faces can build them in a worker thread.
"""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .document import Corpus, Document

if TYPE_CHECKING:  # imported lazily at run time: each part is optional work
    from ..config import Config


class Index:
    def __init__(self, corpus: Corpus, config: "Config | None" = None, notes_path: Path | None = None):
        from ..config import Config

        self.corpus = corpus
        self.config = config or Config()
        self._notes_path = notes_path
        self._lock = threading.RLock()  # cached_property is not thread-safe on its own
        self._docs = {d.id: d for d in corpus.documents}

    @property
    def documents(self) -> list[Document]:
        return self.corpus.documents

    def doc(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    # --- where user files live -------------------------------------------
    def first_folder(self) -> Path:
        """The folder of the first path given: home of annotations.yaml."""
        roots = getattr(self.corpus, "roots", None) or []
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
    @cached_property
    def entities(self):
        """EntityIndex over all documents (reader.core.entities)."""
        from .entities import build_entity_index

        with self._lock:
            return build_entity_index(self.documents, corrections_path=self.corrections_path)

    @cached_property
    def quotes(self):
        """Quotations with speakers and cross-article matches (reader.core.quotes)."""
        from .quotes import build_quote_index

        with self._lock:
            return build_quote_index(self.documents, self.entities)

    @cached_property
    def search(self):
        """The finder's search engine over sentences, quotes and entity names (reader.core.search)."""
        from .search import SearchIndex

        with self._lock:
            return SearchIndex.open(self)

    @cached_property
    def timeline(self):
        """Time expressions resolved to dates, as events (reader.core.dates)."""
        from .dates import build_timeline

        with self._lock:
            return build_timeline(self.documents, self.entities)

    @cached_property
    def notes(self):
        """The annotation store, anchored against the current texts (reader.core.annotations)."""
        from .annotations import AnnotationStore

        with self._lock:
            # One store per Index: a second thread that waited on the lock must
            # not open another (two stores would each hold part of the changes).
            if "notes" in self.__dict__:
                return self.__dict__["notes"]
            max_mb = float(self.config.get("annotations", "max_file_mb"))
            store = AnnotationStore.open(self.notes_path, self.documents, max_bytes=int(max_mb * 1024 * 1024),
                                         use_cache=bool(self.config.get("load", "cache")))
            self.__dict__["notes"] = store
            return store
