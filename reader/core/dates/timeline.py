"""Time expressions of an article, resolved; and the timeline of a corpus.

``find_time_expressions(document)`` needs nothing but the document;
``build_timeline(documents, entity_index)`` turns each expression into an
event carrying its sentence and the entities of that sentence.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import pickle
import re
from dataclasses import dataclass, field
from typing import Iterable, Protocol

from ..collector import paused
from ..document import Document
from ..keeping import KeptArticles
from ..pool import imap_ranges
from ..progress import counted
from ..saved_pages import is_page
from .dateline import find_dateline
from .expressions import RawExpression
from .games import GAME_NOTES
from .periods_resolve import PERIOD_KINDS, QUARTER, TENSED, Story, is_story_time, to_the_year, year_spans
from .reading import times_of
from .scanner import scan
from .resolve import DAY, Anchor, Resolution, clock_label, resolve
from .tense import SentenceTenses

# Raw branch -> the kind users and the JSON see.
KINDS = {
    "md": "date", "dm": "date", "my": "month", "iso": "date", "num": "date", "reld": "relative_day",
    "wd": "weekday", "per": "period", "ago": "ago", "begin": "since_event", "ana": "anaphoric",
    "vague": "vague", "mon": "month", "year": "year", "clock": "time", "ell": "period", **PERIOD_KINDS,
}
# Expressions that set the story's current day ("Earlier in the day" refers
# back to one of these, not to a background date such as "on January 2").
_NARRATIVE = ("wd", "reld")
# Expressions that say when, but are no time a later "a year earlier" counts from.
_NOT_A_REFERENCE = frozenset(("ago", "clock", "ana", "begin"))
_POD_WORDS = {"tonight": "night", "last night": "night", "this morning": "morning",
              "this afternoon": "afternoon", "this evening": "evening"}


# Plain (not frozen) slotted dataclasses: a frozen __init__ costs a
# object.__setattr__ per field, and a corpus has hundreds of thousands of events.
@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str
    date: _dt.date | None
    last: _dt.date | None = None  # last day of a period or range; None for one day
    granularity: str | None = None  # day, week, month, year; None when unresolved
    relation: str | None = None  # since, until, by, from, before, after, through, as of
    part_of_day: str | None = None  # morning, afternoon, evening, night
    note: str = ""

    @property
    def date_iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


@dataclass(slots=True)
class Event:
    doc: str
    start: int
    end: int
    text: str
    date: _dt.date | None
    sentence: str
    sentence_start: int
    sentence_end: int
    entities: list[str]
    kind: str
    granularity: str | None
    note: str
    last: _dt.date | None = None
    relation: str | None = None
    part_of_day: str | None = None

    @property
    def date_iso(self) -> str | None:
        return self.date.isoformat() if self.date else None

    def to_json(self) -> dict:
        return {
            "doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
            "date": self.date_iso, "sentence": self.sentence, "entities": list(self.entities),
            "kind": self.kind, "granularity": self.granularity,
            "last": self.last.isoformat() if self.last else None,
            "relation": self.relation, "part_of_day": self.part_of_day, "note": self.note,
            "sentence_start": self.sentence_start, "sentence_end": self.sentence_end,
        }


def sort_key(e: Event) -> tuple:
    return (e.date is None, e.date or _dt.date.min, e.doc, e.start)


@dataclass
class Timeline:
    events: list[Event] = field(default_factory=list)  # by date, undated last
    anchors: dict[str, Anchor] = field(default_factory=dict)  # doc id -> the date it speaks from
    # The entity index the events' entity ids come from: a view can tell when
    # corrections have replaced it and the timeline needs building again.
    entity_index: object | None = field(default=None, repr=False, compare=False)

    def in_doc(self, doc_id: str) -> list[Event]:
        """The events of one article, in text order."""
        by_doc = self.__dict__.get("_by_doc")
        if by_doc is None or by_doc[0] is not self.events:  # rebuilt when the events are replaced
            grouped: dict[str, list[Event]] = {}
            for e in self.events:
                grouped.setdefault(e.doc, []).append(e)
            for evs in grouped.values():
                evs.sort(key=lambda e: e.start)
            by_doc = (self.events, grouped)
            self.__dict__["_by_doc"] = by_doc
        return list(by_doc[1].get(doc_id, ()))

    def days(self) -> list[tuple[_dt.date | None, list[Event]]]:
        """Events grouped by day, in date order; the undated group (key None) last."""
        out: list[tuple[_dt.date | None, list[Event]]] = []
        for e in self.events:
            if out and out[-1][0] == e.date:
                out[-1][1].append(e)
            else:
                out.append((e.date, [e]))
        return out

    def at(self, doc_id: str, offset: int) -> Event | None:
        """The event whose expression covers ``offset`` in the article."""
        for e in self.in_doc(doc_id):
            if e.start <= offset < e.end:
                return e
        return None

    def article_date(self, doc_id: str) -> _dt.date | None:
        a = self.anchors.get(doc_id)
        return a.date if a else None


class EntityLookup(Protocol):
    def entities_in_span(self, doc_id: str, start: int, end: int) -> list: ...


# --- one article -------------------------------------------------------------------
def article_anchor(document: Document, raws: list[RawExpression] | None = None) -> tuple[Anchor, RawExpression | None]:
    """The date the article speaks from: its header or front matter (a saved
    page's metadata), else its dateline."""
    if document.date is not None:
        return Anchor(document.date, "page" if is_page(document.path) else "header"), None
    return find_dateline(document.text, raws)


def _that_day(raw: RawExpression) -> bool:
    return raw.kind == "ana" and raw.get("ana_text").lower().startswith("that") and "same" not in raw.get("ana_text")


def _still_to_come(res: Resolution, article_date) -> bool:
    return article_date is not None and res.last is not None and res.last >= article_date


def _sentence_bounds(document: Document) -> tuple[list[int], list]:
    sents = document.sentences
    return [s.start for s in sents], sents


def _previous_sentence_start(starts: list[int], ss: int) -> int:
    i = bisect.bisect_left(starts, ss)
    return starts[i - 1] if i > 0 else ss


def _sentence_of(starts: list[int], sents: list, text_len: int, offset: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or not sents:
        return 0, text_len
    return sents[i].start, max(sents[i].end, offset)


_START_VERBS = re.compile(r"\b(?:began|begun|begin|started|erupted|broke out|flared|kicked off|sparked)\b", re.I)
# Nouns that name the same kind of event, so "the unrest" can be found in
# "Mass protests began on January 2".
_EVENT_FAMILY = frozenset(
    "unrest protest protests demonstration demonstrations riot riots rioting violence clashes uprising "
    "crisis turmoil strike strikes revolt unrests".split()
)


def _link_event_start(text: str, noun: str, items: list, bounds) -> tuple[_dt.date, str] | None:
    """For "since the beginning of the unrest": the date the same article
    gives for that beginning ("Mass protests began on January 2")."""
    best = None
    for raw, res, (ss, se) in items:
        if res.date is None or res.granularity != DAY or raw.kind in ("begin", "ana"):
            continue
        sentence = text[ss:se]
        if not _START_VERBS.search(sentence):
            continue
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        if noun in words or (noun in _EVENT_FAMILY and words & _EVENT_FAMILY):
            if best is None or res.date < best[0]:
                best = (res.date, " ".join(sentence.split())[:80])
    return best


def _part_of_day(raw: RawExpression) -> str | None:
    g, k = raw.get, raw.kind
    if k == "clock":
        return clock_label(g("clk"))
    if k == "md" and g("md_clk"):
        return clock_label(g("md_clk"))
    if k == "wd":
        clock = g("wd_clk1") or g("wd_clk2")
        if clock:
            return clock_label(clock)
        pod = g("wd_pod")
        if pod:
            return pod.lower()
        edge = g("edge")
        if edge:
            return "late" if edge.lower() in ("late", "later") else "early"
        return None
    if k == "reld":
        pod = g("rel_pod")
        return pod.lower() if pod else _POD_WORDS.get(" ".join(g("rel_word").lower().split()))
    return None


_RELATIONS = frozenset("since until till til through by from before after".split())
_RELATION_GROUP = {"begin": "bg_rel", "year": "yr_pre", "mon": "mon_pre", "then": "th_rel"}


def _relation(raw: RawExpression) -> str | None:
    r = raw.get(_RELATION_GROUP.get(raw.kind, "rel"))
    if not r:
        return None
    r = " ".join(r.lower().split())
    return r if r in _RELATIONS or r == "as of" else None


def _needs_tense(raw: RawExpression) -> bool:
    g, k = raw.get, raw.kind
    if k == "wd":
        mod = g("wd_mod")
        return not mod or mod.lower() == "this"
    if k == "per":
        return g("per_mod").lower() == "the"  # "over the weekend": the one behind, or ahead
    if k == "md":
        return not g("md_y")
    if k == "dm":
        return not g("dm_y")
    return k == "mon" or k in TENSED


def _safely(raw: RawExpression, anchor: Anchor, tense, previous_day=None, story=None) -> Resolution:
    try:
        return resolve(raw, anchor, tense, previous_day, story)
    except (ValueError, OverflowError):  # an article dated 0001-01-01 or 9999-12-31
        return Resolution(None, None, None, "outside the calendar's range")


def _resolve_all(document: Document) -> tuple[Anchor, list[tuple[RawExpression, Resolution, tuple[int, int]]]]:
    text = document.text
    raws = times_of(text, scan(text))
    anchor, _ = article_anchor(document, raws)
    starts, sents = _sentence_bounds(document) if raws else ([], [])
    items: list[tuple[RawExpression, Resolution, tuple[int, int]]] = []
    last_day = None  # the latest day-level date, and the latest narrative one
    last_narrative = None
    story = Story()  # the quarter and the time spoken of last, for "the quarter", "a year earlier"
    tenses = SentenceTenses(text)
    # "the first nine months" between two expressions: "a year earlier" after it is the year before
    spans, k, prev_end = (year_spans(text) if raws else []), 0, 0
    for raw in raws:
        ss, se = _sentence_of(starts, sents, len(text), raw.start)
        if k < len(spans) and spans[k] < raw.start:
            hit = False
            while k < len(spans) and spans[k] < raw.start:
                hit = hit or spans[k] >= prev_end
                k += 1
            if hit:
                to_the_year(story, anchor.date)
        prev_end = raw.end
        if raw.kind == "then" and story.ref_at < _previous_sentence_start(starts, ss):
            continue  # "Since then" after an event the article does not date ("since X picked the chip")
        if raw.kind == "ana":
            same_sentence = next(
                (r.date for x, r, b in reversed(items) if b == (ss, se) and r.granularity == DAY and r.date),
                None,
            )
            res = _safely(raw, anchor, None, same_sentence or last_narrative or last_day)
        elif anchor.date is not None and _needs_tense(raw):
            # Asked only when the tense can change the answer (most cannot).
            res = _safely(raw, anchor, tenses.asker(ss, se, raw.start, raw.end), None, story)
        else:
            res = _safely(raw, anchor, None, last_narrative or last_day, story)
        if res.date is None and (raw.kind in ("ahead", "tunit") or res.note in GAME_NOTES or _that_day(raw)):
            # "the first loss in five years": a length of time; "the second half" or "quarter" of a game; "that day",
            # "that month" with no time spoken of before: nothing to point at
            continue
        if raw.kind == "half" and res.date is not None:
            # like "the first nine months": "a year earlier" after it is the year before the half's
            story.ref, story.ref_granularity, story.ref_at = _dt.date(res.date.year, 1, 1), "year", raw.start
        if res.date is not None and raw.kind not in _NOT_A_REFERENCE and is_story_time(raw):
            if res.granularity == QUARTER and story.quarter is not None and _still_to_come(res, anchor.date):
                pass  # a forecast ("losses through the third quarter of next year") is not the quarter reported on
            elif res.granularity == QUARTER and raw.kind == "per":
                pass  # "last year's" quarter only compares with the one reported on
            elif raw.kind == "qref" and raw.get("qr_yr") and res.date.year < (story.quarter or anchor.date or res.date).year:
                pass  # "the 1988 period" in a story about 1989 only compares with it
            elif (res.granularity == QUARTER and story.quarter is not None and res.date < story.quarter
                  and "fiscal" not in raw.match.group().lower()):
                pass  # "after a flat second quarter" in a story about the third compares with it
            else:
                if res.granularity == QUARTER:
                    story.quarter = res.date
                story.ref, story.ref_granularity, story.ref_at = res.date, res.granularity, raw.start
        if res.date and res.granularity == DAY:
            last_day = res.date
            if raw.kind in _NARRATIVE:
                last_narrative = res.date
        items.append((raw, res, (ss, se)))
    # Second pass: a clock time takes the day named in its own sentence, and
    # "since the beginning of the unrest" may be dated by the article itself.
    for i, (raw, res, b) in enumerate(items):
        if raw.kind == "clock":
            day = _day_in_sentence(text, items, i, b)
            if day is not None:
                d, said = day
                items[i] = (raw, Resolution(d, None, DAY, f"the day named in the same sentence (“{said}”)"), b)
            continue
        if raw.kind == "begin" and res.date is None and raw.get("bg_noun"):
            found = _link_event_start(text, raw.get("bg_noun").lower(), items, b)
            if found:
                d, evidence = found
                items[i] = (raw, Resolution(d, anchor.date, DAY, f"start of the {raw.get('bg_noun').lower()} as the article dates it: “{evidence}”"), b)
    return anchor, items


def _day_in_sentence(text: str, items: list, i: int, bounds: tuple[int, int]) -> tuple[_dt.date, str] | None:
    """The nearest day-level date resolved in the same sentence as item ``i``."""
    best = None
    start = items[i][0].start
    for j, (raw, res, b) in enumerate(items):
        if j == i or b != bounds or res.date is None or res.granularity != DAY or raw.kind == "clock":
            continue
        dist = abs(raw.start - start)
        if best is None or dist < best[0]:
            best = (dist, res.date, raw)
    if best is None:
        return None
    return best[1], " ".join(text[best[2].start:best[2].end].split())


def find_time_expressions(document: Document) -> list[TimeExpression]:
    """Every time expression of the article, resolved against its date (date None when it cannot be)."""
    _, items = _resolve_all(document)
    return [_to_expression(document.text, raw, res) for raw, res, _ in items]


def _to_expression(text: str, raw: RawExpression, res: Resolution) -> TimeExpression:
    return TimeExpression(
        start=raw.start, end=raw.end, text=text[raw.start:raw.end], kind=KINDS[raw.kind],
        date=res.date, last=res.last, granularity=res.granularity, relation=_relation(raw),
        part_of_day=_part_of_day(raw), note=res.note,
    )


# --- the corpus ----------------------------------------------------------------------
def build_timeline(documents: Iterable[Document], entity_index: EntityLookup | None = None,
                   kept: KeptArticles | None = None) -> Timeline:
    """All time expressions of all articles as events, sorted by date (undated last).

    Each event lists the entities of its sentence: ``entity_index.entities_in_span``
    answers that; an index that also has ``mentions_in(doc_id)`` (mentions in text
    order) is read once per article instead, which is several times cheaper. ``kept``: where
    each article's resolved expressions are kept between runs (they depend on its file alone)."""
    # The pass allocates some ten objects per event and none of them forms a
    # cycle; left on, the collector would rescan the whole heap (the entity
    # index included) again and again as they pile up: 15 % of the time on
    # 10,000 articles. It is switched back on when the pass ends.
    with paused():
        return _build(documents, entity_index, kept)


def _build(documents: Iterable[Document], entity_index, kept: KeptArticles | None) -> Timeline:
    docs = list(documents)
    timeline = Timeline(entity_index=entity_index)
    events: list[Event] = []
    stored = kept.articles(docs) if kept is not None else {}
    todo = [d for d in docs if d.id not in stored] if stored else docs
    # Each article's expressions are found and resolved on every core (reader.core.pool); they come back
    # as plain rows, and the events are made here, where their sentences and entities are shared.
    found = dict(zip([d.id for d in todo], imap_ranges(lambda a, b: _resolved_rows(todo, a, b), len(todo),
                                                       min_items=DATES_SHARE)))
    if kept is not None:
        for doc_id, entry in found.items():
            kept.put(doc_id, entry)
        kept.done(docs)
    for doc in docs:
        anchor, rows = pickle.loads(found.pop(doc.id, None) or stored.pop(doc.id))
        timeline.anchors[doc.id] = anchor
        text = doc.text
        entities_of = _sentence_entities(entity_index, doc.id) if rows else None
        # What belongs to a sentence (its text, its entities) is made once for
        # all the events in it; the events share it.
        per_sentence: dict[tuple[int, int], tuple[str, list[str]]] = {}
        for start, end, date, bounds, kind, granularity, note, last, relation, part_of_day in rows:
            ss, se = bounds
            known = per_sentence.get(bounds)
            if known is None:
                known = per_sentence[bounds] = (text[ss:se], entities_of(ss, se))
            sentence, ents = known
            events.append(Event(doc.id, start, end, text[start:end], date, sentence, ss, se, ents, kind, granularity,
                                note, last, relation, part_of_day))
    events.sort(key=sort_key)
    timeline.events = events
    return timeline


DATES_SHARE = 200  # articles per worker below which their dates are resolved in one process


def _resolved_rows(docs: list[Document], a: int, b: int) -> list[bytes]:
    """For each article of ``docs[a:b]``: its anchor, and each event's (start, end, date, sentence bounds,
    kind, granularity, note, last day, relation, part of day), pickled (what is kept of the article)."""
    out = []
    for doc in counted("dates", docs[a:b]):
        anchor, items = _resolve_all(doc)
        rows = [(raw.start, raw.end, res.date, bounds, KINDS[raw.kind], res.granularity, res.note,
                 res.last, _relation(raw), _part_of_day(raw)) for raw, res, bounds in items]
        out.append(pickle.dumps((anchor, rows), protocol=pickle.HIGHEST_PROTOCOL))
    return out


def _sentence_entities(entity_index, doc_id: str):
    """A function ``(start, end) -> [entity id]`` for one article, ids in text
    order without repeats."""
    if entity_index is None:
        return lambda start, end: []
    mentions_in = getattr(entity_index, "mentions_in", None)
    if mentions_in is None:
        lookup = entity_index.entities_in_span

        def by_span(start: int, end: int) -> list[str]:
            seen: dict[str, None] = {}
            for ent in lookup(doc_id, start, end) or ():
                seen.setdefault(str(getattr(ent, "id", ent)), None)
            return list(seen)

        return by_span
    pairs = mentions_in(doc_id)
    starts = [m.start for m, _ in pairs]
    if starts != sorted(starts):  # text order is what the index gives; make sure
        pairs = sorted(pairs, key=lambda p: (p[0].start, p[0].end))
        starts = [m.start for m, _ in pairs]
    n = len(pairs)

    def by_mentions(start: int, end: int) -> list[str]:
        # The same answer as entities_in_span: mentions overlapping [start, end).
        seen: dict[str, None] = {}
        i = bisect.bisect_left(starts, start) - 1
        i = i if i > 0 else 0
        while i < n:
            m, e = pairs[i]
            if m.start >= end:
                break
            if m.end > start:
                seen.setdefault(e.id, None)
            i += 1
        return list(seen)

    return by_mentions
