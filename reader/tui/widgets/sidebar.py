"""The right-hand sidebar: tabs of facts, entities, quotes and notes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TabbedContent, TabPane, Tabs

from ...core.document import Document
from ..reflow import sanitize
from .dates_pane import DatesPane
from .entities_pane import EntitiesPane
from .notes_pane import NotesPane
from .quotes_pane import QuotesPane


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
    analysis has got: reader.core.progress); the sidebar forwards them."""

    def compose(self) -> ComposeResult:
        with TabbedContent(id="sidebar-tabs"):
            with TabPane("Facts", id="tab-facts"):
                yield FactsPane(id="facts")
            with TabPane("Entities", id="tab-entities"):
                yield EntitiesPane(id="entities")
            with TabPane("Quotes", id="tab-quotes"):
                yield QuotesPane(id="quotes")
            with TabPane("Dates", id="tab-dates"):
                yield DatesPane(id="dates")
            with TabPane("Notes", id="tab-notes"):
                yield NotesPane(id="notes")

    def no_articles(self) -> None:
        """Nothing could be loaded: the panes say so instead of waiting for articles forever."""
        for status in self.query(".pane-status").results(Static):
            status.update(Text("no article loaded", style="italic"))

    def focus_tabs(self) -> None:
        """Give the keys to the tab bar: left / right change tabs, tab enters the pane
        (a filter box would swallow the keys that close the sidebar again)."""
        self.query_one("#sidebar-tabs", TabbedContent).query_one(Tabs).focus()

    def _panes(self):
        for tab in self.query(TabPane):
            for child in tab.children:
                yield child

    def set_index(self, index) -> None:
        for pane in self._panes():
            if hasattr(pane, "set_index"):
                pane.set_index(index)

    def show_progress(self, name: str, done: int, total: int) -> None:
        for pane in self._panes():
            if hasattr(pane, "show_progress"):
                pane.show_progress(name, done, total)

    def show_document(self, doc: Document | None) -> None:
        for pane in self._panes():
            if hasattr(pane, "show_document"):
                pane.show_document(doc)
