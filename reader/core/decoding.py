"""Bytes of an article file to text, as Python's text mode would read them.

Below the loader and the derived-data cache, which both decode files.
"""

from __future__ import annotations

from .errors import ReaderError


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str | None]:
    """Decode like Python text mode does, with a cp1252 fallback.

    Returns ``(text, warning)``. Raises ReaderError for binary data.
    """
    if b"\x00" in data[:65536] or b"\x00" in data[-65536:]:
        raise ReaderError("binary file (contains NUL bytes)")
    warning = None
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warning = "not valid UTF-8; decoded as cp1252"
    # Universal newlines, as open(..., "r") would give.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warning
