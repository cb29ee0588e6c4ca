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


@pytest.mark.parametrize("head,expected", [
    ("DECEMBER 16 , 2008\nHerald : Sox make offer\n", "2008-12-16"),
    ("Report : Sox make huge offer\non Tuesday , 16 December 2008 13 : 45 .\nThe Sox made an offer .\n", "2008-12-16"),
    ("Turkmen election to have 2 parties\n2013 - 09 - 26\nFor the first time ...\n", "2013-09-26"),
    ("Historic dairy building destroyed\nPublished : 2012 . 08 . 08 09 : 01 AM\nA fire destroyed it .\n", "2012-08-08"),
    ("Fire at supermarket\n9 : 53 AM , MON 22 JUL 2013\nLatest on the fire\n", "2013-07-22"),
    ("Brooklyn is a powder keg\nMAR . 14 , 2013 , 8 : 12 PM\nHostility has been mounting this week .\n", "2013-03-14"),
    ("Posted : Nov 27 , 2005 8 : 20 AM ET Last Updated : Nov 27 , 2005 8 : 15 PM ET\nAn earthquake hit Iran .\n",
     "2005-11-27"),
    ("Climber dead after fall\nLast updated 13 : 26 14 / 09 / 2013\nA climber is dead .\n", "2013-09-14"),
    ("Lohan checks into rehab\nFri . , May . 3 , 2013 11 : 45 AM PDT\nEarly Friday morning she arrived .\n",
     "2013-05-03"),
    ("A long first line about the riot that broke out in the streets of the city last night after the vigil\n"
     "As fights erupted , 46 were arrested on Tuesday .\nPUBLISHED : WEDNESDAY , MARCH 13 , 2013 , 2 : 29 PM\n",
     "2013-03-13"),
])
def test_datelines_in_the_wild(tmp_path, head, expected):
    p = tmp_path / "a.txt"
    p.write_text(head, encoding="utf-8")
    (d,) = load_paths([p]).documents
    anchor = build_timeline([d]).anchors[d.id]
    assert (anchor.source, anchor.date.isoformat() if anchor.date else None) == ("dateline", expected)


def test_a_dateline_dates_the_rest_of_the_article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Lohan checks into rehab\nFri . , May . 3 , 2013 11 : 45 AM PDT\n"
                 "Early Friday morning she arrived . She had left a clinic on Thursday .\n", encoding="utf-8")
    (d,) = load_paths([p]).documents
    found = {e.text: e.date_iso for e in find_time_expressions(d)}
    assert found["Early Friday morning"] == "2013-05-03" and found["Thursday"] == "2013-05-02"
