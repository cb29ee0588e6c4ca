"""The `?` screen: every key of the app and of each pane, read from the bindings
themselves so it can never fall out of step with them."""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

INTRO = (
    "reader shows several articles about one event side by side. Left: the articles. Centre: the "
    "article. Right: the sidebar's tabs Facts, Entities, Quotes, Dates and Notes (a narrow sidebar "
    "shows only the first few: tab to the tab bar, then left / right; or ctrl+p and the tab's name). "
    "ctrl+p opens the command palette."
)


def _title_of(node) -> str:
    doc = (type(node).__doc__ or "").strip().splitlines()
    name = getattr(node, "HELP_TITLE", None) or type(node).__name__
    return f"{name}: {doc[0]}" if doc else name


def _own_descriptions(node) -> set[tuple[str, str]]:
    """(action, description) of the bindings that reader's own classes declare on
    ``node``: the arrow and page keys Textual's widgets (inputs, lists, the footer)
    carry are the same everywhere and would bury the app's keys."""
    own: set[tuple[str, str]] = set()
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("reader."):
            continue
        for b in cls.__dict__.get("BINDINGS", ()):
            if isinstance(b, Binding):
                own.add((b.action, b.description))
            elif len(b) >= 3:
                own.add((b[1], b[2]))
    return own


def binding_groups(screen: Screen) -> list[tuple[str, list[Binding]]]:
    """Bindings with a description, grouped by the class that declares them:
    the app first (with Textual's own app keys, such as ctrl+p), then the
    widgets of ``screen`` in DOM order. Keys of one action are one row."""
    groups: list[tuple[str, list[Binding]]] = []
    seen: set[type] = set()
    nodes = [screen.app, screen, *screen.walk_children(with_self=False)]  # a modal screen has keys of its own
    for node in nodes:
        cls = type(node)
        if cls in seen:
            continue
        seen.add(cls)
        own = None if node is screen.app else _own_descriptions(node)
        rows: dict[tuple[str, str], Binding] = {}
        keys: dict[tuple[str, str], list[str]] = {}
        bindings = node._bindings.copy()  # type: ignore[attr-defined]
        bindings.apply_keymap(getattr(screen.app, "_keymap", {}))  # the user's keys, as the footer shows them
        for _, b in bindings:
            what = (b.action, b.description)
            if not b.description or (own is not None and what not in own):
                continue
            rows.setdefault(what, b)
            keys.setdefault(what, []).append(b.key)
        merged = [replace(b, key=",".join(dict.fromkeys(keys[what]))) for what, b in rows.items()]
        if merged:
            groups.append(("App" if node is screen.app else _title_of(node), merged))
    return groups


def _keys_of(app, binding: Binding) -> str:
    keys = []
    for key in binding.key.split(","):
        key = key.strip()
        keys.append(app.get_key_display(Binding(key, binding.action, binding.description)))
    return " ".join(dict.fromkeys(keys))


class HelpScreen(ModalScreen[None]):
    """Keys of the app and its panes."""

    BINDINGS = [Binding("escape,q,question_mark", "app.pop_screen", "Close help",
                        id="help-close", tooltip="Close this screen")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self._target = screen
        self.groups = binding_groups(screen)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(INTRO), id="help-intro")
            for title, bindings in self.groups:
                table = Table(title=title, title_justify="left", title_style="bold", show_header=False, expand=True, box=None)
                table.add_column(style="bold", no_wrap=True, ratio=1)
                table.add_column(ratio=3)
                for b in bindings:
                    table.add_row(_keys_of(self.app, b), b.tooltip or b.description)
                yield Static(table, classes="help-group")
            yield Static(Text("escape closes this screen", style="italic"))
