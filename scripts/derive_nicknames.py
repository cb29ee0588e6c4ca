#!/usr/bin/env python3
"""Derive ``reader/core/entities/data/nicknames.tsv``: short forms of given names ("Fred" of "Frederick").

Run once by a developer (never at run time); the source package is not a runtime dependency:

    python3 -m venv /tmp/derive && /tmp/derive/bin/pip install nicknames==1.0.1
    /tmp/derive/bin/python scripts/derive_nicknames.py

Source: the ``nicknames`` package (Carlton Northern, Nick Crews; Apache-2.0), a hand-curated table of
English given names and their nicknames. Only pairs that are safe to read as one person are kept:
the short form is shorter than the full name and spelt like its start (its first three letters are
the full name's), so "Kate"/"Katherine" stays and "Erin"/"Aaron", "Andrea"/"Andrew", whose start
differs or which are two full names, go.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "core" / "entities" / "data" / "nicknames.tsv"


def keep(full: str, short: str) -> bool:
    return len(short) >= 3 and len(short) < len(full) and short[:3] == full[:3]


def main() -> None:
    import nicknames

    pairs = sorted({(t.name1, t.name2) for t in nicknames.name_triplets()
                    if t.relationship == "has_nickname" and keep(t.name1, t.name2)})
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# short form\tfull given name; from the nicknames package (Apache-2.0), "
                 "derived by scripts/derive_nicknames.py\n")
        fh.write("".join(f"{short}\t{full}\n" for full, short in sorted(pairs, key=lambda p: (p[1], p[0]))))
    print({"pairs": len(pairs)})


if __name__ == "__main__":
    main()
