"""URL inputs against a local HTTP server (loopback, hence --allow-private in most tests)."""

import ipaddress
import socket
import time

import pytest
from werkzeug import Response

from dateline.sources import SourceDocument
from dateline.sources.errors import InputError
from dateline.sources.fetch import Fetcher, FetchOptions, is_public
from dateline.sources.inputs import iter_inputs


def _fetcher(**options) -> Fetcher:
    return Fetcher(FetchOptions(allow_private=True, delay=0.0, **options))


def _one(url: str, fetcher: Fetcher):
    (item,) = list(iter_inputs([url], fetcher=fetcher))
    return item


def test_html_page_is_fetched_with_a_clear_user_agent(httpserver, pages):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    httpserver.expect_request("/story").respond_with_data((pages / "en-news-site.html").read_bytes(),
                                                          content_type="text/html; charset=utf-8")
    doc = _one(httpserver.url_for("/story"), _fetcher())
    assert isinstance(doc, SourceDocument) and "Cavusoglu" in doc.html
    story_request = next(r for r, _ in httpserver.log if r.path == "/story")
    assert story_request.headers["User-Agent"].startswith("dateline/")


def test_loopback_is_refused_without_the_flag(httpserver):
    httpserver.expect_request("/story").respond_with_data("<p>x</p>", content_type="text/html")
    error = _one(httpserver.url_for("/story"), Fetcher(FetchOptions(delay=0.0)))
    assert isinstance(error, InputError) and "non-public address" in error.cause and "--allow-private" in error.cause
    assert not httpserver.log  # nothing was requested


def test_robots_txt_is_honoured(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    httpserver.expect_request("/private/story").respond_with_data("<p>secret</p>", content_type="text/html")
    error = _one(httpserver.url_for("/private/story"), _fetcher())
    assert isinstance(error, InputError) and "robots.txt" in error.cause
    assert all(r.path != "/private/story" for r, _ in httpserver.log)


@pytest.mark.parametrize(("status", "word"), [(404, "HTTP 404"), (500, "HTTP 500")])
def test_http_errors(httpserver, status, word):
    httpserver.expect_request("/story").respond_with_data("nope", status=status)
    error = _one(httpserver.url_for("/story"), _fetcher())
    assert isinstance(error, InputError) and word in error.cause


def test_non_html_content_type(httpserver):
    httpserver.expect_request("/logo.png").respond_with_data(b"\x89PNG", content_type="image/png")
    error = _one(httpserver.url_for("/logo.png"), _fetcher())
    assert isinstance(error, InputError) and "unsupported content type 'image/png'" in error.cause


def test_timeout(httpserver):
    def slow(_request):
        time.sleep(1.0)
        return Response("<p>late</p>", content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    error = _one(httpserver.url_for("/slow"), _fetcher(timeout=0.3, honour_robots=False))
    assert isinstance(error, InputError) and "timed out" in error.cause


def test_redirects_are_limited(httpserver):
    for n in range(4):
        httpserver.expect_request(f"/r{n}").respond_with_data("", status=302, headers={"Location": f"/r{n + 1}"})
    error = _one(httpserver.url_for("/r0"), _fetcher(max_redirects=2, honour_robots=False))
    assert isinstance(error, InputError) and "more than 2 redirects" in error.cause


def test_size_cap(httpserver):
    httpserver.expect_request("/big").respond_with_data("<p>" + "a" * 5000 + "</p>", content_type="text/html")
    error = _one(httpserver.url_for("/big"), _fetcher(max_bytes=1000, honour_robots=False))
    assert isinstance(error, InputError) and "too large" in error.cause


def test_feed_url_with_follow_fetches_each_entry(httpserver):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>One</title><link>{httpserver.url_for('/a')}</link><pubDate>Tue, 02 May 2023 08:00:00 GMT</pubDate></item>
      <item><title>Two</title><link>{httpserver.url_for('/missing')}</link></item>
    </channel></rss>"""
    httpserver.expect_request("/feed").respond_with_data(feed, content_type="application/rss+xml")
    httpserver.expect_request("/a").respond_with_data("<html><body><article><p>TBILISI, May 2 (Reuters) - The two "
                                                      "prime ministers met in Tbilisi on Tuesday.</p></article></body>"
                                                      "</html>", content_type="text/html")
    httpserver.expect_request("/missing").respond_with_data("gone", status=404)
    found = list(iter_inputs([httpserver.url_for("/feed")], fetcher=_fetcher(honour_robots=False), follow=True))
    docs = [f for f in found if isinstance(f, SourceDocument)]
    errors = [f for f in found if isinstance(f, InputError)]
    assert len(docs) == 1 and docs[0].title == "One" and docs[0].published == "2023-05-02"
    assert len(errors) == 1 and errors[0].item.endswith("/missing") and "404" in errors[0].cause


def test_robots_txt_is_read_only_up_to_its_cap(httpserver):
    sent = []

    def huge_robots():
        yield b"User-agent: *\nDisallow: /private/\n"
        for _ in range(50 * 1024):  # 50 MB of comments after the rules
            sent.append(1)
            yield b"#" * 1023 + b"\n"

    httpserver.expect_request("/robots.txt").respond_with_handler(
        lambda _request: Response(huge_robots(), content_type="text/plain"))
    httpserver.expect_request("/private/story").respond_with_data("<p>secret</p>", content_type="text/html")
    error = _one(httpserver.url_for("/private/story"), _fetcher())
    assert isinstance(error, InputError) and "robots.txt" in error.cause
    assert len(sent) < 10 * 1024  # the server stopped well before 10 of its 50 MB: the client hung up


def test_a_trickled_page_is_cut_at_the_total_deadline(httpserver):
    def trickle(_request):
        def body():
            yield b"<p>"
            for _ in range(40):
                time.sleep(0.1)
                yield b"a"
            yield b"</p>"
        return Response(body(), content_type="text/html")

    httpserver.expect_request("/trickle").respond_with_handler(trickle)
    error = _one(httpserver.url_for("/trickle"), _fetcher(timeout=0.5, honour_robots=False))
    assert isinstance(error, InputError) and "timed out" in error.cause  # each read came within 0.5 s


@pytest.fixture
def resolver(monkeypatch):
    """Host names of the tests' own: `answers[name]` lists the successive DNS answers."""
    real = socket.getaddrinfo
    answers: dict[str, list[str]] = {}
    asked: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        asked.append(host)
        address = answers[host].pop(0) if len(answers[host]) > 1 else answers[host][0]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers, asked


def test_the_connection_goes_to_the_checked_address_not_a_second_answer(httpserver, resolver):
    answers, asked = resolver
    answers["rebind.example"] = ["8.8.8.8", "127.0.0.1"]  # public when checked, loopback when asked again
    httpserver.expect_request("/story").respond_with_data("<p>internal</p>", content_type="text/html")
    url = f"http://rebind.example:{httpserver.port}/story"
    error = _one(url, Fetcher(FetchOptions(delay=0.0, timeout=1.0, honour_robots=False)))
    assert isinstance(error, InputError)
    assert not httpserver.log and asked == ["rebind.example"]


def test_a_name_resolved_once_keeps_its_host_header(httpserver, resolver):
    answers, asked = resolver
    answers["pinned.example"] = ["127.0.0.1"]
    httpserver.expect_request("/story").respond_with_data("<p>a story</p>", content_type="text/html")
    doc = _one(f"http://pinned.example:{httpserver.port}/story", _fetcher(honour_robots=False))
    assert isinstance(doc, SourceDocument) and doc.url == f"http://pinned.example:{httpserver.port}/story"
    assert httpserver.log[0][0].headers["Host"] == f"pinned.example:{httpserver.port}"
    assert asked == ["pinned.example"]


@pytest.mark.parametrize("address", ["64:ff9b::7f00:1", "64:ff9b::808:808", "::ffff:127.0.0.1", "::ffff:8.8.8.8",
                                     "::7f00:1", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "::1",
                                     "127.0.0.2", "10.1.2.3", "169.254.169.254", "100.64.0.1", "0.0.0.0"])
def test_embedded_and_private_forms_are_refused(address):
    assert not is_public(ipaddress.ip_address(address))
    host = f"[{address}]" if ":" in address else address
    error = _one(f"http://{host}/story", Fetcher(FetchOptions(delay=0.0, timeout=1.0)))
    assert isinstance(error, InputError) and "non-public address" in error.cause


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700::1111", "2002:808:808::1"])
def test_public_addresses_are_public(address):
    assert is_public(ipaddress.ip_address(address))
