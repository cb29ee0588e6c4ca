"""Opening a corpus in the app: the list and the first article first, the analyses after.

The article list and the article to read are shown as soon as the files are listed; the work
that reads every article (sentences, entities, quotations, notes) starts only once that first
article has been painted, so on a large folder it never delays the first thing the reader sees.
"""

from __future__ import annotations

import time

from textual import work
from textual.worker import get_current_worker

from ..core.document import Corpus
from ..core.index import Index
from ..core.loader import LoadOptions, load_paths, segment_all
from .messages import AnalysisProgress, reporting_to


# How long the app's start waits for the head of the list (found as it starts, in a fraction of a second
# on a local disk): no longer than the listing's progress would have shown before something else.
FIRST_SCREEN_WAIT = 0.5


class StartupMixin:
    """ReaderApp's loading: ``load_corpus`` (a worker) and what it shows when done."""

    def start_loading(self) -> None:
        """The corpus listed at launch (``preload``, a folder opened before) is shown at once; without
        one a worker lists the folder, showing its progress."""
        listed, self._preload = self._preload, None
        if listed is None:
            if self._first is None and self._ahead is not None:
                docs = self._ahead.first_screen(timeout=FIRST_SCREEN_WAIT)
                self._first = {d.id: d for d in docs} if docs else None
            if self._first is not None and self._saved_place() is None:
                self._show_first_screen(list(self._first.values()))
                self.call_after_refresh(self.load_corpus)  # after the paint: its thread would hold it back
                return
            self._first = None
            self.load_corpus()
            return
        number, index = self._read_corpus(corpus=listed)
        self._corpus_loaded(index, number)  # with the app's first paint: the panes lay out again once sized

    def _saved_place(self) -> dict | None:
        """Where the reader left this corpus (``{"doc", "offset"}``), when the app is to go back there."""
        if not self.config.get("ui", "restore_position"):
            return None
        saved = self.state.get(self.paths)
        return saved if saved.get("doc") else None

    def _show_first_screen(self, docs: list) -> None:
        """The head of the list and its first article while the folder is listed: the reader can read
        at once; the list grows, and the analyses start, when every file has been read."""
        self.article_list.set_documents(docs, provisional=True)
        first = self.article_list.ordered[0]
        self.open_document(first.id, restore=True)

    def _read_corpus(self, progress=None, corpus: Corpus | None = None) -> tuple[int, Index]:
        number = next(self._loads)
        if corpus is None:
            corpus = self._list_files(progress)
        corpus.errors.extend(self._add_errors)
        return number, Index(corpus, self.config, notes_path=self.notes_path)

    def _list_files(self, progress=None) -> Corpus:
        ahead, self._ahead = self._ahead, None  # what was read ahead serves the first listing only
        return load_paths(
            self.paths + self._extra_paths,
            LoadOptions.of(self.config),
            progress=progress,
            ahead=ahead,
        )

    @work(thread=True, exclusive=True, group="load")
    def load_corpus(self) -> None:
        worker = get_current_worker()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] > 0.1 or done == total:
                last[0] = now
                if not worker.is_cancelled:
                    self.call_from_thread(self.article_list.set_progress, done, total)

        number, index = self._read_corpus(progress)
        if not worker.is_cancelled:
            self.call_from_thread(self._corpus_loaded, index, number)

    def _corpus_loaded(self, index: Index, number: int = 0, keep: bool = False) -> None:
        if number < self._shown_load:
            return  # a reload that began later has been shown already
        self._shown_load = number
        provisional, self._first = self._first is not None, None
        if (keep or provisional) and self.current_doc is not None:
            # a reload (articles were added): stay on the article and the place being read
            self._keep = (self.current_doc.id, self.article_view.top_offset)
            self.current_doc = None
        self.index = index
        corpus: Corpus = index.corpus
        self.article_list.set_documents(corpus.documents, errors=len(corpus.errors))
        if self._on_shown is not None:
            self.call_after_refresh(self._shown)
        n = len(corpus.documents)
        self.sub_title = f"{n} article{'s' if n != 1 else ''}"
        if not keep:  # a reload after an add tells its own failures when it ends
            self._tell_errors(corpus)
        if not corpus.documents:
            self.article_view.show(None)
            self.sidebar.no_articles()
            self.notify("No article could be loaded from the paths given.", severity="error", timeout=12)
            return
        self.split.set_index(index)
        doc_id, offset = self._restored_position(corpus)
        self.open_document(doc_id, offset, restore=True)
        # The article is on screen after the next refresh; the analyses start after it.
        self.call_after_refresh(self._analyse, index)

    def _shown(self) -> None:
        on_shown, self._on_shown = self._on_shown, None
        if on_shown is not None:
            on_shown()

    def _tell_errors(self, corpus: Corpus) -> None:
        if corpus.errors:
            first = corpus.errors[0]
            more = f" (and {len(corpus.errors) - 1} more: ctrl+p › Load problems)" if len(corpus.errors) > 1 else ""
            self.notify(f"{first.path}: {first.error}{more}", title="Not loaded", severity="warning", timeout=8,
                        markup=False)  # a file name is data, not markup

    def _analyse(self, index: Index) -> None:
        if index is not self.index:
            return  # a reload replaced it before it was painted
        self.sidebar.set_index(index)
        self.post_message(self.IndexReady(index))
        self._segment(index)

    @work(thread=True, exclusive=True, group="segment")
    def _segment(self, index: Index) -> None:
        # Sentences of every article while the reader reads; the cache keeps them for next time.
        with reporting_to(self):
            segment_all(index.corpus)

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        """How far each analysis has got: under the article list, and in the tabs waiting for it."""
        running = self._analyses
        if message.done >= message.total:
            running.pop(message.name, None)
        else:
            running[message.name] = f"{message.name} {message.done:,} / {message.total:,}"
        self.article_list.set_activity(" · ".join(running.values()))
        self.sidebar.show_progress(message.name, message.done, message.total)

    def _restored_position(self, corpus: Corpus) -> tuple[str, int | None]:
        ordered = self.article_list.ordered
        keep, self._keep = self._keep, None
        if keep and keep[0] in {d.id for d in corpus.documents}:
            return keep
        saved = self._saved_place()
        if saved is not None and saved["doc"] in {d.id for d in corpus.documents}:
            return saved["doc"], int(saved.get("offset") or 0)
        return ordered[0].id, None
