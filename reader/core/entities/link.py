"""Linking raw mentions into entities across all loaded articles.

1. Mentions with the same linking key form a *form* ("tokayev", "united states",
   "russia defense ministry"); gazetteer aliases already share a key ("US",
   "U.S." and "America" all key as "united states").
2. Forms are joined when one is an acronym of another ("CSTO").
3. Partial forms attach *mention by mention*, by context: a bare surname goes to
   the full name nearest to it in the same article (else to the only full name
   in the corpus that ends with it, else it stays apart); an unqualified
   "Defense Ministry" goes to the qualified one of its article the same way, and a bare company name
   to its name with a legal form ("Quillstone", "Quillstone Ltd.").
4. Each group becomes an Entity typed by the summed votes of all its mentions,
   named by its most complete frequent form.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from ..pool import imap_ranges, worker_count
from .cues import NO_CUE, SURNAME, WHERE, introduced_as_kin, pronoun_sex
from .detect import RawMention, link_key
from .entity import slug
from .gazetteer import fold, gazetteer
from .leads import lead_of, leads
from .lists import type_lists
from .lexicon import ORG_HEADS
from .model import TYPES, Entity, Mention
from .teams import TEAM_KEY, as_team, named_teams, team_uses
from .variants import join_org_variants, join_short_given_names, join_spelling_variants, transposed_surnames

ATTACH_SHARE = 1000  # forms per worker below which their mentions are attached in one process
ATTACH_PIECES = 4  # shares per worker (a worker done early takes the next)
_SKIP_INITIALS = frozenset("of the for and & de la du von van der den al".split())


class _UF:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        p = self.parent.setdefault(x, x)
        while p != x:
            gp = self.parent.setdefault(p, p)
            self.parent[x] = gp
            x, p = p, gp
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the longer key is the root, so the full name names the group
            if (len(rb), rb) > (len(ra), ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


_NO_CUE_CAP = 1.5  # what the mentions without a cue, or with a surname's lean only, add to PERSON at most


def _type_of(votes: dict[str, float]) -> str:
    if NO_CUE in votes or SURNAME in votes:
        votes = dict(votes)
        lean = votes.pop(NO_CUE, 0.0) + votes.pop(SURNAME, 0.0)
        votes["PERSON"] = votes.get("PERSON", 0.0) + min(lean, _NO_CUE_CAP)
    best, score = "PERSON", float("-inf")
    for t in TYPES:
        v = votes.get(t, 0.0)
        if v > score:
            best, score = t, v
    return best


_INITIAL_OR_SUFFIX = frozenset("jr sr ii iii iv".split())


def _form_key(m: RawMention) -> str:
    if m.ntok >= 2 and not m.gaz:
        # "George W. Bush" and "George Bush", "W. Mark Felt Sr." and "Mark Felt" share a key
        words = [w for w in m.key.split() if len(w) > 1 and w not in _INITIAL_OR_SUFFIX]
        if len(words) >= 2 and words != m.key.split():
            return " ".join(words)
    if m.qualifier and m.key.split()[-1:] and m.key.split()[-1] in ORG_HEADS:
        q = link_key(m.qualifier)
        if not m.key.startswith(q + " "):
            return f"{q} {m.key}"
    return m.key


def link(raw: list[RawMention], doc_order: list[str], texts: dict[str, str] | None = None) -> list[Entity]:
    """Entities of the raw mentions. Consumes ``raw`` (the list is emptied as it is read), so that
    at 10,000 articles the raw mentions are freed while the entities are built. ``texts`` (article id to
    text) lets a bare surname choose between people of that surname by the words around them."""
    forms: dict[str, list[RawMention]] = defaultdict(list)
    teams_in = team_uses(raw)  # "beat Quenford": the city's team (teams.py)
    for m in raw:
        k = _form_key(m)
        if teams_in and as_team(m, teams_in):
            k += TEAM_KEY
        m.qualified = k != m.key and bool(m.qualifier)
        forms[k].append(m)
    raw.clear()
    votes: dict[str, dict[str, float]] = {}
    for k, ms in forms.items():
        v: dict[str, float] = {}
        for m in ms:
            for t, w in m.votes.items():
                v[t] = v.get(t, 0.0) + w
        votes[k] = v
    ftype = {k: _type_of(v) for k, v in votes.items()}
    uf = _UF()
    for k in forms:
        uf.find(k)

    # --- acronyms: "CSTO" and "Collective Security Treaty Organization" ---------------
    expansions: dict[str, set[str]] = defaultdict(set)
    with_the: dict[str, set[str]] = defaultdict(set)  # "thr" of "The Hollywood Reporter", when nothing else is
    for k, ms in forms.items():
        words = k.split()
        if len(words) >= 2 and ftype[k] in ("ORG", "PLACE") and not k.endswith(TEAM_KEY):
            for ws in {tuple(words), tuple(_surface_words(ms[0].text))}:  # "Academy of X" keys as "x academy"
                initials = "".join(w[0] for w in ws if w not in _SKIP_INITIALS)
                if len(initials) >= 2:
                    expansions[initials].add(k)
                    if ms[0].text.startswith("The "):
                        with_the["t" + initials].add(k)
    for k, ms in forms.items():
        surf = ms[0].text.replace(".", "").replace(" ", "")
        if " " not in k and 2 <= len(surf) <= 6 and surf.isupper():
            cands = expansions.get(k) or with_the.get(k)
            if cands and len(cands) == 1:
                uf.union(next(iter(cands)), k)

    teams = named_teams(forms, ftype)  # "Quenford Otters", which a team-read "Quenford" joins

    # --- partial forms, attached per mention ------------------------------------------
    persons = [k for k in forms if ftype[k] == "PERSON" and " " in k]
    by_suffix: dict[str, set[str]] = defaultdict(set)  # "tokayev", "boone isaacs" -> full person forms
    by_first: dict[str, set[str]] = defaultdict(set)  # "kimani" -> full person forms
    by_ends: dict[str, set[str]] = defaultdict(set)  # "mark heller" -> "mark jay heller"
    for k in persons:
        words = k.split()
        for i in range(1, len(words)):
            by_suffix[" ".join(words[i:])].add(k)
        by_first[words[0]].add(k)
        if len(words) >= 3:
            by_ends[f"{words[0]} {words[-1]}"].add(k)
    # a middle name or initial more or less: one person ("Mark Heller", "Mark Jay Heller")
    for k in persons:
        cands = by_ends.get(k)
        if cands and len({uf.find(c) for c in cands}) == 1:
            uf.union(next(iter(cands)), k)
    # "Mark Hale" and "William Mark Hale": a full name that ends only one longer name is that person, so
    # a bare "Hale" attached to the shorter one joins the longer one too
    for k in persons:
        cands = by_suffix.get(k)
        if cands and len({uf.find(c) for c in cands}) == 1:
            uf.union(next(iter(cands)), k)
    join_short_given_names(persons, uf)
    join_spelling_variants(persons, uf)
    join_org_variants([k for k in forms if ftype[k] == "ORG" and k.count(" ") >= 2], uf)
    by_head: dict[str, set[str]] = defaultdict(set)  # "academy" -> "academy of motion picture arts ..."
    by_team: dict[str, set[str]] = defaultdict(set)  # "colts" -> "indianapolis colts"
    by_base: dict[str, set[str]] = defaultdict(set)  # unqualified org key -> qualified forms
    for k, ms in forms.items():
        if ftype[k] != "ORG":
            continue
        q = link_key(ms[0].qualifier) if ms[0].qualifier else None
        if q and k.startswith(q + " "):
            by_base[k[len(q) + 1:]].add(k)
        words = k.split()
        if len(words) >= 2:
            by_head[words[-1]].add(k)  # "Indian Navy"; "Academy of X" is keyed "x academy" already
        for i in range(1, len(words)):
            if _is_place_lead(ms[0].text, i):
                by_team[" ".join(words[i:])].add(k)
    by_lead = leads(forms, ftype)  # "quillstone" -> "quillstone recovery center"
    typos = transposed_surnames(k for k in by_suffix if k not in forms or ftype[k] == "PERSON")
    targets: set[str] = set()
    for group in (by_suffix, by_first, by_base, by_team, by_head, teams, by_lead):
        for cands in group.values():
            targets |= cands
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k in targets:
        for m in forms[k]:
            positions[(k, m.doc)].append(m.start)

    # a bare organisation head ("Academy", "Navy") is kept only when it stands for a fuller name
    head_only = {k for k, ms in forms.items() if k in ORG_HEADS and not ms[0].gaz}
    context = _Context(forms)
    family = _Family(forms, positions, uf, texts or {})
    # The forms most mentioned come first in the corpus and cost the most: dealt out in turn to as many
    # piles as there are shares, so that the shares cost about the same (the result does not depend on
    # the order).
    by_mentions = sorted(forms, key=lambda k: len(forms[k]), reverse=True)
    piles = worker_count() * ATTACH_PIECES
    forms_in_order = [k for j in range(piles) for k in by_mentions[j::piles]]
    del by_mentions
    context.doc_forms("")  # the articles' names, gathered once before the workers that read them fork

    def attach(a: int, b: int) -> list[list[tuple[int, str, bool]]]:
        """For each form of ``forms_in_order[a:b]``, its mentions that attach to a fuller form:
        (id of the raw mention, the form it attaches to, whether it is a person's bare name)."""
        out = []
        for k in forms_in_order[a:b]:
            rows: list[tuple[int, str, bool]] = []
            out.append(rows)
            fallback = True  # attach to the corpus's only candidate when the article has none
            bare = False  # a bare surname, which several people of one family in the article may share
            where = False  # only the mentions that say they are a place ("at Ann Quill") attach
            if ftype[k] == "ORG" and k in by_base:
                cands = by_base[k]
            elif ftype[k] == "ORG" and k in by_team:
                cands = by_team[k]
            elif k in head_only:
                cands = by_head.get(k, set())
            elif ftype[k] != "PERSON" and (lead := lead_of(k, ftype[k], forms[k][0])) in by_lead:
                cands = by_lead[lead]  # "Quillstone" of "Quillstone Ltd.": the fuller name of its article
            elif k in by_suffix:
                cands, bare = by_suffix[k], True
            elif " " not in k and k in by_first:
                cands, fallback = by_first[k], False
            elif k.endswith(TEAM_KEY) and k[: -len(TEAM_KEY)] in teams:
                cands = teams[k[: -len(TEAM_KEY)]]  # the team of its article, else the corpus's only one
            elif ftype[k] == "PERSON" and k in typos and k not in by_first:
                cands, bare = by_suffix[typos[k]], True  # "Klistow", a typo of the surname of "Ann Kilstow"
            elif ftype[k] == "PERSON" and (lead := lead_of(k, ftype[k], forms[k][0])) in by_lead:
                cands, where = by_lead[lead], True  # "at Ann Quill": the "Ann Quill Center"
            else:
                continue
            cands = {c for c in cands if c != k}
            if not cands:
                continue
            roots = {uf.find(c) for c in cands}
            person = next(iter(cands)) in by_first.get(next(iter(cands)).split()[0], ())
            for m in forms[k]:
                if where and (WHERE not in m.votes or m.role):
                    continue
                if person and not m.role and (m.gazw >= 3 or m.votes.get("PLACE", 0.0) >= 1.5 + m.gazw):
                    continue  # "in Washington", "Georgia": the place, not a person's surname
                mine = _same_sex(cands, m.role) if person and m.role else cands  # "Mr Hale" is not "Mary Hale"
                if not mine:
                    continue
                if bare and person and len(mine) > 1:
                    mine = family.principal(mine, m)
                target = _nearest(mine, m, positions)
                if target is None and fallback:
                    if len(roots if mine is cands else {uf.find(c) for c in mine}) == 1:
                        # one entity, maybe under several forms: any of them (taken in order, so the
                        # answer is not the order of a set) is the target, and the articles of each count.
                        # A bare "Police", "Navy" or "Court" is the corpus's only fuller one only where the
                        # articles have something in common: every town has its police; and so is a bare
                        # surname: a "Vell" in a report of another event is another Vell
                        ordered = sorted(mine)
                        if ((k not in head_only and not (person and ftype[k] == "PERSON"))
                                or any(context.shares(c, m.doc) for c in ordered)):
                            target = ordered[0]
                    else:
                        target = context.best(mine, m.doc)
                if target is not None:
                    rows.append((id(m), target, person))
        return out

    # Each form's mentions are attached on every core (reader.core.pool): the forked workers read the
    # tables above as they are, and send back which mention (by its id, the same in them) goes where.
    assign: dict[int, str] = {}  # id(raw mention) -> form key it attaches to
    surname: set[int] = set()  # ids of bare names attached to a person's full name
    for rows in imap_ranges(attach, len(forms_in_order), min_items=ATTACH_SHARE, pieces_per_worker=ATTACH_PIECES):
        for mid, target, person in rows:
            assign[mid] = target
            if person:
                surname.add(mid)
    del forms_in_order

    # --- groups -> entities -----------------------------------------------------------
    groups: dict[str, list[RawMention]] = defaultdict(list)
    for k, ms in forms.items():
        for m in ms:
            target = assign.get(id(m))
            if target is None:
                if k in head_only:
                    continue  # a common noun after all
                target = k
            groups[uf.find(target)].append(m)
    if texts:
        type_lists(groups, texts)  # "the villages of X, Y and Z": names listed together are of one kind
    forms.clear()
    positions.clear()
    assign.clear()
    doc_rank = {d: i for i, d in enumerate(doc_order)}
    entities: list[tuple[tuple, Entity]] = []
    while groups:
        root, ms = groups.popitem()  # each group's raw mentions are freed once its entity is built
        v: dict[str, float] = {}
        for m in ms:
            small_town = id(m) in surname and m.gazw <= 1  # a surname votes for its person, not a town
            for t, w in m.votes.items():
                t = "PERSON" if small_town and t == "PLACE" else t
                v[t] = v.get(t, 0.0) + w
        typ = _type_of(v)
        ms.sort(key=lambda m: (doc_rank.get(m.doc, 0), m.start))
        surfaces = Counter(m.text for m in ms)
        name = _best_name(ms, surfaces, typ)
        quals = Counter(m.qualifier for m in ms if m.qualifier and m.qualified)
        if quals and typ == "ORG":
            q = quals.most_common(1)[0][0]
            if link_key(q) not in link_key(name):
                name = f"{name} ({q})"
        roles = {m.role for m in ms if m.role}
        mentions = [Mention(m.doc, m.start, m.end, m.text) for m in ms]
        e = Entity(id="", name=name, type=typ, aliases=[s for s, _ in surfaces.most_common()], mentions=mentions,
                   roles=roles)
        first = ms[0]
        entities.append(((doc_rank.get(first.doc, 0), first.start), e))
    entities.sort(key=lambda p: p[0])
    used: Counter[str] = Counter()
    out = []
    for _, e in entities:
        base = f"{e.type.lower()}:{slug(e.name)}"
        used[base] += 1
        e.id = base if used[base] == 1 else f"{base}-{used[base]}"
        out.append(e)
    out.sort(key=lambda e: (-len(e.mentions), e.name.lower()))
    return out


class _Context:
    """Which names an article shares with the articles of a candidate: it decides a bare surname
    that several full names end with when the article itself names none of them ("Bush" in an
    article about the Saints is Reggie Bush, in one about Obama's cabinet George W. Bush)."""

    _MAX_DOCS = 50  # a candidate's context is read from this many of its articles at most

    def __init__(self, forms: dict[str, list[RawMention]]):
        self.forms = forms
        self._doc_forms: dict[str, set[str]] | None = None
        self._cand: dict[str, set[str]] = {}

    def doc_forms(self, doc: str) -> set[str]:
        if self._doc_forms is None:
            self._doc_forms = defaultdict(set)
            for k, ms in self.forms.items():
                if " " in k or any(m.gaz for m in ms[:1]):  # full names and known names only
                    # a team's city counts as the city too ("New Orleans" of "New Orleans Saints")
                    lead = next((" ".join(k.split()[:i]) for i in range(k.count(" "), 0, -1)
                                 if _is_place_lead(ms[0].text, i)), None) if " " in k else None
                    for m in ms:
                        self._doc_forms[m.doc].add(k)
                        if lead:
                            self._doc_forms[m.doc].add(lead)
        return self._doc_forms.get(doc, set())

    def _of(self, c: str) -> set[str]:
        """The names of a candidate's articles (but itself)."""
        ctx = self._cand.get(c)
        if ctx is None:
            docs = list(dict.fromkeys(m.doc for m in self.forms[c]))[: self._MAX_DOCS]
            ctx = self._cand[c] = set().union(*(self.doc_forms(d) for d in docs)) - {c}
        return ctx

    def shares(self, c: str, doc: str) -> bool:
        """Whether the article names anything that the candidate's articles name."""
        return not self.doc_forms(doc).isdisjoint(self._of(c))

    def best(self, cands: set[str], doc: str) -> str | None:
        mine = self.doc_forms(doc)
        if not mine:
            return None
        scored = [(len(mine & self._of(c)), c) for c in cands]
        scored.sort(reverse=True)
        # only a clear winner: a tie or no shared name leaves the surname apart
        if scored[0][0] >= 2 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        return None


def _surface_words(surface: str) -> list[str]:
    """The words of a surface in its own order, folded as keys are ("Academy of Motion Picture Arts")."""
    return [w for w in fold(surface).replace(".", " ").replace("-", " ").split() if w != "the"]


def _is_place_lead(surface: str, i: int) -> bool:
    """Whether the first ``i`` words of a surface are a known place ("Indianapolis" of "Indianapolis Colts")."""
    e = gazetteer().names.get(fold(" ".join(surface.split()[:i])))
    return e is not None and e.type == "PLACE"


_SEX_OF_TITLE = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "mrs": "f",
                 "ms": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f"}


def _same_sex(cands: set[str], role: str) -> set[str]:
    """The full names a surname after a gendered title may stand for: "Mr Hale" is not "Mary Hale",
    "Miss Hale" not "John Hale". A given name borne by both sexes, or unknown, conflicts with nothing."""
    sex = _SEX_OF_TITLE.get(role.split()[0].rstrip("."))
    if sex is None:
        return cands
    gender = gazetteer().gender
    return {c for c in cands if gender.get(c.split()[0], sex) == sex}


class _Family:
    """Which of several people of one surname in an article a bare surname may stand for: one of the sex
    of the pronoun after it ("Hale , who ... his"), and not one introduced as a relative ("his sister
    Mary Hale", "Hale's mother, Ann Hale") while another is not. The words are read only
    where an article names two people of the surname, so the pass costs nothing elsewhere."""

    def __init__(self, forms: dict[str, list[RawMention]], positions, uf: _UF, texts: dict[str, str]):
        self.forms, self.positions, self.uf, self.texts = forms, positions, uf, texts
        self._kin: dict[tuple[str, str], bool] = {}
        self._by_doc: dict[str, dict[str, list[RawMention]]] = {}

    def principal(self, cands: set[str], m: RawMention) -> set[str]:
        here = {c for c in cands if (c, m.doc) in self.positions}
        text = self.texts.get(m.doc)
        if text is None or len({self.uf.find(c) for c in here}) < 2:
            return cands  # where neither tells, all of them (the nearest then wins)
        sex = pronoun_sex(text, m.end)
        if sex:
            gender = gazetteer().gender
            here = {c for c in here if gender.get(c.split()[0], sex) == sex} or here
        return {c for c in here if not self._is_kin(c, m.doc, text)} or here

    def _is_kin(self, c: str, doc: str, text: str) -> bool:
        hit = self._kin.get((c, doc))
        if hit is None:
            by_doc = self._by_doc.get(c)
            if by_doc is None:
                by_doc = self._by_doc[c] = defaultdict(list)
                for x in self.forms[c]:
                    by_doc[x.doc].append(x)
            hit = self._kin[(c, doc)] = any(introduced_as_kin(text, x.start, x.end) for x in by_doc.get(doc, ()))
        return hit


def _nearest(cands: set[str], m: RawMention, positions) -> str | None:
    """The candidate form with a mention closest before ``m`` in its article (else closest after)."""
    best: tuple[int, str] | None = None
    for c in cands:
        starts = positions.get((c, m.doc))
        if not starts:
            continue
        i = bisect.bisect_right(starts, m.start) - 1
        # a preceding full mention is preferred: news text introduces a name in full first
        d = m.start - starts[i] if i >= 0 else 10**9 + starts[0] - m.start
        if best is None or (d, c) < best:
            best = (d, c)
    return best[1] if best else None


def _best_name(ms: list[RawMention], surfaces: Counter, typ: str) -> str:
    if typ != "PERSON":
        gaz = Counter(m.gaz for m in ms if m.gaz)
        if gaz:
            return gaz.most_common(1)[0][0]

    def score(s: str):
        words = [w for w in s.split() if w not in _SKIP_INITIALS]
        # untokenised spelling first ("Richard M. Nixon", not "Richard M . Nixon"), then the most
        # complete (up to 4 words), then the most frequent, then the compact spelling
        clean = " ." not in s and " '" not in s and " ’" not in s
        return (clean, min(len(words), 4), surfaces[s], -len(s), s)

    return max(surfaces, key=score)


