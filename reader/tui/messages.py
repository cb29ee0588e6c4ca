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
