"""Article files written by `reader add`, and how a folder's articles are told apart."""

from __future__ import annotations

import os
from pathlib import Path

from reader.core.ingest.dedupe import DUPLICATE, NEW, UNCHANGED, UPDATED, Library, text_hash, url_key
from reader.core.ingest.extract import Page
from reader.core.ingest.write import file_stem, render, slug, unique_path, write_article
from reader.core.loader import LoadOptions, load_paths

TEXT = "# A heading\n\nFirst paragraph of the story.\n\nSecond paragraph, with a quote: \"yes\"."


def page(**kw) -> Page:
    base = dict(text=TEXT, title="Bridge: the vote", date="2025-01-02", source="Río Gazette",
                url="https://news.example/a", author="A. Writer")
    base.update(kw)
    return Page(**base)


def test_the_file_is_an_ordinary_article_for_the_loader(tmp_path):
    p = page(title='Quotes "and" colons: [bold]x[/] \x1b[31m', author=None)
    path = tmp_path / "a.md"
    write_article(path, p, "2026-01-02T03:04:05+01:00")
    doc = load_paths([str(path)]).documents[0]
    assert doc.title == p.title and doc.date.isoformat() == "2025-01-02" and doc.source == "Río Gazette"
    assert doc.url == "https://news.example/a" and doc.author is None
    assert doc.text == TEXT + "\n"  # the main text is the document's text, from its first character
    head = path.read_text(encoding="utf-8").split("---\n")[1]
    assert "fetched: '2026-01-02T03:04:05+01:00'" in head and "author: null" in head
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


def test_front_matter_keys_in_order():
    head = render(page(), "2026-01-02T03:04:05+00:00").split("---\n")[1]
    assert [line.split(":")[0] for line in head.splitlines()] == ["title", "date", "source", "url", "author", "fetched"]


def test_file_names_are_short_and_say_date_source_and_title(tmp_path):
    long_title = "Council votes to rebuild the old harbour bridge after years of argument over the cost"
    stem = file_stem(page(title=long_title), "abcdef0123456789")
    assert stem.startswith("2025-01-02-rio-gazette-council-votes-to-rebuild")
    assert len(stem) <= 11 + 21 + 48 and not stem.endswith("-")
    assert file_stem(page(date=None, source=None, title=None), "abcdef0123456789") == "undated-article-abcdef01"
    assert slug("Ça va? Oui!", 40) == "ca-va-oui"


def test_names_stay_unique(tmp_path):
    (tmp_path / "x.md").write_text("taken")
    assert unique_path(tmp_path, "x", set()).name == "x-2.md"
    assert unique_path(tmp_path, "x", {"x-2.md"}).name == "x-3.md"


def test_text_hash_ignores_spacing_case_and_punctuation():
    assert text_hash("The  ferry, it said.\n\nIt left.") == text_hash("the ferry it said it left")
    assert text_hash("The ferry left.") != text_hash("The ferry stayed.")


def test_url_key_drops_what_does_not_name_the_article():
    assert url_key("http://News.Example:80/a/?utm_source=x&id=3#top") == url_key("https://news.example/a?id=3")
    assert url_key("https://news.example/a?id=3") != url_key("https://news.example/a?id=4")
    assert url_key(None) is None


def test_library_decisions(tmp_path):
    write_article(tmp_path / "one.md", page(), "t")
    (tmp_path / "hand.txt").write_text("date 2025-01-01\nA wire story written out by hand.\n")
    lib = Library(tmp_path)
    same = text_hash(TEXT)
    assert lib.decide("https://news.example/a", same).status == UNCHANGED
    assert lib.decide("https://news.example/a?utm_medium=rss", text_hash("changed")).status == UPDATED
    d = lib.decide("https://other.example/b", same)
    assert d.status == DUPLICATE and d.existing == tmp_path / "one.md"
    d = lib.decide(None, text_hash("a wire story written out by hand"))
    assert d.status == UNCHANGED and d.existing == tmp_path / "hand.txt"
    assert lib.decide("https://other.example/c", text_hash("new words")).status == NEW


def test_library_sees_files_another_process_wrote(tmp_path):
    lib = Library(tmp_path)
    assert lib.decide("https://news.example/a", "x").status == NEW
    write_article(tmp_path / "later.md", page(), "t")
    lib.refresh()
    assert lib.decide("https://news.example/a", "x").existing == tmp_path / "later.md"
    os.remove(tmp_path / "later.md")
    lib.refresh()
    assert lib.decide("https://news.example/a", "x").status == NEW
