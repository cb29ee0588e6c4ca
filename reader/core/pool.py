"""Work over many items on every core: forked workers that inherit the corpus instead of receiving it.

An analysis of a big folder holds hundreds of megabytes of texts and indexes; sending them to spawned
workers would cost more than the work. A forked worker starts with the parent's memory as it is (shared
until written), runs ``fn(start, stop)`` over its share of the items and sends back only the results,
which must pickle. The results are those of one ``fn(0, n)`` call, in order, whatever the number of workers.

Forking is done only where it is safe: on a platform that has it, from a process with one thread (a
forked child gets only the calling thread, and a lock another thread held would stay locked in it). The
app analyses in threads, so it runs the work in-process; so does any failure to start the workers.
``READER_WORKERS`` sets the number of workers (``1``: never fork).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")
MAX_WORKERS = 8
_job: Callable[[int, int], list] | None = None


def worker_count() -> int:
    """Workers to use: ``READER_WORKERS`` when set to a number, else the cores this process may run on."""
    raw = os.environ.get("READER_WORKERS", "").strip()
    if raw:
        try:
            return max(1, min(MAX_WORKERS, int(raw)))
        except ValueError:
            pass
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


def _single_threaded() -> bool:
    if threading.active_count() != 1:
        return False
    # Threads started outside Python (a native library's pool) count too. The last pool's handler
    # threads, joined already, can still be leaving the kernel's list: wait for them a moment
    # rather than do the next pass on one core.
    deadline = time.monotonic() + 0.05
    while True:
        try:
            if len(os.listdir("/proc/self/task")) == 1:
                return True
        except OSError:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.002)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and _single_threaded()


def _run(bounds: tuple[int, int]) -> list:
    assert _job is not None
    return _job(*bounds)


def map_ranges(fn: Callable[[int, int], list[T]], n: int, *, min_items: int = 64,
               pieces_per_worker: int = 4) -> list[T]:
    """``fn(0, n)``, computed as ``fn(a, b)`` over consecutive ranges by forked workers when that is
    worth it and safe. ``fn`` must return a list of ``b - a`` picklable results."""
    return list(imap_ranges(fn, n, min_items=min_items, pieces_per_worker=pieces_per_worker))


def imap_ranges(fn: Callable[[int, int], list[T]], n: int, *, min_items: int = 64,
                pieces_per_worker: int = 4, forked: Callable[[], None] | None = None) -> Iterator[T]:
    """The results of ``map_ranges``, one item at a time in order, each range's as soon as it is done:
    a caller that turns results into something smaller as they come never holds them all. ``forked``
    is called once the workers exist (each has its copy of the parent's memory): what only they read
    can be freed in the parent then. It is not called when the work is done in this process."""
    global _job
    workers = min(worker_count(), max(1, n // max(1, min_items)))
    if workers <= 1 or _job is not None or not can_fork():
        yield from _checked(fn, 0, n)
        return
    # Several ranges per worker: the items' costs differ, and a worker done early takes the next one.
    parts = workers * pieces_per_worker
    bounds = [(n * i // parts, n * (i + 1) // parts) for i in range(parts)]
    done = 0
    _job = fn
    # Objects moved out of the collector's reach are not written by a child's collections, so their
    # pages stay shared with the parent.
    gc.freeze()
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(workers) as pool:
            if forked is not None:
                forked()
            for chunk in pool.imap(_run, bounds, chunksize=1):
                a, b = bounds[done]
                if len(chunk) != b - a:
                    raise RuntimeError(f"parallel work returned {len(chunk)} results for {b - a} items")
                done += 1
                yield from chunk
                del chunk
    except (OSError, multiprocessing.ProcessError):  # no processes to be had: the rest is done here
        pass
    finally:
        _job = None
        gc.unfreeze()
    for a, b in bounds[done:]:
        yield from _checked(fn, a, b)


def in_child(fn: Callable[[], T]) -> T:
    """``fn()`` run in a forked child, its result sent back pickled: what ``fn`` allocates and frees on the
    way is the child's, so this process grows by the result alone (and the workers it forks later copy
    less). Run here when forking is not safe or wanted, or when the child dies without an answer."""
    if worker_count() <= 1 or _job is not None or not can_fork():
        return fn()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        receive.close()
        try:
            answer = (True, fn())
        except BaseException as exc:  # noqa: BLE001 - the parent raises it
            answer = (False, exc)
        send.send(answer)
        send.close()

    try:
        proc = ctx.Process(target=child)
        proc.start()
    except OSError:
        return fn()
    send.close()
    try:
        ok, value = receive.recv()
    except (EOFError, OSError):  # killed, or its exception would not pickle: the work is done here
        proc.join()
        return fn()
    finally:
        receive.close()
    proc.join()
    if not ok:
        raise value
    return value


def _checked(fn: Callable[[int, int], list[T]], a: int, b: int) -> list[T]:
    out = fn(a, b)
    if len(out) != b - a:
        raise RuntimeError(f"parallel work returned {len(out)} results for {b - a} items")
    return out
