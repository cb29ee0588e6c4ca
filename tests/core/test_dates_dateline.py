"""The article date when the file has no header: its dateline, never a guess."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.core.dates import build_timeline, find_time_expressions
from reader.core.loader import load_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dates"


@pytest.fixture
def fixtures(tmp_path) -> Path:
    dest = tmp_path / "dates"
    shutil.copytree(FIXTURES, dest)
    return dest


def _load(folder: Path, name: str):
    (d,) = load_paths([folder / name]).documents
    return d, {e.text: e for e in find_time_expressions(d)}


def test_full_dateline_gives_the_article_date(fixtures):
    d, found = _load(fixtures, "full_dateline.md")
    assert d.date is None
    assert found["January 7, 2022"].date_iso == "2022-01-07"
    assert found["Friday"].date_iso == "2022-01-07"
    assert found["Thursday evening"].date_iso == "2022-01-06"
    assert found["until January 19"].date_iso == "2022-01-19"
    anchor = build_timeline([d]).anchors[d.id]
    assert (anchor.source, anchor.date.isoformat()) == ("dateline", "2022-01-07")


def test_wire_dateline_takes_its_year_from_the_text(fixtures):
    d, found = _load(fixtures, "wire_dateline.txt")
    assert found["Jan. 7"].date_iso == "2022-01-07"
    assert found["Friday"].date_iso == "2022-01-07"
    assert found["Thursday, Jan. 6, 2022"].date_iso == "2022-01-06"
    assert "year from the dates in the text" in build_timeline([d]).anchors[d.id].note


def test_month_day_dateline_without_any_year_stays_unresolved(fixtures):
    d, found = _load(fixtures, "month_day_dateline.txt")
    assert found["April 27"].date is None
    assert found["Monday"].date is None
    assert "gives no year" in found["Monday"].note
    anchor = build_timeline([d]).anchors[d.id]
    assert anchor.date is None and anchor.month_day == (4, 27)


def test_tokenised_dateline_on_the_second_line(fixtures):
    d, found = _load(fixtures, "tokenised.txt")
    assert found["December 15th , 2008"].date_iso == "2008-12-15"  # a Monday
    assert found["Monday morning"].date_iso == "2008-12-15"
    assert found["Thursday"].date_iso == "2008-12-18"  # "It will be interesting to see ... on Thursday"


def test_undated_article_loads_with_its_expressions_unresolved(fixtures):
    d, found = _load(fixtures, "undated.txt")
    assert d.date is None
    assert found["Friday"].date is None and found["two days ago"].date is None
    assert found["until January 19"].date is None
    assert found["March 3, 2021"].date_iso == "2021-03-03"
    assert build_timeline([d]).anchors[d.id].source == "none"


def test_a_sentence_that_mentions_a_date_is_not_a_dateline(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Mass protests began on January 2, 2022, prompted by a sharp rise in gas prices across the country.\n"
                 "Officials said on Friday that order was restored.\n", encoding="utf-8")
    d, found = _load(tmp_path, "a.txt")
    assert found["January 2, 2022"].date_iso == "2022-01-02"
    assert found["Friday"].date is None  # no article date: the mention is not the dateline


def test_header_date_wins_over_a_dateline(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("date 2022-01-08\nJanuary 7, 2022 — Officials met on Friday.\n", encoding="utf-8")
    d, found = _load(tmp_path, "a.txt")
    assert found["Friday"].date_iso == "2022-01-07"
    assert build_timeline([d]).anchors[d.id].source == "header"
