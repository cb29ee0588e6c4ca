"""Start the app from the command line: config first, so a bad config is a
message on the terminal, not a traceback inside the app."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from .. import config as _config


def launch(args: argparse.Namespace) -> int:
    cfg = _config.load(args.config)  # ConfigError is reported by the CLI
    for w in cfg.warnings:
        print(f"reader: warning: {w}", file=sys.stderr)
    from .app import ReaderApp

    app = ReaderApp(args.paths, config=cfg, notes_path=args.notes)
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
