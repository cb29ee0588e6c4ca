"""Times counted from the article date ahead ("in five years", "two months from now") and the time a
bound refers back to ("since then", "by then").

"in five years" is a date only when the sentence looks ahead ("the bonds will be repaid in five years");
in a past or tenseless sentence it is a length of time ("the first loss in five years") and no date
(``resolve_ahead`` answers None, and the timeline leaves it out). "from now" and "hence" always count
ahead. Each resolver answers ``(date, granularity, note, last)`` as ``periods_resolve`` does.
"""

from __future__ import annotations

import datetime as _dt
import re

from dateutil.relativedelta import relativedelta

from .expressions import NUMBER_WORDS

_STEP = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
         "year": relativedelta(years=1), "decade": relativedelta(years=10)}


def _count(word: str) -> int | None:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


# "the fifth coach in four years", "the highest level in two years", "three times in two years": a
# count or a superlative before it makes "in four years" the span counted over.
_SPAN_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|only|most|least"
    r"|more|fewer|less|best|worst|(?:high|low|bigg|larg|small|fast|slow|strong|weak|long|short|deep|steep|sharp)est"
    r"|times?)\b[^.;:!?]{0,50}\Z", re.I)


def _span_before(raw) -> bool:
    return bool(_SPAN_BEFORE.search(raw.match.string, max(0, raw.start - 60), raw.start))


def resolve_ahead(raw, a: _dt.date | None, tense):
    g = raw.get
    from_now = g("ah_n2") is not None
    n = _count(g("ah_n2") if from_now else g("ah_n"))
    unit = (g("ah_u2") if from_now else g("ah_u")).lower()
    if a is None or not n:
        return None, None, "counted from the article date, which has none", None
    if not from_now and ((tense() if callable(tense) else tense) != "future" or _span_before(raw)):
        return None, None, f"a length of {n} {unit}(s), not a date", None
    d = a + _STEP[unit] * n
    note = f"{n} {unit}(s) after the article date"
    if unit == "day":
        return d, "day", note, None
    if unit == "week":
        monday = d - _dt.timedelta(days=d.weekday())
        return monday, "week", note, monday + _dt.timedelta(days=6)
    if unit == "month":
        first = d.replace(day=1)
        return first, "month", note, first + relativedelta(day=31)
    return _dt.date(d.year, 1, 1), "year", note, _dt.date(d.year, 12, 31)


def resolve_then(story) -> tuple:
    """ "since then", "until then": the time the article spoke of last, as fine as it was said."""
    if story.ref is None:
        return None, None, "refers to a time named earlier, but none was", None
    return story.ref, story.ref_granularity, "then: the time the article spoke of last", None


_UNIT_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


def resolve_unit_spoken_of(raw, a: _dt.date | None, story) -> tuple:
    """ "that week", "the same month", "later in the year": the week, month or year of the time the article
    spoke of last (of the article date when it spoke of none, or only of a longer time); "earlier" or
    "later" keep the whole unit."""
    g = raw.get
    unit = (g("tu_u") or g("tu_u2")).lower()
    ref, gran = story.ref, story.ref_granularity
    if ref is None or _UNIT_RANK.get(gran, 5) > _UNIT_RANK[unit]:
        if g("tu_u") or a is None:  # "that week" with no week spoken of: none to point at
            return None, None, f"the {unit} spoken of, which the article does not date", None
        ref, why = a, "the article date"
    else:
        why = "the time spoken of"
    if unit == "week":
        monday = ref - _dt.timedelta(days=ref.weekday())
        return monday, "week", f"the week of {why}", monday + _dt.timedelta(days=6)
    if unit == "month":
        first = ref.replace(day=1)
        return first, "month", f"the month of {why}", first + relativedelta(day=31)
    return _dt.date(ref.year, 1, 1), "year", f"the year of {why}", _dt.date(ref.year, 12, 31)
