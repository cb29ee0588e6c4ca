"""Resolving the words that name a speaker to an entity of the article.

A name resolves to the entity mentioned there, a role noun ("the president", "the ministry") to the
entity most recently named with that role in the same article, a pronoun to the nearest preceding
compatible person or speaker ("she" never to a man, "he" never to a group). When nothing resolves the
entity is None: no entity is ever guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..document import Span
from .entityview import DocEntities
from .lexicon import DOCUMENTS, PERSON_ROLES, PRONOUNS, ROLES
from .phrases import NP, PARTICLES, Tok, bare, is_cap, role_of
from .referents import Referents

_NOT_OWNERS = frozenset("he she it that there here what who this let".split())  # "He's": he is
# A clause opening the sentence with a conjunction, up to its comma: "Though she called it “...”, ".
_FRONTED = re.compile(r"(?:Though|Although|While|Even though|After|Before|When|Because|Since|As|If|Once)\s+"
                      r"(?:he|she)\b(?:[^,;:.!?“”\"]|[“\"][^”\"]*[”\"])*?(?:,|[“\"][^”\"]*,[”\"])\s*")
_NAME_OPENS = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)\s+[a-z]")  # "Lopez restricted"
_FAR = 400  # characters: how far back "it" and "they" may look


@dataclass(slots=True)
class Attribution:
    text: str  # the words naming the speaker
    span: Span
    entity: Any | None
    basis: str


class Resolver:
    """Resolution for one article; the attributor that reads the sentences is built on it."""

    text: str
    ents: DocEntities
    regions: list[tuple[int, int]]  # outer spans of every quotation of the article, sorted
    speakers: list[tuple[int, Any]]  # (offset, entity) of resolved speakers so far
    _referents: Referents | None

    def _inside_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.regions)

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
            # "Baker's claim": Baker ("He's", "That's" are no possessives)
            own = end - 2 if surface.endswith(("'s", "’s")) and surface[:-2].lower() not in _NOT_OWNERS else end
            heads = [m for m in self.ents.in_span(start, end) if start <= m[0] < of and m[1] in (end, own)]
            if heads:
                ent = heads[0][2]
            elif np.kind == "name":
                run = self._cap_run(toks, np)
                run = run[:-2] if run.endswith(("'s", "’s")) and run[:-2].lower() not in _NOT_OWNERS else run
                ent = self.ents.resolve(run, start)
                last = run.split()[-1] if run.split() else ""
                if ent is None and last != run and len(last) > 2:
                    ent = self.ents.resolve(last, start)  # "Const. Fanning": the surname alone
            titled = np.kind == "name" and role_of(toks[np.j].low) is not None  # "Kazakhstan President"
            if ent is None and ((np.kind == "role" and np.definite) or titled):
                role = bare(toks[np.j].low)
                if role in ROLES and not (role in DOCUMENTS or role[:-1] in DOCUMENTS):
                    ent = self._resolve_role(role, start)
        if ent is not None and getattr(ent, "type", None) not in ("PERSON", "ORG", "PLACE"):
            ent = None
        return Attribution(surface, Span(start, end), ent, "same sentence")

    def _cap_run(self, toks: list[Tok], np: NP) -> str:
        words = [t for t in toks[np.i: np.j + 1]]
        # the last capitalised run names the speaker: "US state department spokesman Ned Price" -> "Ned Price"
        k = len(words) - 1
        while k >= 0 and not is_cap(words[k]):
            k -= 1
        e = k
        while k - 1 >= 0 and (is_cap(words[k - 1]) or words[k - 1].low in PARTICLES):
            k -= 1
        if e < 0:
            return self.text[toks[np.i].start: toks[np.j].end]
        return self.text[words[k].start: words[e].end]

    def _resolve_pronoun(self, pronoun: str, offset: int) -> Any | None:
        want = PRONOUNS.get(pronoun)
        if want == "PERSON":
            gender = {"he": "m", "she": "f"}[pronoun]
            return self._cataphor(offset, gender) or self._nearest(offset, ("PERSON",), None, gender=gender)
        if want == "ORG":
            return self._nearest(offset, ("ORG",), _FAR)
        return None

    def _cataphor(self, offset: int, gender: str) -> Any | None:
        """ "Though she called it “...”, Lopez said ...": a pronoun in a clause that opens the sentence
        with a conjunction refers to the subject of the main clause after it, a name of the same sex."""
        m = _FRONTED.match(self.text, self._sentence_start(offset))
        if m is None or m.end() <= offset:
            return None
        name = _NAME_OPENS.match(self.text, m.end())
        if name is None:
            return None
        heads = [e for s, _, e in self.ents.in_span(name.start(1), name.end(1)) if s == name.start(1)]
        ent = heads[0] if heads else None
        if ent is None or ent.type != "PERSON":
            return None
        g = self._refs.sex(ent)
        return ent if (g is None or g == gender) and not self._refs.is_group(ent) else None

    def _sentence_start(self, offset: int) -> int:
        raise NotImplementedError

    @property
    def _refs(self) -> Referents:
        if self._referents is None:
            self._referents = Referents(self.text, self.ents.mentions)
        return self._referents

    def _nearest(self, offset: int, types: tuple[str, ...], within: int | None, gender: str | None = None) -> Any | None:
        def fits(ent: Any) -> bool:
            if ent.type not in types:
                return False
            if not gender:
                return True
            g = self._refs.sex(ent)  # "she" never resolves to a man known as "Mr. ..." or "Tom ..."
            return (g is None or g == gender) and not self._refs.is_group(ent)

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
