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
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import ReaderError
from ..loader import ARTICLE_SUFFIXES, decode, split_header
from ..saved_pages import is_page, read_page

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
    """The articles of one folder (its top level, where `reader add` writes): its
    text files and its saved pages."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[str, tuple[tuple[int, int], Known | None]] = {}
        self._folder_sig: tuple[int, int] | None = None
        self._sig_settled = False  # the folder's clock had ticked on when its time was taken
        self._index: tuple[dict, dict] | None = None  # lookups by url and by hash, rebuilt after a change
        self.refresh()

    def _take_signature(self) -> None:
        try:
            st = os.stat(self.folder)
        except OSError:
            self._folder_sig = None
            return
        self._folder_sig = (st.st_mtime_ns, st.st_ino)
        # file times move in clock ticks of a few milliseconds: a change made in
        # the same tick as the one seen would leave the time as it was
        self._sig_settled = time.time_ns() - st.st_mtime_ns > 50_000_000

    def refresh(self) -> None:
        """Read the files that are new or changed since the last look (another
        process may be adding to the same folder). Files are written by rename,
        which changes the folder's time: while it stands still, nothing did;
        while it is too recent to tell, only new names are looked for."""
        before = (self._folder_sig, self._sig_settled)
        self._take_signature()
        if self._folder_sig is not None and self._folder_sig == before[0]:
            if before[1]:
                return
            try:
                names = os.listdir(self.folder)
            except OSError:
                return
            self._scan(n for n in names if n not in self._files)
            return
        self._scan_all()

    def _scan_all(self) -> None:
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            names = []
        seen = set(self._scan(names))
        for name in set(self._files) - seen:
            del self._files[name]
            self._index = None

    def _scan(self, names) -> list[str]:
        seen: list[str] = []
        for name in names:
            if name.startswith(".") or not (os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES or is_page(name)):
                continue
            path = self.folder / name
            try:
                st = path.stat()
            except OSError:
                continue
            seen.append(name)
            sig = (st.st_mtime_ns, st.st_size)
            old = self._files.get(name)
            if old is None or old[0] != sig:
                self._files[name] = (sig, _read_known(path, st.st_size))
                self._index = None
        return seen

    def _lookups(self) -> tuple[dict[str, Known], dict[str, list[Known]]]:
        by_url: dict[str, Known] = {}
        by_hash: dict[str, list[Known]] = {}
        for name in sorted(self._files):  # the same answer whatever order the folder lists
            known = self._files[name][1]
            if known is not None:
                if known.url:
                    by_url.setdefault(known.url, known)
                by_hash.setdefault(known.hash, []).append(known)
        return by_url, by_hash

    def decide(self, url: str | None, digest: str) -> Decision:
        key = url_key(url)
        if self._index is None:
            self._index = self._lookups()
        by_url, by_hash = self._index
        k = by_url.get(key) if key else None
        if k is not None:
            return Decision(UNCHANGED if k.hash == digest else UPDATED, k.path)
        same_text = by_hash.get(digest, [])
        for k in same_text:
            if k.url == key:  # the same saved page (no URL either time) is the same article again
                return Decision(UNCHANGED, k.path)
        if same_text:
            return Decision(DUPLICATE, same_text[0].path)
        return Decision(NEW, None)

    def remember(self, path: Path, url: str | None, digest: str) -> None:
        """A file just written here (under the folder's lock): known without reading it back."""
        try:
            st = path.stat()
        except OSError:
            return
        self._files[path.name] = ((st.st_mtime_ns, st.st_size), Known(path, url_key(url), digest))
        self._index = None
        self._take_signature()

    def names(self) -> set[str]:
        return set(self._files)


def _read_known(path: Path, size: int) -> Known | None:
    if size > _MAX_SCAN_BYTES:
        return None
    if is_page(path.name):
        # A saved page in the folder is an article of it (the folder opens it as
        # one): known by its extracted text and canonical URL, as the loader reads it.
        try:
            doc = read_page(path, path.name, path.read_bytes(), _MAX_SCAN_BYTES)
        except (OSError, ReaderError):
            return None
        return Known(path, url_key(doc.url), text_hash(doc.text))
    try:
        content, _ = decode(path.read_bytes())
    except (OSError, ReaderError):
        return None
    text, meta, _ = split_header(content, path.suffix.lower() != ".txt")
    url = meta.get("url")
    return Known(path, url_key(str(url)) if url else None, text_hash(text))
