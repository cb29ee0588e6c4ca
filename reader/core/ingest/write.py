"""An extracted page as an ordinary article file: YAML front matter (title,
date, source, url, author, fetched), then the main text, written atomically.

The text follows the closing ``---`` line directly: the loader's
``Document.text`` is the extracted text itself (plus the final newline), with
no blank line of the file's own making in front of it.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..fsutil import atomic_write

if TYPE_CHECKING:
    from .extract import Page

# libyaml's emitter when PyYAML has it: the same YAML, a tenth of the time
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SLUG_CUT = re.compile(r"[^a-z0-9]+")
TITLE_SLUG_CHARS = 48
SOURCE_SLUG_CHARS = 20


def slug(text: str | None, limit: int) -> str:
    """Lower-case ASCII words joined by ``-``, cut at a word end within ``limit``."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = _SLUG_CUT.sub("-", ascii_text.lower()).strip("-")
    if len(s) <= limit:
        return s
    cut = s.rfind("-", 0, limit + 1)
    return s[: cut if cut > limit // 2 else limit].strip("-")


def file_stem(page: "Page", text_hash: str) -> str:
    """``YYYY-MM-DD-<source>-<title>``; ``undated`` without a date, the text's
    hash without a title, so every stem says something."""
    parts = [page.date or "undated", slug(page.source, SOURCE_SLUG_CHARS),
             slug(page.title, TITLE_SLUG_CHARS) or f"article-{text_hash[:8]}"]
    return "-".join(p for p in parts if p)


def unique_path(folder: Path, stem: str, taken: set[str]) -> Path:
    """``stem.md`` in ``folder``, or ``stem-2.md``, ``stem-3.md``... when that
    name is on disk or in ``taken`` (names chosen earlier in the same add)."""
    name, n = f"{stem}.md", 2
    while name in taken or (folder / name).exists():
        name = f"{stem}-{n}.md"
        n += 1
    return folder / name


def now_iso() -> str:
    """The local time with its UTC offset, to the second."""
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def render(page: "Page", fetched: str) -> str:
    meta = {
        "title": page.title,
        "date": page.date,
        "source": page.source,
        "url": page.url,
        "author": page.author,
        "fetched": fetched,
    }
    front = yaml.dump(meta, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, default_flow_style=False,
                      width=10_000)
    text = page.text.strip("\n")
    return f"---\n{front}---\n{text}\n"


def write_article(path: Path, page: "Page", fetched: str, *, replacing: bool = False) -> None:
    """Create or replace ``path``: a crash leaves the old file or the new one.

    A new article is not fsynced (one fsync per file made adding a folder of
    pages twice as slow): a power cut can lose only what the web still has, and
    the next add fetches it again. A file being replaced is fsynced: the
    reader's annotations are anchored on it."""
    atomic_write(path, render(page, fetched).encode("utf-8"), durable=replacing)
