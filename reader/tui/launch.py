"""Start the app from the command line: config first, so a bad config is a
message on the terminal, not a traceback inside the app."""

from __future__ import annotations

import argparse
import sys

from .. import config as _config


def launch(args: argparse.Namespace) -> int:
    cfg = _config.load(args.config)  # ConfigError is reported by the CLI
    for w in cfg.warnings:
        print(f"reader: warning: {w}", file=sys.stderr)
    from .app import ReaderApp

    app = ReaderApp(args.paths, config=cfg, notes_path=args.notes)
    app.run()
    return app.return_code or 0
