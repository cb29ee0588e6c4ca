"""Every sidebar tab can be opened from the palette, and opening one shows the
sidebar the reader had hidden (the keys never go to a pane that cannot be seen)."""

from __future__ import annotations

from textual.command import CommandPalette

from reader.tui.app import ReaderApp

from .helpers import wait_for, wait_loaded


async def _run(pilot, app, title: str) -> None:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
    await pilot.press(*title)
    await wait_for(pilot, lambda: app.screen.query_one("CommandList").option_count > 0, what=f"{title!r} found")
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette), what="the palette to close")


def _shown(app, focused_id: str) -> bool:
    focused = app.focused
    return (focused is not None and focused.id == focused_id and app.sidebar.display
            and app.sidebar.region.width > 0 and focused.region.width > 0)


async def test_palette_opens_each_tab_and_shows_a_hidden_sidebar(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        tabs = app.query_one("#sidebar-tabs")
        await pilot.press("s")  # the reader hides the sidebar
        await wait_for(pilot, lambda: not app.sidebar.display, what="the sidebar to hide")
        await _run(pilot, app, "Dates: show")
        await wait_for(pilot, lambda: tabs.active == "tab-dates" and _shown(app, "dates-list"), what="the Dates tab")
        await _run(pilot, app, "Facts: show")
        await wait_for(pilot, lambda: tabs.active == "tab-facts", what="the Facts tab")
        app.article_view.focus()
        await pilot.press("s")
        await wait_for(pilot, lambda: not app.sidebar.display, what="the sidebar to hide again")
        await _run(pilot, app, "Entities: show")
        await wait_for(pilot, lambda: tabs.active == "tab-entities" and _shown(app, "entities-list"),
                       what="the Entities tab in a shown sidebar")


async def test_palette_tab_on_a_narrow_terminal_opens_the_sidebar_over_the_article(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(40, 20)) as pilot:
        await wait_loaded(pilot, app)
        await _run(pilot, app, "Quotes: show")
        await wait_for(pilot, lambda: app.sidebar.has_class("-shown") and _shown(app, "quotes-list"),
                       what="the Quotes tab over the article")
