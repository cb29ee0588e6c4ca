"""The first screenful of a folder never opened, found before the whole folder is read.

The article list is by date, then title (``loader.sort_key``). An article's date is its first line
(the ``date`` header), so a few hundred bytes of each file tell which articles head the list: only
those, and any that share the last of their dates, are read whole (their titles order them, their
texts are what the reader sees first). A file whose first bytes cannot tell (a saved page, Markdown
that may open with front matter, a byte-order mark whose meaning depends on the rest of the file, a
first line longer than what was read) is read whole as well; other bytes that are not UTF-8 are read
as cp1252, as the loader would read them, since the header is ASCII either way. When that is too many files, or the list's head is a crowd of articles of one
date, there is no first screenful (None) and the folder is simply listed.

The articles returned are read exactly as ``load_paths`` reads them, with the ids it gives them, so
the list that follows starts with the same rows.
"""

from __future__ import annotations

import datetime as _dt
import os

from .document import Document
from .errors import ReaderError
from .loader import _HEADER, LoadOptions, _read_full, assign_ids, discover, parse_date, sort_key

HEAD_BYTES = 512
MAX_WHOLE_READS = 300  # files read whole before giving up: the first screenful must stay cheap
_UNKNOWN = None


def first_screen(paths: list[str], options: LoadOptions, rows: int, min_files: int = 1,
                 found: list | None = None) -> list[Document] | None:
    """The first ``rows`` articles of the list of ``paths`` in list order, or None when finding them
    would cost about as much as listing the folder (or it has fewer than ``min_files`` files).
    ``found``: the files as ``loader.discover`` lists them, when that was done already."""
    if found is None:
        found = discover(paths)[0]
    found = list(found)
    if len(found) < max(1, min_files):
        return None
    ids = assign_ids([(f, root) for f, root, _, _ in found])
    keys = [_head_key(key, st.st_size, options) for _, _, st, key in found]
    read: dict[int, Document | None] = {}

    def whole(i: int) -> Document | None:
        if i not in read:
            if len(read) >= MAX_WHOLE_READS:
                raise _TooMany
            read[i] = _read(found[i], ids[i], options)
        return read[i]

    try:
        # what the first bytes cannot tell is read now, so that every key is exact
        for i, key in enumerate(keys):
            if key is _UNKNOWN:
                doc = whole(i)
                keys[i] = _sort_prefix(doc) if doc is not None else False
        docs: list[Document] = []
        last = None
        for i in sorted((i for i, k in enumerate(keys) if k is not False), key=keys.__getitem__):
            if len(docs) >= rows and keys[i] != last:
                break  # every article of the last date shown has been read: their titles order them
            doc = whole(i)
            if doc is not None:
                docs.append(doc)
                last = keys[i]
    except _TooMany:
        return None
    docs.sort(key=sort_key)
    return docs[:rows]


class _TooMany(Exception):
    pass


def _sort_prefix(doc: Document) -> tuple[bool, _dt.date]:
    """What of ``sort_key`` the date decides."""
    return doc.date is None, doc.date or _dt.date.min


def _read(entry: tuple, doc_id: str, options: LoadOptions) -> Document | None:
    f, _, st, _ = entry
    try:
        doc = _read_full(f, doc_id, options)[0]
    except ReaderError:
        return None  # the listing of the folder tells what is wrong with it
    doc.__dict__["_stat"] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return doc


def _head_key(path: str, size: int, options: LoadOptions):
    """``(undated, date)`` as ``sort_key`` begins for the file at ``path``, from its first bytes; False
    for a file that will not load (empty, too big, unreadable); ``_UNKNOWN`` when its first bytes cannot
    tell."""
    if size > options.max_bytes:
        return False
    if not path.lower().endswith(".txt"):
        return _UNKNOWN  # a page's date is in its markup; Markdown may open with front matter
    try:  # the plain calls: this is done for every file of the folder, and a file object costs more than the read
        fd = os.open(path, os.O_RDONLY)
        try:
            head = os.read(fd, HEAD_BYTES)
        finally:
            os.close(fd)
    except OSError:
        return False
    complete = len(head) >= size
    if b"\x00" in head or (head.startswith(b"\xef\xbb\xbf") and not complete):
        return _UNKNOWN  # binary; or a mark whose meaning depends on the rest of the file being UTF-8
    text = _decoded(head, complete)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if complete and not text.strip():
        return False
    m = _HEADER.match(text)
    if m is None:
        if not complete and len(text.lstrip(" \t\n\ufeff")) < 64:
            return _UNKNOWN  # the first line may still be a header
        return True, _dt.date.min
    if not complete and m.end() >= len(text):
        return _UNKNOWN  # the date may go on past what was read
    date = parse_date(m.group(1))
    return date is None, date or _dt.date.min


def _decoded(head: bytes, complete: bool) -> str:
    """The first bytes as the loader decodes the file: UTF-8 (a character cut where the read ended is
    left out), else cp1252; the header it looks for is ASCII either way."""
    try:
        return head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not complete and exc.start >= len(head) - 3:
            try:
                return head[:exc.start].decode("utf-8-sig")
            except UnicodeDecodeError:
                pass
        return head.decode("cp1252", errors="replace")
