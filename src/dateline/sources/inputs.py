"""What the user names on the command line (files, folders, URLs, '-') to documents."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from dateline.sources import SourceDocument
from dateline.sources.decode import MAX_BYTES, check_size, read_capped
from dateline.sources.detect import Kind, sniff
from dateline.sources.errors import InputError
from dateline.sources.fetch import Fetcher
from dateline.sources.readers import FeedLink, gzip_head, read_bytes, read_warc

Item = SourceDocument | InputError
_TYPE_KINDS = {"text/html": Kind.HTML, "application/xhtml+xml": Kind.HTML, "text/plain": Kind.TEXT}


def is_url(value: str) -> bool:
    return value[:8].lower().startswith(("http://", "https://"))  # schemes are case-insensitive


def iter_inputs(inputs: Iterable[str | Path], *, fetcher: Fetcher | None = None, follow: bool = False,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every document the inputs hold, or one error per bad item; never raises for a bad item."""
    for raw in inputs:
        value = str(raw)
        if value == "-":
            data = (stdin or sys.stdin.buffer).read(MAX_BYTES + 1)
            yield from _resolve_links(read_bytes("<stdin>", data), fetcher)
        elif is_url(value):
            yield from _read_url(value, fetcher, follow)
        else:
            yield from _read_location(Path(value), fetcher, follow)


def _read_location(path: Path, fetcher: Fetcher | None, follow: bool) -> Iterator[Item]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        if not files:
            yield InputError(str(path), "directory holds no files")
        for file in files:
            yield from _resolve_links(read_file(file, follow=follow), fetcher)
        return
    yield from _resolve_links(read_file(path, follow=follow), fetcher)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_file(path: Path, *, follow: bool = False) -> Iterator[Item | FeedLink]:
    item = str(path)
    if not path.exists():
        yield InputError(item, "no such file")
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
            kind = sniff(head)
            if kind is Kind.WARC or (kind is Kind.GZIP and sniff(gzip_head(head)) is Kind.WARC):
                handle.seek(0)
                yield from read_warc(item, handle)  # streamed: crawl archives are large
                return
            check_size(item, path.stat().st_size)
            data = read_capped(item, handle, head=head)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(item, f"cannot read ({exc.strerror})")
        return
    yield from read_bytes(item, data, path=item, kind=kind, follow=follow)


def _read_url(url: str, fetcher: Fetcher | None, follow: bool) -> Iterator[Item]:
    if fetcher is None:
        yield InputError(url, "URL inputs need fetching enabled")
        return
    try:
        fetched = fetcher.fetch(url)
    except InputError as exc:
        yield exc
        return
    media_type = fetched.content_type.split(";")[0].strip().lower()
    kind = _TYPE_KINDS.get(media_type) or sniff(fetched.content[:65536])
    found = read_bytes(url, fetched.content, url=fetched.url, kind=kind, follow=follow)
    yield from _resolve_links(found, fetcher)


def _resolve_links(found: Iterable[Item | FeedLink], fetcher: Fetcher | None) -> Iterator[Item]:
    """Feed entries to follow become fetched pages (only when a fetcher is given)."""
    for item in found:
        if not isinstance(item, FeedLink):
            yield item
            continue
        if fetcher is None:
            yield InputError(item.item, "following feed links needs fetching enabled")
            continue
        for doc in _read_url(item.url, fetcher, follow=False):
            if isinstance(doc, SourceDocument):
                doc = replace(doc, title=doc.title or item.title, published=doc.published or item.published)
            yield doc
