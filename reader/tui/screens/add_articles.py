"""The add dialog (A): links, feeds or saved pages to add as articles.

It only collects what to add and dismisses with the list; the app runs the
add in a worker and shows its progress in the article list.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea


def parse_inputs(text: str) -> list[str]:
    """One input per line; several pasted on one line (space separated) are split too."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.extend(line.split() if "://" in line else [line])
    return out


class AddArticlesScreen(ModalScreen[list[str] | None]):
    """Add articles from links, feeds or saved pages."""

    BINDINGS = [
        Binding("ctrl+s", "add", "Add", priority=True, id="add-articles-go",
                tooltip="Fetch the links and feeds and add their articles to the folder"),
        Binding("escape", "cancel", "Cancel", id="add-articles-cancel", tooltip="Close without adding"),
    ]

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog"):
            yield Static(Text("Add articles"), classes="add-title")
            yield Label(Text(f"Links to news pages, RSS or Atom feeds, or saved pages; one per line. "
                             f"They are saved as article files in {self.folder}"), classes="add-hint")
            yield TextArea("", id="add-inputs", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="add-warning")
            with Horizontal(classes="add-buttons"):
                yield Button("Add (ctrl+s)", variant="primary", id="add-go")
                yield Button("Cancel", id="add-cancel")

    def on_mount(self) -> None:
        self._fit(self.app.size.width, self.app.size.height)
        self.query_one("#add-inputs", TextArea).focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(height < 24, "-short")
        self.set_class(width < 60, "-narrow")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "add-go":
            self.action_add()
        else:
            self.action_cancel()

    def action_add(self) -> None:
        inputs = parse_inputs(self.query_one("#add-inputs", TextArea).text)
        if not inputs:
            self.query_one("#add-warning", Static).update(Text("Paste at least one link, feed or file path."))
            return
        self.dismiss(inputs)

    def action_cancel(self) -> None:
        self.dismiss(None)
