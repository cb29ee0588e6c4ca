"""Dates: time expressions in articles, resolved against each article's date,
and the timeline of events across a corpus."""

from __future__ import annotations

from .expressions import TIME_RE, RawExpression
from .scanner import scan, scan_full
from .resolve import Anchor, Resolution, resolve, tense_near
from .timeline import Event, Timeline, TimeExpression, article_anchor, build_timeline, find_time_expressions

__all__ = [
    "TIME_RE", "RawExpression", "scan", "scan_full", "Anchor", "Resolution", "resolve", "tense_near",
    "Event", "Timeline", "TimeExpression", "article_anchor", "build_timeline", "find_time_expressions",
]
