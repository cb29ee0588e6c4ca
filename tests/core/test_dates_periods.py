"""Quarters, seasons, holidays, decades, spelled years and the words for now, the past and the future."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.dates import find_time_expressions
from reader.core.dates.scanner import scan, scan_full
from reader.core.document import Document


def found(text: str, date: str | None) -> dict:
    d = Document(id="t", path=Path("t.txt"), text=text, date=dt.date.fromisoformat(date) if date else None)
    out = {}
    for e in find_time_expressions(d):
        assert e.text == d.text[e.start:e.end]
        out[e.text] = e
    return out


# (article date, text, expression, kind, date, granularity)
CASES = [
    # quarters: the latest such quarter begun by the article date; in future context the next not yet reported
    ("2015-11-04", "Sales rose 4% in the third quarter.", "the third quarter", "quarter", "2015-07-01", "quarter"),
    ("2015-11-04", "The chain posted third-quarter profit of $2 million.", "third-quarter", "quarter", "2015-07-01", "quarter"),
    ("2015-11-04", "It expects to break even in the first quarter.", "the first quarter", "quarter", "2016-01-01", "quarter"),
    ("2015-11-04", "The firm will report fourth-quarter results.", "fourth-quarter", "quarter", "2015-10-01", "quarter"),
    ("2015-11-04", "Output fell in the second quarter of 2012.", "the second quarter of 2012", "quarter", "2012-04-01", "quarter"),
    ("2015-11-04", "Costs rose in the fiscal first quarter.", "the fiscal first quarter", "quarter", "2015-01-01", "quarter"),
    ("2015-11-04", "Margins are better in the current quarter.", "the current quarter", "quarter", "2015-10-01", "quarter"),
    ("2015-11-04", "Margins widened in the latest quarter.", "the latest quarter", "quarter", "2015-07-01", "quarter"),
    ("2015-11-04", "Sales fell last quarter.", "last quarter", "quarter", "2015-07-01", "quarter"),
    # years: fiscal, bare, spelled out
    ("2015-11-04", "Revenue for fiscal 2014 was flat.", "fiscal 2014", "year", "2014-01-01", "year"),
    ("2015-11-04", "The 2012 budget was cut.", "2012", "year", "2012-01-01", "year"),
    ("2015-11-04", "She was born in nineteen fifty-two.", "nineteen fifty-two", "year", "1952-01-01", "year"),
    ("2015-11-04", "He dreamed of the year two thousand and ten.", "the year two thousand and ten", "year", "2010-01-01", "year"),
    ("2015-11-04", "Profit for the year will top forecasts.", "the year", "year", "2015-01-01", "year"),
    ("2015-11-04", "The loan falls due at year-end.", "year-end", "period", "2015-12-01", "year"),
    ("2015-11-04", "The index is up 8% since year-end.", "since year-end", "period", "2014-12-31", "day"),
    ("2015-11-04", "Prices have doubled from year-end levels.", "from year-end", "period", "2014-12-31", "day"),
    ("2015-11-04", "The sale should close by year's end.", "by year's end", "period", "2015-12-01", "year"),
    ("2015-11-04", "Stocks should recover by the end of the year.", "by the end of the year", "period", "2015-12-01", "year"),
    ("2015-11-04", "The deal closes at the end of March.", "the end of March", "period", "2016-03-21", "month"),  # on a schedule: to come
    # seasons
    ("2015-11-04", "The plant closed last spring.", "last spring", "season", "2015-03-01", "season"),
    ("2015-11-04", "Work starts next summer.", "next summer", "season", "2016-06-01", "season"),
    ("2015-11-04", "Rates rose this fall.", "this fall", "season", "2015-09-01", "season"),
    ("2015-11-04", "The storm of the winter of 2010 was long.", "the winter of 2010", "season", "2010-12-01", "season"),
    # holidays
    ("2015-11-04", "Stores will open on Thanksgiving Day.", "Thanksgiving Day", "holiday", "2015-11-26", "day"),
    ("2015-11-04", "They met at Easter.", "Easter", "holiday", "2015-04-05", "day"),
    ("2015-11-04", "The parade is on Labor Day 2016.", "Labor Day 2016", "holiday", "2016-09-05", "day"),
    ("2015-11-04", "Troops will be home by Christmas.", "by Christmas", "holiday", "2015-12-25", "day"),
    # decades
    ("2015-11-04", "Prices peaked in the 1980s.", "the 1980s", "decade", "1980-01-01", "decade"),
    ("2015-11-04", "The band toured in the late nineties.", "the late nineties", "decade", "1990-01-01", "decade"),
    ("2015-11-04", "Crime rose over the past decade.", "the past decade", "decade", "2005-11-04", "decade"),
    # now, the past, the future
    ("2015-11-04", "The plant now employs 200.", "now", "present", "2015-11-04", "day"),
    ("2015-11-04", "She currently leads the team.", "currently", "present", "2015-11-04", "day"),
    ("2015-11-04", "He recently moved.", "recently", "past_ref", None, None),
    ("2015-11-04", "In the past, it was cheaper.", "the past", "past_ref", None, None),
    ("2015-11-04", "A deal may come soon.", "soon", "future_ref", None, None),
    ("2015-11-04", "Rates will stay low in the near future.", "the near future", "future_ref", None, None),
    ("2015-11-04", "Prices may fall in the coming months.", "the coming months", "future_ref", None, None),
    ("2015-11-04", "Attacks have grown in recent years.", "recent years", "vague", None, None),
    # a month with its year said another way, or relative to the article's year
    ("2015-11-04", "The mill closed in March nineteen eighty-two.", "March nineteen eighty-two", "month", "1982-03-01", "month"),
    ("2015-11-04", "The shop opened in June last year.", "in June last year", "month", "2014-06-01", "month"),
    ("2015-11-04", "Voting starts in February next year.", "in February next year", "month", "2016-02-01", "month"),
    ("2015-03-04", "The fair opens this September.", "this September", "month", "2015-09-01", "month"),
    ("2015-11-04", "The firm cut jobs this September.", "this September", "month", "2015-09-01", "month"),
    # a month without a preposition of place in time
    ("2016-02-05", "Hiring for January beat forecasts.", "for January", "month", "2016-01-01", "month"),
    ("2016-02-05", "After a revision to December's figures, growth looked steady.", "December", "month", "2015-12-01", "month"),
    ("2016-02-05", "The pool stayed shut through August.", "through August", "month", "2015-08-01", "month"),
    # the month after the article's is the coming one, even in a past sentence ("last November" is the other)
    ("2015-10-29", "Dealers placed orders for November deliveries.", "for November", "month", "2015-11-01", "month"),
    ("2015-10-29", "Dealers placed orders last November.", "last November", "month", "2014-11-01", "month"),
    ("2015-10-29", "Prices have risen since November.", "since November", "month", "2014-11-01", "month"),
    # "last September" in October: the month just gone would be "last month", so it is the one a year before
    ("2015-10-29", "The ferry sank last September.", "last September", "month", "2014-09-01", "month"),
    ("2015-10-29", "The ferry sank last August.", "last August", "month", "2015-08-01", "month"),
    # a quarter of a year named relative to the article's
    ("2015-11-04", "Sales fell in this year's third quarter.", "this year's third quarter", "quarter", "2015-07-01", "quarter"),
    ("2015-11-04", "It expects a gain in next year's first quarter.", "next year's first quarter", "quarter", "2016-01-01", "quarter"),
    # a quarter of a year relative to the article's ("of next year"), named by the month it ends (the three
    # months that end with it), or written Q and its number
    # a year ended on a day: the twelve months to it, named by the year they end in
    ("2015-11-04", "It expects a loss in the year ending June 30, 2016, to widen.", "the year", "year", "2016-01-01", "year"),
    ("2015-11-04", "The unit had revenue of $76 million for the year ended March 31.", "the year", "year", "2015-01-01", "year"),
    ("2015-11-04", "For the fiscal year ended Dec. 31, the mill lost money.", "the fiscal year", "year", "2014-01-01", "year"),
    ("2015-11-04", "For the year ending Dec. 31, sales will rise.", "the year", "year", "2015-01-01", "year"),
    # ... or by its three months
    ("2015-11-04", "Profit rose in the July-September quarter.", "the July-September quarter", "quarter", "2015-07-01", "quarter"),
    ("2015-11-04", "The April–June quarter was weak.", "The April–June quarter", "quarter", "2015-04-01", "quarter"),
    ("2015-11-04", "Output should recover in the first quarter of next year.", "the first quarter of next year", "quarter", "2016-01-01", "quarter"),
    ("2015-11-04", "Output fell in the fourth quarter of last year.", "the fourth quarter of last year", "quarter", "2014-10-01", "quarter"),
    ("2015-11-04", "Growth slowed in the second quarter of this year.", "the second quarter of this year", "quarter", "2015-04-01", "quarter"),
    ("2015-11-04", "The miner's output rose in the September quarter.", "the September quarter", "quarter", "2015-07-01", "quarter"),
    ("2015-11-04", "The grocer's December-quarter sales will rise.", "December-quarter", "quarter", "2015-10-01", "quarter"),
    ("2015-11-04", "Acme's June quarter was its best.", "June quarter", "quarter", "2015-04-01", "quarter"),
    ("2015-11-04", "Their November quarter of 2014 was weak.", "Their November quarter of 2014", "quarter", "2014-09-01", "quarter"),
    ("2015-11-04", "The February quarter of 2015 was weak.", "The February quarter of 2015", "quarter", "2014-12-01", "quarter"),
    ("2015-11-04", "Revenue jumped in Q3.", "Q3", "quarter", "2015-07-01", "quarter"),
    ("2015-11-04", "The retailer's Q2 results disappointed.", "Q2", "quarter", "2015-04-01", "quarter"),
    ("2015-11-04", "Margins were thin in Q4 2013.", "Q4 2013", "quarter", "2013-10-01", "quarter"),
    ("2015-11-04", "Margins were thin in Q1 of 2014.", "Q1 of 2014", "quarter", "2014-01-01", "quarter"),
    ("2015-11-04", "Q1 earnings beat forecasts.", "Q1", "quarter", "2015-01-01", "quarter"),
    # halves of a year (not of a game: see below)
    ("2015-11-04", "Profit rose 5% in the first half.", "the first half", "half", "2015-01-01", "half"),
    ("2015-11-04", "Sales will pick up in the second half of 2016.", "the second half of 2016", "half", "2016-07-01", "half"),
    ("2015-11-04", "First-half earnings beat forecasts.", "First-half", "half", "2015-01-01", "half"),
    ("2015-11-04", "The first half's sales rose.", "The first half", "half", "2015-01-01", "half"),
    ("2015-11-04", "The chain expects growth in the second half of the year.", "the second half of the year", "half", "2015-07-01", "half"),
    ("2015-11-04", "Orders fell in the latter half of last year.", "the latter half of last year", "half", "2014-07-01", "half"),
    ("2015-11-04", "Rates may rise in the back half of next year.", "the back half of next year", "half", "2016-07-01", "half"),
    ("2015-11-04", "The year-earlier first half was weaker.", "The year-earlier first half", "half", "2014-01-01", "half"),
    ("2015-11-04", "Revenue grew in H1 2014.", "H1 2014", "half", "2014-01-01", "half"),
    ("2015-11-04", "Costs rose in the first half of fiscal 2013.", "the first half of fiscal 2013", "half", "2013-01-01", "half"),
    ("2015-11-04", "Sales rose in the last half of 1989.", "the last half of 1989", "half", "1989-07-01", "half"),
    ("2015-11-04", "The mill will report second-half results.", "second-half", "half", "2015-07-01", "half"),
    # centuries, as TimeML counts them (the 20th is 1900 to 1999)
    ("2015-11-04", "It was the worst flood of the 20th century.", "the 20th century", "century", "1900-01-01", "century"),
    ("2015-11-04", "A 19th-century church stands nearby.", "19th-century", "century", "1800-01-01", "century"),
    ("2015-11-04", "The early twenty-first century saw the rise of phones.", "The early twenty-first century", "century", "2000-01-01", "century"),
    ("2015-11-04", "The nineteenth century was long.", "The nineteenth century", "century", "1800-01-01", "century"),
    ("2015-11-04", "It is the biggest deal this century.", "this century", "century", "2000-01-01", "century"),
    ("2015-11-04", "Few wars of the last century were shorter.", "the last century", "century", "1900-01-01", "century"),
    ("2015-11-04", "Trade boomed in the 1800s.", "the 1800s", "century", "1800-01-01", "century"),
    ("2015-11-04", "Mills closed in the early 1900s.", "the early 1900s", "century", "1900-01-01", "century"),
    # a decade by its tens, with the apostrophe
    ("2015-11-04", "The fund struggled in the '80s.", "the '80s", "decade", "1980-01-01", "decade"),
    ("2015-11-04", "Rents soared in the mid-’90s.", "the mid-’90s", "decade", "1990-01-01", "decade"),
    ("2015-11-04", "Rents soared in the ’00s.", "the ’00s", "decade", "2000-01-01", "decade"),
    # a week of a month: the Monday-to-Sunday week that holds the middle of those seven days
    ("2015-11-04", "Output fell in the first week of March.", "the first week of March", "period", "2015-03-02", "week"),
    ("2015-11-04", "The vote is set for the last week of November.", "the last week of November", "period", "2015-11-23", "week"),
    ("2015-11-04", "Talks are due in the second week of June 2016.", "the second week of June 2016", "period", "2016-06-06", "week"),
    # a season of a year relative to the article's
    ("2015-11-04", "The law was passed in the spring of last year.", "in the spring of last year", "season", "2014-03-01", "season"),
    ("2015-11-04", "The fall of next year will be busy.", "The fall of next year", "season", "2016-09-01", "season"),
    # the other day
    ("2015-11-04", "I saw him the other day.", "the other day", "past_ref", None, None),
    # more holidays: fixed, counted from Thanksgiving or from Easter
    ("2015-11-04", "Parades will be held on the Fourth of July.", "Fourth of July", "holiday", "2016-07-04", "day"),
    ("2015-11-04", "Shops will open early on Black Friday.", "Black Friday", "holiday", "2015-11-27", "day"),
    ("2015-11-04", "Online sales will peak on Cyber Monday.", "Cyber Monday", "holiday", "2015-11-30", "day"),
    ("2015-11-04", "Pubs were full on St. Patrick's Day.", "St. Patrick's Day", "holiday", "2015-03-17", "day"),
    ("2015-11-04", "Lent began on Ash Wednesday.", "Ash Wednesday", "holiday", "2015-02-18", "day"),
    ("2015-11-04", "The parade was held on Mardi Gras.", "Mardi Gras", "holiday", "2015-02-17", "day"),
    ("2015-11-04", "Veterans met on Remembrance Day.", "Remembrance Day", "holiday", "2014-11-11", "day"),
    # the beginning, middle or end of a week or a decade
    ("2015-11-04", "A decision is expected by the end of the week.", "by the end of the week", "period", "2015-11-06", "week"),
    ("2015-11-04", "Talks ended at the end of last week.", "the end of last week", "period", "2015-10-30", "week"),
    ("2015-11-04", "The plan runs to the end of the decade.", "the end of the decade", "period", "2017-01-01", "decade"),
    # centuries counted back
    ("2015-11-04", "A century ago, the town was small.", "A century ago", "ago", "1915-11-04", "year"),
    ("2015-11-04", "Two centuries ago it was a village.", "Two centuries ago", "ago", "1815-11-04", "year"),
    ("2015-11-04", "The bridge opened in 1890. A century later it fell.", "A century later", "anaphoric", "1990-01-01", "year"),
    # a fiscal year written FY
    ("2015-11-04", "Sales rose in FY2013.", "FY2013", "year", "2013-01-01", "year"),
    ("2015-11-04", "Sales will rise in FY 2016.", "FY 2016", "year", "2016-01-01", "year"),
    ("2015-11-04", "FY14 was weak.", "FY14", "year", "2014-01-01", "year"),
]


@pytest.mark.parametrize("date,text,expr,kind,day,gran", CASES)
def test_period_kinds(date, text, expr, kind, day, gran):
    got = found(text, date)
    assert expr in got, f"{expr!r} not in {list(got)}"
    e = got[expr]
    assert (e.kind, e.date_iso, e.granularity) == (kind, day, gran)


@pytest.mark.parametrize("text,expr,day", [
    ("The sale of the unit is expected in January.", "in January", "2016-01-01"),
    ("Payment of the dividend is due in February.", "in February", "2016-02-01"),
    ("A vote is scheduled for March.", "for March", "2016-03-01"),
    ("Trading is to resume on Tuesday.", "Tuesday", "2015-11-10"),
    ("Sales slumped due to the heat in August.", "in August", "2015-08-01"),
])
def test_words_that_point_ahead_set_the_tense(text, expr, day):
    # 2015-11-04 is a Wednesday; a plain past-tense "-ed" word would have put each of these before it
    got = found(text, "2015-11-04")
    assert got[expr].date_iso == day


def test_a_quarter_has_its_last_day():
    e = found("Sales rose in the third quarter.", "2015-11-04")["the third quarter"]
    assert e.last == dt.date(2015, 9, 30)


def test_the_story_quarter_carries_to_the_quarter_and_a_year_earlier():
    got = found("Profit fell in the second quarter. Sales in the quarter were flat, and lower than a year "
                "earlier. The year-earlier quarter had a gain.", "2015-11-04")
    assert got["the second quarter"].date_iso == "2015-04-01"
    assert (got["the quarter"].date_iso, got["the quarter"].granularity) == ("2015-04-01", "quarter")
    assert (got["a year earlier"].date_iso, got["a year earlier"].granularity) == ("2014-04-01", "quarter")
    assert got["The year-earlier quarter"].date_iso == "2014-04-01"


def test_a_forecast_quarter_does_not_become_the_quarter_reported_on():
    got = found("The mill lost money in the third quarter. Analysts see losses through the first quarter of 2016. "
                "In the year-ago period it earned $4 million.", "2015-11-04")
    assert got["through the first quarter of 2016"].date_iso == "2016-01-01"
    assert got["the year-ago period"].date_iso == "2014-07-01"


def test_a_year_ago_in_a_story_about_a_quarter_is_that_quarter_a_year_before():
    got = found("Net income rose in the third quarter and beat a year ago.", "2015-11-04")
    assert (got["a year ago"].date_iso, got["a year ago"].granularity) == ("2014-07-01", "quarter")
    plain = found("He moved here a year ago.", "2015-11-04")["a year ago"]
    assert (plain.date_iso, plain.granularity) == ("2014-11-04", "year")


def test_a_span_counts_from_the_time_spoken_of():
    got = found("The plant opened in 2009. Two years later it closed.", "2015-11-04")
    assert (got["Two years later"].date_iso, got["Two years later"].granularity) == ("2011-01-01", "year")


def test_without_an_article_date_relative_periods_stay_open():
    got = found("Sales rose in the third quarter. The plant now employs 200. Prices peaked in the 1980s.", None)
    assert got["the third quarter"].date is None and got["now"].date is None
    assert got["the 1980s"].date_iso == "1980-01-01"


@pytest.mark.parametrize("text", [
    "The fall of the city shocked them.",
    "Two thousand people marched.",
    "They live on Spring Street.",
    "He visited Easter Island.",
    "The period of mourning ended.",
    "Prices rose 1990 percent.",
    "It cost $1990.",
    "They will leave as soon as possible.",
    "The first time he spoke, he lost.",
])
def test_not_periods(text):
    assert found(text, "2015-11-04") == {}


def test_anchor_windows_find_what_the_full_grammar_finds():
    texts = [t for _, t, *_ in CASES]
    texts.append(" ".join(texts))
    texts.append("Until now the comparable year-ago third quarter and the corresponding fiscal fourth quarter "
                 "were weak; in the early summer of 2010, through the foreseeable future, Good Friday and "
                 "Easter Monday, Martin Luther King Jr. Day, the mid-1990s and the year-earlier period; "
                 "the following month and the following  week, by year's end and the year’s end.")
    texts.append("For January's figures, of May, for Mayors, through August, June last year, July nineteen "
                 "ninety, last year's third quarter and this year's rise; December's sales.")
    for text in texts:
        assert scan(text) == scan_full(text), text


def test_the_latest_period_is_the_quarter_the_story_reports_on():
    got = found("The chain closed its fiscal second quarter with a loss. The latest period included a charge.",
                "2015-11-04")
    assert got["The latest period"].date_iso == "2015-04-01"
    alone = found("The latest period included a charge.", "2015-11-04")["The latest period"]
    assert (alone.date_iso, alone.granularity) == ("2015-07-01", "quarter")


def test_last_years_figure_in_a_story_about_a_quarter_is_that_quarter_a_year_before():
    got = found("Profit rose in the third quarter to $5 million from last year's $4 million.", "2015-11-04")
    assert (got["from last year"].date_iso, got["from last year"].granularity) == ("2014-07-01", "quarter")
    plain = found("Sales will rise this year, up from last year's total.", "2015-11-04")["from last year"]
    assert (plain.date_iso, plain.granularity) == ("2014-01-01", "year")
    no_quarter = found("He left the firm last year.", "2015-11-04")["last year"]
    assert no_quarter.granularity == "year"


def test_a_year_earlier_than_a_span_of_months_is_the_year_before():
    got = found("Profit rose in the third quarter. For the first nine months, net income was $9 million, up "
                "from $7 million a year earlier.", "2015-11-04")
    assert (got["a year earlier"].date_iso, got["a year earlier"].granularity) == ("2014-01-01", "year")
    adj = found("Sales fell in the fourth quarter. For the six months, the chain lost $2 million, against "
                "year-earlier net income of $1 million.", "2015-11-04")["year-earlier"]
    assert (adj.date_iso, adj.granularity) == ("2014-01-01", "year")
    half = found("The brewer earned more in the third quarter. In the first half it earned $8 million, against "
                 "$6 million in the 2014 period.", "2015-11-04")["the 2014 period"]
    assert (half.date_iso, half.granularity) == ("2014-01-01", "year")
    background = found("The chief joined in 2009. For the first nine months, net income was up from a year "
                       "earlier.", "2015-11-04")["from a year earlier"]
    assert (background.date_iso, background.granularity) == ("2014-01-01", "year")
    # a quarter named as such stays a quarter
    q = found("Profit fell in the third quarter. For the nine months, sales rose. Profit was $3 million in the "
              "2014 quarter.", "2015-11-04")["the 2014 quarter"]
    assert (q.date_iso, q.granularity) == ("2014-07-01", "quarter")


def test_the_year_earlier_results_after_last_year_are_those_of_last_year():
    got = found("Storm losses cut the insurer's profit. Last year storm losses were $5 million. The "
                "year-earlier results were restated for a change in accounting.", "2015-11-04")
    assert (got["year-earlier"].date_iso, got["year-earlier"].granularity) == ("2014-01-01", "year")
    # a year further back is still counted from
    older = found("In 2011 the insurer lost money. The year-earlier results were restated.", "2015-11-04")
    assert older["year-earlier"].date_iso == "2010-01-01"


def test_a_period_of_an_earlier_year_only_compares_with_the_quarter_reported_on():
    got = found("The mill earned $3 million in the third quarter, against $2 million in the 2014 period. "
                "Shipments in the quarter rose, and the year-ago results included a charge.", "2015-11-04")
    assert got["the quarter"].date_iso == "2015-07-01"
    assert (got["year-ago"].date_iso, got["year-ago"].granularity) == ("2014-07-01", "quarter")


def test_last_years_quarter_and_the_same_period_last_year_are_the_quarter_a_year_before():
    quarter = found("The store chain lost money in the second quarter. Among this year's figures, sales rose, "
                    "and last year's quarter had a gain.", "2015-11-04")["last year"]
    assert (quarter.date_iso, quarter.granularity) == ("2014-04-01", "quarter")
    period = found("The store chain lost money in the second quarter, more than in the comparable period "
                   "last year.", "2015-11-04")["the comparable period last year"]
    assert (period.date_iso, period.granularity) == ("2014-04-01", "quarter")
    plain = found("The store chain lost money in the second quarter. It opened a store last year.",
                  "2015-11-04")["last year"]
    assert plain.granularity == "year"


def test_an_earlier_quarter_named_in_passing_does_not_replace_the_quarter_reported_on():
    got = found("The maker posted higher third-quarter profit. After a weak second quarter, demand recovered. "
                "The year-earlier period included a charge.", "2015-11-04")
    assert got["The year-earlier period"].date_iso == "2014-07-01"
    fiscal = found("The chain's third-quarter sales rose. A rival posted a loss for its fiscal second quarter. "
                   "The quarter included a charge.", "2015-11-04")
    assert fiscal["The quarter"].date_iso == "2015-04-01"


def test_the_following_month_or_week_is_after_the_time_spoken_of():
    got = found("The company was founded in March 2012. The following month it hired ten people. It opened "
                "on May 3, 2012, and the following week it closed.", "2015-11-04")
    month = got["The following month"]
    assert (month.date_iso, month.granularity, month.last.isoformat()) == ("2012-04-01", "month", "2012-04-30")
    week = got["the following week"]
    assert (week.date_iso, week.granularity) == ("2012-05-07", "week")
    # no time spoken of yet: counted from the article date, as "a year earlier" is
    assert found("The following month was calm.", "2015-11-04")["The following month"].date_iso == "2015-12-01"


def test_year_ago_results_are_the_quarter_reported_on_a_year_before():
    # the day named last ("Sept. 30") is where the quarter ends, not what "year-ago" counts from
    got = found("Acme lost $3 million for the quarter ended Sept. 30. The year-ago results included a gain, "
                "and year-earlier sales were higher.", "2015-11-04")
    for expr in ("year-ago", "year-earlier"):
        assert (got[expr].date_iso, got[expr].granularity) == ("2014-07-01", "quarter")


def test_year_ago_without_a_quarter_still_counts_from_the_day_spoken_of():
    got = found("The plant opened on March 3. Year-ago output was lower.", "2015-11-04")
    assert (got["Year-ago"].date_iso, got["Year-ago"].granularity) == ("2014-03-03", "day")


def test_an_amount_last_year_in_a_story_about_a_quarter_is_that_quarter_a_year_before():
    got = found("Acme's third-quarter profit rose to $5 million, compared with a loss of $2 million last year.",
                "2015-11-04")
    assert (got["last year"].date_iso, got["last year"].granularity) == ("2014-07-01", "quarter")
    # without a quarter spoken of, or without an amount just before, last year stays the year
    assert found("It lost $2 million last year.", "2015-11-04")["last year"].granularity == "year"
    assert found("In the third quarter sales rose. Prices rose last year.", "2015-11-04")["last year"].granularity == "year"


def test_the_quarter_ended_a_day_is_the_three_months_to_it_when_no_quarter_was_named():
    got = found("Jayark had sales of $3 million in the quarter ended July 31.", "2015-11-04")
    assert (got["the quarter"].date_iso, got["the quarter"].granularity) == ("2015-04-01", "quarter")
    # a quarter named before keeps its number: "the quarter" is that one
    got = found("Sun lost money in its fiscal first quarter. In the quarter ended Sept. 30, sales fell.", "2015-11-04")
    assert got["the quarter"].date_iso == "2015-01-01"


def test_the_future_of_something_is_its_prospects_not_a_time():
    got = found("The future of the plant is unclear, but in the future it may reopen.", "2015-11-04")
    assert [e.start for e in got.values()] == [got["the future"].start]
    assert got["the future"].start > 10


@pytest.mark.parametrize("text,expr", [
    ("He runs a venture called Orion 1980, which makes rockets.", None),
    ("Talks with Sinn Fein since 1972 have failed.", "since 1972"),
    ("The U.S. 1990 budget is late.", "1990"),
    ("For 1988, the bank earned $3 million.", "1988"),
])
def test_a_year_inside_a_name_is_no_time(text, expr):
    got = found(text, "2015-11-04")
    assert list(got) == ([expr] if expr else [])


def test_a_clock_time_before_a_month_day_is_one_expression():
    got = found("The offer expires at 5 p.m. EST Nov. 9, unless extended; the other ends 5 p.m. EST, Nov. 6.",
                "2015-11-04")
    e = got["5 p.m. EST Nov. 9"]
    assert (e.kind, e.date_iso, e.part_of_day) == ("date", "2015-11-09", "17:00 EST")
    assert got["5 p.m. EST, Nov. 6"].date_iso == "2015-11-06"
    assert len(got) == 2


@pytest.mark.parametrize("text,expr", [
    ("Profit rose in the third quarter, against $2 million in the corresponding period last year.",
     "the corresponding period last year"),
    ("Profit rose in the third quarter. For the quarter a year ago, it lost money.", "the quarter a year ago"),
    ("Profit rose in the third quarter, more than in the quarter a year earlier.", "the quarter a year earlier"),
])
def test_a_quarter_a_year_back_is_one_expression(text, expr):
    got = found(text, "2015-11-04")
    assert (got[expr].date_iso, got[expr].granularity) == ("2014-07-01", "quarter")
    assert list(got) == ["the third quarter", expr]


@pytest.mark.parametrize("text,expr,day", [
    ("The firm sold itself under a June agreement.", "June", "2015-06-01"),
    ("The October crash hurt brokers.", "October", "2015-10-01"),
    ("Their September meeting will decide.", "September", "2016-09-01"),
    ("The March of Dimes met.", None, None),
    ("The May Department Stores rose.", None, None),
    ("The June and July figures rose.", None, None),
])
def test_a_month_before_a_noun_after_a_determiner(text, expr, day):
    got = found(text, "2015-11-04")
    if expr is None:
        assert got == {}
    else:
        assert (got[expr].kind, got[expr].date_iso) == ("month", day)


def test_a_quarter_of_a_fiscal_year_in_the_possessive():
    got = found("It lost money in fiscal 1990's first quarter.", "1991-03-14")
    assert (got["fiscal 1990's first quarter"].date_iso, got["fiscal 1990's first quarter"].granularity) == (
        "1990-01-01", "quarter")


@pytest.mark.parametrize("text,expr,day,gran", [
    ("In the prior year it lost money.", "the prior year", "1990-01-01", "year"),
    ("In the preceding month it lost money.", "the preceding month", "1991-02-01", "month"),
])
def test_the_prior_and_the_preceding_period(text, expr, day, gran):
    got = found(text, "1991-03-14")
    assert (got[expr].date_iso, got[expr].granularity) == (day, gran)


@pytest.mark.parametrize("text,expr,day", [
    ("Officials met over the weekend.", "the weekend", "2015-10-31"),  # 2015-11-04 is a Wednesday
    ("Talks will resume over the weekend.", "the weekend", "2015-11-07"),
    ("Prices rose this past weekend.", "this past weekend", "2015-10-31"),
    ("Prices rose over the past weekend.", "the past weekend", "2015-10-31"),
])
def test_the_weekend_is_the_one_just_past_or_in_future_context_the_coming_one(text, expr, day):
    got = found(text, "2015-11-04")
    e = got[expr]
    assert (e.date_iso, e.granularity, e.last) == (day, "day", dt.date.fromisoformat(day) + dt.timedelta(days=1))


def test_the_weekend_in_a_saturday_article_is_that_weekend():
    assert found("Crowds gathered over the weekend.", "2015-11-07")["the weekend"].date_iso == "2015-11-07"


def test_this_past_week_is_the_seven_days_up_to_the_article_date():
    e = found("Shares rose this past week.", "2015-11-04")["this past week"]
    assert (e.date_iso, e.granularity, e.last) == ("2015-10-29", "week", dt.date(2015, 11, 4))


def test_a_quarter_of_next_year_is_one_expression():
    assert list(found("Output should recover in the first quarter of next year.", "2015-11-04")) == [
        "the first quarter of next year"]


@pytest.mark.parametrize("text", [
    "He drove an Audi Q3 to work.",
    "Q4 said nothing. See Q1-3 of the survey.",
])
def test_a_q_and_a_number_elsewhere_is_no_quarter(text):
    assert found(text, "2015-11-04") == {}


def test_a_window_grows_back_to_an_anchor_that_reaches_further():
    # the month needs no context before it, " quarter" reaches 40 characters back
    for text in ("Bids fell. Apple said the September quarter was strong; its December-quarter sales rose.",
                 "In Q3, the June quarter and Q1 2014, the March-quarter figures and the firm's May quarter.",
                 "In the first half, first-half sales, the year-earlier first half, fiscal 1990's second half, "
                 "H1 2014, the latter half of next year and the back half of 1990's sales.",
                 "The 20th century, a 19th-century mill, the early twenty-first century, this century, the "
                 "1800s, the '80s, the mid-’90s, the ’70s and the mid-'60s; the eleventh century.",
                 "In the last week of May, that week, the same month, later that month, earlier in the week "
                 "and later in the year; that day.",
                 "The Fourth of July, Black Friday, Cyber Monday, St. Patrick's Day, Saint Patrick's Day, Ash "
                 "Wednesday, Palm Sunday, Mardi Gras, Juneteenth, Pentecost, Whit Monday, Earth Day, the spring of "
                 "last year, the other day.",
                 "By the end of the week, the end of last week, the start of the decade, a century ago, two "
                 "centuries ago and a century later.",
                 "FY2013, (FY 2014), FY13 and FY'12; the FYI."):
        assert scan(text) == scan_full(text), text


def test_a_half_has_its_last_day_and_is_one_expression():
    got = found("Sales will pick up in the second half of 2016.", "2015-11-04")
    assert list(got) == ["the second half of 2016"]
    assert got["the second half of 2016"].last == dt.date(2016, 12, 31)


@pytest.mark.parametrize("text", [
    "The striker scored twice in the second half.",
    "He played the first half of his term abroad; the second half of the game was dull.",
    "He spoke for the first half-hour.",
    "A screen test at 20th Century Fox went badly.",
    "Highs were in the 80s. He is in his 80s. The bridge is century-old. Centuries of war followed.",
    "In the past 24 hours, 12 people died. He flew to Canada on a palm-lined route; all saints are equal.",
    "She left the limelight half a century ago; Half a decade later she wrote.",
    "The FYI said nothing. FY is short.",
    "The Bears led 14-3 at the half and added a field goal in the second half.",
    "H2 is hydrogen.",
])
def test_a_half_of_a_game_a_name_or_a_temperature_is_no_time(text):
    assert found(text, "2015-11-04") == {}


def test_a_bare_half_in_an_article_about_a_game_is_the_game_s():
    text = ("The coach was fired after eight losses in ten games. The guard sat out the second half. "
            "He will be back in the playoffs.")
    assert "the second half" not in found(text, "2015-11-04")


def test_a_year_earlier_than_a_half_is_the_year_before():
    got = found("In the first half of 2014, sales rose 4% from a year earlier.", "2015-11-04")
    assert (got["from a year earlier"].date_iso, got["from a year earlier"].granularity) == ("2013-01-01", "year")


def test_that_week_and_the_same_month_are_those_of_the_time_spoken_of():
    got = found("The plant opened on April 3, 2014. Sales rose that week, and the same month it hired 40. "
                "Later that month, the chief quit.", "2015-11-04")
    assert (got["that week"].kind, got["that week"].date_iso, got["that week"].granularity) == (
        "anaphoric", "2014-03-31", "week")
    assert (got["the same month"].date_iso, got["the same month"].granularity) == ("2014-04-01", "month")
    assert got["Later that month"].date_iso == "2014-04-01"


def test_earlier_or_later_in_the_week_or_the_year_is_that_of_the_time_spoken_of_else_the_article_s():
    got = found("The move came earlier in the week.", "2015-11-04")["earlier in the week"]
    assert (got.date_iso, got.granularity) == ("2015-11-02", "week")
    got = found("Work on the dam began on May 5, 2012. Later in the year it stopped.", "2015-11-04")
    assert (got["Later in the year"].date_iso, got["Later in the year"].granularity) == ("2012-01-01", "year")


def test_that_day_is_the_day_spoken_of_and_no_event_without_one():
    got = found("The case was filed on March 4, 2012. That day, the court met.", "2015-11-04")
    assert (got["That day"].kind, got["That day"].date_iso) == ("anaphoric", "2012-03-04")
    assert found("I will never forget that day. That month was hard.", "2015-11-04") == {}


def test_a_quarter_of_a_game_is_no_time():
    game = ("The Hawks beat the Owls 24-17 on Sunday. The coach praised the defense. Smith ran for 90 yards and "
            "scored on a 5-yard touchdown in the second quarter, and a late drive in the fourth quarter won it.")
    got = found(game, "2015-11-04")
    assert "the second quarter" not in got and "the fourth quarter" not in got
    # a maker of games reporting on a quarter is no game
    maker = "The games maker said sales of games rose in the third quarter. The game sold well."
    assert found(maker, "2015-11-04")["the third quarter"].date_iso == "2015-07-01"
