"""The annotation record: what is stored in the YAML file, and where it sits now.

The stored part (``Annotation`` minus ``anchor``) is what the user wrote and
the evidence needed to find the passage again after the article changes: the
position *and* the quoted text with its context. ``anchor`` is derived on
load and never written.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterable

SCHEMA_VERSION = 1
CONTEXT_CHARS = 32  # prefix/suffix length: enough to tell repeated phrases apart

ANCHORED, MOVED, FUZZY, ORPHAN = "anchored", "moved", "fuzzy", "orphan"
STATUSES = (ANCHORED, MOVED, FUZZY, ORPHAN)

# Keys the store understands in one annotation; anything else is kept verbatim.
KNOWN_KEYS = ("id", "doc", "path", "created", "modified", "tags", "note", "selector", "text_hash")
SELECTOR_KEYS = ("start", "end", "exact", "prefix", "suffix")


class InvalidAnnotation(ValueError):
    """One entry of the file does not fit the schema (the message says which field)."""


def now_iso() -> str:
    """Local time with its UTC offset, to the second (ISO 8601)."""
    return _dt.datetime.now(_dt.timezone.utc).astimezone().isoformat(timespec="seconds")


def new_id() -> str:
    # 48 random bits: two writers adding thousands each will not collide, and
    # the id stays short enough to type in `reader notes rm ID`.
    return uuid.uuid4().hex[:12]


def text_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_TAG_SPACE = re.compile(r"\s+")


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, comma-split, de-duplicated tags in first-seen order.

    Commas separate tags everywhere (the dialog, ``--tag a,b``), so a tag never
    contains one; a leading ``#`` is the finder's tag syntax, not part of the tag.
    Any other character, markup-looking or not, is kept as typed.
    """
    out: list[str] = []
    seen: set[str] = set()
    for raw in tags:
        for part in str(raw).split(","):
            tag = _TAG_SPACE.sub(" ", part).strip().lstrip("#").strip()
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                out.append(tag)
    return out


@dataclass
class Selector:
    """Where the passage was when annotated: position and quote (W3C's two selectors)."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> "Selector":
        return cls(
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - context) : start],
            suffix=text[end : end + context],
        )

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}


@dataclass(frozen=True)
class Anchor:
    """Where the passage is in the current text, and how it was found."""

    status: str
    start: int | None = None
    end: int | None = None
    score: float = 100.0


@dataclass
class Annotation:
    id: str
    doc: str
    path: str
    created: str
    modified: str
    selector: Selector
    text_hash: str
    tags: list[str] = field(default_factory=list)
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # unknown keys, written back untouched
    anchor: Anchor = field(default=Anchor(ORPHAN), compare=False)

    # --- where it is now -------------------------------------------------
    @property
    def status(self) -> str:
        return self.anchor.status

    @property
    def start(self) -> int | None:
        return self.anchor.start

    @property
    def end(self) -> int | None:
        return self.anchor.end

    @property
    def exact(self) -> str:
        return self.selector.exact

    def matches(self, tag: str | None = None, text: str | None = None) -> bool:
        """Tag: exact (case-insensitive) tag; text: substring of quote, note or tags."""
        if tag:
            want = tag.lstrip("#").casefold()
            if not any(t.casefold() == want for t in self.tags):
                return False
        if text:
            needle = text.casefold()
            hay = "\n".join([self.selector.exact, self.note, *self.tags]).casefold()
            if needle not in hay:
                return False
        return True

    # --- the file form ---------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "doc": self.doc,
            "path": self.path,
            "created": self.created,
            "modified": self.modified,
            "tags": list(self.tags),
            "note": self.note,
            "selector": self.selector.to_dict(),
            "text_hash": self.text_hash,
        }
        for k, v in self.extra.items():
            d.setdefault(k, v)
        return d

    @classmethod
    def from_dict(cls, d: Any) -> "Annotation":
        """Validate one file entry. Raises InvalidAnnotation naming the bad field."""
        if not isinstance(d, dict):
            raise InvalidAnnotation(f"expected a mapping, got {_kind(d)}")
        ann_id = _scalar_str(d, "id", required=True)
        sel = d.get("selector")
        if not isinstance(sel, dict):
            raise InvalidAnnotation(f"annotation {ann_id}: 'selector' must be a mapping with start, end, exact")
        start, end = sel.get("start"), sel.get("end")
        for name, v in (("start", start), ("end", end)):
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise InvalidAnnotation(f"annotation {ann_id}: 'selector.{name}' must be a non-negative integer")
        if end < start:
            raise InvalidAnnotation(f"annotation {ann_id}: 'selector.end' is before 'selector.start'")
        exact = sel.get("exact")
        if not isinstance(exact, str) or not exact:
            raise InvalidAnnotation(f"annotation {ann_id}: 'selector.exact' must be the quoted text")
        tags = d.get("tags") or []
        if isinstance(tags, str):
            tags = [tags]
        if not isinstance(tags, list) or not all(isinstance(t, (str, int, float)) and not isinstance(t, bool) for t in tags):
            raise InvalidAnnotation(f"annotation {ann_id}: 'tags' must be a list of strings")
        note = d.get("note")
        if note is not None and not isinstance(note, str):
            raise InvalidAnnotation(f"annotation {ann_id}: 'note' must be text")
        return cls(
            id=ann_id,
            doc=_scalar_str(d, "doc", required=True, ann_id=ann_id),
            path=_scalar_str(d, "path", ann_id=ann_id),
            created=_time_str(d.get("created")),
            modified=_time_str(d.get("modified")),
            selector=Selector(
                start=start,
                end=end,
                exact=exact,
                prefix=_opt_str(sel.get("prefix")),
                suffix=_opt_str(sel.get("suffix")),
            ),
            text_hash=_opt_str(d.get("text_hash")),
            tags=[str(t) for t in tags],
            note=note or "",
            extra={k: v for k, v in d.items() if k not in KNOWN_KEYS},
        )


def _kind(v: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text"}.get(type(v), type(v).__name__)


def _scalar_str(d: dict, key: str, required: bool = False, ann_id: str | None = None) -> str:
    v = d.get(key)
    if v is None or v == "":
        if required:
            who = f"annotation {ann_id}: " if ann_id else ""
            raise InvalidAnnotation(f"{who}'{key}' is missing")
        return ""
    if isinstance(v, (str, int)) and not isinstance(v, bool):
        return str(v)
    who = f"annotation {ann_id}: " if ann_id else ""
    raise InvalidAnnotation(f"{who}'{key}' must be text, got {_kind(v)}")


def _opt_str(v: Any) -> str:
    return v if isinstance(v, str) else ("" if v is None else str(v))


def _time_str(v: Any) -> str:
    # An unquoted timestamp typed by hand comes back from YAML as a datetime.
    if isinstance(v, _dt.datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=_dt.timezone.utc)
        return v.isoformat(timespec="seconds")
    if isinstance(v, _dt.date):
        return v.isoformat()
    return _opt_str(v)
