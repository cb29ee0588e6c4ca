"""The paraphrase lexicon: a claim reported in other words meets its report, and only with support."""

from __future__ import annotations

from reader.core.quotes import build_quote_index
from reader.core.quotes.paraphrase import paraphrase_terms

from .quotes_fakes import FakeEntities
from .test_quotes_matching import by_text, corpus

SHORT = "Olsen said the relief mission would remain in the valley on a short-term basis."
LIMITED = "Relief crews arrived on Monday, with Mara Olsen saying they would stay \"for a limited period of time\"."


def test_phrases_of_one_group_share_a_term():
    assert paraphrase_terms("on a short-term basis") == paraphrase_terms("for a limited  period of time") != set()
    assert paraphrase_terms("a short-termism debate") == set()  # whole words only
    assert paraphrase_terms("The harbour reopened on Monday.") == set()


def test_a_quotation_in_other_words_by_the_same_speaker_is_the_same_claim():
    docs = corpus(SHORT, LIMITED)
    ents = FakeEntities(docs, [("Mara Olsen", "PERSON", ["Mara Olsen", "Olsen"])])
    qi = build_quote_index(docs, ents)
    q = by_text(qi)["for a limited period of time"]
    assert q.speaker_entity == "mara-olsen"
    assert [(m.doc, m.kind) for m in q.matches] == [("d0", "same claim")]
    assert q.matches[0].text == docs[0].text[q.matches[0].start:q.matches[0].end]


def test_the_wording_alone_is_no_claim():
    docs = corpus("The bridge will be closed to lorries on a short-term basis, the council said.", LIMITED)
    ents = FakeEntities(docs, [("Mara Olsen", "PERSON", ["Mara Olsen", "Olsen"])])
    q = by_text(build_quote_index(docs, ents))["for a limited period of time"]
    assert q.matches == []


def test_phrases_are_found_in_any_case_and_beside_letters_that_lower_case_longer():
    from reader.core.quotes.paraphrase import paraphrase_terms, paraphrase_words
    from reader.core.quotes.terms import terms

    plain = "Troops stay for a LIMITED   Period, officials said."
    # "İ" lower-cases to two characters: the search must still report offsets of the text itself
    wide = "İİ Troops stay for a LIMITED   Period, officials said."
    assert paraphrase_terms(plain) == paraphrase_terms(wide) == {"~temporary"}
    assert paraphrase_words(plain) == paraphrase_words(wide)
    assert paraphrase_words(wide)["~temporary"] == set(terms("limited period"))
