"""Tense near a time expression: whether the verb that governs it points back,
ahead or to now, which decides the year of "May" or the week of "Monday"."""

from __future__ import annotations

import re

_TENSE_WINDOW = 90  # characters either side of the expression
_FUTURE = frozenset("will shall won't won’t upcoming scheduled".split())
_FUTURE_BEFORE_TO = frozenset(
    "going set due plans plan planned expected expects aims hopes intends about prepares prepare preparing "
    "poised slated ready scheduled hope hoping want wants wanting intend intending aim aiming planning "
    "expect expecting seek seeks seeking vow vows pledge pledges promise promises threaten threatens".split()
)
# "takes effect on Monday", "take office in January": a change that takes hold is still to come
_TAKE_HOLD = frozenset("effect office place".split())
# Present tense: the nearer of the two candidate days (a caption's "is seen on
# Wednesday", "the curfew is in force until Friday").
_PRESENT = frozenset("is are am".split())
_PAST = frozenset(
    """was were had did said told met went came took gave made held left saw began begun spoke fled
    fought broke brought ran won lost sent found struck shot fell rose became knew thought wrote led paid kept got
    sat stood stole hid flew drove threw tore wore withdrew overthrew sought caught taught bought has have""".split()
)
# A noun's participle that points ahead ("a report expected in May", "the vote
# scheduled for June"): future unless a past auxiliary makes it a past plan.
_AHEAD_PARTICIPLES = frozenset("expected scheduled planned slated due".split())
_PAST_AUX = frozenset("was were had been".split())
# Present simple of a timetable verb: what is on a schedule ("the season starts
# in May", "the trial opens on Monday") is still to come.
_TIMETABLE = frozenset(
    "starts begins opens closes ends resumes expires arrives departs leaves reopens launches kicks meets".split()
)
# ... and their plural present ("the two leaders meet on Monday"), which is also the infinitive
# ("for the firm to meet demand") and the form after "did" or a modal: those say nothing.
_TIMETABLE_PLURAL = frozenset("start begin resume expire arrive depart reopen meet".split())
_NOT_A_PRESENT = frozenset("to would could can may might must should did do does not".split())
# The present of a verb of doing, with a day: what is on the agenda ("the president travels to Ohio on
# Friday", "voters go to the polls Sunday", "the team hosts the champions Saturday"). News tells what
# was done in the past tense, so the present with a weekday is still to come. Only verbs that are
# seldom nouns in the same form; after a determiner they are nouns ("his visit Friday").
_SCHEDULED = frozenset(
    "travels visits hosts plays faces flies goes heads returns testifies speaks addresses announces unveils "
    "decides hears delivers".split()
)
_POSSESSED = frozenset(("s", "'s", "’s"))  # "Saturday's play": a noun
_SCHEDULED_PLURAL = frozenset("travel visit host play face fly go head return testify speak decide".split())
# Words in -ed that are not past-tense verbs.
_NOT_PAST = frozenset("needed indeed hundred proceed exceed succeed breed greed creed".split())
_TOKEN = re.compile(r"[a-z][a-z'’]*")
# "agreed to" followed by one of these is no deed to come: "agreed to terms", "a deal to the tune of"
_NOT_A_DEED = frozenset("the a an its their his her this that these those terms it".split())


_BE = frozenset("is are am was were be being been 's".split())
_PASSIVE_INFINITIVE = frozenset(("be", "being"))
_DETERMINERS = frozenset("a an the its their his her our these those still yet".split())


def _marker(w: str, following: str, previous: str = "") -> str | None:
    if w in _FUTURE or w.endswith(("'ll", "’ll")):
        return "future"
    if w == "would":
        # the future of a report ("said it would vote on Thursday"); "would have" looks back
        return None if following == "have" else "future"
    if following == "to" and w in ("is", "are"):
        return "future"  # "is to resume trading on Tuesday"
    if w == "set" and following == "for" and previous in _PRESENT:
        return "future"  # "the vote is set for Monday"
    if w in ("takes", "take") and following in _TAKE_HOLD and (w == "takes" or previous not in _NOT_A_PRESENT):
        return "future"
    if following == "to" and w in _FUTURE_BEFORE_TO:
        # "is due to appear", not "due to low light"
        if w != "due" or previous in _BE:
            return "future"
    if w in _AHEAD_PARTICIPLES and previous not in _PAST_AUX and previous not in _BE - {"is", "are", "am"}:
        if previous in _BE or following != "to":
            return "future"
    if w in _TIMETABLE or (w in _TIMETABLE_PLURAL and previous not in _NOT_A_PRESENT):
        return "future"
    if (w in _SCHEDULED or (w in _SCHEDULED_PLURAL and previous not in _NOT_A_PRESENT)) and (
            previous not in _DETERMINERS and previous not in _BE and previous not in _POSSESSED
            and following != "back"):  # "the feud goes back to May" looks back
        return "future"
    if w == "supposed" and following == "to" and previous in ("is", "are", "am"):
        return "future"  # "talks that are supposed to end by May"
    if w in _PRESENT:
        return "present"
    if w == "effective":
        return "future"  # "a new chairman, effective Feb. 1": when a change takes hold
    if previous in _PASSIVE_INFINITIVE:
        # "will be named", "to be completed": the tense is the modal's before it.
        return None
    if previous in _DETERMINERS and w not in _PAST:
        return None  # an adjective: "a delayed launch", "a still unspecified date"
    if w in _PAST:
        return "past"
    if len(w) >= 5 and w[-2:] == "ed" and w not in _NOT_PAST:
        if w.startswith("un") and previous not in _BE:
            return None  # an adjective: "markets untouched by the crisis", "an unexpected loss"
        if following == "by" and previous not in _BE and previous not in _PAST:
            return None  # a participle after its noun: "the plant damaged by the storm will reopen"
        return "past"
    return None


# Words _marker may answer for; any other word is skipped without the call
# (most words of a sentence, and the call is most of the cost of a look).
_MAY_MARK = (_FUTURE | _FUTURE_BEFORE_TO | _PRESENT | _PAST | _AHEAD_PARTICIPLES | _TIMETABLE | _TIMETABLE_PLURAL
             | _SCHEDULED | _SCHEDULED_PLURAL
             | {"supposed", "effective", "would", "takes", "take"})
_MAY_MARK_ENDINGS = ("ll", "ed")  # "'ll", "’ll"; past tenses in -ed


# A past agreement or decision to do something ("agreed to buy the mill in February", "announced an
# agreement to acquire the bank in January"): the time is the deed's, which comes after the agreement
# and may be before or after the article date, so the past verb further back says nothing.
_COMMITMENT_BEFORE_TO = frozenset(
    "agreed agreement agreements deal deals accord pact contract decided decision voted offered offer bid "
    "proposal arranged".split()
)
_OPEN = "open"  # the tense of an agreed deed: none

_FROM_ON = frozenset(("starting", "beginning"))
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CLAUSE_END = re.compile(r"[,;:()\u2014]|--| - | and ")


def _beyond_clause(right: str, j: int) -> bool:
    """Whether the ``j``-th word of ``right`` comes after a clause break: the verb
    after "by May," is the main clause's, not the one "by May" hangs on."""
    m = _CLAUSE_END.search(right)
    return m is not None and len(_TOKEN.findall(right[:m.start()].lower())) <= j


def tense_near(text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    """``"future"``, ``"past"``, ``"present"`` or None: the tense marker nearest the
    expression ``text[start:end]`` inside ``text[lo:hi]`` (its sentence),
    counted in words; a marker before the expression wins a tie, since the
    verb that governs a time adverbial usually comes first."""
    t = _marked_tense(text, lo, hi, start, end)
    return None if t is _OPEN else t


def _marked_tense(text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    """``tense_near``, or _OPEN for the deed of an agreement, whose tense is none."""
    # The governing verb sits close by; a long sentence's far end is another clause.
    lo, hi = max(lo, start - _TENSE_WINDOW), min(hi, end + _TENSE_WINDOW)
    left = _TOKEN.findall(text[lo:start].lower())
    right = _TOKEN.findall(text[end:hi].lower())
    before = after = None
    own = _TOKEN.findall(text[start:end].lower())
    if left and left[-1] in _FROM_ON and own and own[0] in _DAY_NAMES:
        return "future"  # "starting Monday, fares rise", "a curfew beginning Friday": from then on
    nxt = own[0] if own else ""
    may, endings = _MAY_MARK, _MAY_MARK_ENDINGS
    for i in range(len(left) - 1, -1, -1):
        w = left[i]
        if w == "to" and i and left[i - 1] in _COMMITMENT_BEFORE_TO and nxt not in _NOT_A_DEED:
            before = (len(left) - 1 - i, _OPEN)
            break
        if w in may or w[-2:] in endings:
            kind = _marker(w, nxt, left[i - 1] if i else "")
            if kind:
                if kind == "present" and _a_day_as_complement(text, left, i, own, end):
                    kind = "future"
                before = (len(left) - 1 - i, kind)
                break
        nxt = w
    n = len(right)
    for j in range(n):
        w = right[j]
        if w in may or w[-2:] in endings:
            kind = _marker(w, right[j + 1] if j + 1 < n else "", right[j - 1] if j else "")
            if kind:
                after = (j, kind)
                break
    if before and (after is None or before[0] <= after[0] or _beyond_clause(text[end:hi], after[0])):
        return before[1]
    return after[1] if after else None


# The only words that may stand between "is" and the day it says: "the vote is on Sunday", "the curfew is
# in force until Monday", "the final is now Saturday"; any other ("is seen at a rally on Monday", "are what
# jurors heard Tuesday") makes the day another verb's
_TO_THE_DAY = frozenset("on until till through by in force for now also still again back".split())


def _a_day_as_complement(text: str, left: list[str], i: int, own: list[str], end: int) -> bool:
    """Whether a weekday is what "is" or "are" says of the subject ("the funeral is Friday", "the election
    is on Sunday", "the curfew is in force until Monday"): a day on the agenda, still to come, not one of a
    caption's "is seen ... on Monday" or "is calm after Monday's riots"."""
    if left[i] not in ("is", "are") or len(left) - 1 - i > 3 or not _DAY_NAMES.intersection(own):
        return False
    if own[0] in ("since", "after", "from") or text.startswith(("'s", "’s", "'", "’"), end):
        return False
    return all(w in _TO_THE_DAY for w in left[i + 1:])


class SentenceTenses:
    """The tense of each time expression of one text, found only when asked: one with no marker near it
    takes the tense of the expression before it in its sentence, which shares the verb ("flights would
    leave on Monday from March 30, with the third departing each Thursday from August 6")."""

    __slots__ = ("text", "_before", "_last", "_found")

    def __init__(self, text: str):
        self.text = text
        self._before: dict[int, tuple[int, int, int, int] | None] = {}  # start -> the expression before it
        self._last: dict[int, tuple[int, int, int, int]] = {}  # sentence start -> its latest expression
        self._found: dict[int, str | None] = {}

    def asker(self, lo: int, hi: int, start: int, end: int):
        """A callable giving the tense of ``text[start:end]`` in the sentence ``text[lo:hi]``; expressions
        are given in text order."""
        self._before[start] = self._last.get(lo)
        self._last[lo] = (lo, hi, start, end)
        return lambda: self.tense(lo, hi, start, end)

    def tense(self, lo: int, hi: int, start: int, end: int) -> str | None:
        if start in self._found:
            return self._found[start]
        t = _marked_tense(self.text, lo, hi, start, end)
        before = self._before.get(start)
        if t is None and before is not None:
            t = self.tense(*before)
        t = None if t is _OPEN else t
        self._found[start] = t
        return t
