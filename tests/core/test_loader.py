"""Loading articles: headers, ids, titles, sources and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from reader.core.loader import LoadOptions, load_paths
from tests.conftest import SEEDS

D0 = "000_dcdabc9cd42fd5c7"
D2 = "002_3ad7c57d0e97eb6f"


def load(*paths, **kw):
    return load_paths([str(p) for p in paths], LoadOptions(**kw))


def test_seed_with_text_on_the_date_line():
    doc = load(SEEDS / f"{D0}.txt").documents[0]
    raw = (SEEDS / f"{D0}.txt").read_text(encoding="utf-8")
    assert doc.date == dt.date(2022, 1, 7)
    # Only the header token and the whitespace around it are gone.
    assert raw == " date 2022-01-07 " + doc.text
    assert doc.text.startswith("Kazakhstan President Kassym-Jomart Tokayev on Friday declared")
    assert doc.title.startswith("Kazakhstan President Kassym-Jomart Tokayev")
    assert len(doc.title) <= 101 and doc.title.endswith("…")


def test_seed_with_credit_line_after_the_date():
    doc = load(SEEDS / f"{D2}.txt").documents[0]
    raw = (SEEDS / f"{D2}.txt").read_text(encoding="utf-8")
    assert doc.date == dt.date(2022, 1, 8)
    assert raw == " date 2022-01-08 " + doc.text
    assert doc.text.startswith("© AP\nKyrgyzstan")
    # The credit line is neither the title nor the source: AP took the photo, it did not write the article.
    assert doc.title == "Kyrgyzstan's peacekeepers are set to fly to Kazakhstan on Friday, Jan. 7, 2022."
    assert doc.source is None


def test_header_alone_on_its_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("date 2015-03-04\nFirst line.\nSecond.\n", encoding="utf-8")
    doc = load(f).documents[0]
    assert doc.text == "First line.\nSecond.\n"
    assert doc.date == dt.date(2015, 3, 4)


def test_no_header_keeps_the_whole_file(tmp_path):
    f = tmp_path / "a.txt"
    content = "Reid 's agent said `` no '' .\nSecond line .\n"
    f.write_text(content, encoding="utf-8")
    doc = load(f).documents[0]
    assert doc.text == content and doc.date is None
    assert any("no date" in w for w in doc.warnings)


def test_crlf_becomes_lf_like_text_mode(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"date 2020-01-01\r\nOne.\r\nTwo.\rThree.\r\n")
    doc = load(f).documents[0]
    with open(f, encoding="utf-8") as fh:
        assert doc.text == fh.read()[len("date 2020-01-01\n"):]


def test_unparseable_date_is_null_with_warning(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("date 2022-13-45 Text here.\n", encoding="utf-8")
    doc = load(f).documents[0]
    assert doc.date is None and doc.text == "Text here.\n"
    assert any("not a date" in w for w in doc.warnings)


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: The Title\ndate: 2021-05-06\nsource: Reuters\nurl: http://x\nauthor: A. B.\n---\nBody text.\n")
    doc = load(f).documents[0]
    assert (doc.title, doc.date, doc.source, doc.url, doc.author) == ("The Title", dt.date(2021, 5, 6), "Reuters", "http://x", "A. B.")
    assert doc.text == "Body text.\n"


def test_malformed_front_matter_is_a_warning(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: [unclosed\n---\nBody.\n")
    doc = load(f).documents[0]
    assert any("front matter" in w for w in doc.warnings)


def test_ids_are_stems_unless_they_collide(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "a.txt").write_text("One.")
    (tmp_path / "y" / "a.txt").write_text("Two.")
    (tmp_path / "b.md").write_text("Three.")
    ids = sorted(d.id for d in load(tmp_path).documents)
    assert ids == ["b", "x/a", "y/a"]


def test_folders_skip_other_files_but_named_ones_are_errors(tmp_path):
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    c = load(tmp_path, tmp_path / "image.png")
    assert [d.id for d in c.documents] == ["a"]
    assert [(os.path.basename(e.path), e.error.split(" (")[0]) for e in c.errors] == [("image.png", "not an article file")]


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("bin.txt", b"abc\x00def", "binary file"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("header-only.txt", b"date 2020-01-01\n", "no article text"),
    ],
)
def test_bad_files_get_a_message(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("Fine.")
    c = load(tmp_path)
    assert [d.id for d in c.documents] == ["good"]
    assert len(c.errors) == 1 and message in c.errors[0].error


def test_cp1252_fallback_with_warning(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("date 2020-01-01 Caf\u00e9 \u201cquoted\u201d.".encode("cp1252"))
    doc = load(f).documents[0]
    assert doc.text == "Caf\u00e9 \u201cquoted\u201d."
    assert any("cp1252" in w for w in doc.warnings)


def test_file_over_the_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("word " * 1000)
    c = load(f, max_bytes=1000)
    assert not c.documents and "limit" in c.errors[0].error


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    c = load(tmp_path / "nope.txt", tmp_path / "empty")
    assert [e.error for e in c.errors] == [
        "no such file or folder", "folder has no articles (.txt, .md, .markdown, .html, .htm, .html.gz)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission bits")
def test_unreadable_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Text.")
    f.chmod(0)
    c = load(f)
    assert c.errors[0].error == "permission denied"


def test_symlink_loop_terminates(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("Text.")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    os.symlink(tmp_path / "self", tmp_path / "self")
    c = load(tmp_path / "d", tmp_path / "self")
    assert [d.id for d in c.documents] == ["a"]
    assert len(c.errors) == 1


def test_same_file_twice_loads_once():
    c = load(SEEDS, SEEDS / f"{D0}.txt")
    assert sorted(d.id for d in c.documents) == [D0, D2]


def test_a_day_written_yyyy_mm_dd_is_read_as_the_iso_parser_reads_it():
    import datetime as dt

    from dateutil import parser as dateparser

    from reader.core.loader import parse_date

    def reference(value: str):
        try:
            return dateparser.isoparse(value.strip()).date()
        except (ValueError, OverflowError):
            pass
        try:
            return dateparser.parse(value.strip(), default=dt.datetime(1900, 1, 1)).date()
        except (ValueError, OverflowError, TypeError):
            return None

    values = ["2024-03-05", " 2017-10-14 ", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10",
              "0000-01-01", "0001-01-01", "9999-12-31", "2024-3-05", "2024-03-5", "20240305", "2024-03-05T10:00",
              "2024-W10-1", "٢٠٢٤-٠٣-٠٥", "March 5, 2024"]
    for value in values:
        assert parse_date(value) == reference(value), value


def test_an_article_s_id_is_its_name_without_the_suffix_os_path_splitext_would_cut():
    import os
    from pathlib import Path

    from reader.core.loader import _stem
    from reader.core.saved_pages import page_stem

    names = ["a.txt", "a.b.md", "A.MARKDOWN", ".md", "..md", "...x.txt", ".a.txt", "a..txt", "a.", "a", "x.tar.txt",
             "p.html", "p.HTML.GZ", ".html", ".html.gz", "..html", "a.b.htm.gz", "é.txt", " .txt"]
    for name in names:
        assert _stem(Path("folder") / name) == (page_stem(name) or os.path.splitext(name)[0]), name
