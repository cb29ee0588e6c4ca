"""The article list's status line is read whole, however narrow the list."""

from __future__ import annotations

from textual.widgets import Static

from reader.tui.app import ReaderApp

from .helpers import wait_loaded


async def test_not_loaded_count_and_where_to_look_fit_a_narrow_list(tmp_path):
    (tmp_path / "good.txt").write_text("The mayor of Springfield spoke on Monday.\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        status = app.article_list.query_one("#article-status", Static)
        text = str(status.render())
        assert "2 not loaded" in text and "Load problems" in text
        # every character has a cell: nothing is cut at the list's edge
        assert status.content_size.width * status.content_size.height >= len(text)
