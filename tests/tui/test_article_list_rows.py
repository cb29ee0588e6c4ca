"""A long title takes at most two lines of the article list, cut with an ellipsis,
so that a folder of articles can be scanned without scrolling past one title."""

from __future__ import annotations

from reader.tui.app import ReaderApp
from reader.tui.widgets.article_list import TITLE_LINES

from .helpers import wait_for, wait_loaded


async def test_long_titles_are_cut_to_two_lines_and_cut_again_on_resize(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        opts = app.article_list.options
        per_row = 1 + TITLE_LINES  # date and source, then the title
        await wait_for(pilot, lambda: opts.virtual_size.height <= per_row * opts.option_count,
                       what="rows of at most three lines")
        first = str(opts.get_option_at_index(0).prompt).splitlines()
        assert len(first) == per_row and first[-1].endswith("…")  # the long first title is cut
        await pilot.resize_terminal(140, 30)
        await wait_for(pilot, lambda: app.article_list.options.scrollable_content_region.width - 3
                       == app.article_list._row_width, what="the titles cut again to the wider list")
        assert opts.virtual_size.height <= per_row * opts.option_count
