"""Type votes for a detected name: from the name itself (gazetteers, heads, titles, given names)
and from the words around each mention (roles, prepositions, speech verbs, ages, pronouns).

Weights are in "cue strength" units: 4 is a decisive cue (a country in the gazetteer, "... Ministry"),
about 1.5 a good hint ("in X"), below 1 a tie-breaker. An entity's type is the argmax of the sum
over all its mentions, so one clear cue types every mention.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, fold
from .lexicon import (
    COMPANY_NOUNS, PERSON_NOUNS, PLACE_NOUNS, GEO_PLURALS, KIN, ORG_AFTER, ORG_HEADS, ORG_IN, ORG_OF, ORG_ROLES, PERSON_OF, PERSON_ROLES, PLACE_BEFORE, PLACE_FIRST, PLACE_HEADS, PLACE_OF, PLACE_PREPS, PLACE_ROLES, PLAY_AFTER,
    SPEECH_VERBS, SPORT_AFTER, TEAM_RESULTS, TEAM_VERBS,
)
from .raw import RawMention, gap, link_key

# not types: a cue of sport ("beat X", "X 71-64"), which makes a known place its team, and one of place
# ("in X", "X, Texas"), which keeps it the place (teams.py)
TEAM, WHERE = "TEAM", "WHERE"
NO_CUE = "PERSON?"  # the vote of a name with no cue: counted for PERSON, up to a cap per entity
# the vote of a lone word that is a frequent surname: a lean to PERSON that shares NO_CUE's cap, so that a
# college or a company named after a family ("Pemberton", "Harwell") is typed by what its sixty mentions say
SURNAME = "SURNAME?"
_WORD_AFTER = re.compile(r"^[ \t]*(,?)[ \t]*([\w'’\-]+)")
_PRONOUN_AFTER = re.compile(r"[^.!?;:\n\"“”()]*?\b(its|his|her|he|she)\b", re.IGNORECASE)
_AGE_AFTER = re.compile(r" ?, ?\d{1,3} ?,")
_SCORE_AFTER = re.compile(r" ?(?:\( ?)?\d{1,3} ?[-–] ?\d{1,3}(?![\d\-–]| [-–])")
_INNER_CAPITAL = re.compile(r"^(?!(?:Mac|Mc|Van|Von|Fitz|De|Di|Da|Du|La|Le)[A-Z])[A-Z][a-z]{2,}[A-Z][a-z]")
_COMPASS = frozenset("north south east west northern southern eastern western upper lower central greater new "
                     "old united".split())
_KIN = "|".join(sorted(KIN, key=len, reverse=True))
# "his sister Mary X", "Hale ' s mother , Ann X", "her father , team coach Tom X", "and sister Mary X":
# a possessive (or "and"), up to two words, a kinship noun, then at most three words of role before the name
_KIN_BEFORE = re.compile(r"(?:\b(?:his|her|their|its|my|our|your|and)|\w['’]s?|\w ['’] ?s?)\s+(?:[a-z][\w\-]*\s+){0,2}(?:"
                         + _KIN + r")(?:\s*-\s*in\s*-\s*law)?\s*,?\s+(?:(?!(?:said|says|told|and|or|was|is|who)\b)"
                         r"[\w.'’\-]+\s+){0,3}$", re.IGNORECASE)
# "Tom X , Sam 's older brother", "Ann X , the mayor's wife"
_KIN_AFTER = re.compile(r"\s*,\s*(?:\d{1,3}\s*,\s*)?(?:his|her|their|(?:the\s+)?[\w\-]+\s*['’]\s*s?)\s+"
                        r"(?:[a-z][\w\-]*\s+){0,2}(?:" + _KIN + r")\b")
# the first "he", "his", "she" after a bare name in its clause, no other name between ("her" is left out: in
# "X pushed Y out of her car" it is Y's)
_SEX_AFTER = re.compile(r"[^.!?;:\n\"“”()`A-Z]*?\b(?:(he|his|himself)|(she|hers|herself))\b")
# ", a/an/the" and up to six words, to what ends a description: a stop, or a word that starts a clause or a
# complement ("that", "based", "of", "in")
_APPOSITION = re.compile(r" ?, ?(?:a|an|the) ([\w'’\-]+(?: [\w'’\-]+){0,5}?)(?= ?(?:[,.;:)\n]|$)| (?:that|which|who|"
                         r"whose|based|in|of|with|for|from|on|at|and|or|has|had|is|was|will|owned|run)\b)")
_PEOPLE = frozenset("people residents men women families visitors natives children".split())
_WEB_ADDRESS = re.compile(r" ?\. ?(?:com|org|net)\b")
_COMPANY_OWN = re.compile(r" ?['’] ?s (?:(?:new|former|top|own|largest|biggest) )?(?:ceo|cfo|chief executive|chief "
                          r"financial officer|shares|stock|share price|stockholders|shareholders|board of directors|"
                          r"revenue|revenues|profits?|earnings|subsidiar(?:y|ies)|headquarters|customers)\b", re.IGNORECASE)
_FAMILY_AFTER = re.compile(r"(?: ['’]s)? (?:family|families|household|clan|brothers|sisters)\b")


def static_vote(gaz: Gazetteer, m: RawMention, text: str, toks: list) -> None:
    """Votes from the name itself: gazetteers, heads, titles inside the run, given names."""
    folded = fold(m.text)
    if " ." in folded:  # tokenised "U . S ." is "U.S."
        folded = folded.replace(" ", "")
    entry = gaz.names.get(folded)
    if entry is None and folded.startswith("the "):
        entry = gaz.names.get(folded[4:])
    single = len(toks) == 1
    if entry is not None:
        m.gaz = entry.canonical
        m.gazw = entry.weight
        m.key = link_key(entry.canonical)
        w = entry.weight
        if single and entry.type == "PLACE" and w < 3 and folded in gaz.surnames:
            w = 0.5  # a small town named like a surname ("Buckley") is a weak cue
        m.vote(entry.type, w)
    head = fold(toks[-1].text)
    if "-" in head:  # "Journal-Constitution"
        head = next((p for p in head.split("-") if p in ORG_HEADS), head)
    first = fold(toks[0].text)
    if head == "state" and not single and _is_us_state(gaz, text[toks[0].start:toks[-2].end]) \
            and gap(text, toks[-2], toks[-1]) == "":
        m.vote("ORG", 4.0)  # "Iowa State", "Vermont State": a university, as a state is named without "State"
    elif head in ORG_HEADS and not single:
        m.vote("ORG", 4.0)
    elif head in PLACE_HEADS and not single:
        m.vote("PLACE", 3.5)
    elif not single and gap(text, toks[0], toks[1]) in ("of", "of the"):
        # "Gulf of Aden", "University of Texas": the head comes first
        if first in PLACE_HEADS:
            m.vote("PLACE", 3.5)
        elif first in ORG_HEADS:
            m.vote("ORG", 3.5)
    elif not single and first.rstrip(".") in PLACE_FIRST:
        m.vote("PLACE", 3.5)  # "Mount Sefton", "Mt Cook", "Lake Tahoe": the head comes first
    elif len(toks) > 2 and any(fold(t.text) in ORG_HEADS for t in toks[:-1]):
        m.vote("ORG", 3.0)
    elif not single and head in GEO_PLURALS:
        # "Niagara Falls", "Kelby Springs", "Golan Heights": a place; "Tyra Banks", "Ana Woods" are people
        if head not in gaz.surnames and first not in gaz.given:
            m.vote("PLACE", 3.0)
    elif not single and head.endswith("s") and head not in gaz.names:
        # "Indianapolis Colts", "San Diego Chargers": a place and a plural noun is a team or a company
        lead = gaz.names.get(fold(text[toks[0].start:toks[-2].end]))
        if lead is not None and lead.type == "PLACE":
            m.vote("ORG", 3.0)
    if m.role and _titled_place_or_body(gaz, m.text):
        m.role = None  # "Sheikh Ravani Road", "General Motors": the title is part of a place's or a body's name
    elif m.role:
        m.vote("PERSON", 5.0)
    if first in gaz.given and not (single and first in gaz.given_words):
        m.vote("PERSON", 2.5 if not single else 0.8)
    elif single and folded in gaz.surnames:
        m.vote(SURNAME, 0.6)
    if single and 2 <= len(m.text) <= 6 and m.text.replace(".", "").replace(" ", "").isupper():
        m.vote("ORG", 1.5)
    elif single and m.text[0].isdigit():
        m.vote("ORG", 2.0)  # "88ers", "27ers": a team named by a number
    if single and _INNER_CAPITAL.search(m.text):
        m.vote("ORG", 1.5)  # "BrightHarbor", "NetQuill": a brand's capital inside a word, not "McKay", "DeShawn"
    elif not single and head in gaz.names and gaz.names[head].kind == "country" and first not in _COMPASS \
            and fold(toks[-2].text) not in _COMPASS and gap(text, toks[-2], toks[-1]) == "":
        m.vote("ORG", 2.0)  # "Zentel Egypt", "Quillcom Chile": a company's national arm, not "North Korea", "Stade de France"

def _is_us_state(gaz: Gazetteer, surface: str) -> bool:
    """Whether the surface is one of the US states (a region of weight 3 in the gazetteer that is no
    country: the states and the continents, which no name puts before "State")."""
    e = gaz.names.get(fold(surface))
    return e is not None and e.kind == "region" and e.weight >= 3


def _titled_place_or_body(gaz: Gazetteer, surface: str) -> bool:
    """Whether a name after a title is a place's or a body's named after someone ("Sheikh Ravani Road"): its
    last word is a head of either, and it is no "Mr. Tom Hall" or "Dr. Park"."""
    words = fold(surface).split() or [""]
    head = words[-1]
    return (head in ORG_HEADS or head in PLACE_HEADS) and words[0] not in gaz.given \
        and not (len(words) == 1 and head in gaz.surnames)


def context_vote(gaz: Gazetteer, m: RawMention, text: str) -> None:
    """Votes from the words around one mention: roles, prepositions, speech verbs, ages."""
    # context before
    w, wstart = _prev_word(text, m.start)
    if w:
        w = w.lower().rstrip(".")
        if w == "the" and _FAMILY_AFTER.match(text, m.end):
            m.vote("PERSON", 2.0)  # "the Grigson family": the family is named after a person
        elif w.endswith(("year-old", "years-old")) or (
                w == "old" and text[max(0, wstart - 10):wstart].rstrip().endswith(("year -", "years -"))):
            m.vote("PERSON", 3.0)  # "15-year-old Ana Lind", tokenised "15 - year - old"
        elif w == "the":
            # "in the Mediterranean": the preposition before the article counts
            if _prev_word(text, wstart)[0].lower() in PLACE_PREPS:
                m.vote("PLACE", 1.5)
                m.vote(WHERE, 1.0)
            else:
                m.vote("ORG", 0.8)
            m.vote("PERSON", -1.0)
        elif w in PERSON_ROLES and not m.role and not _titled_place_or_body(gaz, text[m.start:m.end]):
            m.role = w
            m.vote("PERSON", 3.0)
        elif w in ORG_ROLES:
            m.vote("ORG", 2.5)
        elif w in ("in", "with") and _prev_word(text, wstart)[0].lower() in ORG_IN:
            m.vote("ORG", 2.0)  # "a stake in X", "a merger with X": a company, not where
        elif w in PLACE_PREPS and not text.startswith(("'s", "’s", " 's", " ’s"), m.end):
            # "in Nixon's White House": the preposition governs the possessed noun
            m.vote("PLACE", 1.5)
            m.vote(WHERE, 1.0)
        elif w in PLACE_BEFORE:
            m.vote("PLACE", 1.5)  # "downtown Quenford", "rural Marsby"
            m.vote(WHERE, 1.0)
        elif w == "from":
            # "a woman from X", "residents from X": where people come from; "a letter from X" says little
            before = _prev_word(text, wstart)[0].lower()
            m.vote("PLACE", 2.0 if before in PERSON_NOUNS or before in _PEOPLE else 0.7)
            m.vote(WHERE, 1.0)
        elif w in TEAM_VERBS:
            m.vote("ORG", 1.5)  # "beat Marrowby", "defeated Quenford": a team
            m.vote(TEAM, 1.0)
        elif w in ("over", "to", "against") and _prev_word(text, wstart)[0].lower() in TEAM_RESULTS:
            m.vote("ORG", 2.0)  # "a win over Quenford", "the loss to Marrowby"
            m.vote(TEAM, 1.0)
        elif w == "of":
            before_of = _prev_word(text, wstart)[0].lower()
            if before_of in PLACE_ROLES or before_of in PLACE_OF:
                m.vote("PLACE", 3.0)
                m.vote(WHERE, 1.0)
            elif before_of in PERSON_OF:
                m.vote("PERSON", 1.5)  # "the killing of Ana Lind", "the widow of Lind"
            elif before_of in ORG_OF:
                m.vote("ORG", 2.0)  # "the acquisition of X", "shares of X", "a subsidiary of X"
    # context after
    after = _WORD_AFTER.match(text[m.end:m.end + 40])
    if after:
        comma, w = after.group(1), after.group(2)
        lw = w.lower()
        if not comma and lw in PLACE_ROLES:
            m.vote("PLACE", 3.0)
            m.vote(WHERE, 1.0)
        elif not comma and (lw in ORG_ROLES or lw in ORG_AFTER or lw in SPORT_AFTER
                            or (m.gaz is not None and m.gazw < 4 and lw in PLAY_AFTER)):
            m.vote("ORG", 2.0)  # "Quillstone officials", "Quenford fans", "Quenford quarterback X"
            if lw in SPORT_AFTER or lw in PLAY_AFTER:
                m.vote(TEAM, 1.0)
        elif not comma and lw in TEAM_VERBS:
            m.vote("ORG", 1.5)  # "Marrowby beat Quenford": the winner is a team too
            m.vote(TEAM, 1.0)
        elif lw in SPEECH_VERBS:
            m.vote("PERSON", 0.7)
            m.vote("ORG", 0.3)
        elif comma and lw == "who":
            m.vote("PERSON", 1.5)  # "Lind, who ...": a person; "Quenford, which ..." is not
        elif comma and lw in ("a", "an", "the") and (typ := _apposition(text, m.end)) is not None:
            m.vote(typ, 2.5)  # "X, a Seattle-based maker of chips", "X, the capital", "X, a 34-year-old man"
        elif comma:
            e2 = gaz.names.get(fold(w))
            if e2 is not None and e2.type == "PLACE" and e2.weight >= 3:
                m.vote("PLACE", 2.0)  # "Almaty, Kazakhstan", "Malibu, Calif."
                m.vote(WHERE, 1.0)
        if _SCORE_AFTER.match(text, m.end):
            m.vote("ORG", 2.0)  # "Marrowby 71-64", "Quenford ( 12 - 9 )": a team's score or record
            m.vote(TEAM, 1.0)
        if _AGE_AFTER.match(text, m.end):
            m.vote("PERSON", 3.0)
        if _COMPANY_OWN.match(text, m.end):
            m.vote("ORG", 2.0)  # "Zentel's shares", "Zentel 's chief executive": what only a company has
    if _WEB_ADDRESS.match(text, m.end) or text.endswith((".com", ".org", ".net"), m.start, m.end):
        m.vote("ORG", 3.0)  # "Bramble.com", tokenised "Quillfeed . com": a site, its publisher's name
    # the first pronoun after the name in its clause agrees with it ("Quenford stretched its lead",
    # "Pannier said he ...")
    p = _PRONOUN_AFTER.match(text, m.end, min(len(text), m.end + 60))
    if p:
        pron = p.group(1).lower()
        if pron == "its":
            m.vote("ORG", 0.6)
            m.vote("PLACE", 0.3)
        else:
            m.vote("PERSON", 0.6)
    if not m.votes or max(m.votes.values()) <= 0:
        # a name with no cue leans to a person; linking caps what these leanings add up to, so that twenty
        # mentions without a cue do not outvote the one that has one ("Quillstone ... Quillstone officials")
        m.vote(NO_CUE, 0.6 if m.ntok > 1 else 0.4)


def _apposition(text: str, end: int) -> str | None:
    """The type a description after a name sets, by its head: the last word before what ends it
    ("X, a company spokesman, said": a person; "X, the world's largest maker of chips": an organisation)."""
    a = _APPOSITION.match(text, end, min(len(text), end + 90))
    if a is None:
        return None
    words = a.group(1).split()
    for i, w in enumerate(words):
        # a capitalised word after the head starts a clause ("the Otters, the team Skell coached")
        if i + 1 == len(words) or words[i + 1][0].isupper():
            head = w.lower()
            if head in PERSON_ROLES or head in PERSON_NOUNS:
                return "PERSON"
            if head in ORG_ROLES or head in COMPANY_NOUNS:
                return "ORG"
            if head in PLACE_ROLES or head in PLACE_NOUNS:
                return "PLACE"
    return None


def introduced_as_kin(text: str, start: int, end: int) -> bool:
    """Whether the full name at ``start:end`` is introduced as someone's relative ("his sister Mary X",
    "Hale's mother, Ann X", "Ann X, the mayor's wife"): news calls a relative by the given name, so a
    bare surname is seldom theirs when the article names another of that surname."""
    line = text.rfind("\n", max(0, start - 90), start) + 1 or max(0, start - 90)
    return bool(_KIN_BEFORE.search(text, line, start) or _KIN_AFTER.match(text, end, end + 60))


def pronoun_sex(text: str, end: int) -> str | None:
    """ "m" or "f" when a "he"/"his" or "she" follows a bare name in its clause with no other name between."""
    p = _SEX_AFTER.match(text, end, min(len(text), end + 160))
    return None if p is None else "m" if p.group(1) else "f"


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word just before ``pos`` on the same line (and where it starts); ("", pos) if none."""
    e = pos
    while e > 0 and text[e - 1] in " \t":
        e -= 1
    lo = max(0, e - 40)
    s = max(text.rfind(" ", lo, e), text.rfind("\n", lo, e), text.rfind("\t", lo, e))
    if s < 0:
        s = lo - 1 if lo > 0 else -1
    return text[s + 1:e], s + 1
