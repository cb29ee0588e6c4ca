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


def test_a_quotation_written_as_json_text_is_json_dumps_of_its_json():
    import json

    from reader.core.document import Span
    from reader.core.quotes.model import PackedMatches, Quote, QuoteMatch

    odd = ['plain', 'quote " and \\ back', 'tab\tline\nbreak', 'é ü 北京', '\x00\x1f\x7f', '\u2028', '']
    ms = [QuoteMatch(d, i, i + 2, t, score, kind, qid) for i, (d, t, score, kind, qid) in enumerate(
        zip(odd, reversed(odd), [1.0, 0.8, 0.91234, 0.35, 1, 0.123456, 0.5],
            ["same words", "same claim"] * 4, [None, "a:1", None, 'b"2', None, None, "c:3"]))]
    for i, text in enumerate(odd):
        q = Quote(id=f"{text}:{i}", doc=text, start=i, end=i + 9, text=text, speaker=text or None,
                  speaker_entity=None, short=bool(i % 2), outer_start=i, outer_end=i + 10,
                  parts=[Span(i, i + 4), Span(i + 5, i + 9)], sentences=[Span(0, 40)], nested_in=text or None,
                  speaker_text="he" if i % 3 else None, speaker_span=Span(1, 3) if i % 2 else None,
                  speaker_basis="same sentence")
        for matches in (ms, ms[:i], []):
            q.matches = matches
            assert q.json_text() == json.dumps(q.to_json(), ensure_ascii=False)
            q._matches = PackedMatches([m.row() for m in matches])  # as the index keeps them
            assert q.json_text() == json.dumps(q.to_json(), ensure_ascii=False)
