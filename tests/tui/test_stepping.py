"""n / N from the article: whichever list the reader used last."""

from __future__ import annotations

from reader.tui.app import ReaderApp

from .helpers import wait_for
from .test_entities_pane import FIRST, SECOND, _open_pane, _select
from .test_finder import search_and_enter


async def _step_into_tokayev_mentions(pilot, app):
    """Select Tokayev in the Entities tab and press n: the first mention."""
    pane = await _open_pane(pilot, app)
    await app.workers.wait_for_complete()
    await _select(pilot, pane, "tokayev")
    await pilot.press("n")
    assert pane.cursor == 0 and app.stepping == "mentions"
    return pane


async def test_n_keeps_walking_entity_mentions_after_focus_moves_to_the_article(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _step_into_tokayev_mentions(pilot, app)
        app.article_view.focus()
        await pilot.pause()
        await pilot.press("n")
        assert pane.cursor == 1
        await pilot.press("N")
        assert pane.cursor == 0


async def test_the_latest_list_wins(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _step_into_tokayev_mentions(pilot, app)
        await search_and_enter(pilot, app, "shot to kil without warnig")
        assert app.stepping == "results" and app.focused is app.article_view
        cursor = pane.cursor
        await pilot.press("n")  # a finder result now, not a mention
        assert pane.cursor == cursor
        await wait_for(pilot, lambda: app.current_doc.id in (FIRST, SECOND), what="a result")


async def test_n_without_any_list_is_a_hint_not_an_error(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.current_doc is not None, what="load")
        app.article_view.focus()
        await pilot.press("n", "N")
        assert app.is_running and app.stepping is None
