"""Halves and quarters of a game: "scored in the second half", "a touchdown in the fourth quarter" are no
halves or quarters of a year. Told by the words of a game in the sentence and in the article.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A game has halves too: "scored in the second half" is no half of a year. A bare half is a game's in a
# sentence with a score or one of these words, or in an article that uses two of them.
_GAME_WORDS = re.compile(
    r"\b(?:scor(?:ed|es|ing|eless)|goals?|touchdowns?|field[ \t]goals?|half-?time|at[ \t]the[ \t]half|penalt(?:y|ies)"
    r"|kickoff|rebounds?|innings?|quarterback|wickets?|free[ \t]throws?|(?:3|three)[ \t-]?pointers?|turnovers?"
    r"|fumbles?|end[ \t]zone|yards?|games|playoffs?|coach(?:es|ed)?|injured[ \t]reserve"
    r"|the[ \t](?:game|match|ball|whistle|crowd|court|pitch))\b", re.I)
_SCORE = re.compile(r"\b\d{1,3}[ \t]?-[ \t]?\d{1,3}\b(?![ \t]?-)")
GAME_HALF = "a half of a game"


@lru_cache(maxsize=4)
def _game_article(text: str) -> bool:
    first = None
    for m in _GAME_WORDS.finditer(text):
        w = m.group().lower()
        if first is None:
            first = w
        elif w != first:
            return True
    return False


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(c, max(0, start - 300), start) for c in ".!?\n")
    hi = min((i for i in (text.find(c, end, end + 300) for c in ".!?\n") if i >= 0), default=min(len(text), end + 300))
    return text[lo + 1:hi]


def of_a_game(raw) -> bool:
    text = raw.match.string
    sentence = _sentence_around(text, raw.start, raw.end)
    return bool(_GAME_WORDS.search(sentence) or _SCORE.search(sentence)) or _game_article(text)


# Words that only a game's report uses: a bare quarter ("the fourth quarter") is a game's in a sentence with
# one of them or a score, in an article that uses two words of a game ("games" and "sales" of a games maker
# in the third quarter are no game).
_PLAY_WORDS = re.compile(
    r"\b(?:scor(?:ed|ing|eless)|touchdowns?|field[ \t]goals?|half-?time|rebounds?|innings?|quarterbacks?"
    r"|free[ \t]throws?|(?:3|three)[ \t-]?pointers?|turnovers?|fumbled?|fumbles|end[ \t]zone|interceptions?"
    r"|\d+[ \t-]yards?|yards[ \t](?:passing|rushing)|comebacks?|drives?|victory|plays)\b", re.I)
GAME_QUARTER = "a quarter of a game"
GAME_NOTES = (GAME_HALF, GAME_QUARTER)


def of_a_game_strictly(raw) -> bool:
    text = raw.match.string
    sentence = _sentence_around(text, raw.start, raw.end)
    return bool(_PLAY_WORDS.search(sentence) or _SCORE.search(sentence)) and _game_article(text)
