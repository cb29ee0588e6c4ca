"""`reader docs --json`: the contract, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys

from reader.cli import main
from tests.conftest import SEEDS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_docs_json_contract(capsys):
    code, out, _ = run(capsys, "docs", "--json", str(SEEDS))
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"documents", "errors"}
    assert [d["id"] for d in data["documents"]] == ["000_dcdabc9cd42fd5c7", "002_3ad7c57d0e97eb6f"]
    for d in data["documents"]:
        assert set(d) >= {"id", "path", "title", "date", "source", "chars", "sentences", "paragraphs"}
    first = data["documents"][0]
    assert first["date"] == "2022-01-07" and first["chars"] == 4914 and first["sentences"] > 30


def test_docs_errors_are_listed_and_exit_2_without_articles(capsys, tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    code, out, _ = run(capsys, "docs", "--json", str(tmp_path / "x.pdf"), str(tmp_path / "missing"))
    assert code == 2
    data = json.loads(out)
    assert data["documents"] == [] and len(data["errors"]) == 2


def test_bad_arguments_exit_2(capsys):
    try:
        code = main(["docs", "--bogus"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2


def test_bad_config_is_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("ui:\n  reflow: maybe\n")
    proc = subprocess.run([sys.executable, "-m", "reader", "docs", "--config", str(bad), str(SEEDS)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "ui.reflow" in proc.stderr


def test_version_and_help():
    proc = subprocess.run([sys.executable, "-m", "reader", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("reader ")
    proc = subprocess.run([sys.executable, "-m", "reader", "docs", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "--json" in proc.stdout



def test_a_folder_never_opened_is_read_by_two_processes_once(capsys, tmp_path, monkeypatch):
    from reader.core import readahead

    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"date 2024-03-0{i + 1}\n\nThe ferry to Lindholm ran again, day {i}.\n",
                                            encoding="utf-8")
    asked: list[float] = []
    real = readahead.ReadAhead.start

    def start(paths, options, share=readahead.CHILD_SHARE):
        asked.append(share)
        return real(paths, options, share)

    monkeypatch.setattr(readahead.ReadAhead, "start", start)
    cold = run(capsys, "docs", "--json", str(tmp_path))
    warm = run(capsys, "docs", "--json", str(tmp_path))
    assert asked == [0.5]  # the second run lists the folder from the cache
    assert cold == warm
