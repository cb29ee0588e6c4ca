"""A filter box above a list: down goes into the list, escape clears and goes there too.

Without this the keyboard is stuck in the box: the arrow keys do nothing and every
other key is typed as filter text."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class ListFilter(Input):
    """Filter text for the list ``list_id`` (a sibling in the same pane)."""

    BINDINGS = [
        Binding("down", "to_list", "To the list", show=False,
                id="filter-to-list", tooltip="From the filter to the list"),
        Binding("escape", "clear_filter", "Clear the filter", show=False,
                id="filter-clear", tooltip="Clear the filter"),
    ]

    def __init__(self, *, list_id: str, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.list_id = list_id

    def action_to_list(self) -> None:
        self.parent.query_one(f"#{self.list_id}").focus()  # type: ignore[union-attr]

    def action_clear_filter(self) -> None:
        self.value = ""
        self.action_to_list()
