"""`reader find` keeps its JSON contracts (README, "reader find")."""

from __future__ import annotations

import json

from reader.cli import main


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def docs_text(seeds_dir) -> dict[str, str]:
    from reader.core.loader import LoadOptions, load_paths

    return {d.id: d.text for d in load_paths([str(seeds_dir)], LoadOptions()).documents}


def test_find_json_contract(capsys, seeds_dir):
    code, out, _ = run(capsys, "find", "--json", "shot to kil without warnig", str(seeds_dir))
    assert code == 0
    assert out.count("\n") == 1
    data = json.loads(out)
    assert data["query"] == "shot to kil without warnig"
    assert data["hits"], data
    texts = docs_text(seeds_dir)
    for h in data["hits"]:
        assert {"kind", "doc", "start", "end", "text", "score", "speaker"} <= set(h)
        assert h["kind"] in ("quote", "sentence", "entity")
        assert h["text"] == texts[h["doc"]][h["start"] : h["end"]]
        assert isinstance(h["score"], float) and (h["speaker"] is None or isinstance(h["speaker"], str))
    assert "shoot to kill without warning" in data["hits"][0]["text"]
    assert [h["score"] for h in data["hits"]] == sorted((h["score"] for h in data["hits"]), reverse=True)


def test_limit_option_and_config_default(capsys, seeds_dir, tmp_path):
    code, out, _ = run(capsys, "find", "--json", "--limit", "2", "killed", str(seeds_dir))
    assert code == 0 and len(json.loads(out)["hits"]) == 2
    cfg = tmp_path / "config.yaml"
    cfg.write_text("finder:\n  limit: 1\n", encoding="utf-8")
    code, out, _ = run(capsys, "find", "--json", "--config", str(cfg), "killed", str(seeds_dir))
    assert code == 0 and len(json.loads(out)["hits"]) == 1
    code, out, err = run(capsys, "find", "--json", "--limit", "0", "killed", str(seeds_dir))
    assert code == 2 and "--limit" in err and out == ""


def test_queries_file_prints_json_lines_with_latency(capsys, seeds_dir, tmp_path):
    queries = ["shot to kil without warnig", "", '"(^~:', "mainly restored", "x" * 10_000]
    qfile = tmp_path / "queries.txt"
    qfile.write_text("\n".join(queries) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "find", "--json", "--limit", "3", "--queries", str(qfile), str(seeds_dir))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(queries)
    objs = [json.loads(line) for line in lines]
    assert [o["query"] for o in objs] == queries
    for o in objs:
        assert isinstance(o["ms"], float) and o["ms"] >= 0
        assert isinstance(o["hits"], list) and len(o["hits"]) <= 3
    assert "shoot to kill without warning" in objs[0]["hits"][0]["text"]
    assert objs[1]["hits"] == [] and objs[1]["message"]
    assert objs[2]["hits"] == [] and objs[4]["hits"] == []
    assert "mainly restored" in objs[3]["hits"][0]["text"]


def test_text_output_and_errors(capsys, seeds_dir, tmp_path):
    code, out, _ = run(capsys, "find", "mainly restored", str(seeds_dir))
    assert code == 0 and "mainly restored" in out.splitlines()[0]
    code, out, err = run(capsys, "find", "--queries", str(tmp_path / "missing.txt"), str(seeds_dir))
    assert code == 2 and "missing.txt" in err
    code, out, err = run(capsys, "find", "--json", "words", str(tmp_path / "nothing-here"))
    assert code == 2 and json.loads(out)["hits"] == []
