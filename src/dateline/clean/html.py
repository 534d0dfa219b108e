"""HTML pages: trafilatura for the main text and metadata, then the plain-text line cleaner."""

from __future__ import annotations

import logging
import re
from typing import Any

from dateline.clean.text import CleanDocument, clean_body
from dateline.sources.errors import InputError

# trafilatura's own defaults, minus comments: a news record is about the story, not its readers.
MIN_BODY_WORDS = 5
# trafilatura's fallback extractors (readability, jusText) double its time; they are run only
# when its own extractor finds less than a story's worth of text ("precise" always runs them).
SHORT_BODY_WORDS = 200
FRAGMENT_MAX_CHARS = 20_000
# trafilatura and htmldate log parsing trouble as errors; dateline reports one line per item itself.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)
PROFILES = {
    "fast": {"include_comments": False, "include_tables": True, "fast": True},
    "precise": {"include_comments": False, "include_tables": True, "favor_precision": True},
}
# htmldate's markup search first (fast); its extensive text search only for pages where that finds nothing.
QUICK_DATE = {"original_date": True, "extensive_search": False}


def _extract(html: str, url: str | None, profile: str) -> dict[str, Any]:
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, date_extraction_params=dict(QUICK_DATE),
                                            **PROFILES[profile])
    except (ValueError, RecursionError, MemoryError) as exc:
        raise InputError(url or "<html>", f"cannot parse HTML ({type(exc).__name__}: {exc})") from None
    return found.as_dict() if found is not None else {}


def clean_html(html: str, url: str | None = None, language: str | None = None, profile: str = "fast"
               ) -> CleanDocument:
    """Body and metadata of an HTML page; pure function of its input."""
    meta = _extract(html, url, profile)
    if profile == "fast" and len((meta.get("text") or "").split()) < SHORT_BODY_WORDS:
        meta = _extract(html, url, "precise")
    body = meta.get("text") or ""
    if len(body.split()) < MIN_BODY_WORDS and len(html) < FRAGMENT_MAX_CHARS and "<body" not in html.lower():
        body = _fragment_text(html)  # a feed entry or JSON field: a fragment, not a page
    title = _clean_field(meta.get("title"))
    doc = clean_body(body, language, title=title)
    doc.title = title or doc.title
    doc.author = _clean_field(meta.get("author"))
    doc.site_name = _clean_field(meta.get("sitename"))
    doc.canonical_url = meta.get("url") or url
    categories = meta.get("categories") or []
    doc.section = doc.section or (categories[0] if categories else None)
    doc.published = _iso_day(meta.get("date")) or _extensive_date(html, doc.canonical_url)
    if len(body.split()) < MIN_BODY_WORDS:
        doc.text = ""
        doc.warnings.append("no main text found in the HTML page")
    return doc


def _extensive_date(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        return _iso_day(find_date(html, url=url, original_date=True, extensive_search=True))
    except (ValueError, TypeError):
        return None


def _fragment_text(html: str) -> str:
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (ValueError, TypeError):
        return ""
    blocks = root.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//blockquote") or [root]
    return "\n".join(re.sub(r"\s+", " ", block.text_content()).strip() for block in blocks)


def _clean_field(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def _iso_day(value: Any) -> str | None:
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None
