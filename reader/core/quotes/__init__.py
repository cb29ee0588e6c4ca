"""Quotations: extraction, speaker attribution and cross-article matching.

``build_quote_index(documents, entity_index)`` is what ``Index.quotes`` calls.
"""

from __future__ import annotations

from .index import QuoteIndex, build_quote_index, extract_quotes
from .model import Quote, QuoteMatch

__all__ = ["Quote", "QuoteIndex", "QuoteMatch", "build_quote_index", "extract_quotes"]
