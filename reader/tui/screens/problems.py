"""Files that could not be loaded, and load warnings, in a modal list."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.document import Corpus
from ..reflow import sanitize


class ProblemsScreen(ModalScreen[None]):
    """Load problems."""

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Close",
                        id="problems-close", tooltip="Close the list of load problems")]

    DEFAULT_CSS = """
    ProblemsScreen { align: center middle; }
    ProblemsScreen > VerticalScroll {
        width: 90%; height: 80%; border: round $warning; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self._corpus = corpus

    def compose(self) -> ComposeResult:
        table = Table("file or link", "problem", expand=True, box=None, title="Not loaded", title_justify="left")
        for e in self._corpus.errors:
            table.add_row(Text(sanitize(e.path)), Text(sanitize(e.error)))
        for w in self._corpus.warnings:
            path, _, msg = w.partition(": ")
            table.add_row(Text(sanitize(path)), Text(sanitize(msg), style="italic"))
        with VerticalScroll():
            yield Static(table)
