"""What screens and commands may ask of the app that hosts them.

Screens, the command palette's providers and the finder's stepping functions
are given the running app; they type it as ``ReaderHost`` so that none of them
imports ``ReaderApp`` (the app imports them). ``ReaderApp`` implements it; a
test checks that it does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ..core.document import Document
    from ..core.index import Index
    from .widgets.article_view import ArticleView
    from .widgets.sidebar import Sidebar


@runtime_checkable
class ReaderHost(Protocol):
    """The app as its screens see it; the Textual ``App`` methods (notify,
    push_screen, call_from_thread, run_worker, post_message...) come with it."""

    index: "Index | None"
    finder_session: Any  # the finder's query, results and position, kept between openings (None until it opens)

    current_doc: "Document | None"
    @property
    def article_view(self) -> "ArticleView": ...

    @property
    def sidebar(self) -> "Sidebar": ...

    def open_document(self, doc_id: str, offset: int | None = None, end: int | None = None,
                      restore: bool = False) -> None: ...

    def set_stepper(self, what: str, step: Callable[[int], None]) -> None: ...

    def show_sidebar_tab(self, tab_id: str, focus: str | None = None) -> None: ...
