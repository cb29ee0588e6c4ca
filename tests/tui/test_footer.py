"""At 80 columns the footer shows the keys a reader cannot guess: the finder
and n, with the article's own keys, before it runs out of room."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from reader.tui.app import ReaderApp

from .helpers import wait_for, wait_loaded


async def test_find_and_next_are_in_view_at_80_columns(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        footer = app.query_one(Footer)

        def visible(action: str) -> bool:
            keys = list(footer.query(FooterKey))
            # the palette key sits over the right end of the footer
            edge = min([k.region.x for k in keys if k.action == "command_palette"] or [footer.region.right])
            mine = [k for k in keys if k.action == action]
            return bool(mine) and all(0 < k.region.width and k.region.right <= edge for k in mine)

        await wait_for(pilot, lambda: visible("select_start"), what="the footer to show the article's keys")
        assert visible("open_finder") and visible("step(1)") and visible("help")
