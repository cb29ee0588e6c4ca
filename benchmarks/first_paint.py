#!/usr/bin/env python3
"""The first article on screen: the installed app in a real terminal, cold and warm, against hello world.

Usage: benchmarks/first_paint.py [--docs N | PATH] [--jsonl FILE] [--repeat R] [--size 120x36] [--keep DIR]
       [--fill cli|none]
Runs `python -m reader CORPUS` inside a private tmux server, as a user would start it, and reads the terminal
(`tmux capture-pane`) every few milliseconds until a word of the first article's body (not of its title, not
of any title the list shows) is on screen; then presses q. A hello-world Textual app is measured the same way
in the same run, so a loaded machine shows in both. Prints one JSON object:
- `hello_world`: {wall, cpu} until "Hello, world" is on screen (median of R runs, and each run);
- `cold`: the app with an empty cache folder (no article cache, no analysis store): wall and CPU until the
  first article's text is on screen, and until the list says how many articles there are (`list_s`);
- `warm`: the same reopened R times, with what the cold runs left in the cache (with `--fill cli` also every
  analysis: `reader entities / quotes / timeline --json` run once, as a long previous session leaves them);
- per run `quit_s` (q pressed until the process ended) and `cpu_total` (user + system of the whole process,
  its threads and any worker processes, up to its end);
- `ratio_cold`, `ratio_warm` (first paint over hello world), `targets` (<= 1.5 s and <= 3x), `load_average`.
The page cache is not dropped (that needs root): "cold" means reader's own caches are empty.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._corpus import corpus_from_args, emit  # noqa: E402

HELLO = textwrap.dedent('''
    from textual.app import App
    from textual.widgets import Static


    class Hello(App):
        BINDINGS = [("q", "quit", "Quit")]

        def compose(self):
            yield Static("Hello, world")


    Hello().run()
''')

# Runs the measured command as its child with the terminal inherited, and writes the child's pid at once and
# its resource usage (its own and that of the processes it waited for) when it ends.
WRAPPER = textwrap.dedent('''
    import json, os, subprocess, sys, time
    out = sys.argv[1]
    proc = subprocess.Popen(sys.argv[2:])
    with open(out + ".pid", "w") as fh:
        fh.write(str(proc.pid))
    _, status, usage = os.wait4(proc.pid, 0)
    with open(out + ".tmp", "w") as fh:
        json.dump({"cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
                   "status": status, "ended": time.time()}, fh)
    os.replace(out + ".tmp", out)
''')

TICKS = os.sysconf("SC_CLK_TCK")


class Terminal:
    """A private tmux server; one window at a time runs the command measured."""

    def __init__(self, work: Path, width: int, height: int):
        self.socket = str(work / "tmux.sock")
        self.width, self.height = width, height
        # a session that stays, so each measured start finds the server running (as a user's terminal is)
        self.tmux("new-session", "-d", "-s", "keep", "-x", str(width), "-y", str(height), "sleep 100000")

    def tmux(self, *args: str, check: bool = True) -> str:
        return subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True,
                              check=check).stdout

    def start(self, name: str, argv: list[str], env: dict) -> None:
        envs = [x for k, v in env.items() if k.startswith(("XDG_", "READER")) for x in ("-e", f"{k}={v}")]
        self.tmux("new-session", "-d", "-s", name, "-x", str(self.width), "-y", str(self.height), *envs,
                  "--", *argv)

    def screen(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name, check=False)

    def keys(self, name: str, *keys: str) -> None:
        self.tmux("send-keys", "-t", name, *keys, check=False)

    def kill(self, name: str) -> None:
        self.tmux("kill-session", "-t", name, check=False)

    def close(self) -> None:
        self.tmux("kill-server", check=False)


def tree_cpu(pid: int) -> float:
    """User + system seconds so far of ``pid``, its threads and its descendants, those that have ended and
    been waited for included."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15]) / TICKS  # utime, stime, cutime, cstime
    return total


def measure(term: Terminal, argv: list[str], env: dict, marker: re.Pattern, work: Path, timeout: float,
            later: dict[str, re.Pattern] | None = None, quit_timeout: float = 20.0) -> dict:
    """Start ``argv`` in a fresh terminal; seconds until ``marker`` is on screen (and each of ``later``)."""
    name = f"run{time.monotonic_ns()}"
    stat = work / f"{name}.json"
    wrapper = work / "wrapper.py"
    t0 = time.perf_counter()
    term.start(name, [sys.executable, str(wrapper), str(stat), *argv], env)
    result: dict = {}
    pending = dict(later or {})
    pid = None
    while time.perf_counter() - t0 < timeout:
        screen = term.screen(name)
        now = time.perf_counter() - t0
        if pid is None and Path(f"{stat}.pid").exists():
            pid = int(Path(f"{stat}.pid").read_text() or 0) or None
        if "wall" not in result and marker.search(screen):
            result["wall"] = round(now, 3)
            result["cpu"] = round(tree_cpu(pid), 3) if pid else None
        for key, pattern in list(pending.items()):
            if pattern.search(screen):
                result[key] = round(now, 3)
                del pending[key]
        if "wall" in result and not pending:
            break
        time.sleep(0.01)
    if "wall" not in result:
        result["wall"] = None
        result["screen"] = term.screen(name)[-2000:]
    asked = time.perf_counter()
    term.keys(name, "q")
    while not stat.exists() and time.perf_counter() - asked < quit_timeout:
        time.sleep(0.02)
    if stat.exists():
        usage = json.loads(stat.read_text())
        result["quit_s"] = round(time.perf_counter() - asked, 3)
        result["cpu_total"] = round(usage["cpu"], 3)
        result["rss_mb"] = round(usage["rss_mb"], 1)
    else:
        result["quit_s"] = None  # still running after the timeout: killed
    term.kill(name)
    return result


def summary(runs: list[dict]) -> dict:
    walls = [r["wall"] for r in runs if r.get("wall") is not None]
    cpus = [r["cpu"] for r in runs if r.get("cpu") is not None]
    out = {"wall": round(statistics.median(walls), 3) if walls else None,
           "cpu": round(statistics.median(cpus), 3) if cpus else None}
    lists = [r["list_s"] for r in runs if r.get("list_s") is not None]
    if lists:
        out["list_s"] = round(statistics.median(lists), 3)
    out["runs"] = runs
    return out


def first_article(corpus: Path) -> tuple[str, str]:
    """The id of the article the app opens first (the list's first: by date, then title) and a word of its
    body that no title in the first screenfuls of the list contains."""
    from reader.core.loader import LoadOptions, load_paths, sort_key

    docs = sorted(load_paths([str(corpus)], LoadOptions(cache=False)).documents, key=sort_key)
    first = docs[0]
    shown = " ".join(f"{d.title} {d.source or ''} {d.path.name}" for d in docs[:60]).lower()
    body = first.text[first.text.find(first.title[-20:]) + 20 if first.title[-20:] in first.text else 0:]
    for word in re.findall(r"[A-Za-z]{7,}", body[:600]):
        if word.lower() not in shown:
            return first.id, word
    sys.exit(f"benchmark: no word of {first.id}'s first lines tells it apart from the titles listed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="a corpus folder (default: generate one)")
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--jsonl", help="JSONL texts to generate the corpus from")
    ap.add_argument("--repeat", type=int, default=3, help="warm and hello-world runs (median; default 3)")
    ap.add_argument("--cold", type=int, default=1, help="cold runs (each with an empty cache; default 1)")
    ap.add_argument("--size", default="120x36", help="terminal columns x rows (default 120x36)")
    ap.add_argument("--fill", choices=("cli", "none"), default="none",
                    help="before the warm runs: keep only what the cold app runs left (default), or every "
                         "analysis, run once with the CLI")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the first article")
    ap.add_argument("--quit-timeout", type=float, default=20.0, help="seconds to wait for q to end the app")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR (kept) instead of a temporary folder")
    a = ap.parse_args()
    width, height = (int(x) for x in a.size.lower().split("x"))
    source, _ = corpus_from_args(a.path, a.docs, a.jsonl)
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="reader-bench-paint-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    shutil.copytree(source, corpus)
    (work / "wrapper.py").write_text(WRAPPER, encoding="utf-8")
    (work / "hello.py").write_text(HELLO, encoding="utf-8")
    cache, state = work / "cache", work / "state"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), XDG_CONFIG_HOME=str(work / "config"),
               XDG_STATE_HOME=str(state))
    doc_id, word = first_article(corpus)
    marker = re.compile(rf"\b{re.escape(word)}\b")
    n_docs = sum(1 for _ in corpus.iterdir())
    later = {"list_s": re.compile(rf"\b{n_docs:,} articles?\b|\b{n_docs} articles?\b")}
    reader = [sys.executable, "-m", "reader", str(corpus)]
    hello = [sys.executable, str(work / "hello.py")]
    result: dict = {"n_docs": n_docs, "bytes": sum(p.stat().st_size for p in corpus.iterdir()),
                    "terminal": a.size, "first_article": doc_id, "marker": word,
                    "command": " ".join(["python -m reader", "CORPUS"])}
    term = Terminal(work, width, height)
    try:
        hello_runs = [measure(term, hello, env, re.compile(r"Hello, world"), work, a.timeout, quit_timeout=a.quit_timeout)
                      for _ in range(a.repeat)]
        cold_runs = []
        for _ in range(a.cold):
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(state, ignore_errors=True)
            cold_runs.append(measure(term, reader, env, marker, work, a.timeout, later, a.quit_timeout))
        if a.fill == "cli":
            t0 = time.perf_counter()
            for cmd in ("entities", "quotes", "timeline"):
                subprocess.run([sys.executable, "-m", "reader", cmd, "--json", str(corpus)], env=env, check=True,
                               stdout=subprocess.DEVNULL)
            result["fill_s"] = round(time.perf_counter() - t0, 1)
        warm_runs = [measure(term, reader, env, marker, work, a.timeout, later, a.quit_timeout) for _ in range(a.repeat)]
        hello_runs += [measure(term, hello, env, re.compile(r"Hello, world"), work, a.timeout, quit_timeout=a.quit_timeout)]
    finally:
        term.close()
    result["hello_world"] = summary(hello_runs)
    result["cold"] = summary(cold_runs)
    result["warm"] = summary(warm_runs)
    base = result["hello_world"]["wall"]
    for key in ("cold", "warm"):
        wall = result[key]["wall"]
        result[f"ratio_{key}"] = round(wall / base, 2) if wall and base else None
    result["targets"] = {
        key: {"value": result[key]["wall"], "target_s": 1.5, "ratio": result[f"ratio_{key}"], "target_ratio": 3.0,
              "met": bool(result[key]["wall"] and result[key]["wall"] <= 1.5 and result[f"ratio_{key}"] <= 3.0)}
        for key in ("cold", "warm")}
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    emit(result)


if __name__ == "__main__":
    main()
