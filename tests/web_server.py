"""A local web server for the tests that fetch: the standard library's HTTP
server in a thread, on 127.0.0.1 and a port the system picks. It serves the
pages of tests/fixtures/web/add/ (``{base}`` in them becomes the server's own
address) and a few routes that misbehave on purpose. Nothing leaves the machine."""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

import pytest

PAGES = Path(__file__).resolve().parent / "fixtures" / "web" / "add"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"

_TYPES = {".html": "text/html; charset=utf-8", ".rss": "application/rss+xml", ".atom": "application/atom+xml"}


@dataclass
class Route:
    status: int = 200
    body: bytes | Callable[[], bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a client that hangs up (after a timeout, or closing a kept-alive
        # connection) is what several tests do on purpose
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, dict[str, str]]] = []  # path and request headers, in order
        self.in_flight = 0
        self.most_in_flight = 0  # the most requests answered at once
        self._count = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._standard_routes()

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, name: str) -> bytes:
        """A fixture page as served: ``{base}`` filled in."""
        raw = (PAGES / name).read_bytes()
        return raw.replace(b"{base}", self.base.encode())

    def _standard_routes(self) -> None:
        for p in sorted(PAGES.iterdir()):
            ctype = _TYPES.get(p.suffix, "application/octet-stream")
            if p.name.startswith("latin1"):
                ctype = "text/html"  # the charset is only in the page's own meta tag
            self.routes[f"/{p.name}"] = Route(body=lambda n=p.name: self.page(n), headers={"Content-Type": ctype})
        self.routes["/latin1-declared.html"] = Route(
            body=lambda: self.page("latin1.html"), headers={"Content-Type": "text/html; charset=ISO-8859-1"})
        self.routes["/gzipped.html"] = Route(
            body=lambda: gzip.compress(self.page("ad_split.html")),
            headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})
        self.routes["/image.png"] = Route(body=PNG, headers={"Content-Type": "image/png"})
        self.routes["/report.pdf"] = Route(body=PDF, headers={"Content-Type": "application/pdf"})
        self.routes["/missing.html"] = Route(status=404, body=b"<h1>Not found</h1>", headers={"Content-Type": "text/html"})
        self.routes["/broken.html"] = Route(status=500, body=b"oops", headers={"Content-Type": "text/plain"})
        self.routes["/slow.html"] = Route(body=lambda: self.page("article.html"), headers={"Content-Type": "text/html"},
                                          delay=3.0)
        self.routes["/moved"] = Route(status=301, headers={"Location": "/article.html"})
        self.routes["/moved-twice"] = Route(status=302, headers={"Location": self.url("/moved")})
        self.routes["/loop-a"] = Route(status=302, headers={"Location": "/loop-b"})
        self.routes["/loop-b"] = Route(status=302, headers={"Location": "/loop-a"})
        self.routes["/bad-feed"] = Route(body=lambda: self.page("malformed.rss"),
                                         headers={"Content-Type": "application/rss+xml"})

    def huge(self, path: str, size: int, declare_length: bool = True) -> None:
        body = b"<html><body>" + b"<p>filler text</p>" * (size // 18 + 1) + b"</body></html>"
        headers = {"Content-Type": "text/html"}
        if not declare_length:
            headers["Transfer-Encoding"] = "chunked"
        self.routes[path] = Route(body=body, headers=headers)

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - the stdlib's name
                path = self.path.split("?", 1)[0]
                server.hits.append((self.path, dict(self.headers.items())))
                route = server.routes.get(path)
                if route is None:
                    route = Route(status=404, body=b"no such page", headers={"Content-Type": "text/plain"})
                with server._count:
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                try:
                    if route.delay:
                        time.sleep(route.delay)
                    self._answer(route)
                finally:
                    with server._count:
                        server.in_flight -= 1

            def _answer(self, route: Route) -> None:
                body = route.body() if callable(route.body) else route.body
                try:
                    self.send_response(route.status)
                    chunked = route.headers.get("Transfer-Encoding") == "chunked"
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    if not chunked:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if chunked:
                        for i in range(0, len(body), 65536):
                            part = body[i:i + 65536]
                            self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a size limit or a timeout): that is the test

            def log_message(self, *args):  # keep test output clean
                pass

        return Handler

    def start(self) -> "WebServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def web():
    server = WebServer().start()
    try:
        yield server
    finally:
        server.stop()
