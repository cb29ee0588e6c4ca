"""Saved web pages open as articles: .html, .htm, .html.gz, in folders, with
every analysis on the extracted text, the extraction cached, and a clear line
for every bad file."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import time

import pytest

from reader.cli import main
from reader.core.ingest.extract import extract_page
from reader.core.loader import LoadOptions, load_paths
from tests.conftest import FIXTURES

WEB = FIXTURES / "web"


@pytest.fixture
def pages(tmp_path):
    """The three article pages saved in the three ways, plus the two that hold no article."""
    d = tmp_path / "pages"
    d.mkdir()
    shutil.copy(WEB / "article.html", d / "ferry.html")
    shutil.copy(WEB / "ad_split.html", d / "frost.htm")
    (d / "bakery.html.gz").write_bytes(gzip.compress((WEB / "latin1.html").read_bytes()))
    shutil.copy(WEB / "index.html", d / "index.html")
    shutil.copy(WEB / "paywall.html", d / "paywall.html")
    return d


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


def test_folder_of_saved_pages(pages):
    corpus = load_paths([pages])
    docs = corpus.by_id()
    assert sorted(docs) == ["bakery", "ferry", "frost"]
    ferry = docs["ferry"]
    assert ferry.text == extract_page((WEB / "article.html").read_bytes()).text
    assert (ferry.title, ferry.date, ferry.source, ferry.author) == (
        "Ferry service to Lindholm resumes after storm repairs", dt.date(2024, 3, 14), "The Harbour Gazette", "Mara Quist")
    assert ferry.url == "https://www.harbourgazette.example/news/2024/03/ferry-service-resumes"
    assert docs["bakery"].title == "Bäckerei in Grünwald schließt nach 120 Jahren"
    assert docs["frost"].source == "Valley Courier"
    for doc in docs.values():
        assert all(doc.text[s.start:s.end].strip() for s in doc.sentences)
    assert sorted((os.path.basename(e.path), e.error) for e in corpus.errors) == [
        ("index.html", "no article text found"), ("paywall.html", "no article text found")]


def test_one_saved_page_as_a_file_argument(pages):
    corpus = load_paths([pages / "frost.htm"])
    assert [d.id for d in corpus.documents] == ["frost"] and corpus.errors == []


def test_docs_json_lists_saved_pages(capsys, pages):
    code, data = run(capsys, "docs", "--json", pages)
    assert code == 0
    by_id = {d["id"]: d for d in data["documents"]}
    assert by_id["ferry"]["source"] == "The Harbour Gazette" and by_id["ferry"]["date"] == "2024-03-14"
    assert by_id["bakery"]["path"].endswith("bakery.html.gz")
    assert {e["error"] for e in data["errors"]} == {"no article text found"}


def test_every_analysis_works_on_saved_pages(capsys, pages):
    texts = {d.id: d.text for d in load_paths([pages]).documents}

    _, ents = run(capsys, "entities", "--json", pages)
    names = {e["name"] for e in ents["entities"]}
    assert {"Tilde Brenner", "Osmo Virta", "Ines Halvorsen"} <= names
    for e in ents["entities"]:
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]

    _, quotes = run(capsys, "quotes", "--json", pages)
    virta = next(q for q in quotes["quotes"] if q["text"].startswith("We are relieved"))
    assert virta["speaker"] == "Osmo Virta"
    assert texts[virta["doc"]][virta["start"]:virta["end"]] == virta["text"]

    _, timeline = run(capsys, "timeline", "--json", pages)
    thursday = next(e for e in timeline["events"] if e["doc"] == "ferry" and e["text"].startswith("Thursday"))
    assert thursday["date"] == "2024-03-14"  # the article's own date from the page metadata

    _, found = run(capsys, "find", "--json", "ferry link mainland pier", pages)
    assert found["hits"][0]["doc"] == "ferry"
    hit = found["hits"][0]
    assert texts["ferry"][hit["start"]:hit["end"]] == hit["text"]


def test_reopen_takes_the_extraction_from_the_cache(pages, monkeypatch):
    import trafilatura

    calls: list[int] = []
    real = trafilatura.bare_extraction

    def counting(*args, **kwargs):
        if kwargs.get("favor_precision"):  # a page's first pass: one a page read
            calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counting)
    opts = LoadOptions(cache=True)
    cold = {d.id: (d.text, d.title, d.date, d.source, d.url, d.author) for d in load_paths([pages], opts).documents}
    assert len(calls) == 5  # every page once, the two without an article too
    calls.clear()
    warm = load_paths([pages], opts)
    assert {d.id: (d.text, d.title, d.date, d.source, d.url, d.author) for d in warm.documents} == cold
    assert all(type(d).__name__ == "CachedDocument" for d in warm.documents)
    assert len(calls) == 2  # only the two pages that failed are tried again

    # A changed page is extracted again.
    calls.clear()
    ferry = pages / "ferry.html"
    ferry.write_bytes(ferry.read_bytes().replace(b"forty passengers", b"fifty passengers"))
    os.utime(ferry, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    again = load_paths([pages], opts).by_id()
    assert len(calls) == 3 and "fifty passengers" in again["ferry"].text


def test_bad_saved_files_get_a_line_each(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (d / "report.htm").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    (d / "blob.html").write_bytes(bytes(range(256)) * 4)
    (d / "empty.html").write_bytes(b"")
    (d / "notes.html").write_text("Just some words I typed, no markup.\n", encoding="utf-8")
    (d / "fake.html.gz").write_bytes(b"<html><body>not compressed</body></html>")
    (d / "bomb.html.gz").write_bytes(gzip.compress(b"<html><body><p>" + b"word " * 400_000 + b"</p></body></html>"))
    (d / "huge.html").write_bytes(b"<html><body>" + b"x" * 2_000_000 + b"</body></html>")
    corpus = load_paths([d], LoadOptions(max_bytes=1_000_000))
    assert corpus.documents == []
    assert {os.path.basename(e.path): e.error for e in corpus.errors} == {
        "image.html": "not an HTML page (image/png)",
        "report.htm": "not an HTML page (application/pdf)",
        "blob.html": "not an HTML page (binary data)",
        "empty.html": "empty file",
        "notes.html": "not an HTML page (plain text)",
        "fake.html.gz": "not gzip data (the name ends in .gz)",
        "bomb.html.gz": "page is over 1 MB uncompressed",
        "huge.html": "file is 2.0 MB, over the 1 MB limit (config: load.max_file_mb)",
    }


def test_other_files_are_named_in_the_message(tmp_path):
    f = tmp_path / "notes.pdf"
    f.write_bytes(b"%PDF-1.4")
    assert [e.error for e in load_paths([f]).errors] == [
        "not an article file (expected .txt, .md, .markdown, .html, .htm, .html.gz)"]


def test_stems_of_gzipped_pages_collide_like_any_other(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(WEB / "article.html", tmp_path / sub / "story.html")
    (tmp_path / "b" / "story.html").unlink()
    (tmp_path / "b" / "story.html.gz").write_bytes(gzip.compress((WEB / "article.html").read_bytes()))
    assert sorted(d.id for d in load_paths([tmp_path]).documents) == ["a/story", "b/story"]


def test_a_saved_pages_timeline_speaks_from_its_metadata(pages, capsys):
    code, out = run(capsys, "timeline", "--json", "--no-entities", pages / "ferry.html")
    assert code == 0
    assert out["articles"] == [{"doc": "ferry", "date": "2024-03-14", "date_source": "page", "note": ""}]
    may = next(e for e in out["events"] if e["text"] == "in May")
    assert may["date"] == "2024-05-01"  # the timetable to come, not last year's
