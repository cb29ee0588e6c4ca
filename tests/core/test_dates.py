"""Time expressions and their resolution against the article date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.dates import find_time_expressions
from reader.core.document import Document


def D(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def doc(text: str, date: str | None = None, doc_id: str = "t") -> Document:
    return Document(id=doc_id, path=Path(f"{doc_id}.txt"), text=text, date=D(date))


def resolved(text: str, date: str | None) -> dict[str, str | None]:
    d = doc(text, date)
    out = {}
    for e in find_time_expressions(d):
        assert e.text == d.text[e.start:e.end]
        out[e.text] = e.date_iso
    return out


# (article date, text, expression as found, expected date)
TABLE = [
    # year boundaries: a month-day without a year takes the nearest year on the tense's side
    ("2022-01-03", "The talks began on December 30.", "December 30", "2021-12-30"),
    ("2022-01-03", "The talks will resume on January 10.", "January 10", "2022-01-10"),
    ("2021-12-28", "The leaders will meet on January 5.", "January 5", "2022-01-05"),
    ("2022-10-01", "The leaders met on January 5.", "January 5", "2022-01-05"),  # tense beats nearness
    ("2022-10-01", "The leaders will meet on January 5.", "January 5", "2023-01-05"),
    ("2022-01-02", "Prices rose on Dec. 31 and fell on Jan. 1.", "Dec. 31", "2021-12-31"),
    ("2022-01-02", "Prices rose on Dec. 31 and fell on Jan. 1.", "Jan. 1", "2022-01-01"),
    ("2022-06-15", "The report was published on June 20.", "June 20", "2022-06-20"),  # past tense, but a year back is too far
    # tense decides a bare weekday (2022-01-05 is a Wednesday)
    ("2022-01-05", "The ministers will meet on Monday.", "Monday", "2022-01-10"),
    ("2022-01-05", "The ministers met on Monday.", "Monday", "2022-01-03"),
    ("2022-01-05", "The ministers are set to meet on Monday.", "Monday", "2022-01-10"),
    ("2022-01-05", "Police said on Monday that the suspect will appear in court.", "Monday", "2022-01-03"),
    ("2022-01-05", "Troops were deployed on Wednesday.", "Wednesday", "2022-01-05"),
    ("2022-01-05", "Troops will be deployed on Wednesday.", "Wednesday", "2022-01-05"),
    ("2022-01-05", "A protester in Almaty on Tuesday.", "Tuesday", "2022-01-04"),  # a caption: no tense, narration
    ("2009-04-28", "Obama prepares to mark his first 100 days in office on Wednesday.", "Wednesday", "2009-04-29"),
    ("2022-01-05", "The curfew is in force until Friday.", "until Friday", "2022-01-07"),  # present: the nearer
    ("2013-09-15", "The search stopped due to low light levels on Saturday.", "Saturday", "2013-09-14"),
    ("2013-07-22", "The man is due to appear in court on Tuesday.", "Tuesday", "2013-07-23"),
    ("2022-01-07", "A demonstrator is seen at a protest on Wednesday.", "Wednesday", "2022-01-05"),
    ("2022-01-05", "He arrived last Wednesday.", "last Wednesday", "2021-12-29"),
    ("2022-01-05", "He arrives next Wednesday.", "next Wednesday", "2022-01-12"),
    ("2022-01-05", "He spoke late on Monday.", "late on Monday", "2022-01-03"),
    ("2022-01-05", "Shooting eased by Tuesday evening.", "by Tuesday evening", "2022-01-04"),
    # days relative to the article date
    ("2022-01-07", "Officials spoke yesterday.", "yesterday", "2022-01-06"),
    ("2022-01-07", "The information I saw today.", "today", "2022-01-07"),
    ("2022-01-07", "Police will patrol tonight.", "tonight", "2022-01-07"),
    ("2022-01-07", "It was quiet after last night.", "after last night", "2022-01-06"),
    ("2022-01-07", "The vote is tomorrow.", "tomorrow", "2022-01-08"),
    ("2022-01-07", "The fire started two days ago.", "two days ago", "2022-01-05"),
    ("2022-01-07", "The fire started 3 days ago.", "3 days ago", "2022-01-04"),
    ("2022-01-07", "The fire started a week or so ago.", "a week or so ago", "2021-12-31"),
    ("2022-01-07", "The fire started a week ago.", "a week ago", "2021-12-31"),
    ("2022-01-07", "He resigned three months ago.", "three months ago", "2021-10-07"),
    ("2022-01-07", "It happened the day before yesterday.", "the day before yesterday", "2022-01-05"),
    ("2022-01-07", "He arrived yesterday morning.", "yesterday morning", "2022-01-06"),
    # periods: the date is the first day, granularity says how long
    ("2022-01-08", "Troops arrived earlier this week.", "earlier this week", "2022-01-03"),
    ("2022-01-08", "He spoke this week.", "this week", "2022-01-03"),
    ("2022-01-08", "He spoke last week.", "last week", "2021-12-27"),
    ("2022-01-08", "Talks resume next month.", "next month", "2022-02-01"),
    ("2022-01-08", "Inflation rose last year.", "last year", "2021-01-01"),
    ("2022-01-05", "Crowds gathered this weekend.", "this weekend", "2022-01-08"),
    # absolute dates in their many spellings
    ("2022-01-08", "Peacekeepers are set to fly on Friday, Jan. 7, 2022.", "Friday, Jan. 7, 2022", "2022-01-07"),
    ("2022-01-07", "Troops flew to Kazakhstan on Jan 6, 2022.", "Jan 6, 2022", "2022-01-06"),
    ("2022-01-07", "A street in Almaty, Kazakhstan January 5, 2022.", "January 5, 2022", "2022-01-05"),
    ("2022-01-07", "Filed 2022-01-06 by the ministry.", "2022-01-06", "2022-01-06"),
    ("2022-01-07", "The fire on 21 July 2013 was put out.", "21 July 2013", "2013-07-21"),
    ("2022-01-07", "The strike called for the 5th of May was held.", "5th of May", "2021-05-05"),
    ("2022-01-07", "Voting is due on the 21st of March 2022.", "21st of March 2022", "2022-03-21"),
    ("2022-01-07", "Posted 12 / 16 / 08 at night.", "12 / 16 / 08", "2008-12-16"),
    ("2022-01-07", "Thursday , December 11 , 2008", "Thursday , December 11 , 2008", "2008-12-11"),
    ("2022-01-07", "Prices rose sharply in January 2021.", "January 2021", "2021-01-01"),
    ("2022-01-07", "He has served in the post since 2016.", "since 2016", "2016-01-01"),
    # ranges keep their bound word and resolve the date they name
    ("2022-01-08", "The 'blue' level will remain in effect until January 19.", "until January 19", "2022-01-19"),
    ("2022-01-08", "The curfew lasts till January 19.", "till January 19", "2022-01-19"),
    ("2022-01-08", "Markets have been closed since January 4.", "since January 4", "2022-01-04"),
    ("2022-03-10", "Prices have risen since the beginning of the year.", "since the beginning of the year", "2022-01-01"),
    ("2022-03-10", "Trade has grown since the start of February.", "since the start of February", "2022-02-01"),
    ("2022-03-10", "The talks took place in January.", "in January", "2022-01-01"),
    # times of day
    ("2008-12-13", "Firefighters were called about 9:40 p.m. Friday.", "9:40 p.m. Friday", "2008-12-12"),
    ("2008-12-13", "The vote will be on Monday at 3 p.m.", "Monday at 3 p.m.", "2008-12-15"),
    ("2008-12-13", "On Thursday the plane landed at 11 : 45 p . m . local time.", "11 : 45 p . m . local time", "2008-12-11"),
    ("2008-12-13", "The plane landed. It left at 3 p.m.", "3 p.m.", None),
    ("2022-03-10", "The talks will take place in January.", "in January", "2023-01-01"),
    # what is on a schedule is still to come, even in the present simple or after a noun
    ("2024-03-14", "A report is expected before the season starts in May.", "in May", "2024-05-01"),
    ("2024-03-14", "The authority has promised a review, with a report expected in May.", "in May", "2024-05-01"),
    ("2022-01-05", "The trial opens on Monday.", "Monday", "2022-01-10"),
    ("2022-06-15", "The report was expected in May.", "in May", "2022-05-01"),  # a past plan
]


@pytest.mark.parametrize("article_date,text,expr,expected", TABLE)
def test_resolution_table(article_date, text, expr, expected):
    found = resolved(text, article_date)
    assert expr in found, f"{expr!r} not found in {found}"
    assert found[expr] == expected


@pytest.mark.parametrize("text", [
    "The president may 2 be wrong.",
    "He met 20,000 bandits and 2,500 troops.",
    "The Mayor spoke.",
    "Sunday School is at the church on Main Street.".replace("Sunday School", "Sundays school"),
    "The score was 3 - 2 and then 2-1.",
    "In 2,500 cases the March was cancelled.",
    "Parts 1/2 are missing.",
])
def test_things_that_are_not_dates(text):
    assert resolved(text, "2022-01-07") == {}


def test_kinds_granularity_and_ranges():
    d = doc("Troops were deployed earlier this week and will stay until January 19. "
            "Almaty has been calm since the beginning of the year. He spoke on Friday morning.", "2022-01-08")
    by_text = {e.text: e for e in find_time_expressions(d)}
    week = by_text["earlier this week"]
    assert (week.kind, week.granularity, week.date, week.last) == ("period", "week", D("2022-01-03"), D("2022-01-07"))
    until = by_text["until January 19"]
    assert (until.kind, until.relation, until.date) == ("date", "until", D("2022-01-19"))
    since = by_text["since the beginning of the year"]
    assert (since.relation, since.date, since.last) == ("since", D("2022-01-01"), D("2022-01-08"))
    friday = by_text["Friday morning"]
    assert (friday.kind, friday.part_of_day, friday.date) == ("weekday", "morning", D("2022-01-07"))


def test_weekday_that_contradicts_the_date_is_noted():
    (e,) = find_time_expressions(doc("They flew on Monday, Jan. 7, 2022.", "2022-01-08"))
    assert e.date == D("2022-01-07")  # the calendar date wins over the weekday
    assert "Monday" in e.note and "Friday" in e.note


def test_weekday_picks_the_year_of_a_month_day():
    (e,) = find_time_expressions(doc("It began on Friday, Jan. 7.", "2022-06-30"))
    assert e.date == D("2022-01-07")


def test_since_an_event_is_dated_by_the_article_itself():
    d = doc("Mass protests began on January 2, prompted by prices.\n\n"
            "Almost 4,000 people have been detained since the beginning of the unrest.", "2022-01-08")
    e = next(x for x in find_time_expressions(d) if x.kind == "since_event")
    assert e.text == "since the beginning of the unrest"
    assert (e.date, e.last) == (D("2022-01-02"), D("2022-01-08"))
    assert "began on January 2" in e.note


def test_since_an_event_the_article_does_not_date_stays_unresolved():
    d = doc("Almost 4,000 people have been detained since the beginning of the unrest.", "2022-01-08")
    (e,) = find_time_expressions(d)
    assert e.date is None and e.granularity is None
    assert "event" in e.note


def test_anaphora_follow_the_narrative_day():
    d = doc("Tokayev posted a thread late on Friday. He said prices were set on January 2.\n\n"
            "Earlier in the day, he said no talks were possible.\n\n"
            "The agency opened a case on January 6 and arrested him on the same day.", "2022-01-08")
    by_text = {e.text: e.date for e in find_time_expressions(d)}
    assert by_text["Earlier in the day"] == D("2022-01-07")  # the story's day, not the background date
    assert by_text["the same day"] == D("2022-01-06")  # the day named in its own sentence


def test_the_previous_or_following_weekday_counts_from_the_day_spoken_of():
    got = resolved("Shares fell on Friday, down 3% from the previous Friday.", "2022-01-10")
    assert got["Friday"] == "2022-01-07"
    assert got["from the previous Friday"] == "2021-12-31"
    later = resolved("Talks broke off on Friday and resume the following Tuesday.", "2022-01-10")
    assert later["the following Tuesday"] == "2022-01-11"
    alone = resolved("Prices were higher than the preceding Monday.", "2022-01-10")
    assert alone["the preceding Monday"] == "2022-01-03"


@pytest.mark.parametrize("text, dated", [
    ('The minister said on NBC\'s "This Week," that talks would go on.', []),
    ('She spoke on “This Week With Anna Park” about the vote.', []),
    ("The survey was first reported by USA Today.", []),
    ('"This week was hard," he said.', ["This week"]),
    ("“Today is the day,” he said.", ["Today"]),
    ("Protests Erupt Today In The Capital", ["Today"]),
])
def test_a_programme_or_paper_named_like_a_time_is_no_time(text, dated):
    assert [e.text for e in find_time_expressions(doc(text, "2022-01-10"))] == dated


def test_every_monday_recurs_and_has_no_one_date():
    got = {e.text: e for e in find_time_expressions(doc(
        "The market opens each Thursday and every Saturday morning; it opened on Monday.", "2022-01-10"))}
    assert got["Thursday"].date is None and got["Saturday morning"].date is None
    assert "recurs" in got["Thursday"].note
    assert got["Monday"].date_iso == "2022-01-10"


def test_anaphor_without_antecedent_is_unresolved():
    (e,) = find_time_expressions(doc("The same day, officials resigned.", "2022-01-08"))
    assert e.text == "The same day" and e.date is None


def test_undated_article_lists_expressions_without_inventing_dates():
    d = doc("Talks resumed on Friday, officials said. The ceasefire collapsed two days ago.\n\n"
            "The agreement signed on March 3, 2021 remains in force until January 19.")
    found = {e.text: e for e in find_time_expressions(d)}
    assert set(found) == {"Friday", "two days ago", "March 3, 2021", "until January 19"}
    assert found["Friday"].date is None and "no date" in found["Friday"].note
    assert found["two days ago"].date is None
    assert found["until January 19"].date is None  # no year to take
    assert found["March 3, 2021"].date == D("2021-03-03")  # a full date needs no anchor


def test_vague_expressions_are_listed_unresolved():
    (e,) = find_time_expressions(doc("The unrest in recent days shocked the region.", "2022-01-07"))
    assert (e.text, e.kind, e.date) == ("recent days", "vague", None)


def test_offsets_hold_across_newlines_and_tokenised_text():
    text = "Patrick said Monday\nmorning that the deal closed December 15th , 2008 .\n"
    d = doc(text, "2008-12-16")
    found = find_time_expressions(d)
    assert [(e.text, e.date_iso) for e in found] == [("Monday", "2008-12-15"), ("December 15th , 2008", "2008-12-15")]
    for e in found:
        assert d.text[e.start:e.end] == e.text


def test_past_verb_does_not_pull_an_until_bound_into_the_past():
    found = resolved("The curfew was extended on Friday until January 19.", "2022-01-07")
    assert found["until January 19"] == "2022-01-19"


def test_anchor_windows_find_exactly_what_the_full_pattern_finds(seeds_dir):
    """scan() only tries the grammar near anchors; it must lose nothing."""
    from reader.core.dates.scanner import scan, scan_full
    from reader.core.loader import load_paths

    texts = [t for _, t, _, _ in TABLE] + [d.text for d in load_paths([seeds_dir]).documents]
    texts.append("From the previous Friday to the following  Monday, the preceding Sunday was quiet.")
    texts.append("LAST YEAR the rule ended. Since the end of the war, in 1888 and mid-2016, This Morning.")
    texts.append(" ".join(t for _, t, _, _ in TABLE))  # dense: expressions back to back
    for text in texts:
        assert scan(text) == scan_full(text), text
    caps = texts[-2]
    assert [caps[r.start:r.end] for r in scan(caps)] == [
        "LAST YEAR", "Since the end of the war", "in 1888", "mid-2016", "This Morning"]


def test_the_day_before_an_event_is_not_an_anaphor():
    found = resolved("Talks began on Monday. The day before, the minister resigned. "
                     "Protests broke out the day before the vote.", "2022-01-05")
    assert found == {"Monday": "2022-01-03", "The day before": "2022-01-02"}


def test_clock_times_carry_their_time():
    d = doc("Firefighters were called about 9:40 p.m. Friday. The vote is on Monday at 3 p.m.\n\n"
            "Shops reopen at 09:00 GMT. I am sure 3 amendments passed.", "2008-12-13")
    found = {e.text: e for e in find_time_expressions(d)}
    assert set(found) == {"9:40 p.m. Friday", "Monday at 3 p.m.", "09:00 GMT"}
    assert found["9:40 p.m. Friday"].part_of_day == "21:40"
    assert found["Monday at 3 p.m."].part_of_day == "15:00"
    assert (found["09:00 GMT"].kind, found["09:00 GMT"].part_of_day, found["09:00 GMT"].date) == ("time", "09:00 GMT", None)


@pytest.mark.parametrize("article_date", ["0001-01-01", "9999-12-31"])
def test_dates_at_the_ends_of_the_calendar_do_not_break(article_date):
    found = resolved("They met last Friday, will meet next Monday, in January and on December 30 "
                     "and the next day. It began two years ago, early next year.", article_date)
    assert "last Friday" in found and "next Monday" in found  # listed, resolved or not


def test_dateline_year_at_the_end_of_the_calendar(tmp_path):
    from reader.core.loader import load_paths

    p = tmp_path / "a.txt"
    p.write_text("MOSCOW, Dec. 31 (Reuters) - Troops met on Friday. It happened on Jan. 1, 9999.\n", encoding="utf-8")
    (d,) = load_paths([p]).documents
    assert find_time_expressions(d)  # no traceback


@pytest.mark.parametrize("text,day", [
    ("Officials hope to sign the deal Monday.", "2015-11-09"),
    ("Rebels want to hold talks on Monday.", "2015-11-09"),
    ("The vote is set for Monday.", "2015-11-09"),
    ("He was set for release on Monday.", "2015-11-02"),  # a plan told in the past
    ("The ceasefire takes effect on Monday.", "2015-11-09"),
    ("The ceasefire took effect on Monday.", "2015-11-02"),
    ("The law, which would take effect Monday, is new.", "2015-11-09"),
])
def test_intentions_and_changes_that_take_hold_look_ahead(text, day):
    # 2015-11-04 is a Wednesday
    assert resolved(text, "2015-11-04")["Monday"] == day


def test_a_month_day_with_no_tense_leans_back():
    # Aug. 6 is about as far behind a Feb. 6 article as ahead of it: news reports more than it announces
    assert resolved("A record high for the index on Aug. 6.", "1998-02-06")["Aug. 6"] == "1997-08-06"
    # ... unless the one ahead is much nearer
    assert resolved("A record high for the index on March 6.", "1998-02-06")["March 6"] == "1998-03-06"
    assert resolved("The index will top its record high by Aug. 6.", "1998-02-06")["by Aug. 6"] == "1998-08-06"


@pytest.mark.parametrize("text,expr,day", [
    ("In the port city, today is the fifth day of the dock strike.", "the fifth day", "2022-03-09"),
    ("It's the second day of a siege of the old town.", "the second day", "2022-03-09"),
    ("It is the third straight day of rallies in the capital.", "the third straight day", "2022-03-09"),
])
def test_the_nth_day_of_what_is_reported_now_is_the_article_day(text, expr, day):
    found = find_time_expressions(doc(text, "2022-03-09"))
    e = next(e for e in found if e.text == expr)
    assert (e.date_iso, e.kind) == (day, "relative_day")


@pytest.mark.parametrize("text", [
    "On the third day of the talks, the envoy walked out.",
    "The fifth day of the trial brought new witnesses.",
])
def test_the_nth_day_in_narration_is_not_dated(text):
    assert resolved(text, "2022-03-09") == {}


@pytest.mark.parametrize("text,expected", [
    ("The firm paid twice as much this year as last.", ("2030-01-01", "year")),
    ("Sales were higher this month than last, the group said.", ("2031-05-01", "month")),
    ("It was warmer this year than last and the rain came early.", ("2030-01-01", "year")),
])
def test_last_said_once_after_this_year_is_last_year(text, expected):
    found = find_time_expressions(doc(text, "2031-06-11"))
    e = next(e for e in found if e.text == "last")
    assert (e.date_iso, e.granularity, e.kind) == (*expected, "period")


def test_last_before_a_unit_is_not_the_elliptic_one():
    found = [e.text for e in find_time_expressions(doc("He earned more this week than last week's total.", "2031-06-11"))]
    assert found == ["this week", "last week"]


@pytest.mark.parametrize("text,expected", [
    ("If I were choosing the people of tomorrow, I would pick them.", ("future_ref", None)),
    ("These are the problems of today, he said.", ("present", "2031-11-02")),
    ("Talks go on until the end of today.", ("relative_day", "2031-11-02")),
    ("The results of today's vote are due.", ("relative_day", "2031-11-02")),
    ("The rest of tomorrow is free.", ("relative_day", "2031-11-03")),
])
def test_the_world_of_tomorrow_is_the_future_not_a_day(text, expected):
    e = find_time_expressions(doc(text, "2031-11-02"))[0]
    assert (e.kind, e.date_iso) == expected
