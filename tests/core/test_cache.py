"""The derived-data cache: a reopen gives the same documents, a change is seen."""

from __future__ import annotations

import os
import time

from reader.core.loader import LoadOptions, load_paths, segment_all

OPTS = LoadOptions(cache=True)


def snapshot(corpus):
    return [(d.id, d.title, d.date, d.source, d.text, d.sentences, d.paragraphs, d.warnings) for d in corpus.documents]


def test_reopen_gives_identical_documents(seeds_dir):
    cold = load_paths([seeds_dir], OPTS)
    segment_all(cold)
    warm = load_paths([seeds_dir], OPTS)
    assert all(type(d).__name__ == "CachedDocument" for d in warm.documents)
    assert all(d._sentences is not None for d in warm.documents), "spans come from the cache"
    assert snapshot(warm) == snapshot(cold)


def test_changed_file_is_reread(seeds_dir):
    load_paths([seeds_dir], OPTS)
    f = next(seeds_dir.glob("000_*.txt"))
    f.write_text("date 2023-05-06 Changed article. It is new.\n", encoding="utf-8")
    os.utime(f, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    warm = load_paths([seeds_dir], OPTS)
    doc = next(d for d in warm.documents if d.id == f.stem)
    assert doc.text == "Changed article. It is new.\n" and str(doc.date) == "2023-05-06"


def test_corrupt_cache_is_a_cold_start(seeds_dir):
    first = load_paths([seeds_dir], OPTS)
    first.cache.path.write_bytes(b"not a pickle")
    again = load_paths([seeds_dir], OPTS)
    assert snapshot(again) == snapshot(load_paths([seeds_dir]))


def test_file_that_vanishes_after_listing_is_a_warning_not_a_crash(seeds_dir):
    load_paths([seeds_dir], OPTS)
    warm = load_paths([seeds_dir], OPTS)
    doc = warm.documents[0]
    with open(doc.path, "a", encoding="utf-8") as fh:
        fh.write("more")
    assert doc.text == "" and any("changed" in w for w in doc.warnings)
