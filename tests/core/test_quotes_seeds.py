"""The two seed articles: every quotation with its speaker, and the quotations that link them."""

from __future__ import annotations

import pytest

from reader.core.index import Index
from reader.core.loader import LoadOptions, load_paths

A, B = "000_dcdabc9cd42fd5c7", "002_3ad7c57d0e97eb6f"

# (article, opening words of the quotation, a word of the speaker's name or None, short)
EXPECTED = [
    (A, "mainly restored", "Tokayev", True),
    (A, "20,000 bandits", "Tokayev", True),
    (A, "Terrorists continue to damage property", "Tokayev", False),
    (A, "Criminals", None, True),
    (A, "26 armed criminals were killed", "Interior Ministry", False),
    (A, "anti-terrorist operations", "Pannier", True),
    (A, "They’re probably low after last night", "Pannier", False),
    (A, "anti-terrorist operations", None, True),  # nested inside Pannier's words: what "they" call it
    (A, "So they’re expanding their security operation", "Pannier", False),
    (A, "round the clock", "Defense Ministry", True),
    (A, "elimination of militants.", None, True),  # "the Kazakh government": no such entity
    (A, "world will be watching", "United States", False),
    (A, "The United States and, frankly, the world", "Price", False),
    (A, "full support for Kazakhstan’s constitutional", "Price", False),
    (B, "mainly restored", "Tokayev", True),
    (B, "in control", None, True),
    (B, "bandits and terrorists", "Tokayev", True),
    (B, "nonsense", "Tokayev", True),
    (B, "shoot to kill without warning.", "Tokayev", False),
    (B, "blue", None, True),  # "the local administration": no such entity
    (B, "stable and controlled.", None, True),  # "Officials"
    (B, "blue", None, True),
    (B, "for a limited period of time", "Tokayev", False),
    (B, "operational and combat", "Defense", True),
    (B, "to regulate the price", "Tokayev", False),
    (B, "Regretfully, the protests", "Tokayev", False),
    (B, "the protests led to further escalation", "Tokayev", False),
    (B, "an armed act of aggression", "Tokayev", False),
    (B, "gangsters and terrorists", "Tokayev", True),
    (B, "at least six waves of attacks", "Tokayev", False),
    (B, "very well trained, organized", "Tokayev", False),
    (B, "speaking non-Kazakh languages.", "Tokayev", True),
    (B, "neutralize", "Tokayev", True),
    (B, "terrorists and gangsters", "Tokayev", True),
    (B, "They were beating and killing", "Tokayev", False),
    (B, "In my basic view", "Tokayev", False),
    (B, "high treason.", None, True),
    (B, "consultations", None, True),
]


@pytest.fixture
def index(seeds_dir):
    corpus = load_paths([str(seeds_dir)], LoadOptions())
    return Index(corpus)


def test_every_quotation_found_with_its_speaker(index):
    quotes = sorted(index.quotes.quotes, key=lambda q: (q.doc, q.start))
    got = [(q.doc, q.text, q.speaker, q.short) for q in quotes]
    assert len(got) == len(EXPECTED), got
    for (doc, text, speaker, short), (e_doc, e_text, e_speaker, e_short) in zip(got, EXPECTED):
        assert doc == e_doc and text.startswith(e_text), (text, e_text)
        assert short == e_short, text
        if e_speaker is None:
            assert speaker is None, (text, speaker)
        else:
            assert speaker and e_speaker in speaker, (text, speaker)


def test_speaker_entities_are_entities_of_the_index(index):
    ents = {e.id: e for e in index.entities.entities}
    for q in index.quotes.quotes:
        if q.speaker_entity is not None:
            assert ents[q.speaker_entity].name == q.speaker
            assert ents[q.speaker_entity].type in ("PERSON", "ORG", "PLACE")


def test_offsets_and_ids(index):
    for q in index.quotes.quotes:
        doc = index.doc(q.doc)
        assert doc.text[q.start:q.end] == q.text
        assert q.outer_start < q.start <= q.end < q.outer_end
        assert q.id == f"{q.doc}:{q.start}" and index.quotes.get(q.id) is q
        assert index.quotes.at(q.doc, q.start) is q
        for m in q.matches:
            assert index.doc(m.doc).text[m.start:m.end] == m.text and m.doc != q.doc
            assert 0 < m.score <= 1


def test_apostrophes_are_never_quotation_marks(index):
    for q in index.quotes.quotes:
        doc = index.doc(q.doc)
        for edge in (q.outer_start, q.outer_end - 1):
            before = doc.text[edge - 1: edge] if edge else " "
            after = doc.text[edge + 1: edge + 2]
            assert not (before.isalpha() and after.isalpha()), doc.text[edge - 10: edge + 10]


def _links(index, text: str) -> set[tuple[str, str]]:
    out = set()
    for q in index.quotes.quotes:
        if q.text.rstrip(".,") == text:
            out |= {(q.doc, m.doc) for m in q.matches}
    return out


def test_mainly_restored_links_the_two_articles(index):
    assert _links(index, "mainly restored") == {(A, B), (B, A)}


def test_shoot_to_kill_links_the_two_articles(index):
    b = next(q for q in index.quotes.in_doc(B) if q.text.startswith("shoot to kill"))
    assert [(m.doc, m.text, m.kind) for m in b.matches] == [(A, "shoot to kill without warning", "same words")]
    a = next(q for q in index.quotes.in_doc(A) if q.text.startswith("Terrorists continue"))
    assert B in {m.doc for m in a.matches}
    assert any("shoot to kill without warning" in m.text for m in a.matches)


def test_20000_bandits_finds_the_gangsters_and_terrorists(index):
    q = next(q for q in index.quotes.in_doc(A) if q.text == "20,000 bandits")
    assert any(m.doc == B and '20,000 "gangsters and terrorists"' in m.text for m in q.matches)


def test_similar_passages_for_a_sentence(index):
    a = index.doc(A)
    start = a.text.index("Security has been bolstered")
    # a sentence with no counterpart: nothing, rather than noise
    assert index.quotes.similar_passages(A, start, a.text.index(".", start) + 1) == []
    s = a.text.index("The contingent is made up of armed forces")
    e = a.text.index(".", s) + 1
    hits = index.quotes.similar_passages(A, s, e)
    assert hits and hits[0].doc == B and hits[0].text.startswith("Peacekeepers from Armenia, Belarus, Kyrgyzstan")


def test_26_killed_said_by_the_ministry_links_the_ministry_statistics(index):
    q = next(q for q in index.quotes.in_doc(A) if q.text.startswith("26 armed criminals"))
    assert [(m.doc, m.kind) for m in q.matches] == [(B, "same claim")]
    assert "26 have been killed" in q.matches[0].text and "Interior Ministry" in q.matches[0].text
