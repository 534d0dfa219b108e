"""The `clean` stage: from a source document to its story body and metadata.

HTML goes through trafilatura (main text, metadata; htmldate for the date) and then through
the same language-data-driven line cleaner as plain text, which strips datelines, furniture
lines and agency trailers that page extractors keep.
"""

from __future__ import annotations

from dateline.clean.html import clean_html
from dateline.clean.text import CleanDocument, DatelineInfo, clean_text, detect_language, furniture_kind
from dateline.sources import SourceDocument

__all__ = ["CleanDocument", "DatelineInfo", "clean_document", "clean_html", "clean_text", "detect_language",
           "furniture_kind"]


def clean_document(source: SourceDocument, language: str | None = None) -> CleanDocument:
    if source.html is not None:
        return clean_html(source.html, source.url, language)
    return clean_text(source.text, language)
