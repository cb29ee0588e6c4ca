"""EntityIndex look-ups and the `reader entities --json` contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.document import Document
from reader.core.entities import build_entity_index


def doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=Path(f"{doc_id}.txt"), text=text)


@pytest.fixture
def idx():
    return build_entity_index([
        doc("a", "President Kassym-Jomart Tokayev spoke in Almaty on Friday. Tokayev said the CSTO would help."),
        doc("b", "Troops of the Collective Security Treaty Organization landed in Almaty. Tokayev thanked them."),
    ])


def test_lookups_by_offset_and_span(idx):
    text = "President Kassym-Jomart Tokayev spoke in Almaty on Friday. Tokayev said the CSTO would help."
    tok = idx.entity_at("a", text.index("Tokayev said"))
    assert tok is not None and tok.name == "Kassym-Jomart Tokayev" and tok.type == "PERSON"
    assert idx.get(tok.id) is tok
    assert idx.entity_at("a", text.index("spoke")) is None
    assert idx.entity_at("nope", 0) is None
    pairs = idx.mentions_in("a")
    assert [m.start for m, _ in pairs] == sorted(m.start for m, _ in pairs)
    assert {e.name for e in idx.entities_in_span("a", 0, text.index(" on Friday"))} == {"Kassym-Jomart Tokayev", "Almaty"}


def test_acronym_and_surname_link_across_articles(idx):
    csto = [e for e in idx.entities if e.type == "ORG"]
    assert len(csto) == 1 and set(csto[0].docs) == {"a", "b"}
    assert {m.text for m in csto[0].mentions} == {"CSTO", "Collective Security Treaty Organization"}
    tok = [e for e in idx.entities if e.type == "PERSON"]
    assert len(tok) == 1 and set(tok[0].docs) == {"a", "b"} and "president" in tok[0].roles


def test_surname_shared_by_two_people_follows_the_nearest_full_name():
    idx = build_entity_index([
        doc("a", "George Bush met reporters. Later Bush left."),
        doc("b", "Laura Bush spoke at the library. Bush smiled."),
        doc("c", "Bush was not there."),
    ])
    people = {e.name: e for e in idx.entities if e.type == "PERSON"}
    assert {m.doc for m in people["George Bush"].mentions} == {"a"}
    assert {m.doc for m in people["Laura Bush"].mentions} == {"b"}
    # two candidates and none in article c: the bare surname stays apart
    assert idx.entity_at("c", 0) not in (people["George Bush"], people["Laura Bush"])


def test_cli_json_contract(capsys, seeds_dir):
    code = main(["entities", "--json", str(seeds_dir)])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert [d["id"] for d in data["documents"]] == ["000_dcdabc9cd42fd5c7", "002_3ad7c57d0e97eb6f"]
    assert set(data["documents"][0]) >= {"id", "path", "date"}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    from reader.core.loader import LoadOptions, load_paths

    corpus = load_paths([str(seeds_dir)], LoadOptions())
    texts = {d.id: d.text for d in corpus.documents}
    assert data["entities"]
    for e in data["entities"]:
        assert set(e) >= {"id", "name", "type", "aliases", "mentions"}
        assert e["type"] in ("PERSON", "PLACE", "ORG")
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]


def test_plain_text_without_header_is_whole_file(capsys, tmp_path):
    text = "Angela Merkel visited Paris .\nMerkel met Emmanuel Macron in Paris .\n"
    (tmp_path / "1_1ecb.txt").write_text(text, encoding="utf-8")
    assert main(["entities", "--json", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    spans = {(m["start"], m["end"], m["text"]) for e in data["entities"] for m in e["mentions"]}
    assert (0, 13, "Angela Merkel") in spans
    assert (text.index("Emmanuel"), text.index("Emmanuel") + 15, "Emmanuel Macron") in spans


def test_cli_bad_path_exits_2(capsys, tmp_path):
    assert main(["entities", "--json", str(tmp_path / "missing")]) == 2


def test_spelling_variants_of_one_person_meet_but_namesakes_do_not():
    idx = build_entity_index([
        doc("a", "Governor Heydar Alishbandi said the quake killed three. Rob Jones agreed."),
        doc("b", "Governor Heidar Alishvandi visited the island. Nick Jones did not."),
    ])
    people = [e for e in idx.entities if e.type == "PERSON"]
    gov = [e for e in people if "Alish" in e.name]
    assert len(gov) == 1 and set(gov[0].docs) == {"a", "b"}
    assert {e.name for e in people if "Jones" in e.name} == {"Rob Jones", "Nick Jones"}


def test_bare_surname_goes_to_the_full_name_whose_articles_share_its_context():
    idx = build_entity_index([
        doc("a", "George W. Bush met Barack Obama at the White House in Washington."),
        doc("b", "Reggie Bush scored twice for the New Orleans Saints against the Chicago Bears."),
        doc("c", "The Saints beat the Chicago Bears in New Orleans, and Bush ran for 80 yards."),
        doc("d", "Obama said the White House would listen. Bush agreed in Washington."),
    ])
    people = {e.name: e for e in idx.entities if e.type == "PERSON"}
    assert "c" in people["Reggie Bush"].docs and "c" not in people["George W. Bush"].docs
    assert "d" in people["George W. Bush"].docs and "d" not in people["Reggie Bush"].docs


def test_odd_text_never_breaks_the_pass():
    import random

    rng = random.Random(7)
    docs = [
        doc("empty", ""),
        doc("blank", "\n\n \n"),
        doc("caps", "A" * 20000),
        doc("noise", "".join(rng.choice("Aa .,'’-\n\"“(©)Ss&É") for _ in range(20000))),
        doc("tokenised", "U . S . officials met in L . A . " * 50 + "Mr . . . O'' 's 's ' " * 20),
    ]
    idx = build_entity_index(docs)
    texts = {d.id: d.text for d in docs}
    for e in idx.entities:
        assert e.type in ("PERSON", "PLACE", "ORG") and e.mentions
        for m in e.mentions:
            assert texts[m.doc][m.start:m.end] == m.text and m.start < m.end
    assert idx.mentions_in("empty") == [] and idx.entity_at("empty", 0) is None


def test_organisation_variants_and_a_bare_head_that_stands_for_the_full_name():
    idx = build_entity_index([
        doc("a", "The Academy of Motion Picture Arts and Sciences named Cheryl Boone Isaacs. The Academy said so."),
        doc("b", "The Academy of Motion Pictures Arts and Sciences met. Later the Academy voted."),
        doc("c", "The Ministry was closed for the holiday."),  # no fuller name: a common noun
    ])
    orgs = [e for e in idx.entities if e.type == "ORG"]
    assert len(orgs) == 1 and set(orgs[0].docs) == {"a", "b"} and "Academy" in orgs[0].aliases
    assert idx.entity_at("c", doc("c", "The Ministry").text.index("Ministry")) is None


def test_cli_applies_the_configured_corrections_and_reports_a_bad_file(capsys, seeds_dir, tmp_path):
    corrections = tmp_path / "fixes.yaml"
    corrections.write_text("- rename: place:almaty\n  name: Almaty (city)\n", encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"entities:\n  corrections: {corrections}\n", encoding="utf-8")
    assert main(["entities", "--json", "--config", str(config), str(seeds_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corrections"] == {"path": str(corrections), "error": None}
    assert "Almaty (city)" in {e["name"] for e in data["entities"]}
    corrections.write_text("- rename: place:almaty\n  nme: oops\n", encoding="utf-8")
    assert main(["entities", "--json", "--config", str(config), str(seeds_dir)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert "line 1" in data["corrections"]["error"] and "line 1" in captured.err
    assert "Almaty" in {e["name"] for e in data["entities"]}
    assert corrections.read_text(encoding="utf-8") == "- rename: place:almaty\n  nme: oops\n"


def test_lookups_are_made_on_first_use_and_agree_with_the_mentions(idx):
    from reader.core.entities import EntityIndex

    fresh = EntityIndex(idx.entities)
    assert "_by_doc" not in fresh.__dict__  # passed on to have corrections applied, it never needs them
    pairs, starts = fresh.mentions_with_starts("a")
    assert list(starts) == sorted(starts) == [m.start for m, _ in pairs]
    assert {(m.doc, m.start) for e in idx.entities for m in e.mentions if m.doc == "a"} == {(m.doc, m.start) for m, _ in pairs}
    other = EntityIndex(idx.entities)
    for doc in {m.doc for e in idx.entities for m in e.mentions}:  # whichever article is asked for first
        assert other.mentions_in(doc) == fresh.mentions_in(doc)
        for m, e in fresh.mentions_in(doc):
            assert fresh.entity_at(doc, m.start) is e and e in fresh.entities_in_span(doc, m.start, m.end)
    assert other.mentions_in("no such article") == [] and other.entity_at("no such article", 0) is None


def test_an_entity_written_as_json_text_is_json_dumps_of_its_json():
    import json

    from reader.core.entities import Entity, Mention

    odd = ['plain', 'quote " and \\ back', 'tab\tline\nbreak', 'é ü 北京', '\x00\x1f\x7f', '\u2028\u2029', '']
    for name in odd:
        e = Entity(id=f"person:{name}", name=name, type="PERSON", aliases=[name, "x"],
                   mentions=[Mention(d, i, i + 3, t) for i, (d, t) in enumerate(zip(odd, reversed(odd)))])
        assert e.json_text() == json.dumps(e.to_json(), ensure_ascii=False)
        assert json.loads(e.json_text()) == e.to_json()
    bare = Entity(id="org:x", name="X", type="ORG")
    assert bare.json_text() == json.dumps(bare.to_json(), ensure_ascii=False)
