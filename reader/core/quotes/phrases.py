"""The words around a quotation as tokens, and the noun phrases that can name a speaker.

A quotation (any quotation of the article) becomes one placeholder token, so the grammar here never
reads words inside quotation marks as narration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import BETWEEN, DEFINITE, INDEFINITE, PRONOUNS, ROLES, SPEECH_VERBS

_TOKEN = re.compile(r"[^\W_](?:[\w’'.-]*[^\W_])?|[,;:()—–]")
QUOTE_TOKEN = "\x00Q"
PARTICLES = frozenset("de del della der van von da di du la le bin ibn al el ben of y".split())
_NOT_NAME = frozenset("the a an in on at for but and or as if when while after before with by from to this that "
                      "these those there here it its his her their he she they we i you".split()) | BETWEEN
_MODIFIER = re.compile(r"[a-z]+(?:ed|en|ing)$|of$|in$|at$|on$|from$|with$|under$")  # after a head noun
_NP_STOP = frozenset("in on at for but and or as if when while after before with by from to who which that "
                     "because since said says told".split())


class Tok:
    __slots__ = ("text", "start", "end", "low")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end, self.low = text, start, end, text.lower()


def tokens(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> list[Tok]:
    """Tokens of ``text[start:end]`` with each quotation replaced by one placeholder token."""
    out: list[Tok] = []
    pos = start
    for rs, re_ in regions:
        if re_ <= start or rs >= end:
            continue
        if rs > pos:
            out += [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, pos, rs)]
        out.append(Tok(QUOTE_TOKEN, max(rs, start), min(re_, end)))
        pos = max(pos, re_)
    if pos < end:
        out += [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, pos, end)]
    return out


def bare(low: str) -> str:
    for suffix in ("’s", "'s"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


def role_of(low: str) -> str | None:
    w = bare(low)
    if w in ROLES:
        return w
    if w.endswith("s") and w[:-1] in ROLES:
        return w  # plural
    return None


def is_cap(t: Tok) -> bool:
    c = t.text[0]
    return (c.isupper() or (c.isdigit() and any(ch.isupper() for ch in t.text))) and t.low not in _NOT_NAME


@dataclass(slots=True)
class NP:
    kind: str  # "name", "role", "pronoun"
    i: int  # first token
    j: int  # last token (inclusive)
    definite: bool = True


def np_ending_at(toks: list[Tok], j: int, lo: int) -> NP | None:
    if j < lo:
        return None
    t = toks[j]
    if t.text == QUOTE_TOKEN:
        return None
    if t.low in PRONOUNS:
        return NP("pronoun", j, j)
    if is_cap(t) and not (role_of(t.low) and (j == lo or not is_cap(toks[j - 1]))):
        i = j
        while i - 1 >= lo:
            p = toks[i - 1]
            if is_cap(p):
                i -= 1
            elif p.low in PARTICLES and i - 2 >= lo and is_cap(toks[i - 2]):
                i -= 2
            else:
                break
        return NP("name", i, j)
    if role_of(t.low):
        i = j
        definite = False
        while i - 1 >= lo and j - i < 4:
            p = toks[i - 1]
            if p.low in DEFINITE:
                i -= 1
                definite = True
                break
            if p.low in INDEFINITE:
                i -= 1
                break
            if p.text in ",;:()—–" or p.text == QUOTE_TOKEN or p.low in _NP_STOP or p.low in SPEECH_VERBS:
                break
            i -= 1
        if not definite and i == j and toks[j].text[0].isupper() and not toks[j].low.endswith("s"):
            definite = True  # "Journalist", "President" as a title
        return NP("role", i, j, definite)
    return _possessed(toks, j, lo)


def _possessed(toks: list[Tok], j: int, lo: int) -> NP | None:
    """ "Obama's former campaign strategist": a noun after a name's possessive, a few words back."""
    if not toks[j].text.isalpha() or not toks[j].text.islower() or toks[j].low in _NP_STOP | _NOT_NAME:
        return None
    for i in range(j - 1, max(lo, j - 4) - 1, -1):
        t = toks[i]
        if t.low.endswith(("'s", "’s")) and is_cap(t):
            k = i
            while k - 1 >= lo and is_cap(toks[k - 1]):
                k -= 1
            return NP("role", k, j, True)
        if not t.text.isalpha() or not t.text.islower() or t.low in _NP_STOP | _NOT_NAME | SPEECH_VERBS:
            return None
    return None


def np_starting_at(toks: list[Tok], i: int, hi: int) -> NP | None:
    """A noun phrase read forwards: after "according to", or after an inverted "said"."""
    if i >= hi:
        return None
    t = toks[i]
    if t.low in PRONOUNS and t.low != "who":
        return NP("pronoun", i, i)
    j = i
    definite = t.low in DEFINITE
    if t.low in DEFINITE or t.low in INDEFINITE:
        j += 1
    last = None
    while j < hi and j - i < 8:
        w = toks[j]
        if w.text == QUOTE_TOKEN or w.text in ",;:()—–" or w.low in SPEECH_VERBS:
            break
        if w.low in _NP_STOP and not (w.low == "of" and j + 1 < hi and is_cap(toks[j + 1])):
            break
        last = j
        j += 1
    if last is None:
        return None
    words = toks[i:last + 1]
    if any(is_cap(w) for w in words if w.low not in DEFINITE | INDEFINITE):
        # the head is the last capitalised run or a role noun after it
        return NP("name", i, last, True)
    head = next((k for k in range(last, i - 1, -1) if role_of(toks[k].low) and (k == last or _MODIFIER.match(
        toks[k + 1].low))), None)
    if head is not None:  # "a civil complaint filed by ...", "the officers involved in ...": before a modifier
        return NP("role", i, head, definite or toks[i].low in DEFINITE)
    return None


def np_at_start(toks: list[Tok], i: int, hi: int) -> NP | None:
    """The subject that opens a clause: a pronoun, a name, or "the minister (of ...)"."""
    if i >= hi:
        return None
    t = toks[i]
    if t.low in PRONOUNS and t.low != "who":
        return NP("pronoun", i, i)
    if is_cap(t):
        j = i
        while j + 1 < hi and (is_cap(toks[j + 1]) or (toks[j + 1].low in PARTICLES and j + 2 < hi and is_cap(toks[j + 2]))):
            j += 2 if toks[j + 1].low in PARTICLES else 1
        return NP("role" if j == i and role_of(t.low) else "name", i, j)
    if t.low in DEFINITE | INDEFINITE:
        for j in range(i + 1, min(hi, i + 5)):
            if role_of(toks[j].low):
                return NP("role", i, j, t.low in DEFINITE)
    return None
