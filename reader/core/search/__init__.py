"""The finder's search engine: sentences, quotations and entity names.

``SearchIndex.open(index)`` builds (or reopens from the cache) a tantivy index
of every sentence and, when quotations and entities are available, a small
one of those; ``search(query)`` takes fuzzy candidates from the engine and
orders them with rapidfuzz. Without tantivy installed, a rapidfuzz scan does
the same job more slowly.
"""

from __future__ import annotations

from .hits import Hit, SearchResult
from .query import ParsedQuery, parse_query
from .searcher import SearchIndex

__all__ = ["Hit", "ParsedQuery", "SearchIndex", "SearchResult", "parse_query"]
