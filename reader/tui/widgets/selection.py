"""Selecting a passage of the article, with keys or the mouse, to annotate it.

A mixin for ArticleView: it only needs ``doc``, ``offset_at``, ``set_marks``,
``clear_marks``, ``marks``, ``scroll_to_offset`` and ``layout_``. Everything
is in text offsets (``Document.text``): the selection survives reflow and
resizing because it never holds a screen position.

Keys: ``v`` starts a selection at the cursor sentence (the last clicked one if
it is on screen, else the highlighted passage, else the first sentence in
view); ``shift+down``/``shift+up`` (or ``)``/``(``) extend or shrink it by a
sentence, ``shift+right``/``shift+left`` (or ``w``/``B``) by a word; ``a``
annotates it (or the cursor sentence when nothing is selected); ``escape``
drops it. A mouse drag selects whole words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from textual import events
from textual.binding import Binding
from textual.widget import Widget

_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]+")


class SelectionMixin(Widget):
    """Keyboard and mouse selection of a passage (see the module docstring).

    List it AFTER the widget's real base (``class ArticleView(ScrollView,
    SelectionMixin)``): Textual takes a widget's default CSS from the first
    base only, and bindings from the whole MRO."""

    BINDINGS = [
        Binding("v", "select_start", "Select", id="select-start"),
        Binding("shift+down,right_parenthesis", "select_step('sentence', 1)", "Extend by sentence", show=False,
                id="select-sentence-next"),
        Binding("shift+up,left_parenthesis", "select_step('sentence', -1)", "Shrink by sentence", show=False,
                id="select-sentence-prev"),
        Binding("shift+right,w", "select_step('word', 1)", "Extend by word", show=False, id="select-word-next"),
        Binding("shift+left,B", "select_step('word', -1)", "Shrink by word", show=False, id="select-word-prev"),
        Binding("a", "annotate", "Annotate", id="annotate"),
        Binding("escape", "select_cancel", "Drop selection", show=False, id="select-cancel"),
    ]

    _sel_anchor: tuple[int, int] | None = None  # the unit the selection started on
    _sel_head: int | None = None  # the moving boundary
    _sel_doc_id: str | None = None
    _last_click: int | None = None
    _drag_from: int | None = None
    _dragged = False

    # --- state -----------------------------------------------------------
    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected passage ``(start, end)`` of the current document, or None."""
        doc = getattr(self, "doc", None)
        if self._sel_anchor is None or self._sel_head is None or doc is None or doc.id != self._sel_doc_id:
            return None
        a0, a1 = self._sel_anchor
        return min(a0, self._sel_head), max(a1, self._sel_head)

    def set_selection(self, start: int, end: int) -> None:
        doc = getattr(self, "doc", None)
        if doc is None or end <= start:
            return
        self._sel_anchor, self._sel_head, self._sel_doc_id = (start, end), end, doc.id
        self._show_selection()

    def clear_selection(self) -> None:
        self._sel_anchor = self._sel_head = self._sel_doc_id = None
        self.clear_marks("selection")

    def _show_selection(self) -> None:
        sel = self.selection
        if sel is None:
            self.clear_marks("selection")
            return
        self.set_marks("selection", [sel])
        self._keep_visible(self._sel_head if self._sel_head is not None else sel[1])

    def _keep_visible(self, offset: int) -> None:
        layout = self.layout_
        if layout is None:
            return
        row, _ = layout.to_display(max(0, offset - 1))
        top, height = int(self.scroll_y), self.scrollable_content_region.height or 1
        if not top <= row < top + height:
            self.scroll_to_offset(offset)

    # --- the cursor ------------------------------------------------------
    def _visible(self, offset: int) -> bool:
        layout = self.layout_
        if layout is None:
            return False
        row, _ = layout.to_display(offset)
        top = int(self.scroll_y)
        return top <= row < top + (self.scrollable_content_region.height or 1)

    def cursor_offset(self) -> int:
        """Where ``v`` starts: last click, else the highlighted passage, else the top of the view."""
        if self._last_click is not None and self._visible(self._last_click):
            return self._last_click
        focus = self.marks("focus")
        if focus and self._visible(focus[0][0]):
            return focus[0][0]
        return self.top_offset

    def _sentence_at(self, offset: int) -> tuple[int, int] | None:
        doc = self.doc
        if doc is None or not doc.sentences:
            return None
        s = doc.sentences[doc.sentence_index_at(offset)]
        if offset >= s.end:  # in the gap after a sentence: take the next one
            i = bisect_right([x.start for x in doc.sentences], offset)
            if i < len(doc.sentences):
                s = doc.sentences[i]
        return s.start, s.end

    # --- keys ------------------------------------------------------------
    def action_select_start(self) -> None:
        if self.selection is not None:
            self.clear_selection()
            return
        span = self._sentence_at(self.cursor_offset())
        if span is None:
            self.app.bell()
            return
        self.set_selection(*span)

    def action_select_cancel(self) -> None:
        self.clear_selection()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # Without a selection escape is not ours: it goes on to the screen and the app.
        if action == "select_cancel" and self.selection is None:
            return False
        return super().check_action(action, parameters)

    def _units(self, unit: str) -> tuple[list[int], list[int]]:
        doc = self.doc
        if unit == "sentence":
            return [s.start for s in doc.sentences], [s.end for s in doc.sentences]
        words = [m.span() for m in _WORD.finditer(doc.text)]
        return [w[0] for w in words], [w[1] for w in words]

    def action_select_step(self, unit: str, direction: int) -> None:
        if self.selection is None:
            self.action_select_start()
            return
        assert self._sel_anchor is not None and self._sel_head is not None
        a0, a1 = self._sel_anchor
        head = self._sel_head
        starts, ends = self._units(unit)
        new = head
        if direction > 0:
            if head >= a1:  # grow forward to the next unit end
                i = bisect_right(ends, head)
                new = ends[i] if i < len(ends) else head
            else:  # the selection reaches back before the anchor: shrink it from the left
                i = bisect_right(starts, head)
                new = starts[i] if i < len(starts) and starts[i] < a0 else a1
        else:
            if head > a1:  # shrink from the right, never below the anchor
                i = bisect_left(ends, head) - 1
                new = ends[i] if i >= 0 and ends[i] > a1 else a1
            else:  # grow backward from the start
                i = bisect_left(starts, min(head, a0)) - 1
                new = starts[i] if i >= 0 else head
        if new == head:
            self.app.bell()
            return
        self._sel_head = new
        self._show_selection()

    def action_annotate(self) -> None:
        doc = self.doc
        if doc is None:
            return
        sel = self.selection or self._sentence_at(self.cursor_offset())
        if sel is None:
            self.app.bell()
            return
        from ..screens.annotate import open_annotate

        open_annotate(self.app, doc, sel[0], sel[1], on_done=self.clear_selection)

    # --- mouse -----------------------------------------------------------
    def _offset_clamped(self, x: int, y: int) -> int | None:
        height = self.scrollable_content_region.height or 1
        y = max(0, min(int(y), height - 1))
        off = self.offset_at(max(0, int(x)), y)
        if off is None:  # past the end of a line, or a blank line: the nearest text on that row
            for dx in range(int(x), -1, -1):
                off = self.offset_at(dx, y)
                if off is not None:
                    break
        return off

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if getattr(self, "doc", None) is None or event.button != 1:
            return
        self._drag_from = self._offset_clamped(event.x, event.y)
        self._dragged = False
        if self._drag_from is not None:
            self._last_click = self._drag_from
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_from is None:  # between mouse down and up every move is a drag
            return
        here = self._offset_clamped(event.x, event.y)
        if here is None or here == self._drag_from and not self._dragged:
            return
        self._dragged = True
        start, end = sorted((self._drag_from, here))
        start, end = self._to_words(start, end)
        if end > start:
            self._sel_anchor, self._sel_head, self._sel_doc_id = (start, end), end, self.doc.id
            self.set_marks("selection", [(start, end)])

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag_from is not None:
            self.release_mouse()
        self._drag_from = None

    def _to_words(self, start: int, end: int) -> tuple[int, int]:
        """Grow a dragged range to whole words."""
        text = self.doc.text
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum() or end < len(text) and end == start:
            end += 1
        return start, end
