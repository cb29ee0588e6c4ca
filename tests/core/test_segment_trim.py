"""Trimming a span's edge whitespace: one rule for sentences, quotations and annotations."""

from __future__ import annotations

from reader.core.document import Span
from reader.core.quotes.extract import _trim
from reader.core.segment import split_paragraphs, trim

TEXT = "  Hello,\u00a0world. \n\t"


def test_trim_keeps_offsets_in_the_text():
    span = trim(TEXT, 0, len(TEXT))
    assert span == Span(2, 15) and TEXT[span.start:span.end] == "Hello,\u00a0world."
    assert trim(TEXT, 8, 9) == Span(9, 9)  # a no-break space is whitespace too: nothing left
    assert trim(TEXT, 15, len(TEXT)) == Span(len(TEXT), len(TEXT))
    assert trim(TEXT, 4, 4) == Span(4, 4)


def test_every_user_drops_what_trims_to_nothing():
    assert _trim(TEXT, 0, len(TEXT)) == Span(2, 15)
    assert _trim(TEXT, 15, len(TEXT)) is None
    assert split_paragraphs("  \n\n  One.  \n\n \t \n\nTwo.") == [Span(6, 10), Span(19, 23)]
