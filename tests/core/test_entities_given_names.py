"""A short form of a given name and the same surname are one person across articles."""

from __future__ import annotations

from pathlib import Path

from reader.core.document import Document
from reader.core.entities import build_entity_index
from reader.core.entities.gazetteer import gazetteer


def people(*texts: str) -> list[set[str]]:
    docs = [Document(id=f"d{i}", path=Path(f"d{i}.txt"), text=t) for i, t in enumerate(texts)]
    return [set(e.aliases) for e in build_entity_index(docs).entities if e.type == "PERSON"]


def test_short_given_name_joins_the_full_one():
    got = people("Frederick Halloway, a retired pilot, was found on Tuesday.",
                 "Neighbours said Fred Halloway had lived alone for years.")
    assert {"Frederick Halloway", "Fred Halloway"} in got


def test_a_middle_name_does_not_stop_the_join():
    got = people("Kathryn Anne Morrow spoke to the court on Monday.",
                 "Katie Morrow later thanked the jury.")
    assert any({"Kathryn Anne Morrow", "Katie Morrow"} <= s for s in got)


def test_two_full_names_with_that_short_form_stay_apart():
    got = people("Alexander Brandt and his sister Alexandra Brandt opened the shop.",
                 "Alex Brandt said sales were good.")
    assert not any({"Alexander Brandt", "Alexandra Brandt"} <= s for s in got)
    assert not any("Alex Brandt" in s and len(s & {"Alexander Brandt", "Alexandra Brandt"}) for s in got)


def test_another_given_name_with_the_same_surname_stays_apart():
    got = people("Andrew Keller was elected on Sunday.", "Andrea Keller congratulated her brother.")
    assert not any({"Andrew Keller", "Andrea Keller"} <= s for s in got)


def test_shipped_short_forms_are_spelt_like_the_start_of_the_full_name():
    full = gazetteer().full_given
    assert "frederick" in full["fred"]
    for short, names in full.items():
        for name in names:
            assert len(short) < len(name) and short[:3] == name[:3]
