from __future__ import annotations

from pathlib import Path

import pytest

from reader import config
from reader.core import cache, dirs, state
from reader.core.search import store


def test_each_folder_is_reader_under_its_xdg_variable(tmp_path, monkeypatch):
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var))
    assert dirs.config_dir() == tmp_path / "XDG_CONFIG_HOME" / "reader"
    assert dirs.state_dir() == tmp_path / "XDG_STATE_HOME" / "reader"
    assert dirs.cache_dir() == tmp_path / "XDG_CACHE_HOME" / "reader"
    # what each user of them derives
    assert state.StateStore().path == tmp_path / "XDG_STATE_HOME" / "reader" / "state.json"
    assert cache.corpus_cache_path(["/x"], "docs").parent == tmp_path / "XDG_CACHE_HOME" / "reader"
    assert store.cache_root() == tmp_path / "XDG_CACHE_HOME" / "reader" / "search"
    (tmp_path / "XDG_CONFIG_HOME" / "reader").mkdir(parents=True)
    (tmp_path / "XDG_CONFIG_HOME" / "reader" / "config.yaml").write_text("ui: {}\n")
    assert config.resolve_path() == tmp_path / "XDG_CONFIG_HOME" / "reader" / "config.yaml"


@pytest.mark.parametrize("value", [None, ""])
def test_unset_or_empty_means_the_default_under_home(tmp_path, monkeypatch, value):
    monkeypatch.setenv("HOME", str(tmp_path))
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        if value is None:
            monkeypatch.delenv(var, raising=False)
        else:
            monkeypatch.setenv(var, value)
    assert dirs.config_dir() == tmp_path / ".config" / "reader"
    assert dirs.state_dir() == tmp_path / ".local" / "state" / "reader"
    assert dirs.cache_dir() == tmp_path / ".cache" / "reader"


def test_corpus_key_is_stable_and_ignores_order_and_links(tmp_path):
    # The value saved state and caches were written under: it must not change.
    assert dirs.corpus_key(["/nonexistent/b", "/nonexistent/a"]) == "5dcd340fef4bb7cf"
    real = tmp_path / "articles"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    assert dirs.corpus_key([str(tmp_path / "link")]) == dirs.corpus_key([str(real)])
    assert Path(cache.corpus_cache_path([str(real)], "docs")).name == f"docs-{dirs.corpus_key([str(real)])}.pickle"


def test_a_place_written_on_the_move_skips_the_fsync(tmp_path, monkeypatch):
    import os

    from reader.core.state import StateStore

    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real(fd))
    store = StateStore(tmp_path / "state.json")
    store.put(["/news"], "a1", 120, durable=False)
    assert synced == [] and store.get(["/news"])["offset"] == 120
    store.put(["/news"], "a2", 0)  # at quit: durable
    assert synced and store.get(["/news"])["doc"] == "a2"
