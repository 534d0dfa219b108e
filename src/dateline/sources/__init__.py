"""The `sources` stage: turn inputs (files, folders, archives, feeds, URLs, stdin) into
`SourceDocument`s, or one clear error per bad item. Everything here is I/O or parsing of
containers; what a document says is the business of the later stages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from dateline.sources.decode import MAX_BYTES, check_size, decode_bytes, read_capped
from dateline.sources.errors import InputError

__all__ = ["MAX_BYTES", "InputError", "SourceDocument", "read_path"]


@dataclass(frozen=True)
class SourceDocument:
    """One report as read: its text or its HTML, where it came from and what the container said."""

    text: str = ""
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    html: str | None = None
    item: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def id(self) -> str:
        """Stable id from the content, so the same input always gets the same id."""
        digest = hashlib.sha256((self.html if self.html is not None else self.text).encode("utf-8")).hexdigest()
        return f"doc-{digest[:16]}"

    @property
    def name(self) -> str:
        """How error and warning lines name this document."""
        return self.item or self.path or self.url or self.id


def read_path(path: str | Path) -> SourceDocument:
    """Read one plain-text file; raise InputError with a clear cause if it is unusable."""
    item = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(item, "no such file")
    if p.is_dir():
        raise InputError(item, "is a directory")
    check_size(item, p.stat().st_size)
    try:
        with p.open("rb") as handle:
            data = read_capped(item, handle)
    except OSError as err:
        raise InputError(item, f"cannot read ({err.strerror})") from None
    text, warnings = decode_bytes(item, data)
    return SourceDocument(text=text, path=item, warnings=tuple(warnings))
