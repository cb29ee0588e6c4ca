#!/usr/bin/env python3
"""Saved pages to articles: `reader add` over a folder of saved pages, against
trafilatura's own extraction of the same pages in the same run.

Usage: benchmarks/ingest.py [--pages DIR | --generate N] [--seed S]
Without --pages, N synthetic news pages (benchmarks/_pages.py: several layouts
with navigation, ads, comments, bylines and meta tags) are made once in the
temp folder. Prints one JSON object: {pages, seconds, pages_per_s, with_title,
with_date, with_source, rss_mb, cpu_seconds, errors, baseline: {...}, ratio, ...}.
`ratio` is reader's CPU seconds over trafilatura.extract's with its defaults
(target: at most 2); `ratio_with_metadata` over extract(with_metadata=True),
which reads the title, date and site name as reader must.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._corpus import emit, rss_mb  # noqa: E402
from benchmarks._pages import generate  # noqa: E402

SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def saved_pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.lower().endswith(SUFFIXES))


def baseline(pages: list[Path], **options) -> dict:
    """trafilatura.extract on the same bytes (unpacked, as reader unpacks them)."""
    import trafilatura

    datas = [gzip.decompress(p.read_bytes()) if p.name.endswith(".gz") else p.read_bytes() for p in pages]
    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(1 for d in datas if trafilatura.extract(d, **options))
    t1, c1 = time.perf_counter(), time.process_time()
    return {"tool": f"trafilatura {trafilatura.__version__} extract({', '.join(f'{k}={v}' for k, v in options.items())})",
            "seconds": round(t1 - t0, 3), "cpu_seconds": round(c1 - c0, 3),
            "pages_per_s": round(len(datas) / max(t1 - t0, 1e-9), 1), "with_text": found}


def reader_add(pages: list[Path], into: Path) -> tuple[dict, object]:
    """The whole `reader add`: read, decode, extract, dedupe, write."""
    from reader.core.ingest.add import AddOptions, add

    t0, c0 = time.perf_counter(), time.process_time()
    report = add([str(p) for p in pages], AddOptions(into=into))
    t1, c1 = time.perf_counter(), time.process_time()
    return {"seconds": t1 - t0, "cpu_seconds": c1 - c0}, report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", help="a folder of saved pages (.html, .htm, .html.gz)")
    ap.add_argument("--generate", type=int, default=300, metavar="N", help="synthetic pages to make (default 300)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.pages:
        folder, generated = Path(a.pages), False
    else:
        folder = generate(Path(tempfile.gettempdir()) / f"reader-bench-pages-{a.generate}-{a.seed}", a.generate, a.seed)
        generated = True
    pages = saved_pages(folder)
    if not pages:
        sys.exit(f"benchmark: no saved pages (.html, .htm, .html.gz) in {folder}")
    # both sides warmed up (imports, lxml's parser set-up) on pages that are not measured twice
    warm = tempfile.mkdtemp(prefix="reader-bench-warm-")
    reader_add(pages[:3], Path(warm))
    base = baseline(pages)
    # reader needs the title, date and site name too: trafilatura's own way to get them
    base_meta = baseline(pages, with_metadata=True)
    into = Path(tempfile.mkdtemp(prefix="reader-bench-ingest-"))
    timing, report = reader_add(pages, into)
    got = report.added
    emit({
        "pages": len(pages),
        "seconds": round(timing["seconds"], 3),
        "pages_per_s": round(len(pages) / max(timing["seconds"], 1e-9), 1),
        "with_title": sum(1 for x in got if x.title),
        "with_date": sum(1 for x in got if x.date),
        "with_source": sum(1 for x in got if x.source),
        "rss_mb": rss_mb(),
        "cpu_seconds": round(timing["cpu_seconds"], 3),
        "articles": len(got),
        "statuses": {s: sum(1 for x in got if x.status == s) for s in sorted({x.status for x in got})},
        "errors": len(report.errors),
        "first_errors": [e.as_json() for e in report.errors[:3]],
        "baseline": base,
        "ratio": round(timing["cpu_seconds"] / max(base["cpu_seconds"], 1e-9), 2),
        "wall_ratio": round(timing["seconds"] / max(base["seconds"], 1e-9), 2),
        "baseline_with_metadata": base_meta,
        "ratio_with_metadata": round(timing["cpu_seconds"] / max(base_meta["cpu_seconds"], 1e-9), 2),
        "generated": generated,
        "folder": str(folder),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    })


if __name__ == "__main__":
    main()
