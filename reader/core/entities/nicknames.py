"""Quoted nicknames inside a person's name: 'Thomas "The Hammer" Varrone', "James 'Jimmy' Kettering".

Detection reads the given name and the surname as one name, the nickname between them as no name of
its own; the linking key leaves out a nickname of several words and keeps a one-word one as a middle
name, so the person also answers to it ("Jimmy Kettering").
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from .gazetteer import fold
from .raw import UP

# a quoted nickname of one to three words, from the space before it to the space after it; in a text,
# between a word and a capitalised one
_NICK = r" (?:\"|“|``|'|‘) ?" + UP + r"[\w.\-]*(?: [\w.\-]+){0,2} ?(?:\"|”|''|'|’) "
_NICKNAME = re.compile(r"(?<=\w)" + _NICK + "(?=" + UP + ")")
_QUOTED = re.compile(_NICK)
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def nickname_spans(text: str, given: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each quoted nickname after a given name and before a capitalised word, from the
    end of the given name to the start of the next word."""
    out = []
    for m in _NICKNAME.finditer(text):
        w = _LAST_WORD.search(text, max(0, m.start() - 30), m.start())
        if w is not None and fold(w.group()) in given:
            out.append((m.start(), m.end()))
    return out


def outside_nicknames(tokens: Iterable[re.Match], spans: list[tuple[int, int]]) -> Iterator[tuple[re.Match, bool]]:
    """The token matches outside the nickname spans, each with whether it is the surname right after one."""
    if not spans:
        for m in tokens:
            yield m, False
        return
    k = 0
    prev_end = -1
    for m in tokens:
        s = m.start()
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] <= s:
            continue  # a word of the nickname is no name of its own
        yield m, k > 0 and spans[k - 1] == (prev_end, s)
        prev_end = m.end()


def without_nickname(surface: str) -> str:
    """The surface its linking key is made of: a one-word nickname stays as a middle name, unquoted;
    a longer one ("The Hammer") is left out."""
    return _QUOTED.sub(_in_key, surface) if _QUOTED.search(surface) else surface


def _in_key(m: re.Match) -> str:
    inner = m.group().strip(" \"“”`'‘’")
    return f" {inner} " if " " not in inner else " "
