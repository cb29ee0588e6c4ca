"""`reader docs`: the loaded articles and the files that could not be loaded."""

from __future__ import annotations

import argparse

from ..core.loader import segment_all, sort_key
from .common import (
    EXIT_ERROR, EXIT_OK, add_corpus_arguments, emit_json, load_corpus, load_errors_json, report_load_errors,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("docs", help="list the articles found under PATHS", description="List the articles found under PATHS.")
    add_corpus_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(args)
    segment_all(corpus)  # and keep the spans, so the next run of this corpus reads them from the cache
    docs = sorted(corpus.documents, key=sort_key)
    if args.json:
        emit_json({
            "documents": [
                {
                    "id": d.id,
                    "path": str(d.path),
                    "title": d.title,
                    "date": d.date_iso,
                    "source": d.source,
                    "chars": len(d.text),
                    "sentences": len(d.sentences),
                    "paragraphs": len(d.paragraphs),
                    "words": d.words,
                    "warnings": d.warnings,
                }
                for d in docs
            ],
            "errors": load_errors_json(corpus),
        })
    else:
        report_load_errors(corpus, as_json=False)
        for d in docs:
            print(f"{d.date_iso or 'no date':10}  {d.source or '-':8.8}  {d.id:24}  {d.title}")
    return EXIT_OK if corpus.documents else EXIT_ERROR
