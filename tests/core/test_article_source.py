"""Where an article's source comes from when no front matter or page names
it: only from the article speaking of itself, never from a photo credit."""

from __future__ import annotations

import pytest

from reader.core.article_meta import find_source
from reader.core.loader import load_paths
from tests.conftest import SEEDS


def test_seeds_are_not_the_photo_agency_s():
    sources = {d.id: d.source for d in load_paths([SEEDS]).documents}
    # The first speaks of itself once ("told DW") and of other outlets only as sources;
    # the second names no newsroom of its own: both carry AP photo credits.
    assert sources == {"000_dcdabc9cd42fd5c7": "DW", "002_3ad7c57d0e97eb6f": None}


@pytest.mark.parametrize(
    "text",
    [
        "© AP\nThe bridge reopened on Monday after repairs.\n",
        "The bridge reopened on Monday. (AP) Cars queued for an hour. (Reuters)\n",
        "Photo: Reuters\nThe bridge reopened on Monday.\n",
        "Workers repaint the bridge, March 3. AFP/Getty Images\n",
    ],
)
def test_credits_and_captions_never_set_the_source(text):
    assert find_source(text) is None


@pytest.mark.parametrize(
    "text, source",
    [
        ("The mayor told DW the bridge would reopen in spring.", "DW"),
        ("An RT correspondent saw the first cars cross on Monday.", "RT"),
        ("DW's correspondent at the bridge counted forty trucks.", "DW"),
        ("The BBC has learned that the contract was never signed.", "BBC"),
        ("Reuters understands the tender will be repeated.", "Reuters"),
        ("OSLO (Reuters) - The bridge reopened on Monday, officials said.", "Reuters"),
        ("She told the BBC on Monday that repairs were late. Later a driver told the BBC the queue was long.", "BBC"),
        # A strong cue outweighs quoting what someone told another outlet.
        ("A DW reporter saw the queue. The engineer earlier told the BBC repairs were late.", "DW"),
    ],
)
def test_the_article_speaking_of_itself(text, source):
    assert find_source(text) == source


@pytest.mark.parametrize(
    "text",
    [
        # Told the BBC once, and the BBC quoted as a source elsewhere: another outlet's interview.
        "The minister told the BBC the works were on schedule. The BBC reported on Sunday that costs doubled.",
        "The minister told the BBC the works were on schedule, according to the BBC.",
        # An outlet's programme, an agency named as such, an outlet as the source of a claim.
        "The minister told the BBC's Sunday Politics programme the works were on schedule.",
        "The minister told BBC Radio that the works were on schedule.",
        "The engineer told the TASS news agency that the works were late.",
        "According to Reuters, the works were late. The Guardian reported the same.",
        "Broadcaster Al Jazeera said the works were late.",
        # Two outlets told once each: either could be the article's own.
        "The mayor told DW the works were late. The engineer told RT they were not.",
        # A newsroom named without any of the cues.
        "The works were first planned in a BBC documentary.",
    ],
)
def test_other_outlets_are_not_the_article_s(text):
    assert find_source(text) is None


def test_front_matter_source_still_wins(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\nsource: Valley Courier\n---\nThe mayor told DW the bridge would reopen.\n", encoding="utf-8")
    assert load_paths([f]).documents[0].source == "Valley Courier"



def _sources_by_the_reference_rule(text: str) -> str | None:
    """find_source with the mention pattern it had before it was made faster: one regular expression
    with the character before each name looked behind for, tried at every position of the text."""
    import re

    from reader.core import article_meta

    slow = re.compile(rf"(?<![\w/-])(?:{article_meta._NAME})(?![\w/-])")
    real = article_meta._mentions
    article_meta._mentions = slow.finditer
    try:
        return find_source(text)
    finally:
        article_meta._mentions = real


def test_the_fast_mention_search_finds_what_the_lookbehind_found():
    import random

    from reader.core import article_meta

    names = list(article_meta._OUTLETS)
    # a name joined to the one before or after it by each character that joins words, or not
    joins = [" ", "", "-", "/", "_", "x", "4", "é", "'s ", "’s ", ". ", "\n", "(", ")", " - "]
    cues = ["told ", "according to ", "an ", "the ", "speaking to ", " correspondent", " reported", " has learned",
            " understands", "", "LONDON (", ") -"]
    rng = random.Random(12)
    texts = []
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 6)):
            parts += [rng.choice(cues), rng.choice(joins), rng.choice(names), rng.choice(joins)]
        texts.append("".join(parts))
    texts += [d.text for d in load_paths([SEEDS]).documents]
    found = {}
    for text in texts:
        want = _sources_by_the_reference_rule(text)
        assert find_source(text) == want, text
        found[want] = found.get(want, 0) + 1
    assert len(found) > 20  # the texts make most outlets the source, and none


def test_no_outlet_name_hides_another_after_a_space():
    """What lets the search check the character before a name itself: a candidate it refuses (a name
    joined to the word before) can only hide a name that starts after a space or punctuation inside it."""
    from reader.core import article_meta

    names = list(article_meta._OUTLETS)
    for name in names:
        for i in range(1, len(name)):
            if not article_meta._JOINED.match(name[i - 1]):
                rest = name[i:]
                assert not [n for n in names if n.startswith(rest) or rest.startswith(n)], (name, rest)
