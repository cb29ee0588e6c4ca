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

