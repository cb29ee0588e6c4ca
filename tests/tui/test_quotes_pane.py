"""The Quotes tab driven with real keys: select, jump, list matches, open a match."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import OptionList, TabbedContent

from reader.tui.app import ReaderApp
from reader.tui.widgets.quotes_pane import QuotesPane

from .helpers import wait_for, wait_loaded

FIRST = "000_dcdabc9cd42fd5c7"
SECOND = "002_3ad7c57d0e97eb6f"


async def _open_tab(pilot, app) -> QuotesPane:
    await wait_loaded(pilot, app)
    pane = app.query_one(QuotesPane)
    await wait_for(pilot, lambda: pane.quotes is not None, what="quotations to be extracted")
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
    await pilot.press(*"Quotes: show")

    def offered() -> bool:
        lists = app.screen.query(OptionList)
        return any("Quotes: show" in str(lst.get_option_at_index(i).prompt)
                   for lst in lists for i in range(lst.option_count))

    await wait_for(pilot, offered, what="the palette to offer Quotes: show")
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.query_one("#sidebar-tabs", TabbedContent).active == "tab-quotes"
                   and app.focused is app.query_one("#quotes-list"), what="the Quotes tab focused")
    return pane


async def test_quotes_of_the_article_with_speakers(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(160, 45)) as pilot:
        pane = await _open_tab(pilot, app)
        assert app.current_doc.id == FIRST
        lst = app.query_one("#quotes-list", OptionList)
        prompts = [str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]
        assert len(prompts) == 14
        assert prompts[0].startswith("Kassym-Jomart Tokayev · short\n“mainly restored”")
        assert any(p.startswith("unattributed · short\n“Criminals”") for p in prompts)
        assert any(p.startswith("the Kazakh government?") for p in prompts)  # words found, no entity
        assert any(p.startswith("Bruce Pannier · previous quote\n“So they’re expanding") for p in prompts)
        assert "14 of 14 quotations" in str(app.query_one("#quotes-status").render())
        # scare quotes off and on again
        await pilot.press("x")
        assert lst.option_count == 14 - sum(q.short for q in pane.quotes.in_doc(FIRST))
        await pilot.press("x")
        assert lst.option_count == 14


async def test_select_jump_and_open_a_match_in_the_other_article(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(160, 45)) as pilot:
        pane = await _open_tab(pilot, app)
        await pilot.press("down")  # highlights the first quotation: “mainly restored”
        await wait_for(pilot, lambda: pane.selected is not None and pane.selected.text == "mainly restored",
                       what="the first quotation selected")
        await wait_for(pilot, lambda: app.query_one("#quotes-matches", OptionList).option_count == 1,
                       what="its match in the other article")
        assert "also in 1 other article" in str(app.query_one("#quotes-detail").render())
        q = pane.selected
        await pilot.press("enter")  # show it in the article
        await wait_for(pilot, lambda: app.article_view.marks("focus") == [(q.start, q.end)], what="quote highlighted")
        assert app.current_doc.id == FIRST
        await pilot.press("m", "enter")  # to the matches, open the first
        m = q.matches[0]
        await wait_for(pilot, lambda: app.current_doc.id == SECOND, what="the other article")
        assert app.current_doc.text[m.start:m.end] == "mainly restored"
        assert app.article_view.marks("focus") == [(m.start, m.end)]
        # the article changed: the tab now lists the second article's quotations
        await wait_for(pilot, lambda: pane.doc is not None and pane.doc.id == SECOND, what="pane follows the article")
        assert app.query_one("#quotes-list", OptionList).option_count == len(pane.quotes.in_doc(SECOND))


async def test_n_steps_through_matches_and_a_stale_result_is_ignored(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(160, 45)) as pilot:
        pane = await _open_tab(pilot, app)
        await pilot.press("n")  # nothing selected yet: a message, no crash
        await pilot.press("down", "down", "down")  # “Terrorists continue …”
        await wait_for(pilot, lambda: pane.selected is not None and pane.selected.text.startswith("Terrorists"),
                       what="the long quotation selected")
        await wait_for(pilot, lambda: bool(pane.matches), what="its matches")
        target = pane.matches[0]
        await pilot.press("n")
        await wait_for(pilot, lambda: app.current_doc.id == target.doc, what="the first match opened")
        assert app.article_view.marks("focus") == [(target.start, target.end)]
        # a result computed for a quotation no longer selected never replaces the current one
        other = pane.quotes.in_doc(FIRST)[0]
        pane._show_matches(other, [])
        assert pane.matches and pane.matches[0] is target


async def test_quotes_tab_shows_help_bindings(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(160, 45)) as pilot:
        await _open_tab(pilot, app)
        keys = {b.key for b in QuotesPane.BINDINGS}
        assert {"n", "N", "x", "m"} <= keys
        assert all(b.description for b in QuotesPane.BINDINGS)


async def test_article_without_quotations(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-01-02\nIt's the country's best year, officials said.\n")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(160, 45)) as pilot:
        pane = await _open_tab(pilot, app)
        assert app.query_one("#quotes-list", OptionList).option_count == 0
        assert "no quotations in this article" in str(app.query_one("#quotes-status").render())
        await pilot.press("n")  # nothing selected: a message, no crash
        assert pane.selected is None
