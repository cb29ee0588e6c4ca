"""The sentence index is kept on disk per corpus and updated file by file."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import sys
from pathlib import Path

import pytest

from reader.core.index import Index
from reader.core.loader import LoadOptions, load_paths
from reader.core.search import SearchIndex
from reader.core.search import store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "search"
ROOT = Path(__file__).resolve().parents[2]


def reopen(folder: Path) -> SearchIndex:
    corpus = load_paths([str(folder)], LoadOptions())
    return SearchIndex.open(Index(corpus), extras=False, persist=True)


@pytest.fixture
def corpus(tmp_path) -> Path:
    dest = tmp_path / "corpus"
    shutil.copytree(FIXTURES, dest)
    return dest


def test_reopening_reuses_the_index(corpus):
    first = reopen(corpus)
    assert first.report.built and first.report.persisted
    assert list(store.cache_root().iterdir()), "nothing written under $XDG_CACHE_HOME/reader/search"
    again = reopen(corpus)
    assert not again.report.built and again.report.added == 0 and again.report.reused == 2
    assert again.search("zurich delegation")[0].text.startswith("The delegation from Zürich")


def test_changed_added_and_removed_files_are_reindexed_alone(corpus):
    reopen(corpus)
    harbour = corpus / "harbour.md"
    harbour.write_text(harbour.read_text(encoding="utf-8").replace("storms", "hurricanes"), encoding="utf-8")
    (corpus / "new.txt").write_text("date 2023-03-16\nA lighthouse keeper counted the pelicans.\n", encoding="utf-8")
    s = reopen(corpus)
    assert (s.report.built, s.report.reused, s.report.added, s.report.removed) == (False, 1, 2, 0)
    assert "hurricanes" in s.search("hurricanes closed shipping")[0].text
    assert s.search("storms closed shipping harbour") == [] or all("storms" not in h.text for h in s.search("storms"))
    assert s.search("lighthouse pelicans")[0].doc == "new"

    (corpus / "new.txt").unlink()
    s = reopen(corpus)
    assert (s.report.added, s.report.removed, s.report.reused) == (0, 1, 2)
    assert s.search("lighthouse pelicans") == []
    docs = {d.id: d for d in s.documents}
    for h in s.search("harbour hurricanes") + s.search("geneva talks"):
        assert h.text == docs[h.doc].text[h.start : h.end]


def test_a_touched_but_identical_file_keeps_offsets_right(corpus):
    reopen(corpus)
    geneva = corpus / "geneva.txt"
    text = geneva.read_text(encoding="utf-8")
    geneva.write_text("date 2023-03-14\nBREAKING: " + text.split("\n", 1)[1], encoding="utf-8")
    s = reopen(corpus)
    assert s.report.added == 1
    hit = s.search("envoy refugees sign")[0]
    doc = next(d for d in s.documents if d.id == hit.doc)
    assert hit.text == doc.text[hit.start : hit.end] and "refugees" in hit.text


def test_a_corrupt_cache_is_rebuilt(corpus):
    reopen(corpus)
    (folder,) = [p for p in store.cache_root().iterdir() if p.is_dir()]
    for f in folder.iterdir():
        if f.is_file():
            f.write_bytes(b"\x00garbage")
    s = reopen(corpus)
    assert s.search("zurich delegation")
    assert reopen(corpus).report.built is False


def test_cache_off_writes_nothing(corpus):
    corpus_ = load_paths([str(corpus)], LoadOptions())
    s = SearchIndex.open(Index(corpus_), extras=False, persist=False)
    assert s.search("harbour reopened") and not store.cache_root().exists()


def test_without_tantivy_a_rapidfuzz_scan_answers(monkeypatch, seeds_dir):
    monkeypatch.setitem(sys.modules, "tantivy", None)  # `import tantivy` now raises ImportError
    corpus = load_paths([str(seeds_dir)], LoadOptions())
    s = SearchIndex.open(Index(corpus), extras=False)
    assert s.engine == "rapidfuzz"
    hits = s.search("shot to kil without warnig")
    assert hits and "shoot to kill without warning" in hits[0].text
    assert s.search("in:000 shoot to kill")[0].doc.startswith("000")
    for q in ("", "!!!", '"(^~:', "x" * 10_000):
        assert s.run(q).hits == []


def test_the_cli_and_app_start_without_tantivy(seeds_dir):
    code = (
        "import sys; sys.modules['tantivy'] = None\n"
        "import reader.tui.app, reader.core.search\n"
        "from reader.cli import main\n"
        f"sys.exit(main(['find', '--json', '--sentences-only', 'shot to kil without warnig', {str(seeds_dir)!r}]))\n"
    )
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert '"engine": "rapidfuzz"' in out.stdout and "shoot to kill without warning" in out.stdout


def test_an_overlong_sentence_is_indexed_in_pieces(tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    words = [f"w{i}" for i in range(9000)]  # ~55,000 characters, no sentence end
    words[8500] = "needleword"
    (folder / "long.txt").write_text(" ".join(words) + "\n", encoding="utf-8")
    s = reopen(folder)
    hits = s.search("needleword")
    assert hits
    doc = s.documents[0]
    assert hits[0].text == doc.text[hits[0].start : hits[0].end] and "needleword" in hits[0].text
    assert hits[0].end - hits[0].start < 20_000


def test_entries_left_by_an_interrupted_update_are_cleared(corpus):
    first = reopen(corpus)
    # An update that committed entries under a new ordinal, then died before
    # writing its manifest: the index holds an article the manifest never named.
    engine = first.sentences
    writer = engine.writer()
    text = "A ghost sentence about zeppelins."
    engine.add(writer, len(first.ord_ids), text, [(0, len(text))])
    engine.commit(writer)
    del first, engine, writer
    (corpus / "harbour.md").write_text("---\ntitle: t\n---\nZeppelins over the harbour today.\n", encoding="utf-8")
    s = reopen(corpus)
    hits = s.search("zeppelins")
    assert [h.doc for h in hits] == ["harbour"]
    assert hits[0].text == "Zeppelins over the harbour today."
    # and no entry is left that the manifest would misattribute
    entries = s.sentences.candidates(["zeppelins"], {"zeppelins": 1.0}, None, 10)
    assert entries == [(s.ord_ids.index("harbour"), 0, len("Zeppelins over the harbour today."))]


def test_quotations_from_the_index_are_searchable(seeds_dir):
    pytest.importorskip("reader.core.quotes")
    from reader.core import quotes

    if not hasattr(quotes, "build_quote_index"):
        pytest.skip("quotation extraction not available")
    corpus = load_paths([str(seeds_dir)], LoadOptions())
    s = Index(corpus).search  # the Index's own part, with quotations and entities
    first = s.search("shot to kil without warnig")[0]  # everything searched: the passage still first
    assert "shoot to kill without warning" in first.text and first.speaker
    hits = s.search("kind:quote shot to kil without warnig")
    assert hits and all(h.kind == "quote" for h in hits)
    assert "shoot to kill without warning" in hits[0].text
    docs = {d.id: d for d in corpus.documents}
    assert all(h.text == docs[h.doc].text[h.start : h.end] for h in hits)


def test_two_processes_opening_one_corpus_share_the_build(corpus):
    code = (
        "import sys\n"
        "from reader.core.index import Index\n"
        "from reader.core.loader import LoadOptions, load_paths\n"
        "from reader.core.search import SearchIndex\n"
        f"c = load_paths([{str(corpus)!r}], LoadOptions())\n"
        "s = SearchIndex.open(Index(c), extras=False, persist=True)\n"
        "assert s.search('zurich delegation'), 'no hit'\n"
        "print(s.report.built, s.report.persisted)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    reports = sorted(o.strip() for o, _ in outs)
    assert reports == ["False True", "False True", "True True"]  # one built, the others reused it
    assert reopen(corpus).report.built is False


def age(folder: Path, seconds: int = 3600) -> None:
    """Modification times well in the past: files not changed around the time they are checked."""
    t = time.time_ns() - seconds * 1_000_000_000
    for p in folder.iterdir():
        os.utime(p, ns=(t, t))


def reopen_cached(folder: Path) -> SearchIndex:
    corpus = load_paths([str(folder)], LoadOptions(cache=True))
    return SearchIndex.open(Index(corpus), extras=False, persist=True)


def test_unchanged_files_are_not_read_again(corpus):
    age(corpus)
    reopen_cached(corpus)
    again = reopen_cached(corpus)
    assert again.report.reused == 2 and again.report.added == 0
    assert all(d.__dict__.get("_text_value") is None for d in again.documents), "a text was read to check it"
    hits = again.search("zurich delegation")
    read = {d.id for d in again.documents if d.__dict__.get("_text_value") is not None}
    assert read == {h.doc for h in hits} == {"geneva"}, "only the articles of the hits are read"
    doc = next(d for d in again.documents if d.id == hits[0].doc)
    assert hits[0].text == doc.text[hits[0].start : hits[0].end]


def test_a_file_replaced_with_the_same_size_and_time_is_read_again(corpus):
    age(corpus)
    reopen_cached(corpus)
    geneva = corpus / "geneva.txt"
    st = geneva.stat()
    text = geneva.read_text(encoding="utf-8")
    swapped = text.replace("Zürich", "Zurich").replace("delegation", "delegatiox")
    replacement = corpus / "geneva.tmp"
    replacement.write_bytes(swapped.encode("utf-8").ljust(st.st_size, b" ")[: st.st_size])
    os.replace(replacement, geneva)  # a new inode, as an editor saving by rename makes
    os.utime(geneva, ns=(st.st_atime_ns, st.st_mtime_ns))
    s = reopen(corpus)
    assert s.report.added == 1
    assert all("delegation" not in h.text for h in s.search("delegation"))


def test_a_file_changed_just_before_the_check_is_read_again(corpus):
    age(corpus, 0)  # changed now: a change made in the same tick would not show in their times
    reopen_cached(corpus)
    again = reopen_cached(corpus)
    assert again.report.added == 0
    assert any(d.__dict__.get("_text_value") is not None for d in again.documents)
