"""The HTTP client of `reader add`, against the local fixture server."""

from __future__ import annotations

import socket
import threading

import pytest

from reader import __version__
from reader.core.ingest.fetch import Fetcher, FetchError, FetchOptions, parse_content_type
from tests.web_server import Route, web  # noqa: F401 - the fixture


def fetch(url: str, **kw):
    return Fetcher(FetchOptions(**kw)).fetch(url)


def error_of(url: str, **kw) -> str:
    with pytest.raises(FetchError) as err:
        fetch(url, **kw)
    return str(err.value)


def test_a_page_with_its_type_charset_and_a_user_agent_naming_reader(web):
    resp = fetch(web.url("/article.html"))
    assert resp.status == 200 and resp.content_type == "text/html" and resp.charset == "utf-8"
    assert b"Kessvik" in resp.data
    headers = web.hits[-1][1]
    assert f"reader/{__version__}" in headers["User-Agent"]
    assert "gzip" in headers["Accept-Encoding"]


def test_gzip_bodies_are_unpacked(web):
    resp = fetch(web.url("/gzipped.html"))
    assert resp.data.startswith(b"<!DOCTYPE html>") and b"Glassworks" in resp.data


def test_redirects_are_followed_and_the_final_address_kept(web):
    resp = fetch(web.url("/moved-twice"))
    assert resp.final_url == web.url("/article.html") and resp.url == web.url("/moved-twice")


def test_a_redirect_loop_is_named(web):
    msg = error_of(web.url("/loop-a"))
    assert msg.startswith("redirect loop") and "/loop-a → /loop-b → /loop-a" in msg


def test_redirects_are_bounded(web):
    for i in range(6):
        web.routes[f"/hop{i}"] = Route(status=302, headers={"Location": f"/hop{i + 1}"})
    assert "too many redirects (more than 3)" in error_of(web.url("/hop0"), max_redirects=3)


@pytest.mark.parametrize("path,message", [("/missing.html", "HTTP 404 Not Found"),
                                          ("/broken.html", "HTTP 500 Internal Server Error")])
def test_http_errors_say_the_status(web, path, message):
    assert error_of(web.url(path)) == message


def test_after_an_error_the_connection_is_still_good(web):
    # an unread error body left on a kept-alive connection would be read as the next answer
    error_of(web.url("/broken.html"))
    assert fetch(web.url("/article.html")).status == 200


def test_a_slow_server_times_out(web):
    assert error_of(web.url("/slow.html"), timeout=0.3) == "timed out after 0.3 s waiting for 127.0.0.1"


def test_a_refused_connection(web):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nobody listens there now
    assert error_of(f"http://127.0.0.1:{port}/x") == "connection refused by 127.0.0.1"


def test_an_unknown_host(monkeypatch):
    # the name lookup is answered here: a test never asks a real resolver
    def no_such_host(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    assert error_of("http://news.invalid/story") == "no such host: news.invalid (DNS lookup failed)"


def test_a_huge_page_is_refused_by_its_declared_length(web):
    web.huge("/huge.html", 300_000)
    msg = error_of(web.url("/huge.html"), max_bytes=100_000)
    assert "over the 0.1 MB limit" in msg and "ingest.max_page_mb" in msg


def test_a_huge_page_without_a_length_is_cut_off_while_reading(web):
    web.huge("/huge-chunked.html", 300_000, declare_length=False)
    assert "over the 0.1 MB limit" in error_of(web.url("/huge-chunked.html"), max_bytes=100_000)


def test_only_http_and_https(web):
    assert error_of("ftp://example.org/x").startswith("not a web address")


@pytest.mark.parametrize("per_host", [1, 2])
def test_requests_to_one_host_are_limited(web, per_host):
    web.routes["/wait"] = Route(body=b"<p>x</p>", headers={"Content-Type": "text/html"}, delay=0.15)
    fetcher = Fetcher(FetchOptions(per_host=per_host))
    threads = [threading.Thread(target=fetcher.fetch, args=(web.url("/wait"),)) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert 1 <= web.most_in_flight <= per_host


def test_content_type_parsing():
    assert parse_content_type("text/html; charset=ISO-8859-1") == ("text/html", "iso-8859-1")
    assert parse_content_type('Text/HTML;charset="utf-8"') == ("text/html", "utf-8")
    assert parse_content_type(None) == (None, None)
