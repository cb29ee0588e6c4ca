"""`reader find --also-in`: each hit with the passages of other articles that report it, the same
matches the comparison's shared claims are made of, paraphrases included."""

from __future__ import annotations

import json

from reader.cli import main
from reader.core.loader import LoadOptions, load_paths

DW = "000_dcdabc9cd42fd5c7"
RT = "002_3ad7c57d0e97eb6f"


def find(capsys, *argv: str) -> dict:
    assert main(["find", "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_searching_one_reports_words_lists_the_paraphrase_in_the_other(capsys, seeds_dir):
    texts = {d.id: d.text for d in load_paths([str(seeds_dir)], LoadOptions()).documents}
    for query, here, there, words in (("short-term basis peacekeeping force", DW, RT, "limited period of time"),
                                      ("stay for a limited period of time", RT, DW, "short-term basis")):
        hit = find(capsys, "--also-in", query, str(seeds_dir))["hits"][0]
        assert hit["doc"] == here
        also = [m for m in hit["also_in"] if m["doc"] == there]
        assert also and words in also[0]["text"], (query, hit["also_in"])
        for m in hit["also_in"]:
            assert set(m) == {"doc", "start", "end", "text", "score", "kind", "quote_id"}
            assert m["doc"] != hit["doc"] and texts[m["doc"]][m["start"]:m["end"]] == m["text"]
            assert m["kind"] in ("same words", "same claim") and 0 < m["score"] <= 1


def test_the_claims_of_compare_are_the_finders_matches(capsys, seeds_dir):
    assert main(["compare", "--json", str(seeds_dir)]) == 0
    claims = [f for f in json.loads(capsys.readouterr().out)["facts"] if f["kind"] == "claim"]
    para = [f for f in claims if any("limited period of time" in it["text"] for it in f["items"])]
    assert para and any("short-term basis" in it["text"] for it in para[0]["items"])
    assert para[0]["verdict"] == "agree"


def test_without_the_option_hits_are_as_before(capsys, seeds_dir):
    hit = find(capsys, "short-term basis", str(seeds_dir))["hits"][0]
    assert "also_in" not in hit
