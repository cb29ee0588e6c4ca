"""In a narrow sidebar the Entities list gives its room to the names: the counts
shrink to mentions/articles, and the status line says so."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList, TabbedContent

from reader.tui.app import ReaderApp
from reader.tui.widgets.entities_pane import EntitiesPane

from .helpers import wait_for, wait_loaded


def _rows(lst: OptionList) -> list[str]:
    return [str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]


async def _open_entities(pilot, app) -> tuple[EntitiesPane, OptionList]:
    await wait_loaded(pilot, app)
    pane = app.query_one(EntitiesPane)
    await wait_for(pilot, lambda: pane.entities is not None, what="entities to be extracted")
    app.query_one("#sidebar-tabs", TabbedContent).active = "tab-entities"
    lst = app.query_one("#entities-list", OptionList)
    lst.focus()
    return pane, lst


async def test_names_keep_their_room_in_a_narrow_sidebar(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        pane, lst = await _open_entities(pilot, app)
        await wait_for(pilot, lambda: lst.scrollable_content_region.width > 0, what="the list laid out")
        pane.on_resize()  # filled at its real width
        row = next(r for r in _rows(lst) if r.startswith("Kassym"))
        assert row.startswith("Kassym-Jomart T") and row.rstrip().endswith("17/2")
        assert "mentions/articles" in str(app.query_one("#entities-status").render())
        await pilot.resize_terminal(200, 40)  # room enough: the counts are spelled out
        await wait_for(pilot, lambda: any(r.startswith("Kassym-Jomart Tokayev ") and r.rstrip().endswith("2 art.")
                                          for r in _rows(lst)), what="spelled-out counts")


async def test_context_lines_keep_the_mention_in_view_in_a_narrow_sidebar(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(100, 30)) as pilot:
        pane, lst = await _open_entities(pilot, app)
        await pilot.press("f", *"kassym", "enter", "down")
        await wait_for(pilot, lambda: pane.shown is not None and pane.shown.name == "Kassym-Jomart Tokayev",
                       what="Tokayev to be shown")
        kwic = app.query_one("#entities-kwic", OptionList)
        await wait_for(pilot, lambda: kwic.option_count > 0, what="the context lines")
        width = kwic.scrollable_content_region.width
        for i in range(kwic.option_count):
            line = kwic.get_option_at_index(i).prompt
            if not isinstance(line, Text) or not line.spans:
                continue
            keyword = next(s for s in line.spans if "reverse" in str(s.style))
            assert line.cell_len <= width
            # the mention starts within the first few cells, so most of it is read
            assert keyword.start <= max(3, width - 3 - (keyword.end - keyword.start)), line.plain


async def test_rows_fit_the_list_at_80_columns(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        assert app.focused is app.article_view  # reading comes first
        await pilot.press("tab", "right")  # the tab bar, then the Entities tab, as a reader would
        lst = app.query_one("#entities-list", OptionList)
        await wait_for(pilot, lambda: lst.option_count > 1 and lst.scrollable_content_region.width > 0,
                       what="the Entities list shown")
        width = lst.scrollable_content_region.width
        rows = [lst.get_option_at_index(i).prompt for i in range(lst.option_count)]
        # a row wider than the list wraps: its counts land on a line of their own
        assert all(r.cell_len <= width for r in rows), (width, [str(r) for r in rows if r.cell_len > width])
