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
    if _json_lines(stripped):
        return Kind.JSONL
    if stripped[:1] == b"[" and stripped[1:].lstrip()[:1] == b"{":
        return Kind.JSON
    if _HTML.search(stripped[:65536]) or _paragraph(stripped[:65536]):
        return Kind.HTML
    return Kind.TEXT


def _paragraph(head: bytes) -> bool:
    opening = _P_OPEN.search(head)
    return opening is not None and _P_CLOSE.search(head, opening.end()) is not None


JSONL_SAMPLE_LINES = 20


def _json_lines(head: bytes) -> bool:
    """JSON Lines: most of the first lines are objects, one at least parses as one; a damaged
    first line does not make the file something else."""
    lines = [line for line in head.split(b"\n")[:JSONL_SAMPLE_LINES + 1] if line.strip()]
    if not lines or not lines[0].lstrip().startswith(b"{") and len(lines) < 2:
        return False
    if len(lines) == 1:
        return head.lstrip()[:1] == b"{"  # one line longer than the sniffed head, or one object
    complete = lines[:-1] if not head.endswith(b"\n") else lines  # the last may be cut by the head
    objects = [line for line in complete if line.lstrip().startswith(b"{")]
    return 2 * len(objects) > len(complete) and any(_is_object(line) for line in objects)


def _is_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
