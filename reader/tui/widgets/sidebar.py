"""The right-hand sidebar: tabs of facts, entities, quotes and notes."""

from __future__ import annotations

import asyncio

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static, TabbedContent, TabPane, Tabs

from ...core.document import Document
from ..reflow import sanitize

# The tabs behind the first one: their panes are mounted once the app has painted (mount_panes), so
# the list and the first article are on screen before them.
LATER_TABS = (("Entities", "tab-entities"), ("Quotes", "tab-quotes"), ("Dates", "tab-dates"),
              ("Notes", "tab-notes"))


class FactsPane(Static):
    """Facts about the current article."""

    def show_document(self, doc: Document | None) -> None:
        if doc is None:
            self.update("")
            return
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_row("date", doc.date_iso or Text("no date", style="italic"))
        # Text, not str: a table cell reads a string as markup, and the source comes from the file
        table.add_row("source", Text(sanitize(doc.source)) if doc.source else Text("unknown", style="italic"))
        table.add_row("words", f"{doc.words:,}")
        table.add_row("sentences", f"{len(doc.sentences):,}")
        table.add_row("paragraphs", f"{len(doc.paragraphs):,}")
        table.add_row("path", Text(str(doc.path), overflow="fold"))
        for w in doc.warnings:
            table.add_row("note", Text(w, style="italic"))
        self.update(table)


class Sidebar(Vertical):
    """Panes about the current article and the corpus. Each pane may define
    ``set_index(index)``, ``show_document(doc)`` and ``show_progress(name, done, total)`` (how far an
    analysis has got: reader.core.progress); the sidebar forwards them.

    Only the Facts pane is there from the start; the others are mounted by ``mount_panes`` after the
    first paint and are then told what the sidebar was told before (the article shown, the index, how
    far each analysis has got)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.panes_ready = False
        self._mounting = False
        self._told: dict[str, tuple] = {}  # what the later panes missed: the newest call of each kind
        self._focus_when_ready: str | None = None

    def compose(self) -> ComposeResult:
        with TabbedContent(id="sidebar-tabs"):
            with TabPane("Facts", id="tab-facts"):
                yield FactsPane(id="facts")
            for title, tab_id in LATER_TABS:
                yield TabPane(title, id=tab_id)

    async def mount_panes(self) -> None:
        """Mount the panes of the later tabs (their modules are imported here too), then tell them
        what they missed, in the order it was told."""
        if self._mounting or self.panes_ready:
            return
        self._mounting = True
        from .dates_pane import DatesPane
        from .entities_pane import EntitiesPane
        from .notes_pane import NotesPane
        from .quotes_pane import QuotesPane

        panes: list[Widget] = [EntitiesPane(id="entities"), QuotesPane(id="quotes"), DatesPane(id="dates"),
                               NotesPane(id="notes")]
        await asyncio.gather(*(self.query_one(f"#{tab_id}", TabPane).mount(pane)
                               for (_, tab_id), pane in zip(LATER_TABS, panes)))
        self.panes_ready = True
        told, self._told = self._told, {}
        for key, (method, args) in told.items():
            for pane in panes:
                if hasattr(pane, method):
                    getattr(pane, method)(*args)
            if key == "none":
                self._say_no_articles()
        focus, self._focus_when_ready = self._focus_when_ready, None
        if focus:
            self.focus_pane(focus)

    def _tell(self, key: str, method: str, *args) -> None:
        """Call ``method`` on every pane that has it; a later pane not mounted yet hears it once mounted."""
        for pane in self._panes():
            if hasattr(pane, method):
                getattr(pane, method)(*args)
        if not self.panes_ready:
            self._told.pop(key, None)  # kept in the order of the newest calls
            self._told[key] = (method, args)

    def no_articles(self) -> None:
        """Nothing could be loaded: the panes say so instead of waiting for articles forever."""
        self._say_no_articles()
        if not self.panes_ready:
            self._told["none"] = ("no_articles", ())

    def _say_no_articles(self) -> None:
        for status in self.query(".pane-status").results(Static):
            status.update(Text("no article loaded", style="italic"))

    def focus_tabs(self) -> None:
        """Give the keys to the tab bar: left / right change tabs, tab enters the pane
        (a filter box would swallow the keys that close the sidebar again)."""
        self.query_one("#sidebar-tabs", TabbedContent).query_one(Tabs).focus()

    def focus_pane(self, selector: str) -> None:
        """Give the keys to ``selector`` in a pane; a pane not mounted yet takes them once it is."""
        if self.panes_ready or selector.startswith("#facts"):
            self.query_one(selector).focus()
        else:
            self._focus_when_ready = selector

    def _panes(self):
        if not self.panes_ready:
            yield self.query_one("#facts", FactsPane)
            return
        for tab in self.query(TabPane):
            for child in tab.children:
                yield child

    def set_index(self, index) -> None:
        self._tell("index", "set_index", index)

    def show_progress(self, name: str, done: int, total: int) -> None:
        self._tell(f"progress {name}", "show_progress", name, done, total)

    def show_document(self, doc: Document | None) -> None:
        self._tell("doc", "show_document", doc)
