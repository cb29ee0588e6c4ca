"""`reader add`: web pages, feeds and saved pages become article files."""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING, TextIO

from .common import EXIT_ERROR, EXIT_OK, emit_json, load_config

if TYPE_CHECKING:  # the web stack (urllib3, trafilatura) loads only when `reader add` runs
    from ..core.ingest.add import Added, AddReport, Progress


def sanitize_line(text: str) -> str:
    """Page text for a terminal line: escape sequences and line breaks from a
    web page must not move the cursor or recolour the terminal."""
    return "".join(c if c.isprintable() else "\ufffd" for c in text)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "add", help="fetch links, feeds and saved pages into article files",
        description="Fetch news pages (http/https links), RSS or Atom feeds (links or files: every entry "
                    "becomes an article) and saved pages (.html, .htm, .html.gz) into Markdown article files.",
    )
    p.add_argument("--into", metavar="DIR", default=".", help="folder to write the articles to (default: here)")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON (schema in README)")
    p.add_argument("--timeout", metavar="S", type=float, help="seconds per web request (default: config ingest.timeout)")
    p.add_argument("--config", metavar="PATH", help="config file (default: $READER_CONFIG, then XDG)")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a link, a feed, a saved page, or - for one per line on stdin")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..core.ingest.add import add, expand_inputs, options_from_config

    cfg = load_config(args)
    if args.timeout is not None and args.timeout <= 0:
        print("reader: error: --timeout must be more than 0 seconds", file=sys.stderr)
        return EXIT_ERROR
    inputs = expand_inputs(args.inputs, sys.stdin)
    if not inputs:
        print("reader: error: no input (standard input had no lines)", file=sys.stderr)
        return EXIT_ERROR
    bar = None if args.json else ProgressBar(sys.stderr)
    report = add(inputs, options_from_config(cfg, args.into, args.timeout), on_progress=bar.update if bar else None)
    if bar:
        bar.close()
    if args.json:
        emit_json(report.as_json())
    else:
        print_summary(report, sys.stdout)
    return EXIT_OK if report.ok else EXIT_ERROR


class ProgressBar:
    """One line on standard error, redrawn in place on a terminal: how many
    inputs are done, where the next one comes from, and the failures so far.
    When standard error is not a terminal nothing is drawn (logs stay clean)."""

    def __init__(self, stream: TextIO, width: int | None = None) -> None:
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.width = width or shutil.get_terminal_size((80, 24)).columns
        self._drawn = False

    def render(self, p: "Progress") -> str:
        fixed = f" {p.done}/{p.total}" + (f" · {p.failures} failed" if p.failures else "")
        host = f" · {sanitize_line(p.host)}" if p.host and p.done < p.total else ""
        # the bar takes at most half the line; the host is what gets cut
        cells = min(30, (self.width - 1 - len(fixed)) // 2 - 2)
        filled = round(cells * p.done / p.total) if p.total else cells
        bar = f"[{'#' * filled}{'.' * (cells - filled)}]" if cells >= 5 else ""
        return (bar + fixed + host)[: self.width - 1]

    def update(self, p: "Progress") -> None:
        if self.live:
            self.stream.write("\r\x1b[K" + self.render(p))
            self.stream.flush()
            self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def print_summary(report: "AddReport", out: TextIO) -> None:
    """A table of what was added, then one line per failure."""
    rows = [_row(a) for a in report.added]
    if rows:
        widths = [max(len(r[i]) for r in rows + [_HEADER]) for i in range(3)]
        for r in [_HEADER] + rows:
            out.write("  ".join(c.ljust(w) for c, w in zip(r[:3], widths)) + "  " + r[3] + "\n")
    counts = {s: sum(a.status == s for a in report.added) for s in ("new", "updated", "unchanged", "duplicate")}
    said = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "nothing added"
    if report.errors:
        out.write("\nfailed:\n")
        for e in report.errors:
            out.write(f"  {sanitize_line(e.input)}: {sanitize_line(e.error)}\n")
        said += f", {len(report.errors)} failed"
    out.write(f"\n{said}\n")


_HEADER = ("status", "date", "source", "file · title")


def _row(a: "Added") -> tuple[str, str, str, str]:
    where = a.duplicate_of if a.status == "duplicate" else a.path
    title = sanitize_line(a.title or "(no title)")
    extra = f" (same text as {where})" if a.status == "duplicate" else ""
    return (a.status, a.date or "no date", sanitize_line(a.source or "-")[:20],
            f"{sanitize_line(where)} · {title}{extra}" if a.status != "duplicate" else f"{title}{extra}")

