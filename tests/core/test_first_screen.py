"""The head of the list of a folder never opened, found from the first bytes of its files: the same
articles, in the same order, read the same way, as listing the whole folder gives."""

from __future__ import annotations

import random

import pytest

from reader.core import first_screen as fs
from reader.core.first_screen import HEAD_BYTES, first_screen
from reader.core.loader import LoadOptions, load_paths, sort_key
from reader.core.readahead import MIN_FILES, ReadAhead

from .test_pool import forking


def _seen(docs):
    return [(d.id, d.title, d.date_iso, d.source, d.text, d.warnings, str(d.path)) for d in docs]


def _listed(folder, rows, options=None):
    docs = sorted(load_paths([str(folder)], options or LoadOptions()).documents, key=sort_key)
    return _seen(docs[:rows])


def _folder(root, n=120, seed=7):
    rng = random.Random(seed)
    for i in range(n):
        day = rng.randint(1, 20)  # many articles share a day: their titles order them
        title = rng.choice(["Bridge reopens", "Ferry strike ends", "Council votes", "A bridge too far"])
        (root / f"a{i:03}.txt").write_text(f"date 2024-04-{day:02}\n{title} {i}\n\nThe mayor told reporters "
                                           f"in Dunmore that item {i} was settled.\n", encoding="utf-8")
    # what the first bytes cannot tell, or tell wrongly if read carelessly
    (root / "b-front.md").write_text("---\ntitle: Ferry\nsource: Herald\ndate: 2024-04-01\n---\nA ferry.\n",
                                     encoding="utf-8")
    (root / "c-empty.txt").write_text("", encoding="utf-8")
    (root / "c-blank-after-header.txt").write_text("date 2024-01-01\n   \n", encoding="utf-8")
    (root / "d-cp1252.txt").write_bytes("date 2024-04-01\nCaf\xe9 owners say the bridge helps.\n".encode("cp1252"))
    (root / "d-bom.txt").write_bytes("\ufeffdate 2024-04-01\nA mark before the header.\n".encode("utf-8"))
    (root / "e-nodate.txt").write_text("No date here. The ferry runs.\n", encoding="utf-8")
    (root / "f-crlf.txt").write_bytes(b"date 2024-04-01\r\nWindows lines\r\n\r\nThe ferry runs.\r\n")
    (root / "g-odd-date.txt").write_text("date 4 April 2024\nA date in words.\n", encoding="utf-8")
    (root / "g-bad-date.txt").write_text("date soon\nNo date after all.\n", encoding="utf-8")
    # a header that starts only after the bytes first read: the file must be read whole
    (root / "h-late-header.txt").write_text(" " * (HEAD_BYTES - 3) + "date 2024-04-01\nLate header.\n",
                                            encoding="utf-8")
    # a multi-byte character cut where the first read ends
    (root / "i-cut.txt").write_text("date 2024-04-02\n" + "é" * HEAD_BYTES + "\n", encoding="utf-8")


@pytest.mark.parametrize("rows", [1, 5, 20, 60, 500])
def test_the_head_of_the_list_is_the_one_listing_the_folder_gives(tmp_path, rows):
    _folder(tmp_path)
    got = first_screen([str(tmp_path)], LoadOptions(), rows)
    assert got is not None
    assert _seen(got) == _listed(tmp_path, rows)


def test_only_the_head_is_read_whole(tmp_path, monkeypatch):
    for i in range(200):
        (tmp_path / f"a{i:03}.txt").write_text(f"date 2024-{i % 12 + 1:02}-{i % 28 + 1:02}\nItem {i}\n\nText {i}.\n",
                                               encoding="utf-8")
    whole: list[str] = []
    real = fs._read_full
    monkeypatch.setattr(fs, "_read_full", lambda path, *a: whole.append(path.name) or real(path, *a))
    got = first_screen([str(tmp_path)], LoadOptions(), 10)
    assert _seen(got) == _listed(tmp_path, 10)
    assert len(whole) <= 12  # the ten, and those sharing the tenth one's date


def test_a_file_too_big_or_a_folder_too_small_or_a_crowd_of_one_date(tmp_path, monkeypatch):
    for i in range(30):
        (tmp_path / f"a{i:03}.txt").write_text(f"date 2024-04-01\nItem {i}\n\nText {i}.\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("date 2020-01-01\n" + "word " * 400, encoding="utf-8")
    options = LoadOptions(max_bytes=1000)
    assert first_screen([str(tmp_path)], options, 5, min_files=100) is None
    got = first_screen([str(tmp_path)], options, 5)
    assert "big" not in [d.id for d in got]  # over the size limit: not listed at all
    assert _seen(got) == _listed(tmp_path, 5, options)
    monkeypatch.setattr(fs, "MAX_WHOLE_READS", 10)  # thirty articles of one date: all would be read
    assert first_screen([str(tmp_path)], options, 5) is None
    assert first_screen([str(tmp_path / "none")], options, 5) is None


@forking
def test_the_second_process_finds_it_first_and_reads_its_share_after(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "news"
    folder.mkdir()
    _folder(folder, n=MIN_FILES + 20)
    alone = load_paths([str(folder)], LoadOptions(cache=False))
    ahead = ReadAhead.start([str(folder)], LoadOptions(cache=True), first=(15, 10))
    assert ahead is not None
    head = ahead.first_screen()
    assert _seen(head) == _listed(folder, 15)
    assert ahead.first_screen() is None  # given once
    both = load_paths([str(folder)], LoadOptions(cache=True), ahead=ahead)
    key = lambda c: sorted(_seen(c.documents))  # noqa: E731
    assert key(both) == key(alone)
    # not asked for (or too few files for it): the child sends its share alone
    ahead = ReadAhead.start([str(folder)], LoadOptions(cache=False), first=(15, 10_000))
    assert ahead.first_screen() is None
    assert key(load_paths([str(folder)], LoadOptions(cache=False), ahead=ahead)) == key(alone)


@forking
def test_the_app_need_not_wait_for_a_head_that_is_slow_to_come(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_WORKERS", "2")
    folder = tmp_path / "news"
    folder.mkdir()
    _folder(folder, n=MIN_FILES + 20)
    monkeypatch.setattr(fs, "_head_key", _slow(fs._head_key))  # a slow disk: forked into the child
    alone = load_paths([str(folder)], LoadOptions(cache=False))
    ahead = ReadAhead.start([str(folder)], LoadOptions(cache=False), first=(15, 10))
    assert ahead.first_screen(timeout=0.05) is None  # not there yet: the app goes on without it
    both = load_paths([str(folder)], LoadOptions(cache=False), ahead=ahead)  # the results after it still serve
    key = lambda c: sorted(_seen(c.documents))  # noqa: E731
    assert key(both) == key(alone)


def _slow(head_key):
    import time

    def slow(*args):
        time.sleep(0.002)
        return head_key(*args)
    return slow
