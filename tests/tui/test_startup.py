"""Opening a folder: the list and the first article come first; the analyses follow, each saying how far
it has got, and the keys work while they run."""

from __future__ import annotations

import threading

from textual.widgets import Static

from reader.core.progress import report
from reader.tui.app import ReaderApp

from .helpers import count_rows_built, wait_for, wait_loaded


def _write(folder, n, long_every=3):
    for i in range(n):
        title = "Bridge reopens" if i % long_every else "The bridge over the river Dun reopens after two years of repairs"
        (folder / f"a{i:03}.md").write_text(
            f"---\ntitle: {title} {i}\ndate: 2024-03-{i % 28 + 1:02}\n---\nMayor Jane Holt said on Monday that "
            f"the bridge in Dunmore would reopen. Engineers from Acme Corp agreed.\n", encoding="utf-8")


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_the_first_article_is_read_while_the_entities_are_found(tmp_path, monkeypatch):
    import reader.core.entities as entities

    _write(tmp_path, 40)
    release = threading.Event()
    real = entities.build_entity_index

    def held(documents, *args, **kwargs):  # the entity pass of a large folder: it takes its time
        docs = list(documents)
        report("entities", 3, len(docs))
        release.wait(30)
        return real(docs, *args, **kwargs)

    monkeypatch.setattr(entities, "build_entity_index", held)
    app = ReaderApp([str(tmp_path)])
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.current_doc is not None, what="the first article")
            status = app.article_list.query_one("#article-status", Static)
            await wait_for(pilot, lambda: "entities 3 / 40" in _text(status), what="the entity pass's progress")
            assert "40 articles" in _text(status)
            pane = app.sidebar.query_one("#entities-status", Static)
            assert "entities 3 / 40" in _text(pane)  # the tab says what it waits for, not a bare waiting line
            quotes = app.sidebar.query_one("#quotes-status", Static)
            await wait_for(pilot, lambda: "entities 3 / 40 (then quotations)" in _text(quotes),
                           what="the Quotes tab waiting for the entities")
            first = app.current_doc.id
            await pilot.press("right_square_bracket")  # the keys work while the analyses run
            await wait_for(pilot, lambda: app.current_doc.id != first, what="the next article")
            assert app.article_view.doc is app.current_doc
            release.set()
            await wait_for(pilot, lambda: "entities" not in _text(status), timeout=20,
                           what="the progress line to go once the analyses are done")
            await wait_loaded(pilot, app)
            assert _text(status).strip() == "40 articles"
            assert app.sidebar.query_one("#entities-list").option_count > 0
    finally:
        release.set()


async def test_rows_are_drawn_when_they_come_into_view_and_are_as_tall_as_counted(tmp_path, monkeypatch):
    _write(tmp_path, 300)
    built = count_rows_built(monkeypatch)
    app = ReaderApp([str(tmp_path)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        opts = app.article_list.options
        assert opts.option_count == 300
        assert len(set(built)) < 40  # a screenful, not the folder
        # each row's height, known without drawing it, is that of the row drawn: one and two-line titles
        rows = [opts.get_option_at_index(i) for i in range(opts.option_count)]
        assert {r.height for r in rows} == {2, 3}
        assert all(r.height == len(str(r.prompt).splitlines()) for r in rows)
        assert opts.virtual_size.height == sum(r.height for r in rows)
        opts.focus()
        await pilot.press("end")  # the last rows are drawn when they are reached
        await wait_for(pilot, lambda: rows[-1].id in built, what="the last row drawn")


async def test_a_folder_opened_before_is_listed_at_launch_and_shown_with_the_first_paint(tmp_path):
    import os

    from reader.config import Config
    from reader.core.loader import LoadOptions, load_paths
    from reader.tui.launch import _preload

    _write(tmp_path, 5)
    assert _preload([str(tmp_path)], Config()) is None  # never opened: the app lists it, with its progress
    load_paths([str(tmp_path)], LoadOptions(cache=True))  # a first opening leaves the article cache
    # between two openings: one article is rewritten, one deleted
    (tmp_path / "a002.md").write_text("---\ntitle: Ferry replaces the bridge\ndate: 2024-03-03\n---\nA ferry runs.\n",
                                      encoding="utf-8")
    os.utime(tmp_path / "a002.md", ns=(1, 1))
    (tmp_path / "a003.md").unlink()
    listed = _preload([str(tmp_path)], Config())
    assert listed is not None and len(listed.documents) == 4
    app = ReaderApp([str(tmp_path)], preload=listed)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.current_doc is not None, what="the first article")
        assert app.index.corpus is listed  # the listing made at launch, not a second one
        assert app.article_view.doc is app.current_doc is app.article_list.ordered[0]
        titles = {d.id: d.title for d in app.article_list.ordered}
        assert "a003" not in titles and titles["a002"] == "Ferry replaces the bridge"
        assert app.index.doc("a002").text.strip() == "A ferry runs."
        await wait_loaded(pilot, app)
        await pilot.press("right_square_bracket")  # the keys work on it
        assert app.current_doc is app.article_list.ordered[1]


async def test_the_start_is_told_once_when_the_first_article_has_been_painted(tmp_path):
    _write(tmp_path, 5)
    told = []
    app = ReaderApp([str(tmp_path)], on_shown=lambda: told.append(app.current_doc))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        assert told == [app.article_list.ordered[0]]  # the article was shown by then
        (tmp_path / "a005.md").write_text("---\ntitle: Ferry\ndate: 2024-03-03\n---\nA ferry runs.\n", encoding="utf-8")
        number, index = app._read_corpus()  # a reload (articles were added) is not a start
        app._corpus_loaded(index, number, True)
        await wait_for(pilot, lambda: len(app.article_list.ordered) == 6, what="the reload")
        await wait_loaded(pilot, app)
        assert len(told) == 1


async def test_the_sidebar_s_later_tabs_are_mounted_after_the_first_article_and_hear_what_they_missed(tmp_path, monkeypatch):
    from reader.tui.widgets.entities_pane import EntitiesPane
    from reader.tui.widgets.sidebar import Sidebar

    _write(tmp_path, 5)
    from reader.core.loader import LoadOptions, load_paths

    listed = load_paths([str(tmp_path)], LoadOptions())
    seen = []
    real = Sidebar.mount_panes

    async def mount_panes(self):
        seen.append((self.app.current_doc, len(self.query(EntitiesPane))))
        await real(self)

    monkeypatch.setattr(Sidebar, "mount_panes", mount_panes)
    app = ReaderApp([str(tmp_path)], preload=listed)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot, app)
        first = app.article_list.ordered[0]
        assert seen == [(first, 0)]  # the article was shown before the panes came
        pane = app.query_one(EntitiesPane)
        assert pane.doc is first and pane.index is app.index  # told once mounted
        assert app.sidebar.query_one("#entities-list").option_count > 0


async def test_a_folder_never_opened_shows_the_head_of_its_list_while_it_is_listed(tmp_path, monkeypatch):
    from reader.core.first_screen import first_screen
    from reader.core.loader import LoadOptions

    _write(tmp_path, 60)
    head = first_screen([str(tmp_path)], LoadOptions(), 8)
    release = threading.Event()
    listed: list[int] = []
    real = ReaderApp._list_files

    def held(self, progress=None):  # listing a folder of 10,000 files takes its time
        release.wait(30)
        listed.append(1)
        return real(self, progress)

    monkeypatch.setattr(ReaderApp, "_list_files", held)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = ReaderApp([str(tmp_path)], first=head)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.current_doc is not None, what="the first article")
            assert app.index is None and not listed  # read before the folder is listed
            assert app.current_doc.id == head[0].id and app.article_view.doc is head[0]
            await wait_for(pilot, lambda: app.article_list.options.option_count == 8, what="the head's rows")
            status = app.article_list.query_one("#article-status", Static)
            assert "listing the folder" in _text(status)
            await pilot.press("right_square_bracket")  # the next article of the head, already read
            await wait_for(pilot, lambda: app.current_doc.id == head[1].id, what="the second article")
            # what needs the whole folder says so, and nothing breaks
            await pilot.press("t", "c", "vertical_line", "o", "a", "n", "slash")
            await pilot.press("escape", "escape")
            assert app.current_doc.id == head[1].id and app.index is None
            await pilot.press("j", "j")
            place = app.article_view.top_offset
            release.set()
            await wait_for(pilot, lambda: app.index is not None, what="the folder listed")
            await wait_loaded(pilot, app)
            assert app.article_list.options.option_count == 60
            assert app.current_doc.id == head[1].id  # still where the reader is
            assert app.article_view.top_offset == place
            assert app.current_doc is app.index.doc(head[1].id)  # the listed article, not the early copy
            assert _text(status).strip() == "60 articles"
    finally:
        release.set()
