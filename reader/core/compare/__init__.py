"""Compare: where several reports of one event agree, where they differ, and what only one says.

``build_comparison(documents, entity_index, quote_index, timeline)`` is what ``Index.compare`` calls.
"""

from __future__ import annotations

from .build import build_comparison
from .model import VERDICTS, Comparison, DocumentInfo, EntityDocs, Fact, FactItem, Quantity, Speaker
from .quantities import find_quantities

__all__ = ["VERDICTS", "Comparison", "DocumentInfo", "EntityDocs", "Fact", "FactItem", "Quantity", "Speaker",
           "build_comparison", "find_quantities"]
