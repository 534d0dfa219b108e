"""What an input is, from its first bytes rather than its name."""

from __future__ import annotations

import json
import re
from enum import StrEnum


class Kind(StrEnum):
    GZIP = "gzip"
    ZIP = "zip"
    WARC = "warc"
    FEED = "feed"
    CORPUS = "corpus"
    JSONL = "jsonl"
    JSON = "json"
    HTML = "html"
    TEXT = "text"


_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b[^>]*>", re.IGNORECASE)
_CORPUS = re.compile(rb"^(?:\s*<\?xml[^>]*>)?\s*(?:<corpus\b[^>]*>\s*)?<doc\b[^>]*>", re.IGNORECASE)
_HTML = re.compile(rb"<!doctype\s+html|<html\b|<head\b|<body\b|<article\b|<div\b", re.IGNORECASE)
# A paragraph: an opening <p> and, after it, a closing one (two searches, not one lazy pattern
# that would scan the rest of the head again from every unclosed <p>).
_P_OPEN = re.compile(rb"<p\b[^<>]{0,500}>", re.IGNORECASE)
_P_CLOSE = re.compile(rb"</p\s*>", re.IGNORECASE)


def sniff(head: bytes) -> Kind:
    """The kind of an input from (at least) its first 64 KiB."""
    if head[:2] == b"\x1f\x8b":
        return Kind.GZIP
    if head[:4] == b"PK\x03\x04":
        return Kind.ZIP
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return Kind.WARC
    if _CORPUS.match(stripped):
        return Kind.CORPUS
    if stripped.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and _FEED.search(stripped[:4096]):
        return Kind.FEED
    if stripped[:1] == b"{" and _json_line(stripped):
        return Kind.JSONL
    if stripped[:1] == b"[" and stripped[1:].lstrip()[:1] == b"{":
        return Kind.JSON
    if _HTML.search(stripped[:65536]) or _paragraph(stripped[:65536]):
        return Kind.HTML
    return Kind.TEXT


def _paragraph(head: bytes) -> bool:
    opening = _P_OPEN.search(head)
    return opening is not None and _P_CLOSE.search(head, opening.end()) is not None


def _json_line(head: bytes) -> bool:
    first, newline, _ = head.partition(b"\n")
    if not newline:
        return True  # one line longer than the sniffed head: only JSON Lines look like that
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False
