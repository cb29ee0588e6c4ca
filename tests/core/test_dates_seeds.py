"""Every time expression of the two seed articles, resolved right.

000 is dated 2022-01-07 (a Friday), 002 is dated 2022-01-08 (a Saturday)."""

from __future__ import annotations

from reader.core.dates import find_time_expressions
from reader.core.loader import load_paths

SEED_000 = [
    ("Friday", "2022-01-07"),            # Tokayev on Friday declared
    ("recent days", None),               # vague
    ("Friday", "2022-01-07"),            # In a televised address on Friday
    ("this week", "2022-01-03"),         # his third address to the nation this week (week of Jan 3)
    ("Friday", "2022-01-07"),            # In an earlier statement on Friday
    ("Thursday", "2022-01-06"),          # On Thursday, authorities said
    ("Wednesday", "2022-01-05"),         # caption: a protest in Almaty on Wednesday
    ("Wednesday", "2022-01-05"),         # the caption repeated
    ("after last night", "2022-01-06"),
    ("today", "2022-01-07"),
    ("Jan 6, 2022", "2022-01-06"),
    ("Jan 6, 2022", "2022-01-06"),
    ("Wednesday", "2022-01-05"),         # captured by protesters on Wednesday
    ("this week", "2022-01-03"),         # Moscow said this week
    ("January 5, 2022", "2022-01-05"),
    ("January 5, 2022", "2022-01-05"),
    ("3:00 p.m. local time (09:00 UTC)", None),  # airports to reopen: the day is not stated
    ("Thursday", "2022-01-06"),          # Ned Price told media on Thursday
]

SEED_002 = [
    ("Friday, Jan. 7, 2022", "2022-01-07"),
    ("Friday", "2022-01-07"),
    ("January 2", "2022-01-02"),
    ("Friday morning", "2022-01-07"),
    ("now", "2022-01-08"),               # local authorities now back on top: the article's day
    ("now", "2022-01-08"),               # will now therefore be lifted
    ("now", "2022-01-08"),               # are now allowed to
    ("since the beginning of the unrest", "2022-01-02"),  # "Mass protests began on January 2"
    ("by Friday evening", "2022-01-07"),
    ("Friday", "2022-01-07"),
    ("until January 19", "2022-01-19"),
    ("Friday", "2022-01-07"),
    ("earlier this week", "2022-01-03"),
    ("recent", None),                    # recent events: some time before, no date
    ("late on Friday", "2022-01-07"),
    ("January 2", "2022-01-02"),
    ("Earlier in the day", "2022-01-07"),   # the day of the thread posted late on Friday
    ("this week", "2022-01-03"),
    ("January 6", "2022-01-06"),
    ("the same day", "2022-01-06"),
    ("from 2016", "2016-01-01"),
    ("January 5", "2022-01-05"),
]


def _found(seeds_dir, stem):
    (d,) = [d for d in load_paths([seeds_dir]).documents if d.id.startswith(stem)]
    exprs = find_time_expressions(d)
    for e in exprs:
        assert d.text[e.start:e.end] == e.text
    return d, exprs


def test_seed_000_every_expression(seeds_dir):
    d, exprs = _found(seeds_dir, "000_")
    assert str(d.date) == "2022-01-07"
    assert [(e.text, e.date_iso) for e in exprs] == SEED_000


def test_seed_002_every_expression(seeds_dir):
    d, exprs = _found(seeds_dir, "002_")
    assert str(d.date) == "2022-01-08"
    assert [(e.text, e.date_iso) for e in exprs] == SEED_002


def test_seed_002_ranges_and_parts_of_day(seeds_dir):
    _, exprs = _found(seeds_dir, "002_")
    by_text = {e.text: e for e in exprs}
    assert by_text["until January 19"].relation == "until"
    assert by_text["earlier this week"].last.isoformat() == "2022-01-07"
    assert by_text["since the beginning of the unrest"].last.isoformat() == "2022-01-08"
    assert by_text["Friday morning"].part_of_day == "morning"
    assert by_text["by Friday evening"].part_of_day == "evening"
    assert by_text["late on Friday"].part_of_day == "late"
    assert by_text["from 2016"].granularity == "year"


def test_seed_000_clock_time_is_listed_undated(seeds_dir):
    _, exprs = _found(seeds_dir, "000_")
    (clock,) = [e for e in exprs if e.kind == "time"]
    assert clock.part_of_day == "15:00 local time" and clock.date is None
    assert "not stated" in clock.note
