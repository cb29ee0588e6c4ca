"""`reader find`: the finder without the app, one query or a file of them."""

from __future__ import annotations

import argparse
import sys
import time

from ..core.index import Index
from .common import (
    EXIT_ERROR, EXIT_OK, PATHS_HELP, emit_json, load_config, load_corpus, load_errors_json, report_load_errors, warn,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "find", help="find passages by a few remembered words (typos allowed)",
        description="Find sentences, quotations and entity names matching QUERY in the articles under PATHS. "
                    "Words may have typos, be missing or come in another order. Filters: @speaker, "
                    "kind:quote|sentence|entity, in:ARTICLE_ID, #tag.",
    )
    p.add_argument("--json", action="store_true", help="print machine-readable JSON (schema in README)")
    p.add_argument("--config", metavar="PATH", help="config file (default: $READER_CONFIG, then XDG)")
    p.add_argument("--limit", type=int, metavar="N", help="at most N hits per query (default: finder.limit, 20)")
    p.add_argument("--queries", metavar="FILE",
                   help="run one query per line of FILE and print one result per line (JSON Lines with --json)")
    p.add_argument("--sentences-only", action="store_true",
                   help="skip quotation and entity extraction (faster; hits are sentences only)")
    p.add_argument("--also-in", action="store_true",
                   help="with each hit, the passages of other articles reporting the same words or claim")
    p.add_argument("query", nargs="?", metavar="QUERY", help="the words to find (omit with --queries)")
    p.add_argument("paths", nargs="+", metavar="PATHS",
                   help=PATHS_HELP)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths = list(args.paths)
    if args.queries:
        if args.query is not None:  # with --queries every positional is a path
            paths.insert(0, args.query)
        try:
            with open(args.queries, encoding="utf-8", errors="replace") as f:
                queries = f.read().splitlines()
        except OSError as exc:
            print(f"reader: error: {args.queries}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    elif args.query is None:
        print("reader: error: give a QUERY and PATHS (or --queries FILE PATHS)", file=sys.stderr)
        return EXIT_ERROR
    else:
        queries = [args.query]
    args.paths = paths
    cfg = load_config(args)
    limit = args.limit if args.limit is not None else int(cfg.get("finder", "limit"))
    if limit < 1:
        print(f"reader: error: --limit must be at least 1, got {limit}", file=sys.stderr)
        return EXIT_ERROR
    corpus = load_corpus(args, cfg)
    report_load_errors(corpus, as_json=args.json)
    if not corpus.documents:
        if args.json:
            emit_json({"query": queries[0] if queries else "", "hits": [],
                       "errors": load_errors_json(corpus)})
        else:
            print("reader: error: no article could be loaded", file=sys.stderr)
        return EXIT_ERROR

    from ..core.search import SearchIndex

    index = Index(corpus, cfg)
    search = SearchIndex.open(index, extras=not args.sentences_only)
    for w in search.warnings:
        warn(w)
    docs = index._docs if hasattr(index, "_docs") else {d.id: d for d in corpus.documents}
    for q in queries:
        t0 = time.perf_counter()
        result = search.run(q, limit)
        ms = (time.perf_counter() - t0) * 1000.0
        if args.json:
            obj = {"query": q, "hits": [_hit_json(search, h, args.also_in) for h in result.hits]}
            if result.message:
                obj["message"] = result.message
            if args.queries:
                obj["ms"] = round(ms, 3)
            else:
                obj["engine"] = search.engine
            emit_json(obj)
        else:
            _print_text(q, result, docs, len(queries) > 1, search if args.also_in else None)
    return EXIT_OK


def _hit_json(search, hit, also_in: bool) -> dict:
    obj = hit.to_json()
    if also_in:
        obj["also_in"] = [m.to_json() for m in search.also_in(hit)]
    return obj


def _print_text(query: str, result, docs, several: bool, search=None) -> None:
    if several:
        print(f"# {query}")
    if not result.hits:
        print(f"({result.message or 'no matches'})")
    for h in result.hits:
        d = docs.get(h.doc)
        where = " ".join(x for x in (d.date_iso if d else None, d.source if d else None) if x)
        who = f" {h.speaker}:" if h.speaker else ""
        snippet = " ".join(h.text.split())
        print(f"{h.score:.3f}  {h.kind:8}  {h.doc}:{h.start}-{h.end}  {where}{who}  {snippet[:160]}")
        for m in search.also_in(h) if search is not None else ():
            print(f"         also in {m.doc}:{m.start}-{m.end} ({m.kind})  {' '.join(m.text.split())[:140]}")
