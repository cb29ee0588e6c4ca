"""The timeline: what happened when, across all articles.

One row per day; under it the events of that day (article, the time
expression, its sentence, the entities in it). Enter opens the passage.
Filters: `a` keeps only the highlighted event's article, `e` only events
naming an entity (the one selected in the sidebar, else those of the
highlighted event, one per press), `x` clears both.

The timeline needs the entity index, which can take a while on a large
corpus, so it is built in a worker thread; the screen says so meanwhile.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.dates import Event, Timeline
from ..reflow import sanitize
from ..widgets.footer import KeyFooter

if TYPE_CHECKING:
    from ..host import ReaderHost

SNIPPET_CHARS = 110
MAX_EVENTS = 2000
TITLE_CHARS = 48


def day_label(day: dt.date | None) -> str:
    return day.strftime("%A %d %B %Y") if day else "No date"


def span_label(e: Event) -> str:
    """How much of the day row an event covers, when more than the day."""
    bits = []
    if e.relation:
        bits.append(e.relation)
    if e.granularity in ("week", "month", "year") or (e.last and e.last != e.date):
        if e.last and e.date and e.last != e.date:
            bits.append(f"{e.date:%d %b} – {e.last:%d %b %Y}")
        elif e.granularity:
            bits.append(f"the {e.granularity}")
    if e.part_of_day:
        bits.append(e.part_of_day)
    return ", ".join(bits)


def snippet(e: Event, limit: int = SNIPPET_CHARS) -> Text:
    """The event's sentence on one line, the expression in bold, cut around it."""
    rel_s, rel_e = e.start - e.sentence_start, e.end - e.sentence_start
    before = " ".join(sanitize(e.sentence[:rel_s]).split())
    expr = " ".join(sanitize(e.sentence[rel_s:rel_e]).split())
    after = " ".join(sanitize(e.sentence[rel_e:]).split())
    room = max(20, limit - len(expr))
    if len(before) > room // 3:
        before = "…" + before[-(room // 3):]
    if len(after) > room - len(before):
        after = after[: max(0, room - len(before))] + "…"
    out = Text(before + (" " if before and not before.endswith(" ") else ""))
    out.append(expr, style="bold reverse")
    out.append((" " if after and after[0].isalnum() else "") + after)
    return out


class TimelineList(OptionList):
    """Events of all articles by day: enter opens the passage."""

    HELP_TITLE = "Timeline"
    # On the list, which always has the focus here, so `?` lists them.
    BINDINGS = [
        Binding("escape,q,t", "screen.close", "Close", id="timeline-close", tooltip="Back to the article"),
        Binding("a", "screen.filter_article", "This article only", id="timeline-article",
                tooltip="Keep only the events of the highlighted event's article"),
        Binding("e", "screen.filter_entity", "Entity filter", id="timeline-entity",
                tooltip="Keep the events of the entity selected in the Entities tab (else the event's entities, one per press)"),
        Binding("x", "screen.clear_filters", "Clear filters", id="timeline-clear", tooltip="Show every event again"),
    ]


class TimelineScreen(Screen[None]):
    """Events of all articles by day."""

    HELP_TITLE = "Timeline"

    def __init__(self) -> None:
        super().__init__()
        self.timeline: Timeline | None = None
        self.article: str | None = None  # doc id filter
        self.entity: str | None = None  # entity id filter
        self._entity_cycle: list[str] = []
        self.shown: list[Event] = []  # the events listed, in order (tests read it)
        self._matching = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-box"):
            yield Static(Text("Timeline", style="bold"), id="timeline-title")
            yield Static(Text("building the timeline…"), id="timeline-status")
            yield TimelineList(id="timeline-events")
        yield KeyFooter()

    @property
    def options(self) -> TimelineList:
        return self.query_one("#timeline-events", TimelineList)

    def on_mount(self) -> None:
        self.options.focus()
        index = getattr(self.app, "index", None)
        if index is None:
            self._status("the articles are still loading…")
            return
        existing = index.__dict__.get("timeline")  # Index.timeline is a cached_property
        if existing is not None and existing.entity_index is index.__dict__.get("entities"):
            self._ready(existing)
        else:
            # Not built yet, or entity corrections replaced the index its entity ids come from.
            index.__dict__.pop("timeline", None)
            self._build()

    @work(thread=True, exclusive=True, group="timeline-build")
    def _build(self) -> None:
        index = self.app.index
        try:
            timeline = index.timeline
        except Exception as exc:  # the view reports; it never takes the app down
            self.app.call_from_thread(self._status, f"could not build the timeline: {exc}")
            return
        self.app.call_from_thread(self._ready, timeline)

    def _ready(self, timeline: Timeline) -> None:
        self.timeline = timeline
        current = getattr(self.app, "current_doc", None)
        self._refill(keep=None, near_doc=current.id if current else None)

    # --- listing -----------------------------------------------------------
    def _visible(self) -> list[Event]:
        assert self.timeline is not None
        return [
            e for e in self.timeline.events
            if (self.article is None or e.doc == self.article) and (self.entity is None or self.entity in e.entities)
        ]

    def _refill(self, keep: Event | None = None, near_doc: str | None = None) -> None:
        matching = self._visible()
        # A list of every event of a huge corpus would take seconds to lay out;
        # past MAX_EVENTS the filters narrow it down.
        events = matching[:MAX_EVENTS]
        self.shown = events
        self._matching = len(matching)
        options: list[Option] = []
        target = None
        per_day: dict[dt.date | None, tuple[int, set[str]]] = {}
        for e in events:
            n, docs = per_day.get(e.date, (0, set()))
            docs.add(e.doc)
            per_day[e.date] = (n + 1, docs)
        last_day: object = object()
        for i, e in enumerate(events):
            if e.date != last_day:
                last_day = e.date
                head = Text(day_label(e.date), style="bold")
                n, docs_of_day = per_day[e.date]
                docs = len(docs_of_day)
                head.append(f"   {n} event{'s' if n != 1 else ''} in {docs} article{'s' if docs != 1 else ''}",
                            style="dim")
                options.append(Option(head, id=f"day-{i}", disabled=True))
            options.append(Option(self._event_row(e), id=f"ev-{i}"))
            if keep is not None and e is keep:
                target = len(options) - 1
            elif target is None and keep is None and near_doc is not None and e.doc == near_doc and e.date:
                target = len(options) - 1
        self.options.clear_options()
        self.options.add_options(options)
        if options:
            self.options.highlighted = target if target is not None else next(
                (i for i, o in enumerate(options) if not o.disabled), None)
        self._update_status(len(events))

    def _event_row(self, e: Event) -> Text:
        index = self.app.index
        doc = index.doc(e.doc) if index else None
        title = sanitize(doc.title) if doc else e.doc
        if len(title) > TITLE_CHARS:
            title = title[: TITLE_CHARS - 1] + "…"
        head = Text()
        head.append(title, style="bold")
        reported = " · ".join(x for x in ((doc.source if doc else None), (doc.date_iso if doc else None)) if x)
        head.append(f"  {reported}", style="dim")
        head.append("  “")
        head.append(sanitize(" ".join(e.text.split())), style="bold")
        head.append("”")
        extra = span_label(e)
        if extra:
            head.append(f"  ({extra})", style="dim")
        if e.date is None and e.note:
            head.append(f"  {e.note}", style="dim italic")
        lines = [head, Text("│ ", style="dim") + snippet(e)]
        names = self._entity_names(e)
        if names:
            lines.append(Text("│ ", style="dim") + Text(", ".join(names), style="italic green"))
        # One screen line each, cut at the edge (the expression sits near the
        # start of its snippet, so it stays in view).
        width = self._line_width()
        for line in lines:
            line.truncate(width, overflow="ellipsis")
        return Text("\n").join(lines)

    def _line_width(self) -> int:
        return max(30, (self.options.size.width or self.app.size.width) - 4)

    def on_resize(self, event) -> None:
        if self.timeline is not None:
            self._refill(keep=self.highlighted_event)

    def _entity_names(self, e: Event) -> list[str]:
        ents = self._entities()
        if ents is None:
            return []
        out = []
        for eid in e.entities:
            ent = ents.get(eid)
            out.append(sanitize(ent.name) if ent is not None else eid)
        return out

    def _entities(self):
        index = getattr(self.app, "index", None)
        return index.__dict__.get("entities") if index is not None else None

    def _update_status(self, shown: int) -> None:
        assert self.timeline is not None
        total = len(self.timeline.events)
        undated = sum(1 for e in self.shown if e.date is None)
        parts = [f"{shown} of {total} events" if shown != total else f"{total} events"]
        if self._matching > shown:
            parts[0] = f"first {shown} of {self._matching} matching events (filter with a or e)"
        if undated:
            parts.append(f"{undated} without a date (last)")
        if self.article:
            doc = self.app.index.doc(self.article)
            parts.append(f"article: {sanitize(doc.title) if doc else self.article}")
        if self.entity:
            ents = self._entities()
            ent = ents.get(self.entity) if ents is not None else None
            parts.append(f"entity: {sanitize(ent.name) if ent is not None else self.entity}")
        parts.append("enter open · a article · e entity · x clear · esc close")
        self._status(" · ".join(parts))

    def _status(self, message: str) -> None:
        self.query_one("#timeline-status", Static).update(Text(message))

    # --- actions -------------------------------------------------------------
    @property
    def highlighted_event(self) -> Event | None:
        i = self.options.highlighted
        if i is None:
            return None
        opt = self.options.get_option_at_index(i)
        if opt.id and opt.id.startswith("ev-"):
            return self.shown[int(opt.id[3:])]
        return None

    @on(OptionList.OptionSelected, "#timeline-events")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if not event.option.id or not event.option.id.startswith("ev-"):
            return
        e = self.shown[int(event.option.id[3:])]
        app: ReaderHost = self.app  # type: ignore[assignment]
        self.dismiss(None)
        app.open_document(e.doc, e.start, e.end)
        app.article_view.focus()
        from ..widgets.dates_pane import resolution_label

        # markup=False: the label quotes article text.
        app.notify(f"“{sanitize(' '.join(e.text.split()))}”: {sanitize(resolution_label(e))}", title="Timeline",
                   timeout=5, markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_filter_article(self) -> None:
        if self.timeline is None:
            return
        keep = self.highlighted_event
        if self.article is not None:
            self.article = None
        else:
            doc = keep.doc if keep else getattr(getattr(self.app, "current_doc", None), "id", None)
            if doc is None:
                return
            self.article = doc
        self._refill(keep=keep)

    def action_filter_entity(self) -> None:
        if self.timeline is None:
            return
        keep = self.highlighted_event
        chosen = selected_entity_id(self.app)
        if chosen is not None and chosen != self.entity:
            self.entity = chosen
        elif chosen is not None:
            self.entity = None
        else:
            # Walk the highlighted event's entities, one per press, then none.
            if keep is not None and (self.entity is None or self.entity not in keep.entities):
                self._entity_cycle = list(keep.entities)
            cycle = self._entity_cycle
            if not cycle:
                self.notify("select an entity in the sidebar, or highlight an event that names one",
                            severity="warning")
                return
            if self.entity in cycle:
                i = cycle.index(self.entity) + 1
                self.entity = cycle[i] if i < len(cycle) else None
            else:
                self.entity = cycle[0]
        self._refill(keep=keep if keep is not None and (self.entity is None or self.entity in keep.entities) else None)

    def action_clear_filters(self) -> None:
        if self.timeline is None:
            return
        keep = self.highlighted_event
        self.article = self.entity = None
        self._refill(keep=keep)


def selected_entity_id(app) -> str | None:
    """The entity selected in the sidebar's Entities tab (or, for any other
    pane, its ``selected_entity``), if there is one."""
    try:
        sidebar = app.sidebar
    except Exception:
        return None
    for widget in sidebar.query("*"):
        ent = getattr(widget, "selected_entity", None)
        if ent is None and type(widget).__name__ == "EntitiesPane":
            ent = getattr(widget, "selected", None)
        if ent:
            return ent if isinstance(ent, str) else getattr(ent, "id", None)
    return None


def open_timeline(app: "ReaderHost") -> None:
    if app.index is None:
        app.notify("the articles are still loading", severity="warning")
        return
    if not isinstance(app.screen, TimelineScreen):
        app.push_screen(TimelineScreen())
