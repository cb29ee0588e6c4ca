"""Words as the search engine sees them: lower case, accents folded.

The candidate engine (tantivy) and the re-ranker must cut text into the same
words, or an exact match would score as a typo. When tantivy is installed its
own analyzer does the cutting for both; without it a Python equivalent does.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable

MAX_TOKEN_CHARS = 40  # longer "words" are URLs or noise; tantivy drops them too

_WORD = re.compile(r"[^\W_]+")

Tokenizer = Callable[[str], list[str]]


def python_tokens(text: str) -> list[str]:
    """Alphanumeric runs, lower-cased, with accents removed ("Zürich" -> "zurich")."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return [w for w in _WORD.findall(folded) if len(w) < MAX_TOKEN_CHARS]


def tantivy_analyzer():
    """The analyzer the index is built with, or None without tantivy."""
    try:
        import tantivy
    except ImportError:
        return None
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def unique(words: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for w in words:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out
