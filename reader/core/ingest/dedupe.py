"""What the folder already holds: an article is not added twice, by its
canonical URL or by its text (wire copies carried word for word by several
outlets).

The folder's own files are the record (front matter ``url`` and the text
after it); there is no side database to drift from them, and an article
written by hand or renamed still counts.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import ReaderError
from ..loader import ARTICLE_SUFFIXES, decode, split_header

NEW, UPDATED, UNCHANGED, DUPLICATE = "new", "updated", "unchanged", "duplicate"

_WORD = re.compile(r"\w+")
# Parameters that say how a reader arrived, not which article it is.
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|src|at_medium|at_campaign)$", re.I)
_MAX_SCAN_BYTES = 20 * 1024 * 1024


def text_hash(text: str) -> str:
    """The same words in the same order give the same hash, whatever the
    spacing, case, punctuation or Unicode composition."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]


def url_key(url: str | None) -> str | None:
    """A URL as compared for sameness: no fragment, no tracking parameters,
    host in lower case, no default port, no trailing slash."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    if not host:
        return url.strip()
    if port and not (parts.scheme == "http" and port == 80 or parts.scheme == "https" and port == 443):
        host = f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    return urlunsplit((scheme, host, path, query, ""))


@dataclass(frozen=True)
class Known:
    path: Path
    url: str | None   # url_key of its front matter url
    hash: str


@dataclass(frozen=True)
class Decision:
    status: str
    existing: Path | None  # the file that holds this article already (updated, unchanged, duplicate)


class Library:
    """The articles of one folder (its top level, where `reader add` writes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[str, tuple[tuple[int, int], Known | None]] = {}
        self.refresh()

    def refresh(self) -> None:
        """Read the files that are new or changed since the last look (another
        process may be adding to the same folder)."""
        seen: set[str] = set()
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            names = []
        for name in names:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            path = self.folder / name
            try:
                st = path.stat()
            except OSError:
                continue
            seen.add(name)
            sig = (st.st_mtime_ns, st.st_size)
            old = self._files.get(name)
            if old is None or old[0] != sig:
                self._files[name] = (sig, _read_known(path, st.st_size))
        for name in set(self._files) - seen:
            del self._files[name]

    def _known(self):
        for _, known in self._files.values():
            if known is not None:
                yield known

    def decide(self, url: str | None, digest: str) -> Decision:
        key = url_key(url)
        if key:
            for k in self._known():
                if k.url == key:
                    return Decision(UNCHANGED if k.hash == digest else UPDATED, k.path)
        for k in self._known():
            if k.hash == digest:
                # the same saved page (no URL either time) is the same article again
                return Decision(UNCHANGED if k.url == key else DUPLICATE, k.path)
        return Decision(NEW, None)

    def remember(self, path: Path, url: str | None, digest: str) -> None:
        try:
            st = path.stat()
        except OSError:
            return
        self._files[path.name] = ((st.st_mtime_ns, st.st_size), Known(path, url_key(url), digest))

    def names(self) -> set[str]:
        return set(self._files)


def _read_known(path: Path, size: int) -> Known | None:
    if size > _MAX_SCAN_BYTES:
        return None
    try:
        content, _ = decode(path.read_bytes())
    except (OSError, ReaderError):
        return None
    text, meta, _ = split_header(content, path.suffix.lower() != ".txt")
    url = meta.get("url")
    return Known(path, url_key(str(url)) if url else None, text_hash(text))
