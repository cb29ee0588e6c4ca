"""`reader compare`: where the articles agree, where they differ, and what only one of them says."""

from __future__ import annotations

import argparse
import json
import sys

from ..core import stored
from ..core.index import Index
from .common import (
    EXIT_ERROR, EXIT_OK, Raw, add_corpus_arguments, emit_json_parts, load_config, load_corpus, load_errors_json,
    report_load_errors,
)

MARKS = {"differ": "≠", "agree": "=", "only": "—"}
_HEADINGS = {"differ": "differ", "agree": "agree", "only": "only in one article"}
_FIELDS = ("documents", "facts", "entities", "speakers")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare", help="line up the figures and claims of the articles: agree, differ, only one says it",
        description="Line up the figures (counts of people, arrests, troops ...) and the shared claims of the "
                    "articles under PATHS: where they agree, where they differ, and what only one reports; "
                    "with the entities only one article names and who each article quotes.",
    )
    add_corpus_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    cfg = load_config(args)
    corpus = load_corpus(args, cfg)
    report_load_errors(corpus, as_json=args.json)
    if not corpus.documents:
        if args.json:
            emit_json_parts([*((k, []) for k in _FIELDS), ("errors", load_errors_json(corpus))])
        else:
            print("reader: error: no article could be loaded", file=sys.stderr)
        return EXIT_ERROR
    index = Index(corpus, cfg)
    if args.json:
        parts = stored.view(index, "compare", lambda: _json_parts(index.compare))
        emit_json_parts([*((k, Raw(v)) for k, v in zip(_FIELDS, parts)), ("errors", load_errors_json(corpus))])
        index.persist()
        return EXIT_OK
    _print_table(index, index.compare)
    return EXIT_OK


def _json_parts(comparison) -> tuple[str, ...]:
    """The comparison's fields as JSON text each, in the order of the output."""
    obj = comparison.to_json()
    return tuple(json.dumps(obj[k], ensure_ascii=False) for k in _FIELDS)


# --- the table ----------------------------------------------------------------------------------
def _print_table(index: Index, comparison) -> None:
    keys = {d.id: f"[{i}]" for i, d in enumerate(comparison.documents, 1)}
    for i, d in enumerate(comparison.documents, 1):
        print(f"[{i}] {d.date or 'no date':10}  {_line(d.source or '-'):12.12}  {d.id}  {_line(d.title)}")
    names = {e.id: e.name for e in comparison.entities}
    for verdict in ("differ", "agree", "only"):
        facts = [f for f in comparison.facts if f.verdict == verdict]
        if not facts:
            continue
        print(f"\n{MARKS[verdict]} {_HEADINGS[verdict]} ({len(facts)})")
        for f in facts:
            print(f"  {MARKS[verdict]} {_clip(_line(f.label), 100)}" + ("  (claim)" if f.kind == "claim" else ""))
            for doc in f.docs:
                items = [it for it in f.items if it.doc == doc]
                more = f"  (+{len(items) - 1} more)" if len(items) > 1 else ""
                print(("      " + _cell(keys.get(doc, doc), items[0], names, f.kind) + more).rstrip())
    only = [e for e in comparison.entities if len(e.docs) == 1]
    if only:
        print("\nonly one article names")
        for d in comparison.documents:
            mine = [e.name for e in only if e.docs[0] == d.id]
            if mine:
                print(f"  {keys[d.id]} " + _clip(_line(", ".join(mine)), 110))
    if comparison.speakers:
        print("\nwho is quoted (quotations per article)")
        for s in comparison.speakers:
            counts = "  ".join(f"{keys.get(doc, doc)} {n}" for doc, n in s.docs)
            print(f"  {_clip(_line(s.name), 40):40}  {counts}")


def _cell(key: str, it, names: dict[str, str], kind: str) -> str:
    who = names.get(it.attribution, it.attribution) if it.attribution else None
    if kind == "claim":
        head = f"{key} {('(' + _line(who) + ') ') if who else ''}"
        return head + "“" + _clip(_line(it.text), 110) + "”"
    value = _figure(it)
    return (f"{key} {value:>14}  {_clip(_line(it.text), 70):70}"
            + (f"  [{_clip(_line(who), 40)}]" if who else ""))


def _figure(it) -> str:
    """The range the wording allows: "26", "3,600–3,999"."""
    if it.low is None:
        return "?"
    lo, hi = _n(it.low), _n(it.high if it.high is not None else it.low)
    return lo if lo == hi else f"{lo}–{hi}"


def _n(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def _line(text: str) -> str:
    """Article text on one terminal line: line breaks and escape sequences are data, never control."""
    return "".join(c if c.isprintable() else " " for c in " ".join(text.split()))


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
