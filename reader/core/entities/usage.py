"""What a corpus's own usage says of a capitalised word, and which of its answers an article relied on.

Detection reads the corpus's counts of lower-case words and of capitalised tokens that do not open a
sentence to tell "Police" at the start of a sentence (an ordinary word) from "Hale" (a name). Those
counts change when an article is added, so an article's mentions depend on other articles; but only
through a few yes-or-no answers. Each answer is asked through this class and recorded with the key it
was asked under: an article's stored mentions are still the ones detection would find as long as every
answer it recorded is the same under the corpus's counts now (``holds``). Rules that read the counts must
ask here; a rule reading them directly would make stored mentions stale without anyone noticing.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

Answer = tuple[tuple, bool]  # (key, the answer given)


class CorpusUsage:
    def __init__(self, lower: Counter, strong: Counter, common: frozenset | set):
        self.lower = lower  # lower-case words: how often each is written in lower case
        self.strong = strong  # capitalised tokens where a capital is no sentence's first letter
        self.common = common  # the gazetteer's common nouns (fixed: not the corpus's)
        self._answers: dict[tuple, bool] = {}

    def ordinary(self, word: str, stem: str, adverb: bool, used: dict) -> bool:
        """Whether ``word``, capitalised where a capital says nothing, is an ordinary word by this corpus:
        rarely capitalised elsewhere and written in lower case (or a known common noun)."""
        return self._asked(("o", word, stem, adverb), used)

    def capitalised_noun(self, bare: str, word: str, used: dict) -> bool:
        """Whether a common noun alone ("Juror", "District") is written in lower case here far more often
        than with a capital: then the capital is the writer's, not a name's."""
        return self._asked(("c", bare, word), used)

    def holds(self, answers: Iterable[Answer]) -> bool:
        return all(self.answer(key) is given for key, given in answers)

    def answer(self, key: tuple) -> bool:
        got = self._answers.get(key)
        if got is None:
            got = self._answers[key] = self._answer(key)
        return got

    def _asked(self, key: tuple, used: dict) -> bool:
        got = used[key] = self.answer(key)
        return got

    def _answer(self, key: tuple) -> bool:
        lower, strong = self.lower, self.strong
        if key[0] == "o":
            _, word, stem, adverb = key
            n = strong[word]
            return (n == 0 or n < lower[stem]) and (stem in self.common or lower[stem] > 0 or (adverb and n == 0))
        _, bare, word = key
        return lower[bare] > 2 * strong[word] + 1
