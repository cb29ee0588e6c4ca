"""`reader compare --json`: the contract of the issue, pinned."""

from __future__ import annotations

import json

from reader.cli import main
from reader.core.loader import LoadOptions, load_paths

DW = "000_dcdabc9cd42fd5c7"
RT = "002_3ad7c57d0e97eb6f"
ITEM_FIELDS = {"doc", "start", "end", "text", "sentence_start", "sentence_end", "value", "low", "high", "hedge",
               "unit", "predicate", "attribution"}
NUMBER_FIELDS = ("value", "low", "high")


def run(capsys, *argv: str) -> tuple[int, dict | None, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else None), out, err


def test_json_contract(capsys, seeds_dir):
    code, data, _, err = run(capsys, "compare", "--json", str(seeds_dir))
    assert code == 0 and "Traceback" not in err
    assert list(data) == ["documents", "facts", "entities", "speakers", "errors"]
    assert data["errors"] == []
    texts = {d.id: d.text for d in load_paths([str(seeds_dir)], LoadOptions()).documents}
    assert [d["id"] for d in data["documents"]] == [DW, RT]
    for d in data["documents"]:
        assert set(d) == {"id", "source", "date", "title"}
        assert isinstance(d["title"], str) and d["source"] in (None, "DW") and len(d["date"]) == 10
    assert data["facts"] and len({f["id"] for f in data["facts"]}) == len(data["facts"])
    for f in data["facts"]:
        assert {"id", "kind", "label", "verdict", "items"} <= set(f)
        assert f["kind"] in ("number", "claim") and f["verdict"] in ("agree", "differ", "only")
        assert isinstance(f["label"], str) and f["label"] and f["items"]
        if f["verdict"] == "only":
            assert len({it["doc"] for it in f["items"]}) == 1
        else:
            assert len({it["doc"] for it in f["items"]}) >= 2
        for it in f["items"]:
            assert ITEM_FIELDS <= set(it)
            assert texts[it["doc"]][it["start"]:it["end"]] == it["text"]
            assert it["sentence_start"] <= it["start"] < it["end"] <= it["sentence_end"]
            assert it["attribution"] is None or isinstance(it["attribution"], str)
            if f["kind"] == "claim":
                assert all(it[k] is None for k in (*NUMBER_FIELDS, "hedge", "unit", "predicate"))
            else:
                assert isinstance(it["low"], (int, float)) and isinstance(it["high"], (int, float))
                assert isinstance(it["value"], (int, float)) != it["vague"]  # "dozens" is a range, no figure
                assert it["low"] <= it["high"]
                assert it["hedge"] is None or isinstance(it["hedge"], str)
                assert it["unit"] is None or isinstance(it["unit"], str)
                assert it["predicate"] is None or isinstance(it["predicate"], str)
    assert any(f["kind"] == "claim" for f in data["facts"])
    order = {"differ": 0, "agree": 1, "only": 2}
    assert [order[f["verdict"]] for f in data["facts"]] == sorted(order[f["verdict"]] for f in data["facts"])
    for e in data["entities"]:
        assert set(e) == {"id", "name", "type", "docs"} and e["type"] in ("PERSON", "PLACE", "ORG")
        assert e["docs"] and set(e["docs"]) <= {DW, RT}
    ids = {e["id"] for e in data["entities"]}
    for s in data["speakers"]:
        assert set(s) == {"entity", "name", "docs"}
        assert s["entity"] is None or s["entity"] in ids
        assert all(isinstance(n, int) and n > 0 and doc in (DW, RT) for doc, n in s["docs"].items())


def test_the_seed_figures(capsys, seeds_dir):
    _, data, _, _ = run(capsys, "compare", "--json", str(seeds_dir))

    def fact(text):
        return next(f for f in data["facts"] if any(text == it["text"] for it in f["items"]))

    arrests = fact("3,000 arrests")
    assert arrests["verdict"] == "differ" and arrests["kind"] == "number"
    rt = next(it for it in arrests["items"] if it["doc"] == RT)
    assert rt["hedge"] == "almost" and rt["value"] == 4000 and 3000 < rt["low"] <= rt["high"] < 4000
    killed = fact("26 armed criminals were killed")
    assert killed["verdict"] == "agree"
    assert {it["attribution"] for it in killed["items"]} == {"org:interior-ministry-kazakhstan"}
    bandits = fact("20,000 bandits")
    assert bandits["verdict"] == "agree"
    assert {it["unit"] for it in bandits["items"]} == {"bandits", "gangsters and terrorists"}


def test_text_table_groups_facts_with_marks(capsys, seeds_dir):
    code, _, out, _ = run(capsys, "compare", str(seeds_dir))
    assert code == 0
    differ, agree, only = out.index("≠ differ"), out.index("= agree"), out.index("— only")
    assert differ < agree < only
    assert out.index("3,000 arrests") < agree
    assert agree < out.index("26 armed criminals were killed") < only
    assert "3,600–3,999" in out and "[1]" in out and "[2]" in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_article_text_cannot_control_the_terminal(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-01-02\n\nStorm\n\nAt least 12 people were killed \x1b[31mtoday.\n")
    (tmp_path / "b.txt").write_text("date 2024-01-02\n\nStorm toll\n\nTwelve people were killed in the storm.\n")
    code, _, out, _ = run(capsys, "compare", str(tmp_path))
    assert code == 0 and "\x1b" not in out


def test_unreadable_paths_are_errors_not_tracebacks(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-01-02\n\nStorm\n\nAt least 12 people were killed.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    code, data, _, err = run(capsys, "compare", "--json", str(tmp_path / "a.txt"), str(tmp_path / "notes.pdf"),
                            str(tmp_path / "missing.txt"))
    assert code == 0 and "Traceback" not in err
    paths = [e["path"] for e in data["errors"]]
    assert any(p.endswith("notes.pdf") for p in paths) and any(p.endswith("missing.txt") for p in paths)
    assert all(set(e) == {"path", "error"} and e["error"] for e in data["errors"])
    assert [f["verdict"] for f in data["facts"]] == ["only"]


def test_nothing_loaded_exits_2_with_the_errors(capsys, tmp_path):
    code, data, _, err = run(capsys, "compare", "--json", str(tmp_path / "missing"))
    assert code == 2 and "Traceback" not in err
    assert data == {"documents": [], "facts": [], "entities": [], "speakers": [], "errors": data["errors"]}
    assert data["errors"][0]["path"].endswith("missing")
    code, _, out, err = run(capsys, "compare", str(tmp_path / "missing"))
    assert code == 2 and out == "" and "reader: error" in err and "Traceback" not in err
