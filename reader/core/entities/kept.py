"""Detected mentions kept per article between runs: the format, and what a keeper provides.

An article's entry is the answers of the corpus's counts its mentions relied on (``usage.py``) and the
mentions as plain rows, pickled apart so that checking the answers does not decode the rows.
"""

from __future__ import annotations

import pickle
from collections import Counter
from typing import Protocol

from ..keeping import KeptArticles
from .usage import Answer

_LEN = 4


def pack(answers: tuple[Answer, ...], rows: list[tuple]) -> bytes:
    head = pickle.dumps(answers, protocol=pickle.HIGHEST_PROTOCOL)
    return len(head).to_bytes(_LEN, "little") + head + pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def answers_of(blob: bytes) -> tuple[Answer, ...]:
    return pickle.loads(blob[_LEN:_LEN + int.from_bytes(blob[:_LEN], "little")])


def rows_of(blob: bytes) -> list[tuple]:
    return pickle.loads(blob[_LEN + int.from_bytes(blob[:_LEN], "little"):])


class KeptMentions(KeptArticles, Protocol):
    """Where detection keeps what it found (the analysis store, in ``reader.core.kept_articles``); an
    entry is an article's, while its text is the one it was made from."""

    def counts(self, documents: list) -> tuple[Counter, Counter, set[str]] | None:
        """The corpus's counts (lower-case words, strong capitalised tokens) over the articles whose ids
        are returned with them, when each of those is still in ``documents`` with the same text."""

    def put_counts(self, lower: Counter, strong: Counter) -> None:
        """The counts over every article of the ``documents`` given to ``done``."""
