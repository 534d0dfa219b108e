"""Fetching URLs politely: timeouts and a total deadline per request, size caps (robots.txt
included), few redirects, robots.txt, a clear user agent, a per-host delay, and no private,
loopback, link-local, NAT64 or IPv4-mapped addresses unless explicitly allowed. A host name is
resolved once: the connection goes to the address that was checked (with the name kept for the
Host header and TLS), so a second DNS answer cannot point it elsewhere (DNS rebinding)."""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from dateline import __version__
from dateline.sources.decode import MAX_BYTES, gunzip
from dateline.sources.errors import InputError

USER_AGENT = f"dateline/{__version__} (+https://github.com/dateline-events/dateline; news event coder)"
ROBOTS_MAX_BYTES = 512 * 1024  # what the robots standard (RFC 9309) asks crawlers to read at least
# IPv6 forms that carry an IPv4 address: what they reach is decided by a translator or the
# embedded address, not by the IPv6 address that ipaddress judges global.
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
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
            if self.options.honour_robots and not self._robots_allow(url, current):
                raise InputError(url, f"disallowed by robots.txt ({_origin(current)}/robots.txt)")
            response, deadline = self._get(url, current)
            if response.is_redirect:
                location = response.headers.get("location")
                response.close()
                if not location:
                    raise InputError(url, f"HTTP {response.status_code} redirect without a Location")
                current = urljoin(current, location)
                continue
            return self._body(url, current, response, deadline)
        raise InputError(url, f"more than {self.options.max_redirects} redirects")

    def _get(self, url: str, current: str) -> tuple[httpx.Response, float]:
        """The response to GET `current` (streamed), sent to the address that was checked, and the
        time by which its body must be read."""
        address = self._check_address(url, current)
        self._wait_turn(current)
        deadline = time.monotonic() + self.options.timeout
        target = httpx.URL(current)
        try:
            request = self.client().build_request(
                "GET", target.copy_with(host=address), headers={"Host": _host_header(target)},
                extensions={"sni_hostname": target.raw_host.decode("ascii")})
            return self.client().send(request, stream=True), deadline
        except httpx.TimeoutException:
            raise InputError(url, f"timed out after {self.options.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None

    def _body(self, url: str, current: str, response: httpx.Response, deadline: float) -> Fetched:
        try:
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(ACCEPTED_TYPES):
                raise InputError(url, f"unsupported content type {content_type!r}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > self.options.max_bytes:
                raise InputError(url, f"too large ({declared} bytes, limit {self.options.max_bytes})")
            raw = self._read(url, response.iter_raw(), self.options.max_bytes, deadline)
            if raw is None:
                raise InputError(url, f"too large (over {self.options.max_bytes} bytes)")
            return Fetched(current, _decoded(response, raw), response.headers.get("content-type", ""))
        except httpx.TimeoutException:
            raise InputError(url, f"timed out after {self.options.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None
        finally:
            response.close()

    def _read(self, url: str, chunks: Iterator[bytes], limit: int, deadline: float) -> bytes | None:
        """At most `limit` bytes of a body (None past it), read by the deadline: a server sending a
        byte now and then never waits out one read timeout, so the total time is checked too."""
        parts: list[bytes] = []
        size = 0
        for chunk in chunks:
            if time.monotonic() > deadline:
                raise InputError(url, f"timed out: not received within {self.options.timeout:g} s")
            size += len(chunk)
            if size > limit:
                return None
            parts.append(chunk)
        return b"".join(parts)

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        wait = self._last_request.get(host, 0.0) + self.options.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _check_address(self, url: str, current: str) -> str:
        """The address to connect to for `current`: its host resolved once, every address checked."""
        parts = urlsplit(current)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise InputError(url, f"not an http(s) URL: {current}")
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
        except socket.gaierror as exc:
            raise InputError(url, f"cannot resolve host {parts.hostname} ({exc.strerror})") from None
        except ValueError as exc:  # a port out of range
            raise InputError(url, f"bad URL ({exc})") from None
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
        if not addresses:
            raise InputError(url, f"cannot resolve host {parts.hostname}")
        for address in addresses if not self.options.allow_private else ():
            if not is_public(address):
                raise InputError(url, f"refused: {parts.hostname} resolves to non-public address {address} "
                                      "(pass --allow-private to fetch it)")
        return str(addresses[0])

    def _robots_allow(self, url: str, current: str) -> bool:
        origin = _origin(current)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(url, origin)
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.options.user_agent, current)

    def _load_robots(self, url: str, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """robots.txt of a host (its first ROBOTS_MAX_BYTES); none (all allowed) if it is missing, as
        the robots standard says. A refused address is the page's error, not a missing file."""
        try:
            response, deadline = self._get(url, f"{origin}/robots.txt")
        except InputError as exc:
            if exc.cause.startswith(("refused", "not an http", "cannot resolve", "bad URL")):
                raise
            return None
        try:
            if response.status_code in (401, 403):
                parser = urllib.robotparser.RobotFileParser()
                parser.disallow_all = True
                return parser
            if response.status_code >= 300:
                return None
            body = self._read(url, _capped(response.iter_bytes(), ROBOTS_MAX_BYTES), ROBOTS_MAX_BYTES, deadline)
        except (httpx.HTTPError, InputError):
            return None
        finally:
            response.close()
        parser = urllib.robotparser.RobotFileParser()
        parser.parse((body or b"").decode("utf-8", "replace").splitlines())
        return parser


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet, IPv6 forms that embed an IPv4 address
    (mapped, compatible, NAT64, 6to4, Teredo) judged by what they reach or refused."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None or address in _IPV4_COMPATIBLE or address.teredo is not None:
            return False
        if any(address in network for network in _NAT64):
            return False
        if address.sixtofour is not None:
            return is_public(address.sixtofour)
    return address.is_global


def _capped(chunks: Iterator[bytes], limit: int) -> Iterator[bytes]:
    """The chunks up to `limit` bytes, the last one cut: robots.txt past the cap is not read."""
    size = 0
    for chunk in chunks:
        if size + len(chunk) >= limit:
            yield chunk[: limit - size]
            return
        size += len(chunk)
        yield chunk


def _host_header(url: httpx.URL) -> str:
    name = url.raw_host.decode("ascii")  # IDNA-encoded
    host = f"[{name}]" if ":" in name else name
    return f"{host}:{url.port}" if url.port else host


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
