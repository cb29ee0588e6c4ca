"""AnnotationStore: the annotations of one YAML file, anchored to the current texts.

Saving is a three-way merge under a lock (merge.py): the file on disk now
(which another reader or `reader notes add` may have changed), the version
this store last read or wrote (the base), and the changes made here since.

A file that cannot be used (bad YAML, aliases, too large, newer schema) is never
written: the store records the problem, shows what it could read (nothing, for
a file that does not parse), and keeps new annotations in memory until the file
is fixed (the next save merges them in) or ``save_as`` names another file.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from .. import fsutil
from ..document import Document
from ..errors import ReaderError
from ..segment import trim
from . import cache, fileops, yamlio
from .anchor import anchor, occurrences
from .merge import merge
from .model import ANCHORED, Anchor, Annotation, InvalidAnnotation, Selector, new_id, normalize_tags, now_iso, text_hash
from .yamlio import FileProblem, ParsedFile


class AnnotationError(ReaderError):
    """A request the store cannot carry out (unknown id, quote not in the article...)."""


@dataclass(frozen=True)
class SaveResult:
    ok: bool
    message: str = ""


class AnnotationStore:
    def __init__(self, path: Path, documents: Sequence[Document] = (), max_bytes: int = yamlio.DEFAULT_MAX_BYTES,
                 use_cache: bool = False):
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.use_cache = use_cache  # a JSON copy of a large file in the cache folder (see cache.py)
        self._docs: dict[str, Document] = {d.id: d for d in documents}
        self._docs_by_path: dict[str, Document] = {}
        for d in documents:
            self._docs_by_path.setdefault(_real(d.path), d)
        self._lock = threading.RLock()
        self._items: dict[str, Annotation] = {}
        self._base: dict[str, dict[str, Any]] = {}  # id -> entry as last read/written
        self._invalid: list[Any] = []  # entries that do not fit the schema, kept verbatim
        self._extra: dict[str, Any] = {}
        self._changed: set[str] = set()  # added or edited here, not yet on disk
        self._deleted: dict[str, Annotation] = {}  # deleted here, not yet on disk
        self._undo: tuple[Annotation, int] | None = None
        self.problem: FileProblem | None = None  # the file cannot be used: read-only
        self.warnings: list[FileProblem] = []  # entries skipped (kept in the file)
        self.last_save: SaveResult = SaveResult(True)
        self._text_for_lines = ""  # the file's text, to name the line of a bad entry
        self._disk: tuple[tuple[int, ...] | None, ParsedFile] | None = None  # (signature, content) last seen
        self._dumped: dict[str, tuple[dict[str, Any], str]] = {}  # id -> (entry, its YAML), reused by saves

    # --- opening ---------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | os.PathLike, documents: Sequence[Document] = (), *, max_bytes: int | None = None,
        use_cache: bool = False,
    ) -> "AnnotationStore":
        """Load and anchor ``path`` (missing is fine: empty). Never raises for the
        file's content; see ``problem`` and ``warnings``."""
        store = cls(Path(path), documents, max_bytes or yamlio.DEFAULT_MAX_BYTES, use_cache)
        with store._lock:
            parsed = store._read_disk()
            if parsed is not None:
                store._adopt(parsed)
        return store

    def _signature(self) -> tuple[int, ...] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def _read_disk(self, reuse: bool = False) -> ParsedFile | None:
        """The file's content, or None (and ``problem`` set) when it cannot be used.

        With ``reuse``, a file whose inode, size and times are those of the last
        read or write is not parsed again: every writer replaces the file by a
        rename, so an unchanged signature means unchanged content, and a save
        with 10,000 annotations does not pay for a full parse."""
        sig = self._signature()
        if reuse and sig is not None and self._disk is not None and self._disk[0] == sig:
            return self._disk[1]
        try:
            text = yamlio.read_text(self.path, self.max_bytes)
            parsed = None
            big = self.use_cache and text is not None and sig is not None and sig[1] >= cache.MIN_BYTES
            if big:
                parsed = cache.load(self.path, sig)
            if parsed is None:
                parsed = yamlio.parse(text, str(self.path)) if text is not None else ParsedFile(1, [], {})
                if big:
                    cache.save(self.path, sig, parsed)
        except FileProblem as exc:
            self.problem = exc
            return None
        self.problem = None
        self._text_for_lines = text or ""
        self._disk = (sig, parsed)
        self._remember_entry_texts(text or "", parsed)
        return parsed

    def _remember_entry_texts(self, text: str, parsed: ParsedFile) -> None:
        chunks = yamlio.split_entries(text) if parsed.entries else None
        if chunks is None or len(chunks) != len(parsed.entries):
            return
        for raw, chunk in zip(parsed.entries, chunks):
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                self._dumped[raw["id"]] = (raw, chunk)

    def _split(
        self, parsed: ParsedFile, known: dict[str, Annotation] | None = None
    ) -> tuple[dict[str, Annotation], dict[str, dict[str, Any]], list[Any], list[FileProblem]]:
        """Valid entries (by id), their file form, entries that do not fit, and why.

        An entry equal to the file form of one in ``known`` is that annotation:
        after a save nearly all are, and validating 10,000 again would cost more
        than the save itself."""
        valid: dict[str, Annotation] = {}
        base: dict[str, dict[str, Any]] = {}
        invalid: list[Any] = []
        problems: list[tuple[int, str]] = []
        for i, raw in enumerate(parsed.entries):
            rid = raw.get("id") if known and isinstance(raw, dict) else None
            old = known.get(rid) if isinstance(rid, str) else None  # type: ignore[union-attr]
            if old is not None and old.id not in valid:
                d = old.to_dict()
                if d == raw:
                    valid[old.id], base[old.id] = old, d
                    continue
            try:
                ann = Annotation.from_dict(raw)
                if ann.id in valid:
                    raise InvalidAnnotation(f"annotation {ann.id}: the id is used twice (the first one is shown)")
            except InvalidAnnotation as exc:
                invalid.append(raw)
                problems.append((i, str(exc)))
                continue
            valid[ann.id], base[ann.id] = ann, ann.to_dict()
        warnings: list[FileProblem] = []
        if problems:
            lines = yamlio.entry_lines(self._text_for_lines)
            for i, msg in problems:
                warnings.append(FileProblem(str(self.path), f"{msg}; entry kept in the file, not shown",
                                            lines[i] if i < len(lines) else None))
        return valid, base, invalid, warnings

    def _adopt(self, parsed: ParsedFile) -> None:
        """Make the disk content the base and the view (plus changes made here)."""
        valid, self._base, invalid, warnings = self._split(parsed, known=self._items)
        self._extra, self._invalid, self.warnings = parsed.extra, invalid, warnings
        items: dict[str, Annotation] = {}
        for ann_id, ann in valid.items():
            if ann_id in self._deleted:
                continue
            old = self._items.get(ann_id)
            if ann is old or (ann_id in self._changed and old is not None):
                items[ann_id] = old  # unchanged (keeps its anchor), or changed here and not saved yet
            else:
                items[ann_id] = self._anchored(ann)
        for ann_id in self._changed:
            if ann_id not in items and ann_id in self._items:
                items[ann_id] = self._items[ann_id]
        self._items = items

    # --- anchoring -------------------------------------------------------
    def document_for(self, ann: Annotation) -> Document | None:
        doc = self._docs.get(ann.doc)
        if doc is None and ann.path:
            p = Path(ann.path)
            doc = self._docs_by_path.get(_real(p if p.is_absolute() else self.path.parent / p))
        return doc

    def _anchored(self, ann: Annotation) -> Annotation:
        doc = self.document_for(ann)
        ann.anchor = anchor(ann.selector, doc.text if doc else None)
        return ann

    # --- reading ---------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.problem is not None

    @property
    def pending(self) -> int:
        """Changes made here that are not in the file yet."""
        return len(self._changed) + len(self._deleted)

    def all(self) -> list[Annotation]:
        with self._lock:
            return list(self._items.values())

    def get(self, ann_id: str) -> Annotation | None:
        with self._lock:
            ann = self._items.get(ann_id)
            if ann is None:  # a unique prefix is enough, as with git hashes
                hits = [a for k, a in self._items.items() if k.startswith(ann_id)] if ann_id else []
                ann = hits[0] if len(hits) == 1 else None
            return ann

    def for_doc(self, doc_id: str) -> list[Annotation]:
        """Annotations of one article in text order (orphans last)."""
        with self._lock:
            anns = [a for a in self._items.values() if a.doc == doc_id]
        return sorted(anns, key=lambda a: (a.start is None, a.start or 0, a.end or 0))

    def filter(self, tag: str | None = None, text: str | None = None, doc: str | None = None) -> list[Annotation]:
        with self._lock:
            return [a for a in self._items.values() if (doc is None or a.doc == doc) and a.matches(tag, text)]

    def tags(self) -> list[str]:
        """Tags in use, most used first (the dialog's completion order)."""
        counts: dict[str, int] = {}
        with self._lock:
            for a in self._items.values():
                for t in a.tags:
                    counts[t] = counts.get(t, 0) + 1
        return sorted(counts, key=lambda t: (-counts[t], t.casefold()))

    @property
    def undo_available(self) -> bool:
        return self._undo is not None

    # --- changing --------------------------------------------------------
    def add(
        self, doc: Document, start: int, end: int, tags: Iterable[str] = (), note: str = "", *, save: bool = True
    ) -> Annotation:
        """Annotate ``doc.text[start:end]`` (edge whitespace trimmed)."""
        text = doc.text
        if not (0 <= start < end <= len(text)):
            raise AnnotationError(f"passage {start}-{end} is outside the article ({len(text)} characters)")
        start, end = trim(text, start, end)
        if start == end:
            raise AnnotationError("the selected passage is empty")
        stamp = now_iso()
        ann = Annotation(
            id=new_id(),
            doc=doc.id,
            path=self._rel_path(doc.path),
            created=stamp,
            modified=stamp,
            selector=Selector.from_text(text, start, end),
            text_hash=text_hash(text),
            tags=normalize_tags(tags),
            note=_clean_note(note),
            anchor=Anchor(ANCHORED, start, end),
        )
        self._docs.setdefault(doc.id, doc)
        with self._lock:
            while ann.id in self._items:  # astronomically unlikely; cheap to rule out
                ann.id = new_id()
            self._items[ann.id] = ann
            self._changed.add(ann.id)
            if save:
                self.save()
        return ann

    def add_quote(
        self, doc: Document, quote: str, occurrence: int = 1, tags: Iterable[str] = (), note: str = "", *, save: bool = True
    ) -> Annotation:
        """Annotate the ``occurrence``-th (1-based) occurrence of ``quote`` in ``doc``."""
        if not quote or not quote.strip():
            raise AnnotationError("the quote is empty")
        hits = occurrences(doc.text, quote)
        if not hits:
            raise AnnotationError(f"the quote is not in article {doc.id}: {_short(quote)!r}")
        if not 1 <= occurrence <= len(hits):
            times = "once" if len(hits) == 1 else f"{len(hits)} times"
            raise AnnotationError(f"the quote occurs {times} in article {doc.id}; --occurrence {occurrence} is out of range")
        start = hits[occurrence - 1]
        return self.add(doc, start, start + len(quote), tags, note, save=save)

    def edit(self, ann_id: str, tags: Iterable[str] | None = None, note: str | None = None, *, save: bool = True) -> Annotation:
        with self._lock:
            ann = self._require(ann_id)
            new_tags = normalize_tags(tags) if tags is not None else ann.tags
            new_note = _clean_note(note) if note is not None else ann.note
            if new_tags == ann.tags and new_note == ann.note:
                return ann
            edited = replace(ann, tags=new_tags, note=new_note, modified=now_iso())
            self._items[ann.id] = edited
            self._changed.add(ann.id)
            if save:
                self.save()
            return edited

    def delete(self, ann_id: str, *, save: bool = True) -> Annotation:
        """Remove one annotation; ``undo_delete`` brings the last one back."""
        with self._lock:
            ann = self._require(ann_id)
            position = list(self._items).index(ann.id)
            del self._items[ann.id]
            self._changed.discard(ann.id)
            if ann.id in self._base:
                self._deleted[ann.id] = ann
            self._undo = (ann, position)
            if save:
                self.save()
            return ann

    def undo_delete(self, *, save: bool = True) -> Annotation | None:
        with self._lock:
            if self._undo is None:
                return None
            ann, position = self._undo
            self._undo = None
            items = list(self._items.items())
            items.insert(min(position, len(items)), (ann.id, ann))
            self._items = dict(items)
            self._deleted.pop(ann.id, None)
            if self._base.get(ann.id) != ann.to_dict():
                self._changed.add(ann.id)
            if save:
                self.save()
            return ann

    def _require(self, ann_id: str) -> Annotation:
        ann = self.get(ann_id)
        if ann is None:
            raise AnnotationError(f"no annotation with id {ann_id!r} in {self.path}")
        return ann

    # --- saving ----------------------------------------------------------
    def save(self) -> SaveResult:
        """Merge the changes made here into the file. Never raises for I/O or a
        bad file: the result (also in ``last_save``) says what happened, and
        unsaved changes stay pending for the next save."""
        with self._lock:
            try:
                with fileops.locked(self.path):
                    result = self._save_locked()
            except OSError as exc:
                result = SaveResult(False, f"{self.path}: cannot save annotations ({exc.strerror or exc}); "
                                           "changes kept in memory")
            self.last_save = result
            return result

    def _save_locked(self) -> SaveResult:
        cached = self._disk
        parsed = self._read_disk(reuse=True)
        if parsed is None:
            assert self.problem is not None
            return SaveResult(False, f"{self.problem}; not saved: {self.pending} change(s) kept in memory "
                                     "until the file is fixed or another file is chosen")
        if not self.pending:
            if cached is None or parsed is not cached[1]:
                self._adopt(parsed)
            return SaveResult(True, "nothing to save")
        if cached is not None and parsed is cached[1]:  # nobody else wrote: the disk is our base
            disk: dict[str, Any] = self._base
            invalid = list(self._invalid)
        else:
            _, disk, invalid, _ = self._split(parsed)
        mine = {i: self._items[i].to_dict() for i in self._changed if i in self._items}
        merged = merge(disk, self._base, mine, self._deleted)
        try:
            texts = [self._dump(ann_id, entry) for ann_id, entry in merged.items()]
            texts += [yamlio.dump_entry(raw) for raw in invalid]
        except FileProblem as exc:
            return SaveResult(False, str(exc))
        text = yamlio.assemble(parsed.version, parsed.extra, texts)
        fsutil.remove_stale_temps(self.path)
        fsutil.atomic_write(self.path, text.encode("utf-8"), backup=True)
        out = ParsedFile(parsed.version, list(merged.values()) + invalid, parsed.extra)
        self._disk = (self._signature(), out)
        if self.use_cache and self._disk[0] is not None and self._disk[0][1] >= cache.MIN_BYTES:
            cache.save(self.path, self._disk[0], out)
        self._text_for_lines = text
        saved = self.pending
        self._changed.clear()
        self._deleted.clear()
        self._adopt(out)
        self._dumped = {k: v for k, v in self._dumped.items() if k in merged}
        return SaveResult(True, f"saved {saved} change(s) to {self.path}")

    def _dump(self, ann_id: str, entry: dict[str, Any]) -> str:
        hit = self._dumped.get(ann_id)
        if hit is not None and hit[0] == entry:
            return hit[1]
        text = yamlio.dump_entry(entry)
        self._dumped[ann_id] = (entry, text)
        return text

    def refresh(self) -> bool:
        """Fold in what other writers saved, keeping the changes made here.
        Cheap when the file has not changed (one stat); True if it had."""
        with self._lock:
            cached = self._disk
            parsed = self._read_disk(reuse=True)
            if parsed is None or (cached is not None and parsed is cached[1]):
                return False
            self._adopt(parsed)
            return True

    def save_as(self, path: str | os.PathLike) -> SaveResult:
        """Use another file (e.g. after the first one would not parse): the changes
        made here are merged into it; the old file is left as it is."""
        with self._lock:
            self.path = Path(path)
            self._base, self._disk, self._invalid = {}, None, []
            self._deleted.clear()
            self._items = {k: v for k, v in self._items.items() if k in self._changed}
            parsed = self._read_disk()
            if parsed is not None:
                self._adopt(parsed)
            return self.save()

    # --- helpers ---------------------------------------------------------
    def _rel_path(self, doc_path: Path) -> str:
        # Relative to the annotations file when the article is beside or below
        # it, so a folder of articles plus its annotations.yaml can be shared.
        try:
            return Path(os.path.relpath(_real(doc_path), _real(self.path.parent))).as_posix() \
                if _real(doc_path).startswith(_real(self.path.parent) + os.sep) else str(doc_path)
        except ValueError:
            return str(doc_path)


def _real(p: Path | str) -> str:
    try:
        return os.path.realpath(p)
    except OSError:
        return os.path.abspath(p)


def _clean_note(note: str) -> str:
    return (note or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")


def _short(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
