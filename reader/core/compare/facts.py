"""Line up the figures of several articles as facts: agree, differ, or only one article reports it.

Two figures are the same fact when they count the same thing: the same predicate (by the lexicon's
synonyms) and the same group of the counted thing. Within an article, restatements of a figure are
one claim; across articles, claims are joined strongest link first (an equal value, then overlapping
ranges), never two claims of one article in a fact. Figures whose ranges share no value differ only
when both are figures (not vague counts) of the same predicate and group. Anything less certain stays
apart: two ``only`` facts are better than a false ``agree``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import GENERIC, HUMAN, lexicon
from .model import Fact, FactItem

NEIGHBOURS = 40  # overlapping claims looked at per claim: bounds the work on a large corpus


@dataclass(eq=False)
class _Claim:
    """The figures of one article that restate each other."""

    doc: int  # position of the article
    key: tuple  # (predicate, group, vague) for a known predicate, else (None, group)
    items: list[FactItem] = field(default_factory=list)

    @property
    def rep(self) -> FactItem:
        return self.items[0]

    def add(self, q: FactItem) -> None:
        self.items.append(q)
        # the narrowest range speaks for the article; then an attributed one; then the first
        self.items.sort(key=lambda it: (it.high - it.low, it.attribution is None, it.start))


def _overlap(a: FactItem, b: FactItem) -> bool:
    return a.low <= b.high and b.low <= a.high


def _claims(quantities: list[FactItem], doc_pos: dict[str, int]) -> list[_Claim]:
    known = lexicon().predicates
    claims: list[_Claim] = []
    open_: dict[tuple, list[_Claim]] = {}
    for q in quantities:
        if q.low is None or q.high is None or q.group is None:
            continue
        if q.predicate in known:
            key = (q.predicate, q.group, q.vague)
        else:
            key = (None, q.group)
        di = doc_pos[q.doc]
        same = open_.setdefault((di,) + key, [])
        for c in same:
            if _overlap(c.rep, q) and (q.predicate in known or c.rep.value == q.value):
                c.add(q)
                break
        else:
            c = _Claim(di, key)
            c.add(q)
            same.append(c)
            claims.append(c)
    return claims


class _Facts:
    """Union of claims into facts: each fact holds at most one claim per article, and the ranges of an
    agreeing fact keep a value in common."""

    def __init__(self, claims: list[_Claim]):
        self.parent = list(range(len(claims)))
        self.docs = [{c.doc} for c in claims]
        self.low = [c.rep.low for c in claims]
        self.high = [c.rep.high for c in claims]
        self.differ = [False] * len(claims)
        # the groups of persons a fact counts, besides people of no stated kind: never two of them
        self.groups = [{c.rep.group} - {GENERIC} for c in claims]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, agree: bool) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b or self.docs[a] & self.docs[b] or len(self.groups[a] | self.groups[b]) > 1:
            return False
        low, high = max(self.low[a], self.low[b]), min(self.high[a], self.high[b])
        if agree and (low > high or self.differ[a] or self.differ[b]):
            return False
        self.parent[b] = a
        self.docs[a] |= self.docs[b]
        self.groups[a] |= self.groups[b]
        self.low[a], self.high[a] = low, high
        self.differ[a] = self.differ[a] or self.differ[b] or low > high
        return True


def _links(claims: list[_Claim]) -> list[tuple[float, int, int, bool]]:
    """Candidate joins ``(strength, i, j, agree)``, strongest first."""
    links: list[tuple[float, int, int, bool]] = []
    by_key: dict[tuple, list[int]] = {}
    for i, c in enumerate(claims):
        by_key.setdefault(c.key, []).append(i)
    for key, members in by_key.items():
        members.sort(key=lambda i: claims[i].rep.low)
        known = key[0] is not None
        for n, i in enumerate(members):
            a = claims[i].rep
            for j in members[n + 1:n + 1 + NEIGHBOURS]:
                b = claims[j].rep
                if b.low > a.high:
                    break
                if claims[i].doc == claims[j].doc:
                    continue
                equal = a.value is not None and a.value == b.value and a.low == b.low and a.high == b.high
                if not known and a.value != b.value:
                    continue  # a predicate outside the lexicon: only the same figure is the same fact
                strength = (4.0 if equal else 2.0) + (0.5 if a.attribution and a.attribution == b.attribution else 0)
                links.append((strength, i, j, True))
    # A count of people of no stated kind meets a group of persons on the same figure only:
    # "26 have been killed" and "26 armed criminals were killed".
    by_value: dict[tuple, list[int]] = {}
    for i, c in enumerate(claims):
        r = c.rep
        if c.key[0] is not None and not c.key[2] and r.group in HUMAN and r.value is not None and r.low == r.high:
            by_value.setdefault((c.key[0], r.value), []).append(i)
    for members in by_value.values():
        generic = [i for i in members if claims[i].rep.group == GENERIC]
        specific = [i for i in members if claims[i].rep.group != GENERIC]
        for i in generic[:NEIGHBOURS]:
            others = [j for j in specific[:NEIGHBOURS] if claims[i].doc != claims[j].doc]
            if len({claims[j].rep.group for j in others}) > 1:
                continue  # "12 people killed" where others count 12 criminals and 12 officers: whose toll?
            for j in others:
                a, b = claims[i].rep, claims[j].rep
                links.append((3.0 + (0.5 if a.attribution and a.attribution == b.attribution else 0), i, j, True))
    links.sort(key=lambda t: (-t[0], claims[t[1]].doc, claims[t[1]].rep.start, claims[t[2]].doc))
    return links


def number_facts(quantities: list[FactItem], doc_order: list[str]) -> list[Fact]:
    doc_pos = {d: i for i, d in enumerate(doc_order)}
    claims = _claims(quantities, doc_pos)
    facts = _Facts(claims)
    for _, i, j, agree in _links(claims):
        facts.join(i, j, agree)
    # Figures of the same predicate and group that no range joins: the articles differ. Vague counts
    # ("dozens") are no figure to differ with.
    by_key: dict[tuple, list[int]] = {}
    for i, c in enumerate(claims):
        if c.key[0] is not None and not c.key[2] and facts.find(i) == i:
            by_key.setdefault(c.key, []).append(i)
    for members in by_key.values():
        members.sort(key=lambda i: (-len(facts.docs[i]), claims[i].doc, claims[i].rep.start))
        for n, i in enumerate(members):
            for j in members[:n]:
                if facts.find(j) == j and facts.join(j, i, agree=False):
                    break
    groups: dict[int, list[_Claim]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(facts.find(i), []).append(c)
    out = []
    for root, members in groups.items():
        members.sort(key=lambda c: (c.doc, c.rep.start))
        items = tuple(it for c in members for it in c.items)
        verdict = "only" if len(members) == 1 else ("differ" if facts.differ[root] else "agree")
        first = members[0].rep
        out.append(Fact(id=f"number:{first.doc}:{first.start}", kind="number", label=_label(members),
                        verdict=verdict, items=items))
    return out


def _label(members: list[_Claim]) -> str:
    """What the fact counts: "people detained", "armed criminals killed", "arrests"."""
    lex = lexicon()
    rep = members[0].rep
    unit = next((c.rep.unit for c in members if c.rep.unit), None) or (rep.group if rep.group != GENERIC else "")
    unit = " ".join(unit.split()).strip("“”\"'") if unit else ""
    if unit.lower() in lex.event_nouns:
        return unit
    pred = rep.predicate or ""
    if not unit:
        return pred or "figure"
    return f"{unit} {pred}".strip()
