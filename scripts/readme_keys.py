#!/usr/bin/env python3
"""Rewrite the README's keys table (between its keys:start / keys:end markers) from the
bindings themselves. tests/tui/test_keys.py fails when the README is out of step.

Usage: .venv/bin/python scripts/readme_keys.py
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- keys:start -->", "<!-- keys:end -->"


def with_table(readme: str, table: str) -> str:
    head, rest = readme.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}\n{END}{tail}"


def main() -> None:
    from reader.tui.keys import keys_table

    path = ROOT / "README.md"
    path.write_text(with_table(path.read_text(encoding="utf-8"), keys_table()), encoding="utf-8")
    print(path)


if __name__ == "__main__":
    main()
