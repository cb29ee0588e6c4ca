"""Which way the verb around a month or weekday points: past, ahead or the month nearest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.dates import find_time_expressions
from reader.core.document import Document


def date_of(text: str, article_date: str, expr: str) -> str | None:
    d = Document(id="t", path=Path("t.txt"), text=text, date=dt.date.fromisoformat(article_date))
    found = {e.text: e.date_iso for e in find_time_expressions(d)}
    return found[expr]


# (article date, text, expression, expected date)
CASES = [
    # a plural present of a timetable verb is still to come; its infinitive says nothing
    ("2031-03-12", "The two ministers meet separately Monday with the mediator.", "Monday", "2031-03-17"),
    ("2031-03-12", "The two ministers met separately Monday with the mediator.", "Monday", "2031-03-10"),
    ("2031-03-12", "It was hard for the mill to meet orders in January.", "in January", "2031-01-01"),
    # the present of a verb of doing, with a day, is on the agenda; after a determiner or a possessive it is a noun
    ("2031-03-12", "The president travels to the coast on Friday.", "Friday", "2031-03-14"),
    ("2031-03-12", "The president traveled to the coast on Friday.", "Friday", "2031-03-07"),
    ("2031-03-12", "Voters go to the polls on Sunday.", "Sunday", "2031-03-16"),
    ("2031-03-12", "The champions host the runners-up Saturday.", "Saturday", "2031-03-15"),
    ("2031-03-12", "The appeals court hears the case in May.", "in May", "2031-05-01"),
    ("2031-03-12", "His visit on Friday was brief.", "Friday", "2031-03-07"),
    ("2031-03-12", "The side that won Thursday's play lost on Saturday.", "Thursday", "2031-03-06"),
    ("2031-03-12", "The firm could not go back to the market on Monday.", "Monday", "2031-03-10"),
    ("2031-03-12", "The feud goes back to a meeting in February.", "in February", "2031-02-01"),
    # a day that "is" or "are" says of its subject is on the agenda; a caption's "is seen ... on" is not
    ("2031-03-12", "The election is on Sunday.", "Sunday", "2031-03-16"),
    ("2031-03-12", "The deadline for bids is Monday.", "Monday", "2031-03-17"),
    ("2031-03-12", "The curfew is in force until Monday.", "until Monday", "2031-03-17"),
    ("2031-03-12", "A protester is seen at a rally on Monday.", "Monday", "2031-03-10"),
    ("2031-03-12", "The city is calm after Monday's riots.", "after Monday", "2031-03-10"),
    ("2031-03-12", "These are what jurors heard Tuesday.", "Tuesday", "2031-03-11"),
    # "starting Monday", "beginning Friday": from then on
    ("2031-03-12", "Fares rise starting Monday.", "Monday", "2031-03-17"),
    ("2031-03-12", "A curfew beginning Friday covers the city.", "Friday", "2031-03-14"),
    ("2031-03-12", "The curfew began Friday.", "Friday", "2031-03-07"),
    # "would" is the future of a report; "would have" looks back
    ("2031-03-12", "The minister said he would sign the deal on Friday.", "Friday", "2031-03-14"),
    ("2031-03-12", "The deal would have been signed on Monday.", "Monday", "2031-03-10"),
    # a verb after "and" is another clause's: the one before the day governs it
    ("2031-03-12", "Talks broke off on Friday and resume later this month.", "Friday", "2031-03-07"),
    # a passive after "be" is the modal's tense, not a past
    ("2031-03-10", "The new bridge will be opened to traffic in November.", "in November", "2031-11-01"),
    ("2031-03-10", "The school is to be rebuilt by October.", "by October", "2031-10-01"),
    ("2031-03-10", "The old bridge was opened to traffic in November.", "in November", "2030-11-01"),
    # "supposed to" points ahead
    ("2031-03-10", "Repairs that are supposed to finish by June are late.", "by June", "2031-06-01"),
    # a verb after a comma belongs to the main clause, not to the phrase before the comma
    ("2031-03-10", "The league that will hold its final in May, announced a new sponsor.", "in May", "2031-05-01"),
    ("2031-03-10", "In May, the league announced a new sponsor.", "In May", "2030-05-01"),
    ("2031-03-10", "The league announced a new sponsor in May.", "in May", "2030-05-01"),
    # "effective" dates when a change takes hold
    ("2031-11-02", "The bank named a new treasurer, effective Feb. 1.", "Feb. 1", "2032-02-01"),
    ("2031-11-02", "The bank named a new treasurer, effective Oct. 1.", "Oct. 1", "2031-10-01"),  # a year ahead: too far
    # an -ed word after a determiner is an adjective, not a past tense
    ("2031-11-02", "The dividend would go out on a still unspecified date in January.", "in January", "2032-01-01"),
    ("2031-11-02", "The dividend went out on a date in January.", "in January", "2031-01-01"),
    # a participle after its noun ("-ed by") or an "un-...-ed" adjective is no past tense
    ("2031-02-10", "The ferry line will add two crossings by July to towns untouched by the floods.", "by July", "2031-07-01"),
    ("2031-02-10", "The mill will reopen in June, a plant damaged by the fire.", "in June", "2031-06-01"),
    ("2031-02-10", "The mill will reopen in June with unfinished repairs.", "in June", "2031-06-01"),
    ("2031-02-10", "The mill was damaged by the fire in June.", "in June", "2030-06-01"),
    # a past verb does not pull the end of an extension into the past
    ("2031-10-20", "Lenders have extended the credit line through January.", "through January", "2032-01-01"),
    ("2031-10-20", "Lenders extended the credit line in January.", "in January", "2031-01-01"),
    # a deed agreed or decided in the past has no tense of its own: the month nearest, leaning back
    ("2031-10-30", "The maker agreed to sell its pump line for $20 million in February.", "in February", "2032-02-01"),
    ("2031-11-02", "The bank announced an agreement to acquire a rival lender in January.", "in January", "2032-01-01"),
    ("2031-10-30", "The board voted to close the plant in September.", "in September", "2031-09-01"),
    ("2031-11-02", "The bank announced an agreement in January.", "in January", "2031-01-01"),
    ("2031-10-30", "The firms agreed to the merger in February.", "in February", "2031-02-01"),
    # with no marker near it, a date takes the tense of the one before it in the sentence
    ("2031-02-13", "The ferry firm said it would add crossings on Mondays from March 30, with a third sailing "
     "departing each Thursday from August 6.", "from August 6", "2031-08-06"),
    ("2031-02-13", "The ferry firm added crossings on Mondays from January 30, with a third sailing "
     "departing each Thursday from August 6.", "from August 6", "2030-08-06"),
    ("2031-02-13", "A third sailing departing each Thursday from August 6.", "from August 6", "2030-08-06"),
    # no tense: a month behind wins unless the one ahead is much nearer
    ("2031-10-20", "Shares of the brewer were a bargain at $3 in March.", "in March", "2031-03-01"),
    ("2031-10-20", "Shares of the brewer at $3 in March.", "in March", "2031-03-01"),
    ("2031-10-20", "Shares of the brewer at $3 in January.", "in January", "2032-01-01"),
    ("2031-10-20", "Shares of the brewer at $3 in September.", "in September", "2031-09-01"),
]


@pytest.mark.parametrize("article_date,text,expr,expected", CASES)
def test_tense_picks_the_month(article_date, text, expr, expected):
    assert date_of(text, article_date, expr) == expected
