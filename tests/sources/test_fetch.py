"""URL inputs against a local HTTP server (loopback, hence --allow-private in most tests)."""

import time

import pytest
from werkzeug import Response

from dateline.sources import SourceDocument
from dateline.sources.errors import InputError
from dateline.sources.fetch import Fetcher, FetchOptions
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
