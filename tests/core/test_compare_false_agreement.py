"""Compare on articles written to trap false agreement: the same figure of another predicate, another
group, or a number that counts nothing of the event is never `agree`."""

from __future__ import annotations

from pathlib import Path

from reader.core.index import Index
from reader.core.loader import load_paths


def compare(tmp_path: Path, **texts: str):
    for name, body in texts.items():
        (tmp_path / f"{name}.txt").write_text(f"date 2024-05-02\n\n{name} report\n\n{body}\n", encoding="utf-8")
    return Index(load_paths([str(tmp_path)])).compare


def agreeing(comparison) -> list[list[str]]:
    return [[it.text for it in f.items] for f in comparison.facts if f.kind == "number" and f.verdict == "agree"]


def test_killed_never_agrees_with_injured(tmp_path):
    c = compare(tmp_path, a="At least 26 people were injured in the clashes, police said.",
                b="Twenty-six people were killed in the clashes, the health ministry said.")
    assert agreeing(c) == []
    assert {f.verdict for f in c.facts if f.kind == "number"} == {"only"}


def test_criminals_killed_never_agree_with_security_forces_killed(tmp_path):
    c = compare(tmp_path, a="Officers said 12 armed criminals were killed in the fighting.",
                b="Twelve police officers were killed, officials said.")
    assert agreeing(c) == []
    assert all(f.verdict == "only" for f in c.facts if f.kind == "number")


def test_people_of_no_stated_kind_do_not_bridge_two_groups(tmp_path):
    c = compare(tmp_path, a="Officers said 12 armed criminals were killed in the fighting.",
                b="Twelve police officers were killed, officials said.",
                c="Twelve people were killed, the interior ministry said.")
    for texts in agreeing(c):
        assert not ({"12 armed criminals were killed", "Twelve police officers were killed"} <= set(texts))
    assert not any(len(f.docs) == 3 for f in c.facts)


def test_people_of_no_stated_kind_meet_the_one_group_with_their_figure(tmp_path):
    c = compare(tmp_path, a="The ministry said 26 armed criminals were killed.",
                b="In all, 26 have been killed, the ministry said.")
    assert [sorted(t) for t in agreeing(c)] == [["26 armed criminals were killed", "26 have been killed"]]


def test_same_figure_other_predicate(tmp_path):
    c = compare(tmp_path, a="Forty people were detained overnight. Rescue teams evacuated 300 residents.",
                b="Police said 40 people were evacuated. About 300 soldiers were deployed to the square.")
    assert agreeing(c) == []


def test_the_same_group_and_predicate_agree_or_differ_by_range(tmp_path):
    c = compare(tmp_path, a="Police made 3,000 arrests across the country.",
                b="Almost 4,000 people were detained, the ministry said. About 300 protesters were injured.",
                c="Some 310 protesters were hurt.")
    verdicts = {f.label: f.verdict for f in c.facts if f.kind == "number"}
    assert verdicts["arrests"] == "differ"
    hurt = next(f for f in c.facts if any(it.text == "Some 310 protesters were hurt" for it in f.items))
    assert hurt.verdict == "agree" and len(hurt.docs) == 2


def test_ages_dates_clock_times_ordinals_and_names_are_no_figures(tmp_path):
    c = compare(tmp_path, a="A 40-year-old man was detained at the third checkpoint on May 1, 2024. The rally "
                            "began at 3:00 p.m. and Channel 24 showed it live. Covid-19 rules applied in 2021.",
                b="A 40-year-old man was detained at 3:00 p.m. on May 1. Channel 24 said so.")
    assert [q.text for q in c.quantities] == []
    assert [f for f in c.facts if f.kind == "number"] == []


def test_figures_of_tokenised_text_are_whole(tmp_path):
    c = compare(tmp_path, a="Police said 20 , 000 people marched through the city center .",
                b="In the north , 10 , 000 people are reported as marching against the measures .")
    assert sorted((q.text, q.value) for q in c.quantities) == [("10 , 000 people are reported", 10000),
                                                                 ("20 , 000 people", 20000)]
    assert agreeing(c) == []
