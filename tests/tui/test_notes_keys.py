"""The Notes tab's r (retry saving) and w (write elsewhere) are for a file that
cannot be used; with a healthy file they leave the keys to the app. An empty tab
says how to annotate."""

from __future__ import annotations

from reader.tui.app import ReaderApp
from reader.tui.screens.entity_picker import TextPromptScreen
from reader.tui.widgets.notes_pane import NotesPane

from .helpers import wait_for, wait_loaded


async def _notes_ready(pilot, app) -> NotesPane:
    await wait_loaded(pilot, app)
    pane = app.query_one(NotesPane)
    await wait_for(pilot, lambda: pane.store is not None, what="the annotations to load")
    return pane


async def test_r_in_the_notes_tab_reflows_when_the_file_is_fine(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await _notes_ready(pilot, app)
        app.query_one("#sidebar-tabs").active = "tab-notes"
        pane.query_one("#notes-list").focus()
        reflow = app.article_view.reflow
        await pilot.press("r")
        await wait_for(pilot, lambda: app.article_view.reflow is not reflow, what="r to toggle reflow")
        await pilot.press("w")
        await pilot.pause()
        assert not isinstance(app.screen, TextPromptScreen)  # nothing to write elsewhere
        assert not (seeds_dir / "annotations.yaml").exists()  # and nothing was saved


async def test_an_empty_notes_tab_says_how_to_annotate_and_counts_once_there_are_notes(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await _notes_ready(pilot, app)
        status = pane.query_one("#notes-status")
        assert "v selects" in str(status.render()) and "a annotates" in str(status.render())
        app.article_view.focus()
        await pilot.press("v", "a")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AnnotateScreen", what="the annotate dialog")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "1 here of 1" in str(status.render()), what="the count")
