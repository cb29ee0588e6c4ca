"""The key bar at the bottom: rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys after every change of the bindings (each focus change, each
pane that mounts): a dozen rebuilds while a large folder opens, about 50 ms each, all before the
first article could be painted. This one rebuilds once per refresh at most, and not at all when
the keys, their labels and whether they are enabled are what it already shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that skips the rebuilds that would show the same keys."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None  # what the keys shown were built from
        self._pending = False  # a rebuild is queued for after the next refresh
        self.rebuilds = 0

    def _keys(self) -> tuple:
        """Everything ``compose`` reads from the bindings."""
        app = self.app
        return (self.show_command_palette, app.ENABLE_COMMAND_PALETTE, tuple(
            (node_key, b.key, app.get_key_display(b), b.description, b.action, b.show, b.group, enabled, tooltip,
             b.tooltip)
            for node_key, (_, b, enabled, tooltip) in self.screen.active_bindings.items()
        ))

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            self.rebuilds += 1
            await self.recompose()
