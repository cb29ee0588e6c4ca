"""Which words of a passage matched the query: for highlighting, in the finder and the article."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from .text import python_tokens

_WORD = re.compile(r"[^\W_]+")
CUTOFF = 75.0


def match_spans(text: str, words: list[str], prefix_last: bool = False) -> list[tuple[int, int]]:
    """Spans of ``text`` holding a query word (typos forgiven), relative to ``text``."""
    if not words or not text:
        return []
    last = words[-1] if prefix_last else None
    out = []
    for m in _WORD.finditer(text):
        toks = python_tokens(m.group())
        if not toks:
            continue
        tok = toks[0]
        if tok in words or (last and len(last) >= 2 and tok.startswith(last)):
            out.append(m.span())
        elif len(tok) > 2 and process.extractOne(tok, words, scorer=fuzz.ratio, score_cutoff=CUTOFF):
            out.append(m.span())
    return out
