"""Errors a user can meet; their message is meant for people, not for a traceback."""

from __future__ import annotations


class ReaderError(Exception):
    """A problem with the user's input or environment, told in plain words."""


class ConfigError(ReaderError):
    pass


def yaml_error_line(exc: Exception) -> int | None:
    """The 1-based line of a PyYAML error's problem, None when PyYAML does not say."""
    mark = getattr(exc, "problem_mark", None)
    return mark.line + 1 if mark is not None else None


def yaml_syntax_message(where: str, exc: Exception) -> str:
    """``WHERE, line N: not valid YAML (PROBLEM)`` for a file PyYAML cannot parse."""
    line = yaml_error_line(exc)
    at = f", line {line}" if line is not None else ""
    return f"{where}{at}: not valid YAML ({getattr(exc, 'problem', None) or exc})"
