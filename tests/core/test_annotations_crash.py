"""Crash safety and concurrent writers, with real processes.

A writer killed by SIGKILL at a random moment of a save must leave the file
as one complete version; two processes adding at the same time must both be
in the file afterwards.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from reader.core.annotations import AnnotationStore
from reader.core.loader import LoadOptions, load_paths

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "annotations" / "articles"
ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

# A writer: opens the store, adds COUNT annotations one by one (each add is a
# locked, merging save), and prints the number of entries it has seen saved.
WRITER = textwrap.dedent(
    """
    import sys
    from reader.core.annotations import AnnotationStore
    from reader.core.loader import LoadOptions, load_paths
    notes, articles, name, count, note_size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    corpus = load_paths([articles], LoadOptions())
    doc = corpus.get("summit")
    store = AnnotationStore.open(notes, corpus.documents)
    assert not store.read_only, store.problem
    for i in range(count):
        store.add_quote(doc, "the talks", occurrence=1 + i % 2, tags=[name], note=f"{name} {i} " + "x" * note_size)
        if not store.last_save.ok:
            print("FAILED", store.last_save.message, flush=True)
            sys.exit(1)
        print(len(store.all()), flush=True)
    """
)


def _writer(notes: Path, name: str, count: int, note_size: int = 0) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(notes), str(FIX), name, str(count), str(note_size)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )


def _entries(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["annotations"]


def test_two_concurrent_writers_adding_100_each_end_with_all_200(tmp_path):
    notes = tmp_path / "annotations.yaml"
    procs = [_writer(notes, name, 100) for name in ("alpha", "beta")]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err + out
    entries = _entries(notes)
    assert len(entries) == 200 and len({e["id"] for e in entries}) == 200
    by_writer = {"alpha": set(), "beta": set()}
    for e in entries:
        (tag,) = e["tags"]
        by_writer[tag].add(int(e["note"].split()[1]))
    assert by_writer == {"alpha": set(range(100)), "beta": set(range(100))}
    corpus = load_paths([FIX], LoadOptions())
    store = AnnotationStore.open(notes, corpus.documents)
    assert len(store.all()) == 200 and all(a.status == "anchored" for a in store.all())


# An editor: rewrites the note of one annotation again and again (each version
# numbered, megabytes long so that writing takes a while) and prints each
# version number once it is saved.
EDITOR = textwrap.dedent(
    """
    import sys
    from reader.core.annotations import AnnotationStore
    from reader.core.loader import LoadOptions, load_paths
    notes, articles, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    corpus = load_paths([articles], LoadOptions())
    store = AnnotationStore.open(notes, corpus.documents)
    assert not store.read_only, store.problem
    (a,) = store.all() or [store.add_quote(corpus.get("summit"), "Geneva")]
    k = int(a.note.split()[0]) if a.note else 0
    while True:
        k += 1
        store.edit(a.id, note=f"{k} " + "x" * size)
        if not store.last_save.ok:
            print("FAILED", store.last_save.message, flush=True)
            sys.exit(1)
        print(k, flush=True)
    """
)
NOTE_SIZE = 2_000_000


def _version(path: Path) -> int:
    (entry,) = _entries(path)
    if not entry["note"]:
        return 0  # the first save, before any edit
    number, body = entry["note"].split(" ")
    assert body == "x" * NOTE_SIZE, "torn note"
    return int(number)


def test_sigkill_mid_save_leaves_the_old_or_the_new_file(tmp_path):
    notes = tmp_path / "annotations.yaml"
    rng = random.Random(1234)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    mid_write_kills = 0
    for round_ in range(6):
        proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(notes), str(FIX), str(NOTE_SIZE)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        line = proc.stdout.readline()  # one save done: the file exists
        assert line.strip().isdigit(), line + proc.stderr.read()
        if round_ % 2 == 1:  # the last round too, so its temp file is still there below
            # Kill the moment a temp file shows up: the writer is inside atomic_write.
            deadline = time.monotonic() + 30
            while not any(n.endswith(".tmp") for n in os.listdir(tmp_path)) and time.monotonic() < deadline:
                pass
            mid_write_kills += time.monotonic() < deadline
        else:
            until = time.monotonic() + rng.uniform(0.0, 0.5)  # anywhere in the save cycle
            while time.monotonic() < until:
                pass
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        last_saved = int((line + out).split()[-1])
        # One complete version: the last one reported saved, or the one being written.
        assert _version(notes) in (last_saved, last_saved + 1)
        bak = notes.with_name("annotations.yaml.bak")
        if bak.exists():
            assert _version(bak) <= _version(notes)
    assert mid_write_kills == 3
    # The next writer removes the temp files killed ones left behind, and carries on.
    before = _version(notes)
    # Temp files of killed writers (a kill can also land just after the rename,
    # so one is planted too: the cleanup is then tested either way).
    planted = tmp_path / ".annotations.yaml.0badc0ffee00.tmp"
    planted.write_bytes(b"half a file")
    stale = {n for n in os.listdir(tmp_path) if n.endswith(".tmp")}
    proc = subprocess.Popen([sys.executable, "-c", EDITOR, str(notes), str(FIX), str(NOTE_SIZE)],
                            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert int(proc.stdout.readline()) == before + 1
    proc.kill()
    proc.communicate(timeout=60)
    assert _version(notes) >= before + 1
    assert stale.isdisjoint(os.listdir(tmp_path))
