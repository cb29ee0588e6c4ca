"""Compare: the articles side by side at the level of a number or a claim.

One column per article (its source and date), one row per fact: where the articles differ first, then
where they agree, then what only one of them reports. A cell shows the figure as the article words it
(hedge, number, counted thing) and who it is attributed to; enter opens the passages side by side.

The comparison needs entities, quotations and dates of every article, which can take a while on a large
corpus, so it is built in a worker thread while the table shows that it is loading.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ...core.compare import Comparison, DocumentInfo, Fact, FactItem
from ..messages import OpenPassage, OpenSideBySide, Passage
from ..reflow import one_line
from ..widgets.footer import KeyFooter

MARKS = {"differ": "≠", "agree": "=", "only": "—"}
MARK_STYLES = {"differ": "bold red", "agree": "bold green", "only": "dim"}
CELL_CHARS = 26  # an article's column: "as many as 20,000 gangsters…" fits
LABEL_CHARS = 24
MIN_CHARS = 12
MAX_COLUMNS = 24  # a table of 2,000 articles is no comparison a reader can take in, and slow to draw
MAX_ROWS = 500  # drawn on the UI thread: 500 rows of 24 articles take about 0.2 s of CPU


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def lines(*rows: Text) -> Text:
    """A cell of several lines, each cut at the column's edge rather than wrapped onto the next."""
    out = Text("\n").join(rows)
    out.no_wrap = True
    out.overflow = "ellipsis"
    return out


def figure(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


def value_words(item: FactItem) -> str:
    """The figure as the article gives it: hedge and number ("almost 4,000"), or the vague count's own
    words ("dozens") when there is no number."""
    if item.value is not None:
        return f"{item.hedge} {figure(item.value)}" if item.hedge else figure(item.value)
    words = one_line(item.text).split()
    unit = (item.unit or "").split()
    # "dozens of demonstrators and forces killed": the words before the counted thing
    for i in range(1, len(words)):
        if unit and words[i:i + len(unit)] == unit:
            return " ".join(words[:i])
    return words[0] if words else ""


class CompareTable(DataTable):
    """Facts of the articles: enter opens the passages side by side."""

    HELP_TITLE = "Compare"
    BINDINGS = [
        Binding("escape,q,c", "screen.close", "Close", id="compare-close",
                tooltip="Back to the article"),
        Binding("enter", "select_cursor", "Open passages", id="compare-open",
                tooltip="Open the passages of the fact side by side, both highlighted"),
    ]


class CompareScreen(Screen[str | None]):
    """Where the articles agree, where they differ, and what only one of them says.

    Dismissed with the id of the fact the cursor was on, so opening it again starts there."""

    HELP_TITLE = "Compare"

    def __init__(self, index, current: str | None = None, cursor_fact: str | None = None) -> None:
        super().__init__()
        self.index = index
        self.current = current  # the article being read: its cell is the left passage on enter
        self.cursor_fact = cursor_fact
        self.comparison: Comparison | None = None
        self.facts: list[Fact] = []  # the rows, in order (tests read them)
        self.columns: list[DocumentInfo] = []  # the articles shown, one column each
        self._names: dict[str, str] = {}
        self._more_facts = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="compare-box"):
            yield Static(Text("Compare", style="bold"), id="compare-title")
            yield Static(Text("comparing the articles…"), id="compare-status")
            yield CompareTable(id="compare-table", cursor_type="row", zebra_stripes=True, header_height=2)
        yield KeyFooter()

    @property
    def table(self) -> CompareTable:
        return self.query_one("#compare-table", CompareTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.table.loading = True
        self._build()

    @work(thread=True, exclusive=True, group="compare-build")
    def _build(self) -> None:
        try:
            comparison = self.index.compare  # the expensive part, off the UI thread
        except Exception as exc:  # the view reports; it never takes the app down
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._ready, comparison)

    def _failed(self, exc: Exception) -> None:
        self.table.loading = False
        self._status(f"could not compare the articles: {exc}")

    def _ready(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._names = {e.id: e.name for e in comparison.entities}
        self.columns = pick_columns(comparison, self.current)
        shown = {d.id for d in self.columns}
        self.facts = [f for f in comparison.facts if shown.intersection(f.docs)][:MAX_ROWS]
        self._more_facts = sum(1 for f in comparison.facts if shown.intersection(f.docs)) - len(self.facts)
        self.table.loading = False
        self._fill()

    # --- the table -------------------------------------------------------------
    def _widths(self) -> tuple[int, int]:
        """Cells per label and per article column: at 40 columns the table scrolls sideways, the
        mark and the label stay."""
        width = self.size.width or self.app.size.width or 80
        label = max(MIN_CHARS, min(LABEL_CHARS, width // 3))
        n = len(self.columns) or 1
        # each column pads a cell on both sides; the box pads the screen
        room = (width - 4 - (label + 2) - 3 - 2 * n) // max(1, n)
        return label, max(MIN_CHARS, min(CELL_CHARS, room))

    def _fill(self) -> None:
        assert self.comparison is not None
        table = self.table
        keep = self._cursor_fact_id()
        table.clear(columns=True)
        label_w, cell_w = self._widths()
        table.fixed_columns = 2
        table.add_column(Text(""), width=1, key="mark")
        table.add_column(Text("fact", style="bold"), width=label_w, key="label")
        for d in self.columns:
            head = Text(cut(one_line(d.source or "source unknown"), cell_w), style="bold")
            if d.id == self.current:
                head.stylize("underline")
            head.append("\n" + (d.date or "no date"), style="dim")
            table.add_column(head, width=cell_w, key=d.id)
        row_of = {}
        for i, fact in enumerate(self.facts):
            cells = [Text(MARKS[fact.verdict], style=MARK_STYLES[fact.verdict]),
                     self._label_cell(fact, label_w)]
            cells += [self._cell(fact, d.id, cell_w) for d in self.columns]
            table.add_row(*cells, height=2, key=fact.id)
            row_of[fact.id] = i
        target = row_of.get(keep) if keep else None
        if target is None and self.cursor_fact:
            target = row_of.get(self.cursor_fact)
        if target is not None:
            table.move_cursor(row=target, animate=False)
        self._summary()

    def _label_cell(self, fact: Fact, width: int) -> Text:
        kind = "claim" if fact.kind == "claim" else {"differ": "differ", "agree": "agree", "only": "only one"}[
            fact.verdict]
        return lines(Text(cut(one_line(fact.label), width)), Text(kind, style="dim italic"))

    def _cell(self, fact: Fact, doc_id: str, width: int) -> Text:
        item = fact.item_for(doc_id)
        if item is None:
            return Text("")
        more = sum(1 for it in fact.items if it.doc == doc_id) - 1
        extra = f" +{more}" if more > 0 else ""
        if fact.kind == "claim":
            first = Text("“" + cut(one_line(item.text), width - 2 - len(extra)) + "”")
        else:
            first = Text(value_words(item), style="bold")
            if item.unit:
                first.append(" " + one_line(item.unit))
            first.truncate(width - len(extra), overflow="ellipsis")
        if extra:
            first.append(extra, style="dim")
        who = self.attribution(item)
        second = Text(cut("— " + who, width), style="italic") if who else Text("no attribution", style="dim italic")
        return lines(first, second)

    def attribution(self, item: FactItem) -> str | None:
        """Who the article attributes the figure or claim to, in its own words when it has them."""
        words = item.attribution_text or (self._names.get(item.attribution) if item.attribution else None)
        return one_line(words or item.attribution) if (words or item.attribution) else None

    def _summary(self) -> None:
        counts = {v: sum(1 for f in self.facts if f.verdict == v) for v in MARKS}
        n = len(self.comparison.documents) if self.comparison else 0
        title = f"Compare · {n} article{'s' if n != 1 else ''} · {len(self.facts)} facts"
        if len(self.columns) < n:
            title += f" · the {len(self.columns)} articles reporting the most of them shown"
        if self._more_facts > 0:
            title += f" · first {len(self.facts)} (and {self._more_facts} more)"
        self.query_one("#compare-title", Static).update(Text(title, style="bold"))
        if not self.facts:
            self._status("no figure or claim found in these articles · esc close")
            return
        self._status(f"≠ {counts['differ']} differ · = {counts['agree']} agree · — {counts['only']} in one article only"
                     " · enter open side by side · esc close")

    def _status(self, message: str) -> None:
        self.query_one("#compare-status", Static).update(Text(message))

    def _cursor_fact_id(self) -> str | None:
        fact = self.highlighted_fact
        return fact.id if fact else None

    @property
    def highlighted_fact(self) -> Fact | None:
        table = self.table
        if not self.facts or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.facts[row] if 0 <= row < len(self.facts) else None

    def on_resize(self, event) -> None:
        if self.comparison is not None:
            self._fill()

    # --- actions ----------------------------------------------------------------
    @on(DataTable.RowSelected, "#compare-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        fact = self.comparison.fact(str(event.row_key.value)) if self.comparison else None
        if fact is None:
            return
        left, right = passages_of(fact, self.current)
        message = OpenPassage(*left) if right is None else OpenSideBySide(left, right)
        self.dismiss(fact.id)
        self.app.post_message(message)

    def action_close(self) -> None:
        self.dismiss(self._cursor_fact_id() or self.cursor_fact)


def pick_columns(comparison: Comparison, current: str | None, limit: int = MAX_COLUMNS) -> list[DocumentInfo]:
    """The articles to give a column: all of them when they fit, else the one being read and those
    reporting the most facts, in the comparison's order."""
    docs = list(comparison.documents)
    if len(docs) <= limit:
        return docs
    reported: dict[str, int] = {}
    for f in comparison.facts:
        for d in f.docs:
            reported[d] = reported.get(d, 0) + 1
    rank = sorted(range(len(docs)), key=lambda i: (docs[i].id != current, -reported.get(docs[i].id, 0), i))
    return [docs[i] for i in sorted(rank[:limit])]


def passages_of(fact: Fact, current: str | None) -> tuple[Passage, Passage | None]:
    """The two passages to read side by side: the article being read on the left when it reports the
    fact, else the first that does; the first other article's passage on the right (None when only
    one article reports it)."""
    docs = fact.docs
    left_doc = current if current in docs else docs[0]
    left = fact.item_for(left_doc)
    other = next((d for d in docs if d != left_doc), None)
    right = fact.item_for(other) if other else None
    return (Passage(left.doc, left.start, left.end),
            Passage(right.doc, right.start, right.end) if right is not None else None)
