"""Speakers found by general rules of news English: each fixture here is written for the test."""

from __future__ import annotations

from .quotes_fakes import quotes_by_text as quotes


def test_a_paragraph_reopening_with_another_kind_of_mark_starts_a_quotation_of_its_own():
    t = 'The report went on:\n\n"The hall was quiet.\n\n“We are ready for the vote,” Lopez said.\n'
    got = quotes(t)
    assert got["We are ready for the vote,"].speaker == "Maria Lopez"

