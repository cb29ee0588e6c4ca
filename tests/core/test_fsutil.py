from __future__ import annotations

import os
import stat
import threading
import time

import pytest

from reader.core import fsutil


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _temps(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_new_file_gets_the_umask_mode_and_private_files_stay_private(tmp_path):
    umask = os.umask(0o022)
    try:
        fsutil.atomic_write(tmp_path / "sub" / "plain.txt", b"a")
        fsutil.atomic_write(tmp_path / "private.json", b"b", mode=fsutil.PRIVATE)
    finally:
        os.umask(umask)
    assert (tmp_path / "sub" / "plain.txt").read_bytes() == b"a"
    assert _mode(tmp_path / "sub" / "plain.txt") == 0o644
    assert _mode(tmp_path / "private.json") == 0o600
    assert _temps(tmp_path) == [] and _temps(tmp_path / "sub") == []


def test_an_existing_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "notes.yaml"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    fsutil.atomic_write(path, b"new", mode=fsutil.PRIVATE)
    assert path.read_bytes() == b"new" and _mode(path) == 0o640


def test_backup_keeps_the_previous_version_only_when_asked(tmp_path):
    path = tmp_path / "a.yaml"
    fsutil.atomic_write(path, b"one", backup=True)
    assert not fsutil.backup_path(path).exists()  # nothing to keep yet
    fsutil.atomic_write(path, b"two", backup=True)
    assert fsutil.backup_path(path).read_bytes() == b"one"
    fsutil.atomic_write(path, b"three")
    assert fsutil.backup_path(path).read_bytes() == b"one"
    assert path.read_bytes() == b"three"


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path):
    target = tmp_path / "real" / "state.json"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "state.json"
    link.symlink_to(target)
    fsutil.atomic_write(link, b"new", durable=False)
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert fsutil.real_target(link) == target.resolve()


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_bytes(b"old")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        fsutil.atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
    assert _temps(tmp_path) == []


def test_remove_stale_temps_clears_only_this_files_temps(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x")
    (tmp_path / ".a.yaml.0badc0ffee00.tmp").write_bytes(b"half")
    (tmp_path / ".b.yaml.0badc0ffee00.tmp").write_bytes(b"someone else's")
    fsutil.remove_stale_temps(path)
    assert _temps(tmp_path) == [".b.yaml.0badc0ffee00.tmp"]
    assert path.read_bytes() == b"x"


# --- the lock ------------------------------------------------------------------

class Busy(Exception):
    pass


def test_a_held_lock_makes_the_second_taker_wait_then_raise_its_own_error(tmp_path):
    lock = tmp_path / "sub" / "x.lock"
    with fsutil.exclusive_lock(lock, 1.0, Busy):
        t0 = time.monotonic()
        with pytest.raises(Busy):
            with fsutil.exclusive_lock(lock, 0.2, Busy):
                pass
        assert time.monotonic() - t0 >= 0.2
    with fsutil.exclusive_lock(lock, 0.0, Busy):  # released: taken at once
        pass


def test_the_lock_is_released_when_the_body_raises(tmp_path):
    lock = tmp_path / "x.lock"
    with pytest.raises(ValueError):
        with fsutil.exclusive_lock(lock, 1.0, Busy):
            raise ValueError("boom")
    with fsutil.exclusive_lock(lock, 0.0, Busy):
        pass


def test_a_waiter_gets_the_lock_once_the_holder_lets_go(tmp_path):
    lock = tmp_path / "x.lock"
    order: list[str] = []
    held = threading.Event()

    def holder():
        with fsutil.exclusive_lock(lock, 1.0, Busy):
            held.set()
            time.sleep(0.2)
            order.append("holder done")

    t = threading.Thread(target=holder)
    t.start()
    held.wait(5)
    with fsutil.exclusive_lock(lock, 5.0, Busy):
        order.append("waiter in")
    t.join()
    assert order == ["holder done", "waiter in"]


def test_callers_keep_their_error_types_and_messages(tmp_path):
    from reader.core.annotations import fileops
    from reader.core.search import store

    notes = tmp_path / "annotations.yaml"
    with fileops.locked(notes):
        assert fileops.lock_path(notes).name == ".annotations.yaml.lock"
        with pytest.raises(fileops.LockTimeout, match="another program has held the annotations lock for 0 s"):
            with fileops.locked(notes, timeout=0.05):
                pass
    folder = tmp_path / "search" / "0123456789abcdef"
    with store._folder_lock(folder):
        assert (folder.parent / "0123456789abcdef.lock").exists()
        with pytest.raises(TimeoutError, match="another process is indexing"):
            with store._folder_lock(folder, wait=0.05):
                pass
