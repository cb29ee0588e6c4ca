"""`reader add`: links, feeds and saved pages become article files in a folder.

Fetching and extraction run a few at once in threads; deciding what is new
and writing happen one article at a time, in the order of the inputs (a feed
in place of its entries), so two runs over the same inputs decide the same.

A feed entry is fetched at its link (the full article); when that fails or
the page holds no article text, the entry's own content stands in if it has
some, else the entry is one line in ``errors`` with the reason.
"""

from __future__ import annotations

import dataclasses
import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TextIO

from ..errors import ReaderError
from ..fsutil import exclusive_lock
from ..saved_pages import is_page
from .dedupe import DUPLICATE, NEW, UNCHANGED, UPDATED, Decision, Library, text_hash
from .extract import ExtractError, Page, extract_page, gunzip
from .feeds import Entry, Feed, parse_feed
from .fetch import Fetcher, FetchOptions, host_of
from .sniff import is_feed, refused_media
from .write import file_stem, now_iso, unique_path, write_article

OK_STATUSES = (NEW, UPDATED, UNCHANGED)
_LOCK_NAME = ".reader-add.lock"
_LOCK_WAIT = 30.0


@dataclass(frozen=True)
class AddOptions:
    into: Path = Path(".")
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    concurrency: int = 4
    per_host: int = 2


def options_from_config(cfg, into: str | os.PathLike, timeout: float | None = None) -> AddOptions:
    """The add options a ``reader.config.Config`` sets (the CLI and the app's dialog share them)."""
    return AddOptions(
        into=Path(into),
        timeout=float(cfg.get("ingest", "timeout") if timeout is None else timeout),
        max_bytes=int(float(cfg.get("ingest", "max_page_mb")) * 1024 * 1024),
        concurrency=max(1, int(cfg.get("ingest", "concurrency"))),
        per_host=max(1, int(cfg.get("ingest", "per_host"))),
    )


@dataclass(frozen=True)
class Added:
    input: str
    path: str               # the file that holds the article (for a duplicate: the one it duplicates)
    url: str | None
    title: str | None
    date: str | None
    source: str | None
    author: str | None
    chars: int
    status: str             # new, updated, unchanged, duplicate
    duplicate_of: str | None

    def as_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Failure:
    input: str
    error: str

    def as_json(self) -> dict:
        return {"input": self.input, "error": self.error}


@dataclass
class AddReport:
    added: list[Added] = field(default_factory=list)
    errors: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """At least one article is in the folder now (new, updated or unchanged)."""
        return any(a.status in OK_STATUSES for a in self.added)

    def as_json(self) -> dict:
        return {"added": [a.as_json() for a in self.added], "errors": [e.as_json() for e in self.errors]}


@dataclass(frozen=True)
class Progress:
    done: int
    total: int      # grows as feeds turn into their entries
    host: str       # where the next result comes from (a file's name for saved pages)
    failures: int


@dataclass(frozen=True)
class _Extracted:
    input: str
    page: Page


def expand_inputs(inputs: Iterable[str], stdin: TextIO | None = None) -> list[str]:
    """``-`` stands for one input per line of ``stdin`` (blank lines and ``#`` comments skipped)."""
    out: list[str] = []
    for raw in inputs:
        if raw == "-" and stdin is not None:
            out.extend(s for s in (line.strip() for line in stdin) if s and not s.startswith("#"))
        else:
            out.append(raw)
    return out


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


class _Work:
    """What runs in the threads: fetch or read, classify, extract."""

    def __init__(self, fetcher: Fetcher, max_bytes: int) -> None:
        self.fetcher = fetcher
        self.max_bytes = max_bytes

    def load_input(self, raw: str) -> _Extracted | Feed | Failure:
        try:
            if is_url(raw):
                resp = self.fetcher.fetch(raw)
                refused = refused_media(resp.content_type)
                if refused:
                    return Failure(raw, refused)
                data, url, charset = resp.data, resp.final_url, resp.charset
            elif "://" in raw[:12]:
                return Failure(raw, f"not a web address reader can fetch (only http and https): {raw}")
            else:
                data, url, charset = self._read_file(Path(raw)), None, None
            if is_feed(data):
                return parse_feed(data, url)
            return _Extracted(raw, self._extract(data, url, charset))
        except ReaderError as exc:
            return Failure(raw, str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad input must not stop the others, nor show a traceback
            return Failure(raw, f"unexpected error ({type(exc).__name__}: {exc})")

    def load_entry(self, entry: Entry, label: str) -> _Extracted | Failure:
        reason = "the entry has no link"
        page: Page | None = None
        if entry.link and is_url(entry.link):
            got = self.load_input(entry.link)
            if isinstance(got, _Extracted):
                page = got.page
            elif isinstance(got, Feed):
                reason = "the entry's link is a feed, not an article"
            else:
                reason = got.error
        if page is None and entry.content:
            page = self._from_entry(entry)
        if page is None:
            return Failure(label, reason)
        return _Extracted(label, dataclasses.replace(
            page,
            title=page.title or entry.title,
            date=page.date or entry.date,
            author=page.author or entry.author,
        ))

    def _from_entry(self, entry: Entry) -> Page | None:
        from html import escape

        title = f"<title>{escape(entry.title)}</title>" if entry.title else ""
        html = f"<html><head>{title}</head><body><article>{entry.content}</article></body></html>"
        try:
            return self._extract(html.encode("utf-8"), entry.link, "utf-8")
        except ReaderError:
            return None

    def _extract(self, data: bytes, url: str | None, charset: str | None) -> Page:
        page = extract_page(data, url=url, declared_charset=charset)
        if not page.text.strip():
            raise ExtractError("no article text found")
        return page

    def _read_file(self, path: Path) -> bytes:
        try:
            if path.is_dir():
                raise ReaderError("a folder: give saved pages (.html, .htm, .html.gz) or a feed file")
            size = path.stat().st_size
            if size > self.max_bytes:
                raise ReaderError(_file_too_big(size, self.max_bytes))
            with open(path, "rb") as fh:
                data = fh.read(self.max_bytes + 1)
        except FileNotFoundError:
            raise ReaderError("no such file") from None
        except PermissionError:
            raise ReaderError("permission denied") from None
        except OSError as exc:
            raise ReaderError(exc.strerror or str(exc)) from None
        if data[:2] == b"\x1f\x8b":
            data = gunzip(data, self.max_bytes)
        if not data.strip():
            raise ReaderError("empty file")
        return data


def _file_too_big(size: int | None, limit: int) -> str:
    what = f"{size / 1e6:.1f} MB" if size else "larger when unpacked"
    return f"file is {what}, over the {limit / 1e6:g} MB limit (config: ingest.max_page_mb)"


class _Writer:
    """Decides new / updated / unchanged / duplicate and writes, one article at
    a time, under a lock on the folder so two adds into it do not collide."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.library = Library(folder)
        self._taken: set[str] = set()

    def put(self, item: _Extracted) -> Added:
        page = item.page
        digest = text_hash(page.text)
        lock = self.folder / _LOCK_NAME
        with exclusive_lock(lock, _LOCK_WAIT, lambda: ReaderError(f"{self.folder}: another add is writing here")):
            self.library.refresh()
            decision = self.library.decide(page.url, digest)
            if decision.status == UPDATED and is_page(decision.existing.name):
                # a saved page is the reader's own copy: a newer version goes beside it, never over it
                decision = Decision(NEW, None)
            path = decision.existing
            if decision.status == NEW:
                path = unique_path(self.folder, file_stem(page, digest), self._taken | self.library.names())
            if decision.status in (NEW, UPDATED):
                write_article(path, page, now_iso(), replacing=decision.status == UPDATED)
                self._taken.add(path.name)
                self.library.remember(path, page.url, digest)
        return Added(
            input=item.input, path=str(path), url=page.url, title=page.title, date=page.date,
            source=page.source, author=page.author, chars=len(page.text.strip("\n")), status=decision.status,
            duplicate_of=str(path) if decision.status == DUPLICATE else None,
        )


def add(
    inputs: list[str],
    options: AddOptions | None = None,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    on_result: Callable[[Added | Failure], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    fetcher: Fetcher | None = None,
) -> AddReport:
    """Add every input to ``options.into``. Bad inputs are failures in the
    report; only a folder that cannot be written raises ReaderError."""
    options = options or AddOptions()
    folder = Path(options.into)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReaderError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from None
    if not os.access(folder, os.W_OK):
        raise ReaderError(f"{folder}: the folder is not writable")
    fetcher = fetcher or Fetcher(FetchOptions(timeout=options.timeout, max_bytes=options.max_bytes,
                                              per_host=options.per_host))
    work = _Work(fetcher, options.max_bytes)
    writer = _Writer(folder)
    report = AddReport()
    pool = ThreadPoolExecutor(max_workers=max(1, options.concurrency), thread_name_prefix="reader-add")
    pending: deque[tuple[str, Future]] = deque((raw, pool.submit(work.load_input, raw)) for raw in inputs)
    total, done = len(pending), 0

    def tell(result: Added | Failure) -> None:
        nonlocal done
        done += 1
        if isinstance(result, Failure):
            report.errors.append(result)
        else:
            report.added.append(result)
        if on_result:
            on_result(result)
        if on_progress:
            nxt = pending[0][0] if pending else result.input
            on_progress(Progress(done, total, _where(nxt), len(report.errors)))

    try:
        if on_progress:
            on_progress(Progress(0, total, _where(pending[0][0]) if pending else "", 0))
        while pending and not cancelled():
            label, fut = pending[0]
            result = fut.result()
            pending.popleft()
            if isinstance(result, Feed):
                total += len(result.entries) - 1
                entries = [(e.link or f"{label} (entry {i})", e) for i, e in enumerate(result.entries, 1)]
                pending.extendleft(reversed([(name, pool.submit(work.load_entry, e, name)) for name, e in entries]))
                continue
            if isinstance(result, _Extracted):
                try:
                    result = writer.put(result)
                except ReaderError as exc:
                    result = Failure(label, str(exc))
                except OSError as exc:
                    result = Failure(label, f"cannot write the article ({exc.strerror or exc})")
            tell(result)
    finally:
        # cancelled (the app is closing): do not wait for fetches under way
        pool.shutdown(wait=not cancelled(), cancel_futures=True)
    return report


def _where(raw: str) -> str:
    return host_of(raw) if is_url(raw) else Path(raw).name
