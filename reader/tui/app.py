"""ReaderApp: composes the three panes, owns the Index, runs long work in workers."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.app import SystemCommand
from textual.widgets import Header, TabbedContent
from textual.worker import get_current_worker

from ..config import Config
from ..core.document import Document, LoadError
from ..core.errors import ReaderError
from ..core.index import Index
from ..core.state import StateStore
from .commands import ArticlesProvider, app_commands
from .keys import check_keymap
from .messages import NotesChanged, OpenPassage, OpenSideBySide
from .startup import StartupMixin
from .widgets.article_list import ArticleList
from .widgets.article_view import ArticleView
from .widgets.sidebar import Sidebar
from .widgets.split import SIDE_BY_SIDE, SplitPane
from .widgets.footer import KeyFooter

NARROW = 60  # below this many columns the sidebar hides
VERY_NARROW = 50  # below this the article list hides too (toggle with l)


class ReaderApp(StartupMixin, App):
    """Read several articles about one event."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ArticlesProvider}

    # The footer lists these in this order and cuts what does not fit (80 columns end near
    # "Next article"): the keys a reader cannot guess come first, q for quit last.
    BINDINGS = [
        Binding("slash,ctrl+f", "open_finder", "Find", key_display="/", id="find",
                tooltip="Finder: type remembered words (typos ok; @speaker, kind:quote, in:ID, #tag); enter jumps"),
        Binding("n", "step(1)", "Next", id="step-next",
                tooltip="Next finder result, entity mention or quotation match: whichever was used last"),
        Binding("question_mark", "help", "Help", key_display="?", id="help",
                tooltip="Help: every key of the focused pane and of the app"),
        Binding("left_square_bracket", "step_article(-1)", "Prev article", key_display="[", id="prev-article",
                tooltip="Previous article in the list"),
        Binding("right_square_bracket", "step_article(1)", "Next article", key_display="]", id="next-article",
                tooltip="Next article in the list"),
        Binding("t", "timeline", "Timeline", id="timeline",
                tooltip="Timeline: one row per day across all articles, each event with its article, sentence and entities"),
        Binding("c", "compare", "Compare", id="compare",
                tooltip="Where the articles agree, where they differ, and what only one of them says"),
        Binding("vertical_line", "side_by_side", "Side by side", key_display="|", id="side-by-side",
                tooltip="Read another article beside this one; | again or escape closes it"),
        Binding("A", "add_articles", "Add articles", show=False, key_display="A", id="add-articles",
                tooltip="Add articles from links, feeds or saved pages; they appear in the list as they arrive"),
        Binding("s", "toggle_sidebar", "Sidebar", id="toggle-sidebar",
                tooltip="Show or hide the sidebar (below 60 columns it opens over the article)"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit"),
        Binding("l", "toggle_list", "List", show=False, id="toggle-list",
                tooltip="Show or hide the article list (below 50 columns it opens over the article)"),
        Binding("r", "toggle_reflow", "Reflow", show=False, id="toggle-reflow",
                tooltip="Reflow on or off: join hard-wrapped lines into paragraphs"),
        Binding("N", "step(-1)", "Previous", show=False, key_display="N", id="step-prev",
                tooltip="Previous finder result, entity mention or quotation match: whichever was used last"),
        Binding("o", "also_in", "Same passage elsewhere", show=False, id="also-in",
                tooltip="After a finder jump: the same passage in another article that reports it"),
        Binding("escape", "close_overlay", "Close the list or sidebar shown over the article", show=False,
                id="close-overlay", tooltip="Close the list or sidebar shown over the article on a narrow terminal"),
    ]

    @dataclass
    class IndexReady(Message):
        index: Index

    def __init__(
        self,
        paths: list[str],
        config: Config | None = None,
        notes_path: str | Path | None = None,
        state: StateStore | None = None,
        preload=None,
        on_shown: Callable[[], None] | None = None,
        ahead=None,
        first: list[Document] | None = None,
    ) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.config = config or Config()
        self.notes_path = Path(notes_path) if notes_path else None
        self.state = state or StateStore()
        self._preload = preload  # the corpus listed from the cache at launch, or None
        self._on_shown = on_shown  # called once, when the first listing (its first article) has been painted
        self._ahead = ahead  # a process reading part of the folder for the first listing (reader.core.readahead)
        # the head of the list of a folder never opened (reader.core.first_screen), shown until it is listed
        self._first = {d.id: d for d in first} if first else None
        self.index: Index | None = None
        self.current_doc: Document | None = None
        self.finder_session = None  # the finder's FinderSession, made when it first opens (screens.finder.session_of)
        self._stepper: tuple[str, Callable[[int], None]] | None = None
        self._user_hid_sidebar = not self.config.get("ui", "sidebar")
        self._user_hid_list = False
        self._extra_paths: list[str] = []  # added articles outside the folders given
        self._add_errors: list[LoadError] = []  # what the add dialog could not add, for Load problems
        self._loads = itertools.count(1)  # each load is numbered; only the newest one's result is shown
        self._shown_load = 0
        self._keep: tuple[str, int | None] | None = None  # the article to stay on over a reload
        self._compare_fact: str | None = None  # where the Compare view's cursor was when it closed
        self._analyses: dict[str, str] = {}  # the analyses under way: name -> "entities 3,412 / 10,000"

    # --- layout ----------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield SplitPane(id="reading")
            yield Sidebar(id="sidebar")
        yield KeyFooter()

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def split(self) -> SplitPane:
        return self.query_one(SplitPane)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    def on_mount(self) -> None:
        theme = self.config.get("ui", "theme")
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(f"unknown theme {theme!r} in config; using {self.theme}", severity="warning")
        keymap, problems = check_keymap(self.config.keymap, str(self.config.path or "config"))
        for problem in problems:
            self.notify(problem, severity="warning", timeout=12, markup=False)
        self.set_keymap(keymap)
        self.article_view.reflow = bool(self.config.get("ui", "reflow"))
        self._apply_width(self.size.width)
        self.sub_title = "loading…"
        # Reading comes first: j/k, v and a work at once; tab reaches the list.
        self.article_view.focus()
        self.start_loading()
        # The sidebar's other tabs after the first paint (with the article, for a folder opened before).
        self.call_after_refresh(self.sidebar.mount_panes)

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.screen.set_class(width < NARROW, "-narrow")
        self.screen.set_class(width < VERY_NARROW, "-very-narrow")
        self.split.set_class(width < SIDE_BY_SIDE, "-stacked")
        self.sidebar.set_class(self._user_hid_sidebar, "-hidden")
        self.article_list.set_class(self._user_hid_list, "-hidden")
        self.call_after_refresh(self._keep_focus_visible)

    def _keep_focus_visible(self) -> None:
        """A pane that collapses must not keep the keyboard: keys typed into a
        hidden filter box would vanish."""
        focused = self.focused
        if focused is not None and (not focused.region or not focused.display or not all(
            a.display for a in focused.ancestors_with_self if hasattr(a, "display")
        )):
            self.article_view.focus()

    # --- opening articles ------------------------------------------------
    def open_document(self, doc_id: str, offset: int | None = None, end: int | None = None, restore: bool = False) -> None:
        """Show article ``doc_id``; with ``offset``, scroll to that passage and
        (unless restoring a reading position) highlight it up to ``end``."""
        if self.index is None and self._first is None:
            return
        doc = self.index.doc(doc_id) if self.index is not None else self._first.get(doc_id)
        if doc is None:
            self.notify(f"no article {doc_id!r}", severity="warning")
            return
        view = self.article_view
        if doc is not self.current_doc:
            self.current_doc = doc
            view.show(doc, offset if restore else None)
            self.article_list.highlight(doc.id)
            self.sidebar.show_document(doc)
            self.sub_title = f"{doc.date_iso or 'no date'} · {doc.source or 'source unknown'}"
        if offset is not None and not restore:
            view.jump_to(offset, end)
        if not restore:  # a place restored is the one saved (or the first article): written when left or at q,
            self._remember(durable=False)  # not before the first paint; no fsync on the UI thread at each move

    def action_step_article(self, step: int) -> None:
        ordered = self.article_list.ordered
        if not ordered:
            return
        ids = [d.id for d in ordered]
        cur = ids.index(self.current_doc.id) if self.current_doc and self.current_doc.id in ids else -1
        nxt = cur + step
        if 0 <= nxt < len(ids):
            self.open_document(ids[nxt])
        else:
            self.bell()

    @on(ArticleList.Selected)
    def _article_selected(self, event: ArticleList.Selected) -> None:
        # On a narrow terminal the list lies over the article: the article
        # chosen must be seen, and it is where the keys now go.
        self.article_list.remove_class("-shown")
        self.open_document(event.doc_id)
        self.article_view.focus()

    def _remember(self, *, durable: bool = True) -> None:
        if self.current_doc is not None:
            self.state.put(self.paths, self.current_doc.id, self.article_view.top_offset, durable=durable)

    async def action_quit(self) -> None:
        self._remember()
        self.exit()

    # --- toggles and screens ---------------------------------------------
    def action_toggle_sidebar(self) -> None:
        narrow = self.size.width < NARROW
        if narrow:
            # Below NARROW the sidebar is hidden by default; the toggle shows it over the article,
            # and takes the keys with it (the article underneath cannot be seen).
            self.sidebar.toggle_class("-shown")
            if self.sidebar.has_class("-shown"):
                self.sidebar.focus_tabs()
        else:
            self._user_hid_sidebar = not self._user_hid_sidebar
            self.sidebar.set_class(self._user_hid_sidebar, "-hidden")
        self.call_after_refresh(self._keep_focus_visible)

    def action_toggle_list(self) -> None:
        if self.size.width < VERY_NARROW:
            self.article_list.toggle_class("-shown")
            if self.article_list.has_class("-shown"):
                self.article_list.options.focus()
        else:
            self._user_hid_list = not self._user_hid_list
            self.article_list.set_class(self._user_hid_list, "-hidden")
        self.call_after_refresh(self._keep_focus_visible)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_overlay":
            return self.sidebar.has_class("-shown") or self.article_list.has_class("-shown") or self.split.is_open
        return True

    def action_close_overlay(self) -> None:
        focused = self.focused
        overlays = [pane for pane in (self.sidebar, self.article_list) if pane.has_class("-shown")]
        for pane in overlays:
            pane.remove_class("-shown")
            if focused is not None and pane in focused.ancestors_with_self:
                self.article_view.focus()
        if not overlays and self.split.is_open:
            self._close_split()

    def show_sidebar_tab(self, tab_id: str, focus: str | None = None) -> None:
        """Open the sidebar at ``tab_id`` (over the article on a narrow terminal, and
        shown again if the reader hid it) and give the keys to ``focus`` in it, else
        to the tab bar: a palette entry must never focus a pane that cannot be seen."""
        if self.size.width < NARROW:
            self.sidebar.add_class("-shown")
        elif self._user_hid_sidebar:
            self._user_hid_sidebar = False
            self.sidebar.remove_class("-hidden")
        self.query_one("#sidebar-tabs", TabbedContent).active = tab_id
        if focus:
            self.sidebar.focus_pane(focus)
        else:
            self.sidebar.focus_tabs()

    def action_toggle_reflow(self) -> None:
        view = self.article_view
        view.reflow = self.split.other.reflow = not view.reflow
        self.notify("reflow on: hard-wrapped lines joined" if view.reflow else "reflow off: the file's own lines")

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_timeline(self) -> None:
        from .screens.timeline import open_timeline

        open_timeline(self)

    def action_compare(self) -> None:
        if self.index is None:
            self.notify("the articles are still loading", severity="warning")
            return
        from .screens.compare import CompareScreen

        if not isinstance(self.screen, CompareScreen):
            current = self.current_doc.id if self.current_doc else None
            self.push_screen(CompareScreen(self.index, current, self._compare_fact),
                             lambda fact: setattr(self, "_compare_fact", fact))

    @on(OpenPassage)
    def _open_passage(self, message: OpenPassage) -> None:
        self.open_document(message.doc_id, message.start, message.end)
        self.article_view.focus()

    @on(NotesChanged)
    def _notes_changed(self) -> None:
        for pane in self.query("NotesPane"):  # by name: the Notes pane is imported when the sidebar mounts it
            pane.refresh_notes()

    @on(OpenSideBySide)
    def _open_side_by_side(self, message: OpenSideBySide) -> None:
        left, right = message.left, message.right
        other = self.index.doc(right.doc_id) if self.index is not None else None
        self.open_document(left.doc_id, left.start, left.end)
        if other is not None:
            self.split.open(other, right.start, right.end)
        self.article_view.focus()

    def action_side_by_side(self) -> None:
        if self.split.is_open:
            self._close_split()
        elif self.current_doc is not None and not self._also_beside(advance=False):
            self.split.choose(self.current_doc)

    def _also_beside(self, advance: bool) -> bool:
        """Open the passage "also in" points to beside the article; False when there is none."""
        from .screens import finder

        also = finder.also_passage(self, advance)
        doc = self.index.doc(also[0]) if also and self.index is not None else None
        if doc is None or doc is self.current_doc:
            return False
        self.split.open(doc, also[1], also[2])
        return True

    def _close_split(self) -> None:
        self.split.close()
        self.article_view.focus()

    # --- adding articles (A): reader.core.ingest in a worker ---------------
    def action_add_articles(self) -> None:
        from .screens.add_articles import AddArticlesScreen

        folder = self.index.first_folder() if self.index is not None else Path(self.paths[0])
        self.push_screen(AddArticlesScreen(str(folder)),
                         lambda inputs: inputs and self.add_articles(inputs, folder))

    @work(thread=True, group="add")
    def add_articles(self, inputs: list[str], folder: Path) -> None:
        from ..core.ingest.add import Added, add, options_from_config

        worker = get_current_worker()
        changed = [0.0, False]  # when the list was last reloaded; whether it is behind

        def progress(p) -> None:
            text = f"adding {p.done}/{p.total}" + (f" · {p.failures} failed" if p.failures else "")
            self.call_from_thread(self.article_list.set_status, text + (f" · {p.host}" if p.done < p.total else ""))

        def result(r) -> None:
            if not isinstance(r, Added):
                self._add_errors.append(LoadError(r.input, r.error))
                return
            if r.status in ("new", "updated", "unchanged") and not self._under_a_root(Path(r.path)):
                self._extra_paths.append(r.path)
            if r.status in ("new", "updated"):
                changed[1] = True
                if time.monotonic() - changed[0] > 2.0:  # new articles show as they come, not one reload each
                    self._reload_from_worker()
                    changed[0], changed[1] = time.monotonic(), False

        try:
            report = add(inputs, options_from_config(self.config, folder), on_progress=progress, on_result=result,
                         cancelled=lambda: worker.is_cancelled)
        except ReaderError as exc:
            self.call_from_thread(self.notify, str(exc), title="Nothing added", severity="error", markup=False)
            return
        if changed[1] or report.errors:
            self._reload_from_worker()
        self.call_from_thread(self._added, report)

    def _reload_from_worker(self) -> None:
        number, index = self._read_corpus()
        self.call_from_thread(self._corpus_loaded, index, number, True)

    def _under_a_root(self, path: Path) -> bool:
        real = path.resolve()
        return any(Path(p).is_dir() and real.is_relative_to(Path(p).resolve()) for p in self.paths)

    def _added(self, report) -> None:
        counts = {s: sum(a.status == s for a in report.added) for s in ("new", "updated", "unchanged", "duplicate")}
        said = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no article added"
        if report.errors:
            said += f"; {len(report.errors)} failed (ctrl+p › Load problems)"
        self.notify(said, title="Add articles", severity="warning" if report.errors else "information", timeout=8,
                    markup=False)

    def action_show_problems(self) -> None:
        if self.index is not None:
            from .screens.problems import ProblemsScreen

            self.push_screen(ProblemsScreen(self.index.corpus))

    # --- n / N: one pair of keys for every list of passages ------------------
    def set_stepper(self, what: str, step: Callable[[int], None]) -> None:
        """Make ``step`` what n / N do from anywhere: the finder's results, an
        entity's mentions or a quotation's matches, whichever the reader used
        last. The panes call this when they jump."""
        self._stepper = (what, step)

    @property
    def stepping(self) -> str | None:
        return self._stepper[0] if self._stepper else None

    def action_step(self, step: int) -> None:
        if self._stepper is None:
            self.notify("Nothing to step through yet: search with /, or pick an entity or a quotation", timeout=4)
            return
        self._stepper[1](step)

    # --- finder (reader/tui/screens/finder.py) ------------------------------
    def action_open_finder(self) -> None:
        from .screens import finder

        finder.open_finder(self)

    def action_also_in(self) -> None:
        if not (self.split.is_open and self._also_beside(advance=True)):  # split: the other side shows it
            from .screens import finder

            finder.jump_also(self)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from app_commands(self, screen)
