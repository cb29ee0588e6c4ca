"""HTTP fetching for `reader add`: one page or feed per request, every failure
a sentence a person can act on.

urllib3 (already installed with trafilatura) does the connection pooling,
TLS and gzip; this module adds what a polite reader of news sites needs:
redirects followed by hand (bounded, loops named), a time limit per request
that also covers a server dribbling bytes, a size limit enforced while
reading (a gzip bomb is cut off too), and at most a few requests per host at
once.
"""

from __future__ import annotations

import http
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3 import exceptions as _u3

from ... import __version__
from ..errors import ReaderError

USER_AGENT = f"reader/{__version__} (news article reader; urllib3/{urllib3.__version__})"
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024


class FetchError(ReaderError):
    """A link that could not be fetched; the message says why."""


@dataclass(frozen=True)
class Response:
    url: str                 # the URL asked for
    final_url: str           # after redirects
    status: int
    content_type: str | None  # the media type, lower case, without parameters
    charset: str | None       # as the server declared it
    data: bytes               # the body, decompressed


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 20.0          # seconds per request, connecting and reading together
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 10
    per_host: int = 2              # requests at once to one host


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=ISO-8859-1`` -> ``("text/html", "iso-8859-1")``."""
    if not value:
        return None, None
    media, *params = value.split(";")
    charset = None
    for p in params:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            charset = v.strip().strip("'\"").lower()
    return media.strip().lower() or None, charset


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


class Fetcher:
    """Thread-safe: one Fetcher serves all the workers of an add."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._pool = urllib3.PoolManager(
            num_pools=32,
            maxsize=max(1, self.options.per_host),  # connections kept per host: as many as may be busy
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
            retries=False,
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        with self._lock:
            sem = self._hosts.setdefault(host, threading.BoundedSemaphore(max(1, self.options.per_host)))
        with sem:
            yield

    def fetch(self, url: str) -> Response:
        """GET ``url``, following redirects. Raises FetchError."""
        opts = self.options
        seen = [url]
        current = url
        while True:
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"not a web address: {current}")
            with self._host_slot(parts.hostname.lower()):
                status, headers, data = self._get(current)
            if status in REDIRECTS and headers.get("Location"):
                nxt = urljoin(current, headers["Location"].strip())
                if nxt in seen:
                    raise FetchError(f"redirect loop ({_chain(seen[seen.index(nxt):] + [nxt])})")
                if len(seen) > opts.max_redirects:
                    raise FetchError(f"too many redirects (more than {opts.max_redirects})")
                seen.append(nxt)
                current = nxt
                continue
            if status >= 400 or status in REDIRECTS:
                raise FetchError(_status_text(status))
            media, charset = parse_content_type(headers.get("Content-Type"))
            return Response(url, current, status, media, charset, data)

    def _get(self, url: str) -> tuple[int, dict[str, str], bytes]:
        opts = self.options
        deadline = time.monotonic() + opts.timeout
        host = host_of(url)
        try:
            resp = self._pool.request(
                "GET", url, redirect=False, preload_content=False, retries=False,
                timeout=urllib3.Timeout(connect=opts.timeout, read=opts.timeout),
            )
        except _u3.NameResolutionError:
            raise FetchError(f"no such host: {host} (DNS lookup failed)") from None
        except _u3.NewConnectionError as exc:  # a subclass of ConnectTimeoutError: first
            raise FetchError(_connection_message(host, exc, opts.timeout)) from None
        except _u3.ConnectTimeoutError:
            raise FetchError(f"timed out after {opts.timeout:g} s connecting to {host}") from None
        except _u3.ReadTimeoutError:
            raise FetchError(f"timed out after {opts.timeout:g} s waiting for {host}") from None
        except _u3.SSLError as exc:
            raise FetchError(f"secure connection to {host} failed ({_short(exc)})") from None
        except _u3.LocationValueError as exc:
            raise FetchError(f"not a valid web address ({_short(exc)})") from None
        except (_u3.HTTPError, OSError) as exc:
            raise FetchError(f"connection to {host} failed ({_short(exc)})") from None
        complete = False
        try:
            headers = {k.title(): v for k, v in resp.headers.items()}
            if resp.status in REDIRECTS or resp.status >= 400:
                return resp.status, headers, b""
            declared = headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > opts.max_bytes:
                raise FetchError(_too_big(int(declared), opts.max_bytes))
            body = self._read_body(resp, deadline, host)
            complete = True
            return resp.status, headers, body
        finally:
            if not complete:
                # an unread body would be read as the next response on this connection
                resp.close()
            resp.release_conn()

    def _read_body(self, resp, deadline: float, host: str) -> bytes:
        opts = self.options
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                # read(amt) decompresses at most about amt bytes at a time, so the
                # size limit holds for what a gzip body expands to as well.
                chunk = resp.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > opts.max_bytes:
                    raise FetchError(_too_big(None, opts.max_bytes))
                parts.append(chunk)
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {opts.timeout:g} s reading from {host}")
        except _u3.ReadTimeoutError:
            raise FetchError(f"timed out after {opts.timeout:g} s waiting for {host}") from None
        except _u3.DecodeError:
            raise FetchError("the page's compressed body is corrupt") from None
        except (_u3.ProtocolError, _u3.HTTPError, OSError) as exc:
            raise FetchError(f"connection to {host} broke off ({_short(exc)})") from None
        return b"".join(parts)


def _chain(urls: list[str]) -> str:
    """``/a → /b → /a``: the host once, when every hop stays on it."""
    hosts = {urlsplit(u).netloc for u in urls}
    if len(hosts) == 1:
        shown = [urlsplit(u)._replace(scheme="", netloc="").geturl() or "/" for u in urls]
        return f"{hosts.pop()}: " + " → ".join(shown)
    return " → ".join(urls)


def _too_big(size: int | None, limit: int) -> str:
    what = f"{size / 1e6:.1f} MB" if size else "larger"
    return f"page is {what}, over the {limit / 1e6:g} MB limit (config: ingest.max_page_mb)"


def _connection_message(host: str, exc: Exception, timeout: float) -> str:
    text = str(exc).lower()
    if "refused" in text:
        return f"connection refused by {host}"
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return f"no such host: {host} (DNS lookup failed)"
    if "timed out" in text:
        return f"timed out after {timeout:g} s connecting to {host}"
    return f"cannot connect to {host} ({_short(exc)})"


def _short(exc: Exception) -> str:
    text = str(exc)
    # urllib3 prefixes its messages with the connection object's repr
    if ">: " in text:
        text = text.split(">: ", 1)[1]
    return text[:160]
