"""Containers to documents: HTML, plain text, feeds, WARC, JSON Lines, doc-tagged corpora,
gzip and zip. Each reader takes bytes already in memory (or a binary stream for WARC) and
yields documents or `InputError`s; none of them touches the network."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from dateline.sources import SourceDocument
from dateline.sources.decode import MAX_BYTES, check_size, decode_bytes, gunzip
from dateline.sources.detect import Kind, sniff
from dateline.sources.errors import InputError

MAX_ARCHIVE_MEMBERS = 100_000
MAX_NESTING = 3
TEXT_KEYS = ("text", "body", "articleBody", "content")
HTML_KEYS = ("html", "raw_html")
DATE_KEYS = ("published", "date", "datePublished", "pubdate", "published_at")
URL_KEYS = ("url", "link", "source_url")

Item = SourceDocument | InputError


@dataclass(frozen=True)
class FeedLink:
    """A feed entry whose page is to be fetched (`--follow`)."""

    url: str
    title: str | None
    published: str | None
    item: str


def read_bytes(item: str, data: bytes, *, path: str | None = None, url: str | None = None,
               kind: Kind | None = None, follow: bool = False, depth: int = 0) -> Iterator[Item | FeedLink]:
    """Every document inside `data`, whatever container it is."""
    if depth > MAX_NESTING:
        yield InputError(item, f"archives nested more than {MAX_NESTING} deep")
        return
    kind = kind or sniff(data[:65536])
    try:
        check_size(item, len(data))
        if kind is Kind.GZIP:
            yield from _read_gzip(item, data, path=path, url=url, follow=follow, depth=depth)
        elif kind is Kind.ZIP:
            yield from _read_zip(item, data, follow=follow, depth=depth)
        elif kind is Kind.WARC:
            yield from read_warc(item, io.BytesIO(data))
        elif kind is Kind.FEED:
            yield from read_feed(item, data, follow=follow)
        elif kind is Kind.CORPUS:
            yield from read_corpus(item, data)
        elif kind in (Kind.JSONL, Kind.JSON):
            yield from read_json(item, data, lines=kind is Kind.JSONL)
        else:
            check_size(item, len(data))
            text, warnings = decode_bytes(item, data)
            yield _document(item, text, kind is Kind.HTML, path=path, url=url, warnings=warnings)
    except InputError as exc:
        yield exc


def _document(item: str, content: str, is_html: bool, *, path: str | None = None, url: str | None = None,
              title: str | None = None, published: str | None = None, warnings: list[str] | None = None
              ) -> SourceDocument:
    return SourceDocument(
        text="" if is_html else content, html=content if is_html else None, path=path, url=url,
        title=title, published=published, item=item, warnings=tuple(warnings or ()),
    )


def gzip_head(data: bytes, size: int = 65536) -> bytes:
    """The first bytes of a gzip stream, without inflating the rest."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[: 1 << 20], size)
    except zlib.error:
        return b""


def _read_gzip(item: str, data: bytes, **context: Any) -> Iterator[Item | FeedLink]:
    if sniff(gzip_head(data)) is Kind.WARC:
        yield from read_warc(item, io.BytesIO(data))
        return
    inner = gunzip(item, data)
    inner_item = item[:-3] if item.endswith(".gz") else item
    context["depth"] += 1
    yield from read_bytes(inner_item, inner, **context)


def _read_zip(item: str, data: bytes, *, follow: bool, depth: int) -> Iterator[Item | FeedLink]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(item, f"corrupt zip archive ({exc})") from None
    members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise InputError(item, f"zip archive has {len(members)} members (limit {MAX_ARCHIVE_MEMBERS})")
    for info in members:
        name = f"{item}!{info.filename}"
        try:
            check_size(name, info.file_size)
            with archive.open(info) as member:
                content = member.read(MAX_BYTES + 1)  # the declared size may lie
            check_size(name, len(content))
        except InputError as exc:
            yield exc
            continue
        except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError) as exc:
            yield InputError(name, f"cannot read zip member ({exc})")
            continue
        yield from read_bytes(name, content, follow=follow, depth=depth + 1)


def read_warc(item: str, stream: IO[bytes]) -> Iterator[Item]:
    """HTML responses (and text resources) of a WARC or WARC.gz, as Common Crawl News ships them."""
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            doc = _warc_document(item, record)
            count += 1
            if doc is not None:
                yield doc
    except _TruncatedRecord as exc:
        yield InputError(item, f"truncated or corrupt WARC after {count} records (record {exc} is cut short)")
    except Exception as exc:  # noqa: BLE001 - warcio raises many types for damaged archives
        yield InputError(item, f"truncated or corrupt WARC after {count} records ({type(exc).__name__}: {exc})")


class _TruncatedRecord(Exception):
    pass


def _warc_document(item: str, record: Any) -> Item | None:
    if record.rec_type not in {"response", "resource", "conversion"}:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    name = f"{item}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not re.search(r"html|text/plain|xml", content_type, re.IGNORECASE):
        return None
    payload = record.content_stream().read(MAX_BYTES + 1)
    if len(payload) <= MAX_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
        raise _TruncatedRecord(name)
    try:
        check_size(name, len(payload))
        text, warnings = decode_bytes(name, payload, _charset_of(content_type))
    except InputError as exc:
        return exc
    is_html = "html" in content_type.lower() or sniff(payload[:65536]) is Kind.HTML
    return _document(name, text, is_html, url=url, warnings=warnings)


def _charset_of(content_type: str) -> str | None:
    match = re.search(r"charset=([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1).lower() if match else None


def read_feed(item: str, data: bytes, *, follow: bool = False) -> Iterator[Item | FeedLink]:
    """RSS and Atom entries: their content (or, with `follow`, a link to fetch their page)."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        cause = f"invalid feed ({feed.bozo_exception})" if feed.bozo else "feed has no entries"
        raise InputError(item, cause)
    for index, entry in enumerate(feed.entries):
        link = entry.get("link")
        name = f"{item}#{link or index}"
        published = _feed_date(entry)
        title = entry.get("title")
        if follow and link:
            yield FeedLink(link, title, published, name)
            continue
        content = _entry_content(entry)
        if not content.strip():
            yield InputError(name, "feed entry has no content (use --follow to fetch its page)")
            continue
        yield _document(name, content, True, url=link, title=title, published=published)


def _entry_content(entry: Any) -> str:
    contents = entry.get("content") or []
    if contents:
        return max((c.get("value", "") for c in contents), key=len)
    return entry.get("summary", "") or ""


def _feed_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


_DOC_OPEN = re.compile(r"<doc\b", re.IGNORECASE)
_DOC_CLOSE = re.compile(r"</doc\s*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
MAX_TAG_CHARS = 10_000


def read_corpus(item: str, data: bytes) -> Iterator[Item]:
    """`<doc url=... title=... date=...>TEXT</doc>` corpora, well-formed XML or not.

    Written by hand: these research dumps are often not well-formed XML (unquoted attributes,
    no root), so an XML parser rejects them; the format is one regular tag per document.
    """
    text, warnings = decode_bytes(item, data)
    is_xml = text.lstrip().startswith(("<?xml", "<corpus"))
    found = False
    for index, element in enumerate(doc_elements(item, text)):
        found = True
        if isinstance(element, InputError):
            yield element
            continue
        tag, body = element
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag)}
        if is_xml:
            attrs = {k: html.unescape(v) for k, v in attrs.items()}
        body = body.strip("\n")
        body = html.unescape(body) if is_xml else body
        url = attrs.get("url") or attrs.get("link")
        name = f"{item}#{url or index}"
        if not body.strip():
            yield InputError(name, "empty document")
            continue
        is_html = sniff(body[:65536].encode("utf-8")) is Kind.HTML
        yield _document(name, body, is_html, url=url, title=attrs.get("title"),
                        published=parse_published(attrs.get("date")), warnings=warnings)
    if not found:
        raise InputError(item, "no <doc> element found")


def doc_elements(item: str, text: str) -> Iterator[tuple[str, str] | InputError]:
    """Each `<doc ...>` element's attribute text and body, in one pass: every search starts where
    the last one ended, so unclosed tags cost linear time (a regular expression with a lazy body
    scanned to the end of the text again from each unclosed tag)."""
    position = 0
    while opening := _DOC_OPEN.search(text, position):
        end_of_tag = text.find(">", opening.end(), opening.end() + MAX_TAG_CHARS + 1)
        if end_of_tag < 0:
            cause = "has no '>'" if text.find(">", opening.end()) < 0 else f"is over {MAX_TAG_CHARS} characters"
            yield InputError(item, f"the <doc> tag at character {opening.start()} {cause}")
            return
        closing = _DOC_CLOSE.search(text, end_of_tag + 1)
        if closing is None:
            yield InputError(item, f"the <doc> element at character {opening.start()} is not closed (no </doc>)")
            return
        yield text[opening.end():end_of_tag], text[end_of_tag + 1:closing.start()]
        position = closing.end()


def read_json(item: str, data: bytes, *, lines: bool) -> Iterator[Item]:
    """JSON Lines (or a JSON array) of objects with `text` or `html` and optional metadata."""
    text, _warnings = decode_bytes(item, data)
    if lines:
        rows: list[tuple[str, str]] = [(f"{item}:{n}", line) for n, line in enumerate(text.splitlines(), 1)
                                       if line.strip()]
        for name, line in rows:
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield InputError(name, f"invalid JSON ({exc})")
                continue
            yield _json_document(name, obj)
        return
    try:
        array = json.loads(text)
    except ValueError as exc:
        raise InputError(item, f"invalid JSON ({exc})") from None
    if not isinstance(array, list):
        raise InputError(item, "JSON input must be an array of objects or JSON Lines")
    for n, obj in enumerate(array):
        yield _json_document(f"{item}[{n}]", obj)


def _json_document(name: str, obj: Any) -> Item:
    if not isinstance(obj, dict):
        return InputError(name, "not a JSON object")
    content = next((obj[k] for k in HTML_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    is_html = content is not None
    if content is None:
        content = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if content is None:
        return InputError(name, "no 'text' or 'html' field")
    if len(content.encode("utf-8")) > MAX_BYTES:
        return InputError(name, f"too large (limit {MAX_BYTES} bytes)")
    url = next((obj[k] for k in URL_KEYS if isinstance(obj.get(k), str)), None)
    published = next((obj[k] for k in DATE_KEYS if isinstance(obj.get(k), str)), None)
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    return _document(name, content, is_html, url=url, title=title, published=parse_published(published))


def parse_published(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a container's date field, or None."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if match:
        return match.group(1)
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                               "PARSERS": ["absolute-time", "custom-formats"]})
    return parsed.date().isoformat() if parsed else None
