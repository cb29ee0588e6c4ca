"""The Quotes tab of the sidebar: the article's quotations with their speakers.

Highlighting a quotation lists the passages of other articles that report the same words or the
same claim (computed in a worker on first use); enter on a quotation shows it in the article, enter
on a match opens that article at the passage, and n/N step through the matches.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.document import Document
from ..messages import reporting_to
from ..reflow import sanitize

if TYPE_CHECKING:
    from ...core.index import Index
    from ...core.quotes import Quote, QuoteIndex, QuoteMatch

_CLIP = 160  # characters of a quotation shown in the list


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


class QuotesPane(Vertical):
    """Who said what in the article shown, and where else it is reported."""

    HELP_TITLE = "Quotes"
    BINDINGS = [
        Binding("n", "step_match(1)", "Next match", id="quote-next",
                tooltip="Open the next article that reports the highlighted quotation, at the passage"),
        Binding("N", "step_match(-1)", "Prev match", id="quote-prev",
                tooltip="Open the previous article that reports the highlighted quotation"),
        Binding("x", "toggle_short", "Scare quotes on/off", show=False, id="quote-short",
                tooltip="Hide or show scare quotes (short quoted words)"),
        Binding("m", "focus_matches", "Matches", show=False, id="quote-matches",
                tooltip="Go to the list of the articles that report the quotation"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.index: Index | None = None
        self.quotes: QuoteIndex | None = None
        self.doc: Document | None = None
        self.selected: Quote | None = None
        self.matches: list[QuoteMatch] = []
        self.match_pos = -1
        self.show_short = True
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("waiting for the articles…"), id="quotes-status", classes="pane-status")
        yield OptionList(id="quotes-list")
        yield Static(Text(""), id="quotes-detail")
        yield OptionList(id="quotes-matches")

    # --- sidebar protocol ---------------------------------------------------
    def set_index(self, index: "Index") -> None:
        self.index = index
        self._status("finding quotations and speakers…")
        self._extract(index)

    @work(thread=True, exclusive=True, group="quotes")
    def _extract(self, index: "Index") -> None:
        try:
            with reporting_to(self):  # the app shows how far it has got
                quotes = index.quotes  # speakers need the entities: both built off the UI thread
        except Exception as exc:  # show the message, keep the app running
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._quotes_ready, quotes)
        try:
            quotes.passages  # noqa: B018  (build the matching index now, so the first selection is quick)
        except Exception:
            pass  # reported when a quotation's matches are asked for

    def show_progress(self, name: str, done: int, total: int) -> None:
        # the speakers are entities: their pass comes first
        if self.quotes is None and self.error is None and name in ("articles checked", "entity words", "entities",
                                                                      "quotations"):
            self._status(f"{name} {done:,} / {total:,}" + (" (then quotations)" if name != "quotations" else ""))

    def show_document(self, doc: Document | None) -> None:
        self.doc = doc
        if self.quotes is not None:
            self._refill()

    # --- data -> widgets ----------------------------------------------------
    def _failed(self, message: str) -> None:
        self.error = message
        self._status(f"quotations unavailable: {message}")

    def _quotes_ready(self, quotes: "QuoteIndex") -> None:
        self.quotes = quotes
        self._refill()

    def visible(self) -> list["Quote"]:
        if self.quotes is None or self.doc is None:
            return []
        return [q for q in self.quotes.in_doc(self.doc.id) if self.show_short or not q.short]

    def _refill(self) -> None:
        lst = self.query_one("#quotes-list", OptionList)
        quotes = self.visible()
        lst.clear_options()
        lst.add_options([Option(self._line(q), id=q.id) for q in quotes])
        # The selected quotation stays selected when the reader opens one of its matches (n/N keep
        # walking them); it is highlighted again when its own article is back.
        if self.selected is not None:
            for i, q in enumerate(quotes):
                if q.id == self.selected.id:
                    lst.highlighted = i
                    break
        total = len(self.quotes.in_doc(self.doc.id)) if self.quotes is not None and self.doc else 0
        who = sum(1 for q in quotes if self._speaker_name(q))
        hidden = "" if self.show_short else " · scare quotes hidden (x)"
        self._status(f"{len(quotes)} of {total} quotation{'s' if total != 1 else ''} · {who} with a named speaker{hidden}"
                     if total else "no quotations in this article")

    def _line(self, q: "Quote") -> Text:
        line = Text()
        speaker = self._speaker_name(q)
        if speaker:
            line.append(sanitize(speaker), style="bold")
        elif q.speaker_text:
            line.append(sanitize(_clip(q.speaker_text, 40)) + "?", style="italic")  # words found, no entity
        else:
            line.append("unattributed", style="dim italic")
        if q.speaker_basis and q.speaker_basis != "same sentence":
            line.append(f" · {q.speaker_basis}", style="dim")  # found outside the quotation's sentence
        if q.short:
            line.append(" · short", style="dim")
        line.append("\n")
        line.append("“" + sanitize(_clip(q.display_text(), _CLIP)) + "”")
        return line

    def _speaker_name(self, q: "Quote") -> str | None:
        """The speaker's name as the Entities tab shows it now (after a rename, the new name)."""
        if q.speaker_entity and self.index is not None and "entities" in self.index.__dict__:
            ent = self.index.entities.get(q.speaker_entity)
            if ent is not None:
                return ent.name
        return q.speaker

    def _status(self, message: str) -> None:
        self.query_one("#quotes-status", Static).update(Text(message, style="italic"))

    def _select(self, q: "Quote | None") -> None:
        if q is self.selected:
            return
        self.selected = q
        self.match_pos = -1
        if q is None:
            self._show_matches(None, [])
            return
        self.query_one("#quotes-detail", Static).update(Text("looking for it in the other articles…", style="italic"))
        self.query_one("#quotes-matches", OptionList).clear_options()
        self._match(q)

    @work(thread=True, exclusive=True, group="quote-matches")
    def _match(self, q: "Quote") -> None:
        try:
            found = list(q.matches)  # computed on first use: the passage index may be built now
        except Exception as exc:
            self.app.call_from_thread(self._status, f"matching failed: {exc}")
            found = []
        self.app.call_from_thread(self._show_matches, q, found)

    def _show_matches(self, q: "Quote | None", found: list["QuoteMatch"]) -> None:
        if q is not self.selected:
            return  # the reader has moved on: a stale result never replaces a newer one
        self.matches = found
        detail = self.query_one("#quotes-detail", Static)
        lst = self.query_one("#quotes-matches", OptionList)
        lst.clear_options()
        if q is None:
            detail.update(Text(""))
            return
        if not found:
            detail.update(Text("reported in no other article", style="italic"))
            return
        n_docs = len({m.doc for m in found})
        detail.update(Text(f"also in {n_docs} other article{'s' if n_docs != 1 else ''} · enter opens · n/N step"))
        lst.add_options([Option(self._match_line(m), id=str(i)) for i, m in enumerate(found)])

    def _match_line(self, m: "QuoteMatch") -> Text:
        doc = self.index.doc(m.doc) if self.index else None
        line = Text()
        label = f"{doc.date_iso or 'no date'} · {doc.source or doc.id}" if doc else m.doc
        line.append(sanitize(label), style="bold")
        line.append(f" · {m.kind} {m.score:.2f}", style="dim")
        line.append("\n")
        line.append(sanitize(_clip(m.text, _CLIP)))
        return line

    # --- events -------------------------------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "quotes-list" or self.quotes is None:
            return
        event.stop()
        self._select(self.quotes.get(event.option.id) if event.option.id else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "quotes-list" and self.quotes is not None:
            q = self.quotes.get(event.option.id) if event.option.id else None
            if q is not None:
                self._select(q)
                self.app.open_document(q.doc, q.start, q.end)
        elif event.option_list.id == "quotes-matches" and event.option.id is not None:
            self._go(int(event.option.id))

    # --- actions --------------------------------------------------------------
    def action_step_match(self, step: int) -> None:
        if self.selected is None:
            self.app.notify("select a quotation first", severity="warning")
            return
        if not self.matches:
            self.app.notify("no other article reports this quotation", timeout=3)
            return
        self._go((self.match_pos + step) % len(self.matches) if self.match_pos >= 0 else (0 if step > 0 else -1))

    def _go(self, i: int) -> None:
        if not self.matches:
            return
        i %= len(self.matches)
        self.match_pos = i
        m = self.matches[i]
        self.app.set_stepper("matches", self.action_step_match)  # n / N keep going from the article
        lst = self.query_one("#quotes-matches", OptionList)
        if lst.option_count > i:
            lst.highlighted = i
        self.app.open_document(m.doc, m.start, m.end)

    def action_toggle_short(self) -> None:
        self.show_short = not self.show_short
        self._refill()

    def action_focus_matches(self) -> None:
        lst = self.query_one("#quotes-matches", OptionList)
        if lst.option_count and lst.highlighted is None:
            lst.highlighted = max(0, self.match_pos)
        lst.focus()


def palette_commands(app) -> Iterable[SystemCommand]:
    """Palette entries for the Quotes tab."""
    panes = list(app.query(QuotesPane))
    if not panes:
        return
    pane = panes[0]
    yield SystemCommand("Quotes: show", "The quotations of the article and their speakers", partial(show_quotes_tab, app, True))
    yield SystemCommand("Quotes: next match", "Next article reporting the selected quotation (n)", partial(pane.action_step_match, 1))
    yield SystemCommand("Quotes: scare quotes on/off", "Show or hide quotations of one to three words (x)", pane.action_toggle_short)


def show_quotes_tab(app, focus: bool = False) -> None:
    from textual.css.query import NoMatches
    from textual.widgets import TabbedContent

    try:
        tabs = app.query_one("#sidebar-tabs", TabbedContent)
    except NoMatches:
        return
    if focus and hasattr(app, "show_sidebar_tab"):
        app.show_sidebar_tab("tab-quotes", "#quotes-list")  # also shows a hidden sidebar
        return
    tabs.active = "tab-quotes"
    if focus:
        app.query_one("#quotes-list", OptionList).focus()
