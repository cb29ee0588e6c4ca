"""The Notes tab of the sidebar: annotations of this article or of all, filtered, jumped to.

The store is opened in a worker (reading and anchoring a large file is slow);
until then the pane says so. It also tints the annotated passages of the
article on the view's "note" layer. A file that cannot be used is shown as a
banner naming the file and line; the app keeps working and new annotations
stay in memory (``r`` retries, ``w`` writes them to another file).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.document import Document
from ...core.loader import sort_key
from ..reflow import sanitize
from .list_filter import ListFilter

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import SystemCommand

    from ...core.annotations import Annotation, AnnotationStore
    from ...core.index import Index

_STATUS = {"anchored": ("●", "green"), "moved": ("◐", "cyan"), "fuzzy": ("◌", "yellow"), "orphan": ("✖", "red")}
_QUOTE_CHARS = 120


def parse_filter(query: str) -> tuple[list[str], str]:
    """``#tag`` words are tags (all must match); the rest is text to find."""
    tags = [w[1:] for w in query.split() if w.startswith("#") and len(w) > 1]
    text = " ".join(w for w in query.split() if not w.startswith("#"))
    return tags, text


class NotesPane(Vertical):
    """Annotations: passages with tags and notes."""

    HELP_TITLE = "Notes"
    BINDINGS = [
        Binding("a", "toggle_scope", "Scope: article/all", id="notes-scope",
                tooltip="Notes of this article or of all articles"),
        Binding("f", "filter", "Filter", id="notes-filter",
                tooltip="Filter by #tag words and text (down goes to the list, escape clears)"),
        Binding("e", "edit", "Edit", id="notes-edit", tooltip="Edit the highlighted note"),
        Binding("d,delete", "delete", "Delete", id="notes-delete",
                tooltip="Delete the highlighted note (asks first)"),
        Binding("u", "undo", "Undo delete", id="notes-undo", tooltip="Undo the last delete"),
        Binding("r", "retry", "Retry saving", show=False, id="notes-retry",
                tooltip="When the annotations file cannot be used: retry saving"),
        Binding("w", "write_elsewhere", "Write notes to another file", show=False, id="notes-save-as",
                tooltip="When the annotations file cannot be used: write the notes kept in memory to another file"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.index: Index | None = None
        self.store: AnnotationStore | None = None
        self.doc: Document | None = None
        self.scope = "doc"  # or "all"
        self._rank: dict[str, int] = {}
        self._titles: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="notes-problem")
        yield ListFilter(placeholder="filter: #tag or words (f)", id="notes-filter", list_id="notes-list")
        yield Static(Text("waiting for the articles…"), id="notes-status", classes="pane-status")
        yield OptionList(id="notes-list")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # r and w are for a file that cannot be used (or changes not yet saved); otherwise
        # they are the app's keys (r: reflow) and must reach it.
        if action in ("retry", "write_elsewhere"):
            store = self.store
            return store is not None and (store.problem is not None or bool(store.pending))
        return super().check_action(action, parameters)

    # --- sidebar protocol ---------------------------------------------------
    def set_index(self, index: "Index") -> None:
        self.index = index
        docs = sorted(index.documents, key=sort_key)
        self._rank = {d.id: i for i, d in enumerate(docs)}
        self._titles = {d.id: sanitize(d.title or d.id) for d in docs}
        self._status("reading annotations…")
        self._open(index)

    @work(thread=True, exclusive=True, group="notes-open")
    def _open(self, index: "Index") -> None:
        store = index.notes
        self.app.call_from_thread(self._opened, store)

    def _opened(self, store: "AnnotationStore") -> None:
        self.store = store
        if store.problem is not None:
            self.app.notify(f"{store.problem}. The app keeps working; new annotations stay in memory until "
                            "the file is fixed (Notes tab: r retries, w writes to another file).",
                            title="Annotations file not usable", severity="error", timeout=20)
        elif store.warnings:
            first = store.warnings[0]
            more = f" (and {len(store.warnings) - 1} more)" if len(store.warnings) > 1 else ""
            self.app.notify(f"{first}{more}", title="Annotations skipped", severity="warning", timeout=12)
        self.refresh_notes()

    def on_unmount(self) -> None:
        """Leaving with changes that could not be saved: try once more, else write
        them beside the annotations file so that quitting never loses them."""
        store = self.store
        if store is None or not store.pending:
            return
        if store.save().ok:
            return
        recovery = recovery_path(store.path)
        original = store.path
        result = store.save_as(recovery)
        # After the app has gone the terminal is the only place left to say it.
        import sys

        if result.ok:
            print(f"reader: {original} could not be written; your unsaved annotations are in {recovery}",
                  file=sys.stderr)
        else:
            print(f"reader: annotations could not be saved: {result.message}", file=sys.stderr)

    def show_document(self, doc: Document | None) -> None:
        self.doc = doc
        self.refresh_notes()
        if self.store is not None:
            self._reread(self.store)

    @work(thread=True, exclusive=True, group="notes-reread")
    def _reread(self, store: "AnnotationStore") -> None:
        # Another window or `reader notes add` may have written the file: a stat
        # tells, and only then is it read again (off the UI thread).
        if store.refresh():
            self.app.call_from_thread(self.refresh_notes)

    # --- content ------------------------------------------------------------
    def _status(self, message: str) -> None:
        self.query_one("#notes-status", Static).update(Text(message, style="italic"))

    def visible_notes(self) -> list["Annotation"]:
        if self.store is None:
            return []
        tags, text = parse_filter(self.query_one("#notes-filter", Input).value)
        if self.scope == "doc":
            anns = self.store.for_doc(self.doc.id) if self.doc else []
        else:
            anns = sorted(self.store.all(), key=lambda a: (self._rank.get(a.doc, 1 << 30), a.doc,
                                                            a.start is None, a.start or 0))
        return [a for a in anns if all(a.matches(tag=t) for t in tags) and a.matches(text=text or None)]

    def refresh_notes(self) -> None:
        """Rebuild the list and the article's tint from the store."""
        self._show_problem()
        self._tint()
        if self.store is None:
            return
        olist = self.query_one("#notes-list", OptionList)
        keep = olist.highlighted_option.id if olist.highlighted_option is not None else None
        anns = self.visible_notes()
        olist.clear_options()
        olist.add_options([Option(self._label(a), id=a.id) for a in anns])
        ids = [a.id for a in anns]
        if keep in ids:
            olist.highlighted = ids.index(keep)
        total = len(self.store.all())
        pending = f" · {self.store.pending} not saved" if self.store.pending else ""
        if not total:
            # an empty tab says how to fill it
            self._status("no annotations yet · in the article, v selects a sentence and a annotates it")
            return
        where = f"{len(anns)} here of {total}" if self.scope == "doc" else f"{len(anns)} of {total}, all articles"
        self._status(f"{where}{pending} · a: {'all' if self.scope == 'doc' else 'this article'}")

    def _label(self, a: "Annotation") -> Text:
        glyph, color = _STATUS.get(a.status, ("?", "white"))
        quote = " ".join(a.exact.split())
        quote = quote if len(quote) <= _QUOTE_CHARS else quote[: _QUOTE_CHARS - 1] + "…"
        t = Text()
        t.append(f"{glyph} ", style=color)
        if self.scope == "all":
            t.append(self._titles.get(a.doc, a.doc)[:40] + ": ", style="bold")
        t.append("“" + sanitize(quote) + "”")
        if a.status != "anchored":
            t.append(f"  {a.status}", style=f"italic {color}")
        if a.tags:
            t.append("\n  ")
            t.append(" ".join("#" + sanitize(tag) for tag in a.tags), style="bold cyan")
        if a.note:
            first = sanitize(a.note.strip().splitlines()[0]) if a.note.strip() else ""
            t.append("\n  " + (first[:80] + ("…" if len(first) > 80 or "\n" in a.note.strip() else "")),
                     style="dim")
        return t

    def _show_problem(self) -> None:
        banner = self.query_one("#notes-problem", Static)
        problem = self.store.problem if self.store is not None else None
        banner.display = problem is not None
        if problem is not None:
            pending = self.store.pending
            banner.update(Text(f"⚠ {problem}\nRead-only: {pending} change(s) kept in memory. "
                               "Fix the file and press r, or w to write them to another file.", style="bold"))

    def _tint(self) -> None:
        view = getattr(self.app, "article_view", None)
        if view is None or self.doc is None or view.doc is not self.doc:
            return
        if self.store is None:
            view.clear_marks("note")
            return
        view.set_marks("note", [(a.start, a.end) for a in self.store.for_doc(self.doc.id) if a.start is not None])

    # --- actions ------------------------------------------------------------
    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.refresh_notes()

    @on(Input.Submitted, "#notes-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.query_one("#notes-list", OptionList).focus()

    def action_filter(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    def action_toggle_scope(self) -> None:
        self.scope = "all" if self.scope == "doc" else "doc"
        self.refresh_notes()

    def _current(self) -> "Annotation | None":
        olist = self.query_one("#notes-list", OptionList)
        opt = olist.highlighted_option
        return self.store.get(opt.id) if self.store is not None and opt is not None else None

    @on(OptionList.OptionSelected, "#notes-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.jump_to_annotation(event.option.id)

    def jump_to_annotation(self, ann_id: str) -> None:
        from ...core.annotations import ORPHAN

        ann = self.store.get(ann_id) if self.store is not None else None
        if ann is None:
            return
        if self.index is None or self.index.doc(ann.doc) is None:
            self.app.notify(f"Article {ann.doc} is not loaded; the annotation is kept with its text.",
                            severity="warning")
            return
        if ann.status == ORPHAN:
            self.app.open_document(ann.doc)
            self.app.notify("This passage is no longer in the article; its stored text is shown in the list.",
                            severity="warning")
            return
        self.app.open_document(ann.doc, ann.start, ann.end)

    def action_edit(self) -> None:
        ann = self._current()
        if ann is not None:
            from ..screens.annotate import open_edit

            open_edit(self.app, ann)

    def action_delete(self) -> None:
        ann = self._current()
        if ann is None or self.store is None:
            return
        from ..screens.annotate import ConfirmScreen, apply_in_worker

        store = self.store

        def answered(yes: bool | None) -> None:
            if yes:
                apply_in_worker(self.app, lambda: store.delete(ann.id), "Deleted (u undoes)")

        self.app.push_screen(ConfirmScreen("Delete this annotation?", " ".join(ann.exact.split())[:200]), answered)

    def action_undo(self) -> None:
        if self.store is None or not self.store.undo_available:
            self.app.notify("Nothing to undo.", severity="warning")
            return
        from ..screens.annotate import apply_in_worker

        store = self.store
        apply_in_worker(self.app, store.undo_delete, "Restored")

    def action_retry(self) -> None:
        if self.store is not None:
            from ..screens.annotate import apply_in_worker

            apply_in_worker(self.app, self.store.save, "Saved")

    def action_write_elsewhere(self) -> None:
        if self.store is None:
            return
        from ..screens.annotate import apply_in_worker
        from ..screens.entity_picker import TextPromptScreen

        store = self.store

        def chosen(path: str | None) -> None:
            if path:
                from pathlib import Path

                apply_in_worker(self.app, lambda: store.save_as(Path(path).expanduser()), "Written")

        self.app.push_screen(TextPromptScreen("Write annotations to this file:", str(recovery_path(store.path))),
                             chosen)


def recovery_path(path: "Path") -> "Path":
    """Where unsaved annotations go when their file cannot be written."""
    return path.with_name(f"{path.stem}.recovered{path.suffix or '.yaml'}")


def palette_commands(app) -> "Iterable[SystemCommand]":
    """Palette entries: annotate, show the Notes tab, and one jump per annotation
    (so typing a tag or a word of a note in ctrl+p finds it)."""
    from textual.app import SystemCommand

    yield SystemCommand("Annotate", "Annotate the selection, or the sentence at the cursor (a in the article)",
                        app.article_view.action_annotate)
    panes = list(app.query(NotesPane))
    pane = panes[0] if panes else None
    if pane is None or pane.store is None:
        return

    def show_tab() -> None:
        app.show_sidebar_tab("tab-notes", "#notes-list")  # also shows a hidden sidebar

    yield SystemCommand("Notes", "The Notes tab: annotations of this article or all", show_tab)
    if pane.store.read_only:
        yield SystemCommand("Write annotations to another file",
                            "The annotations file cannot be used; save the notes kept in memory elsewhere",
                            pane.action_write_elsewhere)
    for a in pane.store.all()[:500]:
        quote = " ".join(a.exact.split())[:60]
        tags = " ".join("#" + t for t in a.tags)
        # the palette reads titles and help as markup: a tag such as [bold]x[/] is escaped
        label = escape(sanitize(f"Note: {quote} {tags}".strip()))
        help_text = escape(sanitize(" ".join(a.note.split())[:80]) or f"{a.doc} · {a.status}")
        yield SystemCommand(label, help_text, partial(pane.jump_to_annotation, a.id))
