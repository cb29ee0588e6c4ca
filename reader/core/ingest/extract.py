"""A web page's main text and metadata, by trafilatura.

trafilatura finds the article in the page (navigation, comments, ads, "read
more" lists and cookie notices are dropped) and reads its metadata (title,
date, site name, canonical URL, author). This module decides what the bytes
are, decodes them by the declared or detected charset, renders trafilatura's
body tree as the paragraphs reader shows, and tells a page without an article
apart from one with.
"""

from __future__ import annotations

import codecs
import ipaddress
import re
import unicodedata
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import ReaderError

# Decompressed size a gzipped page may reach: a news page is well under it,
# a decompression bomb is not.
MAX_HTML_BYTES = 50 * 1024 * 1024
# Fewer words of prose than this is a stub (paywall, teaser, error page), not an article.
MIN_ARTICLE_WORDS = 40
_PROSE_BLOCK_WORDS = 6  # a block shorter than this is a label, a button or a link, not prose


class ExtractError(ReaderError):
    """A page that yields no article; the message is meant for people."""


@dataclass(frozen=True)
class Page:
    text: str  # main text: paragraphs separated by blank lines, headings kept as '# ...'
    title: str | None
    date: str | None  # ISO YYYY-MM-DD
    source: str | None  # the outlet: the page's site name, else derived from the host
    url: str | None  # canonical URL when the page names one, else the url given
    author: str | None


# File signatures of what a link or a saved file most often is when it is not a page.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"),
    (b"OggS", "audio/ogg"),
    (b"ID3", "audio/mpeg"),
    (b"\x1aE\xdf\xa3", "video/webm"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
)
_GZIP = b"\x1f\x8b"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding): pages labelled
# latin-1 routinely contain cp1252 quotes and dashes in 0x80-0x9F.
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii"}
_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|p|div|article|main|h[1-6]|br|span|a)\b", re.IGNORECASE)
_FEED = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_NOT_OUTLET_SUFFIXES = (".localhost", ".local", ".localdomain", ".internal", ".lan", ".home.arpa", ".test", ".invalid")
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go", "gv"}


def _sniff_bytes(data: bytes) -> str | None:
    """What non-HTML bytes are (a MIME type or a plain name), None for text."""
    head = data[:64]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if not any(data.startswith(bom) for bom, _ in _BOMS[1:]) and b"\x00" in data[:65536]:
        return "binary data"
    return None


def _sniff_text(html: str) -> str | None:
    head = html[:65536].lstrip("\ufeff \t\r\n")
    if _FEED.search(head[:2000]) and not re.search(r"<html\b", head[:2000], re.IGNORECASE):
        return "an RSS or Atom feed"
    if head[:1] in ("{", "[") and not _MARKUP.search(head[:2000]):
        return "JSON"
    if not _MARKUP.search(head):
        return "plain text"
    return None


def gunzip(data: bytes, limit: int = MAX_HTML_BYTES) -> bytes:
    """The content of gzipped bytes, refusing more than ``limit`` bytes of it."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error:
        raise ExtractError("not valid gzip data") from None
    if len(out) > limit:
        raise ExtractError(f"page is over {limit / 1e6:.0f} MB uncompressed")
    return out


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def _detected(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a trafilatura dependency
        return None
    sample = data if len(data) < 20000 else data[:10000] + data[-10000:]
    best = from_bytes(sample).best()
    return _codec(best.encoding) if best is not None else None


def decode_html(data: bytes, declared_charset: str | None = None) -> str:
    """Decode a page: a byte-order mark, else the charset declared by HTTP or a
    ``<meta>``, else UTF-8, else the charset charset_normalizer detects. A
    declared charset the bytes contradict is passed over, not obeyed."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    m = _META_CHARSET.search(data[:8192])
    candidates = [_codec(declared_charset), _codec(m.group(1).decode("ascii")) if m else None, "utf-8"]
    tried: list[str] = []
    for name in candidates:
        if name and name not in tried:
            tried.append(name)
            try:
                return data.decode(name)
            except (UnicodeDecodeError, LookupError):
                continue
    fallback = _detected(data) or next((n for n in tried if n != "utf-8"), "cp1252")
    return data.decode(fallback, errors="replace")


def source_from_host(host: str) -> str | None:
    """An outlet's name from a host (``www.dw.com`` -> ``DW``,
    ``www.theguardian.co.uk`` -> ``Theguardian``); None for an IP address,
    ``localhost`` and other names that are no public site."""
    if "//" in host:
        host = urlsplit(host).hostname or ""
    host = host.strip().lower().rstrip(".")
    if host.startswith("["):
        return None
    host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    if not host or host == "localhost" or host.endswith(_NOT_OUTLET_SUFFIXES):
        return None
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return None
    # The registrable name: the label before the public suffix (one label, or
    # two for the country forms such as co.uk and com.au).
    cut = -3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else -2
    name = labels[cut]
    words = [w for w in re.split(r"[-_]+", name) if w]
    if not words:
        return None
    if len(words) == 1 and len(name) <= 3:  # BBC, DW, RT, CNN: initials
        return name.upper()
    return " ".join(w.capitalize() for w in words)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _looks_like_host(name: str) -> bool:
    return " " not in name and "." in name


def _block_text(el) -> str:
    # itertext() would glue the two sides of a <lb/> together.
    parts = [el.text or ""]
    for child in el:
        parts.append("\n" if child.tag == "lb" else _block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lines(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def _render(body) -> tuple[list[str], int]:
    """Blocks of text (headings as ``# ...``, list items as ``- ...``) and the
    number of words in prose blocks."""
    blocks: list[str] = []
    prose = 0
    for el in body:
        if el.tag == "head":
            level = (el.get("rend") or "h2")[1:]
            text = " ".join(_block_text(el).split())
            if text:
                blocks.append("#" * (int(level) if level.isdigit() else 2) + " " + text)
        elif el.tag == "list":
            items = [_lines(_block_text(item)) for item in el if item.tag == "item"]
            items = ["- " + i for i in items if i]
            if items:
                blocks.append("\n".join(items))
        elif el.tag == "table":
            rows = [" | ".join(" ".join(_block_text(c).split()) for c in row) for row in el if row.tag == "row"]
            rows = [r for r in rows if r.strip(" |")]
            if rows:
                blocks.append("\n".join(rows))
        elif el.tag == "quote" and len(el) and all(c.tag == "p" for c in el):
            for p in el:
                text = _lines(_block_text(p))
                if text:
                    blocks.append(text)
                    prose += _prose_words(text)
        else:
            text = _lines(_block_text(el))
            if text:
                blocks.append(text)
                prose += _prose_words(text)
    return blocks, prose


def _prose_words(text: str) -> int:
    n = len(text.split())
    return n if n >= _PROSE_BLOCK_WORDS else 0


def extract_page(data: bytes | str, *, url: str | None = None, declared_charset: str | None = None) -> Page:
    """The article in a page. Raises ExtractError for bytes that are no HTML
    page and for a page without article text."""
    if isinstance(data, bytes):
        if data.startswith(_GZIP):
            data = gunzip(data)
        kind = _sniff_bytes(data)
        if kind:
            raise ExtractError(f"not an HTML page ({kind})")
        html = decode_html(data, declared_charset)
    else:
        html = data
    if not html.strip():
        raise ExtractError("empty page")
    kind = _sniff_text(html)
    if kind:
        raise ExtractError(f"not an HTML page ({kind})")
    # Precision first: it drops link lists, teasers and stubs. Some article
    # templates lose their whole text to it, so a page it leaves without
    # article text gets one balanced pass before it is called empty.
    doc, blocks, prose = _extract(html, url, favor_precision=True)
    if prose < MIN_ARTICLE_WORDS:
        doc, blocks, prose = _extract(html, url, favor_precision=False)
    if doc is None or prose < MIN_ARTICLE_WORDS:
        raise ExtractError("no article text found")
    text = unicodedata.normalize("NFC", "\n\n".join(blocks)) + "\n"
    page_url = _article_url(_clean(doc.url), url)
    date = _clean(doc.date)
    return Page(
        text=text,
        title=_clean(doc.title),
        date=date if date and _ISO_DAY.match(date) else None,
        source=_source(_clean(doc.sitename), page_url, url),
        url=page_url,
        author=_clean(doc.author),
    )


def _extract(html: str, url: str | None, *, favor_precision: bool):
    """trafilatura's document, the article's blocks and its count of prose words."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=favor_precision,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,  # no Markdown escapes or emphasis marks inside the text
        )
    except Exception as exc:  # noqa: BLE001 - a parser failure on hostile markup is a bad page, not a crash
        raise ExtractError(f"the page could not be parsed ({type(exc).__name__})") from None
    if doc is None or doc.body is None:
        return None, [], 0
    blocks, prose = _render(doc.body)
    return doc, blocks, prose


def _article_url(canonical: str | None, given: str | None) -> str | None:
    """The page's canonical URL, unless it names the site's front page while
    the page was reached at an article's address: templates that put the
    home page in every ``<link rel=canonical>`` would otherwise make every
    article of the outlet the same one to dedupe."""
    if not canonical:
        return given
    if _is_front_page(canonical) and not (given and _is_front_page(given)):
        return given  # None for a saved page: better no URL than the outlet's
    return canonical


def _is_front_page(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    path = parts.path.strip("/")
    return not parts.query and (not path or re.fullmatch(r"(?:index|default|home)(?:\.\w+)?", path, re.I) is not None)


def _source(sitename: str | None, page_url: str | None, url: str | None) -> str | None:
    # trafilatura falls back to the host (with its port) when a page names no
    # site; such a name, or one that is a domain, is turned into an outlet's name.
    if sitename and not _looks_like_host(sitename):
        return sitename
    for candidate in (sitename, page_url, url):
        if candidate:
            name = source_from_host(candidate if "//" in candidate else candidate.split("/", 1)[0])
            if name:
                return name
    return None
