"""`reader notes`, `notes add`, `notes rm`, `notes export`: JSON contracts, exit codes, messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from reader.cli import main

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "annotations"
NOTE_KEYS = {"id", "doc", "start", "end", "exact", "tags", "note", "status", "created", "modified"}


@pytest.fixture
def articles(tmp_path) -> Path:
    shutil.copytree(FIX / "articles", tmp_path / "articles")
    return tmp_path / "articles"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys, articles, quote, *extra):
    code, out, err = run(capsys, "notes", "add", "--json", "--doc", "summit", "--quote", quote, *extra, articles)
    assert code == 0, err
    return json.loads(out)


def test_add_prints_the_annotation_and_list_shows_it(capsys, articles):
    added = add(capsys, articles, "constructive but difficult", "--tag", "quote", "--tag", "minister,talks",
                "--note", "two\nlines")
    assert set(added) >= NOTE_KEYS
    assert added["exact"] == "constructive but difficult" and added["status"] == "anchored"
    assert added["tags"] == ["quote", "minister", "talks"] and added["note"] == "two\nlines"
    assert (articles / "annotations.yaml").exists()  # default: beside the first folder given
    code, out, _ = run(capsys, "notes", "--json", articles)
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"notes", "errors"} and data["errors"] == []
    (note,) = data["notes"]
    assert set(note) >= NOTE_KEYS
    assert {k: note[k] for k in NOTE_KEYS} == {k: added[k] for k in NOTE_KEYS}
    text = (articles / "summit.txt").read_text(encoding="utf-8").split(" ", 2)[2]
    assert text[note["start"] : note["end"]] == note["exact"]


def test_offsets_are_reanchored_and_orphans_have_null_offsets(capsys, articles):
    kept = add(capsys, articles, "no agreement is possible without guarantees")
    lost = add(capsys, articles, "Protesters gathered outside the venue")
    path = articles / "summit.txt"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("Protesters gathered outside the venue, and police said the crowd was peaceful.", "")
                    .replace("date 2024-03-02 ", "date 2024-03-02 Updated. "), encoding="utf-8")
    data = json.loads(run(capsys, "notes", "--json", articles)[1])
    by_id = {n["id"]: n for n in data["notes"]}
    new_text = path.read_text(encoding="utf-8").split(" ", 2)[2]
    moved = by_id[kept["id"]]
    assert moved["status"] == "moved" and moved["start"] != kept["start"]
    assert new_text[moved["start"] : moved["end"]] == kept["exact"]
    assert by_id[lost["id"]]["status"] == "orphan"
    assert by_id[lost["id"]]["start"] is None and by_id[lost["id"]]["end"] is None
    assert by_id[lost["id"]]["exact"] == "Protesters gathered outside the venue"


def test_add_a_quote_that_is_not_in_the_article_exits_2(capsys, articles):
    code, out, err = run(capsys, "notes", "add", "--json", "--doc", "summit", "--quote", "not in there", articles)
    assert code == 2 and out == "" and "not in article summit" in err
    code, _, err = run(capsys, "notes", "add", "--doc", "nosuch", "--quote", "Geneva", articles)
    assert code == 2 and "no article with id 'nosuch'" in err
    code, _, err = run(capsys, "notes", "add", "--doc", "summit", "--quote", "the talks", "--occurrence", "5", articles)
    assert code == 2 and "occurs 2 times" in err
    assert not (articles / "annotations.yaml").exists()


def test_occurrence_picks_the_nth_match(capsys, articles):
    first = add(capsys, articles, "the talks")
    second = add(capsys, articles, "the talks", "--occurrence", "2")
    assert second["start"] > first["start"]


def test_notes_file_option_and_filters(capsys, articles, tmp_path):
    notes = tmp_path / "elsewhere" / "mine.yaml"
    add(capsys, articles, "Geneva", "--tag", "place", "--notes", notes)
    add(capsys, articles, "ceasefire", "--tag", "topic", "--note", "the main issue", "--notes", notes)
    assert not (articles / "annotations.yaml").exists() and notes.exists()
    data = json.loads(run(capsys, "notes", "--json", "--notes", notes, "--tag", "place", articles)[1])
    assert [n["exact"] for n in data["notes"]] == ["Geneva"]
    data = json.loads(run(capsys, "notes", "--json", "--notes", notes, "--text", "MAIN ISSUE", articles)[1])
    assert [n["exact"] for n in data["notes"]] == ["ceasefire"]


def test_config_path_is_used(capsys, articles, tmp_path, monkeypatch):
    cfg = tmp_path / "config.yaml"
    cfg.write_text(f"annotations:\n  path: {tmp_path / 'from-config.yaml'}\n", encoding="utf-8")
    add(capsys, articles, "Geneva", "--config", cfg)
    assert (tmp_path / "from-config.yaml").exists()


def test_rm_removes_by_id_or_prefix(capsys, articles):
    a = add(capsys, articles, "Geneva")
    b = add(capsys, articles, "ceasefire")
    code, out, _ = run(capsys, "notes", "rm", "--json", a["id"][:6], articles)
    assert code == 0 and json.loads(out)["removed"]["id"] == a["id"]
    ids = [n["id"] for n in json.loads(run(capsys, "notes", "--json", articles)[1])["notes"]]
    assert ids == [b["id"]]
    code, _, err = run(capsys, "notes", "rm", "--notes", articles / "annotations.yaml", "zzzz")
    assert code == 2 and "no annotation with id 'zzzz'" in err


def test_export_jsonld_follows_the_web_annotation_model(capsys, articles):
    a = add(capsys, articles, "constructive but difficult", "--tag", "quote", "--note", "key phrase")
    code, out, _ = run(capsys, "notes", "export", "--format", "jsonld", articles)
    assert code == 0
    data = json.loads(out)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "AnnotationCollection"
    (item,) = data["first"]["items"]
    assert item["type"] == "Annotation" and item["id"].endswith(a["id"])
    assert {"type": "TextualBody", "value": "key phrase", "format": "text/plain", "purpose": "commenting"} in item["body"]
    assert {"type": "TextualBody", "value": "quote", "purpose": "tagging"} in item["body"]
    quote_sel, pos_sel = item["target"]["selector"]
    assert quote_sel["type"] == "TextQuoteSelector" and quote_sel["exact"] == "constructive but difficult"
    assert quote_sel["prefix"].endswith("were “") and quote_sel["suffix"].startswith("” and")
    assert pos_sel == {"type": "TextPositionSelector", "start": a["start"], "end": a["end"]}
    assert item["target"]["source"].startswith("file://") and item["target"]["source"].endswith("summit.txt")


def test_export_markdown_escapes_article_text(capsys, articles, tmp_path):
    add(capsys, articles, "constructive but difficult", "--tag", "[bold]quote", "--note", "*not* emphasis")
    out_file = tmp_path / "notes.md"
    code, out, _ = run(capsys, "notes", "export", "--output", out_file, articles)
    assert code == 0 and out == ""
    md = out_file.read_text(encoding="utf-8")
    assert "> constructive but difficult" in md and "\\*not\\* emphasis" in md and "`[bold]quote`" in md


def test_malformed_file_is_reported_with_line_and_left_alone(capsys, articles):
    notes = articles / "annotations.yaml"
    bad = "version: 1\nannotations:\n- id: x\n  tags: [oops\n"
    notes.write_text(bad, encoding="utf-8")
    code, out, _ = run(capsys, "notes", "--json", articles)
    assert code == 2
    (err,) = json.loads(out)["errors"]
    assert err["path"] == str(notes) and err["line"] == 5 and "not valid YAML" in err["error"]
    code, _, msg = run(capsys, "notes", "add", "--doc", "summit", "--quote", "Geneva", articles)
    assert code == 2 and f"{notes}, line 5" in msg and "nothing added" in msg
    assert notes.read_text(encoding="utf-8") == bad


def test_text_listing_and_help(capsys, articles):
    add(capsys, articles, "Geneva", "--tag", "place")
    code, out, _ = run(capsys, "notes", articles)
    assert code == 0 and "#place" in out and "“Geneva”" in out
    with pytest.raises(SystemExit):
        main(["notes", "--help"])
    assert "reader notes add" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["notes", "add", "--doc", "summit"])
    assert exc.value.code == 2


def test_written_file_is_the_documented_schema(capsys, articles):
    add(capsys, articles, "Geneva", "--tag", "place", "--note", "n")
    data = yaml.safe_load((articles / "annotations.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 1
    (entry,) = data["annotations"]
    assert entry["doc"] == "summit" and entry["path"] == "summit.txt"
    assert entry["selector"]["exact"] == "Geneva"


def test_export_without_paths_points_at_the_stored_file(capsys, articles, tmp_path, monkeypatch):
    add(capsys, articles, "Geneva")
    monkeypatch.chdir(tmp_path)  # elsewhere: the stored relative path must resolve against the notes file
    code, out, _ = run(capsys, "notes", "export", "--format", "jsonld", "--notes", articles / "annotations.yaml")
    assert code == 0
    (item,) = json.loads(out)["first"]["items"]
    assert item["target"]["source"] == (articles / "summit.txt").resolve().as_uri()
