"""The add dialog (A): links typed into it become articles in the list while
the app runs, the article being read stays open, and what failed is listed
with its reason in Load problems. Against the local fixture server only."""

from __future__ import annotations

import shutil

import pytest
from textual.containers import Vertical

from reader.tui.app import ReaderApp
from reader.tui.screens.add_articles import AddArticlesScreen, parse_inputs
from reader.tui.screens.problems import ProblemsScreen
from tests.conftest import SEEDS
from tests.web_server import web  # noqa: F401 - the fixture

from .helpers import wait_for, wait_loaded

SEED = "000_dcdabc9cd42fd5c7"


@pytest.fixture
def folder(tmp_path):
    shutil.copy(SEEDS / f"{SEED}.txt", tmp_path)
    return tmp_path


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("enter" if ch == "\n" else ch)


async def test_links_become_articles_without_a_restart(web, folder):
    app = ReaderApp([str(folder)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        reading = app.current_doc.id
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, AddArticlesScreen), what="the add dialog")
        await type_text(pilot, f"{web.url('/entry1.html')}\n{web.url('/missing.html')}\n{web.url('/feed.atom')}")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, AddArticlesScreen), what="the dialog to close")
        await wait_for(pilot, lambda: len(app.article_list.ordered) == 3, timeout=20, what="the new articles")
        titles = {d.title for d in app.article_list.ordered}
        assert {"Library reopens after a year of repairs", "Night trains return to the mountain line"} <= titles
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.current_doc.id == reading  # the article being read stays open
        assert sorted(p.name for p in folder.glob("*.md")) == [
            "2025-03-02-westbay-courier-library-reopens-after-a-year-of-repairs.md",
            "2025-03-06-westbay-courier-night-trains-return-to-the-mountain-line.md",
        ]
        # the new articles are in every analysis: the finder's documents, the entities
        new = next(d for d in app.index.documents if d.title.startswith("Night trains"))
        assert any(m.doc == new.id for e in app.index.entities.entities for m in e.mentions)
        # the failure is listed with its reason
        assert "1 not loaded" in str(app.query_one("#article-status").render())
        app.action_show_problems()
        await wait_for(pilot, lambda: isinstance(app.screen, ProblemsScreen) and app.screen.query("Static"),
                       what="the problems screen")
        table = app.screen.query_one("Static").content
        cells = [str(c) for col in table.columns for c in col._cells]
        assert web.url("/missing.html") in cells and "HTTP 404 Not Found" in cells


async def test_an_empty_dialog_says_so_and_escape_cancels(folder):
    app = ReaderApp([str(folder)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, AddArticlesScreen), what="the add dialog")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AddArticlesScreen)
        assert "at least one" in str(app.screen.query_one("#add-warning").render())
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, AddArticlesScreen), what="the dialog to close")
        assert len(app.article_list.ordered) == 1


@pytest.mark.parametrize("size", [(80, 24), (40, 20)])
async def test_the_dialog_fits_small_terminals(folder, size):
    app = ReaderApp([str(folder)])
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, AddArticlesScreen), what="the add dialog")
        await pilot.pause()
        box = app.screen.query_one(Vertical).region.shrink((1, 1, 1, 1))
        for part in ("#add-go", "#add-cancel", "#add-inputs"):
            assert box.contains_region(app.screen.query_one(part).region), part


def test_pasted_inputs_are_split():
    assert parse_inputs("http://a/1 http://a/2\n\n  saved page.html \n# note\n") == [
        "http://a/1", "http://a/2", "saved page.html"]
