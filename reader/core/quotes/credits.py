"""Speakers named by layout rather than by a verb: a credit line after a quotation and a transcript label.

    “We will win.” ― Jane Roe              (a dash, then the name, and the line ends)
    "ROE: We will win. ..."                (an interview transcript: the speaker in capitals, a colon)

Both are conventions of news and magazine pages, not of any one outlet.
"""

from __future__ import annotations

import re

from .extract import RawQuote

# A name: capitalised words, with the particles of names between them ("Maria de la Cruz", "Julie A. Diaz").
_SP = r"[^\S\n]"  # a space or tab, a no-break space too, not a line break
_NAME = r"[A-Z][\w’'.-]*(?:" + _SP + r"+(?:[A-Z][\w’'.-]*|de|del|della|der|van|von|da|di|du|la|le|bin|ibn|al|el|y))*"
# The dash, the name, and nothing after it on the line but a full stop (or the next quotation).
_CREDIT = re.compile(_SP + r"*(?:―|—|–|--)" + _SP + r"*(" + _NAME + r")" + _SP + r"*[.,]?" + _SP + r"*(?=\n|$|[“\"])")
# "PENCE:", "MR. TRUMP:", "SEN. JOHN DOE:" at the start of a quotation.
_LABEL = re.compile(r"[ \t]*((?:[A-Z][A-Z’'.-]+[ \t]+){0,3}[A-Z][A-Z’'.-]*[A-Z.])[ \t]*:[ \t]")
_NOT_LABELS = frozenset("UPDATE NOTE BREAKING WATCH READ EDITOR EDITORS PHOTO VIDEO AUDIO Q A".split())


def credit_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of the name in a credit line right after a quotation ending at ``end``."""
    m = _CREDIT.match(text, end)
    if m is None or len(m.group(1)) > 60:
        return None
    e = m.end(1)
    if text[e - 1] == "." and len(text[m.start(1):e].split()[-1]) > 2:
        e -= 1  # the sentence's full stop, not an initial's
    return m.start(1), e


# A line that opens with a quotation and closes with a credit: '“...” And so on “...” ― Jane Roe'.
_CLOSING_CREDIT = re.compile(r"[”\"’'](?:" + _SP + r"*(?:―|—|–|--)" + _SP + r"*)(" + _NAME + r")" + _SP + r"*[.,]?\s*$")


def credit_closing(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the name in a credit closing the line ``text[start:end]`` when the line opens with a
    quotation mark: the credit is for every quotation of the line."""
    if text[start:start + 1] not in "\"“”'‘«" or end - start < 2:
        return None
    m = _CLOSING_CREDIT.search(text, max(start, end - 100), end)
    if m is None or len(m.group(1)) > 60:
        return None
    return credit_after(text, m.start() + 1)


def transcript_label(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a speaker label opening the quotation ``text[start:end]`` (after its mark)."""
    i = start
    while i < end and text[i] in "\"“'‘`« \t":
        i += 1
    m = _LABEL.match(text, i, end)
    if m is None:
        return None
    label = m.group(1)
    if len(label) < 2 or label.rstrip(".") in _NOT_LABELS or not any(c.isalpha() for c in label):
        return None
    return m.start(1), m.end(1)


def label_name(label: str) -> str:
    """ "PENCE" -> "Pence", "MR. TRUMP" -> "Mr. Trump": the spelling an entity index knows."""
    return " ".join(w[:1] + w[1:].lower() for w in label.split())


def split_turns(text: str, raws: list) -> list:
    """A quotation running over paragraphs is one speaker's, unless a paragraph opens with a new
    transcript label ("WALLACE: ..."): there a new speaker's turn, and a new quotation, begins."""
    out = []
    for r in raws:
        pieces: list = []
        parts = list(r.parts)
        start = r.outer_start
        k = 1
        while k < len(parts):
            p = parts[k]
            if transcript_label(text, p.start, p.end) is not None:
                pieces.append(RawQuote(start, parts[k - 1].end, parts[:k], r.mark))
                start = p.start - 1 if p.start > 0 and text[p.start - 1] in "\"“'‘«" else p.start
                parts = parts[k:]
                k = 1
            else:
                k += 1
        pieces.append(RawQuote(start, r.outer_end, parts, r.mark) if pieces else r)
        out += pieces
    return out
