"""The annotations file as text: safe, bounded parsing and faithful dumping.

Parsing uses PyYAML's safe loader only (the C one when available, for speed)
and refuses what a hand-written annotations file never needs but an attack
does: anchors/aliases (a "billion laughs" file expands exponentially when
walked or written back) and files over a size limit. Every refusal is a
``FileProblem`` naming the file and, where known, the line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import SCHEMA_VERSION

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HEADER = (
    "# reader annotations: one entry per passage. Schema: README.md, section \"Annotations file\".\n"
    "# Safe to edit by hand while reader is closed; keep 'version' and each entry's 'id'.\n"
)
# Shared strings this long can only come from aliases (the loader builds a new
# object per scalar); short ones may be shared by the interpreter's own caches.
_SHARED_STR_MIN = 256


@dataclass(frozen=True)
class FileProblem(Exception):
    """Why a file cannot be used as is. ``str()`` is a message for people."""

    path: str
    message: str
    line: int | None = None  # 1-based

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class ParsedFile:
    version: int
    entries: list[Any]  # raw entries, validated by the store one by one
    extra: dict[str, Any]  # unknown top-level keys, written back untouched


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """The file's text, None if it does not exist. Raises FileProblem."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FileProblem(str(path), f"cannot read ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise FileProblem(
            str(path),
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for an annotations file "
            "(raise annotations.max_file_mb in the config to open it); not loaded, and it will not be overwritten",
        )
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise FileProblem(str(path), f"cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileProblem(str(path), "not UTF-8 text", line) from None


def parse(text: str, path: str) -> ParsedFile:
    """Parse the file's text. Raises FileProblem for anything that is not a
    usable annotations document (entries themselves are checked by the store)."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FileProblem(path, f"not valid YAML ({problem})", mark.line + 1 if mark else None) from None
    except RecursionError:
        raise FileProblem(path, "nested too deeply to be an annotations file") from None
    if _has_shared_objects(data):
        raise FileProblem(path, "uses YAML anchors/aliases (&name, *name), which annotations files never need; "
                          "refused because they can expand without bound", _first_alias_line(text))
    if data is None:
        return ParsedFile(SCHEMA_VERSION, [], {})
    if isinstance(data, list):  # a bare list of entries: accepted, written back with a header
        return ParsedFile(SCHEMA_VERSION, data, {})
    if not isinstance(data, dict):
        raise FileProblem(path, f"expected a mapping with 'version' and 'annotations', got {type(data).__name__}", 1)
    version = data.get("version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileProblem(path, f"'version' must be an integer, got {version!r}", _key_line(text, "version"))
    if version > SCHEMA_VERSION:
        raise FileProblem(path, f"written by a newer reader (schema version {version}; this one knows "
                          f"{SCHEMA_VERSION}); opened read-only", _key_line(text, "version"))
    entries = data.get("annotations") or []
    if not isinstance(entries, list):
        raise FileProblem(path, "'annotations' must be a list", _key_line(text, "annotations"))
    extra = {k: v for k, v in data.items() if k not in ("version", "annotations")}
    return ParsedFile(version, entries, extra)


def entry_lines(text: str) -> list[int]:
    """1-based line of each entry of ``annotations`` (only called to explain a bad entry)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return []
    seq = root
    if isinstance(root, yaml.MappingNode):
        seq = next((v for k, v in root.value if getattr(k, "value", None) == "annotations"), None)
    if not isinstance(seq, yaml.SequenceNode):
        return []
    return [n.start_mark.line + 1 for n in seq.value]


_SEQ_KEY = re.compile(r"annotations:[ \t]*(#.*)?$")


def split_entries(text: str) -> list[str] | None:
    """The text of each entry of a block sequence under a column-0
    ``annotations:`` key, as written by ``assemble`` (or hand-edited in the
    same layout); None when the layout is any other.

    In a column-0 block sequence every item starts with ``- `` at column 0 and
    everything else of the item is indented, blank or a comment, so this split
    is exact. The store reuses these texts for entries it did not change, so a
    save after opening a large file does not re-dump every entry, and comments
    between untouched entries survive.
    """
    lines = text.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if _SEQ_KEY.match(ln)), None)
    if start is None:
        return None
    chunks: list[str] = []
    current: list[str] = []
    for ln in lines[start + 1 :]:
        if ln.startswith("- ") or ln.rstrip("\r\n") == "-":
            if current:
                chunks.append("".join(current))
            current = [ln]
        elif not ln.strip() or ln[0] in " #":
            if not current and ln.strip():
                return None  # content before the first item
            current.append(ln)
        else:
            return None  # another top-level key after the sequence: not our layout
    if current:
        chunks.append("".join(current))
    if chunks and not chunks[-1].endswith("\n"):
        chunks[-1] += "\n"
    return chunks


def _has_shared_objects(data: Any) -> bool:
    seen: set[int] = set()
    stack = [data]
    while stack:
        obj = stack.pop()
        if isinstance(obj, (dict, list)) or isinstance(obj, str) and len(obj) >= _SHARED_STR_MIN:
            if id(obj) in seen:
                return True
            seen.add(id(obj))
        if isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, list):
            stack.extend(obj)
    return False


def _first_alias_line(text: str) -> int | None:
    try:
        for ev in yaml.parse(text, Loader=_Loader):
            if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
                return ev.start_mark.line + 1
    except yaml.YAMLError:
        pass
    return None


def _key_line(text: str, key: str) -> int | None:
    for i, line in enumerate(text.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return i
    return None


# --- writing ----------------------------------------------------------------
class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: Any) -> bool:  # never write &anchors: we would refuse to read them
        return True


def _plain(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _block(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Notes are multi-line prose: `|` blocks keep them readable in the file.
    # Characters YAML treats as line breaks of its own (\r, NEL, LS, PS) or
    # that a block cannot hold would not survive a block: leave those quoted.
    if "\n" in value and not value.endswith("\n") and value.replace("\n", "").isprintable():
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return _plain(dumper, value)


class _BlockDumper(_Dumper):
    pass


class _PyBlockDumper(yaml.SafeDumper):
    # libyaml's emitter escapes every character outside the BMP (emoji become
    # "\U0001F600"); the pure-Python emitter writes them as they are.
    def ignore_aliases(self, data: Any) -> bool:
        return True


_BlockDumper.add_representer(str, _block)
_PyBlockDumper.add_representer(str, _block)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _has_astral(obj: Any) -> bool:
    if isinstance(obj, str):
        return _ASTRAL.search(obj) is not None
    if isinstance(obj, dict):
        return any(_has_astral(k) or _has_astral(v) for k, v in obj.items())
    if isinstance(obj, list):
        return any(_has_astral(v) for v in obj)
    return False


def dump_entry(entry: Any) -> str:
    """One entry as a top-level sequence item (``- id: ...``), verified to
    read back to the same data.

    Verification costs one parse of the entry but guards the promise that a
    save never changes a word: if the readable form does not round-trip, the
    plain one (quoted wherever needed) is used instead. Entries are dumped one
    by one so that the store can cache them and a save re-dumps only what changed.
    """
    dumpers = (_PyBlockDumper, _BlockDumper, _Dumper) if _has_astral(entry) else (_BlockDumper, _Dumper)
    for dumper in dumpers:
        text = yaml.dump([entry], Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
        try:
            if _concatenable(text) and yaml.load(text, Loader=_Loader) == [entry]:  # noqa: S506 - a safe loader
                return text
        except yaml.YAMLError:
            pass
    raise FileProblem("annotations", f"internal error: entry {str(entry)[:60]!r} does not survive a YAML round trip; not saved")


def _concatenable(text: str) -> bool:
    """Can this item be followed by another one in the same sequence? Every line
    after the first must be indented (or blank): a line at column 0 would be a
    document marker (PyYAML ends a ``|+`` block at the end of a document with
    ``...``) or would break out of the item."""
    lines = text.split("\n")
    return text.startswith("- ") and text.endswith("\n") and all(not ln or ln[0] == " " for ln in lines[1:])


def assemble(version: int, extra: dict[str, Any], entry_texts: list[str]) -> str:
    """The whole file from its header fields and already dumped entries."""
    head: dict[str, Any] = {"version": version}
    head.update(extra)
    text = HEADER + yaml.dump(head, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)
    return text + ("annotations:\n" + "".join(entry_texts) if entry_texts else "annotations: []\n")
