"""Shared Pilot helpers: wait on conditions, never on fixed sleeps."""

from __future__ import annotations

import time
from typing import Callable


async def wait_for(pilot, predicate: Callable[[], bool], timeout: float = 10.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await pilot.pause(0.02)


async def wait_loaded(pilot, app, timeout: float = 20.0) -> None:
    """The corpus is loaded, the first article shown, and background analysis
    (entities, dates, ...) finished, so it cannot move things under a test."""
    await wait_for(pilot, lambda: app.current_doc is not None or (app.index is not None and not app.index.documents),
                   timeout, "the corpus to load")
    await app.workers.wait_for_complete()
    await pilot.pause()


def count_rows_built(monkeypatch) -> list[str]:
    """The ids of the articles whose list row is drawn from now on, in order (repeats included)."""
    from reader.tui.widgets import article_list

    built: list[str] = []
    real_row = article_list._row

    def counting_row(doc, *args, **kwargs):
        built.append(doc.id)
        return real_row(doc, *args, **kwargs)

    monkeypatch.setattr(article_list, "_row", counting_row)
    return built
