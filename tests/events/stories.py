"""Running an invented story through the whole pipeline, for the event tests."""

from __future__ import annotations

from dateline.pipeline import extract
from dateline.sources import SourceDocument


def coded(text: str, language: str | None = None) -> list[tuple]:
    """(type, mode, sorted actor (country, sector), sorted recipient (country, sector)) of every event."""
    return [(e.event, e.mode, sorted((a.country, a.sector) for a in e.actor),
             sorted((r.country, r.sector) for r in e.recipient))
            for e in extract(SourceDocument(text=text), language).events]
