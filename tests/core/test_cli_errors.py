"""Every command's JSON lists the articles it could not load in one shape."""

from __future__ import annotations

import json
import shutil

import pytest

from reader.cli import main
from tests.conftest import SEEDS

ONE_SEED = sorted(SEEDS.glob("*.txt"))[0]
COMMANDS = [["docs"], ["entities"], ["quotes"], ["compare"], ["timeline", "--no-entities"], ["find", "Almaty"], ["notes"]]


def _errors(capsys, argv: list[str], *paths) -> list[dict]:
    main([argv[0], "--json", *argv[1:], *map(str, paths)])
    errors = json.loads(capsys.readouterr().out)["errors"]
    return sorted(errors, key=lambda e: e["path"])


def _unloadable(folder):
    (folder / "scan.txt").write_bytes(b"abc\x00def")
    missing = folder / "missing.txt"
    expected = [
        {"path": str(missing), "error": "no such file or folder"},
        {"path": str(folder / "scan.txt"), "error": "binary file (contains NUL bytes)"},
    ]
    return missing, expected


@pytest.mark.parametrize("argv", [c for c in COMMANDS if c[0] != "find"])  # find lists hits only
def test_unloadable_articles_are_listed_alike_beside_loaded_ones(capsys, tmp_path, argv):
    shutil.copy(ONE_SEED, tmp_path / ONE_SEED.name)
    missing, expected = _unloadable(tmp_path)
    assert _errors(capsys, argv, tmp_path, missing) == expected


@pytest.mark.parametrize("argv", COMMANDS)
def test_unloadable_articles_are_listed_alike_when_none_loads(capsys, tmp_path, argv):
    missing, expected = _unloadable(tmp_path)
    assert _errors(capsys, argv, tmp_path, missing) == expected
