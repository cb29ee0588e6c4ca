"""What the main screens look like, as SVG snapshots (pytest-textual-snapshot).

A change to the layout, the stylesheet or a pane's text shows here as a failed
comparison with a report of both pictures. After an intended change:
`.venv/bin/python -m pytest --snapshot-update tests/tui/test_snapshots.py`, then
look at the new pictures in tests/tui/__snapshots__/ before committing them.
Textual is pinned in the `test` extra so its own releases do not move them.
Every picture waits for loading and analysis to finish and shows no clock, no
temporary path and no user config (tests/conftest.py isolates those)."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, TabbedContent

from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.entities_pane import EntitiesPane

from .helpers import wait_for, wait_loaded
from .test_finder import open_and_search
from .test_timeline import _open_timeline

SIZES = [pytest.param((120, 36), id="120x36"), pytest.param((80, 24), id="80x24")]


async def _settle(pilot) -> None:
    """Whatever the keys started has finished and been painted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def _opened(pilot) -> None:
    await wait_loaded(pilot, pilot.app)
    await _settle(pilot)


async def _entity_selected(pilot) -> None:
    app = pilot.app
    await wait_loaded(pilot, app)
    pane = app.query_one(EntitiesPane)
    await wait_for(pilot, lambda: pane.entities is not None, what="entities to be extracted")
    app.query_one("#sidebar-tabs", TabbedContent).active = "tab-entities"
    app.query_one("#entities-list", OptionList).focus()
    await pilot.press("down", "enter")
    await wait_for(pilot, lambda: pane.selected is not None and pane.shown is pane.selected,
                   what="an entity to be selected")
    await _settle(pilot)


async def _finder_results(pilot) -> None:
    await wait_loaded(pilot, pilot.app)
    await open_and_search(pilot, pilot.app, "shoot to kill")
    await _settle(pilot)


async def _timeline(pilot) -> None:
    await _open_timeline(pilot, pilot.app)
    await _settle(pilot)


async def _help(pilot) -> None:
    app = pilot.app
    await wait_loaded(pilot, app)
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help screen")
    await _settle(pilot)


SCREENS = {
    "opened": _opened,
    "entity_selected": _entity_selected,  # also the README's picture (at 120x36)
    "finder": _finder_results,
    "timeline": _timeline,
    "help": _help,
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, seeds_dir, monkeypatch, screen, size):
    # The Facts tab shows the article's path: a relative one is the same on every machine.
    monkeypatch.chdir(seeds_dir.parent)
    assert snap_compare(ReaderApp([seeds_dir.name]), terminal_size=size, run_before=SCREENS[screen])
