"""User corrections (placeholder until the YAML store lands)."""

from __future__ import annotations

from pathlib import Path

from .model import Entity, EntityIndex


def apply_file(entities: list[Entity], path: Path) -> EntityIndex:
    return EntityIndex(entities, corrections_path=path)
