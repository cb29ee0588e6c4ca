"""The user's keys: every binding of reader's panes and screens, the config's
`keys:` remapping checked against them, and the README's keys table made from them."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from difflib import get_close_matches
from functools import lru_cache

from textual.app import App
from textual.binding import Binding
from textual.keys import format_key

PACKAGE = "reader.tui"

# How the README names where a class's keys work; others go by their HELP_TITLE or class name.
WHERE = {
    "ReaderApp": "anywhere",
    "ArticleView": "article",
    "SelectionMixin": "article",
    "ArticleOptions": "article list",
    "ArticleList": "article list",
    "ListFilter": "filter box",
    "EntitiesPane": "Entities tab",
    "NotesPane": "Notes tab",
    "QuotesPane": "Quotes tab",
    "FinderScreen": "finder",
    "TimelineList": "timeline",
    "CompareTable": "compare",
    "AddArticlesScreen": "add articles",
    "AnnotateScreen": "annotation",
    "ConfirmScreen": "question",
    "PickerScreen": "entity picker",
    "TextPromptScreen": "entity prompt",
    "HelpScreen": "help",
    "ProblemsScreen": "load problems",
}


@dataclass(frozen=True)
class Place:
    """A class declaring bindings: its keys are live together, so two ids on one key there clash."""

    owner: type
    bindings: tuple[Binding, ...]  # its own and those it inherits from reader's classes

    @property
    def name(self) -> str:
        return WHERE.get(self.owner.__name__) or getattr(self.owner, "HELP_TITLE", None) or self.owner.__name__


def _as_binding(b) -> Binding:
    return b if isinstance(b, Binding) else Binding(*b)


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every class of reader.tui that declares BINDINGS, in module and definition order.
    The modules are found by walking the package rather than named, so a new screen is
    covered (and checked by the tests) without being listed anywhere."""
    found: list[Place] = []
    package = importlib.import_module(PACKAGE)
    names = sorted(m.name for m in pkgutil.walk_packages(package.__path__, PACKAGE + "."))
    for name in names:
        module = importlib.import_module(name)
        for obj in vars(module).values():
            if not (isinstance(obj, type) and obj.__module__ == name and "BINDINGS" in obj.__dict__):
                continue
            own: list[Binding] = []
            for cls in reversed(obj.__mro__):
                if cls.__module__.startswith(PACKAGE + ".") and "BINDINGS" in cls.__dict__:
                    own.extend(_as_binding(b) for b in cls.__dict__["BINDINGS"])
            found.append(Place(obj, tuple(own)))
    return tuple(found)


def bindings_by_id() -> dict[str, tuple[Place, Binding]]:
    """Binding id -> where it is declared (the first class naming it)."""
    out: dict[str, tuple[Place, Binding]] = {}
    for place in places():
        for b in place.bindings:
            if b.id and b.id not in out and b in place.owner.__dict__.get("BINDINGS", ()):
                out[b.id] = (place, b)
    return out


def _keys(text: str) -> list[str]:
    return [k.strip() for k in text.split(",") if k.strip()]


def check_keymap(keymap: dict[str, object], where: str = "config") -> tuple[dict[str, str], list[str]]:
    """The remappings that can be applied, and a warning for each one that cannot:
    an unknown binding id, a value that is not a keys string, or two actions on one
    key in one place (then the remappings involved are dropped and the default keys stay)."""
    if not keymap:
        return {}, []
    known = bindings_by_id()
    warnings: list[str] = []
    wanted: dict[str, str] = {}
    for bid, value in keymap.items():
        bid = str(bid)
        if bid not in known:
            close = get_close_matches(bid, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            warnings.append(f"{where}: unknown key binding id 'keys.{bid}'{hint} ignored")
        elif not isinstance(value, str) or not _keys(value):
            warnings.append(f"{where}: 'keys.{bid}' must be keys separated by commas, such as \"/,ctrl+f\"; "
                            f"got {value!r}, ignored")
        else:
            wanted[bid] = ",".join(_keys(value))
    normal = App._normalize_keymap(wanted)
    while True:
        clash = _first_clash(normal)
        if clash is None:
            break
        place, key, ids = clash
        shown = " and ".join(f"'{i}'" for i in ids)
        warnings.append(f"{where}: keys: {shown} would both be on '{_display(key)}' ({place.name}); "
                        f"keeping their default keys")
        for i in ids:
            normal.pop(i, None)
            wanted.pop(i, None)
    return {bid: normal[bid] for bid in wanted}, warnings


def _first_clash(keymap: dict[str, str]) -> tuple[Place, str, list[str]] | None:
    for place in places():
        on_key: dict[str, list[str]] = {}
        for b in place.bindings:
            name = b.id or f"{b.action}"
            keys = _keys(keymap[b.id]) if b.id in keymap else _keys(App._normalize_keymap({"k": b.key})["k"])
            for key in keys:
                if name not in on_key.setdefault(key, []):
                    on_key[key].append(name)
        for key, names in on_key.items():
            if len(names) > 1 and any(n in keymap for n in names):
                return place, key, names
    return None


def effective_keys(binding: Binding, keymap: dict[str, str]) -> str:
    return keymap.get(binding.id, binding.key) if binding.id else binding.key


def _display(key: str) -> str:
    """A key as the config writes it, punctuation as itself: `ctrl+f`, `/`, `escape`."""
    modifiers, name = Binding(key, "", "").parse_key()
    shown = format_key(name)
    return "+".join([*modifiers, shown if len(shown) == 1 and shown.isascii() else name])


def keys_table() -> str:
    """The README's keys table: one row per binding, in the order of the places."""
    rows = ["| keys | where | what | id |", "| --- | --- | --- | --- |"]
    seen: set[str] = set()
    for place in places():
        for b in place.owner.__dict__.get("BINDINGS", ()):
            b = _as_binding(b)
            if b.id in seen:
                continue
            seen.add(b.id or "")
            keys = " ".join(f"`{_display(k)}`" for k in _keys(b.key))
            what = (b.tooltip or b.description).replace("|", "\\|")
            rows.append(f"| {keys.replace('|', chr(92) + '|')} | {place.name} | {what} | `{b.id}` |")
    return "\n".join(rows)
