"""Times counted ahead of the article date ("in five years", "two months from now"), "since then" and
"by then", and decades counted back ("a decade ago")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.dates import find_time_expressions
from reader.core.dates.scanner import scan, scan_full
from reader.core.document import Document


def found(text: str, date: str = "2015-11-04") -> dict:
    d = Document(id="t", path=Path("t.txt"), text=text, date=dt.date.fromisoformat(date))
    return {e.text: e for e in find_time_expressions(d)}


# (text, expression, kind, date, granularity): article dated Wednesday 2015-11-04
CASES = [
    ("The bonds will be repaid in three years.", "in three years", "ahead", "2018-01-01", "year"),
    ("The notes will mature in three years' time.", "in three years' time", "ahead", "2018-01-01", "year"),
    ("The board will vote in two weeks.", "in two weeks", "ahead", "2015-11-16", "week"),
    ("The loan is to be repaid in 18 months.", "in 18 months", "ahead", "2017-05-01", "month"),
    ("The shop will reopen in ten days.", "in ten days", "ahead", "2015-11-14", "day"),
    ("Two years from now, the plant will close.", "Two years from now", "ahead", "2017-01-01", "year"),
    ("Sales fell a decade ago.", "a decade ago", "ago", "2005-11-04", "year"),
    ("The offer stands until Nov. 30. Until then, holders may convert.", "Until then", "anaphoric", "2015-11-30", "day"),
    ("The plant closed on Oct. 2, and since then output has halved.", "since then", "anaphoric", "2015-10-02", "day"),
    ("The merger closed in March. By then, the chief had resigned.", "By then", "anaphoric", "2015-03-01", "month"),
    # the year before, the week before, the year after: that whole unit next to the time spoken of
    ("Prices in 2014 were 4% higher than the year before.", "the year before", "anaphoric", "2013-01-01", "year"),
    ("He was elected in 2010 and resigned the year after.", "the year after", "anaphoric", "2011-01-01", "year"),
    ("The plant closed on Oct. 2; the week before, workers struck.", "the week before", "anaphoric", "2015-09-21", "week"),
]


@pytest.mark.parametrize("text,expr,kind,date,gran", CASES)
def test_counted(text, expr, kind, date, gran):
    got = found(text)
    assert expr in got, got.keys()
    e = got[expr]
    assert (e.kind, e.date_iso, e.granularity) == (kind, date, gran)


def test_then_keeps_its_bound():
    assert found("The offer stands until Nov. 30. Until then, holders may convert.")["Until then"].relation == "until"


@pytest.mark.parametrize("text", [
    "It was the first loss in five years.",  # a length of time in a past sentence
    "Prices doubled in two years.",
    "The company has cut jobs in three years of the last four.",
    "Output has risen in six months.",
    "She will be the third chief in four years.",  # a count or a superlative before: the span counted over
    "Prices will hit their highest level in two years.",
    "He will have moved three times in two years.",
])
def test_in_years_without_future_is_no_date(text):
    assert not [e for e in found(text).values() if e.kind == "ahead"]


@pytest.mark.parametrize("text", [
    "The plant closed on Oct. 2. The chief left. Since then, output has halved.",  # named two sentences back
    "The market has grown ever since the rival cut prices. Since then, the firm has gained share.",
    "And then he left. The then-chairman was there.",
])
def test_then_without_a_time_just_before_is_no_date(text):
    assert not [e for e in found(text).values() if e.text.lower().endswith("then")]


@pytest.mark.parametrize("text", [
    "The year before the war, prices rose.",  # relative to an event, not to a time
    "In 2012, the year before last, prices rose.",
    "Sales rose in March, and the month after they fell.",
    "The team won the title the year after losing every game.",
])
def test_year_before_an_event_is_no_date(text):
    assert not [e for e in found(text).values() if e.kind == "anaphoric"]


@pytest.mark.parametrize("text", [c[0] for c in CASES] + [
    "It was the first loss in five years.", "In a few years, prices rose.", "in 2016 and in 3 ways",
    "By then-Governor Smith's order.", "a decade or so ago", "three decades later", "the week before the vote",
    "the month after", "the year before last",
])
def test_scan_matches_full_grammar(text):
    assert scan(text) == scan_full(text), text
