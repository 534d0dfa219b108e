"""What a document as a whole says of its own time and place: its publication date (metadata, a
dateline with a year, or inferred from the dates it cites) and its dateline's place."""

from __future__ import annotations

import datetime as dt
import re

from dateline.clean import CleanDocument
from dateline.kb import load_kb
from dateline.resolve.places import GazEntry, load_gazetteer
from dateline.resolve.times import DateMention, first_on_or_after, latest_cited_date, parse_date_text

_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2]|(?<=[/-])[1-9])[/-](0?[1-9]|[12]\d|3[01])(?=[/-]|$)")


def url_date(url: str | None) -> str | None:
    """The date many news sites put in their article paths (/2019/01/10/...)."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def publication(clean: CleanDocument, times: list[DateMention], stated: tuple[str | None, ...],
                url: str | None) -> tuple[dt.date | None, str | None]:
    """Publication date and its basis: metadata (what the source or the page states, or the
    URL), a dateline with a year, or inferred from the latest date the text cites."""
    for value in (*stated, clean.published, url_date(url)):
        if value:
            try:
                return dt.date.fromisoformat(value[:10]), "metadata"
            except ValueError:
                pass
    if not (clean.dateline and clean.dateline.date_text):
        return None, None
    parsed = parse_date_text(clean.dateline.date_text, clean.language)
    if parsed is None:
        return None, None
    day, month, year = parsed
    if year is not None:
        try:
            return dt.date(year, month, day), "dateline"
        except ValueError:
            return None, None
    latest = latest_cited_date(times)
    if latest is None:
        return None, None
    return first_on_or_after(day, month, latest), "inferred"


def locate_dateline(clean: CleanDocument) -> GazEntry | None:
    if not (clean.dateline and clean.dateline.place_text):
        return None
    # "BREST (AFP)" is Brest in France, not the larger Brest in Belarus: among namesakes, the
    # agency's own country comes first.
    home = load_kb().agency_country(clean.agency.agency_id) if clean.agency else None
    return load_gazetteer().lookup(clean.dateline.place_text.title(), frozenset({home}) if home else frozenset())
