"""Find direct quotations in news text: which marks open, which close, which are apostrophes.

News text mixes typographic marks (“…”, ‘…’, «…», „…“), typewriter marks ("…", '…' that are also
apostrophes), the Penn Treebank's ``…'' of tokenised corpora, hard line breaks inside quotations, and
the newspaper convention for a quotation running over paragraphs: the closing mark is left off at
the end of each paragraph but the last, and each new paragraph reopens. A mark's role is decided by
what flanks it (like the "smart quotes" of typesetting programs), then marks are paired with a stack
per family of marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Span
from ..segment import trim

MARKS = re.compile(r"``|''|[\"'`“”‘’„‚«»‹›]")

FAMILY = {
    '"': "dq", "“": "dq", "”": "dq", "„": "dq",
    "'": "sq", "‘": "sq", "’": "sq", "‚": "sq", "`": "sq",
    "«": "ag", "»": "ag", "‹": "sg", "›": "sg",
    "``": "ptb", "''": "ptb",
}
_QUOTE_CHARS = "\"'`“”‘’„‚«»‹›"
# What may stand right before an opening mark / right after a closing one.
_OPEN_CTX = "([{<—–-/…" + _QUOTE_CHARS
_CLOSE_CTX = ".,;:!?)]}>…—–-/*" + _QUOTE_CHARS
# 's 't 're 've 'll 'd 'm: contractions and possessives, also in tokenised text ("It 's").
_CLITIC = re.compile(r"(?:s|t|re|ve|ll|d|m)(?![^\W\d_])", re.IGNORECASE)
_DECADE = re.compile(r"\d\d(?:s\b|\b)")  # '90s, '22

MAX_PARAGRAPHS = 30  # a quotation continued over more paragraphs than this is a stray mark
MAX_CHARS = 20_000
# A quotation left open at a paragraph end continues (one sentence per line, as in tokenised corpora)
# only if the next mark of its family, within this many paragraphs, closes it.
LOOKAHEAD_PARAGRAPHS = 8

OPEN, CLOSE, EITHER = "open", "close", "either"


@dataclass(slots=True)
class RawQuote:
    outer_start: int
    outer_end: int
    parts: list[Span]  # quoted words of each paragraph, whitespace trimmed
    mark: str

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


def mark_role(text: str, i: int, mark: str, family_open: bool) -> str | None:
    """The role of the quotation mark ``mark`` at ``text[i]``; None for an apostrophe."""
    n_i = i + len(mark)
    p = text[i - 1] if i > 0 else " "
    n = text[n_i] if n_i < len(text) else " "
    left = not n.isspace() and (p.isspace() or p in _OPEN_CTX)
    right = not p.isspace() and (n.isspace() or n in _CLOSE_CTX)
    if mark in ("``", "«", "‹", "„", "‚"):
        return OPEN
    if mark in ("»", "›"):
        return CLOSE
    if mark == "`":
        return OPEN if not n.isspace() else None
    if mark in ("'", "’", "‘"):
        if p.isalnum() and n.isalnum():
            return None  # country's, They’re, rock'n'roll
        if (p.isspace() or p.isalnum() or i == 0) and _CLITIC.match(text, n_i):
            return None  # It 's, don 't (tokenised), 's
        if not p.isalnum() and _DECADE.match(text, n_i):
            return None  # the '90s
    if mark == "“":
        return CLOSE if (family_open and right and not left) else OPEN
    if mark == "”":
        return OPEN if (not family_open and left and not right) else CLOSE
    if mark == "‘":
        return CLOSE if (family_open and right and not left) else OPEN
    if mark == "’":
        if left and not right:
            return OPEN if not family_open else None
        return CLOSE if right or family_open else None
    if mark == "''":
        # the Treebank's closing mark; only typewriter text opens with it (''word'')
        return OPEN if (left and not right and not family_open) else CLOSE
    # typewriter marks ", ' and an unopened '': decided by what flanks them
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    if mark == "'" and p.isspace() and n.isspace() and i >= 2 and text[i - 2] in "sS" and not family_open:
        return None  # tokenised possessive: "the 76ers ' coach"
    # spaced on both sides, as in tokenised text: `said , " he` closes, `. " We` may do either
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j >= 0 and text[j] in ",;:!?":
        return CLOSE
    return EITHER


@dataclass(slots=True)
class _Open:
    family: str
    mark: str
    mark_start: int
    part_start: int
    parts: list[Span]
    paragraphs: int = 1
    reopen_at: int = -1  # the offset of the mark that continues it in the next paragraph


def _trim(text: str, start: int, end: int) -> Span | None:
    span = trim(text, start, end)
    return span if span.end > span.start else None


def _has_words(text: str, parts: list[Span]) -> bool:
    return any(c.isalnum() for p in parts for c in text[p.start:p.end])


def find_quotations(text: str, paragraphs: list[Span] | None = None) -> list[RawQuote]:
    """Every quotation of ``text``, nested ones included, in order of their opening mark."""
    if paragraphs is None:
        from ..segment import split_paragraphs

        paragraphs = split_paragraphs(text)
    marks = [(m.start(), m.group()) for m in MARKS.finditer(text)]
    if not marks:
        return []
    out: list[RawQuote] = []
    stack: list[_Open] = []
    para_i = 0
    n_paras = len(paragraphs)
    mark_i = 0

    def is_open(family: str) -> bool:
        return any(o.family == family for o in stack)

    def boundary(k: int) -> None:
        """Paragraph ``k`` ended: which open quotations continue into ``k + 1``?"""
        end = paragraphs[k].end
        nxt = paragraphs[k + 1] if k + 1 < n_paras else None
        keep: list[_Open] = []
        for o in stack:
            if nxt is None or o.paragraphs >= MAX_PARAGRAPHS or nxt.end - o.mark_start > MAX_CHARS:
                continue
            first = MARKS.match(text, nxt.start)
            if first and FAMILY[first.group()] == o.family and first.group() != "''" and \
                    _style(first.group()) == _style(o.mark) and \
                    mark_role(text, nxt.start, first.group(), False) == OPEN:
                # the newspaper convention: no closing mark, the next paragraph reopens with the same
                # kind of mark ('"' after '"', '“' after '“'); a typographic mark after a typewriter one
                # opens a quotation of its own
                part = _trim(text, o.part_start, end)
                if part:
                    o.parts.append(part)
                o.reopen_at = nxt.start
                o.paragraphs += 1
                keep.append(o)
                continue
            if _closes_first(text, k + 1, o.family):
                o.paragraphs += 1  # a hard line break inside the quotation
                keep.append(o)
        stack[:] = keep

    def _closes_first(text: str, k: int, family: str) -> bool:
        """Is the next mark of ``family`` from paragraph ``k`` on (within a few paragraphs) a closing one?"""
        for para in paragraphs[k:k + LOOKAHEAD_PARAGRAPHS]:
            for m in MARKS.finditer(text, para.start, para.end):
                if FAMILY[m.group()] != family:
                    continue
                role = mark_role(text, m.start(), m.group(), True)
                if role in (CLOSE, EITHER):
                    return True
                if role == OPEN:
                    return False
        return False

    while mark_i < len(marks):
        pos, mark = marks[mark_i]
        while para_i + 1 < n_paras and pos >= paragraphs[para_i + 1].start:
            if stack:
                boundary(para_i)
            para_i += 1
        mark_i += 1
        fam = FAMILY[mark]
        end = pos + len(mark)
        cont = next((o for o in stack if o.reopen_at == pos), None)
        if cont is not None:
            cont.reopen_at = -1
            cont.part_start = end
            continue
        role = mark_role(text, pos, mark, is_open(fam))
        if role is None:
            continue
        if role == CLOSE or (role == EITHER and is_open(fam)):
            idx = max((j for j, o in enumerate(stack) if o.family == fam), default=-1)
            if idx < 0:
                continue
            if _style(mark) != _style(stack[idx].mark):
                # a typewriter quotation holding a typographic one closes with its own kind of mark
                same = max((j for j, o in enumerate(stack) if o.family == fam and _style(o.mark) == _style(mark)),
                           default=-1)
                if same >= 0 and role == CLOSE or (role == EITHER and same >= 0):
                    idx = same
            o = stack[idx]
            del stack[idx:]  # quotations opened inside it and never closed were stray marks
            part = _trim(text, o.part_start, pos)
            parts = o.parts + ([part] if part else [])
            if parts and _has_words(text, parts):
                out.append(RawQuote(o.mark_start, end, parts, o.mark))
            continue
        # an opening mark; one of the same family already open was a stray mark, unless its style
        # differs: '"He called it “a hoax” twice."' nests a typographic quotation in a typewriter one
        idx = max((j for j, o in enumerate(stack) if o.family == fam), default=-1)
        if idx >= 0 and _style(mark) == _style(stack[idx].mark):
            del stack[idx:]
        stack.append(_Open(fam, mark, pos, end, []))
    out.sort(key=lambda q: q.outer_start)
    return out


def _style(mark: str) -> str:
    """ "typewriter" for the marks of a keyboard (" and '), else "typographic"."""
    return "typewriter" if mark in ('"', "'") else "typographic"


def nesting(quotes: list[RawQuote]) -> list[int | None]:
    """For each quotation (sorted by start), the index of the one it sits inside, or None."""
    parents: list[int | None] = []
    open_: list[int] = []
    for i, q in enumerate(quotes):
        while open_ and quotes[open_[-1]].outer_end <= q.outer_start:
            open_.pop()
        parents.append(open_[-1] if open_ else None)
        open_.append(i)
    return parents


_NICKNAME = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?")
_NAME_WORD = re.compile(r"[A-Z][\w’'.-]*$")


def is_nickname(text: str, q: RawQuote) -> bool:
    """A quoted nickname inside a name: 'Robert "Bobby" Hale', 'Mary ‘Mo’ Diaz': one or two
    capitalised words, with a capitalised word right before the opening mark and right after the closing one."""
    if len(q.parts) != 1 or not _NICKNAME.fullmatch(text, q.start, q.end) or text[q.end - 1] == ".":
        return False
    before = text[max(0, q.outer_start - 30):q.outer_start]
    if before.rstrip().endswith(("'s", "’s")):
        return False  # 'NBC's "Nightly News" For ...': a title after its owner
    after = text[q.outer_end:q.outer_end + 2]
    return before.endswith(" ") and _NAME_WORD.search(before[:-1]) is not None and after[:1] == " " and \
        after[1:2].isupper()
