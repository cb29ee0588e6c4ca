"""Who said it: find the words naming a quotation's speaker, then resolve them to an entity.

The speaker is looked for in the quotation's own sentence first ("X said", "said X", "X told ...",
"according to X", "X, who announced ..."), then, for a quotation of four words or more that has no
attribution of its own, in the neighbouring sentences and the previous quotation. The words found are
resolved against the entity index: a name to the entity mentioned there, a role noun ("the president",
"the ministry") to the entity most recently named with that role in the same article, a pronoun to the
nearest preceding compatible person or speaker. When nothing resolves the speaker is None: the words
found stay in ``speaker_text``, but no entity is ever guessed.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..document import Document, Span
from .credits import credit_after, credit_closing, label_name, transcript_label
from .cues import CUE_WORDS, document_subject, issuer, noun_owner, noun_use, passive_agent, put_it
from .entityview import DocEntities
from .lexicon import ATTRIBUTION_PHRASES, BETWEEN, DEFINITE, INDEFINITE, PRONOUNS, SPEECH_VERBS
from .phrases import QUOTE_TOKEN, NP, Tok, is_cap, np_at_start, np_ending_at, np_starting_at, tokens
from .referents import Referents
from .resolution import Attribution, Resolver

__all__ = ["Attribution", "Attributor"]

_PHRASE_FIRST = frozenset(p[0] for p in ATTRIBUTION_PHRASES)
# Verbs that may come before their subject ("..., said Yeager:"); others take an object there.
_INVERTING = frozenset("said says added adds asked asks continued explained replied answered declared wrote writes".split())
_RELATIVE = frozenset(("who", "which", "whose"))  # ", who runs the campaign,": a description
# Only a conjunction, a comma or a determiner between two quotations: '“A” and a “B”', '“A,” “B”'.
_COORDINATED = re.compile(r"[^\S\n,]*,?[^\S\n]*(?:(?:and|or|but|nor|as well as)[^\S\n]+)?(?:(?:a|an|the|his|her|their|its|of)[^\S\n]+)?")
# A clause of its own begins: "X called Y a “disgrace” after she attacked ... and blamed ...".
_SUBORDINATORS = frozenset("after before when while because since as if although though until unless".split())
_TERM_BEFORE = frozenset("a an the this that his her its their of in at on for during".split())
_ADVERB = re.compile(r"[a-z]{3,}ly$")  # "Gingrich cynically dismissed": an adverb between subject and verb


class Attributor(Resolver):
    """Attributes the quotations of one article, in order (a pronoun may refer to an earlier speaker)."""

    def __init__(self, doc: Document, entities: DocEntities, regions: list[tuple[int, int]]):
        self.doc = doc
        self.text = doc.text
        self.ents = entities
        self.regions = regions  # outer spans of every quotation of the article, sorted
        self._region_set = set(regions)
        self.sentences = doc.sentences
        self._sent_starts = [s.start for s in self.sentences]
        self.speakers: list[tuple[int, Any]] = []  # (offset, entity) of resolved speakers so far
        self._referents: Referents | None = None

    # --- the pieces of text around a quotation ----------------------------
    def _sentence_at(self, offset: int) -> int:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        return max(0, min(i, len(self.sentences) - 1))

    def _sentence_start(self, offset: int) -> int:
        return self.sentences[self._sentence_at(offset)].start if self.sentences else 0

    def _toks(self, start: int, end: int) -> list[Tok]:
        return tokens(self.text, start, end, self.regions)

    # --- finding a verb and its subject -------------------------------------
    @staticmethod
    def _phrase_at(toks: list[Tok], k: int) -> int:
        """Length of an attribution phrase ("according to") starting at token k, else 0."""
        if toks[k].low not in _PHRASE_FIRST:
            return 0
        for phrase in ATTRIBUTION_PHRASES:
            n = len(phrase)
            if k + n <= len(toks) and all(toks[k + m].low == phrase[m] for m in range(n)):
                return n
        return 0

    def _subject_before(self, toks: list[Tok], v: int, lo: int, depth: int = 0) -> NP | None:
        """The subject of the verb at ``toks[v]``, read backwards from it."""
        if depth > 3:
            return None
        j = v - 1
        while j >= lo:
            if toks[j].low in BETWEEN or toks[j].text[0].isdigit() or _ADVERB.match(toks[j].text):
                j -= 1
            elif toks[j].text == ")":  # "Rep. Edward Markey ( D-Mass. ) said"
                k = j
                while k >= lo and toks[k].text != "(":
                    k -= 1
                if k < lo:
                    break
                j = k - 1
            else:
                break
        if toks[v].low.endswith("ing") and (j < lo or toks[j].low in _SUBORDINATORS and (
                j == lo or toks[j - 1].text in ",;:" or toks[j - 1].text == QUOTE_TOKEN)):
            # "After saying her foot was “...”, she ...": a participle opening the sentence is its subject's
            comma = next((k for k in range(v + 1, len(toks)) if toks[k].text == "," or (
                toks[k].text == QUOTE_TOKEN and self.text[toks[k].start:toks[k].end].rstrip("\"'”’ ").endswith(","))),
                None)
            main = np_at_start(toks, comma + 1, len(toks)) if comma is not None else None
            if main is not None and len(toks) - main.j <= 4:  # "..., she was “...”": the main clause's words
                return main
        if j < lo or toks[j].text == QUOTE_TOKEN:
            return None
        if toks[j].text == "," and j - 2 >= lo and toks[j - 1].text.isdigit() and toks[j - 2].text == ",":
            j -= 3  # "Quina Jones, 25, said": an age between commas
        if toks[j].text == ",":
            # ", claiming ..." after a clause: the clause's subject; ", told AFP" after an appositive
            k = j - 1
            seg_start = k
            while seg_start >= lo and toks[seg_start].text not in ",;:" and toks[seg_start].text != QUOTE_TOKEN:
                seg_start -= 1
            seg = range(seg_start + 1, j)
            verb = next((k for k in reversed(seg) if toks[k].low in SPEECH_VERBS), None)
            if verb is not None:  # "it said in a statement, adding that ..."
                return self._subject_before(toks, verb, lo, depth + 1)
            first = toks[seg_start + 1] if seg else None
            # ", director of the council ," / ", a Western diplomat ,": a description, not the subject
            appositive = first is not None and (first.low in DEFINITE | INDEFINITE or first.low in _RELATIVE or (
                first.text[0].islower() and first.low not in PRONOUNS))
            if appositive and seg_start >= lo and toks[seg_start].text == ",":
                h = seg_start - 1
                if h >= lo and toks[h].text == ")":  # "Rep. Jim Jordan (R-Ohio), an oversight panel member,"
                    while h >= lo and toks[h].text != "(":
                        h -= 1
                    h -= 1
                head = np_ending_at(toks, h, lo)
                if head and head.kind in ("name", "pronoun"):
                    return head
                return np_starting_at(toks, seg_start + 1, j)
            if toks[v].low.endswith("ing") and seg:
                # "Papoulias condemned the violence, saying ...": the clause's subject says it
                np = np_at_start(toks, seg_start + 1, j)
                if np is not None and np.j == j - 1 and seg_start >= lo and toks[seg_start].text == ",":
                    # "X spoke about a death in Tulsa, Oklahoma, arguing ...": a name between commas
                    # (a place, an appositive) is no clause; the clause's subject says it
                    return self._clause_subject(toks, lo, seg_start - 1) or np
                return np or self._clause_subject(toks, lo, j)
            return np_ending_at(toks, j - 1, lo) if j - 1 >= lo and toks[j - 1].low not in SPEECH_VERBS else None
        np = np_ending_at(toks, j, lo)
        if np is not None:
            put_out = issuer(toks, np, lo) if np.kind == "role" else None
            if put_out is not None:  # "the council issued a statement calling ...": the council
                return self._subject_before(toks, put_out, lo, depth + 1) or np
            if np.kind == "pronoun" and toks[j].low == "who":
                k = j - 1
                if k >= lo and toks[k].text == ",":
                    k -= 1
                ante = np_ending_at(toks, k, lo)
                return ante if ante and ante.kind != "pronoun" else None
            return np
        # "The minister of transport told": the head noun before "of"
        for k in range(j, max(lo, j - 4) - 1, -1):
            if toks[k].low == "of" and k - 1 >= lo:
                head = np_ending_at(toks, k - 1, lo)
                if head is not None and head.kind != "pronoun":
                    return NP(head.kind, head.i, j, head.definite)
                break
            if toks[k].text == QUOTE_TOKEN or toks[k].text in ",;:":
                break
        # coordinated verbs share the subject: "announced the launch ... and dismissed"
        for k in range(j, max(lo, v - 14) - 1, -1):
            if toks[k].text in ";:":
                return None
            if toks[k].low in SPEECH_VERBS:
                return self._subject_before(toks, k, lo, depth + 1)
        if toks[j].low == "and" or toks[v].low.endswith("ing"):
            # "Clinton stressed her support ... and said", "Trump sent tweets saying": the clause's subject
            return self._clause_subject(toks, lo, j, terms=toks[j].low == "and")
        k = j
        while k > lo and toks[k - 1].text not in ",;:" and toks[k - 1].text != QUOTE_TOKEN:
            k -= 1
        subject = np_at_start(toks, k, j + 1)
        if subject is not None and subject.j + 1 <= j and toks[subject.j + 1].low.endswith("ing") and not any(
                t.text in ",;:" or t.low in SPEECH_VERBS for t in toks[subject.j + 1:j + 1]):
            return subject  # "Protesters marching through the streets chanted": a participle after the subject
        return None

    @staticmethod
    def _clause_subject(toks: list[Tok], lo: int, j: int, terms: bool = False) -> NP | None:
        """The name or pronoun opening the clause that ends at ``toks[j]`` (after its opening phrase:
        "In July, Gingrich ..."); with ``terms``, past quoted terms inside the clause."""
        k = j
        while k > lo and toks[k - 1].text not in ";:" and (toks[k - 1].text != QUOTE_TOKEN or (
                terms and _embedded(toks, k - 1, lo) and not any(t.low in _SUBORDINATORS for t in toks[k:j + 1]))):
            k -= 1
        for start in (k, *(m + 1 for m in range(k, min(j, k + 8)) if toks[m].text == ",")):
            np = np_at_start(toks, start, j + 1)
            if np is not None and np.kind in ("name", "pronoun"):
                return np
        return None

    def _cue_at(self, toks: list[Tok], v: int) -> NP | None:
        """A cue other than "X said" at ``toks[v]``: "as the memo put it", "a report released last year
        found", "... was written by Baker"."""
        if toks[v].low not in CUE_WORDS:
            return None
        if put_it(toks, v):
            return self._subject_before(toks, v, 0)
        writing = document_subject(toks, v)
        if writing is not None:
            return writing
        if toks[v].low in SPEECH_VERBS and not noun_use(toks, v):
            return passive_agent(toks, v)
        return None

    def _from_before(self, toks: list[Tok]) -> NP | None:
        """Attribution before the quotation in its sentence: the nearest speech verb."""
        for v in range(len(toks) - 1, -1, -1):
            t = toks[v]
            if t.text in ";" :
                return None
            n = self._phrase_at(toks, v)
            if n:
                if toks[v].low in ("quoted", "quoting"):
                    np = np_starting_at(toks, v + 1, len(toks))
                    if np:
                        return np
                    continue
                if toks[v].low == "according" or toks[v].low == "in":
                    np = np_starting_at(toks, v + n, len(toks))
                    if np:
                        return np
                    continue
                np = self._subject_before(toks, v, 0)  # "X made reference to"
                if np:
                    return np
                continue
            owner = noun_owner(toks, v)  # "Baker's claim that ..."
            if owner is not None and not any(w.text == QUOTE_TOKEN for w in toks[v + 1:]) and not any(
                    w.low in SPEECH_VERBS and not noun_use(toks, k) for k, w in enumerate(toks[:v])):
                return owner  # unless a verb reports the claim: "the judge ruled that Baker's claim ..."
            cue = self._cue_at(toks, v)
            if cue is not None:
                return cue
            if t.low in SPEECH_VERBS and not noun_use(toks, v):
                # '“What I feel,” said one young man, “is that ...”': the speaker follows the verb; after
                # "X, an adviser, called" what follows is the object ("called the remarks "a wake-up call"")
                after_quote = v == 0 or toks[v - 1].text == QUOTE_TOKEN or (
                    toks[v - 1].text == "," and (v == 1 or toks[v - 2].text == QUOTE_TOKEN))
                if not after_quote and toks[v - 1].text == "," and t.low in _INVERTING:
                    # "..., said Yeager:" introducing the quotation: the name closes the clause
                    ahead = np_starting_at(toks, v + 1, len(toks))
                    after_quote = ahead is not None and ahead.kind == "name" and (
                        ahead.j + 1 == len(toks) or toks[ahead.j + 1].text == ":") and not any(
                        w.low.endswith(("'s", "’s")) for w in toks[ahead.i:ahead.j + 1])
                inverted = after_quote and v + 1 < len(toks) and is_cap(toks[v + 1])
                np = None if inverted else self._subject_before(toks, v, 0)  # ", said Yeager:"
                if np is None and after_quote:
                    np = np_starting_at(toks, v + 1, len(toks))
                return np  # None: the nearest verb has no subject we can name
        return None

    def _from_after(self, toks: list[Tok], window: int) -> NP | None:
        """Attribution after the quotation: '..., Tokayev said', '..., said X', '..., according to X'."""
        words = 0
        for v, t in enumerate(toks):
            if t.text == QUOTE_TOKEN or t.text == ";":
                return None
            if t.text not in ",:()—–":
                words += 1
            if words > window:
                return None
            n = self._phrase_at(toks, v)
            if n and toks[v].low == "according":
                return np_starting_at(toks, v + n, len(toks))
            cue = self._cue_at(toks, v)
            if cue is not None:
                return cue
            if t.low in SPEECH_VERBS and not noun_use(toks, v):
                np = self._subject_before(toks, v, 0)
                if np is None and v <= 2 and not (v and toks[v - 1].low == "and"):
                    # inversion: "said Begmedova"; "... “X” and said he ..." shares the clause's subject
                    np = np_starting_at(toks, v + 1, len(toks))
                return np
        return None

    # --- the whole procedure ------------------------------------------------
    def _by_layout(self, outer: Span) -> Attribution | None:
        """A transcript label opening the quotation, or a credit line after it."""
        line_end = self.text.find("\n", outer.end)
        closing = credit_closing(self.text, self.text.rfind("\n", 0, outer.start) + 1,
                                 len(self.text) if line_end < 0 else line_end)
        for found, basis in ((transcript_label(self.text, outer.start, outer.end), "transcript label"),
                             (credit_after(self.text, outer.end) or closing, "credit line")):
            if found is not None:
                s, e = found
                surface = self.text[s:e]
                ent = self.ents.resolve(label_name(surface) if basis == "transcript label" else surface, s)
                if ent is None and " " in surface.strip():
                    ent = self.ents.resolve(surface.split()[-1].strip(".,"), s)
                if ent is not None and getattr(ent, "type", None) != "PERSON":
                    ent = None
                return self._keep(Attribution(surface, Span(s, e), ent, basis))
        return None

    def attribute(self, outer: Span, short: bool, prev: tuple[Span, Attribution | None] | None) -> Attribution | None:
        text = self.text
        if (outer.start, outer.end) not in self._region_set:
            return None  # a nickname inside a name ('Robert "Bobby" Hale', read as a word of it) says nothing
        by_layout = self._by_layout(outer)
        if by_layout is not None:
            return by_layout
        sa = self._sentence_at(outer.start)
        sb = self._sentence_at(max(outer.start, outer.end - 1))
        s_start = min(self.sentences[sa].start, outer.start) if self.sentences else 0
        s_end = max(self.sentences[sb].end, outer.end) if self.sentences else len(text)
        before = self._toks(s_start, outer.start)
        after = self._toks(outer.end, s_end)
        if 0 < len(after) <= 3 and sb + 1 < len(self.sentences) and not any(t.low in SPEECH_VERBS for t in after) \
                and text[:s_end].rstrip().endswith(".") and is_cap(after[-1]) and len(after[-1].text) <= 5:
            # '..., " Const. Fanning said .': a full stop of a title split the sentence
            after = self._toks(outer.end, self.sentences[sb + 1].end)
        opens_sentence = not any(t.text not in ",;:()—–" for t in before)
        order = ((after, "after", 8), (before, "before", 0), (after, "after", 40)) if opens_sentence else \
            ((before, "before", 0), (after, "after", 8), (after, "after", 40))
        for toks, side, window in order:
            np = self._from_before(toks) if side == "before" else self._from_after(toks, window)
            if np is not None:
                return self._keep(self._resolve(toks, np))
        if prev is not None and prev[1] is not None and prev[0].end <= outer.start and \
                self._sentence_at(prev[0].start) == sa and _COORDINATED.fullmatch(text, prev[0].end, outer.start):
            # '... as a “human shield” and a “disgrace”': coordinated quotations share their speaker
            p_attr = prev[1]
            return self._keep(Attribution(p_attr.text, p_attr.span, p_attr.entity, "previous quote"))
        opener = 1 if before and before[0].low in _SUBORDINATORS else 0
        if len(before) > opener and before[opener].low.endswith("ing") and before[opener].low in SPEECH_VERBS:
            # 'After saying the road was “...,” Lopez left': the opening participle's subject follows
            k = 1 if after and after[0].text == "," else 0
            main = np_at_start(after, k, len(after))
            if main is not None and (k or text[outer.start:outer.end].rstrip("\"'”’ ").endswith(",")):
                return self._keep(self._resolve(after, main))
        subject = self._subject_of_clause(before)
        if subject is not None:
            found = self._resolve(before, subject)
            if found.entity is not None:  # a capital opening the sentence ("However", "Following") names no one
                return self._keep(self._with_basis(found, "sentence subject"))
        if short:
            # a scare quote has no speaker unless its own sentence names one; a short sentence quoted
            # on its own right after a speaker's words is theirs: '“I would,” she said. “I would.”'
            said = text[outer.start:outer.end].strip("\"'“”‘’ ")
            if opens_sentence and said[-1:] in (".", "?", "!") and prev is not None and prev[1] is not None:
                p_outer, p_attr = prev
                if self._follows(p_outer, outer, sa) and self._same_paragraph(p_outer.end, outer.start):
                    return self._keep(Attribution(p_attr.text, p_attr.span, p_attr.entity, "previous quote"))
            return None
        # the next sentence: '“We will win.” Tokayev said.'
        if sb + 1 < len(self.sentences) and outer.end >= self.sentences[sb].end - 1:
            nxt = self.sentences[sb + 1]
            if self._same_paragraph(outer.end, nxt.start):
                toks = self._toks(nxt.start, nxt.end)
                np = self._from_after(toks, 4)
                if np is not None and np.kind in ("name", "pronoun"):
                    return self._keep(self._with_basis(self._resolve(toks, np), "next sentence"))
        # the previous quotation continues: '“...,” Pannier said.  “So they're ...”'
        if prev is not None and prev[1] is not None and opens_sentence:
            p_outer, p_attr = prev
            if self._follows(p_outer, outer, sa) or self._aside_between(p_outer, p_attr, sa):
                if p_attr.entity is not None or p_attr.text:
                    return self._keep(Attribution(p_attr.text, p_attr.span, p_attr.entity, "previous quote"))
        # the previous sentence of the same paragraph: 'Pensioner Bayram-aga said:' / '... by Tokayev, who announced ...'
        if sa > 0:
            prv = self.sentences[sa - 1]
            toks = self._toks(prv.start, prv.end)
            words = [t for t in toks if t.text not in ",;:()—–"]
            colon = self.text[prv.start:prv.end].rstrip().endswith(":")
            # "... a Defence Ministry statement said ." then the quotation on a line of its own
            ends_with_verb = bool(words) and (words[-1].low in SPEECH_VERBS or (
                len(words) > 1 and words[-2].low in SPEECH_VERBS and words[-1].text[0].isupper()))
            introduces = opens_sentence and (colon or ends_with_verb)
            if introduces or self._same_paragraph(prv.start, outer.start):
                np = self._from_before(toks)
                if np is None and colon and opens_sentence:
                    np = np_at_start(toks, 0, len(toks))  # "Andrew Wetzler ... was blunt:"
                if np is None and opens_sentence and self._same_paragraph(prv.start, outer.start):
                    # "On “Meet the Press,” X identified fatigue as a reason. “...”": the subject of the
                    # sentence before, after an opening phrase that may hold a title in quotation marks
                    q = max((k for k, t in enumerate(toks) if t.text == QUOTE_TOKEN), default=-1)
                    comma = q >= 0 and (self.text[toks[q].start:toks[q].end].rstrip("\"'”’ ").endswith(",") or (
                        q + 1 < len(toks) and toks[q + 1].text == ","))  # 'On “Meet the Press,” X ...'
                    rest = toks[q + 1:] if q < 0 or comma else []
                    np = self._subject_of_clause(rest)
                    if np is not None:
                        toks = rest
                if np is not None:
                    return self._keep(self._with_basis(self._resolve(toks, np), "previous sentence"))
        return None

    @staticmethod
    def _subject_of_clause(before: list[Tok]) -> NP | None:
        """With no verb of saying around it, a quotation inside a clause is its subject's words: "X
        admires Y as a “strong leader”", "X has gone after Y as a “spoiled brat”". Only a name, followed
        by a lower-case word (its verb), and no other quotation between."""
        if before and before[-1].text == ":":
            before = before[:-1]  # "X is rolling out a new message: “...”"
        if len(before) < 2 or any(t.text in (";", ":", QUOTE_TOKEN) for t in before):
            return None
        np = Attributor._clause_subject(before, 0, len(before) - 1)
        if np is None:
            # after an opening phrase of any length: "With leaders worried about turnout, X is ..."
            for k, t in enumerate(before[:-1]):
                if t.text == ",":
                    np = np_at_start(before, k + 1, len(before))
                    if np is not None and np.kind == "name":
                        break
                    np = None
        if np is None or np.kind != "name" or np.j + 1 >= len(before):
            return None  # a pronoun here is too often someone else's report ("He has reportedly ...")
        nxt = before[np.j + 1]
        if before[np.i].text.isupper() and len(before[np.i].text) > 1:
            return None  # a dateline ("SPRINGFIELD, Ill. —")
        if not nxt.text[0].islower() and nxt.text not in (",", "("):
            return None
        return np

    def _follows(self, p_outer: Span, outer: Span, sa: int) -> bool:
        """Whether the quotation ``outer`` (in sentence ``sa``) comes right after ``p_outer``: it ended
        in the previous sentence, or only a few words stand between ('“...?” Graham asked. “...”')."""
        if sa == 0 or p_outer.end >= self.sentences[max(0, sa - 1)].start:
            return True
        between = self.text[p_outer.end:outer.start]
        return len(between.split()) <= 4 and "\n\n" not in between

    def _aside_between(self, p_outer: Span, p_attr: Attribution, sa: int) -> bool:
        """Whether one sentence of narration about the previous speaker stands between: '“...,” Lopez
        said after the vote. She did not say more. “...”' (in the same paragraph, opened by a pronoun
        that fits the speaker, with no verb of saying and no quotation of its own)."""
        if sa < 2 or p_attr.entity is None or getattr(p_attr.entity, "type", None) != "PERSON":
            return False
        if not self.sentences[sa - 2].start <= p_outer.end <= self.sentences[sa - 2].end:
            return False
        mid = self.sentences[sa - 1]
        toks = self._toks(mid.start, mid.end)
        if not toks or toks[0].low not in ("he", "she") or not self._same_paragraph(p_outer.end, self.sentences[sa].start):
            return False
        if any(t.text == QUOTE_TOKEN or t.low in SPEECH_VERBS for t in toks):
            return False
        sex = self._refs.sex(p_attr.entity)
        return sex is None or sex == {"he": "m", "she": "f"}[toks[0].low]

    def _same_paragraph(self, a: int, b: int) -> bool:
        for p in self.doc.paragraphs:
            if p.start <= a < p.end or p.start <= a == p.end:
                return p.start <= b <= p.end
        return False

    @staticmethod
    def _with_basis(a: Attribution, basis: str) -> Attribution:
        a.basis = basis
        return a

    def _keep(self, a: Attribution) -> Attribution:
        if a.entity is not None:
            self.speakers.append((a.span.start, a.entity))
        return a


def _embedded(toks: list[Tok], k: int, lo: int) -> bool:
    """Whether the quotation at ``toks[k]`` is a term inside the narration ('during a “Town Hall”
    sponsored by ...'): a determiner or a preposition before it, a lower-case word after it."""
    return k - 1 >= lo and k + 1 < len(toks) and toks[k - 1].low in _TERM_BEFORE and toks[k + 1].text[0].islower()

