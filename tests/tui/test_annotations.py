"""Annotating in the app with real keys and the mouse; the Notes tab; a broken file."""

from __future__ import annotations

import yaml

from reader.core.annotations import AnnotationStore
from reader.tui.app import ReaderApp
from reader.tui.screens.annotate import AnnotateScreen, ConfirmScreen
from reader.tui.widgets.notes_pane import NotesPane

from .helpers import wait_for, wait_loaded

FIRST = "000_dcdabc9cd42fd5c7"


def store_of(app):
    return app.index.__dict__.get("notes") if app.index is not None else None


async def ready(pilot, app):
    await wait_loaded(pilot, app)
    await wait_for(pilot, lambda: store_of(app) is not None and app.query_one(NotesPane).store is not None,
                   what="the annotations to load")
    app.article_view.focus()
    await wait_for(pilot, lambda: app.article_view.layout_ is not None, what="the article to be laid out")


async def test_select_with_keys_annotate_quit_restart_and_see_it(seeds_dir):
    notes_file = seeds_dir / "annotations.yaml"
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        view = app.article_view
        doc = app.current_doc
        assert doc.id == FIRST
        await pilot.press("v")
        first = doc.sentences[0]
        assert view.selection == (first.start, first.end)
        await pilot.press("shift+down")  # one more sentence
        second = doc.sentences[1]
        assert view.selection == (first.start, second.end)
        await pilot.press("shift+up", "shift+right", "shift+right")  # back to one sentence, then two words
        start, end = view.selection
        assert start == first.start and end > first.end
        assert len(doc.text[first.end:end].split()) == 2
        assert view.marks("selection") == [(start, end)]
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen), what="the annotate dialog")
        await pilot.press(*"claim, num")
        await pilot.press("enter")  # to the note
        await pilot.press(*"Checked", "enter", *"twice.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: notes_file.exists() and "twice." in notes_file.read_text(encoding="utf-8"),
                       what="the annotation to be saved")
        assert view.selection is None  # the selection is done with
        await wait_for(pilot, lambda: view.marks("note") == [(start, end)], what="the passage to be tinted")
        await pilot.press("q")
    entry = yaml.safe_load(notes_file.read_text(encoding="utf-8"))["annotations"][0]
    assert entry["tags"] == ["claim", "num"] and entry["note"] == "Checked\ntwice."
    assert entry["selector"]["exact"] == doc.text[start:end]

    again = ReaderApp([str(seeds_dir)])
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot, again)
        await wait_for(pilot, lambda: again.article_view.marks("note") == [(start, end)],
                       what="the annotation to show after a restart")
        pane = again.query_one(NotesPane)
        (ann,) = pane.visible_notes()
        assert (ann.exact, ann.tags, ann.note, ann.status) == (doc.text[start:end], ["claim", "num"],
                                                               "Checked\ntwice.", "anchored")


async def test_tag_completion_offers_tags_in_use(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        store = store_of(app)
        store.add_quote(app.current_doc, "mainly restored", tags=["numbers-disputed"])
        await pilot.press("a")  # no selection: the cursor sentence
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen), what="the annotate dialog")
        await pilot.press(*"x, num")
        tags = app.screen.query_one("#annotate-tags")
        await wait_for(pilot, lambda: tags._suggestion == "x, numbers-disputed", what="the completion")
        await pilot.press("right")  # accept it
        assert tags.value == "x, numbers-disputed"
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, AnnotateScreen), what="the dialog to close")
        assert len(store.all()) == 1


async def test_mouse_drag_selects_whole_words(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        view = app.article_view
        layout = view.layout_
        row = next(i for i, line in enumerate(layout.lines) if line.is_text)
        y = row - int(view.scroll_y)
        await pilot.mouse_down(view, offset=(3, y))
        await pilot.hover(view, offset=(20, y))
        await pilot.mouse_up(view, offset=(20, y))
        await wait_for(pilot, lambda: view.selection is not None, what="a selection")
        start, end = view.selection
        text = app.current_doc.text
        assert start == layout.lines[row].start  # the word under x=3 starts the line
        assert not text[end].isalnum() and not text[start - 1:start].isalnum()


async def test_notes_tab_filters_jumps_deletes_with_confirmation_and_undoes(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot, app)
        store = store_of(app)
        doc = app.current_doc
        store.add_quote(doc, "mainly restored", tags=["claim"], note="official line")
        store.add_quote(doc, "20,000 bandits", tags=["numbers"])
        other = [d for d in app.index.documents if d.id != doc.id][0]
        store.add_quote(other, other.text.split()[0], tags=["numbers"])
        pane = app.query_one(NotesPane)
        pane.refresh_notes()
        assert [a.exact for a in pane.visible_notes()] == ["mainly restored", "20,000 bandits"]
        app.query_one("#sidebar-tabs").active = "tab-notes"
        pane.query_one("#notes-list").focus()
        await pilot.press("a")  # all articles
        assert len(pane.visible_notes()) == 3
        await pilot.press("f", *"#numbers")
        await wait_for(pilot, lambda: len(pane.visible_notes()) == 2, what="the tag filter")
        await pilot.press("enter")  # back to the list
        await pilot.press("down", "up")
        olist = pane.query_one("#notes-list")
        first = pane.visible_notes()[olist.highlighted]
        await pilot.press("enter")  # jump
        await wait_for(pilot, lambda: app.article_view.marks("focus") == [(first.start, first.end)],
                       what="the jump to the passage")
        pane.query_one("#notes-list").focus()
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirmation")
        await pilot.press("n")  # no: nothing deleted
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmScreen), what="the confirmation to close")
        assert len(store.all()) == 3
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirmation")
        await pilot.press("y")
        await wait_for(pilot, lambda: store.get(first.id) is None and len(pane.visible_notes()) == 1,
                       what="the delete")
        assert first.id not in (seeds_dir / "annotations.yaml").read_text(encoding="utf-8")
        await pilot.press("u")
        await wait_for(pilot, lambda: store.get(first.id) is not None and len(pane.visible_notes()) == 2,
                       what="the undo")
        assert first.id in (seeds_dir / "annotations.yaml").read_text(encoding="utf-8")


async def test_malformed_file_is_reported_and_the_app_keeps_working(seeds_dir):
    notes_file = seeds_dir / "annotations.yaml"
    bad = "version: 1\nannotations:\n- id: a\n  tags: [unclosed\n"
    notes_file.write_text(bad, encoding="utf-8")
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        pane = app.query_one(NotesPane)
        banner = pane.query_one("#notes-problem")
        assert banner.display and "line 5" in str(banner.render()) and str(notes_file) in str(banner.render())
        assert any("line 5" in n.message for n in app._notifications)
        await pilot.press("v", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen), what="the annotate dialog")
        await pilot.press(*"kept")
        await pilot.press("ctrl+s")
        store = store_of(app)
        await wait_for(pilot, lambda: store.pending == 1 and not store.last_save.ok, what="the attempt to save")
        assert notes_file.read_text(encoding="utf-8") == bad  # never overwritten
        await wait_for(pilot, lambda: len(app.article_view.marks("note")) == 1, what="the note kept in memory")
        await pilot.press("right_square_bracket")  # the app keeps working
        assert app.current_doc.id != FIRST
        # Fixed outside the app: r in the Notes tab saves what was kept.
        notes_file.write_text("version: 1\nannotations: []\n", encoding="utf-8")
        pane.query_one("#notes-list").focus()
        await pilot.press("r")
        await wait_for(pilot, lambda: store.pending == 0 and store.last_save.ok, what="the retry")
        assert not banner.display
    assert len(AnnotationStore.open(notes_file, []).all()) == 1


async def test_palette_reaches_annotations(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        store = store_of(app)
        ann = store.add_quote(app.current_doc, "20,000 bandits", tags=["numbers"], note="disputed figure")
        titles = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Annotate" in titles and "Notes" in titles
        command = titles["Note: 20,000 bandits #numbers"]
        assert command.help == "disputed figure"
        command.callback()
        await wait_for(pilot, lambda: app.article_view.marks("focus") == [(ann.start, ann.end)],
                       what="the palette jump")


async def test_quitting_with_notes_that_could_not_be_saved_writes_them_beside_the_file(seeds_dir, capsys):
    notes_file = seeds_dir / "annotations.yaml"
    bad = "version: 1\nannotations: [\n"
    notes_file.write_text(bad, encoding="utf-8")
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        await pilot.press("v", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen), what="the annotate dialog")
        await pilot.press(*"rescued", "ctrl+s")
        store = store_of(app)
        await wait_for(pilot, lambda: store.pending == 1 and not store.last_save.ok, what="the failed save")
        await pilot.press("q")
    assert notes_file.read_text(encoding="utf-8") == bad
    recovered = seeds_dir / "annotations.recovered.yaml"
    (ann,) = AnnotationStore.open(recovered, []).all()
    assert ann.tags == ["rescued"]
    assert str(recovered) in capsys.readouterr().err


async def test_v_starts_at_the_clicked_sentence_and_both_ends_move(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot, app)
        view, doc = app.article_view, app.current_doc
        third = doc.sentences[3]
        row, col = view.layout_.to_display(third.start + 2)
        await pilot.click(view, offset=(col, row - int(view.scroll_y)))
        await pilot.press("v")
        assert view.selection == (third.start, third.end)
        await pilot.press("shift+up")  # the end cannot go before the start: nothing changes
        assert view.selection == (third.start, third.end)
        await pilot.press("shift+left")  # the end back by a word: a phrase inside the sentence
        start, end = view.selection
        assert start == third.start and end < third.end and len(doc.text[end:third.end].split()) == 1
        await pilot.press("o", "shift+up")  # now the start moves: one sentence back
        assert view.selection == (doc.sentences[2].start, end)
        await pilot.press("shift+down", "shift+right")  # start back to the sentence, then one word in
        start2, end2 = view.selection
        assert end2 == end and start2 > third.start and len(doc.text[third.start:start2].split()) == 1
        await pilot.press("escape")
        assert view.selection is None and view.marks("selection") == []
        await pilot.press("escape")  # without a selection escape is not swallowed (nothing breaks)


async def test_edit_from_the_notes_tab(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot, app)
        store = store_of(app)
        ann = store.add_quote(app.current_doc, "mainly restored", tags=["claim"], note="first")
        pane = app.query_one(NotesPane)
        pane.refresh_notes()
        app.query_one("#sidebar-tabs").active = "tab-notes"
        pane.query_one("#notes-list").focus()
        await pilot.press("down")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, AnnotateScreen), what="the edit dialog")
        assert app.screen.query_one("#annotate-tags").value == "claim"
        await pilot.press("end", *", official")
        app.screen.query_one("#annotate-note").focus()
        await pilot.press("end", *" and second")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: store.get(ann.id).note == "first and second", what="the edit")
        assert store.get(ann.id).tags == ["claim", "official"]
        assert AnnotationStore.open(seeds_dir / "annotations.yaml", []).get(ann.id).note == "first and second"


async def test_markup_in_tags_and_notes_is_shown_literally(seeds_dir):
    app = ReaderApp([str(seeds_dir)])
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot, app)
        store_of(app).add_quote(app.current_doc, "mainly restored", tags=["[bold red]x[/]"], note="[link=http://e]y[/link]")
        pane = app.query_one(NotesPane)
        pane.refresh_notes()
        prompt = pane.query_one("#notes-list").get_option_at_index(0).prompt
        assert "#[bold red]x[/]" in prompt.plain and "[link=http://e]y[/link]" in prompt.plain
