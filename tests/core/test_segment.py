"""Sentences and paragraphs on real news text."""

from __future__ import annotations

from reader.core.loader import load_paths
from reader.core.segment import split_paragraphs, split_sentences
from tests.conftest import SEEDS


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def seed(name: str):
    return next(d for d in load_paths([str(SEEDS)]).documents if d.id.startswith(name))


def test_seed_002_law_enforcement_is_one_sentence():
    doc = seed("002")
    got = [doc.text[s.start:s.end] for s in doc.sentences]
    assert 'Law enforcement and the military are now allowed to "shoot to kill without warning."' in got


def test_seed_002_hard_wraps_stay_inside_sentences():
    doc = seed("002")
    got = [doc.text[s.start:s.end] for s in doc.sentences]
    assert ("President Tokayev claimed on Friday morning that the country's security forces had managed to largely\n"
            "restore constitutional order in all the regions with local authorities now back on top of the situation.") in got
    assert "The state of emergency will now therefore be gradually lifted,\nthe president said." in got
    # The lone "." line closes the sentence before it.
    assert "However, the unrest is seemingly far from over, with almost 4,000 people detained and dozens killed\n." in got
    # Headings without a full stop are sentences of their own.
    assert "Security forces back 'in control'" in got
    assert "Russia holds talks with CSTO allies" in got
    assert "For a broad analysis of the situation, including its background and geopolitics, see this Twitter thread\nby Clint Ehrlich." in got


def test_seed_000_quotes_abbreviations_and_credits():
    doc = seed("000")
    got = [doc.text[s.start:s.end] for s in doc.sentences]
    assert "“Terrorists continue to damage property […] and use weapons against civilians." in got
    assert "The deadly street battles in Kazakhstan began as protests over surging fuel prices. (AP)" in got
    assert any(s.startswith("Meanwhile, TASS news agency") and s.endswith("(09:00 UTC).") for s in got)


def test_abbreviations_decimals_and_initials():
    text = "Dr. Smith met Gen. J. K. Rowling on Jan. 7 in the U.S. capital. Prices rose 3.5% to 1,200.50 dollars. The end."
    assert sentences(text) == [
        "Dr. Smith met Gen. J. K. Rowling on Jan. 7 in the U.S. capital.",
        "Prices rose 3.5% to 1,200.50 dollars.",
        "The end.",
    ]


def test_quotes_and_ellipses():
    text = '"We will win," he said. "Never!" She left... Then silence. ‘Fine.’ Done?'
    assert sentences(text) == ['"We will win," he said.', '"Never!"', "She left...", "Then silence.", "‘Fine.’", "Done?"]


def test_acronym_followed_by_sentence_starter():
    assert sentences("He lives in the U.S. The talks end.") == ["He lives in the U.S.", "The talks end."]


def test_tokenised_text_one_sentence_per_line():
    text = "Tara Reid checked in , her rep said .\n`` I 'm fine , '' she said .\nA third .\n"
    assert sentences(text) == ["Tara Reid checked in , her rep said .", "`` I 'm fine , '' she said .", "A third ."]


def test_paragraphs_blank_lines_and_hard_wraps():
    text = "First para line one\ncontinues here.\n\nSecond para.\nHeading\nBody of it."
    paras = [text[s.start:s.end] for s in split_paragraphs(text)]
    assert paras == ["First para line one\ncontinues here.", "Second para.", "Heading", "Body of it."]


def test_wrapped_prose_keeps_paragraphs_together():
    lines = [
        "The committee met on Monday to discuss the proposal that had been",
        "circulated last week. Members raised several concerns about the cost.",
        "They asked the chairman to prepare a new estimate before the vote that",
        "is expected later this month in the capital of the region.",
    ]
    text = "\n".join(lines) + "\n\nNext paragraph here."
    paras = [text[s.start:s.end] for s in split_paragraphs(text)]
    assert len(paras) == 2
    assert len(sentences(text)) == 4


def test_spans_index_the_text_exactly():
    doc = seed("002")
    for s in doc.sentences:
        part = doc.text[s.start:s.end]
        assert part == part.strip() and part
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)
