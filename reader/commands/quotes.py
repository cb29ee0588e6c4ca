"""`reader quotes`: every quotation, who said it, and where other articles report it."""

from __future__ import annotations

import argparse

from ..core import stored
from ..core.index import Index
from ..core.loader import sort_key
from .common import (
    EXIT_ERROR, EXIT_OK, RawItems, add_corpus_arguments, emit_json, emit_json_parts, load_config, load_corpus,
    load_errors_json, report_load_errors, warn,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "quotes", help="list the quotations, their speakers and the other articles that report them",
        description="List the direct quotations of the articles under PATHS with their speakers, and for each "
                    "the passages of other articles that report the same words or the same claim.",
    )
    add_corpus_arguments(p)
    p.add_argument("--doc", metavar="ID", help="only the quotations of this article")
    p.add_argument("--no-short", action="store_true", help="leave out quotations of one to three words")
    p.set_defaults(func=run)


def quote_index(index: Index):
    """The quotation index; without speakers (a warning) when the entity analysis fails."""
    try:
        index.entities
    except Exception as exc:  # the quotations are still worth having without their speakers
        warn(f"speakers are not resolved: the entity analysis failed ({exc})")
        from ..core.quotes import build_quote_index

        return build_quote_index(index.documents, None)
    return index.quotes


def run(args: argparse.Namespace) -> int:
    cfg = load_config(args)
    corpus = load_corpus(args, cfg)
    if not corpus.documents:
        if args.json:
            emit_json({"quotes": [], "errors": load_errors_json(corpus)})
        report_load_errors(corpus, as_json=args.json)
        return EXIT_ERROR
    index = Index(corpus, cfg)
    if args.doc and index.doc(args.doc) is None:
        report_load_errors(corpus, as_json=False)
        return _fail(f"no article with id {args.doc!r} (see `reader docs`)")
    if args.json:
        kept = stored.view_parts(index, "quotes", lambda: _json_parts(index))
        quoted = set(kept.head)
        docs = [d for d in sorted(corpus.documents, key=sort_key) if d.id in quoted and (not args.doc or d.id == args.doc)]

        def pieces():
            for d in docs:  # one article's quotations at a time, in text order
                rows = sorted((r for r in kept.part(d.id) or () if not (args.no_short and r[1])), key=lambda r: r[0])
                yield ", ".join(r[2] for r in rows)
        emit_json_parts([("quotes", RawItems(pieces())), ("errors", load_errors_json(corpus))])
        index.persist()
        return EXIT_OK
    order = {d.id: i for i, d in enumerate(sorted(corpus.documents, key=sort_key))}
    qi = quote_index(index)
    quotes = [q for q in qi.quotes if (not args.doc or q.doc == args.doc) and not (args.no_short and q.short)]
    quotes.sort(key=lambda q: (order.get(q.doc, 0), q.start))
    report_load_errors(corpus, as_json=False)
    current = None
    for q in quotes:
        if q.doc != current:
            current = q.doc
            doc = index.doc(q.doc)
            print(f"\n{q.doc}  {doc.date_iso or 'no date'}  {doc.title}")
        who = q.speaker or (f"({q.speaker_text}?)" if q.speaker_text else "-")
        also = ", ".join(sorted({m.doc for m in q.matches}))
        print(f"  {who[:28]:28}  “{_clip(q.display_text(), 90)}”" + (f"  also in: {also}" if also else ""))
    return EXIT_OK


def _json_parts(index: Index):
    """The articles with quotations, and per article (offset, short, the quotation's JSON text) of
    each, matches included: made one article at a time, as the store takes them."""
    qi = quote_index(index)
    qi.match_all(release_passages=True)  # the passage index freed as the matches come, before they are kept
    index.persist()  # the matches kept before their JSON is made: the two are never in memory together
    by_doc: dict[str, list] = {}
    for q in qi.quotes:
        by_doc.setdefault(q.doc, []).append(q)

    def parts():
        for doc, quotes in by_doc.items():
            yield doc, [(q.start, q.short, q.json_text()) for q in quotes]
    return list(by_doc), parts()


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _fail(message: str) -> int:
    from .common import fail

    return fail(message)
