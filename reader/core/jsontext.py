"""JSON text written piece by piece, exactly as ``json.dumps(..., ensure_ascii=False)`` writes it: the
renderings of entities and quotations format their many small objects themselves (a dictionary per
mention or match, then encoded, cost most of the time their commands spent printing)."""

from __future__ import annotations

import json
from functools import lru_cache
from json.encoder import encode_basestring


@lru_cache(maxsize=65536)
def json_string(s: str) -> str:
    """A string (article ids, names and passages repeat: each is encoded once)."""
    return encode_basestring(s)


def json_or_null(s: str | None) -> str:
    return "null" if s is None else json_string(s)


def json_number(x: float) -> str:
    return float.__repr__(x) if type(x) is float else json.dumps(x)
