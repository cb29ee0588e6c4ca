"""The Compare view, driven with real keys: c opens it, enter opens a fact's passages."""

from __future__ import annotations

import pytest
from rich.text import Text

from reader.core.compare import FactItem
from reader.tui.app import ReaderApp
from reader.tui.screens.compare import CompareScreen, value_words

from .helpers import wait_for, wait_loaded

FIRST = "000_dcdabc9cd42fd5c7"  # DW, 2022-01-07: "3,000 arrests"
SECOND = "002_3ad7c57d0e97eb6f"  # 2022-01-08: "Almost 4,000 people have been taken into custody"


async def open_compare(pilot, app) -> CompareScreen:
    await wait_loaded(pilot, app)
    app.article_view.focus()
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), what="the compare screen")
    screen = app.screen
    await wait_for(pilot, lambda: screen.comparison is not None and screen.table.row_count, timeout=30,
                   what="the comparison")
    return screen


def cell_text(screen: CompareScreen, row: int, column: str) -> str:
    return screen.table.get_cell(screen.facts[row].id, column).plain


async def test_c_lists_facts_differ_first_with_a_column_per_article(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot, app)
        verdicts = [f.verdict for f in screen.facts]
        assert verdicts == sorted(verdicts, key=["differ", "agree", "only"].index)
        assert screen.table.row_count == len(screen.facts)
        labels = [str(c.label) for c in screen.table.columns.values()]
        assert "DW\n2022-01-07" in labels and "source unknown\n2022-01-08" in labels
        arrests = next(i for i, f in enumerate(screen.facts) if f.label == "arrests")
        assert screen.facts[arrests].verdict == "differ"
        assert screen.table.get_cell(screen.facts[arrests].id, "mark").plain == "≠"
        assert cell_text(screen, arrests, FIRST).startswith("3,000 arrests\n— ")
        assert cell_text(screen, arrests, SECOND).startswith("almost 4,000 people")
        killed = next(i for i, f in enumerate(screen.facts) if f.kind == "number" and
                      {it.value for it in f.items} == {26.0})
        assert screen.table.get_cell(screen.facts[killed].id, "mark").plain == "="
        assert "Interior" in cell_text(screen, killed, FIRST)  # the attribution
        only = next(i for i, f in enumerate(screen.facts) if f.verdict == "only" and f.item_for(FIRST))
        assert screen.table.get_cell(screen.facts[only].id, "mark").plain == "—"
        assert cell_text(screen, only, SECOND) == ""
        assert "≠ 1 differ" in str(screen.query_one("#compare-status").render())


async def test_enter_opens_the_passages_of_the_fact(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot, app)
        fact = screen.highlighted_fact
        assert fact is not None and fact.verdict == "differ"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, CompareScreen), what="compare to close")
        mine = fact.item_for(FIRST)
        await wait_for(pilot, lambda: app.article_view.marks("focus") == [(mine.start, mine.end)],
                       what="the passage highlighted")
        assert app.current_doc.id == FIRST  # the article being read keeps the left side


async def test_escape_closes_the_palette_opens_it_and_the_cursor_stays_on_its_fact(seeds_dir):
    from textual.command import CommandPalette

    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(pilot, app)
        await pilot.press("down", "down", "down")
        fact = screen.highlighted_fact
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CompareScreen), what="escape to close")
        screen = await open_compare(pilot, app)
        assert screen.highlighted_fact is not None and screen.highlighted_fact.id == fact.id
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CompareScreen), what="escape to close")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        await pilot.press(*"compare")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), what="compare from the palette")


@pytest.mark.parametrize("width", [80, 40])
async def test_narrow_terminals_scroll_the_table_sideways(seeds_dir, width):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(width, 30)) as pilot:
        screen = await open_compare(pilot, app)
        table = screen.table
        assert table.region.right <= width
        await pilot.press("down", "down", "right", "right", "right")
        await pilot.pause()
        assert screen.highlighted_fact is screen.facts[2]
        if width == 40:
            assert table.max_scroll_x > 0  # the articles' columns do not fit: they scroll
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, CompareScreen), what="compare to close")


async def test_article_text_is_data_not_markup(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: '[bold]A[/]'\nsource: \"[red]Wire[/] \\e[2J\"\ndate: 2024-05-01\n---\n\n"
                                   "Police said 12 protesters [italic]were[/] arrested on Monday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\nsource: Post\ndate: 2024-05-02\n---\n\n"
                                   "Officials said 40 protesters were arrested.\n", encoding="utf-8")
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_compare(pilot, app)
        heads = [c.label for c in screen.table.columns.values()]
        wire = next(h for h in heads if "Wire" in h.plain)
        assert isinstance(wire, Text) and wire.plain.startswith("[red]Wire[/] ␛[2J")


def test_value_words_keep_the_hedge_and_the_vague_count():
    def item(text, **kw):
        return FactItem("d", 0, len(text), text, 0, len(text), **kw)

    assert value_words(item("almost 4,000 people", value=4000.0, hedge="almost", unit="people")) == "almost 4,000"
    assert value_words(item("1.5 million", value=1.5e6)) == "1,500,000"
    assert value_words(item("2.5 tonnes", value=2.5)) == "2.5"
    assert value_words(item("dozens of demonstrators killed", unit="demonstrators", vague=True)) == "dozens of"
    assert value_words(item("thousands detained", vague=True)) == "thousands"


def big_comparison(n_docs: int, n_facts: int):
    from reader.core.compare import Comparison, DocumentInfo, Fact

    docs = tuple(DocumentInfo(f"d{i:04}", f"Source {i}", "2024-01-01", f"Title {i}") for i in range(n_docs))
    facts = []
    for k in range(n_facts):
        a, b = docs[k % n_docs].id, docs[(k * 7 + 1) % n_docs].id
        items = (FactItem(a, 0, 5, "5 dead", 0, 6, value=5.0, low=5.0, high=5.0, unit="dead"),
                 FactItem(b, 0, 5, "9 dead", 0, 6, value=9.0, low=9.0, high=9.0, unit="dead"))
        facts.append(Fact(f"f{k}", "number", "dead", "differ", items))
    return Comparison(docs, tuple(facts))


class FakeIndex:
    def __init__(self, comparison):
        self.compare = comparison


async def test_a_large_corpus_shows_the_articles_reporting_most_and_the_first_facts(seeds_dir):
    from reader.tui.screens import compare

    comparison = big_comparison(2000, 3000)
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, app)
        app.push_screen(CompareScreen(FakeIndex(comparison), current="d1999"))
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.comparison is not None,
                       timeout=30, what="the table")
        screen = app.screen
        assert len(screen.columns) == compare.MAX_COLUMNS and screen.columns[-1].id == "d1999"
        assert len(screen.table.columns) == compare.MAX_COLUMNS + 2
        shown = {d.id for d in screen.columns}
        assert all(shown.intersection(f.docs) for f in screen.facts)
        assert len(screen.facts) <= compare.MAX_ROWS
        assert "reporting the most" in str(screen.query_one("#compare-title").render())
