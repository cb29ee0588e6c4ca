"""The command palette's own commands, and the mouse."""

from __future__ import annotations

from textual.command import CommandPalette

from reader.tui.app import ReaderApp
from reader.tui.screens.problems import ProblemsScreen

from .helpers import wait_for, wait_loaded

SECOND = "002_3ad7c57d0e97eb6f"


async def test_palette_opens_an_article_by_title(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        await pilot.press(*"Kyrgyzstan peacekeepers")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.current_doc.id == SECOND, what="article from palette")


async def test_palette_toggles_sidebar_and_reflow(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Toggle sidebar", "Toggle reflow", "Toggle article list", "Theme"} <= set(titles)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        await pilot.press(*"Toggle sidebar")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.sidebar.has_class("-hidden"), what="sidebar hidden")
        app.article_view.focus()
        await pilot.press("r")
        assert app.article_view.reflow is False


async def test_load_problems_are_reachable(tmp_path):
    (tmp_path / "good.txt").write_text("date 2024-01-01 A fine article.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        assert "Load problems" in [c.title for c in app.get_system_commands(app.screen)]
        app.action_show_problems()
        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen), what="problems screen")


async def test_no_loadable_article_is_a_message_not_a_crash(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.index is not None, what="load to finish")
        assert app.current_doc is None and app.is_running
        await pilot.press("right_square_bracket", "q")


async def test_clicking_an_article_in_the_list_opens_it(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        # Rows wrap over several lines: click down the list until the second article opens.
        for dy in range(0, 15):
            await pilot.click("#article-options", offset=(2, dy))
            if app.current_doc.id == SECOND:
                break
        assert app.current_doc.id == SECOND
        assert app.focused is app.article_view


async def test_mouse_wheel_scrolls_the_article(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await wait_for(pilot, lambda: app.article_view.max_scroll_y > 0, what="layout")
        from textual.events import MouseScrollDown

        view = app.article_view
        view.post_message(MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await wait_for(pilot, lambda: view.scroll_y > 0, what="wheel scroll")
