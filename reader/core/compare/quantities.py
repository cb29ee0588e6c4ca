"""The figures of one article: every number that counts something in the event.

A figure is a number (digits, spelled, or a vague count such as "dozens") with its hedge, the thing it
counts, the predicate ("killed", "detained") and who the article attributes it to. Time expressions
come from the dates analysis and are never figures; nor are clock times, years, ages, ordinals,
percentages, and numbers inside names ("Khabar 24", "Covid-19").
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Iterable

from ..document import Document, Span
from ..spans import lower_same_offsets
from .attribution import Attributor
from .lexicon import GENERIC, HUMAN, group_of, lexicon
from .model import FactItem
from .numbers import (HEDGE_RE, HEDGES, SPELLED_RE, TENS, UNITS, VAGUE, VAGUE_RE, hedge_range, parse_digits,
                      parse_spelled, vague_range)

_NUMBER = re.compile(
    rf"(?<![\w.,/$€£-])(?:(?P<vague>{VAGUE_RE})"
    r"|(?P<digits>[$€£]?\d{1,3}(?:(?:,| , )\d{3})+(?:\.\d+)?|[$€£]?\d+(?:\.\d+)?)(?P<suffix>k|bn|mn|m)?"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    rf"|(?P<spelled>{SPELLED_RE}))"
    r"(?![\w-]|[.,:/]\d|\s*(?:%|per ?cent\b|percentage\b))",
    re.IGNORECASE)
# Where a number can begin: ``_NUMBER`` is tried only there, as trying its alternatives at every
# character of an article was most of the time spent finding figures. The starts are searched in the
# lower-cased text: a case-blind search is three times slower.
_START_WORDS = sorted({*UNITS, *TENS, *(v.split()[0] for v in VAGUE if v.split()[0] != "a")}, key=len, reverse=True)
_NUMBER_START_SOURCE = (r"[$€£\d]|\b(?:" + "|".join(_START_WORDS)
                        + r"|a\s+(?:hundred|thousand|million|billion|dozen|few)|half\s+a)\b")
_NUMBER_START = re.compile(_NUMBER_START_SOURCE)
_NUMBER_START_ANY_CASE = re.compile(_NUMBER_START_SOURCE, re.IGNORECASE)
_MAGNITUDE = re.compile(r"\bmagnitude(?:-|\s+of\s+|\s+)(?P<a>\d{1,2}(?:\.\d)?)\b"
                        r"|(?<![\w.])(?P<b>\d{1,2}(?:\.\d)?)(?:-|\s+)magnitude\b", re.IGNORECASE)
_HEDGE_BEFORE = re.compile(rf"\b(?P<hedge>{HEDGE_RE})\s+$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?m\b\.?|o['’]clock|gmt\b|utc\b|hours?\b|hrs\b|local time)", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*(?:-|\s)?years?[- ]old\b|\s*\)", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+$|\(\s*$", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"\b(?:no\.?|number|article|section|chapter|page|paragraph|flight|route|highway|room|platform|"
    r"line|level|phase|stage|round|grade|class|channel|gate|unit|block|top|the|one|of)\s+$|#\s*$",
    re.IGNORECASE)
_OF = re.compile(r"\s+of\s+(?:the\s+|those\s+|these\s+)?", re.IGNORECASE)
_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]|&)")
_OPEN_QUOTE = re.compile(r"\s*[“\"‘«]")
_CLOSE_QUOTE = re.compile(r"[”\"’»]")
_AUX = re.compile(
    r"\s*[”\"’»]?(?:\s*,\s*including\b[^,;.]{1,60},)?\s*(?P<rel>,?\s*(?:who|that|which)\s+)?"
    r"(?P<aux>(?:(?:have|has|had|were|was|are|is|been|being|be|will|would|reportedly|also|now|allegedly|"
    r"already|all|so far|since)\s+){0,3})",
    re.IGNORECASE)
_PARTICIPLE = re.compile(r"([a-z]{3,}(?:ed|en))\b")
_COORD = re.compile(r"\s*(?:&|and)\s*", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"\bdeath toll\s+(?:\w+\s+){0,2}?(?:rose|risen|rises|climbed|reached|stands|stood|"
                          r"is|was|of|at|to|hit|jumped)(?:\s+to|\s+at)?\s+$", re.IGNORECASE)
NOUN_STOP = frozenset(
    "the a an or of in on at to from with by for as that which who whom whose were was are is be been being have "
    "has had will would could should may might can must do did does it its they their he she his her we our "
    "you this these those since after before during while when where than also now still so far up down out "
    "about into across around including said says say per each percent times not no only just but if all both "
    "there here then who more less most least over under among between against".split())
TIME_UNITS = frozenset(
    "year years month months week weeks day days hour hours minute minutes second seconds decade decades "
    "century centuries am pm".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split())
MODIFIERS = frozenset("more other additional further extra".split())
NOUN_MAX = 4


def find_quantities(doc: Document, time_spans: Iterable[tuple[int, int]] = (), entity_index: Any | None = None,
                    quote_index: Any | None = None) -> list[FactItem]:
    """The figures of ``doc`` in text order. ``time_spans``: the article's time expressions (from the
    dates analysis); a number inside one is part of a date, not a count."""
    text = doc.text
    excluded = sorted((a, b) for a, b in time_spans)
    names: list[tuple[int, int]] = []
    if entity_index is not None:
        try:
            names = sorted((m.start, m.end) for m, _ in entity_index.mentions_in(doc.id))
        except Exception:
            names = []
    sents = doc.sentences
    sent_starts = [s.start for s in sents]
    attributor = Attributor(doc, entity_index, quote_index)
    out: list[FactItem] = []
    taken: list[tuple[int, int]] = []
    # a plain look for the word first: the pattern's search costs as much as finding every number
    low = lower_same_offsets(text)
    for m in _MAGNITUDE.finditer(text) if "magnitude" in (low or text.lower()) else ():
        g = "a" if m.group("a") else "b"
        if _inside(excluded, m.start(g), m.end(g)):
            continue
        sent = _sentence(sents, sent_starts, m.start())
        v = float(m.group(g))
        out.append(_item(doc, attributor, sent, m.start(), m.end(), v, v, v, None, "magnitude", "magnitude",
                         "magnitude", False))
        taken.append((m.start(), m.end()))
    for m in _numbers(text, low):
        s, e = m.span()
        if _inside(excluded, s, e) or _inside(names, s, e) or _inside(taken, s, e):
            continue
        sent = _sentence(sents, sent_starts, s)
        found = _figure(doc, m, sent, out)
        if found is None:
            continue
        for start, end, value, low, high, hedge, unit, predicate, group, vague in found:
            out.append(_item(doc, attributor, sent, start, end, value, low, high, hedge, unit, predicate, group,
                             vague))
    out.sort(key=lambda q: (q.start, q.predicate or ""))
    return out


def _numbers(text: str, low: str | None):
    """What ``_NUMBER.finditer(text)`` yields, trying the pattern only where a number can begin
    (``low``: ``lower_same_offsets(text)``)."""
    pos, n = 0, len(text)
    if low is not None:
        hay, search = low, _NUMBER_START.search
    else:
        hay, search = text, _NUMBER_START_ANY_CASE.search
    match = _NUMBER.match
    while pos < n:
        c = search(hay, pos)
        if c is None:
            return
        m = match(text, c.start())
        if m is None:
            pos = c.start() + 1
        else:
            yield m
            pos = max(m.end(), c.start() + 1)


def _ends_with(rx: re.Pattern, before: str, longest: int) -> re.Match | None:
    """``rx.search(before)`` for a pattern anchored at the end by trailing white space, whose match
    (white space aside) is at most ``longest`` characters: searched only from where it can begin."""
    if not before or not before[-1].isspace():
        return None
    return rx.search(before, max(0, len(before.rstrip()) - longest))


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(spans, (s, 1 << 60)) - 1
    return i >= 0 and spans[i][1] > s or (i + 1 < len(spans) and spans[i + 1][0] < e)


def _sentence(sents: list[Span], starts: list[int], offset: int) -> Span:
    i = bisect.bisect_right(starts, offset) - 1
    return sents[i] if i >= 0 else Span(0, 0)


def _item(doc, attributor, sent, start, end, value, low, high, hedge, unit, predicate, group, vague) -> FactItem:
    attribution, words, quote_id = attributor.at(sent, start)
    return FactItem(doc=doc.id, start=start, end=end, text=doc.text[start:end], sentence_start=sent.start,
                    sentence_end=sent.end, value=value, low=low, high=high, hedge=hedge, unit=unit,
                    predicate=predicate, attribution=attribution, group=group, vague=vague,
                    attribution_text=words, quote_id=quote_id)


def _figure(doc: Document, m: re.Match, sent: Span, previous: list[FactItem]):
    """The figure(s) a number match makes, or None when it counts nothing of the event."""
    text = doc.text
    s, e = m.span()
    word = m.group()
    before = text[max(sent.start, s - 40):s]
    if m.group("digits"):
        digits = m.group("digits")
        plain = digits.replace(",", "").replace(" ", "")
        if len(plain) > 1 and plain[0] == "0" and plain.isdigit():
            return None  # "000", "07": the tail of a figure or a code, no count of its own
        if len(plain) == 4 and plain.isdigit() and 1800 <= int(plain) <= 2100 and not m.group("suffix") \
                and not m.group("scale"):
            return None  # a year
        if _CLOCK_AFTER.match(text, e) or _AGE_AFTER.match(text, e) or _age_before(before):
            return None
        if _label_before(before) or _name_before(text, sent, s):
            return None
        value = parse_digits(digits, m.group("suffix"), m.group("scale"))
        vague = False
    elif m.group("vague"):
        value, vague = None, True
    else:
        low_word = word.lower()
        if low_word in ("a", "half a"):
            return None
        if low_word == "one" and _ends_with(_DETERMINER_BEFORE, before, 5):
            return None
        if _AGE_AFTER.match(text, e) or _age_before(before) or _label_before(before):
            return None
        value = parse_spelled(word)
        if value is None:
            return None
        vague = False
    hm = _ends_with(_HEDGE_BEFORE, before, _HEDGE_LONGEST)
    hedge = hm.group("hedge").lower() if hm else None
    start = s - (len(before) - hm.start()) if hm else s
    if vague:
        low, high = vague_range(word, hedge)
    else:
        low, high = hedge_range(hedge, value)
    noun_start, noun_end, noun_words, pos = _noun(text, e, sent.end, allow_of=vague or word.lower().endswith("dozen")
                                                  or True)
    lex = lexicon()
    predicates: list[tuple[str, int | None]] = []
    group = group_of(noun_words) if noun_words else None
    unit = text[noun_start:noun_end].rstrip("”\"’»") if noun_words else None
    low_noun = " ".join(w.lower() for w in noun_words)
    head = noun_words[-1].lower() if noun_words else ""
    if noun_words and (low_noun in lex.event_nouns or head in lex.event_nouns):
        predicates.append((lex.event_nouns.get(low_noun) or lex.event_nouns[head], None))
        group = GENERIC
    if head in TIME_UNITS:
        after = _after_predicates(text, pos, sent.end)
        if not any(p == "sentenced" for p, _ in after) and not re.search(r"\b(?:sentenced|jailed)\b[^.]*$", before):
            return None
        predicates = [("sentenced", end) for p, end in after if p == "sentenced"] or [("sentenced", None)]
        group = "prison term"
    if not predicates:
        predicates = _after_predicates(text, pos, sent.end)
    if not predicates:
        predicates = _before_predicate(text, sent, start)
    if not noun_words and not (predicates and predicates[0][0] in lex.predicates):
        return None  # "including one who had been beheaded": no noun, no known predicate
    if not predicates and not (group in lex_groups() or (value is not None and value >= 10 and m.group("digits"))):
        return None  # "two sides", "three times": a small spelled count of nothing in particular
    if group is None or (not noun_words and predicates):
        if predicates and predicates[0][0] in lex.human_predicates:
            inherited = next((q.group for q in reversed(previous) if q.sentence_start == sent.start and
                              q.group in HUMAN), None)
            group = inherited or GENERIC
    out = []
    for predicate, pend in predicates or [(None, None)]:
        end = max(noun_end if noun_words else e, pend or 0)
        while end > start and text[end - 1] in " \t\n,":
            end -= 1
        out.append((start, end, value, low, high, hedge, unit, predicate, group, vague))
    return out


_HEDGE_LONGEST = max(map(len, HEDGES))
_DETERMINER_BEFORE = re.compile(r"\b(?:no|any|every|each|the|this|that|which|at)\s+$", re.IGNORECASE)


def _age_before(before: str) -> bool:
    b = before.rstrip()
    return b.endswith("(") or _ends_with(_AGE_BEFORE, before, 4) is not None


def _label_before(before: str) -> bool:
    return before.rstrip().endswith("#") or _ends_with(_LABEL_BEFORE, before, 9) is not None


def lex_groups() -> set[str]:
    return set(lexicon().group_of.values())


def _name_before(text: str, sent: Span, s: int) -> bool:
    """A capitalised word right before the number, not the first of the sentence: "Khabar 24",
    "Boeing 737". A possessive ("Russia's 2,500") is no name."""
    m = re.search(r"([A-Z][\w’'.-]*)[ \t]+$", text[max(sent.start, s - 40):s])
    if not m:
        return False
    w = m.group(1)
    if w.endswith(("'s", "’s")) or w.lower() in MODIFIERS:
        return False
    word_start = s - (len(text[max(sent.start, s - 40):s]) - m.start(1))
    first = text[sent.start:word_start].strip(" \t\n\"“‘'(") == ""
    return not first


def _noun(text: str, pos: int, limit: int, allow_of: bool):
    """The counted noun phrase after a number: ``(start, end, words, position after)``."""
    m = _OF.match(text, pos)
    if m and allow_of:
        after_of = m.end()
    else:
        after_of = pos
    quoted = _OPEN_QUOTE.match(text, after_of)
    p = quoted.end() if quoted else after_of
    lex = lexicon()
    words: list[str] = []
    start = end = p
    while p < limit and len(words) < NOUN_MAX + 2:
        if lex.predicate_re.match(text, p + (len(text[p:p + 3]) - len(text[p:p + 3].lstrip()))) and words:
            break
        wm = _WORD.match(text, p)
        if not wm or wm.end() > limit:
            break
        w = wm.group(1)
        lw = w.lower()
        if lw in ("and", "&"):
            if not words:
                break
            nxt = _WORD.match(text, wm.end())
            if not nxt or nxt.group(1).lower() not in lex.group_of:
                break
            words.append(lw)
            p = wm.end()
            continue
        if lw in NOUN_STOP or lw in MONTHS:
            if lw in MODIFIERS and not words:
                p = wm.end()
                start = p
                continue
            break
        if words and lw.endswith(("ing", "ed")) and lw not in lex.group_of:
            break
        if words and lw in lex.predicate_of and lw not in lex.group_of:
            break
        if not words:
            start = wm.start(1)
            if lw in lex.predicate_of and lw not in lex.event_nouns:
                break  # "26 killed", "26 dead": the predicate itself, no noun
        words.append(w)
        end = wm.end()
        p = wm.end()
        if len(words) >= NOUN_MAX and "and" not in words:
            break
    while words and words[-1] in ("and", "&"):
        words.pop()
    if quoted and words:
        cq = _CLOSE_QUOTE.match(text, end)
        if cq:
            end = cq.end()
            p = max(p, end)
    if not words:
        return pos, pos, [], pos
    return start, end, words, end


def _after_predicates(text: str, pos: int, limit: int) -> list[tuple[str, int | None]]:
    """Predicates right after the noun: "detained", "were killed", "who had attacked", "injured & killed"."""
    lex = lexicon()
    m = _AUX.match(text, pos)
    if not m:
        return []
    p = m.end()
    if p >= limit:
        return []
    pm = lex.predicate_re.match(text, p)
    out: list[tuple[str, int | None]] = []
    if pm and pm.end() <= limit:
        end = None if m.group("rel") else pm.end()
        out.append((lex.predicate_of[pm.group().lower()], end))
        c = _COORD.match(text, pm.end())
        if c:
            pm2 = lex.predicate_re.match(text, c.end())
            if pm2 and pm2.end() <= limit:
                name = lex.predicate_of[pm2.group().lower()]
                if name != out[0][0]:
                    out.append((name, None if m.group("rel") else pm2.end()))
        return out
    if m.group("aux") or m.group("rel"):
        vm = _PARTICIPLE.match(text, p)
        if vm and vm.end() <= limit:
            return [(vm.group(1).lower(), None if m.group("rel") else vm.end())]
    return []


def _before_predicate(text: str, sent: Span, start: int) -> list[tuple[str, int | None]]:
    """A predicate right before the number: "killing 26 people", "arrested more than 3,000"."""
    before = text[max(sent.start, start - 50):start]
    if "toll" in before.lower() and _TOLL_BEFORE.search(before):
        return [("killed", None)]
    lex = lexicon()
    # a word, then white space, at the end: the test ``(\b[\w ]+?)\s+$`` made, quadratic in the window
    if not before or not before[-1].isspace():
        return []
    tail = before.rstrip().lower()
    if not tail or not tail[-1].isalnum():
        return []
    # the longest phrase of the lexicon the text ends with, by its last words (phrases are whole words)
    words = _TAIL_WORDS.findall(tail[-40:])
    for k in range(min(PHRASE_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[-k:])
        name = lex.predicate_of.get(phrase)
        if name is not None and tail.endswith(phrase):
            if phrase in lex.event_nouns or name in ("killed",) and phrase in ("dead", "death", "deaths"):
                return []
            return [(name, None)]
    return []


_TAIL_WORDS = re.compile(r"[^\W_]+")
PHRASE_WORDS = 4  # the most words of a predicate phrase in the lexicon
