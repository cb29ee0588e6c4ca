"""The ? screen lists the app's keys: every key of an action on one row, and not
the arrow and page keys Textual's own widgets carry everywhere."""

from __future__ import annotations

from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen

from .helpers import wait_for, wait_loaded


async def test_help_shows_every_key_of_an_action_and_no_widget_noise(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help screen")
        groups = dict(app.screen.groups)
        quit_keys = {k for b in groups["App"] if b.action == "quit" for k in b.key.split(",")}
        assert {"q", "ctrl+q"} <= quit_keys  # q is what the footer shows: it must be in the help
        assert len([b for b in groups["App"] if b.action == "quit"]) == 1
        titles = " ".join(groups)
        assert "Input" not in titles and "Footer" not in titles and "Tabs" not in titles
        described = {b.description for bindings in groups.values() for b in bindings}
        assert "Scroll Left" not in described and "Move cursor left" not in described
        assert {"Next mention", "Annotate", "Top", "Next match", "Undo delete"} <= described


async def test_help_says_how_to_reach_every_sidebar_tab(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help screen")
        intro = str(app.screen.query_one("#help-intro").render())
        # at 100 columns the tab bar shows Facts, Entities and Quotes only
        assert all(tab in intro for tab in ("Facts", "Entities", "Quotes", "Dates", "Notes"))
        assert "left / right" in intro
