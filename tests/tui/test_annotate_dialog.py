"""The annotate dialog fits an 80x24 and a 40x20 terminal: Save and Cancel are
inside it, not cut off below or beside it."""

from __future__ import annotations

import pytest
from textual.containers import Vertical

from reader.tui.app import ReaderApp
from reader.tui.screens.annotate import AnnotateScreen

from .helpers import wait_for, wait_loaded


@pytest.mark.parametrize("size", [(80, 24), (40, 20)])
async def test_save_and_cancel_are_inside_the_dialog(seeds_dir, size):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        await pilot.press("v", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen), what="the annotate dialog")
        await pilot.pause()
        box = app.screen.query_one(Vertical).region.shrink((1, 1, 1, 1))  # inside the border
        for button in ("#annotate-save", "#annotate-cancel"):
            region = app.screen.query_one(button).region
            assert box.contains_region(region), (button, region, box)
        note = app.screen.query_one("#annotate-note").region
        assert box.contains_region(note) and note.height >= 3
