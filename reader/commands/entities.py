"""`reader entities`: people, places and organisations, merged across the articles."""

from __future__ import annotations

import argparse
from typing import Iterator

from ..core import stored
from ..core.index import Index
from ..core.loader import sort_key
from .common import (
    EXIT_ERROR, EXIT_OK, RawItems, add_corpus_arguments, chunk_parts, emit_json_parts, load_config, load_corpus,
    load_errors_json, numbered_pieces, report_load_errors, warn,
)

_TYPE_LABEL = {"PERSON": "person", "PLACE": "place", "ORG": "org"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "entities", help="list the people, places and organisations the articles mention",
        description="List the people, places and organisations the articles under PATHS mention, each once "
                    "however each article spells it, with every mention (offsets into the article text).",
    )
    add_corpus_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    cfg = load_config(args)
    corpus = load_corpus(args, cfg)
    index = Index(corpus, cfg)
    docs = sorted(corpus.documents, key=sort_key)
    if args.json:
        kept = stored.view_parts(index, "entities", lambda: _json(index))
        n, path, error = kept.head
        if error:
            warn(error)
        emit_json_parts([
            ("documents", [{"id": d.id, "path": str(d.path), "date": d.date_iso} for d in docs]),
            ("entities", RawItems(numbered_pieces(kept, n))),
            ("errors", load_errors_json(corpus)),
            ("corrections", {"path": path, "error": error}),
        ])
        return EXIT_OK if corpus.documents else EXIT_ERROR
    ents = index.entities
    if ents.corrections_error:
        warn(ents.corrections_error)
    report_load_errors(corpus, as_json=False)
    for e in ents.entities:
        docs_n = len(e.docs)
        print(f"{_TYPE_LABEL[e.type]:6}  {len(e.mentions):4} in {docs_n:3}  {e.name}"
              + (f"  ({', '.join(a for a in e.aliases if a != e.name)[:80]})" if len(e.aliases) > 1 else ""))
    return EXIT_OK if corpus.documents else EXIT_ERROR


def _json(index: Index) -> tuple[tuple[int, str | None, str | None], Iterator[tuple[str, str]]]:
    """The entities as JSON text in numbered parts, with their count, the corrections file and its
    error (what the output needs)."""
    ents = index.entities
    n, parts = chunk_parts(ents.entities, lambda e: e.json_text(),
                           weight=lambda e: len(e.mentions) + 1)
    return (n, str(ents.corrections_path) if ents.corrections_path else None, ents.corrections_error), parts
