"""Fetching URLs politely: timeouts, a size cap, few redirects, robots.txt, a clear user agent,
a per-host delay, and no private, loopback or link-local addresses unless explicitly allowed."""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from dateline import __version__
from dateline.sources.decode import MAX_BYTES, gunzip
from dateline.sources.errors import InputError

USER_AGENT = f"dateline/{__version__} (+https://github.com/dateline-events/dateline; news event coder)"
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/rss+xml",
                  "application/atom+xml", "application/xml", "text/xml", "application/json",
                  "application/x-ndjson", "application/gzip", "application/warc")


@dataclass
class FetchOptions:
    timeout: float = 20.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    delay: float = 1.0
    allow_private: bool = False
    honour_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    url: str
    content: bytes
    content_type: str


@dataclass
class Fetcher:
    options: FetchOptions = field(default_factory=FetchOptions)
    _client: httpx.Client | None = None
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.options.timeout, follow_redirects=False,
                                        headers={"User-Agent": self.options.user_agent,
                                                 "Accept-Encoding": "gzip, identity"})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def fetch(self, url: str) -> Fetched:
        """The body of `url`, following at most `max_redirects` redirects, each one checked."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            self._check_address(url, current)
            if self.options.honour_robots and not self._robots_allow(current):
                raise InputError(url, f"disallowed by robots.txt ({_origin(current)}/robots.txt)")
            response = self._get(url, current)
            if response.is_redirect:
                location = response.headers.get("location")
                response.close()
                if not location:
                    raise InputError(url, f"HTTP {response.status_code} redirect without a Location")
                current = urljoin(current, location)
                continue
            return self._body(url, current, response)
        raise InputError(url, f"more than {self.options.max_redirects} redirects")

    def _get(self, url: str, current: str) -> httpx.Response:
        self._wait_turn(current)
        try:
            request = self.client().build_request("GET", current)
            return self.client().send(request, stream=True)
        except httpx.TimeoutException:
            raise InputError(url, f"timed out after {self.options.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None

    def _body(self, url: str, current: str, response: httpx.Response) -> Fetched:
        try:
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(ACCEPTED_TYPES):
                raise InputError(url, f"unsupported content type {content_type!r}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > self.options.max_bytes:
                raise InputError(url, f"too large ({declared} bytes, limit {self.options.max_bytes})")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > self.options.max_bytes:
                    raise InputError(url, f"too large (over {self.options.max_bytes} bytes)")
                chunks.append(chunk)
            return Fetched(current, _decoded(response, b"".join(chunks)), response.headers.get("content-type", ""))
        except httpx.TimeoutException:
            raise InputError(url, f"timed out after {self.options.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None
        finally:
            response.close()

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        wait = self._last_request.get(host, 0.0) + self.options.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _check_address(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise InputError(url, f"not an http(s) URL: {current}")
        if self.options.allow_private:
            return
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
        except socket.gaierror as exc:
            raise InputError(url, f"cannot resolve host {parts.hostname} ({exc.strerror})") from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise InputError(url, f"refused: {parts.hostname} resolves to non-public address {address} "
                                      "(pass --allow-private to fetch it)")

    def _robots_allow(self, url: str) -> bool:
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.options.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """robots.txt of a host; none (all allowed) if it is missing, as the robots standard says."""
        try:
            self._wait_turn(origin)
            response = self.client().get(f"{origin}/robots.txt")
        except httpx.HTTPError:
            return None
        if response.status_code in (401, 403):
            parser = urllib.robotparser.RobotFileParser()
            parser.disallow_all = True
            return parser
        if response.status_code >= 400:
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.text.splitlines())
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _decoded(response: httpx.Response, raw: bytes) -> bytes:
    """Undo Content-Encoding (iter_raw keeps it so that the size cap counts transferred bytes)."""
    encoding = response.headers.get("content-encoding", "identity").lower()
    if encoding in {"gzip", "x-gzip"}:
        return gunzip(str(response.url), raw)
    if encoding != "identity":
        raise InputError(str(response.url), f"unsupported content encoding {encoding!r}")
    return raw
