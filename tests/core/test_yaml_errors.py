"""A file PyYAML cannot parse is reported the same way by every reader of one."""

from __future__ import annotations

import pytest

from reader import config
from reader.core.entities.corrections import CorrectionsError
from reader.core.entities.corrections import parse as parse_corrections
from reader.core.errors import ConfigError
from reader.core.loader import split_header

CASES = [
    ("a: [1, 2\nb: 3\n", "f.yaml, line 2: not valid YAML (expected ',' or ']', but got ':')"),
    ("a: b: c\n", "f.yaml, line 1: not valid YAML (mapping values are not allowed here)"),
    ("a: *nope\n", "f.yaml, line 1: not valid YAML (found undefined alias 'nope')"),
    # PyYAML gives no line for a control character: its own message is kept whole.
    ("a: \x00\n", 'f.yaml: not valid YAML (unacceptable character #x0000: special characters are not allowed\n'
                  '  in "<unicode string>", position 3)'),
]


@pytest.mark.parametrize("text, message", CASES)
def test_config_and_corrections_word_a_syntax_error_alike(text, message):
    with pytest.raises(ConfigError) as cfg_err:
        config.parse(text, "f.yaml")  # type: ignore[arg-type]
    with pytest.raises(CorrectionsError) as corr_err:
        parse_corrections(text, "f.yaml")
    assert str(cfg_err.value) == message
    assert str(corr_err.value) == message


def test_front_matter_error_names_its_line_or_says_parse_error():
    _, _, warnings = split_header("---\ntitle: [x\nb: 1\n---\nBody.\n", is_markdown=True)
    assert "front matter is not valid YAML (line 2); ignored" in warnings
    _, _, warnings = split_header("---\ntitle: \x01\n---\nBody.\n", is_markdown=True)
    assert "front matter is not valid YAML (parse error); ignored" in warnings
