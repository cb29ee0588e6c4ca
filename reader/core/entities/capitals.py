"""Where a capital letter proves nothing: the first word of a sentence, and lines written in Title Case."""

from __future__ import annotations

import re


def sentence_initial(text: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0:
        return True
    c = text[j]
    if c in "\n.!?:;\"“‘(`[•*-—–":
        return True
    if c == ")":
        # "... prices. (AP) The deadly ...": a caption credit between two sentences
        k = text.rfind("(", max(0, j - 30), j)
        return k > 0 and sentence_initial(text, k)
    if c in "'’”":
        # a closing quote after a full stop ends a sentence; an apostrophe does not
        k = j - 1
        while k >= 0 and text[k] in "'’”":
            k -= 1
        return k < 0 or text[k] in ".!?,\n " or (c == "'" and text[k] == "'")
    return False


_HEAD_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SMALL = frozenset("a an the of in on at to for and or but by with from as is are was into over under after "
                   "about upon than then vs".split())


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case, where a capital proves nothing: (start, end) spans."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if 12 < len(line) < 200:
            words = [w for w in _HEAD_WORD.findall(line) if len(w) > 1 and w.lower() not in _SMALL]
            if len(words) >= 3:
                caps = sum(1 for w in words if w[0].isupper())
                if caps >= 0.9 * len(words):
                    spans.append((pos, end))
        pos = end + 1
    return spans
