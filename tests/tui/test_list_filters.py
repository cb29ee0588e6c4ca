"""The filter boxes of the Entities and Notes tabs never trap the keyboard:
down goes into the list, escape clears the filter and goes there too."""

from __future__ import annotations

import pytest

from reader.tui.app import ReaderApp

from .helpers import wait_for, wait_loaded


@pytest.mark.parametrize("tab, pane", [("tab-entities", "entities"), ("tab-notes", "notes")])
async def test_down_and_escape_leave_the_filter_box(seeds_dir, tab, pane):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        app.query_one("#sidebar-tabs").active = tab
        flt = app.query_one(f"#{pane}-filter")
        lst = app.query_one(f"#{pane}-list")
        flt.focus()
        await pilot.press("k", "a")
        await wait_for(pilot, lambda: flt.value == "ka", what="filter text")
        await pilot.press("down")
        await wait_for(pilot, lambda: app.focused is lst, what="down to go into the list")
        assert flt.value == "ka"  # the filter stays
        flt.focus()
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.focused is lst and flt.value == "", what="escape to clear and leave")
