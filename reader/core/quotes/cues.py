"""Cues of attribution that are not a plain verb of saying: nouns of speech and their owners ("Lopez's
claim that ...", "his late-night tweets"), the agent of a passive ("written by Baker"), "as X put it",
a writing as the subject ("the report found that", "a document on the website states") and its issuer
("the council issued a statement calling ...").

Each function reads the tokens of one stretch of narration (``phrases.tokens``) at one position.
"""

from __future__ import annotations

from .lexicon import BETWEEN, DEFINITE, DOCUMENTS, INDEFINITE, SPEECH_VERBS
from .phrases import NP, QUOTE_TOKEN, Tok, bare, is_cap, np_ending_at, np_starting_at

# Forms of verbs of saying that are as often nouns: "a tweet", "his vows", "the reports".
_NOUN_FORMS = frozenset("tweet tweets vow vows stress rebuke rebukes reports".split())
_BEFORE_NOUN = DEFINITE | INDEFINITE | frozenset("of in on with by from my our your".split())
# Nouns whose owner said the words they introduce: "Baker's claim that ...", "her statement:".
SPEECH_NOUNS = frozenset("claim claims statement statements remark remarks comment comments tweet tweets post posts "
                         "assertion assertions contention suggestion insistence argument warning warnings "
                         "accusation accusations allegation allegations promise pledge vow boast charge "
                         "description prediction declaration announcement message words".split())
# What may follow such a noun when the quotation is its content: "claim that", "statement: “”".
_CONTENT_OPENERS = frozenset(("that", ":", "about", "of", QUOTE_TOKEN))


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


# What a writing does with its words, beside the verbs of saying: "the audit found", "the memo states".
_DOCUMENT_VERBS = frozenset("found finds states stated shows showed show reads read concluded concludes".split())
# Verbs by which someone puts out a writing: "X issued a statement calling ..." is X's.
_CLAUSE_LINKS = frozenset("that which who and or but".split())
_PREPOSITIONS = frozenset("of in on at for with by from to into through about over under".split())
_ISSUING = frozenset("issued issues released releases sent sends posted posts published publishes".split())


def _document(t: Tok) -> bool:
    w = bare(t.low)
    return w in DOCUMENTS or (w.endswith("s") and w[:-1] in DOCUMENTS)


def document_subject(toks: list[Tok], v: int, lo: int = 0) -> NP | None:
    """ "A report released last year found that ...", "A memo on the agency's website states": the
    writing that is the subject of ``toks[v]``, one of the verbs of what a writing does."""
    if toks[v].low not in _DOCUMENT_VERBS:
        return None
    for k in range(v - 1, max(lo - 1, v - 9), -1):
        t = toks[k]
        if t.text == QUOTE_TOKEN or t.text in ",;:" or t.low in SPEECH_VERBS or t.low in _CLAUSE_LINKS:
            return None
        if _document(t):
            np = np_ending_at(toks, k, lo)
            if np is None or np.kind != "role":
                return None
            p = np.i - 1
            if p - 1 >= lo and toks[p].low in _PREPOSITIONS and _document(toks[p - 1]):
                outer = np_ending_at(toks, p - 1, lo)  # "a memo on the agency's website": the memo
                if outer is not None and outer.kind == "role":
                    np, p = NP("role", outer.i, np.j, outer.definite), outer.i - 1
            if p >= lo and (toks[p].low in _PREPOSITIONS or toks[p].low.endswith("ed")):
                return None  # "they combed through the filings and found": an object, not the subject
            return np
    return None


def issuer(toks: list[Tok], np: NP, lo: int) -> int | None:
    """The index of the verb by which the writing ``np`` was put out ("X issued a statement"), else None."""
    k = np.i - 1
    while k >= lo and toks[k].low in BETWEEN:
        k -= 1
    if k > lo and toks[k].low == "out" and toks[k - 1].low in ("put", "puts"):
        k -= 1  # "put out a statement"
    elif k < lo or toks[k].low not in _ISSUING:
        return None
    return k if _document(toks[np.j]) and toks[np.i].low in INDEFINITE else None


# Every word at which a cue of this module may stand: the rest are passed over at once.
CUE_WORDS = frozenset(("put", "puts")) | _DOCUMENT_VERBS | SPEECH_VERBS
