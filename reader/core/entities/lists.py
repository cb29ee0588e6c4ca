"""Names listed together are of one kind: "the villages of Tonvar, Gesk, Marrin and Ulsby", "Paris, Lyon
and Quenford". A name that no cue types takes the type of the names listed beside it that one does.
"""

from __future__ import annotations

from collections import defaultdict

from .cues import NO_CUE, SURNAME
from .raw import RawMention

_JOINERS = frozenset((",", "and", ", and", "or", ", or"))
_AFTER = (",", " ,", " and ", " or ")
_BEFORE = (", ", " and ", " or ")
_TYPES = ("PERSON", "PLACE", "ORG")
_LISTED = 1.5  # what the list's type adds to a member no cue types


def _evidence(ms: list[RawMention]) -> dict[str, float]:
    v: dict[str, float] = {}
    for m in ms:
        for t, w in m.votes.items():
            if t in _TYPES:
                v[t] = v.get(t, 0.0) + w
    return v


def type_lists(groups: dict[str, list[RawMention]], texts: dict[str, str]) -> None:
    """Adds the list's type to the votes of each listed mention whose entity no cue types (only the lean
    of a name without a cue, or of a surname), when the typed members of its list agree."""
    by_doc: dict[str, list[tuple[int, int, str, RawMention]]] = defaultdict(list)
    for root, ms in groups.items():
        for m in ms:
            text = texts.get(m.doc)
            # only a mention with a joiner beside it can be listed: the others cost one look each
            if text is not None and (text.startswith(_AFTER, m.end) or text.endswith(_BEFORE, 0, m.start)):
                by_doc[m.doc].append((m.start, m.end, root, m))
    typed: dict[str, str | None] = {}
    for doc, rows in by_doc.items():
        text = texts[doc]
        rows.sort(key=lambda r: r[0])
        chain = rows[:1]
        for prev, row in zip(rows, rows[1:]):
            if row[0] - prev[1] <= 7 and " ".join(text[prev[1]:row[0]].split()) in _JOINERS:
                chain.append(row)
                continue
            _settle(chain, groups, typed)
            chain = [row]
        _settle(chain, groups, typed)


def _settle(chain: list, groups: dict[str, list[RawMention]], typed: dict[str, str | None]) -> None:
    if len(chain) < 3:
        return  # "X and Y": too little to say a kind ("Smith and Jones", "Smith and Boston")
    for r in chain:
        if r[2] not in typed:  # the entity's type by its cues alone, when they say enough
            v = _evidence(groups[r[2]])
            best = max(v, key=v.get) if v else None
            typed[r[2]] = best if best is not None and v[best] >= 1.0 else None
    kinds = [typed[r[2]] for r in chain if typed[r[2]] is not None]
    if len(kinds) < 2 or len(set(kinds)) != 1:
        return  # two typed members at least, and all of one kind
    kind = kinds[0]
    for _, _, root, m in chain:
        if typed[root] is None and (NO_CUE in m.votes or SURNAME in m.votes or not m.votes):
            m.votes = dict(m.votes)  # vote tables are shared: a copy
            m.votes[kind] = m.votes.get(kind, 0.0) + _LISTED
