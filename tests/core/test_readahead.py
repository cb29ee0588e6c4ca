"""A folder never opened before, read on two cores: the corpus is the one a single process reads."""

from __future__ import annotations

import os

from reader.core.cache import DerivedCache
from reader.core.loader import LoadOptions, load_paths
from reader.core.readahead import MIN_FILES, ReadAhead

from .test_pool import forking


def _folder(root, n=MIN_FILES + 20):
    for i in range(n):
        (root / f"a{i:03}.txt").write_text(f"date 2024-03-{i % 28 + 1:02}\nBridge {i} reopens\n\nThe mayor told "
                                           f"DW on Monday that bridge {i} would reopen.\n", encoding="utf-8")
    (root / "b-front.md").write_text("---\ntitle: Ferry\nsource: Herald\ndate: 2024-01-02\n---\nA ferry.\n",
                                     encoding="utf-8")
    (root / "c-empty.txt").write_text("", encoding="utf-8")
    (root / "d-cp1252.txt").write_bytes("date 2024-02-02\nCaf\xe9 owners say the bridge helps.\n".encode("cp1252"))
    (root / "e-nodate.txt").write_text("No date here. The ferry runs.\n", encoding="utf-8")


def _seen(corpus):
    return ([(d.id, d.title, d.date_iso, d.source, d.warnings, d.text, str(d.path)) for d in corpus.documents],
            sorted((e.path, e.error) for e in corpus.errors), corpus.warnings)


@forking
def test_what_is_read_ahead_is_what_one_process_reads(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "news"
    folder.mkdir()
    _folder(folder)
    alone = load_paths([str(folder)], LoadOptions(cache=False))
    ahead = ReadAhead.start([str(folder)], LoadOptions(cache=True))
    assert ahead is not None
    both = load_paths([str(folder)], LoadOptions(cache=True), ahead=ahead)
    assert _seen(both) == _seen(alone)
    assert len(both.errors) == 1 and "empty" in both.errors[0].error
    assert {type(d).__name__ for d in both.documents} == {"Document", "CachedDocument"}  # both halves served
    # what was read ahead is in the article cache: the next opening reads no file
    cache = DerivedCache([str(folder)])
    assert len(cache.entries) == len(alone.documents)
    again = load_paths([str(folder)], LoadOptions(cache=True))
    assert _seen(again) == _seen(alone)


@forking
def test_a_file_changed_after_it_was_read_ahead_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _folder(tmp_path)
    last = sorted(tmp_path.glob("a*.txt"))[-1]
    ahead = ReadAhead.start([str(tmp_path)], LoadOptions(cache=True))
    assert ahead is not None
    ahead._results = ahead._receive()  # the child is done
    last.write_text("date 2024-05-05\nThe bridge closes again, for good this time.\n", encoding="utf-8")
    os.utime(last, ns=(1, 1))
    corpus = load_paths([str(tmp_path)], LoadOptions(cache=True), ahead=ahead)
    doc = corpus.get(last.stem)
    assert doc.title == "The bridge closes again, for good this time." and doc.date_iso == "2024-05-05"


@forking
def test_a_child_that_died_leaves_its_files_to_the_app(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    _folder(tmp_path)
    alone = load_paths([str(tmp_path)], LoadOptions(cache=False))
    ahead = ReadAhead.start([str(tmp_path)], LoadOptions(cache=False))
    assert ahead is not None
    ahead._process.kill()
    corpus = load_paths([str(tmp_path)], LoadOptions(cache=False), ahead=ahead)
    assert _seen(corpus) == _seen(alone)


def test_nothing_is_read_ahead_on_one_core_or_for_a_few_files(tmp_path, monkeypatch):
    _folder(tmp_path, n=5)
    monkeypatch.setenv("READER_WORKERS", "2")
    assert ReadAhead.start([str(tmp_path)], LoadOptions()) is None  # a few files
    _folder(tmp_path)
    monkeypatch.setenv("READER_WORKERS", "1")
    assert ReadAhead.start([str(tmp_path)], LoadOptions()) is None
