"""The cyclic garbage collector paused over passes that allocate millions of acyclic objects.

A pass over a big folder builds mentions, quotations and index rows by the hundred thousand while
the heap already holds the corpus; each collection the allocations trigger rescans that heap and
reclaims nothing. Merging the workers' results of one cold ``reader quotes`` run at 10,000 articles
spent about 6 s of the parent's CPU in the collector.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block (also usable as a decorator); the collector's state
    before it is restored after it, so nested pauses are harmless."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
