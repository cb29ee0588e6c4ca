"""Files and folders to Documents, with a clear message for every bad input."""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .decoding import decode
from .document import Corpus, Document, LoadError
from .errors import ReaderError, yaml_error_line
from .saved_pages import PAGE_SUFFIXES, is_page, page_stem, read_page

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
_KINDS = ", ".join(ARTICLE_SUFFIXES + PAGE_SUFFIXES[:3])
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# The header token and the whitespace around it, nothing more: in the seeds
# the article's first sentence follows on the same line.
_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\S+)[ \t]*(?:\r\n|\r|\n)?[ \t]*", re.IGNORECASE)
_HEADER_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}$")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d", re.ASCII)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)



@dataclass
class LoadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    cache: bool = False  # reuse derived data under $XDG_CACHE_HOME/reader/

    @classmethod
    def of(cls, config) -> "LoadOptions":
        """The options a Config (reader.config) sets: its size limit and whether the cache is on."""
        return cls(max_bytes=config.max_bytes, cache=bool(config.get("load", "cache")))


def _iter_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, Path | None, LoadError | None, str]]:
    """Yield ``(file, root, error, key)``: a file to read (root is the folder argument
    that found it; key is its absolute path, the cache's key) or an error for an input
    that cannot be used."""
    for raw in paths:
        p = Path(raw)
        try:
            if not p.exists():
                if p.is_symlink():
                    yield p, None, LoadError(str(p), "broken symbolic link"), ""
                else:
                    yield p, None, LoadError(str(p), "no such file or folder"), ""
                continue
            if p.is_dir():
                found = False
                for f, key in _walk(p):
                    found = True
                    yield f, p, None, key
                if not found:
                    yield p, None, LoadError(str(p), f"folder has no articles ({_KINDS})"), ""
            elif is_article_name(p.name):
                yield p, None, None, os.path.abspath(p)
            else:
                yield p, None, LoadError(str(p), f"not an article file (expected {_KINDS})"), ""
        except OSError as exc:
            yield p, None, LoadError(str(p), _os_message(exc)), ""


_NAME_SUFFIXES = ARTICLE_SUFFIXES + PAGE_SUFFIXES


def _walk(root: Path) -> Iterator[tuple[Path, str]]:
    """Every article under ``root``: its path and its absolute path as text (a folder of 10,000 files
    is listed at each open, so each file's path is made from its folder's, not parsed afresh)."""
    # Follow symlinked folders but remember real paths so a loop ends.
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        folder = Path(dirpath)  # parsed once per folder, not once per file
        child = getattr(folder, "_make_child_relpath", folder.joinpath)
        absolute = os.path.join(os.path.abspath(dirpath), "")  # with its separator: + name is the file's
        for name in sorted(filenames):
            # a name that does not start with a dot ends with a suffix exactly when is_article_name says so
            if not name.startswith(".") and name.lower().endswith(_NAME_SUFFIXES):
                yield child(name), absolute + name


def is_article_name(name: str) -> bool:
    """A text article (.txt, .md, .markdown) or a saved page (.html, .htm, .html.gz)."""
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES or is_page(name)


def _stem(path: Path) -> str:
    """The name without its suffix: os.path.splitext's stem (a name of dots alone has none), or a saved
    page's name without .html.gz and the like."""
    name = path.name
    if name.lower().endswith(PAGE_SUFFIXES):
        return page_stem(name) or os.path.splitext(name)[0]
    dot = name.rfind(".")
    return name[:dot] if dot > 0 and name[:dot].lstrip(".") else name


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return exc.strerror or str(exc)


def parse_date(value: object) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    if _ISO_DAY.fullmatch(value.strip()):  # most dates: read as isoparse reads them, without it
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass  # "2024-02-30": the parsers below say what they say of it
    from dateutil import parser as _dateparser  # only for articles read afresh, not from the cache

    try:
        return _dateparser.isoparse(value.strip()).date()
    except (ValueError, OverflowError):
        pass
    try:
        return _dateparser.parse(value.strip(), default=_dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError, TypeError):
        return None


def split_header(content: str, is_markdown: bool) -> tuple[str, dict, list[str]]:
    """Separate metadata from article text. Returns ``(text, meta, warnings)``."""
    meta: dict = {}
    warnings: list[str] = []
    if is_markdown:
        m = _FRONT_MATTER.match(content)
        if m:
            import yaml  # only for articles read afresh: a folder listed from the cache needs none

            try:
                fm = yaml.safe_load(m.group(1))
            except yaml.YAMLError as exc:
                fm = None
                warnings.append(f"front matter is not valid YAML ({_yaml_line(exc)}); ignored")
            if isinstance(fm, dict):
                meta = {str(k).lower(): v for k, v in fm.items()}
                content = content[m.end():]
    m = _HEADER.match(content)
    if m:
        token = m.group(1)
        meta.setdefault("date", token)
        content = content[m.end():]
    raw = meta.get("date")
    date = parse_date(raw) if raw is not None else None
    if raw is not None and date is None:
        warnings.append(f"date {raw!r} is not a date; the article has no date")
    elif raw is None:
        warnings.append("no date header; the article has no date")
    if m and date is not None and not _HEADER_DATE.match(m.group(1)):
        warnings.append(f"date {m.group(1)!r} is not YYYY-MM-DD")
    meta["date"] = date
    return content, meta, warnings


def _yaml_line(exc: Exception) -> str:
    line = yaml_error_line(exc)
    return f"line {line}" if line is not None else "parse error"


def _read_bytes(path: Path, options: LoadOptions, size: int | None = None) -> bytes:
    try:
        size = path.stat().st_size if size is None else size
        if size > options.max_bytes:
            raise ReaderError(
                f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.0f} MB limit (config: load.max_file_mb)"
            )
        with open(path, "rb") as fh:
            data = fh.read(options.max_bytes + 1)
    except OSError as exc:
        raise ReaderError(_os_message(exc)) from None
    if len(data) > options.max_bytes:
        raise ReaderError(f"file is over the {options.max_bytes / 1e6:.0f} MB limit")
    if not data.strip():
        raise ReaderError("empty file")
    return data


def read_document(path: Path, doc_id: str, options: LoadOptions) -> Document:
    """Read one article file. Raises ReaderError with a human message."""
    return _read_full(path, doc_id, options)[0]


def _read_full(path: Path, doc_id: str, options: LoadOptions) -> tuple[Document, int, str]:
    """The document, where its text starts in the decoded file, and the encoding used
    (``"html"`` for a saved page: its text is the extraction, not a slice of the file)."""
    if is_page(path):
        return read_page(path, doc_id, _read_bytes(path, options), options.max_bytes), 0, "html"
    content, warning = decode(_read_bytes(path, options))
    text, meta, warnings = split_header(content, path.suffix.lower() in (".md", ".markdown"))
    if warning:
        warnings.insert(0, warning)
    if not text.strip():
        raise ReaderError("no article text after the header")
    from .article_meta import find_source, make_title  # for articles read afresh: a listing from the cache needs neither

    title = meta.get("title")
    title = " ".join(str(title).split()) if title else make_title(text)
    source = meta.get("source")
    source = str(source) if source else find_source(text)
    doc = Document(
        id=doc_id,
        path=path,
        text=text,
        title=title or path.stem,
        date=meta.get("date"),
        source=source,
        url=str(meta["url"]) if meta.get("url") else None,
        author=str(meta["author"]) if meta.get("author") else None,
        warnings=warnings,
    )
    return doc, len(content) - len(text), "cp1252" if warning else "utf-8-sig"


def _read_cached(path: Path, doc_id: str, options: LoadOptions, entry) -> Document:
    from .cache import document_from_entry

    if entry.size > options.max_bytes:
        raise ReaderError(f"file is {entry.size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.0f} MB limit (config: load.max_file_mb)")
    return document_from_entry(entry, doc_id, path)


def assign_ids(found: list[tuple[Path, Path | None]]) -> list[str]:
    """File stem, or the path relative to its argument when stems collide."""
    names = [_stem(f) for f, _ in found]
    stems: dict[str, int] = {}
    for stem in names:
        stems[stem] = stems.get(stem, 0) + 1
    ids: list[str] = []
    used: set[str] = set()
    for (f, root), stem in zip(found, names):
        if stems[stem] == 1:
            doc_id = stem
        else:
            rel = f.relative_to(root) if root is not None else Path(f.name)
            doc_id = (rel.parent / _stem(rel)).as_posix()
        base, n = doc_id, 2
        while doc_id in used:
            doc_id = f"{base}~{n}"
            n += 1
        used.add(doc_id)
        ids.append(doc_id)
    return ids


def discover(paths: Iterable[str | os.PathLike]) -> tuple[list[tuple[Path, Path | None, os.stat_result, str]], list[LoadError]]:
    """The files to read, each as ``(path, root, stat, absolute path)``, and the inputs that cannot be read."""
    found: list[tuple[Path, Path | None, os.stat_result, str]] = []
    errors: list[LoadError] = []
    seen: set[tuple[int, int]] = set()
    for f, root, err, key in _iter_inputs(paths):
        if err:
            errors.append(err)
            continue
        try:
            st = os.stat(key)
        except OSError as exc:
            errors.append(LoadError(str(f), _os_message(exc)))
            continue
        ident = (st.st_dev, st.st_ino)  # the same file reached twice loads once
        if ident in seen:
            continue
        seen.add(ident)
        found.append((f, root, st, key))
    return found, errors


def load_paths(
    paths: Iterable[str | os.PathLike],
    options: LoadOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    ahead=None,
) -> Corpus:
    """Load every article under ``paths``. Never raises for bad input. ``ahead`` (a
    reader.core.readahead.ReadAhead) has read part of the files in another process."""
    options = options or LoadOptions()
    paths = [str(p) for p in paths]
    found, errors = discover(paths)
    corpus = Corpus(errors=list(errors), roots=paths)
    ids = assign_ids([(f, root) for f, root, _, _ in found])
    cache = None
    if options.cache:
        from .cache import DerivedCache

        cache = DerivedCache(paths)
    keys: set[str] = set()
    for i, ((f, _, st, key), doc_id) in enumerate(zip(found, ids)):
        keys.add(key)
        try:
            entry = cache.lookup(key, st.st_size, st.st_mtime_ns) if cache else None
            if entry is None and ahead is not None:
                entry = ahead.take(key, st.st_size, st.st_mtime_ns)
                if isinstance(entry, ReaderError):
                    raise entry
                if entry is not None and cache is not None:
                    cache.put(key, entry)
            if entry is not None:
                doc = _read_cached(f, doc_id, options, entry)
            else:
                doc, text_start, encoding = _read_full(f, doc_id, options)
                if cache is not None:
                    cache.store(key, st.st_size, st.st_mtime_ns, doc, text_start, encoding,
                                text=doc.text if encoding == "html" else None)
        except ReaderError as exc:
            corpus.errors.append(LoadError(str(f), str(exc)))
        else:
            doc.__dict__["_stat"] = (st.st_size, st.st_mtime_ns, st.st_ino)
            corpus.documents.append(doc)
            if doc.warnings:
                corpus.warnings.extend(f"{f}: {w}" for w in doc.warnings if not w.startswith("no date"))
        if progress:
            progress(i + 1, len(found))
    if cache is not None:
        cache.retain(keys)
        cache.save()
        corpus.cache = cache
    return corpus


def segment_all(corpus: Corpus) -> None:
    """Split every document into sentences and paragraphs, and remember the
    spans in the cache so the next open of this corpus skips the work. The
    splitting runs on every core (reader.core.pool); the spans come back packed."""
    from .pool import imap_ranges
    from .progress import counted
    from .spans import pack_spans

    cache = corpus.cache
    todo = [d for d in corpus.documents if d._sentences is None]

    def split(a: int, b: int) -> list[tuple]:
        return [(pack_spans(d.paragraphs), pack_spans(d.sentences)) for d in counted("sentences", todo[a:b])]

    for doc, (paragraphs, sentences) in zip(todo, imap_ranges(split, len(todo), min_items=SEGMENT_SHARE)):
        if doc._sentences is None:  # split by a worker (in this process, the document kept its own)
            doc._paragraphs, doc._sentences = paragraphs, sentences
        if cache is not None:  # packed already: kept as they are
            cache.store_packed(os.path.abspath(doc.path), paragraphs, sentences)
    if cache is not None:
        split_now = set(map(id, todo))
        for doc in corpus.documents:
            if id(doc) not in split_now:
                cache.store_spans(os.path.abspath(doc.path), doc)
        cache.save()


SEGMENT_SHARE = 500  # articles per worker below which they are split into sentences in one process


def sort_key(doc: Document) -> tuple:
    """Article list order: by date (undated last), then title."""
    return (doc.date is None, doc.date or _dt.date.min, doc.title.lower(), doc.id)
