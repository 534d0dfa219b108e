"""HTML pages: trafilatura for the main text and metadata, then the plain-text line cleaner."""

from __future__ import annotations

import re
from typing import Any

from dateline.clean.text import CleanDocument, clean_body
from dateline.sources.errors import InputError

# trafilatura's own defaults, minus comments: a news record is about the story, not its readers.
EXTRACTION = {"include_comments": False, "include_tables": True, "favor_precision": True}


def clean_html(html: str, url: str | None = None, language: str | None = None) -> CleanDocument:
    """Body and metadata of an HTML page; pure function of its input."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, **EXTRACTION)
    except (ValueError, RecursionError, MemoryError) as exc:
        raise InputError(url or "<html>", f"cannot parse HTML ({type(exc).__name__}: {exc})") from None
    meta: dict[str, Any] = found.as_dict() if found is not None else {}
    body = meta.get("text") or ""
    title = _clean_field(meta.get("title"))
    doc = clean_body(body, language, title=title)
    doc.title = title or doc.title
    doc.author = _clean_field(meta.get("author"))
    doc.site_name = _clean_field(meta.get("sitename"))
    doc.canonical_url = meta.get("url") or url
    categories = meta.get("categories") or []
    doc.section = doc.section or (categories[0] if categories else None)
    doc.published = _iso_day(meta.get("date"))
    if not body:
        doc.warnings.append("no main text found in the HTML page")
    return doc


def _clean_field(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _iso_day(value: Any) -> str | None:
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None
