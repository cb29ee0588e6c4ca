"""When no article could be loaded the sidebar's panes say so, rather than
waiting for articles that will never come."""

from __future__ import annotations

from reader.tui.app import ReaderApp

from .helpers import wait_loaded


async def test_panes_say_nothing_was_loaded(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, app)
        assert not app.index.documents
        for status in ("#entities-status", "#quotes-status", "#notes-status"):
            text = str(app.query_one(status).render())
            assert "waiting" not in text and "no article" in text, (status, text)
