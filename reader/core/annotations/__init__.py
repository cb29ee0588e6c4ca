"""Annotations: passages with tags and notes, kept in a YAML file and re-anchored
to the current article texts on every load (see README, "Annotations file")."""

from __future__ import annotations

from .anchor import anchor, occurrences
from .model import (
    ANCHORED,
    FUZZY,
    MOVED,
    ORPHAN,
    SCHEMA_VERSION,
    STATUSES,
    Anchor,
    Annotation,
    Selector,
    normalize_tags,
)
from .store import AnnotationError, AnnotationStore, SaveResult
from .yamlio import FileProblem

__all__ = [
    "ANCHORED", "FUZZY", "MOVED", "ORPHAN", "SCHEMA_VERSION", "STATUSES",
    "Anchor", "Annotation", "AnnotationError", "AnnotationStore", "FileProblem", "SaveResult", "Selector",
    "anchor", "normalize_tags", "occurrences",
]
