"""Feeds: feedparser reads bytes reader fetched or read itself."""

from __future__ import annotations

import pytest

from reader.core.ingest.feeds import FeedError, parse_feed
from reader.core.ingest.sniff import is_feed, refused_media
from tests.web_server import PAGES

BASE = b"http://news.test"


def fixture(name: str) -> bytes:
    return (PAGES / name).read_bytes().replace(b"{base}", BASE)


def test_rss_entries_in_feed_order_with_dates_and_authors():
    feed = parse_feed(fixture("feed.rss"))
    assert feed.title == "Westbay Courier - Local news"
    assert [e.link for e in feed.entries] == [
        "http://news.test/entry1.html", "http://news.test/entry2.html", "http://news.test/gone/ferry-timetable"]
    assert [e.date for e in feed.entries] == ["2025-03-02", "2025-03-04", "2025-03-05"]
    third = feed.entries[2]
    assert third.author == "Kari Nyland"  # `desk@westbay.example (Kari Nyland)`
    assert "spring timetable" in third.content  # content:encoded, not the one-line description


def test_atom_entries():
    feed = parse_feed(fixture("feed.atom"))
    assert [e.title for e in feed.entries] == ["Library reopens after a year of repairs",
                                               "Night trains return to the mountain line"]
    assert feed.entries[1].author == "Westbay Courier staff" and feed.entries[1].date == "2025-03-06"


def test_a_malformed_feed_is_one_clear_error():
    with pytest.raises(FeedError) as err:
        parse_feed(fixture("malformed.rss"))
    assert str(err.value).startswith("malformed feed (")


def test_an_empty_feed():
    with pytest.raises(FeedError, match="feed has no entries"):
        parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')


@pytest.mark.parametrize("name,feed", [("feed.rss", True), ("feed.atom", True), ("malformed.rss", True),
                                       ("article.html", False), ("index.html", False)])
def test_feeds_are_told_by_their_root_element(name, feed):
    assert is_feed(fixture(name)) is feed


def test_media_types_no_page_has_are_refused_without_a_look():
    assert refused_media("image/png") == "not an HTML page (image/png)"
    assert refused_media("application/pdf") == "not an HTML page (application/pdf)"
    assert refused_media("text/html") is None and refused_media(None) is None
    assert refused_media("application/octet-stream") is None  # the bytes decide
