"""Wordings of one meaning ("on a short-term basis" ~ "for a limited period of time"), read from
``data/paraphrases.json``: a phrase found in a passage adds its group as one matching term, so two
reports of a claim in other words share a term where they share no word."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .terms import terms

PREFIX = "~"  # a group's term: never a word's (words start with a letter or digit)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern, dict[str, str]]:
    raw = json.loads((Path(__file__).with_name("data") / "paraphrases.json").read_text(encoding="utf-8"))
    group_of = {" ".join(p.lower().split()): PREFIX + name for name, phrases in raw["groups"].items()
                for p in phrases}
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(group_of, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), group_of


def paraphrase_terms(text: str) -> set[str]:
    """The groups whose phrases ``text`` holds."""
    pattern, group_of = _lexicon()
    return {group_of[" ".join(m.group().lower().split())] for m in pattern.finditer(text)}


def paraphrase_words(text: str) -> dict[str, set[str]]:
    """For each group found in ``text``, the matching terms of the words that wrote it there: when the
    other passage holds the group, those words count as shared."""
    pattern, group_of = _lexicon()
    out: dict[str, set[str]] = {}
    for m in pattern.finditer(text):
        out.setdefault(group_of[" ".join(m.group().lower().split())], set()).update(terms(m.group()))
    return out
