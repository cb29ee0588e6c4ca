"""`reader notes`: list, add, remove and export annotations without the app.

``reader notes [--json] PATHS...`` lists; ``reader notes add|rm|export ...`` change
or export. argparse cannot have both a positional PATHS list and sub-commands
on one parser, so the `notes` parser looks at its first argument itself and
hands the rest to the sub-command's own parser (a folder literally named
``add``, ``rm`` or ``export`` can be given as ``./add``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable

from ..core.annotations import AnnotationError, AnnotationStore
from ..core.annotations.export import to_jsonld, to_markdown, to_record
from ..core.document import Corpus
from ..core.index import Index
from .common import EXIT_ERROR, EXIT_OK, emit_json, fail, load_config, load_corpus, load_errors_json, report_load_errors

SUBCOMMANDS = ("add", "rm", "export")


def _common(p: argparse.ArgumentParser, paths_required: bool) -> None:
    p.add_argument("--json", action="store_true", help="print machine-readable JSON (schema in README)")
    p.add_argument("--config", metavar="PATH", help="config file (default: $READER_CONFIG, then XDG)")
    p.add_argument("--notes", metavar="FILE",
                   help="annotations file (default: annotations.path in the config, else annotations.yaml "
                        "in the first folder given)")
    p.add_argument("paths", nargs="+" if paths_required else "*", metavar="PATHS",
                   help="article files or folders (the articles the annotations belong to)")


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tag", metavar="TAG", help="only annotations with this tag")
    p.add_argument("--text", metavar="TEXT", help="only annotations whose passage, note or tags contain TEXT")
    p.add_argument("--doc", metavar="ID", help="only annotations of this article")


def register(sub: argparse._SubParsersAction) -> None:
    parser_class: Callable[..., argparse.ArgumentParser] = sub._parser_class  # the CLI's one-line-error parser
    p = sub.add_parser(
        "notes",
        help="list, add, remove or export annotations",
        description="List the annotations of the articles under PATHS, re-anchored to their current text.",
        usage="reader notes [--json] [--notes FILE] [--tag TAG] [--text TEXT] [--doc ID] PATHS...\n"
              "       reader notes add --doc ID --quote TEXT [--occurrence N] [--tag T]... [--note TEXT] PATHS...\n"
              "       reader notes rm ID [--notes FILE] [PATHS...]\n"
              "       reader notes export [--format markdown|jsonld] [--output FILE] [--notes FILE] [PATHS...]",
        epilog="Run `reader notes add --help` (or rm, export) for each sub-command.",
    )
    _common(p, paths_required=True)
    _filters(p)
    p.set_defaults(func=run, notes_command="list")

    add = parser_class(prog="reader notes add", description="Annotate a passage of an article, found by its text.")
    add.add_argument("--doc", metavar="ID", required=True, help="article id (see `reader docs`)")
    add.add_argument("--quote", metavar="TEXT", required=True, help="the passage, exactly as in the article")
    add.add_argument("--occurrence", metavar="N", type=int, default=1,
                     help="which occurrence of the quote, when it occurs more than once (default 1)")
    add.add_argument("--tag", metavar="T", action="append", default=[], help="a tag (repeat, or comma-separate)")
    add.add_argument("--note", metavar="TEXT", default="", help="the note (may span lines)")
    _common(add, paths_required=True)

    rm = parser_class(prog="reader notes rm", description="Remove one annotation by id (a unique prefix is enough).")
    rm.add_argument("id", metavar="ID")
    _common(rm, paths_required=False)

    export = parser_class(prog="reader notes export", description="Export annotations as Markdown or W3C Web Annotation JSON-LD.")
    export.add_argument("--format", choices=("markdown", "jsonld"), default="markdown")
    export.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    _filters(export)
    _common(export, paths_required=False)

    subparsers = {"add": add, "rm": rm, "export": export}
    list_parse = p.parse_known_args

    def parse_known_args(args: list[str] | None = None, namespace: argparse.Namespace | None = None):
        args = list(sys.argv[1:] if args is None else args)
        if args and args[0] in subparsers:
            ns, rest = subparsers[args[0]].parse_known_args(args[1:], namespace)
            ns.func, ns.notes_command = run, args[0]
            return ns, rest
        return list_parse(args, namespace)

    p.parse_known_args = parse_known_args  # type: ignore[method-assign]


def run(args: argparse.Namespace) -> int:
    cfg = load_config(args)
    corpus = load_corpus(args, cfg) if args.paths else Corpus()
    if not args.paths and not args.notes and not cfg.get("annotations", "path"):
        return fail("give PATHS (annotations.yaml is looked for in the first folder) or --notes FILE")
    index = Index(corpus, cfg, notes_path=Path(args.notes) if args.notes else None)
    store = index.notes
    handler = {"list": _list, "add": _add, "rm": _rm, "export": _export}[args.notes_command]
    return handler(args, index, store)


def _errors(corpus: Corpus, store: AnnotationStore) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = load_errors_json(corpus)
    for p in ([store.problem] if store.problem else []) + store.warnings:
        out.append({"path": p.path, "line": p.line, "error": p.message})
    return out


def _report_store(store: AnnotationStore) -> None:
    for p in ([store.problem] if store.problem else []) + store.warnings:
        print(f"reader: {p}", file=sys.stderr)


def _selected(args: argparse.Namespace, store: AnnotationStore) -> list:
    return store.filter(tag=args.tag, text=args.text, doc=args.doc)


def _list(args: argparse.Namespace, index: Index, store: AnnotationStore) -> int:
    notes = _selected(args, store)
    if args.json:
        emit_json({"notes": [to_record(a) for a in notes], "errors": _errors(index.corpus, store)})
    else:
        report_load_errors(index.corpus, as_json=False)
        _report_store(store)
        for a in notes:
            where = f"{a.start}-{a.end}" if a.start is not None else "-"
            tags = " ".join(f"#{t}" for t in a.tags)
            exact = " ".join(a.exact.split())
            print(f"{a.id}  {a.status:8}  {a.doc}  {where:>11}  {tags}  “{exact[:60]}”"
                  + (f"  {' '.join(a.note.split())[:60]}" if a.note else ""))
    if store.problem:
        return EXIT_ERROR
    return EXIT_OK if index.corpus.documents else EXIT_ERROR


def _add(args: argparse.Namespace, index: Index, store: AnnotationStore) -> int:
    report_load_errors(index.corpus, as_json=args.json)
    doc = index.doc(args.doc)
    if doc is None:
        return fail(f"no article with id {args.doc!r} under {' '.join(args.paths)} (see `reader docs`)")
    if store.problem:
        return fail(f"{store.problem}; nothing added")
    try:
        ann = store.add_quote(doc, args.quote, args.occurrence, args.tag, args.note)
    except AnnotationError as exc:
        return fail(str(exc))
    if not store.last_save.ok:
        return fail(store.last_save.message)
    if args.json:
        emit_json({**to_record(ann), "file": str(store.path)})
    else:
        print(f"{ann.id}  added to {store.path}")
    return EXIT_OK


def _rm(args: argparse.Namespace, index: Index, store: AnnotationStore) -> int:
    if store.problem:
        return fail(f"{store.problem}; nothing removed")
    try:
        ann = store.delete(args.id)
    except AnnotationError as exc:
        return fail(str(exc))
    if not store.last_save.ok:
        return fail(store.last_save.message)
    if args.json:
        emit_json({"removed": to_record(ann), "file": str(store.path)})
    else:
        print(f"{ann.id}  removed from {store.path}")
    return EXIT_OK


def _export(args: argparse.Namespace, index: Index, store: AnnotationStore) -> int:
    _report_store(store)
    notes = _selected(args, store)
    if args.format == "jsonld":
        text = json.dumps(to_jsonld(notes, store.document_for, label=f"reader annotations from {store.path}",
                                    base=store.path.parent), ensure_ascii=False, indent=2) + "\n"
    else:
        text = to_markdown(notes, store.document_for, source=str(store.path))
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            return fail(f"{args.output}: cannot write ({exc.strerror or exc})")
    else:
        sys.stdout.write(text)
    return EXIT_ERROR if store.problem else EXIT_OK
