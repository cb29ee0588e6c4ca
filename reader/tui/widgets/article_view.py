"""The article pane: a reflowed, wrapped article drawn line by line.

Built on the Line API so every screen cell maps back to an offset of
``Document.text`` (through ``reflow.Layout``): highlights, jumps, selections
and clicks all speak text offsets, never display positions.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.document import Document
from ..reflow import Layout, VisualLine, wrap
from .selection import SelectionMixin

# Later layers paint over earlier ones.
LAYER_ORDER = ("time", "entity", "note", "hit", "focus", "selection")


class ArticleView(ScrollView, SelectionMixin, can_focus=True):
    """Shows one article; scroll with j/k, space/b, g/G."""

    BINDINGS = [
        Binding("j,down", "scroll_lines(1)", "Down", show=False, id="scroll-down", tooltip="Scroll down a line"),
        Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="scroll-up", tooltip="Scroll up a line"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="page-down", tooltip="Page down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="page-up", tooltip="Page up"),
        Binding("g,home", "edge(0)", "Top", show=False, id="top", tooltip="Top of the article"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="bottom", tooltip="Bottom of the article"),
    ]

    COMPONENT_CLASSES = {
        "article--title",
        "article--meta",
        "article--heading",
        "article--text",
        "article--time",
        "article--entity",
        "article--note",
        "article--hit",
        "article--focus",
        "article--selection",
    }

    reflow: reactive[bool] = reactive(True)

    @dataclass
    class DocumentShown(Message):
        doc: Document

    @dataclass
    class Clicked(Message):
        """A click on text: its offset in ``Document.text``."""

        doc: Document
        offset: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.doc: Document | None = None
        self._layout: Layout | None = None
        self._marks: dict[str, list[tuple[int, int]]] = {}
        self._strip_cache: dict[int, Strip] = {}
        # A text offset the view must bring to the top once its size is known.
        # Until then it is the reading position, so a quit or a reload before
        # the first paint keeps the place rather than the top of the article.
        self._anchor: int | None = None
        self._settle_tries = 0

    # --- content ---------------------------------------------------------
    def show(self, doc: Document | None, offset: int | None = None) -> None:
        """Show ``doc`` scrolled to text ``offset`` (top when None)."""
        self.doc = doc
        self._marks = {}
        self._anchor = None
        self._relayout()
        # Immediate: a queued scroll to the top could land after the anchor's.
        self.scroll_to(0, 0, animate=False, immediate=True)
        if doc is not None:
            if offset:
                self._hold(offset)
            self.post_message(self.DocumentShown(doc))

    def _hold(self, offset: int) -> None:
        self._anchor = offset
        self._settle_tries = 0
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        """Bring the anchor to the top once the new virtual size bounds the
        scroll; retried over a few refreshes, as the size may come late."""
        anchor = self._anchor
        if anchor is None or self._layout is None:
            return
        row, _ = self._layout.to_display(anchor)
        self.scroll_to(y=row, animate=False, immediate=True)
        self._settle_tries += 1
        # Near the end the top can stop short of the row: that is as far as it goes.
        if int(self.scroll_y) == row or self._settle_tries >= 20:
            self._anchor = None
        else:
            self.call_after_refresh(self._settle)

    def _header(self, doc: Document, width: int) -> list[VisualLine]:
        lines = wrap(doc.title, 0, len(doc.title), width, "title")
        lines = [VisualLine(l.text, kind="title") for l in lines]
        meta = " · ".join(
            x for x in (doc.date_iso or "no date", doc.source or "source unknown", doc.id) if x
        )
        lines += [VisualLine(l.text, kind="meta") for l in wrap(meta, 0, len(meta), width, "meta")]
        lines.append(VisualLine("", kind="blank"))
        return lines

    def _width(self) -> int:
        return max(10, self.scrollable_content_region.width - 1 or 80)

    def _relayout(self) -> None:
        top = self.top_offset if self._layout is not None else None
        width = self._width()
        if self.doc is None:
            self._layout = None
            self.virtual_size = Size(width, 0)
        else:
            self._layout = Layout(self.doc, width, self.reflow, self._header(self.doc, width))
            self.virtual_size = Size(width, len(self._layout))
        self._strip_cache.clear()
        if top is not None and self._layout is not None and (self.scroll_y or self._anchor is not None):
            self._hold(top)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        # Only a new width changes line breaks; a relayout for nothing would
        # move the reader's place.
        if self.doc is not None and (self._layout is None or self._layout.width != self._width()):
            self._relayout()

    def watch_reflow(self, old: bool, new: bool) -> None:
        if self.doc is not None:
            self._relayout()

    @property
    def layout_(self) -> Layout | None:
        return self._layout

    # --- marks -----------------------------------------------------------
    def set_marks(self, layer: str, spans, style: str | None = None) -> None:
        """Highlight ``spans`` (text offsets) of the current document on ``layer``."""
        self._marks[layer] = sorted((int(s), int(e)) for s, e in spans if e > s)
        if style:
            self._custom_styles[layer] = Style.parse(style)
        self._strip_cache.clear()
        self.refresh()

    def clear_marks(self, layer: str) -> None:
        if self._marks.pop(layer, None) is not None:
            self._strip_cache.clear()
            self.refresh()

    def marks(self, layer: str) -> list[tuple[int, int]]:
        return list(self._marks.get(layer, ()))

    @property
    def _custom_styles(self) -> dict[str, Style]:
        if not hasattr(self, "_styles_by_layer"):
            self._styles_by_layer: dict[str, Style] = {}
        return self._styles_by_layer

    # --- navigation ------------------------------------------------------
    @property
    def top_offset(self) -> int:
        """Text offset of the first text line in view (0 without a document)."""
        if self._layout is None:
            return 0
        if self._anchor is not None:
            return self._anchor
        lines = self._layout.lines
        for row in range(int(self.scroll_y), len(lines)):
            if lines[row].is_text:
                return lines[row].start
        return 0

    def scroll_to_offset(self, offset: int, where: str = "third", animate: bool = False) -> None:
        if self._layout is None:
            return
        row, _ = self._layout.to_display(offset)
        height = self.scrollable_content_region.height or 1
        target = row if where == "top" else max(0, row - height // 3)
        self._go(target, animate)

    # immediate=True: a burst of key presses must each see the previous scroll.
    def _go(self, y: float, animate: bool = False) -> None:
        """Scroll where the reader asked: that replaces a place still being restored."""
        self._anchor = None
        self.scroll_to(y=y, animate=animate, immediate=True)

    def jump_to(self, start: int, end: int | None = None) -> None:
        """Scroll to a passage and highlight it until the next jump."""
        end = start + 1 if end is None else end
        self.set_marks("focus", [(start, end)])
        self.call_after_refresh(self.scroll_to_offset, start)

    def offset_at(self, x: int, y: int) -> int | None:
        """Text offset under widget-relative cell ``(x, y)`` (as mouse events
        give it, padding included), or None off the text."""
        if self._layout is None:
            return None
        gutter = self.gutter
        col, row = int(x) - gutter.left, int(y) - gutter.top
        if col < 0 or row < 0:
            return None
        return self._layout.to_text(int(self.scroll_y) + row, int(self.scroll_x) + col)

    def action_scroll_lines(self, n: int) -> None:
        self._go(self.scroll_y + n)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 2)
        self._go(self.scroll_y + direction * step)

    def action_edge(self, bottom: int) -> None:
        self._go(self.max_scroll_y if bottom else 0)

    # --- hover labels: a tooltip for the span under the mouse --------------
    def set_hover_labels(self, layer: str, labels: list[tuple[int, int, "str | Text"]]) -> None:
        """Show ``label`` as a tooltip while the mouse is over ``[start, end)``
        of the current document (dropped when another document is shown).
        Give article text as ``Text``: a string is read as markup."""
        hover = self.__dict__.setdefault("_hover", {})
        hover[layer] = (self.doc, sorted(labels, key=lambda t: (t[0], t[1])))

    def hover_label_at(self, offset: int) -> "str | Text | None":
        for doc, labels in self.__dict__.get("_hover", {}).values():
            if doc is self.doc:
                for s, e, label in labels:
                    if s <= offset < e:
                        return label
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = self.offset_at(event.x, event.y) if self.doc is not None else None
        label = self.hover_label_at(offset) if offset is not None else None
        if label != self.tooltip:
            self.tooltip = label

    def on_click(self, event: events.Click) -> None:
        if self.doc is None:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is not None:
            self.post_message(self.Clicked(self.doc, offset))

    # --- drawing ---------------------------------------------------------
    def _layer_style(self, layer: str) -> Style:
        custom = self._custom_styles.get(layer)
        return custom or self.get_component_rich_style(f"article--{layer}", partial=True)

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if self._layout is None or row >= len(self._layout):
            return Strip.blank(width, self.rich_style)
        strip = self._strip_cache.get(row)
        if strip is None:
            strip = self._render_row(row)
            self._strip_cache[row] = strip
        return strip.crop_extend(int(self.scroll_x), int(self.scroll_x) + width, self.rich_style)

    def _render_row(self, row: int) -> Strip:
        assert self._layout is not None
        line = self._layout.lines[row]
        kind = line.kind if line.kind in ("title", "meta", "heading") else "text"
        base = self.rich_style + self.get_component_rich_style(f"article--{kind}", partial=True)
        text = Text(line.text, end="")
        if line.is_text:
            for layer in LAYER_ORDER:
                spans = self._marks.get(layer)
                if not spans:
                    continue
                style = self._layer_style(layer)
                for a, b in self._layout.spans_on_row(row, spans):
                    text.stylize(style, a, b)
        # Text.render leaves the base style to the console; apply it here.
        return Strip(Segment.apply_style(text.render(self.app.console), base))
