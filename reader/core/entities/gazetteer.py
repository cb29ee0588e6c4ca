"""Gazetteers shipped as data files in ``data/`` (see ``data/SOURCES.md``).

Loaded once per process on first use. Names are matched against the candidate
runs the detector already found (one hash probe per sub-span of a run, longest
first), so the cost does not grow with the size of the lists.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

_lock = threading.Lock()
_loaded: "Gazetteer | None" = None


_FOLDED: dict[str, str] = {}


def fold(s: str) -> str:
    """Lower case without diacritics: "München" and "Munchen" meet here."""
    f = _FOLDED.get(s)
    if f is None:
        if s.isascii():
            f = s.lower()
        else:
            f = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()
        if len(_FOLDED) < 500_000:  # names repeat: a bounded memo saves most of the work
            _FOLDED[s] = f
    return f


@dataclass
class Entry:
    canonical: str
    type: str  # PERSON, PLACE, ORG
    weight: float
    kind: str = ""


@dataclass
class Gazetteer:
    names: dict[str, Entry] = field(default_factory=dict)  # folded surface -> entry
    demonyms: dict[str, str] = field(default_factory=dict)  # folded adjective -> country
    given: frozenset[str] = frozenset()  # folded given names
    given_words: frozenset[str] = frozenset()  # given names that are ordinary words too ("mark", "will")
    surnames: frozenset[str] = frozenset()  # folded frequent surnames
    common: frozenset[str] = frozenset()  # lower-case ordinary words
    full_given: dict[str, frozenset[str]] = field(default_factory=dict)  # "fred" -> {"frederick"}
    gender: dict[str, str] = field(default_factory=dict)  # "john" -> "m", "katie" -> "f" (clear cases only)
    max_tokens: int = 1

    def lookup(self, surface: str) -> Entry | None:
        return self.names.get(fold(surface))

    def demonym(self, surface: str) -> str | None:
        return self.demonyms.get(fold(surface))


def _rows(name: str):
    path = DATA / name
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _build() -> Gazetteer:
    g = Gazetteer()
    names: dict[str, Entry] = {}
    for surface, canonical, kind, weight in _rows("places.tsv"):
        names[fold(surface)] = Entry(canonical, "PLACE", float(weight), kind)
    for surface, canonical in _rows("orgs.tsv"):
        names[fold(surface)] = Entry(canonical, "ORG", 4.0, "org")
    for surface, canonical, typ in _rows("aliases.tsv"):
        names[fold(surface)] = Entry(canonical, typ, 4.0, "alias")
    g.names = names
    dem: dict[str, str] = {}
    for row in _rows("demonyms.tsv"):
        dem[fold(row[0])] = row[1]
    for row in _rows("demonyms_extra.tsv"):
        dem[fold(row[0])] = row[1]
    g.demonyms = dem
    rows = list(_rows("given_names.txt"))
    g.given = frozenset(fold(r[0]) for r in rows)
    g.given_words = frozenset(fold(r[0]) for r in rows if len(r) > 1 and r[1] == "word")
    g.surnames = frozenset(fold(r[0]) for r in _rows("surnames.txt"))
    g.common = frozenset(r[0] for r in _rows("common_words.txt"))
    full: dict[str, set[str]] = {}
    for short, given in _rows("nicknames.tsv"):
        full.setdefault(short, set()).add(given)
    g.full_given = {k: frozenset(v) for k, v in full.items()}
    g.gender = {name: sex for name, sex in _rows("given_gender.tsv")}
    g.max_tokens = max((k.count(" ") + 1 for k in names), default=1)
    return g


def gazetteer() -> Gazetteer:
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _build()
    return _loaded
