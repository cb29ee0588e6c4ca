"""Reading the corrections file: the loader and the writer refuse the same files alike."""

from __future__ import annotations

import re

import pytest

from reader.core.entities.corrections import Correction, CorrectionsError, CorrectionStore, load


def test_a_missing_or_empty_file_has_no_corrections(tmp_path):
    assert load(tmp_path / "entities.yaml") == []
    (tmp_path / "entities.yaml").write_text("", encoding="utf-8")
    assert load(tmp_path / "entities.yaml") == []


@pytest.mark.parametrize("make", [
    lambda p: p.mkdir(),  # a folder where the file should be
    lambda p: p.write_bytes(b"- ignore: caf\xe9\n"),  # Latin-1, not UTF-8
])
def test_an_unreadable_file_is_refused_by_load_append_and_undo(tmp_path, make):
    path = tmp_path / "entities.yaml"
    make(path)
    for attempt in (lambda: load(path), lambda: CorrectionStore(path).append(Correction("ignore", "x")),
                    lambda: CorrectionStore(path).undo_last()):
        with pytest.raises(CorrectionsError, match="^" + re.escape(f"{path}: cannot read (")):
            attempt()
