"""Speakers found by general rules of news English: each fixture here is written for the test."""

from __future__ import annotations

from .quotes_fakes import PEOPLE, quotes_by_text as quotes


def test_a_paragraph_reopening_with_another_kind_of_mark_starts_a_quotation_of_its_own():
    t = 'The report went on:\n\n"The hall was quiet.\n\n“We are ready for the vote,” Lopez said.\n'
    got = quotes(t)
    assert got["We are ready for the vote,"].speaker == "Maria Lopez"


def test_she_skips_a_man_known_by_his_given_name():
    got = quotes("Maria Lopez spoke after Tom Baker. “We will fix the roads this year,” she said.")
    assert got["We will fix the roads this year,"].speaker == "Maria Lopez"


def test_he_never_refers_to_a_plural_group_written_as_a_name():
    spec = PEOPLE + [("Democrats", "PERSON", ["Democrats"]), ("Americans", "PERSON", ["Americans"])]
    got = quotes("Tom Baker, a Democrat, spoke to fellow Democrats. “The roads come first,” he said.", spec)
    assert got["The roads come first,"].speaker == "Tom Baker"
    got = quotes("Tom Baker wrote to Americans. “The roads come first,” he said.", spec)
    assert got["The roads come first,"].speaker == "Tom Baker"


def test_a_role_noun_after_a_name_that_describes_someone_else_tells_no_sex():
    t = ("Maria Lopez spokesman Tom Baker said the plan was late. Lopez arrived at noon. "
         "“We will open the road in May,” she said.")
    assert quotes(t)["We will open the road in May,"].speaker == "Maria Lopez"


def test_a_title_before_a_name_outweighs_the_given_name():
    spec = PEOPLE + [("Jordan Reese", "PERSON", ["Jordan Reese", "Reese"])]
    t = "Ms. Reese met Tom Baker, and Reese spoke last. “The school stays open,” she said."
    assert quotes(t, spec)["The school stays open,"].speaker == "Jordan Reese"


def test_a_pronoun_in_a_fronted_clause_is_the_main_subject():
    spec = PEOPLE + [("Jane Roe", "PERSON", ["Jane Roe", "Roe"])]
    t = ("Jane Roe spoke first. Though she called the plan “a good start” and asked for “more time,” Maria Lopez "
         "kept her own view to herself.")
    got = quotes(t, spec)
    assert got["a good start"].speaker == "Maria Lopez"
    assert got["more time,"].speaker == "Maria Lopez"


def test_a_pronoun_in_the_main_clause_is_not_a_cataphor():
    spec = PEOPLE + [("Jane Roe", "PERSON", ["Jane Roe", "Roe"])]
    t = "Jane Roe spoke first. Maria Lopez left early, and she called the plan “a good start.”"
    assert quotes(t, spec)["a good start."].speaker == "Maria Lopez"
