"""Start the app from the command line: config first, so a bad config is a
message on the terminal, not a traceback inside the app."""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys

from .. import config as _config


def launch(args: argparse.Namespace) -> int:
    # What the start makes (the listing, the interface) is kept, not garbage: the collector, which would
    # scan it again and again as it grows, is off until the first article is on screen (_collect_again).
    gc.disable()
    cfg = _config.load(args.config)  # ConfigError is reported by the CLI
    for w in cfg.warnings:
        print(f"reader: warning: {w}", file=sys.stderr)
    preload = _preload(args.paths, cfg)
    ahead = first = None
    if preload is None:  # a folder never opened: half of it is read in a second process (before any thread)
        from ..core.loader import LoadOptions
        from ..core.readahead import ReadAhead

        options = LoadOptions.of(cfg)
        # the head of the list is found by the second process while this one starts the app
        ahead = ReadAhead.start([str(p) for p in args.paths], options,
                                first=(FIRST_SCREEN_ROWS, FIRST_SCREEN_MIN_FILES))
        if ahead is None:
            first = _first_screen(args.paths, options)
    from .app import ReaderApp

    app = ReaderApp(args.paths, config=cfg, notes_path=args.notes, preload=preload, on_shown=_collect_again,
                    ahead=ahead, first=first)
    # A loop of our own: asyncio.run() would wait, after q, for every analysis still running in a
    # worker thread (minutes on a large folder). What the reader must keep is saved when the app
    # ends (reading place, notes); the cache and the store write atomically, so the process ends here.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    app.run(loop=loop)
    code = app.return_code or 0
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _collect_again() -> None:
    """The collector back on, once the first article is painted. What the start made goes straight to the
    oldest generation (frozen, then unfrozen there): the frequent young collections need not scan it, and
    a full one still frees what it leaves in a cycle (a corpus replaced after articles are added)."""
    gc.freeze()
    gc.unfreeze()
    gc.enable()


def _preload(paths: list[str], cfg):
    """A folder opened before is listed (from the article cache) before the app is imported: the list
    and the first article are then shown with the app's first paint. Listed here rather than beside
    the import, in a thread: the 10,000 stat calls of a large folder would each wait for the import to
    give the interpreter back. A folder never opened is listed by the app itself, which shows its
    progress."""
    from ..core.cache import corpus_cache_path

    from ..core.loader import LoadOptions, load_paths

    options = LoadOptions.of(cfg)
    if not options.cache or not corpus_cache_path([str(p) for p in paths], "docs").exists():
        return None
    try:
        return load_paths(paths, options)
    except Exception:  # the app lists the folder itself
        return None


def _first_screen(paths: list[str], options):
    """The head of the list of a big folder never opened, read from the first bytes of its files (a
    fraction of listing it): shown with the app's first paint while the app lists the folder."""
    from ..core.first_screen import first_screen

    try:
        return first_screen([str(p) for p in paths], options, FIRST_SCREEN_ROWS, min_files=FIRST_SCREEN_MIN_FILES)
    except Exception:  # the app lists the folder itself
        return None


FIRST_SCREEN_ROWS = 60  # more rows than the tallest terminal shows
FIRST_SCREEN_MIN_FILES = 500  # fewer: the whole folder is listed about as fast
