"""The annotation dialog (tags with completion, a multi-line note) and a yes/no confirmation.

``open_annotate`` / ``open_edit`` push the dialog and apply the result to the
annotation store in a worker thread (a save takes the file lock, merges and
fsyncs), then tell the Notes pane to refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static, TextArea

from ...core.annotations import AnnotationError, normalize_tags
from ..messages import NotesChanged
from ..reflow import sanitize

if TYPE_CHECKING:
    from ...core.annotations import Annotation, AnnotationStore
    from ...core.document import Document

_PASSAGE_CHARS = 400


class TagSuggester(Suggester):
    """Completes the tag being typed (after the last comma) from the tags in use."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        typed = last.lstrip().lstrip("#")
        if not typed:
            return None
        done = {t.casefold() for t in normalize_tags([head])}
        for tag in self.tags:
            if tag.casefold().startswith(typed.casefold()) and tag != typed and tag.casefold() not in done:
                return value[: len(value) - len(typed)] + tag
        return None


class AnnotateScreen(ModalScreen[dict | None]):
    """Tags and a note for a passage; dismisses with ``{"tags": [...], "note": str}`` or None."""

    DEFAULT_CSS = """
    AnnotateScreen { align: center middle; }
    AnnotateScreen > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    AnnotateScreen .annotate-title { text-style: bold; margin-bottom: 1; }
    AnnotateScreen .annotate-passage { max-height: 6; color: $text-muted; text-style: italic; margin-bottom: 1; }
    AnnotateScreen .annotate-warning { color: $error; }
    AnnotateScreen TextArea { height: 8; }
    AnnotateScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    AnnotateScreen Button { margin-left: 1; }
    /* a short or narrow terminal (80x24, 40x20) would cut off Save and Cancel */
    AnnotateScreen.-short .annotate-title { margin-bottom: 0; }
    AnnotateScreen.-short .annotate-passage { max-height: 3; margin-bottom: 0; }
    AnnotateScreen.-short TextArea { height: 4; }
    AnnotateScreen.-short Horizontal { margin-top: 0; }
    AnnotateScreen.-narrow > Vertical { width: 100%; }
    AnnotateScreen.-narrow Button { min-width: 8; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="annotate-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", priority=True,
                id="annotate-save", tooltip="Save the annotation: its tags and note"),
    ]

    def __init__(self, title: str, passage: str, tags: list[str], known_tags: list[str], note: str = "",
                 warning: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.passage = passage
        self.tags = tags
        self.known_tags = known_tags
        self.note = note
        self.warning = warning

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), classes="annotate-title")
            shown = self.passage if len(self.passage) <= _PASSAGE_CHARS else self.passage[: _PASSAGE_CHARS - 1] + "…"
            yield Static(Text("“" + sanitize(shown) + "”"), classes="annotate-passage")
            if self.warning:
                yield Static(Text(self.warning), classes="annotate-warning")
            yield Label("Tags, comma separated (→ completes)")
            yield Input(value=", ".join(self.tags), placeholder="e.g. claim, numbers",
                        suggester=TagSuggester(self.known_tags), id="annotate-tags")
            yield Label("Note (ctrl+s saves)")
            yield TextArea(self.note, id="annotate-note", soft_wrap=True, show_line_numbers=False)
            with Horizontal():
                yield Button("Save", variant="primary", id="annotate-save")
                yield Button("Cancel", id="annotate-cancel")

    def on_mount(self) -> None:
        self._fit(self.app.size.width, self.app.size.height)
        self.query_one("#annotate-tags", Input).focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(height < 32, "-short")
        self.set_class(width < 60, "-narrow")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#annotate-note", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "annotate-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        tags = normalize_tags([self.query_one("#annotate-tags", Input).value])
        note = self.query_one("#annotate-note", TextArea).text
        self.dismiss({"tags": tags, "note": note})

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or enter says yes, n or escape says no."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical { width: auto; max-width: 80%; height: auto; border: thick $error; background: $surface; padding: 1 2; }
    ConfirmScreen Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ConfirmScreen Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes", tooltip="Yes, do it"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no", tooltip="No, leave it as it is"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question, style="bold"))
            if self.detail:
                yield Static(Text(sanitize(self.detail), style="italic"))
            with Horizontal():
                yield Button("Yes (y)", variant="error", id="confirm-yes")
                yield Button("No (n)", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


# --- glue between the dialog, the store and the panes -------------------------

def notes_store(app) -> "AnnotationStore | None":
    """The store once the Notes pane's worker has opened it (never opened here:
    that would read and anchor the whole file on the UI thread)."""
    index = getattr(app, "index", None)
    store = index.__dict__.get("notes") if index is not None else None
    if store is None:
        app.notify("Annotations are still loading; try again in a moment.", severity="warning")
    return store


def _read_only_warning(store: "AnnotationStore") -> str:
    if store.problem is None:
        return ""
    return f"{store.problem}\nNew annotations are kept in memory (not saved) until the file is fixed."


def open_annotate(app, doc: "Document", start: int, end: int, on_done: Callable[[], None] | None = None) -> None:
    store = notes_store(app)
    if store is None:
        return

    def done(result: dict | None) -> None:
        if result is None:
            return
        if on_done is not None:
            on_done()
        apply_in_worker(app, lambda: store.add(doc, start, end, result["tags"], result["note"]), "Annotated")

    app.push_screen(AnnotateScreen("Annotate", doc.text[start:end], [], store.tags(),
                                   warning=_read_only_warning(store)), done)


def open_edit(app, ann: "Annotation") -> None:
    store = notes_store(app)
    if store is None:
        return

    def done(result: dict | None) -> None:
        if result is not None:
            apply_in_worker(app, lambda: store.edit(ann.id, tags=result["tags"], note=result["note"]), "Edited")

    app.push_screen(AnnotateScreen("Edit annotation", ann.exact, ann.tags, store.tags(), ann.note,
                                   warning=_read_only_warning(store)), done)


def apply_in_worker(app, change: Callable[[], object], verb: str) -> None:
    """Apply ``change`` to the store off the UI thread, then report and refresh."""

    def run() -> None:
        try:
            change()
        except AnnotationError as exc:
            app.call_from_thread(app.notify, str(exc), severity="error")
            return
        app.call_from_thread(after_change, app, verb)

    app.run_worker(run, thread=True, group="notes-save", exit_on_error=False)


def after_change(app, verb: str) -> None:
    store = app.index.__dict__.get("notes") if app.index is not None else None
    if store is None:
        return
    result = store.last_save
    if result.ok:
        app.notify(f"{verb}; saved to {store.path}", timeout=3)
    else:
        app.notify(result.message, title="Annotations not saved", severity="error", timeout=12)
    app.post_message(NotesChanged())
