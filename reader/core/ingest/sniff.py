"""Feed or page: what `reader add` does with a body before extraction.

A body that is neither (an image, a PDF, plain text) is left to
``extract_page``, which names what it is; only a media type the server
declared and that no page has is refused here, without looking further.
"""

from __future__ import annotations

import re

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<html[\s>]", re.IGNORECASE)
_NOT_PAGE_MAJOR = ("image/", "audio/", "video/", "font/", "model/")
_NOT_PAGE = ("application/pdf", "application/zip", "application/gzip", "application/msword", "application/json")


def is_feed(data: bytes) -> bool:
    """An RSS, RDF or Atom document by its root element (whatever the server
    calls it: feeds are served as text/xml, text/html, even text/plain)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.replace(b"\x00", b"")
    return bool(_FEED_ROOT.search(head)) and not _HTML_ROOT.search(head[:1024])


def refused_media(media_type: str | None) -> str | None:
    """The error for a declared media type that is no page nor feed, else None."""
    if media_type and (media_type.startswith(_NOT_PAGE_MAJOR) or media_type in _NOT_PAGE):
        return f"not an HTML page ({media_type})"
    return None
