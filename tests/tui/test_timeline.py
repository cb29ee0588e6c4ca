"""The timeline view and the Dates tab, driven with real keys."""

from __future__ import annotations

from reader.tui.app import ReaderApp
from reader.tui.screens.timeline import TimelineScreen
from reader.tui.widgets.dates_pane import DatesPane

from .helpers import wait_for, wait_loaded

FIRST = "000_dcdabc9cd42fd5c7"  # dated 2022-01-07
SECOND = "002_3ad7c57d0e97eb6f"  # dated 2022-01-08
SEED_EVENTS = 40  # every time expression of the two seeds (tests/core/test_dates_seeds.py)


async def _open_timeline(pilot, app) -> TimelineScreen:
    await wait_loaded(pilot, app)
    app.article_view.focus()
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), what="timeline screen")
    screen = app.screen
    await wait_for(pilot, lambda: screen.timeline is not None and screen.shown, timeout=30, what="timeline built")
    return screen


async def test_t_lists_every_event_by_day_and_enter_opens_the_passage(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_timeline(pilot, app)
        events = screen.shown
        assert len(events) == SEED_EVENTS
        dated = [e.date for e in events if e.date]
        assert dated == sorted(dated) and events[-1].date is None
        opts = screen.options
        headers = [str(opts.get_option_at_index(i).prompt).split("   ")[0]
                   for i in range(opts.option_count) if opts.get_option_at_index(i).disabled]
        assert headers[:3] == ["Friday 01 January 2016", "Sunday 02 January 2022", "Monday 03 January 2022"]
        assert headers[-1] == "No date"
        assert len(headers) == len({e.date for e in events})
        # Opened from the first article: the cursor starts on its first dated event.
        first = screen.highlighted_event
        assert first is not None and first.doc == FIRST
        await pilot.press("down")
        target = screen.highlighted_event
        assert target is not None
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, TimelineScreen), what="timeline to close")
        assert app.current_doc.id == target.doc
        assert app.article_view.marks("focus") == [(target.start, target.end)]
        assert app.current_doc.text[target.start:target.end] == target.text


async def test_filters_by_article_and_entity(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_timeline(pilot, app)
        # Walk to an event of the second article that names entities.
        for _ in range(60):
            e = screen.highlighted_event
            if e is not None and e.doc == SECOND and e.entities:
                break
            await pilot.press("down")
        e = screen.highlighted_event
        assert e.doc == SECOND and e.entities
        await pilot.press("a")
        assert screen.article == SECOND
        assert screen.shown and all(x.doc == SECOND for x in screen.shown)
        assert screen.highlighted_event is e  # the cursor stays on its event
        await pilot.press("a")
        assert screen.article is None and len(screen.shown) == SEED_EVENTS
        await pilot.press("e")
        assert screen.entity == e.entities[0]
        assert screen.shown and all(e.entities[0] in x.entities for x in screen.shown)
        assert len(screen.shown) < SEED_EVENTS
        await pilot.press("x")
        assert screen.entity is None and len(screen.shown) == SEED_EVENTS
        await pilot.press("question_mark")
        from reader.tui.screens.help import HelpScreen

        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), what="help over the timeline")
        described = {b.description for _, group in app.screen.groups for b in group}
        assert {"This article only", "Entity filter", "Clear filters", "Close"} <= described
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), what="back to the timeline")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TimelineScreen), what="escape to close")


async def test_timeline_is_a_palette_command(seeds_dir):
    from textual.command import CommandPalette

    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, app)
        assert "Timeline" in {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        await pilot.press(*"timeline")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), what="timeline from the palette")
        await wait_for(pilot, lambda: app.screen.shown, what="timeline built")


async def test_dates_tab_marks_expressions_and_moving_onto_one_shows_its_date(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_loaded(pilot, app)
        pane = app.query_one(DatesPane)
        await wait_for(pilot, lambda: pane.doc is app.current_doc and pane.expressions, what="dates of the article")
        view = app.article_view
        assert view.marks("time") == [(e.start, e.end) for e in pane.expressions]
        friday = pane.expressions[0]
        assert (friday.text, friday.date.isoformat()) == ("Friday", "2022-01-07")
        assert "Friday 07 January 2022" in view.hover_label_at(friday.start)
        app.query_one("#sidebar-tabs").active = "tab-dates"
        pane.options.focus()
        await pilot.press("down", "down", "down", "down")  # onto the fourth expression: "this week"
        assert pane.options.highlighted == 3
        detail = str(app.query_one("#dates-detail").render())
        assert "Mon 03 Jan – Sun 09 Jan 2022" in detail
        e = pane.expressions[3]
        assert view.marks("focus") == [(e.start, e.end)]
        await pilot.press("enter")
        assert app.focused is view


async def test_hovering_a_time_expression_shows_its_date(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_loaded(pilot, app)
        pane = app.query_one(DatesPane)
        await wait_for(pilot, lambda: pane.doc is app.current_doc and pane.expressions, what="dates of the article")
        view = app.article_view
        friday = pane.expressions[0]
        row, col = view.layout_.to_display(friday.start + 2)
        # offset_at and the mouse both count widget cells, padding included.
        y = row - int(view.scroll_y) + view.gutter.top
        x = next(x for x in range(0, view.region.width) if view.offset_at(x, y) == friday.start + 2)
        await pilot.hover(view, offset=(x, y))
        await wait_for(pilot, lambda: view.tooltip is not None, what="tooltip")
        assert "Friday 07 January 2022" in view.tooltip
        # Off the expression, no tooltip.
        x = next(x for x in range(0, view.region.width) if view.offset_at(x, y) == friday.end + 3)
        await pilot.hover(view, offset=(x, y))
        await wait_for(pilot, lambda: view.tooltip is None, what="tooltip to go")


async def test_article_without_date_lists_its_expressions_unresolved(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resumed on Friday. The deal of March 3, 2021 holds.\n", encoding="utf-8")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, app)
        pane = app.query_one(DatesPane)
        await wait_for(pilot, lambda: pane.doc is app.current_doc and pane.expressions, what="dates of the article")
        assert [(e.text, e.date) for e in pane.expressions][0] == ("Friday", None)
        assert "no date" in str(app.query_one("#dates-anchor").render())
        assert app.sub_title.startswith("no date")
        screen = await _open_timeline(pilot, app)
        assert [e.text for e in screen.shown] == ["March 3, 2021", "Friday"]


async def test_entity_filter_takes_the_entity_selected_in_the_sidebar(seeds_dir):
    from reader.tui.widgets.entities_pane import EntitiesPane

    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_loaded(pilot, app)
        pane = app.query_one(EntitiesPane)
        await wait_for(pilot, lambda: pane.entities is not None, timeout=30, what="entities")
        app.query_one("#sidebar-tabs").active = "tab-entities"
        lst = app.query_one("#entities-list")
        lst.focus()
        await pilot.press("down")
        await wait_for(pilot, lambda: pane.selected is not None, what="an entity selected")
        chosen = pane.selected.id
        app.article_view.focus()
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.shown, timeout=30,
                       what="timeline")
        screen = app.screen
        await pilot.press("e")
        assert screen.entity == chosen
        assert screen.shown and all(chosen in e.entities for e in screen.shown)
        assert chosen.split(":")[0] in ("person", "place", "org")
        await pilot.press("e")  # again: off
        assert screen.entity is None and len(screen.shown) == SEED_EVENTS


async def test_timeline_is_built_again_after_entity_corrections(seeds_dir):
    from reader.core.entities import build_entity_index

    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        first = (await _open_timeline(pilot, app)).timeline
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TimelineScreen), what="close")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.shown, what="reopen")
        assert app.screen.timeline is first  # nothing changed: the same timeline
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TimelineScreen), what="close")
        app.index.entities = build_entity_index(app.index.documents)  # what a correction does
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.shown, what="rebuilt")
        assert app.screen.timeline is not first
        assert app.screen.timeline.entity_index is app.index.entities
