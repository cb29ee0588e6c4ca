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

import re
from dataclasses import dataclass
from typing import Any

from ..document import Document, Span
from .entityview import DocEntities
from .lexicon import (ATTRIBUTION_PHRASES, BETWEEN, DEFINITE, INDEFINITE, ORG_ROLES, PERSON_ROLES, PRONOUNS,
                      ROLES, SPEECH_VERBS)

_TOKEN = re.compile(r"[^\W_](?:[\w’'.-]*[^\W_])?|[,;:()—–]")
_QUOTE = "\x00Q"
_PARTICLES = frozenset("de del della der van von da di du la le bin ibn al el ben of y".split())
_NOT_NAME = frozenset("the a an in on at for but and or as if when while after before with by from to this that "
                      "these those there here it its his her their he she they we i you".split()) | BETWEEN
_NP_STOP = frozenset("in on at for but and or as if when while after before with by from to who which that "
                     "because since said says told".split())
_PHRASE_FIRST = frozenset(p[0] for p in ATTRIBUTION_PHRASES)
_FAR = 400
_GENDER_WORDS = {w: "m" for w in "mr sir lord king prince actor husband father son brother boy man businessman "
                                  "chairman spokesman congressman councilman".split()}
_GENDER_WORDS.update({w: "f" for w in "mrs ms miss madam lady dame queen princess actress wife mother daughter "
                                       "sister girl woman businesswoman chairwoman spokeswoman congresswoman "
                                       "councilwoman".split()})  # characters: how far back "it" and "they" may look


class Tok:
    __slots__ = ("text", "start", "end", "low")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end, self.low = text, start, end, text.lower()


@dataclass(slots=True)
class Attribution:
    text: str  # the words naming the speaker
    span: Span
    entity: Any | None
    basis: str


def _tokens(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> list[Tok]:
    """Tokens of ``text[start:end]`` with each quotation replaced by one placeholder token."""
    out: list[Tok] = []
    pos = start
    for rs, re_ in regions:
        if re_ <= start or rs >= end:
            continue
        if rs > pos:
            out += [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, pos, rs)]
        out.append(Tok(_QUOTE, max(rs, start), min(re_, end)))
        pos = max(pos, re_)
    if pos < end:
        out += [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, pos, end)]
    return out


def _bare(low: str) -> str:
    for suffix in ("’s", "'s"):
        if low.endswith(suffix):
            return low[: -len(suffix)]
    return low


def _role_of(low: str) -> str | None:
    w = _bare(low)
    if w in ROLES:
        return w
    if w.endswith("s") and w[:-1] in ROLES:
        return w  # plural
    return None


def _is_cap(t: Tok) -> bool:
    c = t.text[0]
    return (c.isupper() or (c.isdigit() and any(ch.isupper() for ch in t.text))) and t.low not in _NOT_NAME


@dataclass(slots=True)
class NP:
    kind: str  # "name", "role", "pronoun"
    i: int  # first token
    j: int  # last token (inclusive)
    definite: bool = True


def _np_ending_at(toks: list[Tok], j: int, lo: int) -> NP | None:
    if j < lo:
        return None
    t = toks[j]
    if t.text == _QUOTE:
        return None
    if t.low in PRONOUNS:
        return NP("pronoun", j, j)
    if _is_cap(t) and not (_role_of(t.low) and (j == lo or not _is_cap(toks[j - 1]))):
        i = j
        while i - 1 >= lo:
            p = toks[i - 1]
            if _is_cap(p):
                i -= 1
            elif p.low in _PARTICLES and i - 2 >= lo and _is_cap(toks[i - 2]):
                i -= 2
            else:
                break
        return NP("name", i, j)
    if _role_of(t.low):
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
            if p.text in ",;:()—–" or p.text == _QUOTE or p.low in _NP_STOP or p.low in SPEECH_VERBS:
                break
            i -= 1
        if not definite and i == j and toks[j].text[0].isupper() and not toks[j].low.endswith("s"):
            definite = True  # "Journalist", "President" as a title
        return NP("role", i, j, definite)
    return None


def _np_starting_at(toks: list[Tok], i: int, hi: int) -> NP | None:
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
        if w.text == _QUOTE or w.text in ",;:()—–" or w.low in SPEECH_VERBS:
            break
        if w.low in _NP_STOP and not (w.low == "of" and j + 1 < hi and _is_cap(toks[j + 1])):
            break
        last = j
        j += 1
    if last is None:
        return None
    words = toks[i:last + 1]
    if any(_is_cap(w) for w in words if w.low not in DEFINITE | INDEFINITE):
        # the head is the last capitalised run or a role noun after it
        return NP("name", i, last, True)
    if _role_of(toks[last].low):
        return NP("role", i, last, definite or toks[i].low in DEFINITE)
    return None


def _np_at_start(toks: list[Tok], i: int, hi: int) -> NP | None:
    """The subject that opens a clause: a pronoun, a name, or "the minister (of ...)"."""
    if i >= hi:
        return None
    t = toks[i]
    if t.low in PRONOUNS and t.low != "who":
        return NP("pronoun", i, i)
    if _is_cap(t):
        j = i
        while j + 1 < hi and (_is_cap(toks[j + 1]) or (toks[j + 1].low in _PARTICLES and j + 2 < hi and _is_cap(toks[j + 2]))):
            j += 2 if toks[j + 1].low in _PARTICLES else 1
        return NP("role" if j == i and _role_of(t.low) else "name", i, j)
    if t.low in DEFINITE | INDEFINITE:
        for j in range(i + 1, min(hi, i + 5)):
            if _role_of(toks[j].low):
                return NP("role", i, j, t.low in DEFINITE)
    return None


class Attributor:
    """Attributes the quotations of one article, in order (a pronoun may refer to an earlier speaker)."""

    def __init__(self, doc: Document, entities: DocEntities, regions: list[tuple[int, int]]):
        self.doc = doc
        self.text = doc.text
        self.ents = entities
        self.regions = regions  # outer spans of every quotation of the article, sorted
        self.sentences = doc.sentences
        self._sent_starts = [s.start for s in self.sentences]
        self.speakers: list[tuple[int, Any]] = []  # (offset, entity) of resolved speakers so far
        self._genders: dict[str, set[str]] | None = None

    # --- the pieces of text around a quotation ----------------------------
    def _sentence_at(self, offset: int) -> int:
        import bisect

        i = bisect.bisect_right(self._sent_starts, offset) - 1
        return max(0, min(i, len(self.sentences) - 1))

    def _toks(self, start: int, end: int) -> list[Tok]:
        return _tokens(self.text, start, end, self.regions)

    def _inside_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.regions)

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
            if toks[j].low in BETWEEN or toks[j].text[0].isdigit():
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
        if j < lo or toks[j].text == _QUOTE:
            return None
        if toks[j].text == ",":
            # ", claiming ..." after a clause: the clause's subject; ", told AFP" after an appositive
            k = j - 1
            seg_start = k
            while seg_start >= lo and toks[seg_start].text not in ",;:" and toks[seg_start].text != _QUOTE:
                seg_start -= 1
            seg = range(seg_start + 1, j)
            verb = next((k for k in reversed(seg) if toks[k].low in SPEECH_VERBS), None)
            if verb is not None:  # "it said in a statement, adding that ..."
                return self._subject_before(toks, verb, lo, depth + 1)
            first = toks[seg_start + 1] if seg else None
            # ", director of the council ," / ", a Western diplomat ,": a description, not the subject
            appositive = first is not None and (first.low in DEFINITE | INDEFINITE or (
                first.text[0].islower() and first.low not in PRONOUNS))
            if appositive and seg_start >= lo and toks[seg_start].text == ",":
                head = _np_ending_at(toks, seg_start - 1, lo)
                if head and head.kind in ("name", "pronoun"):
                    return head
                return _np_starting_at(toks, seg_start + 1, j)
            if toks[v].low.endswith("ing") and seg:
                # "Papoulias condemned the violence, saying ...": the clause's subject says it
                return _np_at_start(toks, seg_start + 1, j)
            return _np_ending_at(toks, j - 1, lo) if j - 1 >= lo and toks[j - 1].low not in SPEECH_VERBS else None
        np = _np_ending_at(toks, j, lo)
        if np is not None:
            if np.kind == "pronoun" and toks[j].low == "who":
                k = j - 1
                if k >= lo and toks[k].text == ",":
                    k -= 1
                ante = _np_ending_at(toks, k, lo)
                return ante if ante and ante.kind != "pronoun" else None
            return np
        # "The minister of transport told": the head noun before "of"
        for k in range(j, max(lo, j - 4) - 1, -1):
            if toks[k].low == "of" and k - 1 >= lo:
                head = _np_ending_at(toks, k - 1, lo)
                if head is not None and head.kind != "pronoun":
                    return NP(head.kind, head.i, j, head.definite)
                break
            if toks[k].text == _QUOTE or toks[k].text in ",;:":
                break
        # coordinated verbs share the subject: "announced the launch ... and dismissed"
        for k in range(j, max(lo, v - 14) - 1, -1):
            if toks[k].text in ";:":
                return None
            if toks[k].low in SPEECH_VERBS:
                return self._subject_before(toks, k, lo, depth + 1)
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
                    np = _np_starting_at(toks, v + 1, len(toks))
                    if np:
                        return np
                    continue
                if toks[v].low == "according" or toks[v].low == "in":
                    np = _np_starting_at(toks, v + n, len(toks))
                    if np:
                        return np
                    continue
                np = self._subject_before(toks, v, 0)  # "X made reference to"
                if np:
                    return np
                continue
            if t.low in SPEECH_VERBS:
                inverted = (v == 0 or toks[v - 1].text in (_QUOTE, ",")) and v + 1 < len(toks) and _is_cap(toks[v + 1])
                np = None if inverted else self._subject_before(toks, v, 0)  # ", said Yeager:"
                if np is None and (v == 0 or toks[v - 1].text in (_QUOTE, ",")):
                    # '“What I feel,” said one young man, “is that ...”': the speaker follows the verb
                    np = _np_starting_at(toks, v + 1, len(toks))
                return np  # None: the nearest verb has no subject we can name
        return None

    def _from_after(self, toks: list[Tok], window: int) -> NP | None:
        """Attribution after the quotation: '..., Tokayev said', '..., said X', '..., according to X'."""
        words = 0
        for v, t in enumerate(toks):
            if t.text == _QUOTE or t.text == ";":
                return None
            if t.text not in ",:()—–":
                words += 1
            if words > window:
                return None
            n = self._phrase_at(toks, v)
            if n and toks[v].low == "according":
                return _np_starting_at(toks, v + n, len(toks))
            if t.low in SPEECH_VERBS:
                np = self._subject_before(toks, v, 0)
                if np is None and v <= 2:
                    np = _np_starting_at(toks, v + 1, len(toks))  # inversion: "said Begmedova"
                return np
        return None

    # --- resolving the words to an entity ---------------------------------
    def _resolve(self, toks: list[Tok], np: NP) -> Attribution:
        start, end = toks[np.i].start, toks[np.j].end
        surface = self.text[start:end]
        ent = None
        if np.kind == "pronoun":
            ent = self._resolve_pronoun(toks[np.i].low, start)
        else:
            # an entity mention that ends where the phrase ends is its head ("... Kassym-Jomart Tokayev")
            # only the head counts: "Kazakhstan's Interior Ministry" is not Kazakhstan
            of = next((t.start for t in toks[np.i:np.j + 1] if t.low == "of"), end)
            heads = [m for m in self.ents.in_span(start, end) if start <= m[0] < of and m[1] == end]
            if heads:
                ent = heads[0][2]
            elif np.kind == "name":
                run = self._cap_run(toks, np)
                ent = self.ents.resolve(run, start)
                last = run.split()[-1] if run.split() else ""
                if ent is None and last != run and len(last) > 2:
                    ent = self.ents.resolve(last, start)  # "Const. Fanning": the surname alone
            titled = np.kind == "name" and _role_of(toks[np.j].low) is not None  # "Kazakhstan President"
            if ent is None and ((np.kind == "role" and np.definite) or titled):
                role = _bare(toks[np.j].low)
                if role in ROLES:
                    ent = self._resolve_role(role, start)
        if ent is not None and getattr(ent, "type", None) not in ("PERSON", "ORG", "PLACE"):
            ent = None
        return Attribution(surface, Span(start, end), ent, "same sentence")

    def _cap_run(self, toks: list[Tok], np: NP) -> str:
        words = [t for t in toks[np.i: np.j + 1]]
        # the last capitalised run names the speaker: "US state department spokesman Ned Price" -> "Ned Price"
        k = len(words) - 1
        while k >= 0 and not _is_cap(words[k]):
            k -= 1
        e = k
        while k - 1 >= 0 and (_is_cap(words[k - 1]) or words[k - 1].low in _PARTICLES):
            k -= 1
        if e < 0:
            return self.text[toks[np.i].start: toks[np.j].end]
        return self.text[words[k].start: words[e].end]

    def _resolve_pronoun(self, pronoun: str, offset: int) -> Any | None:
        want = PRONOUNS.get(pronoun)
        if want == "PERSON":
            return self._nearest(offset, ("PERSON",), None, gender={"he": "m", "she": "f"}[pronoun])
        if want == "ORG":
            return self._nearest(offset, ("ORG",), _FAR)
        return None

    def _gender(self, ent: Any) -> str | None:
        """"m" or "f" when a title or a word next to one of the entity's mentions says so."""
        if self._genders is None:
            self._genders = {}
            text = self.text
            for s, e, en in self.ents.mentions:
                words = re.findall(r"[a-z]+", text[max(0, s - 30): s].lower())[-3:]
                words += re.findall(r"[a-z]+", text[e: e + 25].lower())[:3]
                g = {_GENDER_WORDS[w] for w in words if w in _GENDER_WORDS}
                if len(g) == 1:
                    self._genders.setdefault(en.id, set()).update(g)
        g = self._genders.get(ent.id)
        return next(iter(g)) if g and len(g) == 1 else None

    def _nearest(self, offset: int, types: tuple[str, ...], within: int | None, gender: str | None = None) -> Any | None:
        def fits(ent: Any) -> bool:
            if ent.type not in types:
                return False
            g = self._gender(ent) if gender else None
            return g is None or g == gender  # "she" never resolves to a man known as "Mr. ..."

        best_pos, best = -1, None
        for s, e, ent in reversed(self.ents.before(offset)):
            if fits(ent) and not self._inside_quote(s):
                best_pos, best = s, ent
                break
        for pos, ent in reversed(self.speakers):
            if pos < offset and fits(ent):
                if pos > best_pos:
                    best_pos, best = pos, ent
                break
        if best is None or (within is not None and offset - best_pos > within):
            return None
        return best

    def _resolve_role(self, role: str, offset: int) -> Any | None:
        single = role[:-1] if role.endswith("s") and role[:-1] in ROLES else role
        if single != role and single in PERSON_ROLES:
            return None  # "officials": a group, not one speaker
        want = "PERSON" if single in PERSON_ROLES else "ORG"
        text = self.text
        for s, e, ent in reversed(self.ents.before(offset)):
            if ent.type != want:
                continue
            if single in getattr(ent, "roles", ()) or single in text[s:e].lower().split():
                return ent
            before = text[max(0, s - 60): s].lower().replace("’s", "").replace("'s", "").split()[-4:]
            if single in before:
                return ent
            after = text[e: e + 40].lower()
            if re.match(r"\s*,\s*(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}" + re.escape(single) + r"\b", after):
                return ent
        return None

    # --- the whole procedure ------------------------------------------------
    def attribute(self, outer: Span, short: bool, prev: tuple[Span, Attribution | None] | None) -> Attribution | None:
        text = self.text
        sa = self._sentence_at(outer.start)
        sb = self._sentence_at(max(outer.start, outer.end - 1))
        s_start = min(self.sentences[sa].start, outer.start) if self.sentences else 0
        s_end = max(self.sentences[sb].end, outer.end) if self.sentences else len(text)
        before = self._toks(s_start, outer.start)
        after = self._toks(outer.end, s_end)
        if 0 < len(after) <= 3 and sb + 1 < len(self.sentences) and not any(t.low in SPEECH_VERBS for t in after) \
                and text[:s_end].rstrip().endswith(".") and _is_cap(after[-1]) and len(after[-1].text) <= 5:
            # '..., " Const. Fanning said .': a full stop of a title split the sentence
            after = self._toks(outer.end, self.sentences[sb + 1].end)
        opens_sentence = not any(t.text not in ",;:()—–" for t in before)
        order = ((after, "after", 8), (before, "before", 0), (after, "after", 40)) if opens_sentence else \
            ((before, "before", 0), (after, "after", 8), (after, "after", 40))
        for toks, side, window in order:
            np = self._from_before(toks) if side == "before" else self._from_after(toks, window)
            if np is not None:
                return self._keep(self._resolve(toks, np))
        if short:
            return None  # a scare quote has no speaker unless its own sentence names one
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
            if sa == 0 or p_outer.end >= self.sentences[max(0, sa - 1)].start:
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
                    np = _np_at_start(toks, 0, len(toks))  # "Andrew Wetzler ... was blunt:"
                if np is not None:
                    return self._keep(self._with_basis(self._resolve(toks, np), "previous sentence"))
        return None

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
