"""`reader timeline`: time expressions resolved to dates, as one timeline across the articles."""

from __future__ import annotations

import argparse
import json
from typing import Iterator

from ..core import stored
from ..core.index import Index
from .common import (
    EXIT_ERROR, EXIT_OK, Raw, RawItems, add_corpus_arguments, chunk_parts, emit_json, emit_json_parts, load_config,
    load_corpus, load_errors_json, numbered_pieces, report_load_errors, warn,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "timeline", help="what happened when: dates across the articles",
        description="Find the time expressions of the articles under PATHS ('on Friday', 'January 2', "
                    "'earlier this week'), resolve them against each article's date, and list them by date.",
    )
    add_corpus_arguments(p)
    p.add_argument("--no-entities", action="store_true",
                   help="skip entity extraction (events carry no entities; faster)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    cfg = load_config(args)
    corpus = load_corpus(args, cfg)
    report_load_errors(corpus, as_json=args.json)
    if not corpus.documents:
        if args.json:
            emit_json({"events": [], "errors": load_errors_json(corpus)})
        return EXIT_ERROR
    if args.json:
        if args.no_entities:
            (n, articles), parts = _json(corpus, _build(corpus, cfg, True))
            pieces = (text for _, text in parts)  # nothing kept: printed as made
        else:
            index = Index(corpus, cfg)
            kept = stored.view_parts(index, "timeline", lambda: _json(corpus, _build(corpus, cfg, False, index)))
            n, articles = kept.head
            pieces = numbered_pieces(kept, n)
        emit_json_parts([("events", RawItems(pieces)), ("articles", Raw(articles)),
                          ("errors", load_errors_json(corpus))])
        return EXIT_OK
    timeline = _build(corpus, cfg, args.no_entities)
    for day, events in timeline.days():
        print(day.isoformat() if day else "no date")
        for e in events:
            span = f" to {e.last.isoformat()}" if e.last and e.last != e.date else ""
            print(f"  {e.doc:24.24}  {e.text!r}{span}  {_snippet(e.sentence)}")
    return EXIT_OK


def _json(corpus, timeline) -> tuple[tuple[int, str], Iterator[tuple[str, str]]]:
    """The events as JSON text in numbered parts, with their count and the articles' dates as JSON text."""
    n, parts = chunk_parts(timeline.events, lambda e: json.dumps(e.to_json(), ensure_ascii=False))
    return (n, _articles_json(corpus, timeline)), parts


def _articles_json(corpus, timeline) -> str:
    return json.dumps([
        {"doc": d.id, "date": a.date.isoformat() if a.date else None, "date_source": a.source, "note": a.note}
        for d in corpus.documents for a in [timeline.anchors[d.id]]
    ], ensure_ascii=False)


def _build(corpus, cfg, no_entities: bool, index: Index | None = None):
    from ..core.dates import build_timeline

    if no_entities:
        return build_timeline(corpus.documents, None)
    index = index or Index(corpus, cfg)
    try:
        return index.timeline
    except ImportError as exc:  # entity extraction not installed: dates still work
        warn(f"entities unavailable ({exc}); events list no entities")
        return build_timeline(corpus.documents, None)


def _snippet(sentence: str, limit: int = 90) -> str:
    s = " ".join(sentence.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"
