"""The analysis store: a warm run answers what a cold run answers, and any change is seen."""

from __future__ import annotations

import gc
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import main
from reader.core import stored, stored_entities
from reader.core.index import Index
from reader.core.loader import LoadOptions, load_paths
from reader.core.store import Store, store_path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "store"
COMMANDS = [
    ("docs", "--json"), ("entities", "--json"), ("quotes", "--json"), ("timeline", "--json"), ("compare", "--json"),
    ("find", "--json", "passengers a day"), ("find", "--json", "@okafor passengers"),
]


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    dest = tmp_path / "corpus"
    shutil.copytree(FIXTURE, dest)
    return dest


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def touch_later(path: Path) -> None:
    """A modification time the file system cannot round back to the old one."""
    t = time.time_ns() + 5_000_000_000
    os.utime(path, ns=(t, t))


def index_of(folder: Path) -> Index:
    return Index(load_paths([str(folder)], LoadOptions(cache=True)))


def uncached(folder: Path) -> dict:
    from reader.config import parse

    cfg = parse("load:\n  cache: false\n")
    ix = Index(load_paths([str(folder)], LoadOptions()), cfg)
    return analyses_json(ix)


def analyses_json(ix: Index) -> dict:
    return {
        "entities": [e.to_json() for e in ix.entities.entities],
        "quotes": [q.to_json() for q in ix.quotes.quotes],
        "events": [e.to_json() for e in ix.timeline.events],
    }


class Spy:
    """Counts the calls of a module function while still running it."""

    def __init__(self, monkeypatch, module, name):
        self.calls = 0
        real = getattr(module, name)

        def wrapper(*a, **k):
            self.calls += 1
            return real(*a, **k)
        monkeypatch.setattr(module, name, wrapper)


def spies(monkeypatch) -> dict[str, Spy]:
    import reader.core.dates as dates
    import reader.core.entities as entities
    import reader.core.quotes as quotes

    return {"entities": Spy(monkeypatch, entities, "build_entity_index"),
            "quotes": Spy(monkeypatch, quotes, "build_quote_index"),
            "timeline": Spy(monkeypatch, dates, "build_timeline")}


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:3]))
def test_warm_run_prints_the_cold_json_byte_for_byte(capsys, corpus_dir, argv):
    cold = run(capsys, *argv, corpus_dir)
    warm = run(capsys, *argv, corpus_dir)
    assert cold[0] == warm[0] == 0
    assert json.loads(cold[1]), cold
    assert warm[1] == cold[1]
    assert "warning" not in warm[2]


def test_warm_run_computes_nothing(capsys, corpus_dir, monkeypatch):
    for argv in COMMANDS:
        run(capsys, *argv, corpus_dir)
    calls = spies(monkeypatch)
    for argv in COMMANDS:
        run(capsys, *argv, corpus_dir)
    assert {k: s.calls for k, s in calls.items()} == {"entities": 0, "quotes": 0, "timeline": 0}


@pytest.mark.parametrize("change", ["edit", "rename", "delete", "add"])
def test_a_changed_article_is_seen(corpus_dir, change):
    analyses_json(index_of(corpus_dir))
    a3 = corpus_dir / "a3.txt"
    if change == "edit":
        a3.write_text(a3.read_text(encoding="utf-8").replace("Tomas Lindqvist", "Agnes Varga")
                      .replace("Lindqvist said", "Varga said"), encoding="utf-8")
        touch_later(a3)
    elif change == "rename":
        a3.rename(corpus_dir / "b3.txt")
    elif change == "delete":
        a3.unlink()
    else:
        (corpus_dir / "a4.txt").write_text(
            'date 2024-03-08\n\nFerry tickets go on sale\n\n"Tickets sell fast," said Harbour Council '
            "spokesman Ivo Brandt on Thursday.\n", encoding="utf-8")
    warm = analyses_json(index_of(corpus_dir))
    assert warm == uncached(corpus_dir)
    names = {e["name"] for e in warm["entities"]}
    expect = {"edit": ("Agnes Varga", "Tomas Lindqvist"), "rename": ("Tomas Lindqvist", None),
              "delete": (None, "Tomas Lindqvist"), "add": ("Ivo Brandt", None)}[change]
    if expect[0]:
        assert expect[0] in names
    if expect[1]:
        assert expect[1] not in names
    if change == "rename":
        assert any(m["doc"] == "b3" for e in warm["entities"] for m in e["mentions"])


def test_same_size_and_time_but_new_text_is_seen_once_the_text_is_read(corpus_dir):
    """The fingerprint holds a hash of the text: a loader that rereads the file (no article cache)
    with the same size and time still gets analyses of what it read."""
    from reader.config import Config

    analyses_json(index_of(corpus_dir))
    a1 = corpus_dir / "a1.txt"
    st = a1.stat()
    text = a1.read_text(encoding="utf-8")
    a1.write_text(text.replace("Miriam Okafor", "Miriam Okafar"), encoding="utf-8")
    os.utime(a1, ns=(st.st_atime_ns, st.st_mtime_ns))
    store = Store(store_path([str(corpus_dir)]))
    with sqlite3.connect(store.path) as conn:  # forget the trusted hashes, as a new machine would
        conn.execute("DELETE FROM files")
    store.close()
    ix = Index(load_paths([str(corpus_dir)], LoadOptions(cache=False)), Config())
    assert any("Miriam Okafar" in e.aliases for e in ix.entities.entities), [e.aliases for e in ix.entities.entities]


def test_a_new_analysis_version_recomputes_that_analysis_only(corpus_dir, monkeypatch):
    analyses_json(index_of(corpus_dir))
    real = stored.code_version

    def bumped(*packages):
        v = real(*packages)
        return v + "+next" if "dates" in packages else v
    monkeypatch.setattr(stored, "code_version", bumped)
    calls = spies(monkeypatch)
    analyses_json(index_of(corpus_dir))
    assert {k: s.calls for k, s in calls.items()} == {"entities": 0, "quotes": 0, "timeline": 1}


def test_a_changed_corrections_file_recomputes_what_depends_on_it(corpus_dir, monkeypatch):
    before = analyses_json(index_of(corpus_dir))
    okafor = next(e for e in before["entities"] if e["name"] == "Miriam Okafor")
    (corpus_dir / "entities.yaml").write_text(f"- rename: {okafor['id']}\n  name: Chair Okafor\n", encoding="utf-8")
    calls = spies(monkeypatch)
    after = analyses_json(index_of(corpus_dir))
    assert calls["entities"].calls == 0, "detection and linking do not depend on corrections"
    assert calls["quotes"].calls == 1 and calls["timeline"].calls == 1
    assert any(q["speaker"] == "Chair Okafor" for q in after["quotes"])
    assert after == uncached(corpus_dir)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign", "bad checksum", "empty"])
def test_a_damaged_store_is_rebuilt_with_one_warning(capsys, corpus_dir, damage):
    code, cold, _ = run(capsys, "quotes", "--json", corpus_dir)
    path = store_path([str(corpus_dir)])
    assert path.exists()
    gc.collect()  # the first run's connection closes, as when its process ends
    for p in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3 + 100])
    elif damage == "foreign":
        path.unlink()
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE corpus (analysis TEXT, data BLOB)")
    elif damage == "bad checksum":
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE corpus SET data = CAST('x' || data AS BLOB)")
    else:
        path.write_bytes(b"")
    code, warm, err = run(capsys, "quotes", "--json", corpus_dir)
    assert code == 0 and warm == cold
    if damage == "empty":
        assert "warning" not in err
    else:
        assert err.count("reader: warning:") == 1 and "rebuilt" in err, err
    code, again, err = run(capsys, "quotes", "--json", corpus_dir)
    assert again == cold and err == ""


def test_two_processes_writing_at_once_agree(corpus_dir, isolated_env):
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    argv = [sys.executable, "-m", "reader", "quotes", "--json", str(corpus_dir)]
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e for _, e in outs]
    assert all(e == b"" for _, e in outs), [e for _, e in outs]
    assert outs[0][0] == outs[1][0] == outs[2][0]
    warm = subprocess.run(argv, capture_output=True, env=env, timeout=120)
    assert warm.stdout == outs[0][0] and warm.stderr == b""


def test_cache_info_and_clear(capsys, corpus_dir):
    run(capsys, "quotes", "--json", corpus_dir)
    run(capsys, "timeline", "--json", corpus_dir)
    code, out, _ = run(capsys, "cache", "info", "--json", corpus_dir)
    assert code == 0
    info = json.loads(out)
    assert set(info) >= {"cache_dir", "bytes", "corpora"}
    (corpus,) = info["corpora"]
    assert set(corpus) >= {"key", "bytes", "store", "files"}
    store = corpus["store"]
    assert store["path"] == str(store_path([str(corpus_dir)]))
    assert store["files"] == 3 and store["bytes"] > 0
    assert set(store["analyses"]) >= {"entities", "quotes", "quote_matches", "timeline", "parts:quotes",
                                      "entity_mentions", "dates"}
    for a in store["analyses"].values():
        assert set(a) >= {"articles", "corpus", "bytes"} and a["bytes"] > 0
        assert a["corpus"] is True or a["articles"] > 0
    assert store["analyses"]["entity_mentions"]["articles"] == store["analyses"]["dates"]["articles"] == 3
    assert info["bytes"] >= store["bytes"]

    run(capsys, "find", "--json", "passengers", corpus_dir)
    code, out, _ = run(capsys, "cache", "info", "--json", corpus_dir)
    kept = json.loads(out)["corpora"][0]["files"]
    assert any(f.endswith(".items") for f in kept) and any(f.endswith(".pickle") for f in kept), kept
    code, out, _ = run(capsys, "cache", "clear", "--json", corpus_dir)
    assert code == 0 and sorted(json.loads(out)["removed"]) == sorted(kept)
    assert not any(Path(f).exists() for f in kept)
    assert not store_path([str(corpus_dir)]).exists()
    code, out, _ = run(capsys, "cache", "info", "--json", corpus_dir)
    assert json.loads(out)["corpora"][0]["store"] is None


def test_cache_off_writes_no_store(corpus_dir, tmp_path):
    cfg = tmp_path / "config.yaml"
    cfg.write_text("load:\n  cache: false\n", encoding="utf-8")
    assert main(["entities", "--json", "--config", str(cfg), str(corpus_dir)]) == 0
    assert not store_path([str(corpus_dir)]).exists()


def test_warm_find_reads_no_analysis(capsys, corpus_dir, monkeypatch):
    argv = ("find", "--json", "@okafor passengers", corpus_dir)
    cold = run(capsys, *argv)
    calls = spies(monkeypatch)
    decoded = {name: Spy(monkeypatch, module, name)
               for module, name in ((stored_entities, "_decode_entities"), (stored, "_decode_quotes"))}
    warm = run(capsys, *argv)
    assert warm[1] == cold[1] and json.loads(warm[1])["hits"]
    assert {k: s.calls for k, s in {**calls, **decoded}.items()} == dict.fromkeys([*calls, *decoded], 0)


def test_damaged_finder_items_are_rebuilt(capsys, corpus_dir):
    from reader.core.search.store import cache_root

    argv = ("find", "--json", "@okafor passengers", corpus_dir)
    cold = run(capsys, *argv)
    (folder,) = [p for p in cache_root().iterdir() if p.name.endswith(".items")]
    for f in folder.iterdir():
        if f.is_file():
            f.write_bytes(b"\0garbage")
    assert run(capsys, *argv)[1] == cold[1]
    assert run(capsys, *argv)[1] == cold[1]


def test_spliced_json_is_the_json_of_the_whole():
    import io

    from reader.commands.common import Raw, RawItems, chunk_parts, emit_json, emit_json_parts

    obj = {"a": [{"t": "Zoë \"quoted\" \u2028", "n": 1.5}], "b": None, "c": {"x": "ü"},
           "d": [{"i": i, "s": "é"} for i in range(2500)], "e": []}
    whole, parts = io.StringIO(), io.StringIO()
    emit_json(obj, whole)
    n, made = chunk_parts(obj["d"], lambda x: json.dumps(x, ensure_ascii=False))
    chunks = dict(made)
    assert len(chunks) == 3 == n
    emit_json_parts([("a", Raw(json.dumps(obj["a"], ensure_ascii=False))), ("b", None), ("c", obj["c"]),
                     ("d", RawItems(["", *chunks.values(), ""])), ("e", RawItems(iter(["", ""])))], parts)
    assert parts.getvalue() == whole.getvalue()


def test_the_comparison_is_kept(corpus_dir, monkeypatch):
    import reader.core.compare as compare_mod

    cold = index_of(corpus_dir).compare
    spy = Spy(monkeypatch, compare_mod, "build_comparison")
    warm = index_of(corpus_dir).compare
    assert spy.calls == 0 and warm == cold and warm.facts
    (corpus_dir / "a2.txt").write_text("date 2024-03-05\n\nThe line will carry 5,000 passengers a day.\n",
                                       encoding="utf-8")
    touch_later(corpus_dir / "a2.txt")
    assert index_of(corpus_dir).compare != cold and spy.calls == 1


def test_a_store_from_before_inodes_were_recorded_keeps_its_analyses(capsys, corpus_dir, monkeypatch):
    cold = run(capsys, "quotes", "--json", corpus_dir)
    gc.collect()
    with sqlite3.connect(store_path([str(corpus_dir)])) as conn:  # the files table as it first was
        conn.executescript(
            "CREATE TABLE old (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, "
            "text_hash TEXT NOT NULL); INSERT INTO old SELECT path, size, mtime_ns, text_hash FROM files; "
            "DROP TABLE files; ALTER TABLE old RENAME TO files;")
    calls = spies(monkeypatch)
    warm = run(capsys, "quotes", "--json", corpus_dir)
    assert warm[1] == cold[1] and "warning" not in warm[2]
    assert {k: s.calls for k, s in calls.items()} == {"entities": 0, "quotes": 0, "timeline": 0}
    with sqlite3.connect(store_path([str(corpus_dir)])) as conn:
        assert conn.execute("SELECT COUNT(*) FROM files WHERE ino = -1").fetchone()[0] == 0


def test_an_unchanged_file_is_not_read_to_check_it(corpus_dir):
    t = time.time_ns() - 3600 * 1_000_000_000
    for p in corpus_dir.iterdir():
        os.utime(p, ns=(t, t))
    analyses_json(index_of(corpus_dir))
    ix = index_of(corpus_dir)
    ix.signatures  # noqa: B018
    assert all(d.__dict__.get("_text_value") is None for d in ix.documents)


def test_a_damaged_part_of_a_kept_output_is_rendered_again(capsys, corpus_dir):
    cold = run(capsys, "quotes", "--json", corpus_dir)
    gc.collect()
    with sqlite3.connect(store_path([str(corpus_dir)])) as conn:
        (key,) = conn.execute("SELECT doc FROM article WHERE analysis = 'parts:quotes' ORDER BY doc DESC").fetchone()
        conn.execute("UPDATE article SET data = CAST('x' || data AS BLOB) WHERE analysis = 'parts:quotes' AND doc = ?",
                     (key,))
    code, warm, err = run(capsys, "quotes", "--json", corpus_dir)
    assert code == 0 and warm == cold[1]
    assert err.count("reader: warning:") == 1 and "rebuilt" in err, err
    assert run(capsys, "quotes", "--json", corpus_dir)[1] == cold[1]


@pytest.mark.parametrize("change", ["add", "edit", "delete"])
def test_after_a_change_every_command_prints_what_a_cold_run_prints(capsys, corpus_dir, change, tmp_path,
                                                                    monkeypatch):
    for argv in COMMANDS:
        run(capsys, *argv, corpus_dir)
    a2 = corpus_dir / "a2.txt"
    if change == "add":
        (corpus_dir / "a4.txt").write_text(
            'date 2024-03-09\n\nHarbour line extended\n\n"We will carry 9,000 passengers a day," said Miriam '
            "Okafor on Saturday.\n", encoding="utf-8")
    elif change == "edit":
        a2.write_text(a2.read_text(encoding="utf-8") + '\n"It opens in May," Okafor said on Friday.\n',
                      encoding="utf-8")
        touch_later(a2)
    else:
        a2.unlink()
    warm = [run(capsys, *argv, corpus_dir) for argv in COMMANDS]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh-cache"))
    cold = [run(capsys, *argv, corpus_dir) for argv in COMMANDS]
    for argv, w, c in zip(COMMANDS, warm, cold):
        if argv[0] != "find":
            assert w == c, argv
        else:  # the sentence index keeps the word counts of passages it deleted until it is rebuilt:
            # after an edit or a deletion the same passages are found, their scores may differ a little
            assert w[0] == c[0] and w[2] == c[2]
            assert _hit_spans(w[1]) == _hit_spans(c[1]), argv


def _hit_spans(out: str) -> list:
    return sorted((h["kind"], h["doc"], h["start"], h["end"], h["text"]) for h in json.loads(out)["hits"])


def test_quotations_streamed_into_the_store_print_as_when_kept_in_memory(capsys, corpus_dir, monkeypatch, tmp_path):
    # the JSON of each article's quotations goes to the store as it is made and is printed from there
    streamed = run(capsys, "quotes", "--json", corpus_dir)
    off = tmp_path / "off.yaml"
    off.write_text("load:\n  cache: false\n", encoding="utf-8")
    in_memory = run(capsys, "quotes", "--json", "--config", off, corpus_dir)
    assert streamed[0] == in_memory[0] == 0 and json.loads(streamed[1])["quotes"]
    assert streamed[1] == in_memory[1]


def test_quotations_a_store_will_not_take_are_still_printed_whole(capsys, corpus_dir, monkeypatch):
    expected = run(capsys, "quotes", "--json", corpus_dir)[1]
    for p in store_path([str(corpus_dir)]).parent.glob("store-*"):
        p.unlink()
    monkeypatch.setattr(Store, "put_parts", lambda self, *a, **k: None)  # a full disk, a busy writer
    code, out, _ = run(capsys, "quotes", "--json", corpus_dir)
    assert code == 0 and out == expected


def test_quotation_matches_kept_as_columns_come_back_the_same():
    from types import SimpleNamespace

    from reader.core.quotes.model import PackedMatches, QuoteMatch
    from reader.core.stored import _decode_matches, _encode_matches

    said = "The bridge will reopen in May."
    rows = [
        [QuoteMatch("b", 10, 40, said, 1.0, "same words", "b:q1"), QuoteMatch("c", 0, 30, said, 0.912, "same words")],
        [],
        [QuoteMatch("a", 5, 61, "Officials said the bridge would open again in spring.", 0.4567, "same claim", None)],
    ]
    quotes = [SimpleNamespace(matches=ms) for ms in rows]
    data = _encode_matches(quotes)
    back = [packed.unpack() for packed in _decode_matches(data)]
    assert back == rows
    assert back[0][0].text is back[0][1].text  # one string for a passage every copy matches
    # matches as the index keeps them (packed) are kept alike, without being unpacked
    packed = [SimpleNamespace(_matches=PackedMatches([m.row() for m in ms]), matches=None) for ms in rows]
    assert _encode_matches(packed) == data


def test_parts_are_cut_by_count_and_by_weight():
    from reader.commands.common import CHUNK, chunk_parts

    n, parts = chunk_parts(list(range(2 * CHUNK + 1)), str)
    parts = list(parts)
    assert n == len(parts) == 3 and [k for k, _ in parts] == ["0", "1", "2"]
    assert ", ".join(t for _, t in parts) == ", ".join(str(i) for i in range(2 * CHUNK + 1))
    # an entity named 50,000 times is a part of its own; light ones share one
    sizes = [50_000, 1, 1, 30_000, 1]
    n, parts = chunk_parts(sizes, str, weight=lambda w: w, budget=20_000)
    assert [t for _, t in parts] == ["50000", "1, 1", "30000", "1"] and n == 4
    assert chunk_parts([], str)[0] == 0


def test_matches_packed_in_columns_read_as_the_matches_they_were():
    from reader.core.quotes.model import PackedMatches, Quote, QuoteMatch

    ms = [QuoteMatch("b", 10, 40, "The bridge will reopen in May.", 0.912, "same words", "b:q1"),
          QuoteMatch("c", 3, 9, "reopen", 0.35, "same claim", None)]
    q = Quote(id="a:q1", doc="a", start=0, end=10, text="x", speaker=None, speaker_entity=None, short=False)
    q._matches = PackedMatches([m.row() for m in ms])
    assert q.matches == ms and len(q._matches) == 2
    assert q.to_json()["matches"] == [m.to_json() for m in ms]


def test_kept_matches_are_read_only_when_first_needed(corpus_dir, monkeypatch):
    run_cold = index_of(corpus_dir)
    expected = [[m.to_json() for m in q.matches] for q in run_cold.quotes.quotes]
    run_cold.persist()
    decoded = Spy(monkeypatch, stored, "_decode_matches")
    ix = index_of(corpus_dir)
    quotes = ix.quotes.quotes
    assert decoded.calls == 0  # the quotations alone (the finder's need) leave the matches unread
    assert [[m.to_json() for m in q.matches] for q in quotes] == expected
    assert decoded.calls == 1


def test_kept_matches_gone_before_they_are_read_are_computed(corpus_dir, monkeypatch):
    run_cold = index_of(corpus_dir)
    expected = [[m.to_json() for m in q.matches] for q in run_cold.quotes.quotes]
    run_cold.persist()
    ix = index_of(corpus_dir)
    quotes = ix.quotes.quotes
    ix.store.drop_corpus("quote_matches")  # say, `reader cache clear` in another process
    assert [[m.to_json() for m in q.matches] for q in quotes] == expected
