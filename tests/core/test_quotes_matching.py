"""Cross-article matching: the same words (exact or fuzzy) and the same claim in other words."""

from __future__ import annotations

from reader.core.quotes import build_quote_index
from reader.core.quotes.matching import PassageIndex
from reader.core.quotes.terms import stem, terms

from .quotes_fakes import FakeEntities, doc

FILLER = [
    "The weather in the capital was cold and windy for most of the week.",
    "Markets in the region closed lower on Thursday after a quiet session.",
    "A football match between the two local clubs ended in a draw.",
    "The museum opened a new wing dedicated to modern painting.",
]


def corpus(*texts: str):
    docs = [doc(t, f"d{i}") for i, t in enumerate(texts)]
    docs += [doc(t, f"filler{i}") for i, t in enumerate(FILLER)]
    return docs


def by_text(qi):
    return {q.display_text(): q for q in qi.quotes}


def test_light_stemming_meets_across_word_forms():
    assert stem("peacekeeping") == stem("peacekeepers") == stem("peacekeeper")
    assert stem("restored") == stem("restore")
    assert stem("injured") == stem("injury") == stem("injuries")
    assert "#20000" in terms("as many as 20,000 gangsters")


def test_exact_words_inside_a_longer_quote_are_located():
    docs = corpus(
        "Police are now allowed to \"shoot to kill without warning.\"",
        "“I have given the order to law enforcement to shoot to kill without warning,” the president said.",
    )
    qi = build_quote_index(docs, None)
    q = by_text(qi)["shoot to kill without warning."]
    assert [m.doc for m in q.matches] == ["d1"]
    m = q.matches[0]
    assert m.text == "shoot to kill without warning" and m.kind == "same words" and m.score > 0.9
    assert docs[1].text[m.start:m.end] == m.text
    assert m.quote_id == "d1:1"
    # and the other way round: the long quotation finds the short one
    long_q = by_text(qi)["I have given the order to law enforcement to shoot to kill without warning,"]
    assert [m.doc for m in long_q.matches] == ["d0"]


def test_fuzzy_words_still_match():
    docs = corpus(
        "\"We will not negotiate with terrorists under any circumstances,\" the minister said.",
        "The minister said: \"We will not negociate with terrorrists under any circumstance.\"",
    )
    q = by_text(build_quote_index(docs, None))["We will not negotiate with terrorists under any circumstances,"]
    assert [m.doc for m in q.matches] == ["d1"] and q.matches[0].kind == "same words"


def test_same_claim_in_other_words_through_numbers_and_rare_words():
    docs = corpus(
        "The president made reference to “20,000 bandits” who had attacked the city.",
        "Tokayev claimed that as many as 20,000 \"gangsters and terrorists\" were involved in the violence.",
    )
    q = by_text(build_quote_index(docs, None))["20,000 bandits"]
    assert [m.doc for m in q.matches] == ["d1"]
    assert q.matches[0].kind == "same claim" and "20,000" in q.matches[0].text


def test_paraphrase_with_stemmed_words():
    docs = corpus(
        "“A Russian-led peacekeeping force will stay in Kazakhstan on a short-term basis,” Tokayev said.",
        "Russian peacekeepers deployed to Kazakhstan would stay for a short period, officials said.",
    )
    q = by_text(build_quote_index(docs, None))[
        "A Russian-led peacekeeping force will stay in Kazakhstan on a short-term basis,"]
    assert [m.doc for m in q.matches] == ["d1"] and q.matches[0].kind == "same claim"


def test_unrelated_passages_do_not_match():
    docs = corpus(
        "“The harbour will reopen on Monday after the strike,” the port director said.",
        "“We expect the election results by Tuesday evening,” the commission said.",
    )
    assert all(not q.matches for q in build_quote_index(docs, None).quotes)


def test_scare_quotes_match_the_same_words_quoted_elsewhere_only_if_distinctive():
    docs = corpus(
        "Order was “mainly restored”, officials said, and the army was 'in control' of the city.",
        "Constitutional order was \"mainly restored\" on Friday. Troops remained in control of the airport.",
    )
    qi = build_quote_index(docs, None)
    got = by_text(qi)
    mainly = [q for q in qi.quotes if q.text == "mainly restored"]
    assert [(m.doc, m.text, m.score) for m in mainly[0].matches] == [("d1", "mainly restored", 1.0)]
    assert [(m.doc, m.quote_id) for m in mainly[1].matches] == [("d0", mainly[0].id)]
    assert got["in control"].matches == []  # two common words, not quoted in the other article


def test_a_quote_never_matches_its_own_article():
    docs = corpus("“Order was restored in the city,” he said. Later: “Order was restored in the city.”")
    assert all(not q.matches for q in build_quote_index(docs, None).quotes)


def test_similar_passages_for_any_sentence():
    docs = corpus(
        "The interior ministry said 26 armed criminals were killed and 18 were injured.",
        "Officials reported that 26 criminals were killed and 18 injured in the clashes.",
    )
    qi = build_quote_index(docs, None)
    hits = qi.similar_passages("d0", 0, len(docs[0].text), limit=5)
    assert [h.doc for h in hits] == ["d1"]
    assert docs[1].text[hits[0].start:hits[0].end] == hits[0].text
    assert qi.similar_passages("nope", 0, 10) == [] and qi.similar_passages("d0", 5, 5) == []


def test_entities_are_matching_terms():
    docs = corpus(
        "Kassym-Jomart Tokayev thanked Vladimir Putin for sending troops to Almaty.",
        "The Kazakh leader thanked the Russian president for the troops sent to Almaty.",
    )
    spec = [("Tokayev", "PERSON", ["Kassym-Jomart Tokayev", "The Kazakh leader"]),
            ("Putin", "PERSON", ["Vladimir Putin", "the Russian president"])]
    ents = FakeEntities(docs, spec)
    pi = PassageIndex(docs, ents)
    hits = pi.similar(docs[0], 0, len(docs[0].text))
    assert [h.doc for h in hits] == ["d1"]
    without = PassageIndex(docs, None).similar(docs[0], 0, len(docs[0].text))
    assert not without or without[0].score < hits[0].score  # the names are what makes them the same claim


def test_postings_read_per_query_are_bounded():
    # A word in every sentence of a large corpus is never used to find candidates.
    common = [doc(f"Officials met in the hall number {i} and talked about roads.", f"c{i}") for i in range(3000)]
    target = doc("Officials met in the hall and talked about the 4,567 missing ballots.", "t")
    other = doc("Somewhere, 4,567 ballots went missing, the commission found.", "o")
    pi = PassageIndex(common + [target, other], None)
    assert pi.df(stem("officials")) == 3001
    hits = pi.similar(target, 0, len(target.text))
    assert hits and hits[0].doc == "o"


def test_matches_are_computed_on_first_use():
    docs = corpus(
        "Order was “mainly restored” on Friday, and “the army is fully in control of the capital,” he said.",
        "“The army is fully in control of the capital,” the minister said on Friday.",
    )
    qi = build_quote_index(docs, None)
    assert qi._passages is None  # building the index matched nothing yet
    long_q = next(q for q in qi.quotes if not q.short and q.doc == "d0")
    assert [m.doc for m in long_q.matches] == ["d1"] and long_q.matches[0].score == 1.0
    assert qi._passages is not None
    assert qi.similar_passages("d0", long_q.start, long_q.end, limit=1) == long_q.matches[:1]


def test_copies_of_a_quotation_are_scored_once_and_match_as_if_alone(monkeypatch):
    wire = "\"The bridge will reopen to traffic before the winter storms arrive,\" the mayor said."
    texts = [wire, wire, wire, "The mayor said the bridge would reopen to traffic before the winter storms."]
    alone = [build_quote_index(corpus(*texts), None) for _ in range(3)]
    # each copy matched in an index of its own: nothing remembered from another copy
    expected = [[(m.doc, m.start, m.end, m.score, m.kind) for m in qi.quotes[i].matches]
                for i, qi in enumerate(alone)]

    calls = []
    real = PassageIndex._score
    monkeypatch.setattr(PassageIndex, "_score", lambda self, *a: calls.append(a) or real(self, *a))
    qi = build_quote_index(corpus(*texts), None)
    qi.match_all()
    got = [[(m.doc, m.start, m.end, m.score, m.kind) for m in q.matches] for q in qi.quotes[:3]]
    assert got == expected and all(len(ms) == 3 for ms in got)
    # alone, each copy scores two texts (the copy's words, once for both other copies, and the
    # paraphrase): six in all; here a sentence scored for one copy is not scored again for another
    assert len(calls) == 3


def test_a_scare_quote_in_many_articles_matches_as_the_full_search_ranks_it(monkeypatch):
    from reader.core.quotes.index import MATCH_LIMIT, QuoteIndex

    said = ["Officials called the strike “illegal” on Monday.", "The union said the “illegal” label was unfair.",
            "Nobody had seen such “illegal” tactics before.", "It was an “illegal” strike, the minister said."]
    docs = [doc(f"Report {i}. {said[i % 4]} Talks go on, the {i} delegates said.", f"d{i:02d}")
            for i in range(3 * MATCH_LIMIT)]
    docs.append(doc("Only a few called the strike “illegal” at first, and “illegal” again later.", "a00"))

    def all_matches(qi):
        return [(q.id, [m.to_json() for m in q.matches]) for q in qi.quotes]

    fast = build_quote_index(docs)
    fast.match_all()
    monkeypatch.setattr(QuoteIndex, "_same_words_first", lambda self, key, by_words, q: None)
    full = build_quote_index(docs)
    full.match_all()
    assert all_matches(fast) == all_matches(full)
    assert all(len(q.matches) == MATCH_LIMIT for q in fast.quotes)


def test_candidates_are_ranked_as_most_common_ranks_them():
    import random
    from collections import Counter

    from reader.core.quotes.matching import _most_common

    rng = random.Random(3)
    for _ in range(200):
        counts = Counter(rng.choice(range(60)) for _ in range(rng.randrange(0, 300)))
        for n in (1, 5, 75, 1000):
            assert _most_common(counts, n) == [k for k, _ in counts.most_common(n)]
