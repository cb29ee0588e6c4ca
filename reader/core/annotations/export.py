"""Annotations out of reader: Markdown for people, W3C Web Annotation JSON-LD for tools.

Both describe the passage as it is in the current text when it could be
anchored, and with its stored quote and offsets when it is an orphan.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable

from ..document import Document
from .model import ORPHAN, Annotation

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    """Article text is data: escape what Markdown would interpret."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _span(a: Annotation) -> tuple[int, int]:
    if a.status != ORPHAN and a.start is not None and a.end is not None:
        return a.start, a.end
    return a.selector.start, a.selector.end


def to_record(a: Annotation) -> dict:
    """The CLI's JSON form of one annotation (README: `reader notes`); offsets are
    the current ones, null for an orphan."""
    return {
        "id": a.id,
        "doc": a.doc,
        "path": a.path,
        "start": a.start,
        "end": a.end,
        "exact": a.exact,
        "tags": list(a.tags),
        "note": a.note,
        "status": a.status,
        "created": a.created,
        "modified": a.modified,
    }


def to_markdown(annotations: Iterable[Annotation], doc_of: Callable[[Annotation], Document | None], source: str = "") -> str:
    anns = list(annotations)
    groups: dict[str, list[Annotation]] = {}
    for a in anns:
        groups.setdefault(a.doc, []).append(a)
    lines = ["# Annotations", ""]
    lines.append(f"{len(anns)} annotation{'s' if len(anns) != 1 else ''} in {len(groups)} "
                 f"article{'s' if len(groups) != 1 else ''}" + (f", from `{source}`" if source else "") + ".")
    for doc_id, items in groups.items():
        doc = doc_of(items[0])
        title = doc.title if doc and doc.title else doc_id
        lines += ["", f"## {_md(title)}", "", f"`{doc_id}`" + (f" · {doc.date_iso}" if doc and doc.date_iso else "")
                  + (f" · {doc.source}" if doc and doc.source else "")]
        for a in sorted(items, key=lambda a: _span(a)):
            start, end = _span(a)
            lines.append("")
            lines += ["> " + _md(line) if line else ">" for line in a.selector.exact.splitlines() or [""]]
            meta = [f"chars {start}-{end}"]
            if a.status != "anchored":
                meta.append({"moved": "moved since annotated", "fuzzy": "text edited since annotated",
                             "orphan": "passage no longer found; stored text shown"}[a.status])
            if a.tags:
                meta.append("tags: " + ", ".join(f"`{t.replace('`', '')}`" for t in a.tags))
            meta.append(f"id `{a.id}` · {a.modified or a.created}")
            lines += ["", "*" + " · ".join(meta) + "*"]
            if a.note:
                lines += [""] + [_md(line) for line in a.note.splitlines()]
    return "\n".join(lines) + "\n"


def to_jsonld(annotations: Iterable[Annotation], doc_of: Callable[[Annotation], Document | None], label: str = "",
              base: Path | None = None) -> dict:
    """An AnnotationCollection with one embedded page (Web Annotation Data Model, 2017).
    ``base``: the annotations file's folder, against which stored relative paths resolve."""
    items = [_jsonld_one(a, doc_of(a), base) for a in annotations]
    return {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": label or "reader annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _jsonld_one(a: Annotation, doc: Document | None, base: Path | None = None) -> dict:
    body: list[dict] = []
    if a.note:
        body.append({"type": "TextualBody", "value": a.note, "format": "text/plain", "purpose": "commenting"})
    body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in a.tags]
    start, end = _span(a)
    stored = Path(a.path)
    if base is not None and not stored.is_absolute():
        stored = base / stored
    source = (doc.url if doc and doc.url else None) or _file_uri(doc.path if doc else stored)
    out = {
        "id": f"urn:reader:annotation:{a.id}",
        "type": "Annotation",
        "motivation": "commenting" if a.note else ("tagging" if a.tags else "highlighting"),
        "created": a.created,
        "modified": a.modified,
        "target": {
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": a.selector.exact, "prefix": a.selector.prefix,
                 "suffix": a.selector.suffix},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }
    if body:
        out["body"] = body if len(body) > 1 else body[0]
    return out


def _file_uri(p: Path) -> str:
    try:
        return p.resolve().as_uri()
    except (OSError, ValueError):
        return str(p)
