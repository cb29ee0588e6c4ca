"""Display reflow: every display cell maps back to the right text offset."""

from __future__ import annotations

import pytest

from reader.core.document import Document
from reader.core.loader import load_paths
from reader.tui.reflow import Layout, sanitize
from tests.conftest import SEEDS


def seed_docs():
    return load_paths([str(SEEDS)]).documents


@pytest.mark.parametrize("width", [12, 40, 77, 200])
@pytest.mark.parametrize("reflow", [True, False])
def test_round_trip_every_offset(width, reflow):
    for doc in seed_docs():
        layout = Layout(doc, width, reflow)
        seen = 0
        for row, line in enumerate(layout.lines):
            if not line.is_text:
                continue
            # The display shows the text itself (newlines as spaces), nothing else.
            assert line.text == sanitize(doc.text[line.start:line.end])
            for off in range(line.start, line.end):
                r, col = layout.to_display(off)
                assert r == row
                assert layout.to_text(r, col) == off
                seen += 1
        visible = sum(1 for c in doc.text if not c.isspace())
        assert seen >= visible  # every visible character is on screen


def test_reflow_joins_hard_wrapped_lines():
    doc = next(d for d in seed_docs() if d.id.startswith("002"))
    layout = Layout(doc, 300, reflow=True)
    joined = [l.text for l in layout.lines if "managed to largely restore constitutional order" in l.text]
    assert joined, "a hard-wrapped sentence is one display line at a wide width"
    raw = Layout(doc, 300, reflow=False)
    assert not [l.text for l in raw.lines if "largely restore" in l.text]


def test_lines_fit_the_width_and_wide_characters_count_double():
    doc = Document(id="w", path=None, text="漢字漢字漢字 abc 漢字漢字漢字漢字")
    layout = Layout(doc, 10)
    from reader.tui.reflow import char_width

    for line in layout.lines:
        assert sum(char_width(c) for c in line.text) <= 10
    row, col = layout.to_display(doc.text.index("abc"))
    assert layout.to_text(row, col) == doc.text.index("abc")


def test_control_characters_are_neutralised_same_length():
    s = "a\x1b[31mb\x07c\u202ed"
    out = sanitize(s)
    assert len(out) == len(s) and "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_clicks_past_line_end_and_off_text():
    doc = Document(id="x", path=None, text="Short line.\n\nAnother paragraph here.")
    layout = Layout(doc, 40)
    assert layout.to_text(0, 39) == len("Short line.")
    assert layout.to_text(1, 0) is None  # the blank separator
    assert layout.to_text(99, 0) is None
