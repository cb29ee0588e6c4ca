"""Config resolution and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import config
from reader.core.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_without_any_file():
    cfg = config.load()
    assert cfg.path is None and cfg.get("load", "max_file_mb") == 20


def test_top_level_config_documents_the_defaults():
    shipped = config.parse((ROOT / "config.yaml").read_text(encoding="utf-8"))
    assert shipped.values == config.defaults() and not shipped.warnings
    assert (ROOT / "config.yaml").read_text(encoding="utf-8").strip() == config.render_documented().strip()


def test_resolution_order(tmp_path, monkeypatch):
    xdg = Path(config.os.environ["XDG_CONFIG_HOME"]) / "reader"
    xdg.mkdir(parents=True)
    (xdg / "config.yaml").write_text("finder:\n  limit: 3\n")
    assert config.load().get("finder", "limit") == 3
    env = tmp_path / "env.yaml"
    env.write_text("finder:\n  limit: 4\n")
    monkeypatch.setenv("READER_CONFIG", str(env))
    assert config.load().get("finder", "limit") == 4
    explicit = tmp_path / "explicit.yaml"
    explicit.write_text("finder:\n  limit: 5\n")
    assert config.load(explicit).get("finder", "limit") == 5


def test_unknown_key_is_a_warning_naming_it():
    cfg = config.parse("ui:\n  colour: red\nbogus: 1\n")
    assert any("ui.colour" in w for w in cfg.warnings) and any("bogus" in w for w in cfg.warnings)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("load:\n  max_file_mb: lots\n", "'load.max_file_mb' must be integer or number"),
        ("ui:\n  reflow: 3\n", "'ui.reflow' must be true/false"),
        ("finder:\n  limit: true\n", "'finder.limit' must be integer"),
        ("ui: [1, 2]\n", "section 'ui' must be a mapping"),
        ("- a\n- b\n", "expected a mapping"),
        ("ui:\n\ttheme: x\n", "line 2"),
    ],
)
def test_bad_values_name_file_key_and_type(tmp_path, text, needle):
    f = tmp_path / "c.yaml"
    f.write_text(text)
    with pytest.raises(ConfigError) as err:
        config.load(f)
    assert needle in str(err.value) and str(f) in str(err.value)


def test_missing_explicit_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        config.load(tmp_path / "none.yaml")
