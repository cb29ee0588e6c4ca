"""`reader add`: the JSON contract, exit codes, standard input, the summary
and the progress bar."""

from __future__ import annotations

import io
import json
from pathlib import Path

from reader.cli import main
from reader.commands.add import ProgressBar
from reader.core.ingest.add import Progress
from tests.web_server import web  # noqa: F401 - the fixture

ADDED_KEYS = ["input", "path", "url", "title", "date", "source", "author", "chars", "status", "duplicate_of"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys, web, tmp_path):
    code, out, err = run(capsys, "add", "--json", "--into", str(tmp_path),
                         web.url("/article.html"), web.url("/wire_a.html"), web.url("/wire_b.html"),
                         web.url("/missing.html"))
    assert code == 0 and err == ""  # no progress bar in JSON mode
    data = json.loads(out)
    assert list(data) == ["added", "errors"]
    assert [list(a) for a in data["added"]] == [ADDED_KEYS] * 3
    first, wire_a, wire_b = data["added"]
    assert first == {
        "input": web.url("/article.html"),
        "path": str(tmp_path / "2025-04-09-northshore-herald-tram-line-to-kessvik-airport-opens-two-years.md"),
        "url": web.url("/news/2025/04/tram-line-opens"),
        "title": "Tram line to Kessvik airport opens two years late",
        "date": "2025-04-09", "source": "Northshore Herald", "author": "Jonas Aldrup",
        "chars": first["chars"], "status": "new", "duplicate_of": None,
    }
    assert isinstance(first["chars"], int) and first["chars"] > 800
    assert (wire_b["status"], wire_b["duplicate_of"]) == ("duplicate", wire_a["path"])
    assert data["errors"] == [{"input": web.url("/missing.html"), "error": "HTTP 404 Not Found"}]
    # the file is an article for every other command
    code, out, _ = run(capsys, "docs", "--json", str(tmp_path))
    docs = json.loads(out)["documents"]
    assert code == 0 and {d["source"] for d in docs} == {"Northshore Herald", "Coastal Times"}


def test_exit_2_when_nothing_was_added(capsys, web, tmp_path):
    code, out, _ = run(capsys, "add", "--json", "--into", str(tmp_path), web.url("/missing.html"))
    assert code == 2 and json.loads(out) == {"added": [], "errors": [{"input": web.url("/missing.html"),
                                                                       "error": "HTTP 404 Not Found"}]}
    # duplicates alone add nothing either
    run(capsys, "add", "--json", "--into", str(tmp_path), web.url("/wire_a.html"))
    code, out, _ = run(capsys, "add", "--json", "--into", str(tmp_path), web.url("/wire_b.html"))
    assert code == 2 and json.loads(out)["added"][0]["status"] == "duplicate"
    # unchanged is a success: the article is there
    code, out, _ = run(capsys, "add", "--json", "--into", str(tmp_path), web.url("/wire_a.html"))
    assert code == 0 and json.loads(out)["added"][0]["status"] == "unchanged"


def test_inputs_from_standard_input(capsys, web, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{web.url('/entry1.html')}\n\n{web.url('/entry2.html')}\n"))
    code, out, _ = run(capsys, "add", "--json", "--into", str(tmp_path), "-")
    assert code == 0 and [a["input"] for a in json.loads(out)["added"]] == [web.url("/entry1.html"),
                                                                           web.url("/entry2.html")]


def test_timeout_option_and_config(capsys, web, tmp_path):
    code, out, _ = run(capsys, "add", "--json", "--timeout", "0.3", "--into", str(tmp_path), web.url("/slow.html"))
    assert code == 2 and json.loads(out)["errors"][0]["error"] == "timed out after 0.3 s waiting for 127.0.0.1"
    cfg = tmp_path / "c.yaml"
    cfg.write_text("ingest:\n  timeout: 0.2\n")
    code, out, _ = run(capsys, "add", "--json", "--config", str(cfg), "--into", str(tmp_path), web.url("/slow.html"))
    assert json.loads(out)["errors"][0]["error"] == "timed out after 0.2 s waiting for 127.0.0.1"
    code, _, err = run(capsys, "add", "--timeout", "0", web.url("/slow.html"))
    assert code == 2 and "--timeout must be more than 0" in err


def test_default_folder_is_the_current_one(capsys, web, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "add", "--json", web.url("/entry3.html"))
    path = json.loads(out)["added"][0]["path"]
    assert code == 0 and not Path(path).is_absolute() and (tmp_path / path).is_file()


def test_summary_table_without_json(capsys, web, tmp_path):
    code, out, err = run(capsys, "add", "--into", str(tmp_path), web.url("/entry1.html"), web.url("/image.png"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["status", "date", "source", "file", "·", "title"]
    assert lines[1].startswith("new") and "2025-03-02" in lines[1] and "Westbay Courier" in lines[1]
    assert "Library reopens after a year of repairs" in lines[1]
    assert f"  {web.url('/image.png')}: not an HTML page (image/png)" in lines
    assert lines[-1] == "1 new, 1 failed"
    assert err == ""  # standard error is not a terminal here: no bar drawn


def test_page_text_cannot_drive_the_terminal(capsys, web, tmp_path):
    from tests.web_server import Route

    page = web.page("entry2.html").replace(b"Fishing quota", b"Fishing \x1b[2J quota")
    web.routes["/evil.html"] = Route(body=page, headers={"Content-Type": "text/html"})
    run(capsys, "add", "--into", str(tmp_path), web.url("/evil.html"))
    out = capsys.readouterr().out
    assert "\x1b" not in out


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_shows_count_host_and_failures():
    stream = _Tty()
    bar = ProgressBar(stream, width=80)
    bar.update(Progress(done=2, total=5, host="news.example", failures=1))
    line = stream.getvalue()
    assert line.startswith("\r\x1b[K[") and " 2/5 · 1 failed · news.example" in line
    assert len(line) - 4 < 80
    bar.close()
    narrow = ProgressBar(_Tty(), width=20).render(Progress(1, 3, "a-very-long-host-name.example", 0))
    assert len(narrow) < 20 and narrow.startswith("[")
