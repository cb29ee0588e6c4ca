"""Command line: `reader PATHS...` opens the app; `reader COMMAND ...` runs one
capability non-interactively (see `reader --help`)."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from . import __version__
from .commands import COMMANDS
from .commands.common import EXIT_ERROR, fail
from .core.errors import ReaderError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # bad arguments exit 2 with a one-line message
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"reader: error: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with ``only`` of that one: a command's run then imports its own
    module alone (`reader find` need not load the annotation or web code to start)."""
    parser = _Parser(
        prog="reader",
        description="Read several news articles about one event: entities, quotes, dates and notes.",
        epilog="Run `reader PATHS...` to open the app, or `reader COMMAND --help` for a command.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in [only] if only else COMMANDS:
        importlib.import_module(f"reader.commands.{name}").register(sub)
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reader", description="Open the reader app on PATHS.")
    parser.add_argument("--config", metavar="PATH", help="config file")
    parser.add_argument("--notes", metavar="FILE", help="annotations file")
    parser.add_argument("paths", nargs="+", metavar="PATHS", help="article files or folders")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and (argv[0] in COMMANDS or argv[0].startswith("-") and argv[0] not in ("--config", "--notes")):
            args = build_parser(argv[0] if argv[0] in COMMANDS else None).parse_args(argv)
            if not getattr(args, "func", None):
                build_parser().print_help()
                return EXIT_ERROR
            _warnings_to_stderr()
            return args.func(args)
        if not argv:
            build_parser().print_help(sys.stderr)
            return EXIT_ERROR
        return _run_app(build_app_parser().parse_args(argv))
    except ReaderError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


class _StderrWarnings(logging.Handler):
    """What the core logs as a warning (a cache rebuilt, an index unusable) reaches the user of a
    command as one line, like the commands' own warnings. sys.stderr is looked up per line, so the
    handler follows a redirected stream."""

    def __init__(self):
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        print(f"reader: warning: {record.getMessage()}", file=sys.stderr)


def _warnings_to_stderr() -> None:
    logger = logging.getLogger("reader")
    if not any(isinstance(h, _StderrWarnings) for h in logger.handlers):
        logger.addHandler(_StderrWarnings())
        logger.propagate = False


def _run_app(args: argparse.Namespace) -> int:
    from .tui.launch import launch

    return launch(args)


if __name__ == "__main__":
    raise SystemExit(main())
