"""The app shell driven with real keys."""

from __future__ import annotations

from reader.core.state import StateStore
from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen

from .helpers import wait_for, wait_loaded

FIRST = "000_dcdabc9cd42fd5c7"  # dated 2022-01-07, so first by date
SECOND = "002_3ad7c57d0e97eb6f"


async def test_opens_first_article_by_date_and_brackets_step(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        assert app.current_doc.id == FIRST
        await pilot.press("right_square_bracket")
        assert app.current_doc.id == SECOND
        await pilot.press("right_square_bracket")  # at the end: stays
        assert app.current_doc.id == SECOND
        await pilot.press("left_square_bracket")
        assert app.current_doc.id == FIRST


async def test_help_screen_lists_bindings(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="help screen")
        described = {b.description for _, group in app.screen.groups for b in group}
        assert {"Next article", "Prev article", "Quit", "Help", "Sidebar"} <= described
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen), what="help to close")


async def test_typing_in_the_list_filters_it(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        app.article_list.options.focus()
        await pilot.press("K", "y", "r", "g")
        options = app.article_list.options
        await wait_for(pilot, lambda: options.option_count == 1, what="filter to apply")
        assert options.get_option_at_index(0).id == SECOND
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.current_doc.id == SECOND, what="filtered article to open")
        assert app.focused is app.article_view


async def test_scroll_keys_move_the_article(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        await wait_for(pilot, lambda: app.article_view.max_scroll_y > 10, what="the article to be laid out")
        await pilot.press("j", "j", "j")
        assert app.article_view.scroll_y == 3
        await pilot.press("G")
        assert app.article_view.scroll_y == app.article_view.max_scroll_y > 3
        await pilot.press("g")
        assert app.article_view.scroll_y == 0
        await pilot.press("space")
        assert app.article_view.scroll_y > 10


async def test_position_comes_back_on_next_start(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("right_square_bracket")
        app.article_view.focus()
        await pilot.press("space")
        await pilot.pause()
        offset = app.article_view.top_offset
        assert offset > 0
        await pilot.press("q")
    saved = StateStore().get([str(seeds_dir)])
    assert saved == {"doc": SECOND, "offset": offset, "time": saved["time"]}
    app2 = ReaderApp([str(seeds_dir)])
    async with app2.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app2)
        assert app2.current_doc.id == SECOND
        view = app2.article_view
        # The saved passage is on the top line again (line breaks may differ with the width).
        await wait_for(pilot, lambda: view.scroll_y > 0 and view.layout_.row_of(offset) == view.scroll_y,
                       what="scroll position restored")
    # Quitting before the restored place has been scrolled to keeps it, not the top.
    app3 = ReaderApp([str(seeds_dir)])
    async with app3.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app3)
        await pilot.press("q")
    assert StateStore().get([str(seeds_dir)])["offset"] == offset


async def test_forty_columns_hides_sidebar_and_list(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(40, 20)) as pilot:
        await wait_loaded(pilot, app)
        assert not app.sidebar.display or app.sidebar.region.width == 0
        assert app.article_view.region.width >= 36
        await pilot.press("l")
        await wait_for(pilot, lambda: app.article_list.region.width > 0, what="list overlay")


async def test_markup_in_articles_is_shown_literally(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-01-02\n[bold]not bold[/] and [link=x]y[/link] \x1b[31mred\x1b[0m […]\n")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        lines = [l.text for l in app.article_view.layout_.lines]
        body = " ".join(lines)
        assert "[bold]not bold[/]" in body and "[link=x]y[/link]" in body and "[…]" in body
        assert "\x1b" not in body and "␛[31mred" in body


async def test_shrinking_to_forty_columns_keeps_keys_working(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        app.article_list.options.focus()
        await pilot.resize_terminal(40, 20)
        await wait_for(pilot, lambda: app.focused is app.article_view, what="focus to leave the hidden list")
        await pilot.press("q")
        await wait_for(pilot, lambda: not app.is_running, what="q to quit")


async def test_help_over_a_modal_lists_the_modal_screens_own_keys(seeds_dir):
    from reader.tui.screens.help import binding_groups
    from reader.tui.screens.problems import ProblemsScreen

    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await app.push_screen(ProblemsScreen(app.index.corpus))
        groups = binding_groups(app.screen)
        assert any(title.startswith("ProblemsScreen") for title, _ in groups)
        assert "Close" in {b.description for _, group in groups for b in group}
