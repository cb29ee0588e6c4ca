"""The sidebar's Dates tab: the current article's time expressions, resolved.

Shows the date the article speaks from (header, dateline, or none), then each
time expression with the date it resolves to. Moving onto one scrolls the
article to it and says how it was resolved; enter also moves the focus to the
article. The expressions are marked in the article (layer "time") and the
mouse over one shows its date as a tooltip.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.document import Document
from ..reflow import sanitize

if TYPE_CHECKING:  # imported where used: the patterns are compiled in a worker, not at start
    from ...core.dates import Anchor, TimeExpression


def long_date(d: dt.date) -> str:
    return d.strftime("%A %d %B %Y")


def resolution_label(e: TimeExpression) -> str:
    """One line saying what an expression resolves to: the tooltip and the detail line."""
    if e.date is None:
        return f"no date ({e.note})" if e.note else "no date"
    when = long_date(e.date)
    if e.last and e.last != e.date:
        when = f"{e.date:%a %d %b} – {e.last:%a %d %b %Y}"
    if e.relation:
        when = f"{e.relation} {when}"
    if e.part_of_day:
        when += f", {e.part_of_day}"
    return f"{when}" + (f" · {e.note}" if e.note else "")


def anchor_label(anchor: Anchor) -> Text:
    if anchor.date is None:
        out = Text("no date", style="italic")
        out.append(": relative expressions stay unresolved", style="dim")
        if anchor.note:
            out.append(f" ({anchor.note})", style="dim")
        return out
    out = Text("speaks from ", style="dim")
    out.append(long_date(anchor.date), style="bold")
    out.append(f" ({anchor.source}" + (f": {anchor.note}" if anchor.note else "") + ")", style="dim")
    return out


class DatesPane(Vertical):
    """Time expressions of the current article with their resolved dates."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc: Document | None = None
        self.expressions: list[TimeExpression] = []
        self.article_anchor: Anchor | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="dates-anchor")
        yield OptionList(id="dates-list")
        yield Static(Text(""), id="dates-detail")

    @property
    def options(self) -> OptionList:
        return self.query_one("#dates-list", OptionList)

    def show_document(self, doc: Document | None) -> None:
        self.doc = doc
        self.expressions = []
        self.options.clear_options()
        self.query_one("#dates-detail", Static).update(Text(""))
        if doc is None:
            self.query_one("#dates-anchor", Static).update(Text(""))
            return
        self.query_one("#dates-anchor", Static).update(Text("finding dates…", style="dim"))
        self.call_after_refresh(self._find, doc)  # the article is painted first

    @work(thread=True, exclusive=True, group="dates-pane")
    def _find(self, doc: Document) -> None:
        from ...core.dates import article_anchor, find_time_expressions  # its patterns: in the worker, not at start

        anchor, _ = article_anchor(doc)
        exprs = find_time_expressions(doc)
        self.app.call_from_thread(self._found, doc, anchor, exprs)

    def _found(self, doc: Document, anchor: Anchor, exprs: list[TimeExpression]) -> None:
        if doc is not self.doc:  # the reader moved on meanwhile
            return
        self.article_anchor, self.expressions = anchor, exprs
        self.query_one("#dates-anchor", Static).update(anchor_label(anchor))
        rows = []
        for i, e in enumerate(exprs):
            row = Text(e.date.isoformat() if e.date else "no date   ", style="bold" if e.date else "dim italic")
            row.append("  ")
            row.append(sanitize(" ".join(e.text.split())))
            rows.append(Option(row, id=f"time-{i}"))
        self.options.add_options(rows)
        if not exprs:
            self.query_one("#dates-detail", Static).update(Text("no time expressions", style="dim"))
        view = self._view()
        if view is not None and view.doc is doc:
            view.set_marks("time", [(e.start, e.end) for e in exprs])
            if hasattr(view, "set_hover_labels"):
                # Text, not str: a tooltip string would be read as markup, and notes quote the article.
                view.set_hover_labels("time", [(e.start, e.end, Text(sanitize(resolution_label(e)))) for e in exprs])

    def _view(self):
        try:
            return self.app.article_view
        except Exception:
            return None

    def _expression(self, option: Option) -> TimeExpression | None:
        if option.id and option.id.startswith("time-"):
            return self.expressions[int(option.id[5:])]
        return None

    @on(OptionList.OptionHighlighted, "#dates-list")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        e = self._expression(event.option)
        if e is None:
            return
        self.query_one("#dates-detail", Static).update(Text(sanitize(resolution_label(e))))
        view = self._view()
        if view is not None and self.doc is not None and view.doc is self.doc and self.options.has_focus:
            view.jump_to(e.start, e.end)

    @on(OptionList.OptionSelected, "#dates-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        e = self._expression(event.option)
        if e is None or self.doc is None:
            return
        self.app.open_document(self.doc.id, e.start, e.end)
        view = self._view()
        if view is not None:
            view.focus()
