"""Passages of two articles paired for side-by-side reading (reader.core.align)."""

from __future__ import annotations

from pathlib import Path

from reader.core.align import align_passages
from reader.core.document import Document
from reader.core.loader import LoadOptions, load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

HARBOUR_A = (
    "A storm closed the harbour of Varlen on Tuesday. "
    "Fishermen said the waves broke the northern breakwater in two places. "
    "The mayor promised that repairs would begin within a month. "
    "Schools stayed open."
)
HARBOUR_B = (
    "The town council met on Wednesday evening. "
    "Repairs will begin within a month, the mayor promised residents. "
    "Waves broke the northern breakwater in two places, according to fishermen. "
    "A ferry was cancelled."
)


def doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, Path(f"{doc_id}.txt"), text)


def sentence_of(d: Document, words: str) -> tuple[int, int]:
    at = d.text.index(words)
    s = d.sentences[d.sentence_index_at(at)]
    return s.start, s.end


def test_sentences_sharing_rare_words_pair_even_out_of_order():
    a, b = doc("a", HARBOUR_A), doc("b", HARBOUR_B)
    al = align_passages(a, b)
    pairs = {(p.a_start, p.b_start) for p in al.pairs}
    assert (sentence_of(a, "Fishermen")[0], sentence_of(b, "Waves broke")[0]) in pairs
    assert (sentence_of(a, "The mayor")[0], sentence_of(b, "Repairs will")[0]) in pairs
    # what only one of them says has no partner
    assert al.partner(a.text.index("Schools"), "a") is None
    assert al.partner(b.text.index("ferry"), "b") is None
    assert len(al.pairs) == 2


def test_each_sentence_has_at_most_one_partner():
    a = doc("a", "The dam on the Orle river burst at dawn. The dam on the Orle river burst at dawn, officials said.")
    b = doc("b", "Officials said the dam on the Orle river burst at dawn.")
    al = align_passages(a, b)
    assert len(al.pairs) == 1
    assert al.pairs[0].b_start == 0


def test_anchors_pair_what_words_alone_would_not():
    a = doc("a", "Police held 300 people. The rest went home.")
    b = doc("b", "Some went home. Almost 400 were taken into custody overnight.")
    assert align_passages(a, b).partner(a.text.index("300"), "a") is None
    anchor = (a.text.index("300"), a.text.index("300") + 10, b.text.index("Almost"), b.text.index("Almost") + 10)
    al = align_passages(a, b, anchors=[anchor])
    p = al.partner(a.text.index("300"), "a")
    assert p is not None and p.anchor and p.b_start == sentence_of(b, "Almost")[0]
    assert al.partner(p.b_start, "b") is p  # either side finds the pair


def test_nearest_keeps_to_the_range_in_view_and_swapped_mirrors():
    a, b = doc("a", HARBOUR_A), doc("b", HARBOUR_B)
    al = align_passages(a, b)
    fisher = sentence_of(a, "Fishermen")[0]
    assert al.nearest(0, which="a").a_start == fisher
    assert al.nearest(0, within=(0, 10), which="a") is None  # nothing paired in view: leave the other alone
    back = al.swapped()
    assert (back.a, back.b) == ("b", "a")
    assert {(p.b_start, p.a_start) for p in back.pairs} == {(p.a_start, p.b_start) for p in al.pairs}
    assert al.nearest(sentence_of(b, "Waves")[0], which="b").a_start == fisher


def test_seeds_pair_the_shared_passages():
    a, b = sorted(load_paths([str(SEEDS)], LoadOptions(cache=False)).documents, key=lambda d: d.id)
    al = align_passages(a, b)
    pair = al.partner(a.text.index("20,000 bandits"), "a")
    assert pair is not None and "20,000" in b.text[pair.b_start:pair.b_end]
    pair = al.partner(a.text.index("shoot to kill"), "a")
    assert pair is not None and "shoot to kill" in b.text[pair.b_start:pair.b_end]
    for p in al.pairs:  # every span is a sentence of its article
        assert (p.a_start, p.a_end) in {(s.start, s.end) for s in a.sentences}
        assert (p.b_start, p.b_end) in {(s.start, s.end) for s in b.sentences}


def test_empty_articles_align_to_nothing():
    assert align_passages(doc("a", ""), doc("b", "Something happened.")).pairs == ()
