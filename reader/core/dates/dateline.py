"""The article's own date, when the file has no header: its dateline.

Only the first few lines are looked at, and only a line that is a dateline
counts: a date standing (nearly) alone ("December 15th , 2008 , 7 : 35 am",
"Published : July 29 , 2004") or the wire-service form at the start of the
text ("MOSCOW, Jan. 7 (Reuters) -", "January 7, 2022 — The ..."). A sentence
that merely mentions a date is not a dateline.
"""

from __future__ import annotations

import datetime as _dt
import re

from .expressions import MONTHS, WEEKDAYS, RawExpression, month_number
from .scanner import scan
from .resolve import Anchor

_HEAD_CHARS = 1000
_HEAD_LINES = 6
_MAX_OTHER_WORDS = 4  # words on a dateline line besides the date, its time and "Published" ("Boston")
# What may follow a wire dateline: an agency in parentheses, then a dash.
_WIRE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[-—–]{1,2})(?:[ \t]|$)")
_WIRE_BEFORE = re.compile(r"^[ \t]*(?:[A-Z][\w.'’ -]{0,40}?[ \t]*,[ \t]*)?$")
# "Published : ", "First Posted:", "Last updated", "UPDATED 3 : 09 AM EST": the line is a dateline.
_STAMP_BEFORE = re.compile(
    r"^[ \t]*(?:first[ \t]+|last[ \t]+)?(?:posted|published|updated|modified|created)\b[^\n]{0,24}$", re.IGNORECASE
)
_WORDS = re.compile(r"[A-Za-z]{2,}")
# Words a dateline carries besides the date: times, zones, the stamp's verb.
_DATELINE_WORDS = frozenset(
    """on at am pm et est edt cst cdt mst mdt pst pdt gmt utc bst cet cest ist hrs local time posted published
    updated last first modified created by date""".split()
)
_DATE_KINDS = ("md", "dm", "iso", "num")


def _is_dateline(line: str, rel_start: int, rel_end: int) -> bool:
    before, after = line[:rel_start], line[rel_end:]
    if _WIRE_BEFORE.match(before) and _WIRE_AFTER.match(after):
        return True
    if _STAMP_BEFORE.match(before):
        return True
    rest = before + " " + after
    other = [w for w in _WORDS.findall(rest) if w.lower() not in _DATELINE_WORDS and not _is_name(w)]
    if len(other) > _MAX_OTHER_WORDS:
        return False
    # A short sentence ending in a full stop is not a dateline, but "… 13 : 45 ." is.
    return len(line) <= 120 and (not line.rstrip().endswith(".") or len(other) <= 1)


def _is_name(word: str) -> bool:
    w = word.lower()
    return any(w == m.lower() or w == m.lower()[:3] for m in MONTHS + WEEKDAYS)


def _full(raw: RawExpression) -> bool:
    return raw.kind in ("iso", "num") or bool(raw.get("md_y") or raw.get("dm_y"))


def find_dateline(text: str, expressions: list[RawExpression] | None = None) -> tuple[Anchor, RawExpression | None]:
    """The anchor a dateline gives (date None when there is none) and the
    expression that is the dateline."""
    head_end = min(len(text), _HEAD_CHARS)
    lines_end, pos = head_end, 0
    for _ in range(_HEAD_LINES):
        nl = text.find("\n", pos, head_end)
        if nl < 0:
            break
        pos = nl + 1
    else:
        lines_end = pos
    from .resolve import resolve

    for raw in scan(text, 0, lines_end):
        if raw.kind not in _DATE_KINDS or raw.get("rel"):
            continue
        ls = text.rfind("\n", 0, raw.start) + 1
        le = text.find("\n", raw.end)
        le = len(text) if le < 0 else le
        if not _is_dateline(text[ls:le], raw.start - ls, raw.end - ls):
            continue
        if _full(raw):
            res = resolve(raw, Anchor(None, "none"), None)
            if res.date:
                return Anchor(res.date, "dateline", f"dateline “{text[raw.start:raw.end]}”"), raw
            continue
        # Month and day only: a year is inferred from the text's own full
        # dates when it has some, never guessed.
        p = "md_" if raw.kind == "md" else "dm_"
        month, day = month_number(raw.get(p + "m")), int(re.match(r"\d+", raw.get(p + "d")).group())
        year = _infer_year(text, expressions, month, day)
        if year is not None:
            try:
                d = _dt.date(year, month, day)
            except ValueError:
                d = None
            if d:
                return Anchor(d, "dateline", f"dateline “{text[raw.start:raw.end]}”, year from the dates in the text"), raw
        return Anchor(None, "dateline", f"dateline “{text[raw.start:raw.end]}” gives no year", (month, day)), raw
    return Anchor(None, "none", "no date header and no dateline"), None


def _infer_year(text: str, expressions: list[RawExpression] | None, month: int, day: int) -> int | None:
    """The year of the latest full date the article states, moved on by one
    when the dateline's month-day falls well before it (a January dateline on
    a story about late December)."""
    exprs = expressions if expressions is not None else scan(text)
    from .resolve import resolve

    fulls = []
    for raw in exprs:
        if raw.kind in _DATE_KINDS and _full(raw):
            d = resolve(raw, Anchor(None, "none"), None).date
            if d:
                fulls.append(d)
    if not fulls:
        return None
    latest = max(fulls)
    try:
        cand = _dt.date(latest.year, month, day)
    except ValueError:
        return None
    return latest.year + 1 if (latest - cand).days > 180 else latest.year
