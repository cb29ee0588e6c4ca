"""The Entities tab driven with real keys."""

from __future__ import annotations

from textual.widgets import OptionList, TabbedContent

from reader.core.entities.corrections import parse
from reader.tui.app import ReaderApp
from reader.tui.screens.entity_picker import PickerScreen, TextPromptScreen
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.entities_pane import EntitiesPane

from .helpers import wait_for, wait_loaded

FIRST = "000_dcdabc9cd42fd5c7"
SECOND = "002_3ad7c57d0e97eb6f"


async def _open_pane(pilot, app) -> EntitiesPane:
    await wait_loaded(pilot, app)
    pane = app.query_one(EntitiesPane)
    await wait_for(pilot, lambda: pane.entities is not None, what="entities to be extracted")
    app.query_one("#sidebar-tabs", TabbedContent).active = "tab-entities"
    app.query_one("#entities-list", OptionList).focus()
    await pilot.pause()
    return pane


async def _select(pilot, pane: EntitiesPane, text: str) -> None:
    await pilot.press("f")
    for ch in text:
        await pilot.press(ch)
    await pilot.press("enter")
    await pilot.press("down")  # the first entity under its group heading
    await wait_for(pilot, lambda: pane.selected is not None and text.lower() in pane.selected.name.lower()
                   and pane.shown is pane.selected, what=f"{text} to be selected and shown")


async def test_grouped_list_fills_from_the_worker(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _open_pane(pilot, app)
        lst = app.query_one("#entities-list", OptionList)
        options = [lst.get_option_at_index(i) for i in range(lst.option_count)]
        headings = [str(o.prompt) for o in options if o.disabled]
        assert headings[0].startswith("People (") and headings[1].startswith("Places (")
        assert headings[2].startswith("Organisations (")
        tok = next(e for e in pane.entities.entities if e.name == "Kassym-Jomart Tokayev")
        assert tok.id in {o.id for o in options} and pane._count(tok) == (17, 2)
        # scope: this article only, then back
        await pilot.press("a")
        assert pane.scope == "doc" and "this article" in str(app.query_one("#entities-status").render())
        await pilot.press("a")
        assert pane.scope == "all"


async def test_select_highlights_and_n_walks_mentions_across_articles(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _open_pane(pilot, app)
        await _select(pilot, pane, "tokayev")
        tok = pane.selected
        marks = app.article_view.marks("entity")
        assert marks and all(app.current_doc.text[s:e] in ("Tokayev", "Kassym-Jomart Tokayev") for s, e in marks)
        kwic = app.query_one("#entities-kwic", OptionList)
        assert kwic.option_count == len(tok.mentions) == 17
        await pilot.press("n")
        assert pane.cursor == 0 and app.current_doc.id == FIRST
        assert pane.position_text().startswith("1/17 · article 1 of 2")
        first_in_second = next(i for i, m in enumerate(pane.ordered_mentions(tok)) if m.doc == SECOND)
        for _ in range(first_in_second):
            await pilot.press("n")
        await wait_for(pilot, lambda: app.current_doc.id == SECOND, what="the second article")
        assert pane.position_text().startswith(f"{first_in_second + 1}/17 · article 2 of 2")
        m = pane.ordered_mentions(tok)[first_in_second]
        assert (m.start, m.end) in app.article_view.marks("entity")
        await pilot.press("N")
        await wait_for(pilot, lambda: app.current_doc.id == FIRST, what="back to the first article")


async def test_merge_with_the_picker_then_undo(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _open_pane(pilot, app)
        await _select(pilot, pane, "khabar")
        source = pane.selected.id
        target = next(e for e in pane.entities.entities if e.name == "Kazakhstan")
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, PickerScreen), what="the merge picker")
        for ch in "kazakhstn":  # a typo: the picker is fuzzy
            await pilot.press(ch)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, PickerScreen), what="the picker to close")
        path = pane.entities.corrections_path
        items = parse(path.read_text(encoding="utf-8"))
        assert [(c.op, c.target, c.args) for c in items] == [("merge", source, {"into": target.id})]
        assert pane.entities.get(source) is None
        assert "Khabar" in pane.entities.get(target.id).aliases
        assert app.index.entities is pane.entities  # the Index serves the corrected list
        await pilot.press("u")
        await wait_for(pilot, lambda: pane.entities.get(source) is not None, what="undo")
        assert parse(path.read_text(encoding="utf-8")) == []


async def test_rename_and_ignore_keys(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _open_pane(pilot, app)
        await _select(pilot, pane, "pannier")
        eid = pane.selected.id
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, TextPromptScreen), what="the rename prompt")
        await pilot.press("ctrl+a", "ctrl+k")
        for ch in "Bruce Pannier (DW)":
            await pilot.press(ch if ch != " " else "space")
        await pilot.press("enter")
        await wait_for(pilot, lambda: pane.entities.get(eid).name == "Bruce Pannier (DW)", what="the rename")
        await pilot.press("x")
        await wait_for(pilot, lambda: pane.entities.get(eid) is None, what="ignore")
        assert [e.id for e in pane.entities.hidden] == [eid]


async def test_malformed_corrections_file_is_reported_and_kept(seeds_dir):
    bad = "- retype: place:almaty\n  type: CITY\n"
    (seeds_dir / "entities.yaml").write_text(bad, encoding="utf-8")
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _open_pane(pilot, app)
        assert "line 1" in pane.entities.corrections_error
        await _select(pilot, pane, "almaty")
        await pilot.press("x")
        await pilot.pause()
        assert (seeds_dir / "entities.yaml").read_text(encoding="utf-8") == bad
        assert pane.entities.get("place:almaty") is not None


async def test_help_lists_the_entity_keys(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        await _open_pane(pilot, app)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        described = {b.description for _, group in app.screen.groups for b in group}
        assert {"Next mention", "Prev mention", "Merge into…", "Rename", "Retype", "Split a spelling off",
                "Ignore (hide)", "Undo correction", "Filter"} <= described


async def test_retype_and_split_keys(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _open_pane(pilot, app)
        await _select(pilot, pane, "khabar")
        eid = pane.selected.id
        await pilot.press("T")
        await wait_for(pilot, lambda: isinstance(app.screen, PickerScreen), what="the type picker")
        for ch in "place":
            await pilot.press(ch)
        await pilot.press("enter")
        await wait_for(pilot, lambda: pane.entities.get(eid).type == "PLACE", what="the retype")
        await pilot.press("f", "ctrl+a", "ctrl+k", "enter")  # clear the filter, back to the list
        await _select(pilot, pane, "tokayev")
        tok = pane.selected.id
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PickerScreen), what="the split picker")
        for ch in "Kassym":
            await pilot.press(ch)
        await pilot.press("enter")
        await wait_for(pilot, lambda: pane.entities.get(tok) is not None
                       and "Kassym-Jomart Tokayev" not in pane.entities.get(tok).aliases, what="the split")
        split_off = [e for e in pane.entities.entities if e.name == "Kassym-Jomart Tokayev" and e.id != tok]
        assert split_off and {m.text for m in split_off[0].mentions} == {"Kassym-Jomart Tokayev"}


async def test_palette_runs_entity_commands(seeds_dir):
    from textual.command import CommandPalette

    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane = await _open_pane(pilot, app)
        await _select(pilot, pane, "nazarbayev")
        eid = pane.selected.id
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
        for ch in "Entities: ignore":
            await pilot.press(ch if ch != " " else "space")
        await wait_for(pilot, lambda: app.screen.query("CommandList") and
                       app.screen.query_one("CommandList").option_count > 0, what="palette hits")
        await pilot.press("enter")
        await wait_for(pilot, lambda: pane.entities.get(eid) is None, what="the ignore from the palette")
