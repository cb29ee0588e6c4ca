"""The Entities tab of the sidebar: people, places and organisations, merged across articles.

Selecting an entity highlights its mentions in the article and lists every mention of it
across the articles as keyword-in-context lines; n/N walk them article after article.
Corrections (merge, rename, retype, split, ignore, undo) go to the corrections file and
are applied at once. Extraction runs in a worker; the pane fills when it is done.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.document import Document
from ...core.loader import sort_key
from ..reflow import sanitize
from .entity_corrections import CorrectionsMixin
from ..messages import reporting_to
from .list_filter import ListFilter

if TYPE_CHECKING:  # the entity code is imported by the worker that builds the list, not at start
    from ...core.entities.model import Entity, EntityIndex, Mention
    from ...core.index import Index

GROUPS = (("PERSON", "People"), ("PLACE", "Places"), ("ORG", "Organisations"))
_KWIC_MAX = 400  # context lines listed at once: arrowing through a big corpus's list must stay quick
_WIDE = 34  # list width from which the counts are spelled out
_KWIC = 22  # characters of context before a mention (lines are cut at the pane's edge)


def _row_width(lst: OptionList, fallback: int) -> int:
    """Cells a one-line row may take. A scrollbar that appears only once the list is
    filled takes its cells from the rows, and a row one cell too long wraps."""
    width = lst.scrollable_content_region.width or fallback
    if not lst.show_vertical_scrollbar:
        width -= lst.styles.scrollbar_size_vertical
    return width


class EntitiesPane(Vertical, CorrectionsMixin):
    """People, places and organisations of the articles."""

    HELP_TITLE = "Entities"
    BINDINGS = [
        Binding("n", "step_mention(1)", "Next mention", id="entity-next",
                tooltip="Next mention of the selected entity across articles (its mentions are highlighted and listed below)"),
        Binding("N", "step_mention(-1)", "Prev mention", id="entity-prev",
                tooltip="Previous mention of the selected entity across articles"),
        Binding("f", "filter", "Filter", id="entity-filter",
                tooltip="Filter by name or spelling (down goes to the list, escape clears)"),
        Binding("c", "toggle_sort", "Sort: count/name", show=False, id="entity-sort",
                tooltip="Sort by count or by name"),
        Binding("a", "toggle_scope", "Scope: article/all", show=False, id="entity-scope",
                tooltip="Entities of this article or of all articles"),
        Binding("o", "toggle_only", "Only in this article", show=False, id="entity-only",
                tooltip="Show only the people, places and organisations no other article names"),
        Binding("m", "merge", "Merge into…", id="entity-merge",
                tooltip="Merge into another entity (fuzzy picker); saved in entities.yaml"),
        Binding("e", "rename", "Rename", show=False, id="entity-rename",
                tooltip="Rename the entity; saved in entities.yaml"),
        Binding("T", "retype", "Retype", show=False, id="entity-retype",
                tooltip="Change the entity's type (person, place, organisation); saved in entities.yaml"),
        Binding("p", "split", "Split a spelling off", show=False, id="entity-split",
                tooltip="Split a spelling off into an entity of its own; saved in entities.yaml"),
        Binding("x", "ignore", "Ignore (hide)", show=False, id="entity-ignore",
                tooltip="Ignore the entity: hidden from the list; saved in entities.yaml"),
        Binding("u", "undo", "Undo correction", show=False, id="entity-undo", tooltip="Undo the last correction"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.index: Index | None = None
        self.entities: EntityIndex | None = None
        self.doc: Document | None = None
        self.scope = "all"  # or "doc": only entities of the article shown
        self.only = False  # only the entities no other article names (from the comparison)
        self._only: dict[str, set[str]] | None = None  # doc id -> those entity ids, once compared
        self.sort = "count"  # or "name"
        self.selected: Entity | None = None
        self.cursor = -1  # position in the selected entity's ordered mentions
        self._doc_rank: dict[str, int] = {}
        self._pending = None  # timer that shows the highlighted entity once arrowing pauses
        self.shown: Entity | None = None  # the entity whose mentions are marked and listed
        self._titles: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield ListFilter(placeholder="filter (f)", id="entities-filter", list_id="entities-list")
        yield Static(Text("waiting for the articles…"), id="entities-status", classes="pane-status")
        yield OptionList(id="entities-list")
        yield Static(Text(""), id="entities-position")
        yield OptionList(id="entities-kwic")

    # --- sidebar protocol ---------------------------------------------------
    def set_index(self, index: "Index") -> None:
        self.index = index
        docs = sorted(index.documents, key=sort_key)
        self._doc_rank = {d.id: i for i, d in enumerate(docs)}
        self._titles = {d.id: sanitize(d.title or d.id) for d in docs}
        self._status("finding people, places and organisations…")
        self._extract(index)

    @work(thread=True, exclusive=True, group="entities")
    def _extract(self, index: "Index") -> None:
        with reporting_to(self):  # the app shows how far it has got
            entities = index.entities  # the expensive part, off the UI thread
        self.app.call_from_thread(self._entities_ready, entities)

    PROGRESS = ("articles checked", "entity words", "entities")  # the steps of the entity pass, in order

    def show_progress(self, name: str, done: int, total: int) -> None:
        if self.entities is None and name in self.PROGRESS:
            self._status(f"{name} {done:,} / {total:,}")

    def show_document(self, doc: Document | None) -> None:
        self.doc = doc
        if self.entities is None:
            return
        if self.scope == "doc" or self.only:
            self._refill()
        self._mark()

    # --- data -> widgets ----------------------------------------------------
    def _entities_ready(self, entities: EntityIndex) -> None:
        self.entities = entities
        if entities.corrections_error:
            self.app.notify(entities.corrections_error, title="Entity corrections not applied",
                            severity="error", timeout=10)
        if self.selected is not None:
            self.selected = entities.get(self.selected.id)
        self._refill()
        self._show_selected()

    @property
    def _scope(self) -> str:
        return "doc" if self.only else self.scope

    def _visible(self) -> list[Entity]:
        ents = self.entities.entities if self.entities else []
        if self._scope == "doc":
            doc_id = self.doc.id if self.doc else None
            ents = [e for e in ents if any(m.doc == doc_id for m in e.mentions)]
        if self.only:
            own = (self._only or {}).get(self.doc.id if self.doc else "", set())
            ents = [e for e in ents if e.id in own]
        query = self.query_one("#entities-filter", Input).value.strip().lower()
        if query:
            ents = [e for e in ents if query in e.name.lower() or any(query in a.lower() for a in e.aliases)]
        if self.sort == "name":
            return sorted(ents, key=lambda e: e.name.lower())
        if self._scope == "doc" and self.doc is not None:
            did = self.doc.id
            return sorted(ents, key=lambda e: (-sum(1 for m in e.mentions if m.doc == did), e.name.lower()))
        return sorted(ents, key=lambda e: (-len(e.mentions), e.name.lower()))

    def _count(self, e: Entity) -> tuple[int, int]:
        if self._scope == "doc" and self.doc is not None:
            return sum(1 for m in e.mentions if m.doc == self.doc.id), 1
        return len(e.mentions), len(e.docs)

    def _refill(self) -> None:
        lst = self.query_one("#entities-list", OptionList)
        keep = self.selected.id if self.selected else None
        ents = self._visible()
        width = max(8, _row_width(lst, 40))
        # a narrow sidebar gives the names the room: "17/2" (the status line says what it counts)
        # rather than "17 · 2 art.", which left "Kassym-J…" of a name
        compact = self._scope == "all" and width < _WIDE
        options: list[Option] = []
        highlight = None
        for typ, label in GROUPS:
            group = [e for e in ents if e.type == typ]
            if not group:
                continue
            options.append(Option(Text(f"{label} ({len(group)})", style="bold"), disabled=True))
            for e in group:
                n, d = self._count(e)
                counts = f"{n}" + ((f"/{d}" if compact else f" · {d} art.") if self._scope == "all" else "")
                # plain one-line Text with the counts right-aligned by padding: a list of thousands of
                # entities re-renders its prompts often, and Text is the cheapest prompt there is
                name = sanitize(e.name)
                room = max(4, width - len(counts) - 1)
                if len(name) > room:
                    name = name[: room - 1] + "…"
                row = Text(name.ljust(room) + " ", no_wrap=True)
                row.append(counts, style="dim")
                if e.id == keep:
                    highlight = len(options)
                options.append(Option(row, id=e.id))
        lst.clear_options()
        lst.add_options(options)
        if highlight is not None:
            lst.highlighted = highlight
        total = len(self.entities.entities) if self.entities else 0
        scope = "this article" if self._scope == "doc" else "all articles"
        if self.only:
            scope = "only in this article" if self._only is not None else "comparing the articles…"
        hidden = len(self.entities.hidden) if self.entities else 0
        self._status(f"{len(ents)} of {total} · {scope} · by {self.sort}" + (f" · {hidden} ignored" if hidden else "")
                     + (" · mentions/articles" if compact else ""))

    def _status(self, message: str) -> None:
        self.query_one("#entities-status", Static).update(Text(message, style="italic"))

    def ordered_mentions(self, e: Entity) -> list[Mention]:
        """The entity's mentions in reading order: article list order, then offset."""
        rank = self._doc_rank
        return sorted(e.mentions, key=lambda m: (rank.get(m.doc, 1 << 30), m.start))

    def _show_selected(self) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        self.shown = self.selected
        kwic = self.query_one("#entities-kwic", OptionList)
        kwic.clear_options()
        e = self.selected
        if e is None or self.index is None:
            self.query_one("#entities-position", Static).update(Text(""))
            self._mark()
            return
        options = []
        # one line each: the list would wrap a long line, and the keyword column must stay put
        width = max(8, _row_width(kwic, 60))
        ordered = self.ordered_mentions(e)
        for i, m in enumerate(ordered[:_KWIC_MAX]):
            # the keyword first: in a narrow pane the context before it gives way (it used to keep
            # 8 characters and push "Kassym-Jomart Tokayev" off the edge)
            line = self._kwic_line(m, max(0, min(_KWIC, (width - 3 - len(m.text)) // 2)))
            line.truncate(width, overflow="ellipsis")
            options.append(Option(line, id=str(i)))
        if len(ordered) > _KWIC_MAX:
            more = Text(f"… {len(ordered) - _KWIC_MAX} more (n/N walks them all)", style="italic dim")
            options.append(Option(more, disabled=True))
        kwic.add_options(options)
        if 0 <= self.cursor < len(options):
            kwic.highlighted = self.cursor
        self._update_position()
        self._mark()

    def on_resize(self) -> None:
        if self.entities is not None:
            self._refill()
        if self.selected is not None:
            self._show_selected()

    def _kwic_line(self, m: Mention, left_width: int = _KWIC) -> Text:
        doc = self.index.doc(m.doc) if self.index else None
        text = doc.text if doc else ""
        # whitespace runs (line breaks included) become one space, kept next to the keyword
        raw_left, raw_right = text[max(0, m.start - 3 * _KWIC):m.start], text[m.end:m.end + 3 * _KWIC]
        left = " ".join(raw_left.split()) + (" " if raw_left[-1:].isspace() else "")
        right = (" " if raw_right[:1].isspace() else "") + " ".join(raw_right.split())
        left = sanitize(left)[-left_width:].rjust(left_width) if left_width > 0 else ""
        line = Text(f"{self._doc_rank.get(m.doc, 0) + 1:>2} ", style="dim", no_wrap=True, overflow="ellipsis")
        line.append(left)
        line.append(sanitize(m.text), style="bold reverse")
        line.append(sanitize(right)[:_KWIC * 2])
        return line

    def _update_position(self) -> None:
        e = self.selected
        pos = self.query_one("#entities-position", Static)
        if e is None:
            pos.update(Text(""))
            return
        ms = self.ordered_mentions(e)
        docs = list(dict.fromkeys(m.doc for m in ms))
        if 0 <= self.cursor < len(ms):
            m = ms[self.cursor]
            pos.update(Text(f"{self.cursor + 1}/{len(ms)} · article {docs.index(m.doc) + 1} of {len(docs)} · n/N"))
        else:
            pos.update(Text(f"{len(ms)} mentions in {len(docs)} article{'s' if len(docs) != 1 else ''} · n/N"))

    def _mark(self) -> None:
        """Highlight the selected entity's mentions in the article shown."""
        view = getattr(self.app, "article_view", None)
        if view is None:
            return
        if self.selected is None or self.doc is None:
            view.clear_marks("entity")
            return
        view.set_marks("entity", [(m.start, m.end) for m in self.selected.mentions if m.doc == self.doc.id])

    def position_text(self) -> str:
        return str(self.query_one("#entities-position", Static).render())

    # --- events -------------------------------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "entities-list" or self.entities is None:
            return
        e = self.entities.get(event.option.id) if event.option.id else None
        if e is not None and e is not self.selected:
            self.selected = e
            self.cursor = -1
            # arrowing through the list must stay instant: the context list and the marks follow
            # once the highlight rests
            if self._pending is not None:
                self._pending.stop()
            self._pending = self.set_timer(0.12, self._show_selected)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "entities-list":
            self.action_step_mention(1)
        elif event.option_list.id == "entities-kwic" and event.option.id is not None:
            self._go(int(event.option.id))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "entities-filter":
            event.stop()
            self._refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "entities-filter":
            event.stop()
            self.query_one("#entities-list", OptionList).focus()

    # --- actions --------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one("#entities-filter", Input).focus()

    def action_toggle_sort(self) -> None:
        self.sort = "name" if self.sort == "count" else "count"
        self._refill()

    def action_toggle_scope(self) -> None:
        self.only = False
        self.scope = "doc" if self.scope == "all" else "all"
        self._refill()

    def action_toggle_only(self) -> None:
        self.only = not self.only
        if self.only and self._only is None and self.index is not None:
            self._compare(self.index)
        self._refill()

    @work(thread=True, exclusive=True, group="entities-compare")
    def _compare(self, index: "Index") -> None:
        comparison = index.compare  # entities, quotations and dates of every article: off the UI thread
        own: dict[str, set[str]] = {}
        for e in comparison.entities:
            if len(e.docs) == 1:
                own.setdefault(e.docs[0], set()).add(e.id)
        self.app.call_from_thread(self._compared, own)

    def _compared(self, own: dict[str, set[str]]) -> None:
        self._only = own
        if self.only and self.entities is not None:
            self._refill()

    def action_step_mention(self, step: int) -> None:
        if self.selected is None:
            self.app.notify("select an entity first", severity="warning")
            return
        if self.shown is not self.selected:
            self._show_selected()
        ms = self.ordered_mentions(self.selected)
        if not ms:
            return
        if self.cursor < 0:
            # start from the reading position: the first mention after it in the article shown
            cur_rank = self._doc_rank.get(self.doc.id, -1) if self.doc else -1
            top = self.app.article_view.top_offset if self.doc else 0
            later = [i for i, m in enumerate(ms) if (self._doc_rank.get(m.doc, 0), m.start) >= (cur_rank, top)]
            target = (later[0] if later else 0) if step > 0 else ((later[0] - 1) if later else len(ms) - 1)
        else:
            target = (self.cursor + step) % len(ms)
        self._go(target % len(ms))

    def _go(self, i: int) -> None:
        ms = self.ordered_mentions(self.selected)
        if not (0 <= i < len(ms)):
            return
        self.cursor = i
        m = ms[i]
        self.app.set_stepper("mentions", self.action_step_mention)  # n / N keep going from the article
        self.app.open_document(m.doc, m.start, m.end)
        kwic = self.query_one("#entities-kwic", OptionList)
        if kwic.option_count > i:
            kwic.highlighted = i
        self._update_position()
        self._mark()


def palette_commands(app) -> Iterable[SystemCommand]:
    """Palette entries for the Entities tab (they act on its selected entity)."""
    panes = list(app.query(EntitiesPane))
    if not panes:
        return
    pane = panes[0]

    def run(action: str) -> None:
        _show_entities_tab(app)
        getattr(pane, f"action_{action}")()

    yield SystemCommand("Entities: show", "The people, places and organisations tab", partial(_show_entities_tab, app, True))
    yield SystemCommand("Entities: next mention", "Next mention of the selected entity (n)", partial(pane.action_step_mention, 1))
    yield SystemCommand("Entities: previous mention", "Previous mention of the selected entity (N)", partial(pane.action_step_mention, -1))
    yield SystemCommand("Entities: merge into…", "Merge the selected entity into another (m)", partial(run, "merge"))
    yield SystemCommand("Entities: rename", "Rename the selected entity (e)", partial(run, "rename"))
    yield SystemCommand("Entities: retype", "Make the selected entity a person, place or organisation (T)", partial(run, "retype"))
    yield SystemCommand("Entities: split a spelling off", "Make one spelling of the selected entity its own entity (p)", partial(run, "split"))
    yield SystemCommand("Entities: ignore", "Hide the selected entity (x)", partial(run, "ignore"))
    yield SystemCommand("Entities: undo last correction", "Remove the last line of the corrections file (u)", partial(run, "undo"))
    yield SystemCommand("Entities: sort by count or name", "Toggle the order of the list (c)", partial(run, "toggle_sort"))
    yield SystemCommand("Entities: this article or all", "Toggle the scope of the list (a)", partial(run, "toggle_scope"))
    yield SystemCommand("Entities: only in this article", "The entities no other article names, or all again (o)",
                        partial(run, "toggle_only"))


def _show_entities_tab(app, focus: bool = False) -> None:
    from textual.css.query import NoMatches
    from textual.widgets import TabbedContent

    try:
        tabs = app.query_one("#sidebar-tabs", TabbedContent)
    except NoMatches:  # no sidebar: the action still runs on the pane
        return
    if focus and hasattr(app, "show_sidebar_tab"):
        app.show_sidebar_tab("tab-entities", "#entities-list")  # also shows a hidden sidebar
        return
    tabs.active = "tab-entities"
    if focus:
        app.query_one("#entities-list", OptionList).focus()
