"""Side by side: the article pane split in two, the article being read and another one.

Scrolling one keeps the other at the matching passage where there is one (``reader.core.align``:
sentences sharing rare words, and the passages the comparison knows report the same fact). Only the
pane the reader moves leads; the other follows, so the two never chase each other. The two passages of
a fact opened side by side stay level while the leader's is in view. Wide terminals
put the two next to each other, narrow ones one above the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.containers import Container

from ...core.document import Document
from ...core.loader import sort_key
from ..reflow import one_line
from .article_view import ArticleView

if TYPE_CHECKING:  # imported where used (in a worker), not at start
    from ...core.align import Alignment

SIDE_BY_SIDE = 100  # from this many columns of terminal the two articles sit next to each other


class SplitPane(Container):
    """The article pane; split in two with | (escape or | again closes the second article)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = None
        self.alignment: Alignment | None = None  # main article's offsets on side "a"
        self._syncing = False
        self._pinned = None  # the two passages opened together, while both are still highlighted

    def compose(self):
        yield ArticleView(id="article")
        yield ArticleView(id="article-other")

    @property
    def main(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def other(self) -> ArticleView:
        return self.query_one("#article-other", ArticleView)

    @property
    def is_open(self) -> bool:
        return self.has_class("-split")

    def on_mount(self) -> None:
        self.watch(self.main, "scroll_y", lambda: self._follow(self.main), init=False)
        self.watch(self.other, "scroll_y", lambda: self._follow(self.other), init=False)

    def set_index(self, index) -> None:
        self.index = index
        if self.is_open and (self.other.doc is None or index.doc(self.other.doc.id) is None):
            self.close()

    # --- opening and closing ---------------------------------------------------
    def open(self, doc: Document, start: int | None = None, end: int | None = None) -> None:
        """Show ``doc`` beside the article being read; with ``start``, at that passage, highlighted."""
        self.add_class("-split")
        # once the pane is shown: laid out at a width it never had, the article would wrap anew and
        # the passage drift out of view
        self.call_after_refresh(self._show, doc, start, end)

    def _show(self, doc: Document, start: int | None, end: int | None) -> None:
        if not self.is_open:
            return
        view = self.other
        view.reflow = self.main.reflow
        if view.doc is not doc:
            view.show(doc)
            self.alignment = None
            self._align()
        if start is not None:
            view.jump_to(start, end)
            self._pinned = (self.main.marks("focus")[:1], view.marks("focus")[:1])
        else:
            view.clear_marks("focus")
            self._pinned = None

    def choose(self, current: Document) -> None:
        """Open another article beside ``current``: the only other one, else the one picked."""
        others = [d for d in (self.index.documents if self.index is not None else []) if d.id != current.id]
        if not others:
            self.app.notify("no other article to read beside this one", severity="warning")
            return
        if len(others) == 1:
            self.open(others[0])
            return
        from ..screens.entity_picker import PickerScreen

        others.sort(key=sort_key)
        choices = [(d.id, f"{one_line(d.title or d.id)} · {d.date_iso or 'no date'} · "
                          f"{one_line(d.source or 'source unknown')}") for d in others]

        def chosen(doc_id: str | None) -> None:
            doc = self.index.doc(doc_id) if doc_id and self.index is not None else None
            if doc is not None:
                self.open(doc)

        self.app.push_screen(PickerScreen("Read beside this article…", choices, "type a few words of its title"),
                             chosen)

    def close(self) -> None:
        self._pinned = None
        self.remove_class("-split")
        self.other.show(None)
        self.alignment = None

    def on_article_view_document_shown(self, event: ArticleView.DocumentShown) -> None:
        main = self.main.doc
        if self.is_open and event.doc is main and (self.alignment is None or self.alignment.a != main.id):
            self.alignment = None  # another article on the left: pair it anew
            self._align()

    # --- pairing the passages ----------------------------------------------------
    def _align(self) -> None:
        a, b = self.main.doc, self.other.doc
        if a is not None and b is not None:
            self._align_in_thread(a, b, self._anchors(a, b))

    @work(thread=True, exclusive=True, group="split-align")
    def _align_in_thread(self, a: Document, b: Document, anchors: list[tuple[int, int, int, int]]) -> None:
        from ...core.align import align_passages

        alignment = align_passages(a, b, anchors)
        self.app.call_from_thread(self._aligned, alignment)

    def _aligned(self, alignment: Alignment) -> None:
        a, b = self.main.doc, self.other.doc
        if a is not None and b is not None and (alignment.a, alignment.b) == (a.id, b.id):
            self.alignment = alignment

    def _anchors(self, a: Document, b: Document) -> list[tuple[int, int, int, int]]:
        """Passages the comparison knows report the same fact, if it has been built: building it
        here would keep a large corpus waiting for a side view."""
        comparison = self.index.__dict__.get("compare") if self.index is not None else None
        if comparison is None:
            return []
        out = []
        for fact in comparison.facts:
            x, y = fact.item_for(a.id), fact.item_for(b.id)
            if x is not None and y is not None:
                out.append((x.start, x.end, y.start, y.end))
        return out

    # --- following ---------------------------------------------------------------
    def _leader(self) -> ArticleView:
        focused = self.app.focused
        return self.other if focused is self.other else self.main

    def _follow(self, moved: ArticleView) -> None:
        if self._syncing or not self.is_open or moved is not self._leader():
            return
        follower = self.other if moved is self.main else self.main
        side = "a" if moved is self.main else "b"
        lead, follow = moved.layout_, follower.layout_
        if lead is None or follow is None:
            return
        top = int(moved.scroll_y)
        height = moved.scrollable_content_region.height or 1
        seen = (_offset_at_row(lead, top), _offset_at_row(lead, top + height))
        here, there = moved.marks("focus")[:1], follower.marks("focus")[:1]
        pinned = self._pinned if moved is self.main else (self._pinned[::-1] if self._pinned else None)
        if here and pinned == (here, there) and seen[0] <= here[0][0] < seen[1]:
            # the two passages of a fact (or of "also in") opened together: they stay level
            mine, theirs = here[0][0], there[0][0]
        else:
            pair = self.alignment.nearest(_offset_at_row(lead, top + height // 3), within=seen, which=side) \
                if self.alignment is not None else None
            if pair is None:
                return  # nothing of this stretch is in the other article: leave it where it is
            mine, theirs = pair.side(side)[0], pair.other(side)[0]
        row = lead.to_display(mine)[0] - top
        target = follow.to_display(theirs)[0] - row
        self._syncing = True
        try:
            follower.scroll_to(y=max(0, target), animate=False, immediate=True)
        finally:
            self._syncing = False


def _offset_at_row(layout, row: int) -> int:
    """Text offset of the first text line at or after display ``row`` (the end of the text past it)."""
    lines = layout.lines
    for r in range(max(0, row), len(lines)):
        if lines[r].is_text:
            return lines[r].start
    return max((l.end for l in lines if l.is_text), default=0)

