"""Display layout of an article: reflowed, wrapped lines that map back to text.

A view concern kept free of Textual so it can be tested directly. Each visual
line covers a half-open range of ``Document.text``; within a line, display
characters correspond one to one with text characters (newlines joined by
reflow show as spaces, control characters as visible symbols), so a display
cell maps back to exactly one text offset and highlighting or selecting
through the display never drifts.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from ..core.document import Document, Span

# C0 controls (but tab/newline), DEL and C1 controls become visible symbols of
# the same length: an escape sequence in an article is shown, never executed.
_CONTROL = {c: chr(0x2400 + c) for c in range(32)}
_CONTROL[0x7F] = "\u2421"
_CONTROL.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_CONTROL[ord("\t")] = " "
_CONTROL[ord("\n")] = " "
_CONTROL[ord("\r")] = " "
for _c in (0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069):
    _CONTROL[_c] = "\ufffd"  # zero-width and bidi overrides could disguise text


def sanitize(s: str) -> str:
    """Same-length copy of ``s`` safe to show in a terminal."""
    if s.isprintable():  # no control, zero-width or bidi character (all unprintable): nothing to replace
        return s
    return s.translate(_CONTROL)


def one_line(s: str) -> str:
    """``s`` safe to show on one line: controls made visible, whitespace runs (line breaks too) one space."""
    return " ".join(sanitize(s).split())


def char_width(ch: str) -> int:
    if ch < "\u0300":
        return 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@dataclass(frozen=True)
class VisualLine:
    """One screen line. ``start == end == -1`` for lines with no text offsets."""

    text: str
    start: int = -1
    end: int = -1
    kind: str = "text"  # text | heading | title | meta | blank

    @property
    def is_text(self) -> bool:
        return self.start >= 0


@dataclass(frozen=True)
class Block:
    """A run of text shown as one wrapped paragraph."""

    start: int
    end: int
    heading: bool = False


def blocks(doc: Document, reflow: bool = True) -> list[Block]:
    """Paragraph blocks for display: hard-wrapped lines joined into one."""
    text = doc.text
    out: list[Block] = []
    for span in doc.paragraphs:
        para = text[span.start:span.end]
        heading = "\n" not in para and len(para.split()) <= 12 and para.rstrip()[-1:] not in ".!?…\"”’'),;"
        out.append(Block(span.start, span.end, heading))
    return out


def wrap(text: str, start: int, end: int, width: int, kind: str = "text") -> list[VisualLine]:
    """Greedy word wrap of ``text[start:end]`` into lines at most ``width`` cells."""
    width = max(1, width)
    shown = sanitize(text[start:end])
    lines: list[VisualLine] = []
    n = len(shown)
    i = 0
    while i < n:
        while i < n and shown[i] == " ":
            i += 1  # a wrapped line does not start with the space that broke it
        if i >= n:
            break
        cells = 0
        j = i
        last_space = -1
        while j < n:
            w = char_width(shown[j])
            if cells + w > width:
                break
            if shown[j] == " ":
                last_space = j
            cells += w
            j += 1
        if j < n and last_space > i:
            j = last_space  # break at the last space that fits
        if j == i:
            j = i + 1  # a single character wider than the line
        line_end = j
        while line_end > i and shown[line_end - 1] == " ":
            line_end -= 1
        lines.append(VisualLine(shown[i:line_end], start + i, start + line_end, kind))
        i = j
    return lines


class Layout:
    """The wrapped lines of one document at one width, with offset mapping."""

    def __init__(self, doc: Document, width: int, reflow: bool = True, header: Iterable[VisualLine] = ()):
        self.doc = doc
        self.width = max(10, width)
        self.reflow = reflow
        lines: list[VisualLine] = list(header)
        if reflow:
            for k, block in enumerate(blocks(doc, reflow)):
                if k:
                    lines.append(VisualLine("", kind="blank"))
                lines.extend(wrap(doc.text, block.start, block.end, self.width, "heading" if block.heading else "text"))
        else:
            # The file's own lines, soft-wrapped to the width, blank lines kept.
            pos = 0
            for raw in doc.text.split("\n"):
                end = pos + len(raw)
                if raw.strip():
                    lines.extend(wrap(doc.text, pos, end, self.width))
                else:
                    lines.append(VisualLine("", kind="blank"))
                pos = end + 1
        self.lines = lines
        self._text_rows = [i for i, l in enumerate(lines) if l.is_text]
        self._starts = [lines[i].start for i in self._text_rows]

    def __len__(self) -> int:
        return len(self.lines)

    def row_of(self, offset: int) -> int:
        """The visual row showing text ``offset`` (the nearest one before it for
        offsets that fall in a gap such as a collapsed space or newline)."""
        if not self._starts:
            return 0
        k = bisect.bisect_right(self._starts, offset) - 1
        return self._text_rows[max(0, k)]

    def to_display(self, offset: int) -> tuple[int, int]:
        """``(row, cell column)`` of text ``offset``."""
        row = self.row_of(offset)
        line = self.lines[row]
        if not line.is_text:
            return row, 0
        k = max(0, min(offset, line.end) - line.start)
        return row, sum(char_width(c) for c in line.text[:k])

    def to_text(self, row: int, col: int) -> int | None:
        """Text offset at ``(row, cell column)``; None off the text. A column
        past the line end maps to the line end."""
        if not 0 <= row < len(self.lines):
            return None
        line = self.lines[row]
        if not line.is_text:
            return None
        cells = 0
        for k, ch in enumerate(line.text):
            w = char_width(ch)
            if col < cells + w:
                return line.start + k
            cells += w
        return line.end

    def spans_on_row(self, row: int, spans: list[Span] | list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The parts of ``spans`` visible on ``row``, as line-relative char ranges."""
        line = self.lines[row]
        out = []
        for s, e in spans:
            a, b = max(s, line.start), min(e, line.end)
            if a < b:
                out.append((a - line.start, b - line.start))
        return out
