"""The installed `reader` in a real terminal (tmux): what a user sees and types."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed: no real terminal to drive")


def reader_command() -> str:
    exe = shutil.which("reader")
    if exe is None:
        pytest.skip("the `reader` command is not installed on PATH (run through `make test`)")
    return exe


class Tmux:
    def __init__(self, tmp: Path, width: int = 100, height: int = 30):
        self.name = f"reader-e2e-{uuid.uuid4().hex[:8]}"
        env = dict(os.environ)
        self.env = env
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), "bash --norc --noprofile"],
            check=True, env=env,
        )

    def send(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True, check=True).stdout

    def wait_for(self, needle: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if needle in text:
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} never appeared on screen; last screen:\n{text}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def tmux(tmp_path):
    t = Tmux(tmp_path)
    yield t
    t.close()


def test_reader_opens_seeds_and_quits(tmux, tmp_path, isolated_env):
    exe = reader_command()
    env = " ".join(f"{k}={isolated_env / k}" for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"))
    tmux.send(f"cd {SEEDS.parent} && env {env} TERM=xterm-256color {exe} seeds/; echo READER-EXITED-$?", "Enter")
    screen = tmux.wait_for("Kyrgyzstan's")
    # Both titles in the list, and the first article's header in the article pane.
    assert "Kazakhstan President" in screen
    screen = tmux.wait_for("2022-01-07 · DW · 000_dcdabc9cd42fd5c7")
    tmux.send("]")
    tmux.wait_for("2022-01-08 · source unknown ·")  # the article header, wrapped before its id
    tmux.send("q")
    screen = tmux.wait_for("READER-EXITED-0")
    assert "Traceback" not in screen


def test_a_big_folder_never_opened_opens_on_its_first_article(tmux, tmp_path, isolated_env):
    exe = reader_command()
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(600):  # enough files for the head of the list to be found ahead of the listing
        day = 2 + i % 27
        (folder / f"r{i:03}.txt").write_text(f"date 2023-05-{day:02}\nHarbour report {i}\n\nThe harbour master "
                                             f"said boats were tied up in bay {i}.\n", encoding="utf-8")
    (folder / "r599.txt").write_text("date 2023-05-01\nEarliest word\n\nThe lighthouse keeper Ottoline Varga "
                                     "saw the storm first.\n", encoding="utf-8")
    env = " ".join(f"{k}={isolated_env / k}" for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"))
    tmux.send(f"env {env} TERM=xterm-256color {exe} {folder}; echo READER-EXITED-$?", "Enter")
    tmux.wait_for("Ottoline Varga")  # the first article of the list, by date
    screen = tmux.wait_for("600 articles")
    assert "Earliest word" in screen and "Traceback" not in screen
    tmux.send("q")
    screen = tmux.wait_for("READER-EXITED-0")
    assert "Traceback" not in screen
