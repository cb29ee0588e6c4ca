"""Saved web pages (``.html``, ``.htm``, gzipped ``.html.gz``) as articles.

The page's main text becomes ``Document.text`` and its metadata the title,
date and source; the extraction is trafilatura's (``ingest.extract``). The
loader keeps the result in the derived-data cache, so a reopen does not
extract again.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from .document import Document
from .errors import ReaderError

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def is_page(path: Path | str) -> bool:
    return str(path).lower().endswith(PAGE_SUFFIXES)


def page_stem(name: str) -> str | None:
    """The name without its page suffix (``a.html.gz`` -> ``a``), None for other files."""
    low = name.lower()
    for suffix in PAGE_SUFFIXES[::-1]:  # the longer .html.gz before .html
        if low.endswith(suffix):
            return name[: -len(suffix)]
    return None


def read_page(path: Path, doc_id: str, data: bytes, max_bytes: int) -> Document:
    """A Document from the bytes of a saved page. Raises ReaderError (an
    ExtractError for a page that is no article) with a message for people."""
    from .article_meta import find_source, make_title
    from .ingest.extract import extract_page, gunzip  # the extractor only when a page is read

    if path.name.lower().endswith(".gz"):
        if not data.startswith(b"\x1f\x8b"):
            raise ReaderError("not gzip data (the name ends in .gz)")
        data = gunzip(data, max_bytes)
    page = extract_page(data)
    warnings: list[str] = []
    date = None
    if page.date:
        try:
            date = _dt.date.fromisoformat(page.date)
        except ValueError:
            warnings.append(f"date {page.date!r} is not a date; the article has no date")
    else:
        warnings.append("no date in the page; the article has no date")
    return Document(
        id=doc_id,
        path=path,
        text=page.text,
        title=page.title or make_title(page.text).lstrip("# ") or page_stem(path.name) or path.stem,
        date=date,
        source=page.source or find_source(page.text),
        url=page.url,
        author=page.author,
        warnings=warnings,
    )
