"""The article list: date, source and title, by date then title; type to filter."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import repeat

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.document import Document
from ...core.loader import sort_key
from ..reflow import sanitize


TITLE_LINES = 2  # a title longer than this is cut: one long title must not fill the list
FIRST_ROWS = 100  # rows listed before the first paint; the others follow it


def _row(doc: Document, console: Console | None = None, width: int = 0) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(doc.date_iso or "no date   ", style="bold" if doc.date else "dim italic")
    text.append("  ")
    if doc.source:
        text.append(sanitize(doc.source)[:10], style="italic")
    else:  # no outlet is known: the file's name tells the articles apart
        text.append(sanitize(doc.path.name), style="dim")
    if width > 4 and len(text) > width:
        text.truncate(width - 1)
        text.append("…")
    text.append("\n")
    title = Text(_title(doc))
    if console is not None and width > 4:
        lines = title.wrap(console, width)
        if len(lines) > TITLE_LINES:
            lines = lines[:TITLE_LINES]
            last = lines[-1]
            last.rstrip()
            last.truncate(width - 1)
            last.append("…")
        title = Text("\n").join(lines)
    text.append_text(title)
    return text


def _title(doc: Document) -> str:
    return " ".join(sanitize(doc.title).split())


def _fits(text: str, width: int) -> bool:
    """Whether ``text`` takes at most ``width`` cells, measuring no more of it than needed."""
    if text.isascii():
        return len(text) <= width
    if cell_len(text[:width + 1]) > width:  # cells only add up: a longer prefix is already too wide
        return False
    return cell_len(text) <= width


class _Row(Option):
    """An article's row, drawn when it first comes into view: a folder of 10,000 articles is listed
    at once. Its height is known without drawing it (a date line, then the title in one line or two)."""

    def __init__(self, doc: Document, console: Console | None, width: int) -> None:
        super().__init__("", id=doc.id)
        self._prompt = None
        self.doc, self._console, self._width = doc, console, width
        title = _title(doc)
        # a title wider than the row wraps, and is cut to TITLE_LINES; without a width nothing is known
        self.height: int | None = (1 + min(TITLE_LINES, 1 if _fits(title, width) else 2)
                                   if console is not None and width > 4 and title else None)

    @property
    def prompt(self) -> Text:
        if self._prompt is None:
            self._prompt = _row(self.doc, self._console, self._width)
        return self._prompt


class ArticleOptions(OptionList):
    """The list itself; printable keys start filtering."""

    def _update_lines(self) -> None:
        """OptionList's own, except that a row's height comes from the row (``_Row.height``) instead of
        drawing every row of the folder to measure it."""
        if not self.scrollable_content_region:
            return
        line_cache = self._line_cache
        lines = line_cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if next_index < len(self.options):
            padding = self.get_component_styles("option-list--option").padding
            for index, option in enumerate(self.options[next_index:], next_index):
                line_cache.index_to_line[index] = len(lines)
                line_count = getattr(option, "height", None)
                if line_count is None:
                    line_count = self._get_visual(option).get_height(self.styles, width - padding.width)
                line_count += option._divider
                line_cache.heights[index] = line_count
                lines.extend(zip(repeat(index, line_count), range(line_count)))
        virtual_size = Size(width, len(lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list-down", tooltip="Next article in the list"),
        Binding("k", "cursor_up", "Up", show=False, id="list-up", tooltip="Previous article in the list"),
    ]

    def on_key(self, event: events.Key) -> None:
        # Keys that are bound somewhere (q, ?, [, ], s, ...) keep their meaning;
        # any other printable key starts the filter.
        if (
            event.character
            and len(event.character) == 1
            and event.character.isprintable()
            and event.character != " "
            and event.key not in self.screen.active_bindings
        ):
            event.stop()
            event.prevent_default()
            flt = self.parent.query_one(Input)  # type: ignore[union-attr]
            flt.focus()
            flt.value += event.character
            flt.cursor_position = len(flt.value)


class ArticleList(Vertical):
    """Articles of the corpus. Enter or click opens one."""

    BINDINGS = [
        Binding("slash", "app.open_finder", "Find", show=False,
                id="list-find", tooltip="Finder (typing other keys filters the list)"),
    ]

    @dataclass
    class Selected(Message):
        doc_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._docs: list[Document] = []
        self._shown: list[Document] = []
        self._current: str | None = None
        self._row_width = 0  # the width the rows' titles were cut to
        self._prompts: dict[str, _Row] = {}  # rows by article id, at that width
        self._fills = 0  # each refill of the list is numbered: a later one drops the rest of an earlier one
        self._count = ""  # "N articles" (and how many could not be loaded)
        self._activity = ""  # the analyses under way

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter articles…", id="article-filter")
        yield ArticleOptions(id="article-options")
        yield Static("", id="article-status")

    @property
    def options(self) -> ArticleOptions:
        return self.query_one(ArticleOptions)

    def set_progress(self, done: int, total: int) -> None:
        self.set_status(f"loading {done}/{total}…")

    def set_status(self, text: str) -> None:
        """A line under the list: loading or adding progress (host names are data, not markup)."""
        self.query_one("#article-status", Static).update(Text(sanitize(text)))

    def set_activity(self, text: str) -> None:
        """The analyses under way, on a line of their own under the count of articles ("" when none)."""
        self._activity = text
        self.query_one("#article-status", Static).update(Text("\n".join(filter(None, (self._count, text)))))

    def set_documents(self, docs: list[Document], errors: int = 0, provisional: bool = False) -> None:
        """The articles to list. ``provisional``: the head of a list still being read (no count yet)."""
        self._docs = sorted(docs, key=sort_key)
        self._prompts.clear()
        status = "listing the folder…" if provisional else f"{len(docs)} article{'s' if len(docs) != 1 else ''}"
        if errors:
            status += f" · {errors} not loaded (ctrl+p › Load problems)"
        self._count = status
        self.set_activity(self._activity)
        self._apply_filter(self.query_one(Input).value)

    @property
    def ordered(self) -> list[Document]:
        return list(self._docs)

    def _apply_filter(self, value: str) -> None:
        words = value.lower().split()
        self._shown = [
            d for d in self._docs
            if all(w in f"{d.title} {d.source or ''} {d.date_iso or 'no date'} {d.id}".lower() for w in words)
        ]
        opts = self.options
        width = self._title_width()
        if width != self._row_width:
            self._prompts.clear()
        self._row_width = width
        opts.clear_options()
        self._fills += 1
        if not width and self.options.size.width == 0:
            return  # not laid out yet: the rows are added, at their width, when the list is sized (on_resize)
        # A screenful first, the rest once it is painted: a folder of 10,000 lists at once.
        self._add_rows(self._fills, 0, FIRST_ROWS)

    def _add_rows(self, fill: int, start: int, count: int) -> None:
        if fill != self._fills:
            return  # the filter changed (or the list was refilled) since
        # each keystroke of the filter refills the list: a row's text is cut to the width once
        rows, console, width = self._prompts, self.app.console, self._row_width
        for d in self._shown[start:start + count]:
            if d.id not in rows:
                rows[d.id] = _Row(d, console, width)
        self.options.add_options([rows[d.id] for d in self._shown[start:start + count]])
        if start + count < len(self._shown):
            self.call_after_refresh(self._add_rows, fill, start + count, len(self._shown))
        self.highlight(self._current)

    def _title_width(self) -> int:
        # the option padding (1 each side) and room for a scrollbar that may appear
        return max(0, self.options.scrollable_content_region.width - 3)

    def on_resize(self) -> None:
        # titles are cut to the list's width: a new width cuts them again
        self.call_after_refresh(self._rewrap)

    def _rewrap(self) -> None:
        if self._docs and self._title_width() != self._row_width:
            self._apply_filter(self.query_one(Input).value)

    def highlight(self, doc_id: str | None) -> None:
        self._current = doc_id
        for i, d in enumerate(self._shown):
            if d.id == doc_id:
                if i < self.options.option_count:  # else once its row is added
                    self.options.highlighted = i
                return

    @on(Input.Changed, "#article-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._apply_filter(event.value)

    @on(Input.Submitted, "#article-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if self._shown:
            self.post_message(self.Selected(self._shown[self.options.highlighted or 0].id))
        self.options.focus()

    def on_key(self, event: events.Key) -> None:
        flt = self.query_one(Input)
        if flt.has_focus and event.key == "escape":
            event.stop()
            flt.value = ""
            self.options.focus()
        elif flt.has_focus and event.key in ("down", "up"):
            event.stop()
            self.options.action_cursor_down() if event.key == "down" else self.options.action_cursor_up()

    @on(OptionList.OptionSelected, "#article-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Selected(event.option.id))
