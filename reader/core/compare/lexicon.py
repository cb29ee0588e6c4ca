"""The word lists of comparison, read once from ``data/lexicon.json`` (a data file, so it can grow)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
HUMAN = ("people", "civilians", "protesters", "security", "hostile")  # groups of persons
GENERIC = "people"  # a count of persons of no stated kind


@dataclass(frozen=True)
class Lexicon:
    predicate_of: dict[str, str]  # phrase (lower case) -> canonical predicate
    predicates: frozenset[str]  # the canonical names
    predicate_re: re.Pattern  # any predicate phrase, longest first, as whole words
    event_nouns: dict[str, str]  # noun -> canonical predicate
    group_of: dict[str, str]  # noun (lower case) -> group
    human_predicates: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    predicate_of = {w: name for name, forms in raw["predicates"].items() for w in forms}
    phrases = sorted(predicate_of, key=len, reverse=True)
    predicate_re = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)
    group_of = {w: name for name, words in raw["groups"].items() for w in words}
    return Lexicon(predicate_of, frozenset(raw["predicates"]), predicate_re, dict(raw["event_nouns"]), group_of,
                   frozenset(raw["human_predicates"]))


def singular(word: str) -> str:
    """A crude singular for nouns outside the lexicon: a group is named by it ("checkpoint")."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def group_of(noun_words: list[str]) -> str | None:
    """The group of a counted noun phrase: by its last two words, its head, else the head's singular;
    a coordination of two groups ("demonstrators and forces") is persons of no one kind."""
    lex = lexicon().group_of
    if not noun_words:
        return None
    if "and" in noun_words or "&" in noun_words:
        parts: list[list[str]] = [[]]
        for w in noun_words:
            if w in ("and", "&"):
                parts.append([])
            else:
                parts[-1].append(w)
        groups = {group_of(p) for p in parts if p}
        if len(groups) == 1:
            return groups.pop()
        return GENERIC if groups <= set(HUMAN) else None
    low = [w.lower() for w in noun_words]
    if len(low) >= 2 and " ".join(low[-2:]) in lex:
        return lex[" ".join(low[-2:])]
    head = low[-1]
    return lex.get(head) or singular(head)
