"""Paragraphs and sentences of real news text, as spans of ``Document.text``.

News files arrive hard-wrapped mid-sentence, with headings that have no full
stop, lone punctuation lines, both kinds of quotation marks, abbreviations and
(in tokenised corpora) spaces before punctuation. The rules here are about
*line breaks* first (is this newline a soft wrap, a sentence end or a paragraph
end?) and about terminal punctuation second.
"""

from __future__ import annotations

import re
from typing import Iterator

from .spans import Span

# Words that end with a full stop without ending a sentence. Lower case, no dot.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cpt sgt cmdr adm brig cpl pvt
    gov sen rep rev hon pres amb supt insp det fr br sec atty
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols p pp fig ed eds approx est dept univ assn bros
    vs v etc al e.g i.e cf ca
    """.split()
)

# Sentence starters that make a sentence end after an acronym plausible
# ("... in the U.S. The talks ...").
_STARTERS = frozenset(
    "the a an he she it they we i but and in on at this that these those there his her its their "
    "however meanwhile after before when while earlier later yet so".split()
)

_TERMINAL = re.compile(r"(?:\.{3}|…|[.!?])+(?:''|[\"'”’»)\]])*")
_LINE = re.compile(r"[^\n]*\n?")
_OPENERS = "\"'“‘«([`"
_HEADING_MAX_WORDS = 12
_CREDIT_PAREN = re.compile(r"\((?:AP|AFP|Reuters|dpa|EPA|Getty(?: Images)?|Xinhua|TASS|UPI|File|Photo)\)(?=\s|$)")


def _ends_terminal(line: str) -> bool:
    s = line.rstrip()
    s = s.rstrip("\"'”’»)]").rstrip()
    if s.endswith("''"):
        s = s[:-2].rstrip()
    return bool(s) and s[-1] in ".!?…"


def _starts_upper(s: str) -> bool:
    s = s.lstrip()
    while s and s[0] in _OPENERS:
        s = s[1:]
    s = s.lstrip()
    return bool(s) and (s[0].isupper() or s[0].isdigit())


def _is_bullet(s: str) -> bool:
    s = s.lstrip()
    return s[:2] in ("- ", "* ", "• ") or bool(re.match(r"\d+[.)]\s", s))


def line_breaks(text: str) -> list[tuple[int, str]]:
    """Classify each newline inside a non-blank block.

    Returns ``(offset, kind)`` pairs where kind is ``"soft"`` (a wrap inside a
    sentence, or a sentence end inside wrapped prose), ``"sentence"`` (ends a
    heading-like line) or ``"para"`` (ends a paragraph). Both of the latter end
    a paragraph. Newlines that belong to
    blank-line separators are not listed: they always end paragraphs.
    """
    out: list[tuple[int, str]] = []
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    # Hard-wrapped prose (lines of similar, modest width) ends sentences at line
    # ends without ending paragraphs; one-line-per-paragraph files do not.
    widths = [len(l.rstrip()) for _, l in lines if l.strip()]
    wrap = 0
    if len(widths) >= 3:
        wmax = sorted(widths)[int(len(widths) * 0.9)]
        if wmax <= 100 and sum(1 for w in widths if w >= 0.6 * wmax) >= 0.6 * len(widths):
            wrap = wmax
    for i, (start, line) in enumerate(lines):
        if not line.endswith("\n") or not line.strip():
            continue
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        if not nxt.strip():
            continue  # blank line follows: a plain paragraph separator
        nl = start + len(line) - 1
        body = line.rstrip()
        if _is_bullet(nxt):
            out.append((nl, "para"))
        elif _ends_terminal(body) or body.endswith(":"):
            if wrap and len(body) >= 0.75 * wrap and not body.endswith(":"):
                out.append((nl, "soft"))  # the terminal punctuation still ends the sentence
            elif _starts_upper(nxt) or nxt.lstrip()[:1] in "-–—•*":
                out.append((nl, "para"))
            else:
                out.append((nl, "soft"))
        elif _starts_upper(nxt) and len(body.split()) <= _HEADING_MAX_WORDS and not body.endswith((",", ";", "-", "–")):
            out.append((nl, "sentence"))
        else:
            out.append((nl, "soft"))
    return out


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blank lines and hard line breaks end them."""
    cuts = [nl for nl, kind in line_breaks(text) if kind in ("para", "sentence")]
    spans: list[Span] = []
    pos = 0
    for block in re.finditer(r"\n[ \t]*\n", text):
        cuts.append(block.start())
    cuts.sort()
    for cut in cuts + [len(text)]:
        _add_trimmed(spans, text, pos, cut)
        pos = cut + 1
    return spans


def trim(text: str, start: int, end: int) -> Span:
    """``text[start:end]`` without the whitespace at its edges (start == end when
    nothing else is left): offsets stay in the one offset space of ``text``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _add_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    span = trim(text, start, end)
    if span[1] > span[0]:  # indexing: cheaper than the named fields on this hot path
        spans.append(span)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Does the full stop at ``dot`` close an abbreviation or an initial?"""
    j = dot
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in _OPENERS:
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return False


def _is_acronym(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", text[j:dot]))


def _next_word(text: str, pos: int) -> str:
    m = re.compile(r"\s*[\"'“‘«(\[`]*([A-Za-z]+)").match(text, pos)
    return m.group(1) if m else ""


def split_sentences(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    return list(iter_sentences(text, paragraphs))


def iter_sentences(text: str, paragraphs: list[Span] | None = None) -> Iterator[Span]:
    """The sentence spans of ``text`` in order, each found as it is reached: a caller that needs the first
    few (a title) stops there."""
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    for p in paragraphs:
        pos = p.start
        for m in _TERMINAL.finditer(text, p.start, p.end):
            end = m.end()
            if end < p.end and not text[end].isspace():
                continue  # "3.5", "U.S.", "example.com"
            nxt = end
            while nxt < p.end and text[nxt].isspace():
                nxt += 1
            if nxt >= p.end:
                continue  # paragraph end closes the sentence anyway
            punct = m.group()
            follower = text[nxt:]
            upper_next = _starts_upper(follower[:3]) or follower[:1] in _OPENERS
            if not upper_next:
                continue
            if punct.startswith(".") and not punct.startswith("..."):
                dot = m.start()
                if _is_abbreviation(text, dot):
                    continue
                if _is_acronym(text, dot) and _next_word(text, nxt).lower() not in _STARTERS:
                    continue
            credit = _CREDIT_PAREN.match(text, nxt, p.end)
            if credit:
                # "... prices. (AP) The deadly ..." : the credit closes the caption.
                end = credit.end()
                nxt = end
                while nxt < p.end and text[nxt].isspace():
                    nxt += 1
            span = trim(text, pos, end)
            if span[1] > span[0]:
                yield span
            pos = nxt
        span = trim(text, pos, p.end)
        if span[1] > span[0]:
            yield span
