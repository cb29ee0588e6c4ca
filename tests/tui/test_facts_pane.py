"""The Facts tab shows the article's source as text: markup in a front matter
`source` is shown, never applied."""

from __future__ import annotations

from rich.text import Text

from reader.tui.app import ReaderApp
from reader.tui.widgets.sidebar import FactsPane

from .helpers import wait_for, wait_loaded

SOURCE = "[red]Evil[/red] [bold]Wire[/bold]"


async def test_markup_in_the_source_is_shown_literally(tmp_path):
    (tmp_path / "a.md").write_text(
        f'---\ntitle: Bridge to reopen\ndate: 2022-01-05\nsource: "{SOURCE}"\n---\n'
        "The mayor of Springfield said on Monday that the bridge would reopen.\n", encoding="utf-8")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, app)
        assert app.current_doc.source == SOURCE
        facts = app.query_one(FactsPane)
        await wait_for(pilot, lambda: facts.content is not None and hasattr(facts.content, "columns"),
                       what="the facts table")
        table = facts.content
        labels = [str(c) for c in table.columns[0]._cells]
        cell = table.columns[1]._cells[labels.index("source")]
        assert isinstance(cell, Text) and cell.plain == SOURCE
