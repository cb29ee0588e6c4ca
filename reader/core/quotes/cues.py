"""Cues of attribution that are not a plain verb of saying: nouns of speech and their owners ("Lopez's
claim that ...", "his late-night tweets"), the agent of a passive ("written by Baker"), "as X put it".

Each function reads the tokens of one stretch of narration (``phrases.tokens``) at one position.
"""

from __future__ import annotations

from .lexicon import DEFINITE, INDEFINITE, SPEECH_VERBS
from .phrases import NP, QUOTE_TOKEN, Tok, is_cap, np_ending_at, np_starting_at

# Forms of verbs of saying that are as often nouns: "a tweet", "his vows", "the reports".
_NOUN_FORMS = frozenset("tweet tweets vow vows stress rebuke rebukes reports".split())
_BEFORE_NOUN = DEFINITE | INDEFINITE | frozenset("of in on with by from my our your".split())
# Nouns whose owner said the words they introduce: "Baker's claim that ...", "her statement:".
SPEECH_NOUNS = frozenset("claim claims statement statements remark remarks comment comments tweet tweets post posts "
                         "assertion assertions contention suggestion insistence argument warning warnings "
                         "accusation accusations allegation allegations promise pledge vow boast charge "
                         "description prediction declaration announcement message words".split())
# What may follow such a noun when the quotation is its content: "claim that", "statement: “”".
_CONTENT_OPENERS = frozenset(("that", ":", ",", "about", "of", QUOTE_TOKEN))


def _possessive(t: Tok) -> bool:
    return t.low.endswith(("'s", "’s")) or (t.low.endswith(("s'", "s’")))


def noun_use(toks: list[Tok], v: int) -> bool:
    """Whether the verb-like word at ``toks[v]`` is a noun here: after a determiner, a possessive or a
    preposition, with at most two modifiers between ("his late-night tweets", "Baker's post")."""
    if toks[v].low not in _NOUN_FORMS:
        return False
    for k in range(v - 1, max(-1, v - 4), -1):
        t = toks[k]
        if t.low in _BEFORE_NOUN or _possessive(t):
            return True
        if t.text == QUOTE_TOKEN or not t.text.isalpha() and "-" not in t.text or t.low in SPEECH_VERBS:
            return False
        if is_cap(t):
            return k == v - 1 and k > 0 and (toks[k - 1].low in DEFINITE | INDEFINITE or _possessive(toks[k - 1]))
    return False


def noun_owner(toks: list[Tok], k: int, lo: int = 0) -> NP | None:
    """At a noun of speech ``toks[k]`` whose content follows ("Baker's claim that", "Kim's remarks about"):
    the name owning it, else None ("his claim" is left to the verb of the sentence)."""
    if toks[k].low not in SPEECH_NOUNS:
        return None
    if k + 1 < len(toks) and toks[k + 1].text not in _CONTENT_OPENERS and toks[k + 1].low not in _CONTENT_OPENERS:
        return None
    for i in range(k - 1, max(lo - 1, k - 4), -1):
        t = toks[i]
        if _possessive(t) and is_cap(t):
            np = np_ending_at(toks, i, lo)
            if np is not None and np.kind == "name":
                return np
            return None
        if not t.text.isalpha() and "-" not in t.text or t.low in SPEECH_VERBS or t.low in DEFINITE | INDEFINITE:
            return None
    return None


def passive_agent(toks: list[Tok], v: int) -> NP | None:
    """ "written by Baker", "was said by the mayor": the agent after a participle of saying."""
    if v + 1 < len(toks) and toks[v + 1].low == "by" and (toks[v].low.endswith(("ed", "en")) or toks[v].low in (
            "said", "told", "sung")):
        np = np_starting_at(toks, v + 2, len(toks))
        if np is not None and np.kind in ("name", "role"):
            return np
    return None


def put_it(toks: list[Tok], v: int) -> bool:
    """ "as Baker put it", "as the report puts it": ``toks[v]`` is "put"/"puts" after "as" and a subject."""
    if toks[v].low not in ("put", "puts") or v + 1 >= len(toks) or toks[v + 1].low != "it":
        return False
    return any(toks[k].low == "as" for k in range(max(0, v - 8), v))
