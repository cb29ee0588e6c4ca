"""`reader add` end to end in the core: the fixture server's pages and feeds
become article files; every bad input is one line in the report."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from reader.core.ingest.add import AddOptions, add, expand_inputs
from reader.core.loader import load_paths
from tests.web_server import PAGES, PDF, PNG, Route, web  # noqa: F401 - the fixture


def run(inputs, folder: Path, **kw):
    return add(list(inputs), AddOptions(into=folder, **kw))


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_a_news_page_becomes_an_article_file(web, tmp_path):
    report = run([web.url("/article.html?utm_source=feed")], tmp_path)
    assert not report.errors and report.ok
    a = report.added[0]
    assert a.status == "new" and a.duplicate_of is None
    assert a.title == "Tram line to Kessvik airport opens two years late"
    assert (a.date, a.source, a.author) == ("2025-04-09", "Northshore Herald", "Jonas Aldrup")
    assert a.url == web.url("/news/2025/04/tram-line-opens")  # the canonical address the page names
    assert Path(a.path).name == "2025-04-09-northshore-herald-tram-line-to-kessvik-airport-opens-two-years.md"
    doc = load_paths([a.path]).documents[0]
    assert doc.title == a.title and doc.source == "Northshore Herald" and doc.url == a.url
    assert "412 million crowns" in doc.text and "Costs rose by a third" in doc.text
    for boilerplate in ("cookie", "Comments (2)", "Read more", "Front page", "All rights reserved"):
        assert boilerplate not in doc.text, boilerplate
    assert a.chars == len(doc.text.rstrip("\n"))


def test_text_split_by_an_ad_block_is_one_article(web, tmp_path):
    a = run([web.url("/ad_split.html")], tmp_path).added[0]
    text = Path(a.path).read_text(encoding="utf-8")
    assert "take a pay cut" in text and "its owners told" in text
    assert "ovens" not in text and "ADVERTISEMENT" not in text


@pytest.mark.parametrize("path", ["/latin1.html", "/latin1-declared.html"])
def test_a_latin1_page_is_decoded_by_its_charset(web, tmp_path, path):
    a = run([web.url(path)], tmp_path).added[0]
    assert a.title == "Le marché de Noël de Valbrèze rouvre ses portes" and a.source == "L'Écho du Lac"
    assert "Après deux années" in Path(a.path).read_text(encoding="utf-8")


def test_saved_pages_plain_and_gzipped(tmp_path):
    saved = tmp_path / "saved"
    saved.mkdir()
    shutil.copy(PAGES / "ad_split.html", saved / "glass.htm")
    (saved / "tram.html.gz").write_bytes(gzip.compress((PAGES / "article.html").read_bytes()))
    report = run([str(saved / "glass.htm"), str(saved / "tram.html.gz")], tmp_path / "out")
    assert [a.status for a in report.added] == ["new", "new"] and not report.errors
    assert report.added[0].input == str(saved / "glass.htm")
    assert report.added[1].title.startswith("Tram line")


def test_rss_and_atom_feeds_every_entry_an_article(web, tmp_path):
    report = run([web.url("/feed.rss"), web.url("/feed.atom")], tmp_path)
    assert not report.errors
    assert [(a.input, a.status) for a in report.added] == [
        (web.url("/entry1.html"), "new"), (web.url("/entry2.html"), "new"),
        (web.url("/gone/ferry-timetable"), "new"),
        (web.url("/entry1.html"), "unchanged"),  # in both feeds: added once
        (web.url("/entry3.html"), "new"),
    ]
    # the third RSS item's link is dead: its own content:encoded stands in
    ferry = report.added[2]
    assert ferry.title == "Ferry timetable changes for the spring" and ferry.author == "Kari Nyland"
    assert ferry.date == "2025-03-05" and "extra morning crossing" in Path(ferry.path).read_text(encoding="utf-8")
    assert len(files(tmp_path)) == 4


def test_the_same_feed_twice_adds_nothing_the_second_time(web, tmp_path):
    run([web.url("/feed.rss")], tmp_path)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.glob("*.md")}
    again = run([web.url("/feed.rss")], tmp_path)
    assert [a.status for a in again.added] == ["unchanged"] * 3 and again.ok
    assert {p: p.stat().st_mtime_ns for p in tmp_path.glob("*.md")} == before


def test_a_changed_page_is_updated_in_place(web, tmp_path):
    first = run([web.url("/article.html")], tmp_path).added[0]
    changed = web.page("article.html").replace(b"412 million", b"415 million")
    web.routes["/article.html"] = Route(body=changed, headers={"Content-Type": "text/html"})
    second = run([web.url("/article.html")], tmp_path).added[0]
    assert second.status == "updated" and second.path == first.path
    assert "415 million" in Path(first.path).read_text(encoding="utf-8")
    assert files(tmp_path) == [Path(first.path).name]


def test_wire_copies_on_two_outlets_are_one_article(web, tmp_path):
    a, b = run([web.url("/wire_a.html"), web.url("/wire_b.html")], tmp_path).added
    assert (a.status, b.status) == ("new", "duplicate")
    assert b.duplicate_of == a.path and b.source == "Inland Daily"
    assert len(files(tmp_path)) == 1


@pytest.mark.parametrize("path,message", [
    ("/missing.html", "HTTP 404 Not Found"),
    ("/broken.html", "HTTP 500 Internal Server Error"),
    ("/image.png", "not an HTML page (image/png)"),
    ("/report.pdf", "not an HTML page (application/pdf)"),
    ("/pdf-as-html", "not an HTML page (application/pdf)"),  # the bytes say what the server did not
    ("/bad-feed", "malformed feed ("),
    ("/loop-a", "redirect loop ("),
    ("/index.html", "no article text found"),
    ("/paywall.html", "no article text found"),
])
def test_bad_links_are_one_line_each(web, tmp_path, path, message):
    web.routes["/pdf-as-html"] = Route(body=PDF, headers={"Content-Type": "text/html"})
    report = run([web.url(path)], tmp_path)
    assert not report.added and not report.ok
    [err] = report.errors
    assert err.input == web.url(path) and err.error.startswith(message), err.error
    assert "\n" not in err.error and "Traceback" not in err.error
    assert files(tmp_path) == []


def test_slow_and_huge_pages(web, tmp_path):
    web.huge("/huge.html", 200_000)
    report = run([web.url("/slow.html"), web.url("/huge.html"), web.url("/article.html")], tmp_path,
                 timeout=0.3, max_bytes=100_000)
    assert [e.error.split(" (")[0] for e in report.errors] == [
        "timed out after 0.3 s waiting for 127.0.0.1", "page is 0.2 MB, over the 0.1 MB limit"]
    assert [a.status for a in report.added] == ["new"]


def test_bad_saved_files(tmp_path):
    (tmp_path / "photo.html").write_bytes(PNG)
    (tmp_path / "notes.txt").write_text("just a line of notes\n")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * 2000 + b"</p>")
    report = run([str(tmp_path / n) for n in ("photo.html", "notes.txt", "empty.html", "big.html", "none.html")]
                 + [str(tmp_path), "ftp://example.org/a"], tmp_path / "out", max_bytes=1000)
    assert [e.error for e in report.errors] == [
        "not an HTML page (image/png)",
        "not an HTML page (plain text)",
        "empty file",
        "file is 0.0 MB, over the 0.001 MB limit (config: ingest.max_page_mb)",
        "no such file",
        "a folder: give saved pages (.html, .htm, .html.gz) or a feed file",
        "not a web address reader can fetch (only http and https): ftp://example.org/a",
    ]
    assert not report.ok and files(tmp_path / "out") == []


def test_progress_counts_feed_entries_and_failures(web, tmp_path):
    seen = []
    add([web.url("/feed.atom"), web.url("/missing.html")], AddOptions(into=tmp_path), on_progress=seen.append)
    assert (seen[0].done, seen[0].total) == (0, 2)
    last = seen[-1]
    assert (last.done, last.total, last.failures) == (3, 3, 1) and last.host == "127.0.0.1"


def test_cancelling_stops_between_articles(web, tmp_path):
    report = add([web.url("/article.html"), web.url("/ad_split.html")], AddOptions(into=tmp_path),
                 on_result=lambda r: None, cancelled=lambda: True)
    assert not report.added and files(tmp_path) == []


def test_stdin_lists_inputs():
    import io

    assert expand_inputs(["a", "-", "b"], io.StringIO("x\n\n# a comment\n  y  \n")) == ["a", "x", "y", "b"]


def test_a_saved_page_in_the_folder_is_an_article_of_it(web, tmp_path):
    # The folder opens its saved pages as articles: the same report, added as a
    # link or as a copy of the page, is not a second article of it.
    (tmp_path / "tram.html").write_bytes(web.page("article.html"))
    report = run([web.url("/article.html"), str(tmp_path / "tram.html")], tmp_path)
    assert [(a.status, Path(a.duplicate_of or a.path).name) for a in report.added] == [
        ("unchanged", "tram.html"), ("unchanged", "tram.html")]
    assert files(tmp_path) == ["tram.html"]
    assert len(load_paths([str(tmp_path)]).documents) == 1


def test_a_front_page_canonical_does_not_make_two_articles_one(web, tmp_path):
    page = web.page("article.html").decode("utf-8")
    home = page.replace(web.url("/news/2025/04/tram-line-opens"), web.url("/"))
    assert home != page
    other = home.replace("Tram line to Kessvik", "Bus line to Kessvik").replace("412 million", "97 million")
    web.routes["/a"] = Route(body=home.encode(), headers={"Content-Type": "text/html; charset=utf-8"})
    web.routes["/b"] = Route(body=other.encode(), headers={"Content-Type": "text/html; charset=utf-8"})
    report = run([web.url("/a"), web.url("/b")], tmp_path)
    assert [a.status for a in report.added] == ["new", "new"]
    assert [a.url for a in report.added] == [web.url("/a"), web.url("/b")]


def test_a_newer_version_of_a_saved_page_goes_beside_it_never_over_it(web, tmp_path):
    saved = tmp_path / "tram.html"
    saved.write_bytes(web.page("article.html"))
    before = saved.read_bytes()
    changed = web.page("article.html").replace(b"Costs rose by a third", b"Costs rose by half")
    web.routes["/article.html"] = Route(body=changed, headers={"Content-Type": "text/html; charset=utf-8"})
    a = run([web.url("/article.html")], tmp_path).added[0]
    assert a.status == "new" and Path(a.path).suffix == ".md"
    assert saved.read_bytes() == before
    assert "Costs rose by half" in Path(a.path).read_text(encoding="utf-8")
