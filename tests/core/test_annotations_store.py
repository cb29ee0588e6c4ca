"""The YAML store: round trips, merges, bad files, and that nothing is ever lost."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
import yaml

from reader.core.annotations import ANCHORED, SCHEMA_VERSION, AnnotationError, AnnotationStore
from reader.core.document import Document
from reader.core.loader import LoadOptions, load_paths

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "annotations"


@pytest.fixture
def corpus(tmp_path):
    shutil.copytree(FIX / "articles", tmp_path / "articles")
    return load_paths([tmp_path / "articles"], LoadOptions())


@pytest.fixture
def notes(tmp_path) -> Path:
    return tmp_path / "articles" / "annotations.yaml"


def raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_round_trip_keeps_every_field(corpus, notes):
    doc = corpus.get("summit")
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(doc, "constructive but difficult", tags=["quote", "minister"], note="First line.\nSecond line.")
    assert store.last_save.ok, store.last_save.message
    again = AnnotationStore.open(notes, corpus.documents)
    b = again.get(a.id)
    assert (b.doc, b.tags, b.note, b.status, b.start, b.end) == ("summit", ["quote", "minister"],
                                                                  "First line.\nSecond line.", ANCHORED, a.start, a.end)
    assert b.selector == a.selector and b.created == a.created and b.modified == a.modified
    data = raw(notes)
    assert data["version"] == SCHEMA_VERSION
    entry = data["annotations"][0]
    assert set(entry) == {"id", "doc", "path", "created", "modified", "tags", "note", "selector", "text_hash"}
    assert set(entry["selector"]) == {"start", "end", "exact", "prefix", "suffix"}
    assert entry["path"] == "summit.txt"  # relative to the annotations file: the folder can be shared
    assert entry["created"][-6] in "+-" and "T" in entry["created"]  # ISO 8601 with a UTC offset
    assert entry["selector"]["prefix"] == doc.text[a.start - 32 : a.start]
    assert entry["selector"]["suffix"] == doc.text[a.end : a.end + 32]
    assert entry["text_hash"].startswith("sha256:")
    assert "note: |-\n    First line.\n    Second line.\n" in notes.read_text(encoding="utf-8")  # readable block


def test_pinned_v1_file_loads_and_keeps_unknown_keys(corpus, notes):
    shutil.copy(FIX / "v1-sample.yaml", notes)
    store = AnnotationStore.open(notes, corpus.documents)
    (a,) = store.all()
    assert (a.id, a.status, a.tags) == ("5f0c2a9d81b3", ANCHORED, ["quote", "minister"])
    assert corpus.get("summit").text[a.start : a.end] == "constructive but difficult"
    store.add_quote(corpus.get("summit"), "Geneva")
    entries = raw(notes)["annotations"]
    assert entries[0]["reviewed_by"] == "sam" and len(entries) == 2


@pytest.mark.parametrize("tag", ["[bold]", "[/]", "[red]x[/red]", "{x}", "&anchor", "*alias", "!tag", "%p", "@at",
                                 "`code`", "- dash", "key: value", "'single'", '"double"', "| pipe", "> gt", "? q",
                                 "null", "true", "1.5", "2024-01-01", "<b>", "\\back"])
def test_tags_with_markup_and_yaml_characters_survive(corpus, notes, tag):
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(corpus.get("summit"), "Geneva", tags=[tag])
    assert AnnotationStore.open(notes, corpus.documents).get(a.id).tags == [tag]


def test_tags_are_trimmed_split_on_commas_and_deduplicated(corpus, notes):
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(corpus.get("summit"), "Geneva", tags=[" #Place , geneva talks ", "place", "  "])
    assert a.tags == ["Place", "geneva talks"]


@pytest.mark.parametrize("quote", ["“price shock”", "hit hard 😀 this winter", "Noe\u0308l Martin", "Cafe\u0301 Ro\u0302ti", "📈"])
def test_unicode_quotes_and_notes_round_trip(corpus, notes, quote):
    note = "Curly “quotes” ‘here’, emoji 😀🇰🇿, combining e\u0301 and \u00e9, line\u2028separator, tab\there\nnext line  "
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(corpus.get("unicode"), quote, tags=["café", "😀"], note=note)
    b = AnnotationStore.open(notes, corpus.documents).get(a.id)
    assert (b.exact, b.note, b.tags, b.status) == (quote, note, ["café", "😀"], ANCHORED)
    assert "😀" in notes.read_text(encoding="utf-8")  # written as itself, not as an escape


def test_edit_delete_and_undo(corpus, notes):
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(corpus.get("summit"), "Geneva", tags=["place"])
    b = store.add_quote(corpus.get("summit"), "ceasefire")
    edited = store.edit(a.id, tags=["place", "city"], note="where")
    assert edited.modified >= a.modified and edited.created == a.created
    assert AnnotationStore.open(notes, corpus.documents).get(a.id).tags == ["place", "city"]
    store.delete(b.id[:6])  # a unique prefix is enough
    assert AnnotationStore.open(notes, corpus.documents).get(b.id) is None
    assert store.undo_delete().id == b.id
    assert AnnotationStore.open(notes, corpus.documents).get(b.id).exact == "ceasefire"
    assert store.undo_delete() is None
    with pytest.raises(AnnotationError):
        store.delete("nope")


def test_filters_and_tag_list(corpus, notes):
    store = AnnotationStore.open(notes, corpus.documents)
    store.add_quote(corpus.get("summit"), "Geneva", tags=["place"], note="city of talks")
    store.add_quote(corpus.get("summit"), "ceasefire", tags=["topic", "place"])
    store.add_quote(corpus.get("unicode"), "Zürich", tags=["Place"])
    assert [a.exact for a in store.filter(tag="#place")] == ["Geneva", "ceasefire", "Zürich"]
    assert [a.exact for a in store.filter(text="CITY")] == ["Geneva"]
    assert [a.exact for a in store.filter(tag="place", doc="unicode")] == ["Zürich"]
    assert store.tags()[0] == "place"
    assert [a.exact for a in store.for_doc("summit")] == ["Geneva", "ceasefire"]


def test_add_refuses_a_missing_quote_and_an_empty_passage(corpus, notes):
    store = AnnotationStore.open(notes, corpus.documents)
    with pytest.raises(AnnotationError, match="not in article"):
        store.add_quote(corpus.get("summit"), "Paris")
    with pytest.raises(AnnotationError, match="occurs 2 times"):
        store.add_quote(corpus.get("summit"), "the talks", occurrence=3)
    with pytest.raises(AnnotationError):
        store.add(corpus.get("summit"), 5, 5)
    assert not notes.exists()


def test_two_stores_merge_instead_of_overwriting(corpus, notes):
    doc = corpus.get("summit")
    first = AnnotationStore.open(notes, corpus.documents)
    shared = first.add_quote(doc, "Geneva")
    second = AnnotationStore.open(notes, corpus.documents)
    a = first.add_quote(doc, "ceasefire")
    b = second.add_quote(doc, "Protesters")  # second never saw `a`
    ids = {x.id for x in AnnotationStore.open(notes, corpus.documents).all()}
    assert ids == {shared.id, a.id, b.id}
    # An edit made elsewhere wins over a delete made here from an older read.
    second.edit(shared.id, note="important")
    first.delete(shared.id)
    kept = AnnotationStore.open(notes, corpus.documents).get(shared.id)
    assert kept is not None and kept.note == "important"
    # A delete of an entry nobody touched is merged too.
    first.refresh()
    second.delete(a.id)
    first.add_quote(doc, "Monday")
    assert AnnotationStore.open(notes, corpus.documents).get(a.id) is None
    assert first.get(a.id) is None  # the save folded the other writer's delete in


def test_both_edit_the_same_entry_later_edit_wins(corpus, notes):
    doc = corpus.get("summit")
    first = AnnotationStore.open(notes, corpus.documents)
    a = first.add_quote(doc, "Geneva")
    second = AnnotationStore.open(notes, corpus.documents)
    first.edit(a.id, note="from first")
    entry = raw(notes)["annotations"][0]
    # second edits later (its `modified` is set after the first one's)
    second._items[a.id].modified = "2000-01-01T00:00:00+00:00"
    second.edit(a.id, note="from second")
    assert AnnotationStore.open(notes, corpus.documents).get(a.id).note == "from second"
    assert entry["note"] == "from first"


def test_backup_and_permissions(corpus, notes):
    store = AnnotationStore.open(notes, corpus.documents)
    store.add_quote(corpus.get("summit"), "Geneva")
    first = notes.read_bytes()
    store.add_quote(corpus.get("summit"), "ceasefire")
    bak = notes.with_name("annotations.yaml.bak")
    assert bak.read_bytes() == first
    mode = stat.S_IMODE(os.stat(notes).st_mode)
    assert mode & 0o044, "a new annotations file is as readable as any file the user creates"
    leftovers = [p.name for p in notes.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


# --- files that cannot be used ------------------------------------------------

def test_malformed_yaml_is_reported_with_line_never_overwritten_and_new_notes_are_kept(corpus, notes):
    bad = "version: 1\nannotations:\n- id: abc\n  doc: summit\n  tags: [unclosed\n  note: x\n"
    notes.write_text(bad, encoding="utf-8")
    store = AnnotationStore.open(notes, corpus.documents)
    assert store.read_only and store.problem.line is not None
    assert str(notes) in str(store.problem) and "not valid YAML" in str(store.problem)
    a = store.add_quote(corpus.get("summit"), "Geneva", note="typed while the file was broken")
    assert not store.last_save.ok and "kept in memory" in store.last_save.message
    assert notes.read_text(encoding="utf-8") == bad  # never overwritten
    assert store.get(a.id) is not None and store.pending == 1
    # The user fixes the file: the next save merges the note kept in memory.
    notes.write_text("version: 1\nannotations: []\n", encoding="utf-8")
    assert store.save().ok and not store.read_only
    assert AnnotationStore.open(notes, corpus.documents).get(a.id).note == "typed while the file was broken"


def test_save_as_another_file_writes_the_kept_notes(corpus, notes, tmp_path):
    notes.write_text("annotations: {{{\n", encoding="utf-8")
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(corpus.get("summit"), "Geneva")
    other = tmp_path / "elsewhere" / "notes.yaml"
    assert store.save_as(other).ok
    assert [x.id for x in AnnotationStore.open(other, corpus.documents).all()] == [a.id]
    assert notes.read_text(encoding="utf-8") == "annotations: {{{\n"


def test_yaml_bomb_is_refused_quickly_and_never_overwritten(corpus, notes):
    lines = ["version: 1", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 40)]  # 9**40 if expanded
    lines += ["annotations: []"]
    bomb = "\n".join(lines) + "\n"
    notes.write_text(bomb, encoding="utf-8")
    store = AnnotationStore.open(notes, corpus.documents)
    assert store.read_only and "aliases" in store.problem.message and store.problem.line == 2
    store.add_quote(corpus.get("summit"), "Geneva")
    assert notes.read_text(encoding="utf-8") == bomb


def test_alias_inside_an_entry_is_refused_too(corpus, notes):
    notes.write_text(
        "version: 1\nannotations:\n- id: a\n  doc: summit\n  tags: &t [x]\n  selector: {start: 0, end: 7, exact: Leaders}\n"
        "- id: b\n  doc: summit\n  tags: *t\n  selector: {start: 0, end: 7, exact: Leaders}\n", encoding="utf-8")
    store = AnnotationStore.open(notes, corpus.documents)
    assert store.read_only and store.problem.line == 5


def test_50_mb_file_is_refused_with_a_clear_message(corpus, notes):
    with open(notes, "w", encoding="utf-8") as f:
        chunk = "# padding line to make a very large annotations file\n" * 20000
        while f.tell() < 50 * 1024 * 1024:
            f.write(chunk)
    size = notes.stat().st_size
    store = AnnotationStore.open(notes, corpus.documents)
    assert store.read_only
    assert "MB" in store.problem.message and "annotations.max_file_mb" in store.problem.message
    store.add_quote(corpus.get("summit"), "Geneva")
    assert notes.stat().st_size == size and store.pending == 1


def test_newer_schema_version_is_read_only(corpus, notes):
    notes.write_text("version: 99\nannotations: []\n", encoding="utf-8")
    store = AnnotationStore.open(notes, corpus.documents)
    assert store.read_only and "newer" in store.problem.message and store.problem.line == 1


@pytest.mark.parametrize("content", ["just a string\n", "- 1\n- 2\n", "version: 1\nannotations: {a: 1}\n",
                                     "\x00\x01binary", "version: [1]\n"])
def test_wrong_shapes_never_raise(corpus, notes, content):
    notes.write_text(content, encoding="utf-8")
    store = AnnotationStore.open(notes, corpus.documents)
    assert store.read_only or store.warnings
    assert store.all() == [] or all(a.id for a in store.all())


def test_bad_entries_are_skipped_with_their_line_and_kept_in_the_file(corpus, notes):
    shutil.copy(FIX / "v1-sample.yaml", notes)
    with open(notes, "a", encoding="utf-8") as f:
        f.write("- id: broken\n  doc: summit\n  selector: {start: 5}\n")
    store = AnnotationStore.open(notes, corpus.documents)
    assert not store.read_only and len(store.all()) == 1
    (w,) = store.warnings
    assert "broken" in w.message and "selector.end" in w.message
    assert w.line == len((FIX / "v1-sample.yaml").read_text(encoding="utf-8").splitlines()) + 1
    store.add_quote(corpus.get("summit"), "Geneva")
    entries = raw(notes)["annotations"]
    assert {"id": "broken", "doc": "summit", "selector": {"start": 5}} in entries and len(entries) == 3


def test_unwritable_location_keeps_changes_in_memory(corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = AnnotationStore.open(blocker / "annotations.yaml", corpus.documents)
    a = store.add_quote(corpus.get("summit"), "Geneva")
    assert not store.last_save.ok and "cannot save" in store.last_save.message
    assert store.get(a.id) is not None and store.pending == 1


def test_article_not_loaded_this_time_is_an_orphan_that_stays(corpus, notes):
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(corpus.get("unicode"), "Zürich")
    only_summit = [d for d in corpus.documents if d.id == "summit"]
    other = AnnotationStore.open(notes, only_summit)
    assert other.get(a.id).status == "orphan" and other.get(a.id).exact == "Zürich"
    other.add_quote(only_summit[0], "Geneva")
    assert AnnotationStore.open(notes, corpus.documents).get(a.id).status == ANCHORED


def test_document_found_by_path_when_its_id_changed(corpus, notes, tmp_path):
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(corpus.get("summit"), "Geneva")
    doc = corpus.get("summit")
    renamed = Document("articles/summit", doc.path, doc.text)
    assert AnnotationStore.open(notes, [renamed]).get(a.id).status == ANCHORED


EDGE_STRINGS = ["trailing newline\n", "two trailing\n\n", "\nleading newline", "  leading spaces\nx", "x\n  indented",
                "tab\tinside\nline", "cr\r\nlf", "nel\x85x", "ls\u2028ps\u2029", "--- not a marker\n...", "- dash\n- list",
                "key: value\n# not a comment", "'quotes' \"both\"", "bom\ufeff", "nul-free \x07 bell", "😀\n🇰🇿\ne\u0301",
                " ", "|\n>", "~", "null", "yes", "0o17", "1e3", "=", "<<: merge"]


def test_edge_strings_in_notes_and_context_round_trip_with_many_entries(tmp_path):
    text = "Intro. " + " ".join(f"[{i}] {s}" for i, s in enumerate(EDGE_STRINGS)) + " End."
    doc = Document("edge", tmp_path / "edge.txt", text)
    notes = tmp_path / "annotations.yaml"
    store = AnnotationStore.open(notes, [doc])
    made = []
    for i, s in enumerate(EDGE_STRINGS):
        start = text.index(f"[{i}]")
        made.append(store.add(doc, start, start + len(f"[{i}] {s}"), tags=[s.strip() or "blank"], note=s, save=False))
    assert store.save().ok
    again = AnnotationStore.open(notes, [doc])
    for a in made:
        b = again.get(a.id)
        assert (b.note, b.tags, b.selector) == (a.note, a.tags, a.selector)
        assert b.status == ANCHORED
    # A second store edits one entry: untouched entries are written back from their text.
    again.edit(made[3].id, note="changed")
    third = AnnotationStore.open(notes, [doc])
    assert [third.get(a.id).note for a in made] == [a.note if i != 3 else "changed" for i, a in enumerate(made)]


def test_comments_between_untouched_entries_survive_a_save(corpus, notes):
    store = AnnotationStore.open(notes, corpus.documents)
    a = store.add_quote(corpus.get("summit"), "Geneva")
    b = store.add_quote(corpus.get("summit"), "ceasefire")
    text = notes.read_text(encoding="utf-8").replace(f"- id: {b.id}", f"# checked by hand\n- id: {b.id}")
    notes.write_text(text, encoding="utf-8")
    other = AnnotationStore.open(notes, corpus.documents)
    other.add_quote(corpus.get("summit"), "Monday")
    assert "# checked by hand\n" in notes.read_text(encoding="utf-8")
    assert len(AnnotationStore.open(notes, corpus.documents).all()) == 3 and a.id


def test_hand_written_indented_layout_is_read_and_rewritten(corpus, notes):
    notes.write_text(
        "version: 1\nannotations:\n  - id: hand1\n    doc: summit\n    tags: [a]\n"
        "    selector:\n      start: 0\n      end: 7\n      exact: Leaders\n    created: 2024-03-04 09:15:00+01:00\n",
        encoding="utf-8")
    store = AnnotationStore.open(notes, corpus.documents)
    (a,) = store.all()
    assert a.status == ANCHORED and a.created == "2024-03-04T09:15:00+01:00"
    store.add_quote(corpus.get("summit"), "Geneva")
    assert {x.id for x in AnnotationStore.open(notes, corpus.documents).all()} == {"hand1", store.all()[1].id}


def test_index_opens_one_store_even_from_two_threads(corpus, notes):
    import threading

    from reader.core.index import Index

    shutil.copy(FIX / "v1-sample.yaml", notes)
    index = Index(corpus)
    got = []
    threads = [threading.Thread(target=lambda: got.append(index.notes)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(s) for s in got}) == 1 and index.notes is got[0]
    assert index.notes.path == notes  # annotations.yaml in the first folder given


def test_a_symlinked_file_stays_a_symlink(corpus, tmp_path):
    real = tmp_path / "synced" / "notes.yaml"
    real.parent.mkdir()
    link = tmp_path / "articles" / "annotations.yaml"
    link.symlink_to(real)
    store = AnnotationStore.open(link, corpus.documents)
    store.add_quote(corpus.get("summit"), "Geneva")
    store.add_quote(corpus.get("summit"), "ceasefire")
    assert link.is_symlink() and len(raw(real)["annotations"]) == 2
    assert (real.parent / "notes.yaml.bak").exists()


def test_refresh_folds_in_another_writer_and_is_cheap_when_nothing_changed(corpus, notes):
    mine = AnnotationStore.open(notes, corpus.documents)
    mine.add_quote(corpus.get("summit"), "Geneva")
    assert mine.refresh() is False
    other = AnnotationStore.open(notes, corpus.documents)
    b = other.add_quote(corpus.get("summit"), "ceasefire")
    assert mine.refresh() is True and mine.get(b.id) is not None


def test_json_copy_of_a_large_file_is_used_only_while_the_file_is_unchanged(corpus, notes, monkeypatch):
    from reader.core.annotations import cache, yamlio

    monkeypatch.setattr(cache, "MIN_BYTES", 0)  # every file counts as large
    store = AnnotationStore.open(notes, corpus.documents, use_cache=True)
    a = store.add_quote(corpus.get("summit"), "Geneva", tags=["place"], note="x\ny")
    copies = list((Path(os.environ["XDG_CACHE_HOME"]) / "reader" / "annotations").glob("*.json"))
    assert len(copies) == 1

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML was parsed although the copy was valid")

    with monkeypatch.context() as m:
        m.setattr(yamlio, "parse", no_yaml)
        cached = AnnotationStore.open(notes, corpus.documents, use_cache=True)
    assert (cached.get(a.id).note, cached.get(a.id).tags, cached.get(a.id).status) == ("x\ny", ["place"], ANCHORED)
    # Edited by hand: the copy no longer matches and the YAML is read.
    text = notes.read_text(encoding="utf-8").replace("- place", "- city")
    notes.write_text(text, encoding="utf-8")
    assert AnnotationStore.open(notes, corpus.documents, use_cache=True).get(a.id).tags == ["city"]


def test_values_json_cannot_hold_mean_no_copy(corpus, notes, monkeypatch):
    from reader.core.annotations import cache

    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    shutil.copy(FIX / "v1-sample.yaml", notes)
    with open(notes, "a", encoding="utf-8") as f:
        f.write("reviewed: 2024-03-05\n")  # a date: YAML has them, JSON does not
    store = AnnotationStore.open(notes, corpus.documents, use_cache=True)
    assert len(store.all()) == 1 and not store.read_only
    assert not list((Path(os.environ["XDG_CACHE_HOME"]) / "reader" / "annotations").glob("*.json"))


def test_odd_ids_are_reported_not_fatal(corpus, notes):
    notes.write_text(
        "version: 1\nannotations:\n- id: [1, 2]\n  doc: summit\n  selector: {start: 0, end: 7, exact: Leaders}\n"
        "- id: 42\n  doc: summit\n  selector: {start: 0, end: 7, exact: Leaders}\n", encoding="utf-8")
    store = AnnotationStore.open(notes, corpus.documents)
    assert [a.id for a in store.all()] == ["42"] and len(store.warnings) == 1 and store.warnings[0].line == 3
    store.add_quote(corpus.get("summit"), "Geneva")
    store.add_quote(corpus.get("summit"), "ceasefire")
    assert len(raw(notes)["annotations"]) == 4
