"""A long title takes at most two lines of the article list, cut with an ellipsis,
so that a folder of articles can be scanned without scrolling past one title."""

from __future__ import annotations

from reader.tui.app import ReaderApp
from reader.tui.widgets.article_list import TITLE_LINES

from .helpers import count_rows_built, wait_for, wait_loaded


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


async def test_typing_in_the_filter_reuses_the_rows_already_cut(seeds_dir, monkeypatch):
    built = count_rows_built(monkeypatch)
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        opts = app.article_list.options
        await wait_for(pilot, lambda: app.article_list._row_width > 0, what="rows cut to the list's width")
        built.clear()
        opts.focus()
        await pilot.press("K", "y", "backspace", "backspace")
        await wait_for(pilot, lambda: opts.option_count == 2, what="the filter to be cleared")
        assert built == []  # a keystroke of the filter cuts no title again (772 articles: 115 -> 56 ms a key)


def test_an_article_without_source_or_title_shows_its_file_name(tmp_path):
    from reader.core.loader import load_paths
    from reader.tui.widgets.article_list import _row

    f = tmp_path / "bridge-notes.txt"
    f.write_text("date 2024-01-02 \u00a9 AP\n\n", encoding="utf-8")  # a credit line and nothing else
    doc = load_paths([f]).documents[0]
    assert doc.source is None and doc.title == "bridge-notes"
    date_line, title_line = _row(doc).plain.split("\n")
    assert date_line == "2024-01-02  bridge-notes.txt" and title_line == "bridge-notes"
