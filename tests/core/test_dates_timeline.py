"""Events across articles: sentence, entities, order; and the CLI contract."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from reader.cli import main
from reader.core.dates import build_timeline
from reader.core.document import Document


@dataclass(frozen=True)
class FakeEntity:
    id: str


class FakeEntityIndex:
    """Stands in for reader.core.entities: entities are found by their name in the text."""

    def __init__(self, docs, names: dict[str, str]):
        self.docs = {d.id: d for d in docs}
        self.names = names  # surface -> entity id
        self.calls: list[tuple[str, int, int]] = []

    def entities_in_span(self, doc_id, start, end):
        self.calls.append((doc_id, start, end))
        text = self.docs[doc_id].text[start:end]
        return [FakeEntity(eid) for name, eid in self.names.items() if name in text] + (
            [FakeEntity("tokayev")] if "Tokayev" in text else []  # a repeat must not be listed twice
        )


def _docs():
    a = Document(id="a", path=Path("a.txt"), date=dt.date(2022, 1, 7),
                 text="Tokayev spoke on Friday. Putin sent troops on Thursday.\n\nNothing is dated here.")
    b = Document(id="b", path=Path("b.txt"), date=dt.date(2022, 1, 8),
                 text="Protests began on January 2 in Almaty. Tokayev met Putin in recent days.")
    c = Document(id="c", path=Path("c.txt"), date=None, text="Talks resumed on Friday.")
    return [a, b, c]


def test_events_carry_sentence_and_its_entities_sorted_by_date():
    docs = _docs()
    index = FakeEntityIndex(docs, {"Tokayev": "tokayev", "Putin": "putin", "Almaty": "almaty"})
    tl = build_timeline(docs, index)
    assert [(e.doc, e.text, e.date_iso) for e in tl.events] == [
        ("b", "January 2", "2022-01-02"),
        ("a", "Thursday", "2022-01-06"),
        ("a", "Friday", "2022-01-07"),
        ("b", "recent days", None),
        ("c", "Friday", None),
    ]
    by = {(e.doc, e.text): e for e in tl.events}
    friday = by[("a", "Friday")]
    assert friday.sentence == "Tokayev spoke on Friday."
    assert (friday.sentence_start, friday.sentence_end) == (0, 24)
    assert friday.entities == ["tokayev"]
    assert by[("a", "Thursday")].entities == ["putin"]
    assert by[("b", "January 2")].entities == ["almaty"]
    assert by[("b", "recent days")].entities == ["tokayev", "putin"]  # index order, no repeats
    assert all(docs_text(docs, e) == e.text for e in tl.events)
    # the index is asked once per sentence, with that sentence's span
    assert ("a", 0, 24) in index.calls and len(index.calls) == len(set(index.calls))


def docs_text(docs, e):
    return {d.id: d for d in docs}[e.doc].text[e.start:e.end]


def test_timeline_queries():
    tl = build_timeline(_docs(), None)
    assert [e.text for e in tl.in_doc("a")] == ["Friday", "Thursday"]
    days = tl.days()
    assert [d for d, _ in days] == [dt.date(2022, 1, 2), dt.date(2022, 1, 6), dt.date(2022, 1, 7), None]
    assert [e.doc for e in days[-1][1]] == ["b", "c"]
    assert tl.at("a", 18).text == "Friday" and tl.at("a", 5) is None
    assert tl.article_date("a") == dt.date(2022, 1, 7) and tl.article_date("c") is None
    assert all(e.entities == [] for e in tl.events)


def test_cli_json_contract(seeds_dir, capsys):
    assert main(["timeline", "--json", str(seeds_dir)]) == 0
    out = json.loads(capsys.readouterr().out)
    events = out["events"]
    assert len(events) == 40  # every expression of the two seeds (test_dates_seeds.py)
    from reader.core.loader import load_paths

    docs = {d.id: d for d in load_paths([seeds_dir]).documents}
    for e in events:
        assert {"doc", "start", "end", "text", "date", "sentence", "entities"} <= set(e)
        assert docs[e["doc"]].text[e["start"]:e["end"]] == e["text"]
        assert e["text"] in e["sentence"]
        assert e["date"] is None or dt.date.fromisoformat(e["date"])
        assert isinstance(e["entities"], list) and all(isinstance(x, str) for x in e["entities"])
    dates = [e["date"] for e in events]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[: len(dated)] == dated  # by date, undated last
    assert dates[0] == "2016-01-01" and dates[-1] is None
    assert {(e["text"], e["date"]) for e in events} >= {
        ("until January 19", "2022-01-19"), ("after last night", "2022-01-06"), ("recent days", None)}


def test_cli_undated_article_and_text_mode(tmp_path, capsys):
    p = tmp_path / "undated.txt"
    p.write_text("Talks resumed on Friday. The deal of March 3, 2021 holds.\n", encoding="utf-8")
    assert main(["timeline", "--json", "--no-entities", str(p)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(e["text"], e["date"]) for e in out["events"]] == [("March 3, 2021", "2021-03-03"), ("Friday", None)]
    assert out["articles"] == [{"doc": "undated", "date": None, "date_source": "none",
                                "note": "no date header and no dateline"}]
    assert main(["timeline", "--no-entities", str(p)]) == 0
    text = capsys.readouterr().out
    assert "2021-03-03" in text and "no date" in text


def test_cli_no_articles_is_a_clear_error(tmp_path, capsys):
    assert main(["timeline", "--json", str(tmp_path / "missing")]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["events"] == [] and "no such file" in out["errors"][0]["error"]


def test_entity_ids_from_the_real_index_match_entities_in_span(seeds_dir):
    """Events read an index's mentions per article when it can; the answer must be
    the one entities_in_span gives for the sentence."""
    from reader.core.entities import build_entity_index
    from reader.core.loader import load_paths

    docs = load_paths([seeds_dir]).documents
    index = build_entity_index(docs)
    tl = build_timeline(docs, index)
    assert any(e.entities for e in tl.events)
    for e in tl.events:
        expected = list(dict.fromkeys(x.id for x in index.entities_in_span(e.doc, e.sentence_start, e.sentence_end)))
        assert e.entities == expected


def test_the_collector_is_back_on_after_the_pass_even_when_it_fails():
    import gc

    import pytest

    assert gc.isenabled()
    build_timeline(_docs(), None)
    assert gc.isenabled()

    class Broken:
        id = "x"
        date = None

        @property
        def text(self):
            raise RuntimeError("unreadable")

    with pytest.raises(RuntimeError):
        build_timeline([Broken()], None)
    assert gc.isenabled()


def test_cli_json_carries_the_period_kinds(tmp_path, capsys):
    p = tmp_path / "report.txt"
    p.write_text(" date 2015-11-04 Profit rose in the third quarter. Shoppers came back last fall and will "
                 "return at Thanksgiving. Prices peaked in the 1980s. The plant is now idle; it closed "
                 "recently and may reopen soon.\n", encoding="utf-8")
    assert main(["timeline", "--json", "--no-entities", str(p)]) == 0
    got = {e["text"]: (e["kind"], e["granularity"], e["date"], e["last"])
           for e in json.loads(capsys.readouterr().out)["events"]}
    assert got["the third quarter"] == ("quarter", "quarter", "2015-07-01", "2015-09-30")
    assert got["last fall"] == ("season", "season", "2014-09-01", "2014-11-30")
    assert got["Thanksgiving"] == ("holiday", "day", "2015-11-26", None)
    assert got["the 1980s"] == ("decade", "decade", "1980-01-01", "1989-12-31")
    assert got["now"] == ("present", "day", "2015-11-04", None)
    assert got["recently"] == ("past_ref", None, None, None)
    assert got["soon"] == ("future_ref", None, None, None)
