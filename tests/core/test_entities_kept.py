"""Detected mentions kept per article: a changed corpus finds what a fresh detection finds, reading little."""

from __future__ import annotations

import pickle
from collections import Counter

import pytest

from reader.core.document import Document
from reader.core.entities import detect
from reader.core.entities.detect import RuleExtractor
from reader.core.entities.kept import answers_of, pack, rows_of
from reader.core.entities.usage import CorpusUsage

from .forking import forking

TEXTS = {
    "a1": "Marble was found near the river. Ardith Vellanore said the Quillmark Institute would reopen.\n",
    "a2": "Police said Vellanore had left. The Institute thanked her, the Police Chief said on Monday.\n",
    "a3": "Hollis Brandt met Vellanore in Ostrava. Brandt said the talks went well.\n",
}


class MemoryKept:
    """``KeptMentions`` in a dict, as the store keeps it (entries copied, so nothing is shared)."""

    def __init__(self):
        self.entries: dict[str, tuple[str, bytes]] = {}
        self.kept_counts = None
        self._counts = None
        self.put_ids: list[str] = []

    def articles(self, docs):
        return {d.id: e for d in docs if (got := self.entries.get(d.id)) and got[0] == d.text for e in [got[1]]}

    def counts(self, docs):
        if self.kept_counts is None:
            return None
        covered, lower, strong = pickle.loads(self.kept_counts)
        texts = {d.id: d.text for d in docs}
        if any(texts.get(i) != t for i, t in covered.items()):
            return None
        return lower, strong, set(covered)

    def put_counts(self, lower, strong):
        self._counts = (lower, strong)

    def put(self, doc_id, entry):
        self.put_ids.append(doc_id)
        self._pending = getattr(self, "_pending", {})
        self._pending[doc_id] = entry

    def done(self, docs):
        texts = {d.id: d.text for d in docs}
        pending = getattr(self, "_pending", {})
        self.entries = {i: e for i, e in self.entries.items() if i in texts}
        self.entries.update({i: (texts[i], e) for i, e in pending.items()})
        self._pending = {}
        lower, strong = self._counts
        self.kept_counts = pickle.dumps(({d.id: d.text for d in docs}, lower, strong))


def docs_of(texts: dict[str, str]) -> list[Document]:
    return [Document(id=i, path=None, title=i, text=t) for i, t in texts.items()]


def rows(mentions) -> list[tuple]:
    return [(m.doc, m.start, m.end, m.text, m.key, sorted(m.votes.items()), m.role, m.qualifier, m.gaz, m.gazw,
             m.ntok) for m in mentions]


def fresh(texts) -> list[tuple]:
    return rows(RuleExtractor().extract(docs_of(texts)))


def counting_words(monkeypatch) -> list[str]:
    """The ids of the articles whose words are counted (detection's first pass), as it runs."""
    counted: list[str] = []
    real = RuleExtractor._words

    def spy(self, docs, a, b):
        counted.extend(d.id for d in docs[a:b])
        return real(self, docs, a, b)
    monkeypatch.setattr(RuleExtractor, "_words", spy)
    return counted


@pytest.fixture
def kept() -> MemoryKept:
    k = MemoryKept()
    RuleExtractor().extract(docs_of(TEXTS), k)
    return k


def test_kept_mentions_are_the_mentions_found():
    k = MemoryKept()
    assert rows(RuleExtractor().extract(docs_of(TEXTS), k)) == fresh(TEXTS)
    assert sorted(k.put_ids) == sorted(TEXTS)
    assert rows(RuleExtractor().extract(docs_of(TEXTS), k)) == fresh(TEXTS)


def test_an_unchanged_corpus_reads_no_article_again(kept):
    kept.put_ids.clear()
    assert rows(RuleExtractor().extract(docs_of(TEXTS), kept)) == fresh(TEXTS)
    assert kept.put_ids == []


def test_an_added_article_is_read_alone_and_its_words_counted_on_the_kept_counts(kept, monkeypatch):
    texts = {**TEXTS, "a4": "Hollis Brandt returned to Ostrava on Friday.\n"}
    expected = fresh(texts)
    counted = counting_words(monkeypatch)
    kept.put_ids.clear()
    assert rows(RuleExtractor().extract(docs_of(texts), kept)) == expected
    assert counted == ["a4"] and kept.put_ids == ["a4"]


def test_an_article_whose_answer_changes_is_read_again(kept):
    # "Marble" opens a sentence: a name unless the corpus writes "marble" in lower case, which a4 does
    texts = {**TEXTS, "a4": "The marble steps of the hall were cleaned.\n"}
    before = [r for r in fresh(TEXTS) if r[0] == "a1" and r[3] == "Marble"]
    after = [r for r in fresh(texts) if r[0] == "a1" and r[3] == "Marble"]
    assert before and not after  # the case this test is about
    kept.put_ids.clear()
    assert rows(RuleExtractor().extract(docs_of(texts), kept)) == fresh(texts)
    assert sorted(kept.put_ids) == ["a1", "a4"]


@pytest.mark.parametrize("change", ["edit", "delete"])
def test_an_edited_or_deleted_article_counts_the_corpus_again(kept, change):
    texts = dict(TEXTS)
    if change == "edit":
        texts["a2"] += "The marble lions were moved, Brandt said.\n"
    else:
        del texts["a3"]
    kept.put_ids.clear()
    assert rows(RuleExtractor().extract(docs_of(texts), kept)) == fresh(texts)
    assert ("a2" in kept.put_ids) == (change == "edit")
    assert "a3" not in kept.put_ids


def test_entries_keep_the_answers_apart_from_the_mentions():
    answers = ((("o", "Marble", "marble", False), False), (("c", "district", "District"), True))
    blob = pack(answers, [(0, 6, "marble", (("PERSON", 1.0),), None, None, None, 0, 1)])
    assert answers_of(blob) == answers
    assert rows_of(blob) == [(0, 6, "marble", (("PERSON", 1.0),), None, None, None, 0, 1)]


def test_usage_answers_are_asked_and_recorded():
    usage = CorpusUsage(Counter({"marble": 2, "district": 9}), Counter({"District": 1}), frozenset())
    used: dict = {}
    assert usage.ordinary("Marble", "marble", False, used) is True
    assert usage.capitalised_noun("district", "District", used) is True
    assert used == {("o", "Marble", "marble", False): True, ("c", "district", "District"): True}
    assert usage.holds(used.items())
    assert not CorpusUsage(Counter(), Counter(), frozenset()).holds(used.items())


def test_detection_reads_the_counts_only_through_the_usage_answers():
    # a rule reading the counts directly would make kept mentions stale unnoticed (see usage.py)
    import inspect

    source = inspect.getsource(detect.RuleExtractor._pieces)
    assert "lower[" not in source and "strong[" not in source


def test_the_store_keeps_them_for_the_next_run(tmp_path, monkeypatch):
    from reader.config import parse
    from reader.core.index import Index
    from reader.core.loader import LoadOptions, load_paths

    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, t in TEXTS.items():
        (folder / f"{i}.txt").write_text(f"date 2024-03-0{i[1]}\n{t}", encoding="utf-8")

    def entities(cache: bool = True):
        cfg = None if cache else parse("load:\n  cache: false\n")
        ix = Index(load_paths([str(folder)], LoadOptions(cache=cache)), cfg)
        return [e.to_json() for e in ix.entities.entities]

    entities()
    (folder / "a4.txt").write_text("date 2024-03-09\nThe marble steps were cleaned, Hollis Brandt said.\n",
                                   encoding="utf-8")
    counted = counting_words(monkeypatch)
    warm = entities()
    assert counted == ["a4"]
    assert warm == entities(cache=False)


@forking
def test_a_big_folder_finds_its_entities_in_a_child_process(tmp_path, monkeypatch):
    import os

    import reader.core.entities as entities_mod
    from reader.core import stored_entities
    from reader.core.index import Index
    from reader.core.loader import LoadOptions, load_paths

    monkeypatch.setenv("READER_WORKERS", "2")
    monkeypatch.setattr(stored_entities, "CHILD_MIN_ARTICLES", 1)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, t in TEXTS.items():
        (folder / f"{i}.txt").write_text(t, encoding="utf-8")
    pids = tmp_path / "pids"
    real = entities_mod.build_entity_index

    def recording(*a, **k):
        with open(pids, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(*a, **k)
    monkeypatch.setattr(entities_mod, "build_entity_index", recording)

    def entities():
        ix = Index(load_paths([str(folder)], LoadOptions(cache=True)))
        return [e.to_json() for e in ix.entities.entities], ix.store.info()["analyses"]

    got, analyses = entities()
    (child,) = pids.read_text(encoding="utf-8").split()
    assert int(child) != os.getpid()
    assert got == [e.to_json() for e in real(docs_of(TEXTS)).entities] == entities()[0]
    assert analyses["entity_mentions"]["articles"] == 3 and analyses["entity_mentions"]["corpus"]
    assert len(pids.read_text(encoding="utf-8").split()) == 1  # the second run read the store
