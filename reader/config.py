"""Settings: built-in defaults, overridden by one YAML file.

Resolution order: ``--config PATH``, then ``$READER_CONFIG``, then
``$XDG_CONFIG_HOME/reader/config.yaml``, then the defaults below (which the
top-level ``config.yaml`` of the repository documents, value for value).
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .core.dirs import config_dir
from .core.errors import ConfigError, yaml_syntax_message

# section -> key -> (default, accepted types, help). The single source of truth
# for defaults, validation and the documented config.yaml.
SCHEMA: dict[str, dict[str, tuple[Any, tuple[type, ...], str]]] = {
    "load": {
        "max_file_mb": (20, (int, float), "Files larger than this many megabytes are refused with a message."),
        "cache": (True, (bool,), "Cache derived data under $XDG_CACHE_HOME/reader/ (keyed by path, size, mtime)."),
    },
    "ui": {
        "theme": ("textual-dark", (str,), "Textual theme name (ctrl+p > theme to try others)."),
        "reflow": (True, (bool,), "Join hard-wrapped lines into paragraphs for display."),
        "sidebar": (True, (bool,), "Show the sidebar on start (hidden anyway below 60 columns)."),
        "restore_position": (True, (bool,), "Reopen the last article and scroll position per corpus."),
    },
    "annotations": {
        "path": (None, (str,), "Annotations file; default annotations.yaml in the first folder given."),
        "max_file_mb": (20, (int, float), "An annotations file larger than this is not loaded (and never overwritten)."),
    },
    "entities": {
        "corrections": (None, (str,), "Entity corrections file; default entities.yaml next to the annotations file."),
    },
    "finder": {
        "limit": (20, (int,), "Results shown by the finder and `reader find` by default."),
    },
    "ingest": {
        "timeout": (20, (int, float), "Seconds `reader add` waits for one web request (connecting and reading)."),
        "max_page_mb": (10, (int, float), "Pages, feeds and saved files larger than this many megabytes are refused."),
        "concurrency": (4, (int,), "Requests `reader add` makes at once."),
        "per_host": (2, (int,), "Requests at once to any one web site."),
    },
}

# Sections whose keys are the user's own names, each value of one type: section -> (type, help, example).
# Only their shape is checked here; what the names mean is checked by the part that uses them
# (keys: reader.tui.keys, against the app's bindings), so the commands never load the interface.
OPEN_SECTIONS: dict[str, tuple[type, str, str]] = {
    "keys": (str, "Keys of the app's actions: binding id -> keys, comma separated (the ids are in the README's "
             "keys table). An unknown id, or two actions on one key in one place, is a warning and the "
             "default keys stay.", 'find: "/,ctrl+f"'),
}


def defaults() -> dict[str, dict[str, Any]]:
    values: dict[str, dict[str, Any]] = {sec: {k: v[0] for k, v in ks.items()} for sec, ks in SCHEMA.items()}
    values.update({sec: {} for sec in OPEN_SECTIONS})
    return values


@dataclass
class Config:
    values: dict[str, dict[str, Any]] = field(default_factory=defaults)
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)

    def get(self, section: str, key: str) -> Any:
        return self.values[section][key]

    @property
    def keymap(self) -> dict[str, str]:
        """The user's keys: binding id -> keys."""
        return dict(self.values["keys"])

    @property
    def max_bytes(self) -> int:
        return int(float(self.get("load", "max_file_mb")) * 1024 * 1024)


def _type_name(types: tuple[type, ...]) -> str:
    names = {bool: "true/false", int: "integer", float: "number", str: "string"}
    return " or ".join(names.get(t, t.__name__) for t in types)


def parse(text: str, path: Path | None = None) -> Config:
    import yaml  # here, not at import: with no config file the app starts without it

    where = str(path) if path else "config"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(yaml_syntax_message(where, exc)) from None
    cfg = Config(path=path)
    if data is None:
        return cfg
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of sections (load, ui, ...), got {type(data).__name__}")
    for section, keys in data.items():
        if section in OPEN_SECTIONS and keys is not None:
            _parse_open(cfg, where, section, keys)
            continue
        if section not in SCHEMA and section not in OPEN_SECTIONS:
            cfg.warnings.append(f"{where}: unknown section '{section}' ignored")
            continue
        if keys is None:
            continue
        if not isinstance(keys, dict):
            raise ConfigError(f"{where}: section '{section}' must be a mapping, got {type(keys).__name__}")
        for key, value in keys.items():
            spec = SCHEMA[section].get(key)
            if spec is None:
                cfg.warnings.append(f"{where}: unknown key '{section}.{key}' ignored")
                continue
            default, types, _ = spec
            ok = value is None and default is None or (
                isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
            )
            if not ok:
                raise ConfigError(
                    f"{where}: '{section}.{key}' must be {_type_name(types)}, got {type(value).__name__} {value!r}"
                )
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
                raise ConfigError(f"{where}: '{section}.{key}' must not be negative, got {value!r}")
            cfg.values[section][key] = value
    return cfg


def _parse_open(cfg: Config, where: str, section: str, keys: Any) -> None:
    kind, _help, example = OPEN_SECTIONS[section]
    if not isinstance(keys, dict):
        raise ConfigError(
            f"{where}: section '{section}' must be a mapping such as {example!r}, got {type(keys).__name__}")
    for key, value in keys.items():
        if not isinstance(value, kind):
            cfg.warnings.append(f"{where}: '{section}.{key}' must be {_type_name((kind,))} such as {example!r}, "
                                f"got {type(value).__name__} {value!r}; ignored")
            continue
        cfg.values[section][str(key)] = value


def resolve_path(explicit: str | os.PathLike | None = None) -> Path | None:
    if explicit:
        return Path(explicit)
    env = os.environ.get("READER_CONFIG")
    if env:
        return Path(env)
    candidate = config_dir() / "config.yaml"
    return candidate if candidate.is_file() else None


def load(explicit: str | os.PathLike | None = None) -> Config:
    """Load the effective config. Raises ConfigError with file, key and reason."""
    path = resolve_path(explicit)
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    return parse(text, path)


def render_documented() -> str:
    """The documented config.yaml, generated from SCHEMA."""
    import yaml

    lines = [
        "# reader configuration. Every setting is shown with its default value.",
        "# Looked up in order: --config PATH, $READER_CONFIG, $XDG_CONFIG_HOME/reader/config.yaml.",
        "",
    ]
    for section, keys in SCHEMA.items():
        lines.append(f"{section}:")
        for key, (default, _types, help_text) in keys.items():
            lines.append(f"  # {help_text}")
            lines.append(f"  {key}: {yaml.safe_dump(default, default_flow_style=True).strip().removesuffix('...').strip()}")
        lines.append("")
    for section, (_kind, help_text, example) in OPEN_SECTIONS.items():
        lines.extend(f"# {line}" for line in textwrap.wrap(help_text, 100))
        lines.append(f"{section}:")
        lines.append(f"  # {example}")
        lines.append("")
    return "\n".join(lines)
