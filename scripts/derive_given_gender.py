#!/usr/bin/env python3
"""Derive ``reader/core/entities/data/given_gender.tsv``: given names borne almost only by men or by women.

Run once by a developer (never at run time); the source package is not a runtime dependency:

    python3 -m venv /tmp/derive && /tmp/derive/bin/pip install names==0.3.0
    /tmp/derive/bin/python scripts/derive_given_gender.py

Source: the ``names`` package (MIT), whose data are the 1990 US Census given-name files (public domain):
the share of men and of women bearing each name. A name is written with ``m`` or ``f`` when one sex bears
it at least ten times as often as the other ("John" m, "Katie" f); names both bear ("Jordan", "Leslie")
are left out, so they never block anything.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "core" / "entities" / "data" / "given_gender.tsv"
RATIO = 10.0


def main() -> None:
    import names

    base = Path(names.__file__).parent
    share: dict[str, list[float]] = {}
    for i, fname in enumerate(("dist.male.first", "dist.female.first")):
        for line in open(base / fname, encoding="ascii"):
            parts = line.split()
            if len(parts) >= 2:
                share.setdefault(parts[0].lower(), [0.0, 0.0])[i] = float(parts[1])
    rows = []
    for name, (m, f) in sorted(share.items()):
        if m > 0 and m >= RATIO * f:
            rows.append((name, "m"))
        elif f > 0 and f >= RATIO * m:
            rows.append((name, "f"))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# given name\tm or f: borne (nearly) only by men or by women, US Census 1990 (public domain) via the\n"
                 "# names package; derived by scripts/derive_given_gender.py\n")
        fh.write("".join(f"{n}\t{g}\n" for n, g in rows))
    print({"names": len(rows), "m": sum(g == "m" for _, g in rows), "f": sum(g == "f" for _, g in rows)})


if __name__ == "__main__":
    main()
