"""`reader cache`: what reader keeps of analysed corpora, and clearing it."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from ..core.dirs import cache_dir
from .common import EXIT_OK, emit_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "cache", help="show or clear the analyses kept for corpora",
        description="Show (info) or delete (clear) the derived data reader keeps for corpora under "
                    "$XDG_CACHE_HOME/reader/: the analysis store, the article cache and the search index. "
                    "With PATHS, only the corpus opened with exactly those paths; without, every corpus.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    info = actions.add_parser("info", help="size and entries per analysis of each corpus kept")
    info.add_argument("--json", action="store_true", help="print machine-readable JSON (schema in README)")
    info.add_argument("paths", nargs="*", metavar="PATHS", help="the paths a corpus was opened with")
    info.set_defaults(func=run_info)
    clear = actions.add_parser("clear", help="delete what is kept (it is rebuilt on the next run)")
    clear.add_argument("--json", action="store_true", help="print machine-readable JSON (schema in README)")
    clear.add_argument("paths", nargs="*", metavar="PATHS", help="the paths a corpus was opened with")
    clear.set_defaults(func=run_clear)


def _corpora(paths: list[str]) -> list[tuple[str, list[Path]]]:
    """(corpus key, its files and folders) for the given roots, or for every corpus in the cache."""
    from ..core.dirs import corpus_key
    from ..core.search.store import cache_root, corpus_key as search_key

    base = cache_dir()
    if paths:
        key = corpus_key(paths)
        search = cache_root() / search_key(paths, [])
        return [(key, [base / f"store-{key}.sqlite", base / f"docs-{key}.pickle", search,
                       search.with_name(f"{search.name}.items")])]
    keys: dict[str, list[Path]] = {}
    if base.is_dir():
        for p in sorted(base.iterdir()):
            for prefix, suffix in (("store-", ".sqlite"), ("docs-", ".pickle")):
                if p.name.startswith(prefix) and p.name.endswith(suffix):
                    keys.setdefault(p.name[len(prefix):-len(suffix)], []).append(p)
    search = [p for p in sorted(cache_root().iterdir()) if p.is_dir()] if cache_root().is_dir() else []
    out = list(keys.items())
    if search:
        out.append(("search", search))
    return out


def _size(p: Path) -> int:
    if p.is_dir():
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
    total = 0
    for f in (p, Path(f"{p}-wal"), Path(f"{p}-shm")):
        try:
            total += f.stat().st_size
        except OSError:
            pass
    return total


def run_info(args: argparse.Namespace) -> int:
    from ..core.store import Store

    corpora = []
    for key, files in _corpora(args.paths):
        store_info = None
        for f in files:
            if f.name.startswith("store-") and f.exists():
                store = Store(f)
                store_info = {"path": str(f), **store.info(), "warnings": store.warnings}
                store.close()  # sizes after: closing folds the write-ahead log into the file
                store_info["bytes"] = _size(f)
        corpora.append({"key": key, "bytes": sum(_size(f) for f in files), "store": store_info,
                        "files": [str(f) for f in files if f.exists()]})
    total = sum(c["bytes"] for c in corpora)
    if args.json:
        emit_json({"cache_dir": str(cache_dir()), "bytes": total, "corpora": corpora})
        return EXIT_OK
    print(f"{cache_dir()}: {_human(total)}")
    for c in corpora:
        print(f"  {c['key']}  {_human(c['bytes'])}")
        for name, a in (c["store"] or {}).get("analyses", {}).items():
            what = f"{a['articles']} articles" if a["articles"] else "corpus"
            print(f"    {name:16} {what:16} {_human(a['bytes'])}")
    return EXIT_OK


def run_clear(args: argparse.Namespace) -> int:
    from ..core.store import remove_store

    removed: list[str] = []
    freed = 0
    for _, files in _corpora(args.paths):
        for f in files:
            if not f.exists():
                continue
            freed += _size(f)
            if f.is_dir():
                shutil.rmtree(f, ignore_errors=True)
            elif f.suffix == ".sqlite":
                remove_store(f)
            else:
                f.unlink(missing_ok=True)
            removed.append(str(f))
    if args.json:
        emit_json({"removed": removed, "bytes": freed})
    else:
        print(f"removed {len(removed)} cache entries ({_human(freed)})")
    return EXIT_OK


def _human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"
