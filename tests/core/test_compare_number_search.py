"""Finding figures looks for numbers only where one can begin: it must find exactly what a search at
every character finds."""

import random
import re

from reader.core.compare import quantities as Q
from reader.core.compare.numbers import HEDGES
from reader.core.spans import lower_same_offsets

TEXTS = [
    "Police detained 3,000 people; almost 4,000 were held. Twenty-six died, Dozens were hurt.",
    "A Hundred protesters and half a dozen officers; Tens Of Thousands marched, several hundred fled.",
    "İstanbul: 12 killed, TWO injured, a few dozen arrested, $3.5 million and 3k signatures, seventeen.",
    "Covid-19 and Khabar 24; 1.2 million; 20 , 000 troops; ten-year-old; 07; no. 5; (aged 43) eleven",
    "",
    "one",
]


def _finditer(text):
    return [(m.span(), m.groupdict()) for m in Q._NUMBER.finditer(text)]


def _prefiltered(text):
    return [(m.span(), m.groupdict()) for m in Q._numbers(text, lower_same_offsets(text))]


def test_numbers_found_only_where_they_begin_are_all_of_them():
    for text in TEXTS:
        assert _prefiltered(text) == _finditer(text), text


def test_numbers_in_shuffled_words_match_a_full_search():
    rng = random.Random(7)
    vocab = ("people killed Almost nearly 3,000 4 one Two dozen dozens hundreds of thousands a few half "
             "Hundred million 1.5 $20 k bn - , . ( ) İ ß twenty-one Seventy ninety-nine SCORES several").split()
    for _ in range(300):
        text = "".join(rng.choice(vocab) + rng.choice([" ", "  ", "-", "", "\n"]) for _ in range(30))
        assert _prefiltered(text) == _finditer(text), text


def test_end_anchored_searches_match_a_full_search():
    rng = random.Random(11)
    words = [*HEDGES, "aged", "age", "no.", "section", "the", "of", "x", "(", "#", "said", "Police"]
    cases = [(Q._HEDGE_BEFORE, Q._HEDGE_LONGEST), (Q._DETERMINER_BEFORE, 5)]
    for _ in range(500):
        before = " ".join(rng.choice(words) for _ in range(rng.randint(0, 6))) + rng.choice(["", " ", "  ", " \n"])
        for rx, longest in cases:
            full = rx.search(before)
            fast = Q._ends_with(rx, before, longest)
            assert (full and full.span()) == (fast and fast.span()), (rx.pattern[:30], before)
        assert Q._age_before(before) == bool(Q._AGE_BEFORE.search(before)), before
        assert Q._label_before(before) == bool(Q._LABEL_BEFORE.search(before)), before
