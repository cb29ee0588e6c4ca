"""Compare on the two seed articles: the figures they share, where they differ, what is no figure."""

from __future__ import annotations

import pytest

from reader.core.index import Index
from reader.core.loader import load_paths
from tests.conftest import SEEDS

DW = "000_dcdabc9cd42fd5c7"
RT = "002_3ad7c57d0e97eb6f"


@pytest.fixture(scope="module")
def index():
    return Index(load_paths([SEEDS]))


@pytest.fixture(scope="module")
def comparison(index):
    return index.compare


def fact_with(comparison, doc, text):
    found = [f for f in comparison.facts if any(it.doc == doc and text in it.text for it in f.items)]
    assert found, f"no fact with {text!r} in {doc}"
    return found[0]


def test_arrests_and_detained_differ(comparison):
    f = fact_with(comparison, DW, "3,000 arrests")
    assert f.kind == "number" and f.verdict == "differ"
    rt = f.item_for(RT)
    assert rt.hedge == "almost" and rt.value == 4000 and rt.high < 4000 and rt.low > 3000
    assert rt.predicate == "detained" and f.item_for(DW).predicate == "detained"
    assert any(it.text == "almost 4,000 people detained" for it in f.items)


def test_twenty_six_killed_agree_with_attribution(comparison):
    f = fact_with(comparison, DW, "26 armed criminals were killed")
    assert f.verdict == "agree"
    dw, rt = f.item_for(DW), f.item_for(RT)
    assert rt.text.startswith("26") and rt.predicate == dw.predicate == "killed"
    assert dw.unit == "armed criminals" and rt.unit is None
    assert dw.attribution == rt.attribution and dw.attribution.startswith("org:interior-ministry")


def test_twenty_thousand_agree_and_show_both_wordings(comparison):
    f = fact_with(comparison, DW, "20,000 bandits")
    assert f.verdict == "agree"
    rt = f.item_for(RT)
    assert "gangsters and terrorists" in rt.text and rt.hedge == "as many as"
    assert f.item_for(DW).unit == "bandits" and rt.unit == "gangsters and terrorists"
    assert f.item_for(DW).value == rt.value == 20000


def test_security_personnel_killed_is_not_the_criminals_toll(comparison):
    f = fact_with(comparison, DW, "18 security personnel")
    assert f.verdict == "only"
    assert all("criminals" not in (it.unit or "") for it in f.items)


def test_dates_clock_times_and_names_are_not_figures(comparison, index):
    texts = {(q.doc, q.text) for q in comparison.quantities}
    numbers = [(q.doc, q.text) for q in comparison.quantities]
    assert not any("Khabar" in t or t.startswith("24") for _, t in numbers)
    assert not any(t.startswith(("3:00", "09:00", "2022", "19", "2016", "5,", "6", "2 ")) for _, t in numbers)
    for q in comparison.quantities:
        for e in index.timeline.in_doc(q.doc):
            assert not (e.start < q.end and q.start < e.end), (q.text, e.text)
    assert (DW, "70 checkpoints") in texts


def test_every_item_is_a_slice_of_its_document(comparison, index):
    for f in comparison.facts:
        for it in f.items:
            doc = index.doc(it.doc)
            assert it.text == doc.text[it.start:it.end]
            assert it.sentence_start <= it.start < it.end <= it.sentence_end
            if f.kind == "claim":
                assert it.value is None and it.low is None and it.high is None and it.hedge is None


def test_facts_listed_differ_then_agree_then_only(comparison):
    order = {"differ": 0, "agree": 1, "only": 2}
    ranks = [order[f.verdict] for f in comparison.facts]
    assert ranks == sorted(ranks)
    assert len({f.id for f in comparison.facts}) == len(comparison.facts)


def test_entities_only_in_one_article_and_speakers(comparison):
    only_ap = {e.name for e in comparison.only_in(DW)}
    only_rt = {e.name for e in comparison.only_in(RT)}
    assert only_ap and only_rt and not only_ap & only_rt
    both = [e for e in comparison.entities if len(e.docs) == 2]
    assert any("Tokayev" in e.name for e in both)
    tokayev = next(s for s in comparison.speakers if s.entity and "tokayev" in s.entity)
    assert tokayev.counts[RT] >= 2 and tokayev.counts[DW] >= 1
