"""Which matches of the grammar are times: a programme or a paper named like one is none ("This Week",
USA Today), and a time said once for two is two ("twice the dividend this year as last")."""

from __future__ import annotations

import re

from .expressions import RawExpression


def times_of(text: str, raws: list[RawExpression]) -> list[RawExpression]:
    """The time expressions among the grammar's matches ``raws`` (in text order), in text order."""
    return with_elliptic_last(text, [_generic(text, r) for r in raws if not a_name(text, r)])


# "the cars of tomorrow", "the problems of today": the future and the present, not a day; "the end of
# today", "the rest of tomorrow" and "today's vote" are the day.
_OF_BEFORE = re.compile(r"\b([a-z]+)[ \t]+of[ \t]+\Z")
_PARTS = frozenset("end close start beginning middle rest morning afternoon evening night course part half".split())


def _generic(text: str, raw: RawExpression) -> RawExpression:
    if raw.kind != "reld" or raw.get("rel_word").lower() not in ("today", "tomorrow") or raw.get("rel_pod"):
        return raw
    m = _OF_BEFORE.search(text, max(0, raw.start - 24), raw.start)
    if m is None or m.group(1) in _PARTS or text.startswith(("'s", "’s"), raw.end):
        return raw
    return RawExpression(raw.start, raw.end, "present" if raw.get("rel_word").lower() == "today" else "futureref",
                         raw.match)


_OPENING_QUOTES = ('"', "“", "``")
_TITLE_TAIL = re.compile(r"(?:[ \t]+[A-Z][\w'’.-]*)*[,.]?(?:\"|”|'')")


# A bare year right after a capitalised word inside a sentence (not a month's, not "That" or "For").
_NAMED_YEAR = re.compile(r"[a-z,;][ \t]+(?!(?:The|That|This|For|In|By|Since|Until|From|Fiscal|Calendar)\b)[A-Z][a-z]+[ \t]+\Z")


def a_name(text: str, raw: RawExpression) -> bool:
    """A programme or a paper named like a time: ABC's "This Week," "This Week With ...", USA Today;
    a name with a year in it ("a venture called Orion 1980")."""
    if raw.kind == "fy":
        return bool(raw.get("fy_num")) and not (raw.get("fy_pre") or raw.get("rel")) and bool(
            _NAMED_YEAR.search(text, max(0, raw.start - 30), raw.start))
    if raw.kind not in ("reld", "per"):
        return False
    said = text[raw.start:raw.end]
    if not said[:1].isupper() or not all(w[:1].isupper() for w in said.split()):
        return False
    if text.endswith(_OPENING_QUOTES, 0, raw.start) and _TITLE_TAIL.match(text, raw.end):
        return True
    before = text[max(0, raw.start - 12):raw.start].split()
    return said == "Today" and bool(before) and len(before[-1]) >= 2 and before[-1].isupper() and before[-1].isalpha()


# "twice the dividend this year as last", "more this month than last": the "last" after the comparison is
# last year (month, week), said once; only where the phrase ends there (not "than last year's").
_ELLIPTIC_LAST = re.compile(
    r"this[ \t]+(?P<ell_unit>year|month|week)[ \t]+(?:as|than)[ \t]+(?P<ell>last)\b"
    r"(?=[ \t]*(?:[.,;:!?)\"”]|$|(?:and|but|or)\b))", re.I)


def with_elliptic_last(text: str, raws: list[RawExpression]) -> list[RawExpression]:
    """``raws`` (in text order) with the elliptic "last" after each "this year" that has one."""
    extra = []
    for r in raws:
        if r.kind == "per" and r.end - r.start <= 12:
            m = _ELLIPTIC_LAST.match(text, r.start)
            if m:
                extra.append(RawExpression(m.start("ell"), m.end("ell"), "ell", m))
    if not extra:
        return raws
    return sorted(raws + extra, key=lambda r: r.start)
