from __future__ import annotations

import os
import stat

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
