"""User corrections: the YAML file, its errors, and how each correction changes the list."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.document import Document
from reader.core.entities import build_entity_index
from reader.core.entities.corrections import Correction, CorrectionsError, CorrectionStore, parse, reapply_corrections

TEXTS = {
    "a": "President Kassym-Jomart Tokayev spoke in Almaty. Tokayev said Washington would watch. "
         "The Cosmodrome was shut.",
    "b": "Troops landed in Almaty. Tokayev thanked Washington and George Washington University.",
}


def docs():
    return [Document(id=k, path=Path(f"{k}.txt"), text=v) for k, v in TEXTS.items()]


def by_name(idx):
    return {e.name: e for e in idx.entities}


def test_no_file_means_no_corrections(tmp_path):
    idx = build_entity_index(docs(), corrections_path=tmp_path / "entities.yaml")
    assert idx.corrections_error is None and "Kassym-Jomart Tokayev" in by_name(idx)
    assert not (tmp_path / "entities.yaml").exists()


def test_each_correction_applies(tmp_path):
    path = tmp_path / "entities.yaml"
    base = build_entity_index(docs())
    names = by_name(base)
    tok, almaty = names["Kassym-Jomart Tokayev"].id, names["Almaty"].id
    wash = next(e for e in base.entities if e.name == "Washington")
    path.write_text(
        "# my fixes\n"
        f"- rename: {tok}\n  name: Tokayev (president)\n"
        f"- retype: {almaty}\n  type: org\n"
        f"- split: {wash.id}\n  surface: Washington\n  type: PERSON\n  name: Mr Washington\n"
        f"- ignore: {names['Cosmodrome'].id if 'Cosmodrome' in names else 'place:none'}\n"
        "- ignore: person:not-in-this-corpus\n",
        encoding="utf-8",
    )
    idx = build_entity_index(docs(), corrections_path=path)
    assert idx.corrections_error is None
    got = by_name(idx)
    assert got["Tokayev (president)"].id == tok  # ids survive a rename
    assert idx.get(almaty).type == "ORG"
    assert got["Mr Washington"].type == "PERSON" and got["Mr Washington"].id == "person:mr-washington"
    assert "Cosmodrome" not in got
    assert [c.target for c in idx.skipped][-1] == "person:not-in-this-corpus"


def test_merge_moves_every_mention(tmp_path):
    path = tmp_path / "entities.yaml"
    base = build_entity_index(docs())
    names = by_name(base)
    a, b = names["Almaty"], names["Kassym-Jomart Tokayev"]
    CorrectionStore(path).append(Correction("merge", a.id, {"into": b.id}))
    idx = build_entity_index(docs(), corrections_path=path)
    merged = idx.get(b.id)
    assert idx.get(a.id) is None
    assert len(merged.mentions) == len(a.mentions) + len(b.mentions)
    assert "Almaty" in merged.aliases
    assert idx.entity_at("a", TEXTS["a"].index("Almaty")) is merged


def test_malformed_file_is_reported_with_its_line_and_never_written(tmp_path):
    path = tmp_path / "entities.yaml"
    bad = "- ignore: place:almaty\n- retype: place:almaty\n  type: CITY\n"
    path.write_text(bad, encoding="utf-8")
    idx = build_entity_index(docs(), corrections_path=path)
    assert "line 2" in idx.corrections_error and "PERSON, PLACE or ORG" in idx.corrections_error
    assert idx.get("place:almaty") is not None  # nothing applied
    with pytest.raises(CorrectionsError):
        CorrectionStore(path).append(Correction("ignore", "place:almaty"))
    assert path.read_text(encoding="utf-8") == bad
    path.write_text("- ignore: [unclosed\n", encoding="utf-8")
    assert "line" in build_entity_index(docs(), corrections_path=path).corrections_error


@pytest.mark.parametrize("text, fragment", [
    ("ignore: x\n", "expected a list"),
    ("- rename: x\n", "needs 'name:'"),
    ("- frobnicate: x\n", "expected exactly one of"),
    ("- merge: a\n  into: b\n  colour: red\n", "unknown key 'colour'"),
])
def test_parse_errors_name_the_problem(text, fragment):
    with pytest.raises(CorrectionsError) as exc:
        parse(text, "entities.yaml")
    assert fragment in str(exc.value) and "entities.yaml" in str(exc.value)


def test_append_keeps_comments_and_undo_removes_only_the_last(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("# keep me\n- ignore: place:almaty  # and me\n", encoding="utf-8")
    store = CorrectionStore(path)
    store.append(Correction("rename", "person:x", {"name": "Dr. Who: the sequel"}))
    assert [c.op for c in parse(path.read_text(encoding="utf-8"))] == ["ignore", "rename"]
    assert parse(path.read_text(encoding="utf-8"))[1].args["name"] == "Dr. Who: the sequel"
    undone = store.undo_last()
    assert undone.op == "rename"
    assert path.read_text(encoding="utf-8") == "# keep me\n- ignore: place:almaty  # and me\n"


def test_new_file_gets_the_documented_header(tmp_path):
    path = tmp_path / "sub" / "entities.yaml"
    CorrectionStore(path).append(Correction("ignore", "place:almaty"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# reader: corrections") and parse(text)[0].target == "place:almaty"


def test_reapply_after_an_edit(tmp_path):
    path = tmp_path / "entities.yaml"
    idx = build_entity_index(docs(), corrections_path=path)
    almaty = by_name(idx)["Almaty"].id
    CorrectionStore(path).append(Correction("ignore", almaty))
    again = reapply_corrections(idx)
    assert again.get(almaty) is None and [e.id for e in again.hidden] == [almaty]
    CorrectionStore(path).undo_last()
    assert reapply_corrections(idx).get(almaty) is not None


def test_resolve_names_pronouns_and_descriptions():
    text = ("Kazakhstan President Kassym-Jomart Tokayev spoke on Friday. Kazakhstan's Interior Ministry said 26 "
            "people died. The ministry added that the president had left. He said the country was calm.")
    idx = build_entity_index([Document(id="a", path=Path("a.txt"), text=text)])
    tok = by_name(idx)["Kassym-Jomart Tokayev"]
    assert idx.resolve("Tokayev", "a", text.index("spoke")) is tok
    assert idx.resolve("President Tokayev's", "a", 0) is tok
    assert idx.resolve("He", "a", text.index("He said")) is tok
    assert idx.resolve("the president", "a", text.index("had left")) is tok
    ministry = idx.resolve("The ministry", "a", text.index("The ministry"))
    assert ministry is not None and ministry.type == "ORG" and "Interior Ministry" in ministry.name
    assert idx.resolve("the country", "a", text.index("was calm")).name == "Kazakhstan"
    assert idx.resolve("Nobody Known", "a", 10) is None
