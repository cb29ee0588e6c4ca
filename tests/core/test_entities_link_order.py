"""Linking gives the same entities whatever the order Python's sets happen to iterate in this run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

TEXTS = {
    "d1": "Anna Marie Vell met officials in Ostrava.",
    "d2": "Marie Vell visited the Quillmark Bank.",
    "d3": "Vell praised the Quillmark Bank.",
}
NAMES = {"d1": [("Anna Marie Vell", "PERSON", 3), ("Ostrava", "PLACE", 1)],
         "d2": [("Marie Vell", "PERSON", 2), ("Quillmark Bank", "ORG", 2)],
         "d3": [("Vell", "PERSON", 1), ("Quillmark Bank", "ORG", 2)]}

SCRIPT = r"""
import json, sys
from reader.core.entities.link import link
from reader.core.entities.raw import RawMention, link_key
texts, names = json.loads(sys.argv[1]), json.loads(sys.argv[2])
raw = []
for doc, found in names.items():
    for surface, typ, ntok in found:
        start = texts[doc].index(surface)
        raw.append(RawMention(doc, start, start + len(surface), surface, link_key(surface), {typ: 2.0}, ntok=ntok))
ents = link(raw, list(texts), texts)
print(json.dumps(sorted([e.name, sorted([m.doc, m.start] for m in e.mentions)] for e in ents)))
"""


def test_a_bare_surname_joins_the_same_person_under_every_hash_seed():
    # "Vell" (d3) names neither full form; the two are one person, and only d2's article shares a name
    # with d3: which form was looked at first once decided whether the surname joined
    outs = set()
    for seed in range(8):
        env = dict(os.environ, PYTHONHASHSEED=str(seed), READER_WORKERS="1")
        r = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(TEXTS), json.dumps(NAMES)], env=env,
                           capture_output=True, text=True, timeout=120, check=True)
        outs.add(r.stdout)
    assert len(outs) == 1
    (vell,) = [ms for name, ms in json.loads(outs.pop()) if "Vell" in name]
    assert ["d3", 0] in vell and len(vell) == 3
