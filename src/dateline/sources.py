"""The `sources` stage: turn paths into `SourceDocument`s, or one clear error per bad item."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024


class InputError(Exception):
    """A bad input item: `item` names it, the message says why."""

    def __init__(self, item: str, cause: str) -> None:
        super().__init__(f"{item}: {cause}")
        self.item = item
        self.cause = cause


@dataclass(frozen=True)
class SourceDocument:
    """Raw text of one report, as read, with where it came from."""

    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None

    @property
    def id(self) -> str:
        """Stable id from the content, so the same input always gets the same id."""
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return f"doc-{digest[:16]}"


def decode_text(item: str, data: bytes) -> str:
    if not data.strip():
        raise InputError(item, "empty input")
    if b"\x00" in data[:8192]:
        raise InputError(item, "binary content (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            item, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None
    if not text.strip():
        raise InputError(item, "empty input")
    return text


def read_path(path: str | Path) -> SourceDocument:
    """Read one text file; raise InputError with a clear cause if it is unusable."""
    item = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(item, "no such file")
    if p.is_dir():
        raise InputError(item, "is a directory")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(item, f"too large ({size} bytes, limit {MAX_BYTES})")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError(item, f"cannot read ({err.strerror})") from None
    return SourceDocument(text=decode_text(item, data), path=item)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[SourceDocument | InputError]:
    """Each path as a document or as the error it gave; never raises for a bad item."""
    for path in paths:
        try:
            yield read_path(path)
        except InputError as err:
            yield err
