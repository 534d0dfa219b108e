"""The pure core: `extract(document) -> record`, no I/O beyond loading models and data once."""

from __future__ import annotations

import datetime as dt
import re
import time

from dateline.clean import CleanDocument, clean_document
from dateline.events.assemble import DocContext, assemble, to_actor, to_place
from dateline.events.coder import code_document
from dateline.kb import load_kb
from dateline.nlp import has_pipeline, parse
from dateline.record import Dateline, Document, Entity, Record, Source, Time
from dateline.resolve.entities import Resolution, resolve_entities
from dateline.resolve.places import GazEntry, load_gazetteer
from dateline.resolve.relative import anchor_relative, find_all_dates
from dateline.resolve.times import (
    DateMention,
    anchor_partial_dates,
    first_on_or_after,
    latest_cited_date,
    parse_date_text,
)
from dateline.sources import SourceDocument

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


def _publication(
    clean: CleanDocument, times: list[DateMention], source: SourceDocument
) -> tuple[dt.date | None, str | None]:
    """Publication date and its basis: metadata, a dateline with a year, or inferred."""
    for stated in (source.published, clean.published, url_date(source.url)):
        if stated:
            try:
                return dt.date.fromisoformat(stated[:10]), "metadata"
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


def _dateline_place(clean: CleanDocument) -> GazEntry | None:
    if not (clean.dateline and clean.dateline.place_text):
        return None
    # "BREST (AFP)" is Brest in France, not the larger Brest in Belarus: among namesakes, the
    # agency's own country comes first.
    home = load_kb().agency_country(clean.agency.agency_id) if clean.agency else None
    return load_gazetteer().lookup(clean.dateline.place_text.title(), frozenset({home}) if home else frozenset())


def _entities(res: Resolution) -> list[Entity]:
    out = []
    for entity in res.entities:
        span = entity.span
        out.append(Entity(
            id=entity.id, text=span.text, start=span.start_char, end=span.end_char,
            label=entity.label, actor=to_actor(entity.actor) if entity.actor else None,
            place=to_place(entity.place, span.text) if entity.place else None,
        ))
    return out


class StageTimer:
    """Seconds spent per stage, summed over the documents it is passed to (for `bench/`)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def start(self) -> None:
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


def extract(source: SourceDocument, language: str | None = None, timer: StageTimer | None = None) -> Record:
    """The record of one document: cleaned text, entities, times and PLOVER events."""
    lap = timer.lap if timer is not None else (lambda _stage: None)
    if timer is not None:
        timer.start()
    clean = clean_document(source, language)
    lap("clean")
    text = clean.text
    times = find_all_dates(text, clean.language) if has_pipeline(clean.language) else []
    published, basis = _publication(clean, times, source)
    anchor_partial_dates(times, published)
    place_entry = _dateline_place(clean)
    dateline_place = to_place(place_entry, clean.dateline.place_text) if place_entry and clean.dateline else None
    document = Document(
        id=source.id,
        source=Source(path=source.path, url=source.url, item=source.item, canonical_url=clean.canonical_url),
        title=clean.title or source.title, section=clean.section, language=clean.language,
        agency=clean.agency.name if clean.agency else None,
        agency_confidence=clean.agency.score if clean.agency else None,
        author=clean.author, site_name=clean.site_name, warnings=[*source.warnings, *clean.warnings],
        dateline=Dateline(text=clean.dateline.text, place=dateline_place,
                          date=published.isoformat() if published and basis != "metadata" else None)
        if clean.dateline else None,
        published=published.isoformat() if published else None, published_basis=basis, text=text,
    )
    record = Record(document=document)
    if not has_pipeline(clean.language) or not text:
        return record
    lap("resolve")  # dates and the document's own metadata
    doc = parse(text, clean.language)
    lap("nlp")
    anchor_relative(times, published, doc)
    dateline_countries = frozenset({place_entry.country}) if place_entry and place_entry.country else frozenset()
    res = resolve_entities(doc, clean.language, dateline_countries, published, place_entry)
    record.entities = _entities(res)
    record.times = [Time(text=t.text, start=t.start, end=t.end, value=t.value(), timex=t.timex()) for t in times]
    ctx = DocContext(
        doc_id=source.id, published=document.published,
        date_basis="dateline" if basis in {"dateline", "inferred"} else ("published" if basis else None),
        dateline_place=dateline_place, times=times,
    )
    lap("resolve")
    record.events = assemble(code_document(res), res, ctx)
    lap("events")
    return record
