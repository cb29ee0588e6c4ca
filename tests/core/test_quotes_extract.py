"""Which marks open and close quotations: typographic, typewriter, Treebank, guillemets, apostrophes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.loader import LoadOptions, load_paths
from reader.core.quotes import build_quote_index
from reader.core.quotes.extract import find_quotations, nesting

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "quotes"


def texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotations(text)]


@pytest.mark.parametrize("text", [
    "Kazakhstan’s Interior Ministry said the country's largest city was calm.",
    "They’re probably low, and it's the '90s all over again.",
    "The countries' leaders met; the ministers’ statements were brief.",
    "Ninety percent of Ashgabat 's voters said it 's quieter now .",
    "He stood 5'11\" tall.",
])
def test_apostrophes_are_never_quotation_marks(text):
    assert texts(text) == []


def test_curly_quotes_with_apostrophes_inside():
    t = "“They’re probably low after last night,” Pannier said. The country’s army “won’t stop”."
    assert texts(t) == ["They’re probably low after last night,", "won’t stop"]


def test_typewriter_quotes_and_nesting():
    t = "He said \"they call it 'peace' here\" and left."
    qs = find_quotations(t)
    assert [t[q.start:q.end] for q in qs] == ["they call it 'peace' here", "peace"]
    assert nesting(qs) == [None, 0]
    assert t[qs[0].outer_start:qs[0].outer_end] == "\"they call it 'peace' here\""


def test_typographic_quotation_inside_a_typewriter_one():
    t = "\"The mayor keeps calling it “a minor delay” but the trains stopped for a week,\" Dana said."
    qs = find_quotations(t)
    assert [t[q.start:q.end] for q in qs] == [
        "The mayor keeps calling it “a minor delay” but the trains stopped for a week,", "a minor delay"]
    assert nesting(qs) == [None, 0]


def test_typewriter_quotation_over_paragraphs_keeps_its_inner_typographic_one():
    t = ("The hearing went on.\n\n\"HOST: You wrote that the plan was “dead on arrival.” Do you still think so?"
         "\n\n\"GUEST: I do. Nothing has changed.\"\n")
    got = [t[q.start:q.end] for q in find_quotations(t)]
    assert "dead on arrival." in got
    assert any(g.startswith("HOST: You wrote") and g.endswith("Nothing has changed.") for g in got)


def test_curly_opened_and_typewriter_closed_is_still_one_quotation():
    t = "“We will rebuild the bridge by spring,\" the engineer said."
    assert texts(t) == ["We will rebuild the bridge by spring,"]


def test_curly_nested_single_inside_double():
    t = "“what they’re calling ‘anti-terrorist operations’ going on,” Pannier said."
    assert texts(t) == ["what they’re calling ‘anti-terrorist operations’ going on,", "anti-terrorist operations"]


def test_guillemets():
    assert texts("Il a dit : « Personne ne veut ça. » Puis il est parti.") == ["Personne ne veut ça."]


def test_low_opening_mark():
    assert texts("Er sagte: „Wir bleiben hier“ und ging.") == ["Wir bleiben hier"]


def test_treebank_marks_and_clitics():
    t = "`` It 's something they can consider , '' Angels general manager Tony Reagins told MLB.com on Friday ."
    assert texts(t) == ["It 's something they can consider ,"]


def test_quote_across_hard_line_breaks_and_sentences():
    t = ("The president said on Friday that \"terrorists continue to damage property. I have given the\n"
         "order to shoot to kill without warning,\" and left the room without taking\nquestions.\n")
    assert texts(t) == ["terrorists continue to damage property. I have given the\norder to shoot to kill without warning,"]


def test_newspaper_convention_continues_a_quotation_over_paragraphs():
    t = ("“The company says the losses are shared. They are not.\n\n"
         "“They sit in offices while we stand in the rain,” Santos said.\n\n"
         "Then she left.\n")
    qs = find_quotations(t)
    assert len(qs) == 1
    q = qs[0]
    assert [t[p.start:p.end] for p in q.parts] == [
        "The company says the losses are shared. They are not.",
        "They sit in offices while we stand in the rain,",
    ]
    assert q.outer_start == 0 and t[q.outer_end - 1] == "”"


def test_one_sentence_per_line_quote_closes_lines_later():
    t = ("`` I remember the elections from the Soviet days .\n"
         "People were very active then , it was like a festival .\n"
         "Now it 's much quieter . ''\n"
         "Western observers say nothing changed .\n")
    assert texts(t) == ["I remember the elections from the Soviet days .\n"
                        "People were very active then , it was like a festival .\n"
                        "Now it 's much quieter ."]


def test_a_stray_mark_does_not_swallow_the_next_paragraph():
    t = "He said \"hello and went on.\n\nNext day, the \"real\" talks began.\n"
    assert texts(t) == ["real"]


def test_empty_and_punctuation_only_quotes_are_skipped():
    assert texts("He wrote \"\" and \" , \" in the form.") == []


def test_fixture_newspaper_quotes_and_flags():
    corpus = load_paths([str(FIXTURES / "newspaper.txt")], LoadOptions())
    d = corpus.documents[0]
    qi = build_quote_index(corpus.documents, None)
    got = {q.display_text(): q for q in qi.quotes}
    assert "We lost nine days of work and nobody will pay us back for them," in got
    cont = got["The company says the losses are shared. They are not. They sit in offices while we stand in "
               "the rain. We want the money we were promised in January,"]
    assert len(cont.parts) == 2
    assert "\n" in cont.text  # the quoted words run over a hard line break
    assert got["Nobody wants another week like this one."].mark == "«"
    never = got["never again"]
    assert never.short and never.nested_in == got["We have said 'never again' before,"].id
    assert got["victory"].short and not got["people of the docks"].short
    assert "workers" not in " ".join(got)  # "the workers' demands" is no quotation
    for q in qi.quotes:
        assert d.text[q.start:q.end] == q.text
        assert d.text[q.outer_start] in "“\"'«‘" and d.text[q.outer_end - 1] in "”\"'»’"
        assert q.id == f"{d.id}:{q.start}"


def test_fixture_ecbplus_treebank_text():
    corpus = load_paths([str(FIXTURES / "ecbplus_tokenised.txt")], LoadOptions())
    qi = build_quote_index(corpus.documents, None)
    got = [q.display_text() for q in qi.quotes]
    assert "I voted for our fellow village resident . He is an experienced person and knows village life well ," in got
    assert "some progress" in got
    assert not any(t.startswith("s ") or " 's" == t[:3] for t in got)
    assert len(got) == 8


def test_any_text_gives_consistent_quotations_and_never_raises():
    import random

    from reader.core.document import Document

    rng = random.Random(3)
    alphabet = list("abc XYZ.,;:!?\n\n-—()[]'’‘\"“”«»„`") + ["``", "''", "said", " he ", "Tokayev", "\n\n"]
    docs = []
    for i in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        docs.append(Document(id=f"r{i}", path=Path(f"r{i}.txt"), text=text))
    qi = build_quote_index(docs, None)
    by_id = {d.id: d for d in docs}
    for q in qi.quotes:
        text = by_id[q.doc].text
        assert text[q.start:q.end] == q.text and q.outer_start < q.start <= q.end < q.outer_end <= len(text)
        assert all(q.start <= p.start < p.end <= q.end for p in q.parts)
        for m in q.matches:
            assert by_id[m.doc].text[m.start:m.end] == m.text
    for d in docs[:50]:
        assert isinstance(qi.similar_passages(d.id, 0, len(d.text)), list)
