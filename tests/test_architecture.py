"""The shape of the code: imports run one way, the core knows nothing of the
terminal, modules stay small enough to read.

Every import counts, lazy ones inside functions and ``TYPE_CHECKING`` ones
included: a cycle hidden in a function is still two modules that cannot be
understood apart.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 500
UI_PACKAGES = ("textual", "rich")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(package: Path) -> dict[str, Path]:
    root = package.parent
    return {module_name(p, root): p for p in sorted(package.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> tuple[set[str], set[str]]:
    """(modules of the package this one imports, top-level names of outside packages it imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    inside: set[str] = set()
    outside: set[str] = set()

    def add(target: str) -> None:
        # "from .a import b" may name module a.b or a name defined in a
        if target in known:
            inside.add(target)
        elif target.rsplit(".", 1)[0] in known:
            inside.add(target.rsplit(".", 1)[0])
        elif target:
            outside.add(target.split(".")[0])

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            for alias in node.names:
                add(f"{prefix}.{alias.name}" if prefix else alias.name)
    inside.discard(name)
    return inside, outside


def graph(package: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    mods = modules(package)
    known = set(mods)
    edges: dict[str, set[str]] = {}
    external: dict[str, set[str]] = {}
    for name, path in mods.items():
        edges[name], external[name] = imports_of(name, path, known)
    return edges, external


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)


# --- the checker itself can fail ----------------------------------------------------

def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return tmp_path / "pkg"


def test_the_checker_finds_a_cycle_hidden_in_a_function_or_type_checking(tmp_path):
    pkg = _package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from .b import thing\n",
        "pkg/b.py": "def f():\n    from . import c\n",
        "pkg/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import x\n",
        "pkg/sub/__init__.py": "from ..d import y\n",
        "pkg/d.py": "import os\n",
    })
    edges, external = graph(pkg)
    assert cycles(edges) == [["pkg.a", "pkg.b", "pkg.c"]]
    assert edges["pkg.sub"] == {"pkg.d"}
    assert "typing" in external["pkg.c"] and "os" in external["pkg.d"]


def test_the_checker_passes_a_package_that_runs_one_way(tmp_path):
    pkg = _package(tmp_path, {"pkg/__init__.py": "", "pkg/a.py": "from . import b\n", "pkg/b.py": "x = 1\n"})
    assert cycles(graph(pkg)[0]) == []


# --- reader --------------------------------------------------------------------------

EDGES, EXTERNAL = graph(ROOT / "reader")


def test_reader_has_no_import_cycle():
    found = cycles(EDGES)
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_the_core_imports_no_terminal_library():
    offenders = {m: sorted(EXTERNAL[m] & set(UI_PACKAGES)) for m in EXTERNAL if m.startswith("reader.core")}
    assert not {m: v for m, v in offenders.items() if v}
    core_into_faces = {m: sorted(d for d in EDGES[m] if d.startswith(("reader.tui", "reader.commands", "reader.cli")))
                       for m in EDGES if m.startswith("reader.core")}
    assert not {m: v for m, v in core_into_faces.items() if v}


def test_only_the_entry_point_imports_the_app():
    importers = sorted(m for m, deps in EDGES.items() if "reader.tui.app" in deps)
    assert importers == ["reader.tui.launch"]


@pytest.mark.parametrize("name", sorted(modules(ROOT / "reader")))
def test_modules_stay_under_the_size_limit(name):
    path = modules(ROOT / "reader")[name]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines (limit {MAX_LINES}): split it"


def test_the_app_is_what_its_screens_take_it_for():
    from reader.tui.app import ReaderApp
    from reader.tui.host import ReaderHost

    app = ReaderApp(["."])
    attributes = set(ReaderHost.__annotations__)
    members = {n for n in vars(ReaderHost) if not n.startswith("_")} - attributes
    assert all(callable(getattr(ReaderApp, n, None)) or isinstance(getattr(ReaderApp, n, None), property)
               for n in members), sorted(n for n in members if not hasattr(ReaderApp, n))
    assert attributes <= set(vars(app)), sorted(attributes - set(vars(app)))
