"""RSS and Atom feeds, parsed by feedparser from bytes fetched (or read) here:
feedparser never touches the network itself."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from ..errors import ReaderError

_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")


class FeedError(ReaderError):
    pass


@dataclass(frozen=True)
class Entry:
    link: str | None
    title: str | None
    date: str | None      # ISO day
    author: str | None
    content: str | None   # the entry's own HTML (full content, else its summary)


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: list[Entry]


def _iso_day(parsed) -> str | None:
    if not parsed:
        return None
    try:
        # feedparser gives UTC struct_time; the article's day is the UTC day
        return _dt.datetime.fromtimestamp(calendar.timegm(parsed), _dt.timezone.utc).date().isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


def _author(entry) -> str | None:
    name = " ".join((entry.get("author") or "").split())
    # RSS writes `desk@example.org (Name)`; feedparser's own split of it cuts
    # long domain names short
    m = _EMAIL_NAME.match(name)
    return (m.group(1).strip() if m else name) or None


def _content(entry) -> str | None:
    best = ""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    return (best if len(best) >= len(summary) else summary) or None


def parse_feed(data: bytes, url: str | None = None) -> Feed:
    """The feed's entries in feed order. Raises FeedError for a body that
    holds no entries: malformed XML, or a feed that is empty."""
    try:
        import feedparser
    except ImportError:  # pragma: no cover - a dependency; named for a broken install
        raise FeedError("feeds need the feedparser package (pip install feedparser)") from None
    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    entries = [
        Entry(
            link=(e.get("link") or "").strip() or None,
            title=" ".join((e.get("title") or "").split()) or None,
            date=_iso_day(e.get("published_parsed") or e.get("updated_parsed")),
            author=_author(e),
            content=_content(e),
        )
        for e in parsed.entries
    ]
    # the loose parser makes entries of the fragments of a broken feed: one
    # with neither a link nor text to stand in for it is no article
    entries = [e for e in entries if e.link or e.content]
    if not entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "not well-formed XML")
            raise FeedError(f"malformed feed ({reason[:120]})")
        raise FeedError("feed has no entries")
    title = " ".join((parsed.feed.get("title") or "").split()) or None
    return Feed(title, entries)
