#!/usr/bin/env python3
"""Regenerate docs/screenshot.svg: the app on seeds/ with an entity selected.

Usage: .venv/bin/python scripts/screenshot.py [OUT.svg] [--size 120x36]
Runs with private config, state and cache folders so the picture does not
depend on the machine it is made on.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


async def shoot(out: Path, width: int, height: int) -> None:
    from reader.tui.app import ReaderApp

    app = ReaderApp([str(ROOT / "seeds")])
    async with app.run_test(size=(width, height)) as pilot:
        while app.current_doc is None:
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        tabs = app.sidebar.query_one("#sidebar-tabs")
        tabs.active = "tab-entities"
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        pane = app.sidebar.query_one("#entities")
        pane.query_one("#entities-list").focus()
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        app.save_screenshot(str(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshot.svg"))
    ap.add_argument("--size", default="120x36")
    a = ap.parse_args()
    w, h = (int(x) for x in a.size.split("x"))
    tmp = tempfile.mkdtemp(prefix="reader-shot-")
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = os.path.join(tmp, var)
    asyncio.run(shoot(Path(a.out), w, h))
    print(a.out)


if __name__ == "__main__":
    main()
