"""Every test runs with its own config, state and cache folders: a developer's
own settings never leak in, and tests never write to the real home."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("xdg")
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        (base / var).mkdir()
        monkeypatch.setenv(var, str(base / var))
    monkeypatch.delenv("READER_CONFIG", raising=False)
    return base


@pytest.fixture
def seeds_dir(tmp_path) -> Path:
    """A private copy of the seeds, so tests may write annotations beside them."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest
