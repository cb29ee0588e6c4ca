"""A click lands on the character under the mouse, padding and scrolling included
(hover over a time expression is tested in test_timeline.py)."""

from __future__ import annotations

from reader.tui.app import ReaderApp

from .helpers import wait_for, wait_loaded


async def test_click_then_v_selects_the_clicked_sentence(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        view = app.article_view
        doc = app.current_doc
        view.focus()
        await pilot.press("j", "j", "j")  # scrolled: rows on screen are not layout rows
        # A short sentence whose first character sits right after the left padding would be
        # missed by a click two cells off; aim at the first letter of "Protests".
        target = doc.text.index("Protests had erupted")
        row, col = view.layout_.to_display(target)
        x, y = col + view.gutter.left, row - int(view.scroll_y) + view.gutter.top
        assert view.offset_at(x, y) == target
        assert view.offset_at(x - 1, y) != target  # one cell left is the padding, not the letter
        await pilot.click("#article", offset=(x, y))
        await pilot.press("v")
        await wait_for(pilot, lambda: view.selection is not None, what="a selection")
        start, end = view.selection
        assert doc.text[start:end].startswith("Protests had erupted")

