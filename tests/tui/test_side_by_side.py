"""Side by side, driven with real keys: a fact's two passages, |, following, closing."""

from __future__ import annotations

import pytest

from reader.tui.app import ReaderApp
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.entity_picker import PickerScreen

from .helpers import wait_for, wait_loaded
from .test_compare_screen import FIRST, SECOND, open_compare


def in_view(view, offset: int) -> bool:
    row, _ = view.layout_.to_display(offset)
    return int(view.scroll_y) <= row < int(view.scroll_y) + view.scrollable_content_region.height


async def wait_settled(pilot, app) -> None:
    await wait_for(pilot, lambda: app.split.alignment is not None, what="the passages paired")
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("width", [120, 80, 40])
async def test_enter_on_a_fact_shows_both_passages_highlighted_and_in_view(seeds_dir, width):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(width, 40)) as pilot:
        screen = await open_compare(pilot, app)
        row = next(i for i, f in enumerate(screen.facts) if f.label == "bandits attacked")
        await pilot.press(*["down"] * row)
        fact = screen.highlighted_fact
        assert fact.label == "bandits attacked"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, CompareScreen), what="compare to close")
        await wait_settled(pilot, app)
        main, other = app.article_view, app.split.other
        assert app.split.is_open
        mine, theirs = fact.item_for(FIRST), fact.item_for(SECOND)
        assert (main.doc.id, other.doc.id) == (FIRST, SECOND)
        assert main.marks("focus") == [(mine.start, mine.end)]
        assert other.marks("focus") == [(theirs.start, theirs.end)]
        assert in_view(main, mine.start) and in_view(other, theirs.start)
        if width >= 100:  # side by side
            assert other.region.x >= main.region.right and other.region.y == main.region.y
        else:  # one above the other
            assert other.region.y >= main.region.bottom and other.region.x == main.region.x
        assert app.focused is main
        await pilot.press("j", "j")  # the two passages stay level while the reader's is in view
        await pilot.pause()
        if in_view(main, mine.start):
            rows = [v.layout_.to_display(o)[0] - int(v.scroll_y) for v, o in ((main, mine.start), (other, theirs.start))]
            assert rows[0] == rows[1] or other.scroll_y in (0, other.max_scroll_y)
            assert in_view(other, theirs.start)


async def test_bar_opens_the_other_article_scrolling_keeps_it_at_the_matching_passage(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, app)
        main, other = app.article_view, app.split.other
        main.focus()
        assert not other.display or not app.split.is_open
        await pilot.press("vertical_line")  # one other article: it opens at once
        await wait_for(pilot, lambda: app.split.is_open and other.doc is not None, what="the split")
        assert other.doc.id == SECOND and other.region.width > 20
        await wait_settled(pilot, app)
        alignment = app.split.alignment
        followed = 0
        for _ in range(40):
            before = other.scroll_y
            await pilot.press("j")
            height = main.scrollable_content_region.height
            top = int(main.scroll_y)
            lines = main.layout_.lines
            text_rows = [r for r in range(top, min(len(lines), top + height)) if lines[r].is_text]
            seen = (lines[text_rows[0]].start, lines[text_rows[-1]].end)
            reading = next((lines[r].start for r in text_rows if r >= top + height // 3), seen[1])
            pair = alignment.nearest(reading, within=(seen[0], seen[1]), which="a")
            if pair is None:
                continue
            if other.scroll_y != before:
                followed += 1
            row_main = main.layout_.to_display(pair.a_start)[0] - top
            row_other = other.layout_.to_display(pair.b_start)[0] - int(other.scroll_y)
            # the partner sits on the same screen row, unless the other article cannot scroll that far
            assert row_other == row_main or other.scroll_y in (0, other.max_scroll_y)
            assert in_view(other, pair.b_start)
        assert followed > 0
        # the other pane leads when it has the keys
        other.focus()
        main_before = main.scroll_y
        await pilot.press("G")
        assert other.scroll_y == other.max_scroll_y
        await pilot.pause()
        assert main.scroll_y != main_before or alignment.nearest(0, within=(other.top_offset, len(other.doc.text)),
                                                                 which="b") is None
        await pilot.press("vertical_line")
        await wait_for(pilot, lambda: not app.split.is_open, what="| to close")
        assert app.focused is main and not other.display


async def test_escape_closes_the_split(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(90, 30)) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        await pilot.press("vertical_line")
        await wait_for(pilot, lambda: app.split.is_open, what="the split")
        assert app.split.has_class("-stacked")  # below 100 columns
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.split.is_open, what="escape to close")
        assert app.split.other.doc is None


async def test_with_several_articles_a_picker_chooses_the_other(tmp_path):
    for name, source, text in (("a", "Wire", "Floods closed 12 schools in Oberdorf on Monday."),
                               ("b", "Post", "The floods in Oberdorf closed 14 schools."),
                               ("c", "Herald", "Oberdorf schools closed after the floods.")):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {source} on the floods\nsource: {source}\n"
                                             f"date: 2024-03-0{ord(name) - 96}\n---\n\n{text}\n", encoding="utf-8")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        await pilot.press("vertical_line")
        await wait_for(pilot, lambda: isinstance(app.screen, PickerScreen), what="the picker")
        assert len(app.screen.choices) == 2  # every article but the one being read
        await pilot.press(*"Herald", "enter")
        await wait_for(pilot, lambda: app.split.is_open and app.split.other.doc is not None, what="the split")
        assert app.split.other.doc.source == "Herald"
        assert app.current_doc.source == "Wire"


async def test_side_by_side_is_a_palette_command(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, app)
        assert "Side by side" in {c.title for c in app.get_system_commands(app.screen)}
