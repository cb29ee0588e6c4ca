"""Article titles and annotation tags reach the command palette as text: markup in
them is shown, never applied (the palette reads plain strings as markup)."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from reader.tui.app import ReaderApp
from reader.tui.widgets.notes_pane import NotesPane

from .helpers import wait_for, wait_loaded

TITLE = "Mayor [bold]denies[/] the [red]report[/red]"


def _prompts(app) -> list[str]:
    if not isinstance(app.screen, CommandPalette):
        return []
    lst = app.screen.query_one(CommandList)
    return [str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]


async def test_markup_in_titles_and_tags_is_shown_literally_in_the_palette(tmp_path):
    (tmp_path / "a.txt").write_text(f"{TITLE}\n\nThe mayor spoke on Monday about the report.\n", encoding="utf-8")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, app)
        pane = app.query_one(NotesPane)
        await wait_for(pilot, lambda: pane.store is not None, what="the annotations to load")
        pane.store.add_quote(app.current_doc, "the report", tags=["[b]x[/b]"])
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: any(TITLE in p for p in _prompts(app)), what="the title, markup and all")
        await pilot.press(*"report")
        await wait_for(pilot, lambda: any(TITLE in p for p in _prompts(app)), what="the searched title, literally")
        await pilot.press(*" x")
        await wait_for(pilot, lambda: any("#[b]x[/b]" in p for p in _prompts(app)), what="the tag, literally")


async def test_a_file_name_with_brackets_is_not_read_as_markup_in_the_load_message(tmp_path):
    (tmp_path / "good.txt").write_text("The mayor spoke on Monday.\n", encoding="utf-8")
    (tmp_path / "[red]bad[-].txt").write_bytes(b"\x00" * 50)
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, app)
        shown = [n for n in app._notifications if n.title == "Not loaded"]
        assert shown and "[red]bad[-].txt" in shown[0].message and shown[0].markup is False
