"""The three-way merge behind every save: the file now, the file as last read, the changes made here.

Pure data in, data out (entries in their file form, by id), so the rules are
tested on their own:

- an entry added or edited here is written, unless the file's copy was also
  edited since it was read and that edit is later (``modified``);
- an entry deleted here is removed, unless it was edited elsewhere since it
  was read (the edit wins: a delete never destroys work it has not seen);
- everything else on disk, including entries other writers added, stays, in
  the file's order; new entries from here follow it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Iterable

Entry = dict[str, Any]


def merge(disk: dict[str, Entry], base: dict[str, Entry], mine: dict[str, Entry], deleted: Iterable[str]) -> dict[str, Entry]:
    merged = dict(disk)
    for ann_id in deleted:
        theirs = merged.get(ann_id)
        if theirs is not None and (ann_id not in base or theirs == base[ann_id]):
            del merged[ann_id]
    for ann_id, entry in mine.items():
        theirs = merged.get(ann_id)
        theirs_changed = theirs is not None and theirs != base.get(ann_id, theirs)
        if theirs_changed and later(theirs.get("modified"), entry.get("modified")):
            continue
        merged[ann_id] = entry
    return merged


def later(a: Any, b: Any) -> bool:
    """Is timestamp ``a`` strictly later than ``b``? (ISO 8601 strings, any UTC offsets)"""
    try:
        return _dt.datetime.fromisoformat(str(a)) > _dt.datetime.fromisoformat(str(b))
    except (TypeError, ValueError):
        return str(a) > str(b)
