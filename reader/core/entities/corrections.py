"""User corrections to the entity list, kept in a human-editable YAML file.

The file (default ``entities.yaml`` beside the annotations file; config key
``entities.corrections``) is a YAML list of corrections applied in order on
every load. Each names entities by id (``person:kassym-jomart-tokayev``):

    - merge: person:tokayev              # this entity's mentions ...
      into: person:kassym-jomart-tokayev # ... join this one
    - rename: org:interior-ministry-kazakhstan
      name: Interior Ministry of Kazakhstan
    - retype: person:khabar
      type: ORG                          # PERSON, PLACE or ORG
    - split: place:washington            # mentions with this exact text leave the entity
      surface: Washington
      type: PERSON                       # optional: type of the new entity (default: the same)
      name: George Washington            # optional: its name (default: the surface)
    - ignore: person:cosmodrome          # hidden from the list

A correction whose entity no longer exists (the articles changed) is skipped.
A malformed file is reported with its line and then applied not at all, and
reader never writes to it until it is fixed. New corrections are appended as
text, so the user's comments and layout survive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import ReaderError, yaml_syntax_message
from .entity import slug
from .model import TYPES, Entity, EntityIndex, Mention

OPS = ("merge", "rename", "retype", "split", "ignore")
_ARGS = {"merge": ("into",), "rename": ("name",), "retype": ("type",), "split": ("surface",), "ignore": ()}
_OPTIONAL = {"split": ("type", "name")}

HEADER = """\
# reader: corrections to the entity list, applied in order every time the articles are opened.
# Edit freely (keep it a YAML list). Entities are named by the ids `reader entities --json` prints.
#   - merge: ID      + into: ID      the first entity's mentions join the second
#   - rename: ID     + name: TEXT    show the entity under another name
#   - retype: ID     + type: T       PERSON, PLACE or ORG
#   - split: ID      + surface: TEXT mentions with exactly this text become an entity of their own
#                    (+ type: T, name: TEXT, both optional)
#   - ignore: ID                     hide the entity
"""


class CorrectionsError(ReaderError):
    """The corrections file cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Correction:
    op: str
    target: str
    args: dict = field(default_factory=dict)
    line: int = 0  # 1-based line in the file, 0 when not read from a file

    def to_yaml(self) -> str:
        body = {self.op: self.target, **self.args}
        text = yaml.safe_dump([body], allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
        return text

    def describe(self) -> str:
        extra = ", ".join(f"{k} {v}" for k, v in self.args.items())
        return f"{self.op} {self.target}" + (f" ({extra})" if extra else "")


def parse(text: str, where: str = "corrections") -> list[Correction]:
    """Corrections in ``text``; raises CorrectionsError naming the line of the first problem."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise CorrectionsError(yaml_syntax_message(where, exc)) from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise CorrectionsError(f"{where}, line {root.start_mark.line + 1}: expected a list of corrections (- merge: ...)")
    out: list[Correction] = []
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise CorrectionsError(f"{where}, line {line}: each correction is a mapping such as '- ignore: ID'")
        item = {}
        for k, v in node.value:
            if not isinstance(k, yaml.ScalarNode) or not isinstance(v, yaml.ScalarNode):
                raise CorrectionsError(f"{where}, line {k.start_mark.line + 1}: expected 'key: value'")
            item[k.value] = v.value
        ops = [k for k in item if k in OPS]
        if len(ops) != 1:
            raise CorrectionsError(f"{where}, line {line}: expected exactly one of {', '.join(OPS)}, got {', '.join(item) or 'nothing'}")
        op = ops[0]
        target = str(item.pop(op)).strip()
        if not target:
            raise CorrectionsError(f"{where}, line {line}: '{op}' needs an entity id")
        for need in _ARGS[op]:
            if not str(item.get(need, "")).strip():
                raise CorrectionsError(f"{where}, line {line}: '{op}' needs '{need}:'")
        allowed = set(_ARGS[op]) | set(_OPTIONAL.get(op, ()))
        unknown = [k for k in item if k not in allowed]
        if unknown:
            raise CorrectionsError(f"{where}, line {line}: unknown key '{unknown[0]}' for '{op}' (expected {', '.join(sorted(allowed)) or 'none'})")
        if "type" in item:
            item["type"] = str(item["type"]).strip().upper()
            if item["type"] not in TYPES:
                raise CorrectionsError(f"{where}, line {line}: type must be PERSON, PLACE or ORG, got {item['type']!r}")
        out.append(Correction(op, target, {k: str(v) for k, v in item.items()}, line))
    return out


def _read(path: Path) -> str:
    """The file's text, "" when it does not exist; raises CorrectionsError."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionsError(f"{path}: cannot read ({exc})") from None


def load(path: Path) -> list[Correction]:
    """Corrections of the file at ``path`` ([] when it does not exist); raises CorrectionsError."""
    return parse(_read(path), str(path))


def _slug_id(typ: str, name: str, taken: set[str]) -> str:
    base = f"{typ.lower()}:{slug(name)}"
    eid, n = base, 1
    while eid in taken:
        n += 1
        eid = f"{base}-{n}"
    return eid


def _copy(e: Entity) -> Entity:
    return Entity(e.id, e.name, e.type, list(e.aliases), list(e.mentions), set(e.roles))


def _aliases(mentions: list[Mention]) -> list[str]:
    from collections import Counter

    return [s for s, _ in Counter(m.text for m in mentions).most_common()]


def apply(entities: list[Entity], corrections: list[Correction]) -> tuple[list[Entity], list[Entity], list[Correction]]:
    """Apply corrections in order without touching ``entities``: (visible, ignored, skipped)."""
    ents = {e.id: _copy(e) for e in entities}
    order = [e.id for e in entities]
    ignored: dict[str, Entity] = {}
    skipped: list[Correction] = []
    for c in corrections:
        e = ents.get(c.target)
        if e is None:
            skipped.append(c)
            continue
        if c.op == "merge":
            into = ents.get(c.args["into"])
            if into is None or into is e:
                skipped.append(c)
                continue
            into.mentions = sorted(into.mentions + e.mentions, key=lambda m: (m.doc, m.start))
            into.aliases = _aliases(into.mentions)
            into.roles |= e.roles
            del ents[e.id]
        elif c.op == "rename":
            e.name = c.args["name"].strip()
        elif c.op == "retype":
            e.type = c.args["type"]
        elif c.op == "split":
            surface = c.args["surface"]
            moved = [m for m in e.mentions if m.text == surface]
            if not moved or len(moved) == len(e.mentions) and "type" not in c.args and "name" not in c.args:
                skipped.append(c)
                continue
            name = c.args.get("name", surface)
            typ = c.args.get("type", e.type)
            new = Entity(_slug_id(typ, name, set(ents) | set(ignored)), name, typ, [surface], moved)
            e.mentions = [m for m in e.mentions if m.text != surface]
            e.aliases = _aliases(e.mentions)
            if not e.mentions:
                del ents[e.id]
            ents[new.id] = new
            order.append(new.id)
        elif c.op == "ignore":
            ignored[e.id] = ents.pop(e.id)
    visible = [ents[i] for i in order if i in ents]
    visible.sort(key=lambda e: (-len(e.mentions), e.name.lower()))
    return visible, list(ignored.values()), skipped


def apply_file(entities: list[Entity], path: Path) -> EntityIndex:
    """The EntityIndex of ``entities`` with the file's corrections; a bad file is reported, not applied."""
    try:
        corrections = load(path)
    except CorrectionsError as exc:
        idx = EntityIndex(entities, corrections_path=path, corrections_error=str(exc))
    else:
        visible, ignored, skipped = apply(entities, corrections)
        idx = EntityIndex(visible, corrections_path=path, hidden=ignored)
        idx.corrections = corrections
        idx.skipped = skipped
    idx.base_entities = entities
    return idx


class CorrectionStore:
    """Appends and undoes corrections in the file, as text, never rewriting what the user wrote."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def append(self, correction: Correction) -> None:
        text = _read(self.path)
        parse(text, str(self.path))  # refuse to touch a file the user must fix first
        if not text.strip():
            text = HEADER if not text else text
        if text and not text.endswith("\n"):
            text += "\n"
        self._write(text + correction.to_yaml())

    def undo_last(self) -> Correction | None:
        """Remove the last correction (its lines only); returns it, or None when there is none."""
        text = _read(self.path)
        items = parse(text, str(self.path))
        if not items:
            return None
        root = yaml.compose(text)
        last = root.value[-1]
        lines = text.splitlines(keepends=True)
        start = last.start_mark.line
        # the "- " that opens the item sits on its first line, before the mapping's own mark
        self._write("".join(lines[:start]))
        return items[-1]

    def _write(self, text: str) -> None:
        from ..fsutil import atomic_write

        atomic_write(self.path, text.encode("utf-8"))


def reapply_corrections(index: EntityIndex) -> EntityIndex:
    """A new index: the same detected entities with the corrections file read again."""
    if index.corrections_path is None:
        return index
    return apply_file(index.base_entities, index.corrections_path)
