"""`reader quotes --json`: the contract of the issue, pinned."""

from __future__ import annotations

import json

from reader.cli import main
from reader.core.loader import LoadOptions, load_paths


def run(capsys, *argv: str) -> tuple[int, dict | None, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else None), err


def test_json_contract(capsys, seeds_dir):
    code, data, _ = run(capsys, "quotes", "--json", str(seeds_dir))
    assert code == 0
    texts = {d.id: d.text for d in load_paths([str(seeds_dir)], LoadOptions()).documents}
    assert data["errors"] == [] and len(data["quotes"]) == 38
    for q in data["quotes"]:
        assert {"id", "doc", "start", "end", "text", "speaker", "speaker_entity", "short", "matches"} <= set(q)
        assert texts[q["doc"]][q["start"]:q["end"]] == q["text"]
        assert isinstance(q["short"], bool)
        assert (q["speaker"] is None) == (q["speaker_entity"] is None)
        for m in q["matches"]:
            assert {"doc", "start", "end", "text", "score"} <= set(m)
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    first = data["quotes"][0]
    assert first["text"] == "mainly restored" and first["speaker"] and "Tokayev" in first["speaker"]
    assert [m["doc"] for m in first["matches"]] == ["002_3ad7c57d0e97eb6f"]


def test_one_article_and_no_short(capsys, seeds_dir):
    code, data, _ = run(capsys, "quotes", "--json", "--no-short", "--doc", "002_3ad7c57d0e97eb6f", str(seeds_dir))
    assert code == 0 and data["quotes"]
    assert {q["doc"] for q in data["quotes"]} == {"002_3ad7c57d0e97eb6f"}
    assert not any(q["short"] for q in data["quotes"])


def test_text_output(capsys, seeds_dir):
    assert main(["quotes", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "Kassym-Jomart Tokayev" in out and "“mainly restored”  also in: 002_3ad7c57d0e97eb6f" in out


def test_bad_input_is_a_message_not_a_traceback(capsys, tmp_path):
    code, data, err = run(capsys, "quotes", "--json", str(tmp_path / "missing"))
    assert code == 2 and data["quotes"] == [] and data["errors"][0]["path"].endswith("missing")
    (tmp_path / "a.txt").write_text("No quotations here.\n")
    code, data, err = run(capsys, "quotes", "--json", "--doc", "nope", str(tmp_path))
    assert code == 2 and "no article with id 'nope'" in err and "Traceback" not in err


def test_article_without_quotations(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("It's the country's best year, officials said.\n")
    code, data, _ = run(capsys, "quotes", "--json", str(tmp_path))
    assert code == 0 and data["quotes"] == []
