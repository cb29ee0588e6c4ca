"""The Entities tab's "only in this article" toggle, driven with real keys."""

from __future__ import annotations

from textual.widgets import OptionList

from reader.tui.app import ReaderApp
from reader.tui.widgets.entities_pane import EntitiesPane

from .helpers import wait_for
from .test_entities_pane import FIRST, SECOND, _open_pane


def listed(app) -> set[str]:
    lst = app.query_one("#entities-list", OptionList)
    return {o.id for o in (lst.get_option_at_index(i) for i in range(lst.option_count)) if o.id}


async def test_o_lists_only_what_no_other_article_names_and_follows_the_article(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        pane: EntitiesPane = await _open_pane(pilot, app)
        everything = listed(app)
        tokayev = next(e.id for e in pane.entities.entities if e.name == "Kassym-Jomart Tokayev")
        assert tokayev in everything
        await pilot.press("o")
        await wait_for(pilot, lambda: pane._only is not None, timeout=30, what="the comparison")
        await pilot.pause()
        comparison = app.index.compare
        own = {e.id for e in comparison.only_in(FIRST)}
        assert own and listed(app) == own
        assert tokayev not in listed(app)  # both articles name him
        assert "Deutsche Welle" in {pane.entities.get(i).name for i in listed(app)}
        assert "only in this article" in str(app.query_one("#entities-status").render())
        app.article_view.focus()
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: app.current_doc.id == SECOND, what="the next article")
        await wait_for(pilot, lambda: listed(app) == {e.id for e in comparison.only_in(SECOND)},
                       what="the list to follow the article")
        app.query_one("#entities-list", OptionList).focus()
        await pilot.press("o")
        assert not pane.only and listed(app) == everything


async def test_only_is_a_palette_command_and_a_listed_key(seeds_dir):
    from reader.tui.screens.help import HelpScreen

    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        await _open_pane(pilot, app)
        assert "Entities: only in this article" in {c.title for c in app.get_system_commands(app.screen)}
        binding = next(b for _, b in app.query_one(EntitiesPane)._bindings if b.action == "toggle_only")
        assert binding.id == "entity-only" and binding.tooltip
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        described = {b.description for _, group in app.screen.groups for b in group}
        assert "Only in this article" in described
