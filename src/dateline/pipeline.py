"""The pure core: `extract(document) -> record`, no I/O beyond loading models and data once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from dateline.clean import CleanDocument, clean_document
from dateline.detector.model import load_detector
from dateline.events.code import code_document
from dateline.events.context import DocumentFacts
from dateline.events.merge import assemble
from dateline.lang import Language, load_language
from dateline.nlp import has_pipeline, parse
from dateline.record import Dateline, Document, Record, Source, Time, to_entity, to_place
from dateline.resolve.document import locate_dateline, publication
from dateline.resolve.entities import resolve_entities
from dateline.resolve.relative import anchor_relative, find_all_dates
from dateline.resolve.times import anchor_partial_dates
from dateline.sources import InputError, SourceDocument


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


# Characters of cleaned text one document may have. Parsing and coding cost grows faster than the
# length (100 KB took 18 s, 300 KB 87 s, 1 MB over 300 s and 2 GB; spaCy refuses 1,000,000 with
# E088); a news report is a few thousand characters, a long feature some 30,000.
MAX_TEXT_CHARS = 100_000

_LANGUAGE_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def language_lock(code: str) -> threading.Lock:
    """One extraction at a time per language: a spaCy pipeline, its vocabulary and the matchers
    and lexicons cached from it are not safe to use from several threads at once."""
    with _LOCKS_GUARD:
        return _LANGUAGE_LOCKS.setdefault(code, threading.Lock())


def _language_data(code: str, given: str | Language | None) -> Language | None:
    """The data to code a document with: the one given (a contributor's folder, say), else the
    bundled language of its code; None when the language has no pipeline."""
    if isinstance(given, Language) and given.code == code:
        return given if given.has_pipeline else None
    return load_language(code) if has_pipeline(code) else None


def extract(source: SourceDocument, language: str | Language | None = None,
            timer: StageTimer | None = None, detector: bool = True, rules: bool = True) -> Record:
    """The record of one document: cleaned text, entities, times and PLOVER events. `language`
    forces the document's language, by code or as language data (`Language.from_folder`);
    `detector=False` codes with the rules alone, without the learned detector's second opinion;
    `rules=False` gives the detector's events alone (an ablation, for measuring)."""
    lap = timer.lap if timer is not None else (lambda _stage: None)
    if timer is not None:
        timer.start()
    clean = clean_document(source, language.code if isinstance(language, Language) else language)
    lap("clean")
    if len(clean.text) > MAX_TEXT_CHARS:
        raise InputError(source.name, f"text too long to code ({len(clean.text)} characters after cleaning, "
                                      f"limit {MAX_TEXT_CHARS}): split it into several documents")
    with language_lock(clean.language):
        return _extract_clean(source, clean, language, lap, detector, rules)


def _extract_clean(source: SourceDocument, clean: CleanDocument, language: str | Language | None,
                   lap: Callable[[str], None], detector: bool = True, rules: bool = True) -> Record:
    text = clean.text
    data = _language_data(clean.language, language)
    coded = data is not None
    times = find_all_dates(text, clean.language) if coded else []
    published, basis = publication(clean, times, (source.published,), source.url)
    anchor_partial_dates(times, published)
    place_entry = locate_dateline(clean)
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
    if not coded or not text:
        return record
    lap("resolve")  # dates and the document's own metadata
    doc = parse(text, clean.language)
    lap("nlp")
    anchor_relative(times, published, doc)
    dateline_countries = frozenset({place_entry.country}) if place_entry and place_entry.country else frozenset()
    res = resolve_entities(doc, data, dateline_countries, published, place_entry)
    record.entities = [to_entity(entity) for entity in res.entities]
    record.times = [Time(text=t.text, start=t.start, end=t.end, value=t.value(), timex=t.timex()) for t in times]
    facts = DocumentFacts(
        doc_id=source.id, published=document.published,
        date_basis="dateline" if basis in {"dateline", "inferred"} else ("published" if basis else None),
        dateline_place=dateline_place, times=times,
    )
    lap("resolve")
    second_opinion = load_detector(clean.language) if detector else None
    record.events = assemble(code_document(res, second_opinion, rules), res, facts)
    lap("events")
    return record
