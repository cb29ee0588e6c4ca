"""Wordings of one meaning ("on a short-term basis" ~ "for a limited period of time"), read from
``data/paraphrases.json``: a phrase found in a passage adds its group as one matching term, so two
reports of a claim in other words share a term where they share no word."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..spans import lower_same_offsets
from .terms import terms

PREFIX = "~"  # a group's term: never a word's (words start with a letter or digit)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    raw = json.loads((Path(__file__).with_name("data") / "paraphrases.json").read_text(encoding="utf-8"))
    group_of = {" ".join(p.lower().split()): PREFIX + name for name, phrases in raw["groups"].items()
                for p in phrases}
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(group_of, key=len, reverse=True))
    source = rf"(?<![\w-])(?:{alternatives})(?![\w-])"
    return re.compile(source), re.compile(source, re.IGNORECASE), group_of  # the phrases are lower case


def _found(text: str):
    """The lexicon's phrases in ``text``. Searched in the lower-cased text where that keeps every
    offset (a case-blind search of the whole lexicon is several times slower)."""
    lower, any_case, group_of = _lexicon()
    low = lower_same_offsets(text)
    if low is not None:
        return ((m, group_of[" ".join(m.group().split())]) for m in lower.finditer(low))
    return ((m, group_of[" ".join(m.group().lower().split())]) for m in any_case.finditer(text))


def paraphrase_terms(text: str) -> set[str]:
    """The groups whose phrases ``text`` holds."""
    return {group for _, group in _found(text)}


def paraphrase_words(text: str) -> dict[str, set[str]]:
    """For each group found in ``text``, the matching terms of the words that wrote it there: when the
    other passage holds the group, those words count as shared."""
    out: dict[str, set[str]] = {}
    for m, group in _found(text):
        out.setdefault(group, set()).update(terms(text[m.start():m.end()]))
    return out
