"""A bare name and the fuller names it leads: a company's name and its name with a legal form
("Quillstone", "Quillstone Ltd."), an organisation's and its facility's ("Quillstone Rehab Center"), a
person's where it is a place and the facility named after the person ("at Ann Quill", "the Ann Quill
Center"), a sea's and its full one ("the Quillish", "the Quillish Sea"). The linking pass (``link.py``)
attaches such a bare name's mentions to the fuller name of its article, else to the corpus's only one.
"""

from __future__ import annotations

from collections import defaultdict

from .raw import RawMention
from .teams import TEAM_KEY

# what may follow an organisation's own name in its fuller one: its legal form ("Quillstone Ltd.", "Brenlow
# Corp."), or the kind of place it runs ("Quillstone Rehab Center"); a bare "Quillstone" is that organisation
_LEGAL_FORMS = frozenset("inc incorporated ltd limited llc llp plc corp corporation co company sa ag nv gmbh "
                         "group holdings bank".split())
_FACILITY_HEADS = frozenset("center centre clinic hospital".split())
# ... and what follows a sea's or an island's own name: "the Quillish Sea" is "the Quillish"
_FEATURE_HEADS = frozenset("sea ocean island isle islands desert peninsula".split())


def leads(forms: dict[str, list[RawMention]], ftype: dict[str, str]) -> dict[str, set[str]]:
    """An organisation's or a sea's own name, to its fuller names: "quillstone" -> "quillstone ltd",
    "quillstone rehab center"; "quillish" -> "quillish sea". The fuller name is a legal form, a facility
    of one or two words or a kind of sea or island after the name; a sub-body ("Brenlow Finance Committee",
    "NBA Draft") or a place of another kind ("Wasilla Bible Church") is not the bare name."""
    out: dict[str, set[str]] = defaultdict(set)
    for k, ms in forms.items():
        words = k.split()
        if len(words) < 2 or ftype[k] not in ("ORG", "PLACE") or k.endswith(TEAM_KEY):
            continue
        for i in range(len(words) - 1, 0, -1):
            rest = words[i:]
            if all(w in _LEGAL_FORMS for w in rest):
                out[" ".join(words[:i]) + _ORG_LEAD].add(k)
                out[" ".join(words[:i]) + _KNOWN_LEAD].add(k)
            elif len(rest) <= 2 and rest[-1] in _FACILITY_HEADS:
                out[" ".join(words[:i]) + _ORG_LEAD].add(k)
                out[" ".join(words[:i]) + _WHERE_LEAD].add(k)
            elif len(rest) == 1 and rest[0] in _FEATURE_HEADS:
                out[" ".join(words[:i]) + _PLACE_LEAD].add(k)
    return out


# which bare names a lead is for: the table's keys end so. A known organisation's name or an acronym leads
# only its legal form (the "QRX Center" is a building of QRX); a person's name leads only the facility
# named after the person, and only where a mention is a place ("at Ann Quill", of the "Ann Quill Center")
_ORG_LEAD, _KNOWN_LEAD, _PLACE_LEAD, _WHERE_LEAD = " (org)", " (known org)", " (place)", " (where)"


def lead_of(k: str, typ: str, m: RawMention) -> str | None:
    """The key in the table of ``leads`` a form looks itself up by: an organisation's name, a place's
    that the gazetteer does not know ("Mississippi" is not the Mississippi River), a person's."""
    if typ == "ORG":
        return k + (_KNOWN_LEAD if m.gaz or m.text.isupper() else _ORG_LEAD)
    if m.gaz:
        return None
    if typ == "PLACE":
        return k + _PLACE_LEAD
    if typ == "PERSON":
        return k + _WHERE_LEAD
    return None
