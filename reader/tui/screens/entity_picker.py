"""Small modals for entity corrections: a fuzzy picker and a one-line text prompt."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 70%; max-width: 80; height: auto; max-height: 80%;
    border: round $accent; background: $surface; padding: 0 1;
}}
{name} .picker-title {{ text-style: bold; padding: 0 0 1 0; }}
{name} OptionList {{ height: auto; max-height: 16; }}
"""


class PickerScreen(ModalScreen[str | None]):
    """Pick one of many by typing a few letters of it (fuzzy, typos tolerated)."""

    DEFAULT_CSS = _CSS.format(name="PickerScreen")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker-cancel", tooltip="Close without choosing"),
        Binding("down", "move(1)", "Next choice", show=False, id="picker-next", tooltip="Next choice"),
        Binding("up", "move(-1)", "Previous choice", show=False, id="picker-prev", tooltip="Previous choice"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], placeholder: str = "type to narrow") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices  # (value, label)
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), classes="picker-title")
            yield Input(placeholder=self.placeholder, id="picker-input")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def ranked(self, query: str) -> list[tuple[str, str]]:
        query = query.strip()
        if not query:
            return self.choices[:200]
        from rapidfuzz import fuzz, process

        labels = [label for _, label in self.choices]
        hits = process.extract(query, labels, scorer=fuzz.WRatio, limit=50, score_cutoff=50)
        return [self.choices[i] for _, _, i in hits]

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(Text(label), id=value) for value, label in self.ranked(query)])
        if options.option_count:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            cur = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, cur + step))

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPromptScreen(ModalScreen[str | None]):
    """Ask for one line of text (enter accepts, escape cancels)."""

    DEFAULT_CSS = _CSS.format(name="TextPromptScreen")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt-cancel", tooltip="Close without changing anything")]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), classes="picker-title")
            yield Input(value=self.value, id="prompt-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
