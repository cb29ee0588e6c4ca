"""Re-anchoring: every way an article can change under an annotation."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotations import ANCHORED, FUZZY, MOVED, ORPHAN, AnnotationStore, Selector, anchor
from reader.core.document import Document

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "annotations" / "articles"
SUMMIT = (FIX / "summit.txt").read_text(encoding="utf-8").split(" ", 2)[2]  # minus the date header
UNICODE = (FIX / "unicode.txt").read_text(encoding="utf-8").split(" ", 2)[2]


def sel_for(text: str, quote: str, occurrence: int = 1) -> Selector:
    i = -1
    for _ in range(occurrence):
        i = text.index(quote, i + 1)
    return Selector.from_text(text, i, i + len(quote))


def test_unchanged_text_is_anchored_at_the_same_offsets():
    sel = sel_for(SUMMIT, "constructive but difficult")
    a = anchor(sel, SUMMIT)
    assert (a.status, a.start, a.end) == (ANCHORED, sel.start, sel.end)


def test_text_inserted_before_moves_the_passage():
    sel = sel_for(SUMMIT, "constructive but difficult")
    edited = "UPDATE: this story has been corrected.\n\n" + SUMMIT
    a = anchor(sel, edited)
    assert a.status == MOVED
    assert edited[a.start : a.end] == "constructive but difficult"
    assert a.start == sel.start + len("UPDATE: this story has been corrected.\n\n")


def test_word_changed_inside_the_passage_is_a_fuzzy_match_on_the_new_words():
    quote = "the talks were “constructive but difficult” and that a second round would follow"
    sel = sel_for(SUMMIT, quote)
    edited = SUMMIT.replace("constructive but difficult", "constructive but tough")
    a = anchor(sel, edited)
    assert a.status == FUZZY
    assert edited[a.start : a.end] == quote.replace("difficult", "tough")
    assert a.score >= 75


def test_fuzzy_match_survives_an_insertion_before_and_an_edit_inside():
    quote = "Protesters gathered outside the venue, and police said the crowd was peaceful."
    sel = sel_for(SUMMIT, quote)
    edited = ("A long new opening paragraph. " * 20) + SUMMIT.replace("the crowd was peaceful", "the crowd was calm")
    a = anchor(sel, edited)
    assert a.status == FUZZY
    assert edited[a.start : a.end] == quote.replace("peaceful", "calm")


def test_deleted_passage_is_an_orphan():
    quote = "Protesters gathered outside the venue, and police said the crowd was peaceful."
    sel = sel_for(SUMMIT, quote)
    a = anchor(sel, SUMMIT.replace(" " + quote, ""))
    assert (a.status, a.start, a.end) == (ORPHAN, None, None)


def test_removed_article_is_an_orphan():
    assert anchor(sel_for(SUMMIT, "Geneva"), None).status == ORPHAN


def test_repeated_quote_is_told_apart_by_its_context():
    # "the talks" occurs three times; the second one is annotated, then text is inserted before.
    sel = sel_for(SUMMIT, "the talks", occurrence=2)
    edited = "Breaking. " + SUMMIT
    a = anchor(sel, edited)
    assert a.status == MOVED
    assert a.start == sel.start + len("Breaking. ")


def test_common_phrase_does_not_jump_to_an_unrelated_occurrence_when_its_sentence_is_deleted():
    sel = sel_for(SUMMIT, "the talks", occurrence=2)  # "Officials said the talks would resume on Monday."
    edited = SUMMIT.replace("Officials said the talks would resume on Monday. ", "")
    a = anchor(sel, edited)
    assert a.status == ORPHAN


@pytest.mark.parametrize(
    "quote",
    ["“price shock”", "hit hard 😀 this", "Noe\u0308l Martin", "Cafe\u0301 Ro\u0302ti", "📈", "‘soon’"],
)
def test_unicode_passages_anchor_and_move(quote):
    sel = sel_for(UNICODE, quote)
    assert anchor(sel, UNICODE).status == ANCHORED
    edited = "Ünïcödé 🚀 preface — “quoted”.\n\n" + UNICODE
    a = anchor(sel, edited)
    assert a.status == MOVED and edited[a.start : a.end] == quote


def test_combining_mark_change_inside_a_passage_is_fuzzy_not_lost():
    quote = "Noe\u0308l Martin, who runs the Cafe\u0301 Ro\u0302ti, said"
    sel = sel_for(UNICODE, quote)
    edited = UNICODE.replace("Cafe\u0301", "Caf\u00e9")  # decomposed -> precomposed é
    a = anchor(sel, edited)
    assert a.status == FUZZY
    assert edited[a.start : a.end] == quote.replace("Cafe\u0301", "Caf\u00e9")


def test_store_reports_each_status_after_the_articles_change(tmp_path):
    notes = tmp_path / "annotations.yaml"
    doc = Document("summit", tmp_path / "summit.txt", SUMMIT)
    gone = Document("gone", tmp_path / "gone.txt", "An article that will be removed from the folder.")
    store = AnnotationStore.open(notes, [doc, gone])
    ids = {
        "same": store.add_quote(doc, "Leaders met in Geneva").id,
        "moved": store.add_quote(doc, "no agreement is possible").id,
        "fuzzy": store.add_quote(doc, "the talks were “constructive but difficult” and that").id,
        "deleted": store.add_quote(doc, "Protesters gathered outside the venue").id,
        "gone": store.add_quote(gone, "will be removed").id,
    }
    assert store.last_save.ok
    edited = (SUMMIT.replace("Protesters gathered outside the venue, and police said the crowd was peaceful.", "")
              .replace("constructive but difficult", "constructive yet difficult")
              .replace("The minister added", "Later, in a statement released overnight, the minister added"))
    reopened = AnnotationStore.open(notes, [Document("summit", tmp_path / "summit.txt", edited)])
    status = {name: reopened.get(i).status for name, i in ids.items()}
    assert status == {"same": ANCHORED, "moved": MOVED, "fuzzy": FUZZY, "deleted": ORPHAN, "gone": ORPHAN}
    orphan = reopened.get(ids["gone"])
    assert orphan.exact == "will be removed" and orphan.start is None
    # Orphans are never dropped: a later save keeps them in the file, untouched.
    reopened.add(reopened.document_for(reopened.get(ids["same"])), 0, 7)
    again = AnnotationStore.open(notes, [])
    assert {a.id for a in again.all()} >= set(ids.values())
    assert again.get(ids["deleted"]).selector == store.get(ids["deleted"]).selector


def test_long_unique_quote_moves_even_when_its_context_changed():
    quote = "no agreement is possible without guarantees"
    sel = sel_for(SUMMIT, quote)
    edited = SUMMIT.replace("The minister added that “", "In a later interview she insisted: ‘").replace(
        "” for the border region", "’, adding nothing more")
    a = anchor(sel, edited)
    assert a.status == MOVED and edited[a.start : a.end] == quote
