"""The finder: `/` or ctrl+f opens it over the app; type a few remembered words.

Results update as you type. Each search runs in a worker thread and carries a
generation number: a result is shown only if no newer keystroke has been made
since it started, so a slow stale search never replaces a newer one. Enter
jumps to the passage; `n`/`N` then walk the remaining results across articles
(a jump makes ``step_hit`` here what the app's n / N call); `o` jumps to the same
passage in another article ("also in").
"""

from __future__ import annotations

import threading
from functools import partial
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # the search code is imported when the finder first searches, not at start
    from ...core.search import Hit, SearchIndex, SearchResult
    from ...core.index import Index
    from ..host import ReaderHost

SNIPPET_CHARS = 220
_build_lock = threading.Lock()

KIND_STYLE = {"quote": "bold magenta", "sentence": "bold cyan", "entity": "bold green"}


@dataclass
class FinderSession:
    """What the finder remembers between openings: the query and the hits `n`/`N` walk."""

    query: str = ""
    hits: list[Hit] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    pos: int = -1
    also: list[Any] = field(default_factory=list)  # passages elsewhere reporting the current hit
    also_pos: int = -1


def session_of(app: "ReaderHost") -> FinderSession:
    """The app's finder session, made on first use (the app starts without importing the finder)."""
    if app.finder_session is None:
        app.finder_session = FinderSession()
    return app.finder_session


def ensure_search(index: "Index") -> tuple[SearchIndex, bool]:
    """The Index's search engine, sentences first: returns ``(search, needs_extras)``.

    Quotations and entities can take a while on a large corpus; the finder
    answers from sentences at once and attaches those when they are ready."""
    existing = index.__dict__.get("search")  # Index.search is a cached_property
    if existing is not None:
        return existing, False
    with _build_lock:
        existing = index.__dict__.get("search")
        if existing is not None:
            return existing, False
        from ...core.search import SearchIndex

        search = SearchIndex.open(index, extras=False)
        index.__dict__["search"] = search
        search._extras_pending = True  # type: ignore[attr-defined]
        return search, True


def snippet(text: str, words: list[str], prefix_last: bool, limit: int = SNIPPET_CHARS) -> Text:
    """The passage on one line, around its first matched word, matched words highlighted."""
    from ...core.search.highlight import match_spans

    flat = " ".join(text.split())
    spans = match_spans(flat, words, prefix_last)
    start = 0
    if len(flat) > limit and spans:
        start = max(0, spans[0][0] - limit // 4)
        if start:
            space = flat.find(" ", start)
            start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(flat), start + limit)
    out = Text("…" if start else "")
    offset = len(out) - start
    out.append(flat[start:end])
    if end < len(flat):
        out.append("…")
    for a, b in spans:
        if a >= start and b <= end:
            out.stylize("bold reverse", a + offset, b + offset)
    return out


def hit_row(hit: Hit, index: "Index | None", words: list[str], prefix_last: bool) -> Text:
    doc = index.doc(hit.doc) if index is not None else None
    head = Text()
    head.append(f"{hit.kind:8}", style=KIND_STYLE.get(hit.kind, "bold"))
    head.append(" ")
    where = " · ".join(x for x in ((doc.date_iso or "no date") if doc else None, (doc.source or "—") if doc else None) if x)
    head.append(where, style="dim")
    head.append(f"  {hit.doc}", style="dim italic")
    if hit.speaker:
        head.append("  ")
        head.append(hit.speaker, style="bold")
        head.append(":")
    head.append("\n")
    head.append_text(snippet(hit.text, words, prefix_last))
    return head


class FinderScreen(ModalScreen[int | None]):
    """Find passages by a few remembered words."""

    HELP_TITLE = "Finder"
    BINDINGS = [
        Binding("escape", "close", "Close", id="finder-close", tooltip="Close the finder"),
        Binding("down", "move(1)", "Next result", show=False, id="finder-next", tooltip="Next result"),
        Binding("up", "move(-1)", "Previous result", show=False, id="finder-prev", tooltip="Previous result"),
        Binding("pagedown", "move(8)", "Page down", show=False, id="finder-page-down", tooltip="Eight results down"),
        Binding("pageup", "move(-8)", "Page up", show=False, id="finder-page-up", tooltip="Eight results up"),
    ]

    DEFAULT_CSS = """
    FinderScreen { align: center top; }
    FinderScreen > #finder-box {
        width: 90%; max-width: 130; height: 80%; margin-top: 2;
        border: round $accent; background: $surface; padding: 0 1;
    }
    FinderScreen #finder-input { border: none; height: 1; padding: 0 1; background: $boost; }
    FinderScreen #finder-status { height: 1; color: $text-muted; padding: 0 1; }
    FinderScreen #finder-results { height: 1fr; border: none; padding: 0; }
    FinderScreen #finder-results > .option-list--option { padding: 0 1; }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self._initial = query
        self._generation = 0
        self.result: SearchResult | None = None
        self.searched: str | None = None  # the query whose results are shown (tests wait on it)
        self._prefix_last = False

    def compose(self) -> ComposeResult:
        with Vertical(id="finder-box"):
            yield Input(value=self._initial, id="finder-input",
                        placeholder="words to find (typos ok) · @speaker · kind:quote · in:ARTICLE · #tag")
            yield Static(Text("type to search"), id="finder-status")
            yield OptionList(id="finder-results")

    @property
    def input(self) -> Input:
        return self.query_one("#finder-input", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one("#finder-results", OptionList)

    def on_mount(self) -> None:
        self.input.focus()
        if self._initial:
            self.input.select_all() if hasattr(self.input, "select_all") else None
            self._start(self._initial)

    # --- searching ---------------------------------------------------------
    @on(Input.Changed, "#finder-input")
    def _changed(self, event: Input.Changed) -> None:
        self._start(event.value)

    def _start(self, query: str) -> None:
        self._generation += 1
        index = getattr(self.app, "index", None)
        if index is None:
            self._status("the articles are still loading…")
            return
        if not query.strip():
            from ...core.search import SearchResult

            self._show(self._generation, query, SearchResult(query=query, message="type to search"))
            return
        if index.__dict__.get("search") is None:
            self._status(f"indexing {len(index.documents):,} articles…")
        self._search(query, self._generation)

    @work(thread=True, group="finder-search")
    def _search(self, query: str, generation: int) -> None:
        from ...core.search import SearchResult

        index = self.app.index
        try:
            search, needs_extras = ensure_search(index)
            limit = int(index.config.get("finder", "limit"))
            result = search.run(query, limit, as_you_type=True)
        except Exception as exc:  # the finder reports; it never takes the app down
            result = SearchResult(query=query, message=f"search failed: {exc}")
            needs_extras = False
        self.app.call_from_thread(self._show, generation, query, result)
        if needs_extras:
            self._attach_extras(index)

    @work(thread=True, group="finder-extras")
    def _attach_extras(self, index) -> None:
        search = index.__dict__.get("search")
        if search is None or not getattr(search, "_extras_pending", False):
            return
        search._extras_pending = False
        search.attach_from(index)
        if search.items:  # quotations and names can change the answer: ask again
            self.app.call_from_thread(self._refresh)

    def _refresh(self) -> None:
        if self.is_attached and self.input.value.strip():
            self._start(self.input.value)

    def _show(self, generation: int, query: str, result: SearchResult) -> None:
        if generation != self._generation or not self.is_attached:
            return  # a newer keystroke has its own search under way
        self.result = result
        self.searched = query
        self._prefix_last = bool(query) and not query.endswith(" ")
        options = self.results
        options.clear_options()
        index = self.app.index
        options.add_options([
            Option(hit_row(h, index, result.words, self._prefix_last), id=str(i)) for i, h in enumerate(result.hits)
        ])
        if result.hits:
            options.highlighted = 0
            n = len(result.hits)
            self._status(f"{n} result{'s' if n != 1 else ''} · enter jumps, then n / N for the next and previous"
                         + (f" · {result.message}" if result.message else ""))
        else:
            self._status(result.message or "no matches")

    def _status(self, message: str) -> None:
        self.query_one("#finder-status", Static).update(Text(message))

    # --- choosing ----------------------------------------------------------
    def action_move(self, step: int) -> None:
        options = self.results
        if options.option_count:
            cur = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, cur + step))

    @on(Input.Submitted, "#finder-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.result and self.result.hits and self.searched == self.input.value:
            self._choose(self.results.highlighted or 0)

    @on(OptionList.OptionSelected, "#finder-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, i: int) -> None:
        session = session_of(self.app)
        session.query = self.input.value
        session.hits = list(self.result.hits) if self.result else []
        session.words = list(self.result.words) if self.result else []
        self.dismiss(i)

    def action_close(self) -> None:
        session_of(self.app).query = self.input.value
        self.dismiss(None)


# --- the app side: opening, jumping, n / N, "also in" -------------------------
def open_finder(app: "ReaderHost") -> None:
    if isinstance(app.screen, FinderScreen):
        return

    def chosen(i: int | None) -> None:
        if i is not None:
            go_to(app, i)

    app.push_screen(FinderScreen(session_of(app).query), chosen)


def go_to(app: "ReaderHost", i: int) -> None:
    session = session_of(app)
    if not (0 <= i < len(session.hits)):
        return
    session.pos = i
    hit = session.hits[i]
    app.set_stepper("results", partial(step_hit, app))
    app.open_document(hit.doc, hit.start, hit.end)
    view = app.article_view
    view.focus()  # n / N are read there (the article list would take them as filter text)
    from ...core.search.highlight import match_spans

    words = [(hit.start + a, hit.start + b) for a, b in match_spans(hit.text, session.words)]
    view.set_marks("hit", words)
    app.notify(f"result {i + 1} of {len(session.hits)} · {hit.kind} in {hit.doc}", timeout=3, markup=False)
    session.also, session.also_pos = [], -1
    _find_also(app, hit)


def step_hit(app: "ReaderHost", step: int) -> None:
    session = session_of(app)
    if not session.hits:
        app.notify("no results to step through: press / to find", timeout=3)
        return
    nxt = session.pos + step
    if 0 <= nxt < len(session.hits):
        go_to(app, nxt)
    else:
        app.bell()
        app.notify("last result" if step > 0 else "first result", timeout=2)


def _find_also(app: "ReaderHost", hit: Hit) -> None:
    index = app.index
    if index is None:
        return

    def job() -> None:
        try:
            search, _ = ensure_search(index)
            quotes = index.quotes  # builds the quotation index if needed
            fn = getattr(quotes, "similar_passages", None)
            found = list(fn(hit.doc, hit.start, hit.end, 10)) if fn else []
        except Exception:
            found = []
        found = [m for m in found if _get(m, "doc") != hit.doc and index.doc(_get(m, "doc")) is not None]
        app.call_from_thread(_show_also, app, hit, found)

    app.run_worker(job, thread=True, group="finder-also", exclusive=True)


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _show_also(app: "ReaderHost", hit: Hit, found: list[Any]) -> None:
    session = session_of(app)
    if not session.hits or session.hits[session.pos] is not hit:
        return  # the reader has moved on
    session.also, session.also_pos = found, -1
    if not found:
        return
    names = []
    for m in found[:3]:
        doc = app.index.doc(_get(m, "doc"))
        title = " ".join((doc.title or doc.id).split())
        title = title if len(title) <= 40 else title[:39] + "…"
        names.append(f"{title} ({doc.date_iso or 'no date'}, {doc.source or 'source unknown'})")
    more = f"; and {len(found) - 3} more" if len(found) > 3 else ""
    app.notify(f"also in: {'; '.join(names)}{more}. Press o to go there.", title="Same passage", timeout=6,
               markup=False)


def also_passage(app: "ReaderHost", advance: bool = False) -> tuple[str, int, int] | None:
    """``(doc, start, end)`` of the passage elsewhere "also in" points to (with ``advance``, the next
    one, as o walks them), or None when no other article reports the current result."""
    session = session_of(app)
    current = getattr(app, "current_doc", None)
    hit = session.hits[session.pos] if 0 <= session.pos < len(session.hits) else None
    if not session.also or hit is None or current is None or hit.doc != current.id:
        return None  # the reader has left the result's article: "also in" is about another passage
    if advance or session.also_pos < 0:
        session.also_pos = (session.also_pos + 1) % len(session.also)
    m = session.also[session.also_pos]
    return _get(m, "doc"), _get(m, "start"), _get(m, "end")


def jump_also(app: "ReaderHost") -> None:
    """Go to the next article that reports the current passage."""
    session = session_of(app)
    if not session.also:
        app.notify("no other article reports this passage", timeout=3)
        return
    session.also_pos = (session.also_pos + 1) % len(session.also)
    m = session.also[session.also_pos]
    doc, start, end = _get(m, "doc"), _get(m, "start"), _get(m, "end")
    app.open_document(doc, start, end)
    app.article_view.clear_marks("hit")

