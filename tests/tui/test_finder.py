"""The finder driven with real keys: type, see results, jump, step with n / N."""

from __future__ import annotations

import threading

from rich.text import Text

from reader.core.search import SearchIndex
from reader.tui.app import ReaderApp
from reader.tui.screens.finder import FinderScreen, session_of, snippet

from .helpers import wait_for, wait_loaded

PASSAGE = "shoot to kill without warning"


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])


async def open_and_search(pilot, app, query: str, key: str = "slash") -> FinderScreen:
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, FinderScreen), what="the finder to open")
    screen = app.screen
    await type_text(pilot, query)
    await wait_for(pilot, lambda: screen.searched == query, timeout=20, what=f"results for {query!r}")
    return screen


async def search_and_enter(pilot, app, query: str):
    """Open the finder, type ``query``, press enter on the first result; returns the results."""
    screen = await open_and_search(pilot, app, query)
    hits = screen.result.hits
    assert hits and PASSAGE in hits[0].text
    assert screen.results.option_count == len(hits)
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, FinderScreen), what="the finder to close")
    return hits


async def test_typing_finds_the_passage_and_enter_jumps_there(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        hits = await search_and_enter(pilot, app, "shot to kil without warnig")
        first = hits[0]
        assert app.current_doc.id == first.doc
        view = app.article_view
        assert view.marks("focus") == [(first.start, first.end)]
        marked = [app.current_doc.text[a:b].lower() for a, b in view.marks("hit")]
        assert {"shoot", "kill", "without", "warning"} <= set(marked)
        # the passage is on screen
        def on_screen() -> bool:
            row, _ = view.layout_.to_display(first.start)
            return view.scroll_y <= row < view.scroll_y + view.scrollable_content_region.height

        await wait_for(pilot, on_screen, what="the passage to be scrolled into view")


async def test_n_and_N_walk_the_results_across_articles(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        hits = await search_and_enter(pilot, app, "shoot to kill without warning")
        assert len(hits) >= 2 and hits[0].doc != hits[1].doc  # both articles report it
        assert app.current_doc.id == hits[0].doc
        await pilot.press("n")
        assert app.current_doc.id == hits[1].doc
        assert app.article_view.marks("focus") == [(hits[1].start, hits[1].end)]
        await pilot.press("N")
        assert app.current_doc.id == hits[0].doc
        await pilot.press("N")  # before the first: stays
        assert app.current_doc.id == hits[0].doc and session_of(app).pos == 0


async def test_escape_returns_to_where_the_reader_was(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        app.article_view.focus()
        await pilot.press("space", "space")
        doc, scroll = app.current_doc, app.article_view.scroll_y
        await open_and_search(pilot, app, "mainly restored", key="ctrl+f")
        await pilot.press("down")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, FinderScreen), what="the finder to close")
        assert app.current_doc is doc and app.article_view.scroll_y == scroll
        assert app.article_view.marks("focus") == []
        # reopening shows the last query again
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, FinderScreen), what="the finder to reopen")
        assert app.screen.input.value == "mainly restored"


async def test_bad_queries_show_a_message_not_a_traceback(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        screen = await open_and_search(pilot, app, '"(^~:')
        assert screen.result.hits == [] and screen.result.message
        screen.input.value = ""
        await type_text(pilot, "[/] kazakhstan [b] .*")
        await wait_for(pilot, lambda: screen.searched == "[/] kazakhstan [b] .*", what="markup query")
        assert screen.result.hits and all("kazakhstan" in h.text.lower() for h in screen.result.hits[:3])
        await pilot.press("escape")


async def test_a_stale_result_never_replaces_a_newer_one(seeds_dir, monkeypatch):
    release = threading.Event()
    real_run = SearchIndex.run

    def slow_run(self, query, limit=20, **kw):
        if query.strip() == "tok":  # the older search finishes last
            release.wait(10)
        return real_run(self, query, limit, **kw)

    monkeypatch.setattr(SearchIndex, "run", slow_run)
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, FinderScreen), what="the finder to open")
        screen = app.screen
        await type_text(pilot, "tok")
        await type_text(pilot, "ayev")
        await wait_for(pilot, lambda: screen.searched == "tokayev", what="the newer results")
        shown = screen.result
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.searched == "tokayev" and screen.result is shown


def test_snippet_highlights_matched_words_and_keeps_markup_literal():
    text = "Officials said the [bold]order[/bold] was to shoot to kill without warning, [red]today[/red]."
    out = snippet(text, ["shot", "kil", "warnig"], prefix_last=False)
    assert isinstance(out, Text) and "[bold]order[/bold]" in out.plain
    marked = {out.plain[s.start:s.end] for s in out.spans if "reverse" in str(s.style)}
    assert marked == {"shoot", "kill", "warning"}
    long = "word " * 200 + "needle here " + "word " * 200
    out = snippet(long, ["needle"], prefix_last=False)
    assert "needle" in out.plain and out.plain.startswith("…") and len(out.plain) < 260


async def test_o_jumps_to_the_same_passage_in_the_other_article(seeds_dir):
    from reader.core import quotes

    if not hasattr(getattr(quotes, "QuoteIndex", None), "similar_passages"):
        import pytest

        pytest.skip("the quotation index does not report similar passages")
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        hits = await search_and_enter(pilot, app, "shoot to kill without warning")
        first = app.current_doc.id
        assert first == hits[0].doc
        session = session_of(app)
        await wait_for(pilot, lambda: bool(session.also), timeout=20, what="'also in' passages")
        await pilot.press("o")
        assert app.current_doc.id != first
        (start, end), = app.article_view.marks("focus")
        assert "shoot to kill" in app.current_doc.text[start:end]
