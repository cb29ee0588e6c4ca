"""What a pronoun may refer to: the sex a person's name or title tells, and names of groups.

"she" never resolves to a man known as "Mr. Tibbs" or by a given name borne only by men ("Tom
Baker"), and "he" or "she" never to a plural group written like a name ("Democrats", "Americans").
The given names and demonyms are the entity analysis's data files (US Census given names, country
adjectives), read here on their own so the quotations need not build the whole gazetteer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parents[1] / "entities" / "data"
# Words next to a mention that tell a person's sex.
_GENDER_WORDS = {w: "m" for w in "mr sir lord king prince actor husband father son brother boy man businessman "
                                  "chairman spokesman congressman councilman".split()}
_TITLES = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f",
           "lady": "f"}  # right before a name
_GENDER_WORDS.update({w: "f" for w in "mrs ms miss madam lady dame queen princess actress wife mother daughter "
                                       "sister girl woman businesswoman chairwoman spokeswoman congresswoman "
                                       "councilwoman".split()})


def _rows(name: str):
    try:
        with open(_DATA / name, encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    yield line.rstrip("\n").split("\t")
    except OSError:
        return


@lru_cache(maxsize=1)
def given_sex() -> dict[str, str]:
    """Given name (lower case) -> "m" or "f", for names borne (nearly) only by one sex."""
    return {r[0]: r[1] for r in _rows("given_gender.tsv") if len(r) > 1}


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Country adjectives in lower case ("american", "french")."""
    return frozenset(r[0].lower() for name in ("demonyms.tsv", "demonyms_extra.tsv") for r in _rows(name))


class Referents:
    """Per article: the sex of each entity where its mentions tell it, and which entities are groups."""

    def __init__(self, text: str, mentions: list[tuple[int, int, Any]]):
        self.text = text
        self.mentions = mentions
        self._sex: dict[str, list] | None = None  # entity id -> [titles "m", titles "f", words' sexes]
        self._groups: dict[str, bool] = {}

    def sex(self, ent: Any) -> str | None:
        """"m" or "f" by the titles before the entity's mentions ("Mr.", "Ms."), else by its given name
        when that is borne by one sex only, else by the words next to its mentions when they agree
        ("actress", "his wife"): those often describe someone else ("Clinton spokesman Nick Lee")."""
        if self._sex is None:
            self._sex = {}
            text = self.text
            for s, e, en in self.mentions:
                votes = self._sex.setdefault(en.id, [0, 0, set()])
                words = re.findall(r"[a-z]+", text[max(0, s - 30): s].lower())[-3:]
                title = _TITLES.get(words[-1]) if words else None
                if title is not None and re.search(r"[A-Za-z]\.?\s*$", text[max(0, s - 6): s]):
                    votes[0 if title == "m" else 1] += 1
                    continue
                words += re.findall(r"[a-z]+", text[e: e + 25].lower())[:3]
                g = {_GENDER_WORDS[w] for w in words if w in _GENDER_WORDS}
                if len(g) == 1:
                    votes[2].update(g)
        m, f, near = self._sex.get(ent.id, (0, 0, set()))
        if m != f:
            return "m" if m > f else "f"
        words = (getattr(ent, "name", "") or "").split()
        given = given_sex().get(words[0].lower()) if words else None
        if given is not None:
            return given
        return next(iter(near)) if len(near) == 1 else None

    def is_group(self, ent: Any) -> bool:
        """A one-word plural name: a country's people ("Americans") or a word whose singular the article
        also writes as a name ("Democrats" beside "a Democrat")."""
        key = ent.id
        if key not in self._groups:
            name = (getattr(ent, "name", "") or "").strip()
            single = name[:-1]
            self._groups[key] = bool(
                " " not in name and len(name) > 3 and name.endswith("s") and name[:1].isupper() and (
                    single.lower() in demonyms() or re.search(r"\b" + re.escape(single) + r"\b(?!’|')",
                                                              self.text) is not None))
        return self._groups[key]
