"""Main text and metadata of web pages: the page shapes of tests/fixtures/web,
charsets, and bytes that are no page."""

from __future__ import annotations

import gzip

import pytest

from reader.core.errors import ReaderError
from reader.core.ingest.extract import ExtractError, decode_html, extract_page, gunzip, source_from_host
from tests.conftest import FIXTURES

WEB = FIXTURES / "web"


def page(name: str, **kw):
    return extract_page((WEB / name).read_bytes(), **kw)


def test_article_with_byline_date_and_canonical_url():
    p = page("article.html", url="http://127.0.0.1:8123/ferry")
    assert p.title == "Ferry service to Lindholm resumes after storm repairs"
    assert p.date == "2024-03-14"
    assert p.source == "The Harbour Gazette"
    assert p.url == "https://www.harbourgazette.example/news/2024/03/ferry-service-resumes"
    assert p.author == "Mara Quist"
    paragraphs = p.text.rstrip("\n").split("\n\n")
    assert paragraphs[0] == "# Ferry service to Lindholm resumes after storm repairs"
    assert "## Six weeks without a crossing" in paragraphs
    assert paragraphs[1].startswith("The ferry link between the mainland port of Orsund")
    assert paragraphs[-1].endswith("before the summer timetable starts in May.")
    # Navigation, the cookie notice, the read-more list, comments and footer are gone.
    for noise in ("Weather", "cookies", "Read more", "Bridge tolls", "grandmother", "water taxi? Someone",
                  "All rights reserved", "Contact us"):
        assert noise not in p.text


def test_main_text_split_by_an_ad_block_is_one_text_without_the_ad():
    p = page("ad_split.html", url="http://127.0.0.1:8123/frost")
    assert "far smaller losses." in p.text and "The cooperative's chair, Ines Halvorsen" in p.text
    assert "ADVERTISEMENT" not in p.text and "garden furniture" not in p.text
    # No canonical link: the url given stands; the site name comes from og:site_name.
    assert (p.url, p.source, p.date, p.author) == ("http://127.0.0.1:8123/frost", "Valley Courier", "2023-05-02", None)


@pytest.mark.parametrize("name", ["index.html", "paywall.html"])
def test_pages_without_an_article(name):
    with pytest.raises(ExtractError, match="^no article text found$"):
        page(name, url="http://127.0.0.1:8123/x")


def test_a_page_the_precise_pass_empties_gets_a_balanced_pass(monkeypatch):
    # Some article templates lose their whole text to trafilatura's precision
    # mode; the balanced pass is what still finds the article in them.
    import trafilatura

    real = trafilatura.bare_extraction
    modes: list[bool] = []

    def precise_finds_nothing(*args, **kwargs):
        modes.append(kwargs["favor_precision"])
        return None if kwargs["favor_precision"] else real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", precise_finds_nothing)
    p = page("article.html", url="http://127.0.0.1:8123/ferry")
    assert modes == [True, False]
    assert p.title == "Ferry service to Lindholm resumes after storm repairs"
    assert "before the summer timetable starts in May." in p.text


def test_a_page_the_precise_pass_reads_is_not_read_twice(monkeypatch):
    import trafilatura

    real = trafilatura.bare_extraction
    modes: list[bool] = []
    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda *a, **kw: modes.append(kw["favor_precision"]) or real(*a, **kw))
    page("article.html", url="http://127.0.0.1:8123/ferry")
    assert modes == [True]


def test_extract_error_is_a_reader_error():
    assert issubclass(ExtractError, ReaderError)


LATIN1_TEXT = ("Die älteste Bäckerei von Grünwald schließt Ende Dezember ihre Türen.")


def test_latin1_page_declared_in_meta():
    p = page("latin1.html")
    assert p.title == "Bäckerei in Grünwald schließt nach 120 Jahren"
    assert LATIN1_TEXT in p.text
    assert "„Meine Kinder" in p.text and "2,50 € das Stück" in p.text
    assert p.source == "Süderland Bote" and p.date == "2022-11-30"


def _undeclared_latin1() -> bytes:
    data = (WEB / "latin1.html").read_bytes()
    start = data.index(b"<meta http-equiv")
    return data[:start] + data[data.index(b">", start) + 1:]


def test_latin1_page_declared_by_http_only():
    p = extract_page(_undeclared_latin1(), declared_charset="ISO-8859-1")
    assert LATIN1_TEXT in p.text


def test_latin1_page_declared_nowhere_is_detected():
    assert LATIN1_TEXT in extract_page(_undeclared_latin1()).text


def test_declared_charset_the_bytes_contradict_is_passed_over():
    data = "<html><head><meta charset=\"utf-8\"></head><body><p>Grünwald schließt</p></body></html>".encode("latin-1")
    assert "Grünwald schließt" in decode_html(data)
    assert "Grünwald schließt" in decode_html(data, declared_charset="utf-8")


def test_latin1_label_reads_as_windows_1252_like_browsers():
    data = b"<html><head><meta charset=iso-8859-1></head><body><p>\x93quoted\x94 \x96 dash</p></body></html>"
    assert "\u201cquoted\u201d \u2013 dash" in decode_html(data)


def test_http_charset_wins_over_meta():
    data = "<html><head><meta charset=\"iso-8859-1\"></head><body>Привет</body></html>".encode("koi8-r")
    assert "Привет" in decode_html(data, declared_charset="koi8-r")


def test_utf8_bom_and_utf16():
    html = "<html><body><p>Grünwald</p></body></html>"
    assert "Grünwald" in decode_html(b"\xef\xbb\xbf" + html.encode())
    assert "Grünwald" in decode_html(html.encode("utf-16"))


def test_text_str_input_and_gzipped_bytes():
    raw = (WEB / "article.html").read_bytes()
    assert extract_page(raw.decode("utf-8")).title == page("article.html").title
    assert extract_page(gzip.compress(raw)).text == page("article.html").text


def test_gzip_bomb_is_refused():
    with pytest.raises(ExtractError, match="over 1 MB uncompressed"):
        gunzip(gzip.compress(b"<p>" + b" " * (2 * 1024 * 1024)), limit=1024 * 1024)


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        (b"PK\x03\x04\x14\x00", "application/zip"),
        (b"\x01\x02\x00\x00\xfe\xff" * 10, "binary data"),
        (b"Just a line of words, no markup at all.\n", "plain text"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "an RSS or Atom feed"),
        (b'{"title": "not a page"}', "JSON"),
    ],
)
def test_bytes_that_are_no_html_page_say_what_they_are(data, kind):
    with pytest.raises(ExtractError) as exc:
        extract_page(data)
    assert str(exc.value) == f"not an HTML page ({kind})"


def test_empty_page():
    with pytest.raises(ExtractError, match="empty page"):
        extract_page(b"  \n ")


@pytest.mark.parametrize(
    "host, name",
    [
        ("www.dw.com", "DW"),
        ("bbc.co.uk", "BBC"),
        ("www.theguardian.com", "Theguardian"),
        ("www.al-jazeera.net", "Al Jazeera"),
        ("edition.cnn.com", "CNN"),
        ("news.com.au", "News"),
        ("https://www.reuters.com/world/x", "Reuters"),
        ("127.0.0.1:8000", None),
        ("10.1.2.3", None),
        ("[::1]:8080", None),
        ("::1", None),
        ("localhost", None),
        ("localhost:8000", None),
        ("app.localhost", None),
        ("intranet", None),
        ("", None),
    ],
)
def test_source_from_host(host, name):
    assert source_from_host(host) == name


ANONYMOUS = (
    "<html><head><title>Storm closes the coast road</title></head><body><article>"
    "<p>" + "The coast road between the two harbour towns was closed on Sunday after waves washed gravel across it. " * 4
    + "</p></article></body></html>"
)


def test_page_naming_no_site_takes_its_name_from_the_host():
    assert extract_page(ANONYMOUS, url="https://www.dw.com/en/storm/a-1").source == "DW"


def test_page_naming_no_site_on_a_local_server_has_no_source():
    p = extract_page(ANONYMOUS, url="http://127.0.0.1:8123/storm")
    assert p.source is None and p.url == "http://127.0.0.1:8123/storm"
    assert p.title == "Storm closes the coast road"


def test_no_url_and_no_site_name():
    p = extract_page(ANONYMOUS)
    assert p.source is None and p.url is None and p.date is None


def _with_canonical(href: str) -> bytes:
    html = (WEB / "article.html").read_text(encoding="utf-8")
    return html.replace("https://www.harbourgazette.example/news/2024/03/ferry-service-resumes", href).encode()


@pytest.mark.parametrize("href", ["https://www.harbourgazette.example/", "https://www.harbourgazette.example",
                                  "https://www.harbourgazette.example/index.html"])
def test_a_canonical_naming_the_front_page_is_not_the_articles_url(href):
    p = extract_page(_with_canonical(href), url="https://www.harbourgazette.example/news/ferry")
    assert p.url == "https://www.harbourgazette.example/news/ferry"
    assert extract_page(_with_canonical(href)).url is None  # a saved page: no URL rather than the outlet's


def test_the_front_page_itself_keeps_its_canonical():
    p = extract_page(_with_canonical("https://www.harbourgazette.example/"), url="https://harbourgazette.example/")
    assert p.url == "https://www.harbourgazette.example/"


def test_a_canonical_on_another_path_is_kept():
    p = extract_page(_with_canonical("https://wire.example/story/123"), url="https://www.harbourgazette.example/x")
    assert p.url == "https://wire.example/story/123"
