"""Shared plumbing of the subcommands: options, corpus loading, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable, Iterator, Sequence, TypeVar

from .. import config as _config
from ..core.document import Corpus
from ..core.errors import ReaderError
from ..core.loader import LoadOptions, load_paths

EXIT_OK = 0
EXIT_ERROR = 2
PATHS_HELP = "article files (.txt, .md, .markdown), saved pages (.html, .htm, .html.gz) or folders searched recursively"


def add_corpus_arguments(parser: argparse.ArgumentParser, paths_required: bool = True) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON (schema in README)")
    parser.add_argument("--config", metavar="PATH", help="config file (default: $READER_CONFIG, then XDG)")
    parser.add_argument(
        "paths", nargs="+" if paths_required else "*", metavar="PATHS",
        help=PATHS_HELP,
    )


def load_config(args: argparse.Namespace) -> _config.Config:
    cfg = _config.load(getattr(args, "config", None))
    for w in cfg.warnings:
        warn(w)
    return cfg


def load_corpus(args: argparse.Namespace, cfg: _config.Config | None = None) -> Corpus:
    cfg = cfg or load_config(args)
    options = LoadOptions.of(cfg)
    return load_paths(args.paths, options, ahead=_read_ahead(args.paths, options))


def _read_ahead(paths, options: LoadOptions):
    """A folder never opened (or no cache): a second process reads the second half of its files while
    this one reads the first (reader.core.readahead); a folder listed before is read from the cache."""
    from ..core.cache import corpus_cache_path
    from ..core.readahead import ReadAhead

    roots = [str(p) for p in paths]
    if options.cache and corpus_cache_path(roots, "docs").exists():
        return None
    return ReadAhead.start(roots, options, share=0.5)


def warn(message: str) -> None:
    print(f"reader: warning: {message}", file=sys.stderr)


def fail(message: str) -> int:
    print(f"reader: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def emit_json(obj: Any, stream=None) -> None:
    stream = stream or sys.stdout
    # dumps, not dump: only the one-shot encoder is the C one (dump writes millions of small pieces)
    stream.write(json.dumps(obj, ensure_ascii=False) + "\n")


class Raw(str):
    """A value already encoded as JSON (by ``json.dumps`` with the same options), spliced as is."""


class RawItems:
    """A JSON array given as pieces of already encoded text, each one or more items joined by ", "
    (empty pieces are skipped): written piece by piece, so a long array is never held whole."""

    def __init__(self, pieces):
        self.pieces = pieces


def emit_json_parts(parts: list[tuple[str, Any]], stream=None) -> None:
    """One JSON object from its fields in order; ``Raw`` values are written as they are, ``RawItems``
    piece by piece. The bytes are those ``emit_json`` writes for the same dict (the default separators,
    ``ensure_ascii=False``)."""
    stream = stream or sys.stdout
    stream.write("{")
    for i, (k, v) in enumerate(parts):
        stream.write(f"{', ' if i else ''}{json.dumps(k)}: ")
        if isinstance(v, RawItems):
            stream.write("[")
            first = True
            for piece in v.pieces:
                if piece:
                    stream.write(piece if first else ", " + piece)
                    first = False
            stream.write("]")
        else:
            stream.write(v if isinstance(v, Raw) else json.dumps(v, ensure_ascii=False))
    stream.write("}\n")


CHUNK = 1000  # items per kept part of a long array
T = TypeVar("T")


def chunk_parts(items: Sequence[T], encode: Callable[[T], str], weight: Callable[[T], int] | None = None,
                budget: int = 20_000) -> tuple[int, Iterator[tuple[str, str]]]:
    """The number of parts, and the parts ("0", encoded items joined), ... made one at a time: the store
    takes each as it is made, so a big array is never encoded whole in memory. A part has at most
    ``CHUNK`` items and, with ``weight``, at most ``budget`` of weight unless one item alone weighs more
    (the first thousand entities of a big folder hold most of its mentions)."""
    bounds = [0]
    total = 0
    for i, x in enumerate(items):
        w = weight(x) if weight else 0
        if i > bounds[-1] and (i - bounds[-1] >= CHUNK or total + w > budget):
            bounds.append(i)
            total = 0
        total += w
    if items:
        bounds.append(len(items))

    def parts():
        for k in range(len(bounds) - 1):
            yield str(k), ", ".join(encode(x) for x in items[bounds[k]:bounds[k + 1]])
    return len(bounds) - 1, parts()


def numbered_pieces(kept, n: int):
    """The parts "0" ... n-1 of a kept rendering (``reader.core.stored.Kept``), one at a time."""
    for i in range(n):
        yield kept.part(str(i)) or ""


def load_errors_json(corpus: Corpus) -> list[dict[str, Any]]:
    """The articles that could not be loaded, as the ``errors`` field of every command's JSON."""
    return [{"path": e.path, "error": e.error} for e in corpus.errors]


def report_load_errors(corpus: Corpus, as_json: bool) -> None:
    """Load errors go to stderr in text mode; in JSON mode they are part of the output."""
    if not as_json:
        for e in corpus.errors:
            print(f"reader: {e.path}: {e.error}", file=sys.stderr)


def require_documents(corpus: Corpus) -> None:
    if not corpus.documents:
        raise ReaderError("no article could be loaded" + (
            ": " + "; ".join(f"{e.path}: {e.error}" for e in corpus.errors[:5]) if corpus.errors else ""
        ))
