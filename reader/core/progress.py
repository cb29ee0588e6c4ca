"""How far the long analyses have got, for a face that shows it.

A face runs an analysis under ``reporting(callback)`` in the thread that runs it; the analysis counts
its articles with ``counted(name, items)`` and the callback hears ``(name, done, total)``: once at the
start, about every hundredth article, and at the end. Without a callback, counting costs nothing and
nothing is reported. The callback is the thread's own, so two faces (or two workers) never hear each
other's analyses; it must not raise (what it raises stops the analysis).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
Callback = Callable[[str, int, int], None]

_local = threading.local()


@contextmanager
def reporting(callback: Callback | None) -> Iterator[None]:
    """Send the progress of the analyses run in this thread, inside the block, to ``callback``."""
    previous = getattr(_local, "callback", None)
    _local.callback = callback
    try:
        yield
    finally:
        _local.callback = previous


def report(name: str, done: int, total: int) -> None:
    """Tell the thread's callback, if any, that ``done`` of ``total`` items of ``name`` are done."""
    callback = getattr(_local, "callback", None)
    if callback is not None:
        callback(name, done, total)


def counted(name: str, items: Iterable[T], total: int | None = None) -> Iterable[T]:
    """``items`` as they are, reporting ``(name, done, total)`` as they are consumed. ``total``
    defaults to ``len(items)``; ``items`` is returned untouched when nobody listens."""
    callback = getattr(_local, "callback", None)
    if callback is None:
        return items
    if total is None:
        items = items if hasattr(items, "__len__") else list(items)
        total = len(items)  # type: ignore[arg-type]
    return _counting(name, items, total, callback)


def _counting(name: str, items: Iterable[T], total: int, callback: Callback) -> Iterator[T]:
    step = max(1, total // 100)
    callback(name, 0, total)
    done = 0
    for item in items:
        yield item
        done += 1
        if done % step == 0 and done < total:
            callback(name, done, total)
    callback(name, done, total)
