"""Messages screens and panes post for the app to act on: they never reach into the app itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from textual.message import Message


class Passage(NamedTuple):
    """A passage ``[start, end)`` of ``Document.text`` of article ``doc_id``."""

    doc_id: str
    start: int
    end: int


@dataclass
class OpenPassage(Message):
    """Show article ``doc_id`` at ``[start, end)``, highlighted."""

    doc_id: str
    start: int
    end: int


class NotesChanged(Message):
    """The annotations were changed and saved (or not): panes that list them read them again."""


@dataclass
class OpenSideBySide(Message):
    """Read two passages side by side, both highlighted and in view: ``left`` in the article pane,
    ``right`` in the pane beside it."""

    left: Passage
    right: Passage


@dataclass
class AnalysisProgress(Message):
    """``done`` of ``total`` articles of analysis ``name`` are done (reader.core.progress); posted from
    the worker running it, for the app to show."""

    name: str
    done: int
    total: int


def reporting_to(widget):
    """``reader.core.progress.reporting`` for a worker of ``widget``: what the analyses it runs report
    reaches the app as AnalysisProgress messages (posting a message is safe from any thread)."""
    from ..core.progress import reporting

    app = widget.app
    return reporting(lambda name, done, total: app.post_message(AnalysisProgress(name, done, total)))
