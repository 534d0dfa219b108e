"""Bytes to text: size caps, capped decompression and charset choice.

A page's declared charset is often wrong and scraped dumps mix encodings, so the choice is:
a BOM, then strict UTF-8 (self-validating: valid UTF-8 with non-ASCII bytes is almost never
another encoding), then the declared charset, then charset-normalizer's guess; text that is
UTF-8 with stray single-byte characters is decoded line by line with a cp1252 fallback.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import IO

from dateline.sources.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 1 << 16
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})""", re.IGNORECASE)
_XML_DECLARED = re.compile(rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{2,40})""")


def check_size(item: str, size: int, limit: int = MAX_BYTES) -> None:
    if size > limit:
        raise InputError(item, f"too large ({size} bytes, limit {limit})")


def read_capped(item: str, handle: IO[bytes], limit: int = MAX_BYTES, head: bytes = b"") -> bytes:
    """What `handle` holds after `head`, refused past `limit` bytes: the size a file reports is
    no bound (devices such as /dev/zero and pipes report 0), so at most limit + 1 bytes are read."""
    data = head + handle.read(max(0, limit + 1 - len(head)))
    if len(data) > limit:
        raise InputError(item, f"too large (over {limit} bytes)")
    return data


def gunzip(item: str, data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip data, refusing more than `limit` bytes of output (gzip bombs)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts: list[bytes] = []
    size = 0
    pending = data
    try:
        while pending:
            chunk = inflater.decompress(pending, _CHUNK)
            size += len(chunk)
            if size > limit:
                raise InputError(item, f"decompressed size exceeds {limit} bytes (compression bomb?)")
            parts.append(chunk)
            pending = inflater.unconsumed_tail
            if inflater.eof and inflater.unused_data:  # concatenated gzip members
                pending = inflater.unused_data
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    except zlib.error as exc:
        raise InputError(item, f"corrupt gzip data ({exc})") from None
    if not inflater.eof and not parts:
        raise InputError(item, "truncated gzip data")
    return b"".join(parts)


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_DECLARED.match(head) or _DECLARED.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("dateline-cp1252", _cp1252_fallback)


def decode_bytes(item: str, data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """The text of `data` and warnings about how it was decoded."""
    if not data.strip():
        raise InputError(item, "empty input")
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(item, "binary content (NUL bytes), not a text document")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        first_bad = err.start
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="dateline-cp1252")
        return text, [f"mixed encodings: invalid UTF-8 from byte {first_bad} decoded as cp1252"]
    declared = declared or declared_charset(data)
    if declared and declared not in {"utf-8", "ascii"}:
        try:
            return data.decode(declared), []
        except (UnicodeDecodeError, LookupError):
            pass
    return _guess(item, data, first_bad)


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber the invalid bytes: strays in a UTF-8 text."""
    valid = len(re.findall(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    return valid > 0 and valid >= invalid


def _guess(item: str, data: bytes, first_bad: int) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        raise InputError(item, f"unknown text encoding (invalid UTF-8 at byte {first_bad})")
    encoding = best.encoding
    if encoding in _LATIN_FAMILY and _decodes(data, "cp1252"):
        # Byte statistics cannot tell cp1250 from cp1252 on short French or English texts
        # ("à" vs "ŕ"); dateline's languages make Western European the better prior.
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), [f"not UTF-8: decoded as {encoding}"]


_LATIN_FAMILY = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "iso8859_16", "mac_roman", "mac_latin2",
                 "cp850", "cp1257", "iso8859_4", "iso8859_13"}


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
