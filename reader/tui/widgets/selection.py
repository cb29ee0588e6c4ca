"""Selecting a passage of the article, with keys or the mouse, to annotate it.

A mixin for ArticleView: it only needs ``doc``, ``offset_at``, ``set_marks``,
``clear_marks``, ``marks``, ``scroll_to_offset`` and ``layout_``. Everything
is in text offsets (``Document.text``): the selection survives reflow and
resizing because it never holds a screen position.

Keys: ``v`` starts a selection at the cursor sentence (the last clicked one if
it is on screen, else the highlighted passage, else the first sentence in
view); ``shift+down``/``shift+up`` (or ``)``/``(``) move its end to the next or
previous sentence end, ``shift+right``/``shift+left`` (or ``w``/``B``) to the
next or previous word end; ``o`` switches to moving its start (by sentence and
word starts), as in vim's visual mode; ``a`` annotates it (or the cursor
sentence when nothing is selected); ``escape`` drops it. A mouse drag selects
whole words.
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
        Binding("v", "select_start", "Select", id="select-start",
                tooltip="Select the cursor sentence (last clicked, else the highlighted passage, else the first in view)"),
        Binding("shift+down,right_parenthesis", "select_step('sentence', 1)", "Selection: next sentence", show=False,
                id="select-sentence-next", tooltip="Move the end of the selection to the next sentence end"),
        Binding("shift+up,left_parenthesis", "select_step('sentence', -1)", "Selection: previous sentence",
                show=False, id="select-sentence-prev",
                tooltip="Move the end of the selection to the previous sentence end"),
        Binding("shift+right,w", "select_step('word', 1)", "Selection: next word", show=False, id="select-word-next",
                tooltip="Move the end of the selection to the next word end"),
        Binding("shift+left,B", "select_step('word', -1)", "Selection: previous word", show=False,
                id="select-word-prev", tooltip="Move the end of the selection to the previous word end"),
        Binding("o", "select_swap", "Move the other end", show=False, id="select-swap",
                tooltip="Switch to moving the start of the selection, and back"),
        Binding("a", "annotate", "Annotate", id="annotate",
                tooltip="Annotate the selection (or the cursor sentence): tags and a note"),
        Binding("escape", "select_cancel", "Drop selection", show=False, id="select-cancel",
                tooltip="Drop the selection"),
    ]

    _sel: tuple[int, int] | None = None  # (start, end) in Document.text
    _sel_moves_start = False  # which end the movement keys move (o switches)
    _sel_doc_id: str | None = None
    _last_click: int | None = None
    _drag_from: int | None = None
    _dragged = False

    # --- state -----------------------------------------------------------
    @property
    def selection(self) -> tuple[int, int] | None:
        """The selected passage ``(start, end)`` of the current document, or None."""
        doc = getattr(self, "doc", None)
        if self._sel is None or doc is None or doc.id != self._sel_doc_id:
            return None
        return self._sel

    def set_selection(self, start: int, end: int) -> None:
        doc = getattr(self, "doc", None)
        if doc is None or end <= start:
            return
        self._sel, self._sel_doc_id, self._sel_moves_start = (start, end), doc.id, False
        self._show_selection()

    def clear_selection(self) -> None:
        self._sel = self._sel_doc_id = None
        self.clear_marks("selection")

    def _show_selection(self) -> None:
        sel = self.selection
        if sel is None:
            self.clear_marks("selection")
            return
        self.set_marks("selection", [sel])
        self._keep_visible(sel[0] + 1 if self._sel_moves_start else sel[1])

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
        # Without a selection escape and o are not ours: they go on to the screen
        # and the app (o: the same passage in another article).
        if action in ("select_cancel", "select_swap") and self.selection is None:
            return False
        return super().check_action(action, parameters)

    def _units(self, unit: str) -> tuple[list[int], list[int]]:
        doc = self.doc
        if unit == "sentence":
            return [s.start for s in doc.sentences], [s.end for s in doc.sentences]
        words = [m.span() for m in _WORD.finditer(doc.text)]
        return [w[0] for w in words], [w[1] for w in words]

    def action_select_step(self, unit: str, direction: int) -> None:
        """Move the active end (the end, unless ``o`` switched) to the next or
        previous sentence or word boundary; the selection never becomes empty."""
        sel = self.selection
        if sel is None:
            self.action_select_start()
            return
        start, end = sel
        starts, ends = self._units(unit)
        if self._sel_moves_start:
            if direction > 0:
                i = bisect_right(starts, start)
                new = starts[i] if i < len(starts) and starts[i] < end else start
            else:
                i = bisect_left(starts, start) - 1
                new = starts[i] if i >= 0 else start
            moved = (new, end)
        else:
            if direction > 0:
                i = bisect_right(ends, end)
                new = ends[i] if i < len(ends) else end
            else:
                i = bisect_left(ends, end) - 1
                new = ends[i] if i >= 0 and ends[i] > start else end
            moved = (start, new)
        if moved == sel:
            self.app.bell()
            return
        self._sel = moved
        self._show_selection()

    def action_select_swap(self) -> None:
        if self.selection is not None:
            self._sel_moves_start = not self._sel_moves_start
            self._keep_visible(self._sel[0] + 1 if self._sel_moves_start else self._sel[1])

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
        # Widget-relative cells, like offset_at: a drag into the padding or
        # past the edges holds at the nearest text cell.
        gutter = self.gutter
        height = self.scrollable_content_region.height or 1
        y = max(gutter.top, min(int(y), gutter.top + height - 1))
        x = max(gutter.left, int(x))
        off = self.offset_at(x, y)
        if off is None:  # past the end of a line, or a blank line: the nearest text on that row
            for dx in range(x, gutter.left - 1, -1):
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
            self._sel, self._sel_doc_id, self._sel_moves_start = (start, end), self.doc.id, False
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
