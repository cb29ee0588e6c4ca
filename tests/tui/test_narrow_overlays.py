"""On a narrow terminal the article list and the sidebar open over the article:
whatever is shown takes the keys, and choosing an article uncovers it."""

from __future__ import annotations

from textual.widgets import Tabs

from reader.tui.app import ReaderApp

from .helpers import wait_for, wait_loaded

SECOND = "002_3ad7c57d0e97eb6f"


async def test_choosing_an_article_closes_the_list_over_it(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(40, 20)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("l")
        await wait_for(pilot, lambda: app.article_list.has_class("-shown"), what="the list over the article")
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.current_doc.id == SECOND, what="the second article")
        await wait_for(pilot, lambda: not app.article_list.has_class("-shown"), what="the list to close")
        assert app.focused is app.article_view
        assert app.article_view.region.width > 30  # uncovered, not behind the list


async def test_sidebar_over_the_article_takes_the_keys_and_escape_closes_it(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(40, 20)) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        await pilot.press("s")
        await wait_for(pilot, lambda: app.sidebar.has_class("-shown"), what="the sidebar over the article")
        await wait_for(pilot, lambda: isinstance(app.focused, Tabs), what="the tab bar to take the keys")
        await pilot.press("right")  # a key for the sidebar, not the hidden article
        assert app.query_one("#sidebar-tabs").active == "tab-entities"
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.sidebar.has_class("-shown"), what="escape to close the sidebar")
        await wait_for(pilot, lambda: app.focused is app.article_view, what="the article to have the keys")
        await pilot.press("l", "escape")
        await wait_for(pilot, lambda: not app.article_list.has_class("-shown"), what="escape to close the list")
