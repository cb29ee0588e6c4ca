"""Two forms of a name that are one entity spelt another way: a short given name ("Fred" of
"Frederick"), a transliteration or a typo ("Rait", "Raite"), an organisation a letter apart in one word.
Each joiner unites such forms in the linking pass's union-find (``link.py``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from .gazetteer import gazetteer


class UnionFind(Protocol):
    def find(self, x: str) -> str: ...

    def union(self, a: str, b: str) -> None: ...


def join_short_given_names(persons: list[str], uf: UnionFind) -> None:
    """ "Fred Hollis" and "Frederick Hollis", "Katie Moss" and "Kathryn Moss": a short form of the given
    name and the same surname are one person when the corpus has only one such full name."""
    full = gazetteer().full_given
    by_first_last: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in persons:
        words = k.split()
        by_first_last[(words[0], words[-1])].append(k)
    for k in persons:
        words = k.split()
        fulls = full.get(words[0])
        if not fulls:
            continue
        cands = [c for f in fulls for c in by_first_last.get((f, words[-1]), ())]
        if cands and len({uf.find(c) for c in cands}) == 1:
            uf.union(cands[0], k)


def join_spelling_variants(persons: list[str], uf: UnionFind) -> None:
    """ "Duncan Rait" and "Duncan Raite", "Heydar Alishbandi" and "Heidar Alishvandi": one person
    spelt two ways (transliteration, typos). Compared only within a block of the same initial and
    surname prefix, so the cost stays linear in the number of names."""
    from rapidfuzz.distance import JaroWinkler

    gender = gazetteer().gender
    blocks: dict[tuple, list[list[str]]] = defaultdict(list)
    for k in persons:
        words = k.split()
        if len(words) >= 2 and len(words[-1]) >= 4:
            blocks[(words[0][0], words[-1][:2], len(words))].append(words)
    for block in blocks.values():
        if len(block) < 2 or len(block) > 50:
            continue
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if a[-1] == b[-1] and a[0] != b[0] and not _one_given_name(a[0], b[0], gender):
                    continue  # same surname, other given name: two people ("Rob Jones", "Nick Jones")
                if all(JaroWinkler.similarity(x, y) >= 0.88 for x, y in zip(a, b)):
                    uf.union(" ".join(a), " ".join(b))


def _one_given_name(a: str, b: str, gender: dict[str, str]) -> bool:
    """Whether two given names may be one spelt two ways ("Jon" and "John", "Bettie" and "Betty"): both
    of one sex by the census, and close (the caller compares the spellings); or long names a letter apart
    when the census does not give both a sex (a typo of a rare name). Short names of unknown sex, or a
    pair of the two sexes ("Andrew" and "Andrea", "Paul" and "Paula"), are two people."""
    if len(a) < 3 or len(b) < 3 or a[:2] != b[:2] or abs(len(a) - len(b)) > 2 or a.startswith(b) or b.startswith(a):
        return False  # "Alex" of "Alexander" is a short form: the nicknames decide it
    sa, sb = gender.get(a), gender.get(b)
    if (sa is None or sb is None) and min(len(a), len(b)) >= 6:
        from rapidfuzz.distance import Levenshtein

        return Levenshtein.distance(a, b) == 1  # "Delmayne" and "Delymayne": a typo of a rare name
    return sa is not None and sa == sb


def join_org_variants(orgs: list[str], uf: UnionFind) -> None:
    """ "Academy of Motion Picture Arts and Sciences" and "... Pictures ...", "Central Election Commission"
    and "Central Elections Commission": one organisation, a letter apart in one word."""
    from rapidfuzz.distance import JaroWinkler

    blocks: dict[tuple, list[list[str]]] = defaultdict(list)
    for k in orgs:
        words = k.split()
        blocks[(words[0], words[-1], len(words))].append(words)
    for block in blocks.values():
        if 2 <= len(block) <= 50:
            for i, a in enumerate(block):
                for b in block[i + 1:]:
                    if sum(x != y for x, y in zip(a, b)) == 1 and all(
                            JaroWinkler.similarity(x, y) >= 0.9 for x, y in zip(a, b)):
                        uf.union(" ".join(a), " ".join(b))


def transposed_surnames(surnames) -> dict[str, str]:
    """Each spelling of a long surname with two letters next to each other swapped, to the surname:
    "Klistow" (a typo) -> "Kilstow". A spelling two surnames share stands for neither."""
    out: dict[str, str | None] = {}
    for s in surnames:
        if len(s) < 6 or " " in s:
            continue
        for i in range(len(s) - 1):
            if s[i] != s[i + 1]:
                v = s[:i] + s[i + 1] + s[i] + s[i + 2:]
                out[v] = None if out.get(v, s) != s else s
    return {v: s for v, s in out.items() if s is not None}
