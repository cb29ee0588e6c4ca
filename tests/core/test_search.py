"""The finder's engine: typo-tolerant search over sentences, quotes and names."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.core.index import Index
from reader.core.loader import LoadOptions, load_paths
from reader.core.search import SearchIndex, parse_query

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "search"


def open_search(*paths, extras: bool = False, persist: bool = False) -> SearchIndex:
    corpus = load_paths([str(p) for p in paths], LoadOptions())
    return SearchIndex.open(Index(corpus), extras=extras, persist=persist)


@pytest.fixture
def seeds(seeds_dir) -> SearchIndex:
    return open_search(seeds_dir)


@pytest.fixture
def fixtures(tmp_path) -> SearchIndex:
    dest = tmp_path / "search"
    shutil.copytree(FIXTURES, dest)
    return open_search(dest)


def assert_offsets(search: SearchIndex, hits) -> None:
    docs = {d.id: d for d in search.documents}
    for h in hits:
        assert h.text == docs[h.doc].text[h.start : h.end]


def test_seed_query_with_typos_finds_the_passage_first(seeds):
    hits = seeds.search("shot to kil without warnig")
    assert hits, "no hits"
    assert "shoot to kill without warning" in hits[0].text
    # Both articles report the words; both are found, above anything else.
    top_docs = {h.doc for h in hits[:2]}
    assert len(top_docs) == 2 and all("shoot to kill without warning" in h.text for h in hits[:2])
    assert_offsets(seeds, hits)


@pytest.mark.parametrize("query, expected", [
    ("shoot to kill without warning", "shoot to kill without warning"),  # exact
    ("kill without warning shoot", "shoot to kill without warning"),  # reordered
    ("shoot kill without warning", "shoot to kill without warning"),  # a word dropped
    ("constitutional ordr mainly restord", "mainly restored"),  # two typos
    ("gangsters terorrists 20,000", "gangsters and terrorists"),
])
def test_tolerates_typos_missing_words_and_order(seeds, query, expected):
    hits = seeds.search(query, limit=5)
    assert hits and expected in hits[0].text, [h.text[:80] for h in hits]


def test_scores_are_best_first_and_in_range(seeds):
    hits = seeds.search("protesters security forces killed", limit=10)
    assert len(hits) >= 2
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)
    assert "clashes between protesters and security forces" in hits[0].text


def test_limit_is_respected(seeds):
    assert len(seeds.search("killed", limit=3)) == 3
    assert len(seeds.search("killed", limit=1)) == 1


def test_unrelated_words_find_nothing(seeds):
    assert seeds.search("xylophone quadrilateral marmalade") == []


def test_accents_fold_both_ways(fixtures):
    assert "Zürich" in fixtures.search("zurich delegation")[0].text
    assert "Genève" in fixtures.search("Geneve talks")[0].text


@pytest.mark.parametrize("query", [
    "", "   ", "!!!", "...", "\x00\x1b[31m", "x" * 10_000, "word " * 2_000,
    "[bold]red[/bold]", "[link=http://x]y[/link]", ".*", "(a|b)+$", "\\d{3}[", "***",
    'title:"foo', "(((", "^~", "a:b:c", "kill^3 warning~2", "+shoot -kill", "AND OR NOT",
    '"unterminated', "text:*", "in:", "kind:", "@", "#", "@@@", "kind:bogus warning",
    "in:no-such-article shoot", "\ud800 broken surrogate",
])
def test_bad_queries_answer_without_raising(seeds, query):
    result = seeds.run(query, 5)
    assert result.hits == [] or all(h.text for h in result.hits)
    assert result.hits or result.message
    assert_offsets(seeds, result.hits)


def test_query_syntax_characters_are_plain_text(seeds, fixtures):
    # tantivy's parser would read these as field names, boosts and phrases.
    hits = seeds.search('text:shoot "kill^2 without~ (warning)')
    assert hits and "shoot to kill without warning" in hits[0].text
    hits = fixtures.search("regex.* workshop C++")
    assert hits and "workshop was cancelled" in hits[0].text


def test_markup_in_articles_comes_back_verbatim(fixtures):
    hit = fixtures.search("workshop cancelled anonymity")[0]
    assert '"regex.*"' in hit.text and "^~" in hit.text


def test_in_filter_restricts_to_one_article(seeds):
    docs = [d.id for d in seeds.documents]
    for doc in docs:
        hits = seeds.search(f"in:{doc} shoot to kill without warning")
        assert hits and {h.doc for h in hits} == {doc}
    # a unique prefix is enough
    assert {h.doc for h in seeds.search(f"in:{docs[1][:3]} killed")} == {docs[1]}
    result = seeds.run("in:nothing-like-this killed")
    assert result.hits == [] and "nothing-like-this" in result.message


def test_kind_filter(seeds):
    hits = seeds.search("kind:sentence shoot to kill")
    assert hits and {h.kind for h in hits} == {"sentence"}
    assert seeds.search("kind:quote shoot to kill") == []  # no quotations attached


def test_as_you_type_completes_the_last_word(seeds):
    hits = seeds.search("shoot to kill without warn", as_you_type=True)
    assert hits and "without warning" in hits[0].text
    assert seeds.search("constitutional ord", as_you_type=True)[0].text.lower().count("constitutional order") == 1


def test_parse_query_filters():
    q = parse_query("@Tokayev kind:quote in:002 #Protest said bandits")
    assert (q.speaker, q.kinds, q.doc, q.tags, q.text) == ("Tokayev", ("quote",), "002", ["Protest"], "said bandits")
    assert parse_query("email@example.com is not a filter").speaker is None
    assert parse_query("kind:nonsense x").problem
    assert parse_query("").problem and parse_query("  ").problem


# --- quotations and entities, attached as the Index provides them ------------------
@dataclass
class FakeQuote:
    id: str
    doc: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_entity: str | None = None
    short: bool = False
    matches: list = field(default_factory=list)


@dataclass
class FakeQuotes:
    quotes: list


@dataclass
class FakeMention:
    doc: str
    start: int
    end: int
    text: str


@dataclass
class FakeEntity:
    id: str
    name: str
    type: str
    aliases: list
    mentions: list


@dataclass
class FakeEntities:
    entities: list


def _quote(search: SearchIndex, doc_id: str, words: str, speaker: str | None, qid: str) -> FakeQuote:
    doc = next(d for d in search.documents if d.id == doc_id)
    start = doc.text.index(words)
    return FakeQuote(qid, doc_id, start, start + len(words), words, speaker,
                     "person:tokayev" if speaker else None)


@pytest.fixture
def attached(seeds) -> SearchIndex:
    d0, d1 = [d.id for d in seeds.documents]
    q1 = _quote(seeds, d0, "I have given the order to law enforcement to shoot to kill without warning", "Kassym-Jomart Tokayev", "q1")
    q2 = _quote(seeds, d1, "shoot to kill without warning.", None, "q2")
    q3 = _quote(seeds, d1, "mainly restored", "Kassym-Jomart Tokayev", "q3")
    text0 = seeds.documents[0].text
    start = text0.index("Tokayev")
    tok = FakeEntity("person:tokayev", "Kassym-Jomart Tokayev", "PERSON", ["Tokayev", "President Tokayev"],
                     [FakeMention(d0, start, start + 7, "Tokayev")])
    seeds.attach(quotes=FakeQuotes([q1, q2, q3]), entities=FakeEntities([tok]))
    return seeds


def test_quotes_are_hits_with_their_speaker(attached):
    hits = attached.search("shot to kil without warnig")
    assert hits[0].kind == "quote" and "shoot to kill without warning" in hits[0].text
    kinds = [h.kind for h in hits[:2]]
    assert kinds == ["quote", "quote"]  # the sentences holding them are the same finds, not extra rows
    assert {h.speaker for h in hits[:2]} == {"Kassym-Jomart Tokayev", None}
    assert_offsets(attached, hits)


def test_speaker_filter_keeps_that_speakers_quotes(attached):
    hits = attached.search("@tokayev shoot kill")
    assert hits and all(h.kind == "quote" and h.speaker == "Kassym-Jomart Tokayev" for h in hits)
    # the speaker alone lists all their quotations
    assert {h.ref for h in attached.search("@Tokayev")} == {"q1", "q3"}
    assert attached.search("@nobody shoot") == []


def test_entity_names_are_found_by_alias_and_typo(attached):
    hits = attached.search("kind:entity tokaev")
    assert len(hits) == 1 and hits[0].kind == "entity" and hits[0].ref == "person:tokayev"
    assert hits[0].text == "Tokayev"
    assert attached.search("president tokayev")[0].kind == "entity"


def test_broken_analyses_never_stop_sentence_search(seeds):
    class Broken:
        @property
        def entities(self):
            raise RuntimeError("entity extraction failed")

        quotes = entities
        notes = entities

    seeds.attach_from(Broken())
    assert seeds.warnings and seeds.search("shoot to kill")
    assert seeds.run("@tokayev shoot").message


def test_tag_filter_keeps_annotated_passages(seeds_dir):
    corpus = load_paths([str(seeds_dir)], LoadOptions())
    index = Index(corpus)
    doc = next(d for d in corpus.documents if "mainly restored" in d.text)
    start = doc.text.index("mainly restored")
    index.notes.add(doc, start, start + len("mainly restored"), tags=["claim"])
    search = SearchIndex.open(index, extras=False, persist=False)
    hits = search.search("#claim restored")
    assert hits and all(h.doc == doc.id and h.start <= start < h.end for h in hits)
    # the tag alone lists the annotated sentences
    assert [h.doc for h in search.search("#claim")] == [doc.id]
    assert search.search("#unused restored") == []


def test_a_misspelt_common_word_weighs_like_the_word_meant(seeds):
    if seeds.engine != "tantivy":
        pytest.skip("tantivy only")
    w = seeds.sentences.weights(["said", "siad", "beheaded", "qxzvw"])
    assert w["siad"] == pytest.approx(w["said"])  # a typo of a common word is no rare word
    assert w["qxzvw"] >= w["beheaded"] > w["said"]  # a word never seen weighs most
