"""What an analysis that keeps each article's result between runs is given to keep it in.

The analysis makes the entries (bytes) and decides when one still holds; the keeper (the analysis
store, ``reader.core.kept_articles``) only files them by article and by what the article's file was.
"""

from __future__ import annotations

from typing import Protocol


class KeptArticles(Protocol):
    def articles(self, documents: list) -> dict[str, bytes]:
        """Article id -> entry, for the articles whose file is the one the entry was made from."""

    def put(self, doc_id: str, entry: bytes) -> None: ...

    def done(self, documents: list) -> None:
        """Every article of ``documents`` has its entry: entries of other articles can go."""
