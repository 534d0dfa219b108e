"""The event store: documents, stories, entities, events and their evidence, on embedded DuckDB
(default, one file) or PostgreSQL (a `postgresql://` URL); one transaction per document or batch."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from pydantic_core import to_json

from dateline.plover import ontology
from dateline.record import Record
from dateline.store.backends import Backend, StoreError, connect
from dateline.store.clusters import merge_documents
from dateline.stories import StoryIndex, signatures

__all__ = ["AUX_VALUES", "DEFAULT_DB", "EVENT_TYPES", "SCHEMA_VERSION", "EventFilter", "Store", "StoreError",
           "is_url"]

SCHEMA_VERSION = 4
DEFAULT_DB = "dateline.duckdb"
EVENT_TYPES = frozenset(ontology().types)
AUX_VALUES = frozenset({*ontology().aux, "none"})
# What an analyst may correct on a stored event (the API's PATCH and `Store.correct`).
CORRECTABLE = ("event", "mode", "aux", "date", "retracted")


def is_url(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def contains_pattern(value: str) -> str:
    """An ILIKE pattern (with ESCAPE '\\') for text containing `value` as written: its % and _
    are the characters, not wildcards."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _day(value: str | None) -> dt.date | None:
    return _parse_day(value) if value and len(value) == 10 else None


@lru_cache(maxsize=4096)
def _parse_day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


Columns = dict[str, list[Any]]


def _record_json(record: Record, event_jsons: list[str]) -> str:
    """`record.model_dump_json(by_alias=True)`, with the events' JSON already made for their own
    rows rather than encoded a second time (events are the record's last field, and no field of an
    event has an alias)."""
    head = record.model_dump_json(by_alias=True, exclude=_EVENTS)
    return f'{head[:-1]},"events":[{",".join(event_jsons)}]}}'


_EVENTS = {"events"}


def _document_columns(records: list[Record], event_jsons: list[str]) -> Columns:
    # pydantic's own JSON encoder (Rust) rather than model_dump + json.dumps: bulk loads spend
    # most of their time here.
    documents = [r.document for r in records]
    sources = [d.source for d in documents]
    ends = list(accumulate(len(r.events) for r in records))
    return {"id": [d.id for d in documents], "path": [s.path for s in sources], "url": [s.url for s in sources],
            "title": [d.title for d in documents], "section": [d.section for d in documents],
            "language": [d.language for d in documents], "agency": [d.agency for d in documents],
            "published": [_day(d.published) for d in documents],
            "published_basis": [d.published_basis for d in documents], "text": [d.text for d in documents],
            "record": [_record_json(r, event_jsons[end - len(r.events):end])
                       for r, end in zip(records, ends, strict=True)]}


def _entity_rows(records: list[Record]) -> list[dict[str, Any]]:
    return [{"document_id": r.document.id, "id": e.id, "text": e.text, "label": e.label, "start_char": e.start,
             "end_char": e.end,
             "country": e.actor.country if e.actor else (e.place.country if e.place else None),
             "sector": e.actor.sector if e.actor else None, "role": e.actor.role if e.actor else None,
             "geonameid": e.place.geonameid if e.place else None}
            for r in records for e in r.entities]


def _event_columns(records: list[Record], event_jsons: list[str]) -> Columns:
    documents = [r.document.id for r in records for _ in r.events]
    events = [e for r in records for e in r.events]
    places = [e.location for e in events]
    ids = [e.id for e in events]
    return {
        "id": ids, "document_id": documents, "event": [e.event for e in events], "mode": [e.mode for e in events],
        "aux": [e.aux for e in events],
        "actor_countries": [[a.country for a in e.actor if a.country] for e in events],
        "recipient_countries": [[a.country for a in e.recipient if a.country] for e in events],
        "actor_names": [[a.name or a.text for a in e.actor] for e in events],
        "recipient_names": [[a.name or a.text for a in e.recipient] for e in events],
        "date": [_day(e.date) for e in events], "date_basis": [e.date_basis for e in events],
        "location": [p.name if p else None for p in places],
        "location_country": [p.country if p else None for p in places], "cameo": [e.cameo for e in events],
        "quad": [e.quad for e in events], "confidence": [e.confidence for e in events],
        "evidence": [to_json(e.evidence).decode("utf-8") for e in events],
        "record": event_jsons,
        "location_lat": [p.lat if p else None for p in places],
        "location_lon": [p.lon if p else None for p in places],
        "happening_id": list(ids), "retracted": [False] * len(events),
    }


def _columns(rows: list[dict[str, Any]]) -> Columns:
    return {key: [row[key] for row in rows] for key in rows[0]} if rows else {}


@dataclass
class EventFilter:
    """What `dateline events`, the API and `Store.events` can select on."""

    country: str | None = None  # actor or recipient
    actor: str | None = None  # country code or name fragment
    recipient: str | None = None
    type: str | None = None
    mode: str | None = None
    aux: str | None = None  # "none" for events without an auxiliary mode
    since: str | None = None
    until: str | None = None
    text: str | None = None  # in the evidence
    near: tuple[float, float, float] | None = None  # lat, lon, km
    document: str | None = None
    retracted: bool = False  # events an analyst retracted are left out unless asked for

    def check(self) -> None:
        """Refuse values that can match nothing because they are misspelt."""
        if self.type is not None and self.type.upper() not in EVENT_TYPES:
            raise StoreError(f"unknown event type {self.type!r}")
        if self.aux is not None and self.aux not in AUX_VALUES:
            raise StoreError(f"unknown aux mode {self.aux!r} (choose from {', '.join(sorted(AUX_VALUES))})")
        for value in (self.since, self.until):
            if value is not None:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise StoreError(f"dates are YYYY-MM-DD, not {value!r}") from None
        if self.near is not None:
            lat, lon, km = self.near
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
                raise StoreError(f"--near wants a latitude, a longitude and a distance ≥ 0, not {self.near!r}")

    def sql(self, db: Backend) -> tuple[str, list[Any]]:
        self.check()
        clauses, params = ["TRUE" if self.retracted else "e.retracted IS NOT TRUE"], []
        if self.type is not None:
            clauses.append("e.event = ?")
            params.append(self.type.upper())
        if self.aux is not None:
            clauses.append("e.aux IS NULL" if self.aux == "none" else "e.aux = ?")
            params += [] if self.aux == "none" else [self.aux]
        for value, countries, names in ((self.actor, "e.actor_countries", "e.actor_names"),
                                        (self.recipient, "e.recipient_countries", "e.recipient_names")):
            if value is not None:
                clauses.append(f"({db.contains(countries)} OR {db.any_ilike(names)})")
                params += [value.upper(), contains_pattern(value)]
        if self.country is not None:
            clauses.append(f"({db.contains('e.actor_countries')} OR {db.contains('e.recipient_countries')})")
            params += [self.country.upper()] * 2
        for value, column in ((self.mode, "e.mode"), (self.document, "e.document_id")):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        for value, op in ((self.since, ">="), (self.until, "<=")):
            if value is not None:
                clauses.append(f"e.date {op} CAST(? AS DATE)")
                params.append(value)
        if self.text:
            clauses.append("CAST(e.evidence AS VARCHAR) ILIKE ? ESCAPE '\\'")
            params.append(contains_pattern(self.text))
        if self.near is not None:
            lat, lon, km = self.near
            clauses.append("e.location_lat IS NOT NULL AND 6371 * 2 * asin(sqrt("
                           "power(sin(radians(e.location_lat - ?) / 2), 2)"
                           " + cos(radians(?)) * cos(radians(e.location_lat))"
                           " * power(sin(radians(e.location_lon - ?) / 2), 2))) <= ?")
            params += [lat, lat, lon, km]
        return " AND ".join(clauses), params


EVENT_COLUMNS = ("e.id, e.date, e.event, e.mode, e.aux, e.actor_countries, e.recipient_countries, e.actor_names,"
                 " e.recipient_names, e.location, e.location_country, e.location_lat, e.location_lon, e.cameo,"
                 " e.quad, e.confidence, e.evidence, e.happening_id, e.document_id, d.title, d.url")


class Store:
    """Documents and their events in DuckDB (a file path) or PostgreSQL (a `postgresql://` URL)."""

    def __init__(self, target: str | Path = DEFAULT_DB) -> None:
        self.target = str(target)
        self.db = connect(self.target)
        try:
            self._migrate()
        except StoreError:
            self.db.close()
            raise
        self._stories: StoryIndex | None = None

    @property
    def con(self) -> Any:
        """The engine's own connection (DuckDB or psycopg), for engine-specific tools such as benchmarks."""
        return self.db.con

    def execute(self, sql: str, params: list[Any] | tuple = ()) -> list[tuple]:
        return self.db.execute(sql, params)

    def stories(self) -> StoryIndex:
        """The near-duplicate index of the stored documents, built on first use."""
        if self._stories is None:
            self._stories = StoryIndex()
            for document_id, story_id, minhash in self.db.execute(
                    "SELECT id, story_id, minhash FROM documents WHERE minhash IS NOT NULL"):
                self._stories.add(document_id, bytes(minhash), story_id or document_id)
        return self._stories

    def _assign_stories(self, records: list[Record]) -> list[tuple[str, bytes]]:
        """Each document's story and signature, in order: a document may be a copy of one stored
        earlier in the same batch."""
        index = self.stories()
        assigned = []
        for record, values in zip(records, signatures([r.document.text for r in records]), strict=True):
            minhash = values.tobytes()
            story = index.story_for(record.document.id, minhash)
            index.add(record.document.id, minhash, story)
            assigned.append((story, minhash))
        return assigned

    def _migrate(self) -> None:
        db = self.db
        try:
            with db.transaction():
                for statement in filter(str.strip, db.ddl.split(";")):
                    db.execute(statement)
                row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'")
                if not row:
                    db.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(db.base_version)])
        except db.errors as err:
            raise StoreError(f"{self.target}: not a dateline database or damaged ({err})") from None
        version = int(row[0][0]) if row else db.base_version
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.target}: schema version {version} is newer than this dateline "
                             f"({SCHEMA_VERSION}); upgrade dateline")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            try:
                with db.transaction():
                    for statement in db.migrations[target]:
                        db.execute(statement)
                    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])
            except db.errors as err:
                raise StoreError(f"{self.target}: migration to schema {target} failed ({err})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, document_id: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]))

    def add_many(self, records: list[Record]) -> int:
        """Store a batch of records in one transaction; documents already stored are skipped.
        Returns how many were stored."""
        with _collector_paused():
            return self._add_many(records)

    def _add_many(self, records: list[Record]) -> int:
        db = self.db
        ids = [r.document.id for r in records]
        known = {row[0] for row in db.execute(f"SELECT id FROM documents WHERE {db.in_parameter('id')}", [ids])}
        fresh = list({r.document.id: r for r in records if r.document.id not in known}.values())
        if not fresh:
            return 0
        event_jsons = [e.model_dump_json() for r in fresh for e in r.events]
        documents = _document_columns(fresh, event_jsons)
        documents["story_id"], documents["minhash"] = map(list, zip(*self._assign_stories(fresh), strict=True))
        with db.transaction():
            for table, columns in (("documents", documents), ("entities", _columns(_entity_rows(fresh))),
                                   ("events", _event_columns(fresh, event_jsons))):
                if columns and columns["id"]:
                    db.insert_columns(table, columns)
            merge_documents(db, [r.document.id for r in fresh])
        return len(fresh)

    def add(self, record: Record) -> bool:
        """Store one record atomically; False if the document was already stored."""
        return self.add_many([record]) == 1

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        columns, rows = self.db.query(sql, params)
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def events(self, limit: int = 1000, where: EventFilter | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stored events matching the filter, oldest first; `evidence` is a list of spans."""
        sql, params = (where or EventFilter()).sql(self.db)
        rows = self._rows(f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id"
                          f" WHERE {sql} ORDER BY e.date NULLS LAST, e.id LIMIT ? OFFSET ?", [*params, limit, offset])
        for row in rows:
            row["evidence"] = self.db.json_value(row["evidence"])
        return rows

    def count_events(self, where: EventFilter | None = None) -> int:
        sql, params = (where or EventFilter()).sql(self.db)
        return self.db.execute(f"SELECT count(*) FROM events e WHERE {sql}", params)[0][0]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event's full record, with its document and the sources of its happening."""
        rows = self.db.execute("SELECT record, document_id, happening_id, retracted FROM events WHERE id = ?",
                               [event_id])
        if not rows:
            return None
        record, document_id, happening_id, retracted = rows[0]
        sources = self._rows("SELECT event_id, document_id, url, agency, story_id, published FROM event_sources"
                             " WHERE happening_id = ? ORDER BY published NULLS LAST, document_id", [happening_id])
        return {**self.db.json_value(record), "document_id": document_id, "happening_id": happening_id,
                "retracted": bool(retracted), "sources": sources, "corrections": self.corrections(event_id)}

    def records(self, where: EventFilter | None = None) -> list[dict[str, Any]]:
        """The full stored event records (the contract's `events[]` items) matching the filter."""
        sql, params = (where or EventFilter()).sql(self.db)
        rows = self.db.execute(f"SELECT e.record, e.document_id, e.happening_id FROM events e WHERE {sql}"
                               " ORDER BY e.date NULLS LAST, e.id", params)
        return [{**self.db.json_value(record), "document_id": document_id, "happening_id": happening_id}
                for record, document_id, happening_id in rows]

    def stats(self, by: str, where: EventFilter | None = None) -> list[tuple[Any, int]]:
        """Event counts per day, month, type, mode, actor or recipient country, or dyad."""
        keys = {"day": "e.date", "month": self.db.month("e.date"), "type": "e.event", "mode": "e.mode",
                "actor": "unnest(e.actor_countries)", "recipient": "unnest(e.recipient_countries)"}
        if by not in keys:
            raise StoreError(f"unknown grouping {by!r} (choose from {', '.join(keys)})")
        sql, params = (where or EventFilter()).sql(self.db)
        return [tuple(row) for row in self.db.execute(
            f"SELECT key, count(*) AS n FROM (SELECT {keys[by]} AS key FROM events e WHERE {sql}) AS k"
            " GROUP BY key ORDER BY n DESC, key NULLS LAST", params)]

    def dyads(self, where: EventFilter | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Event counts per actor country → recipient country, with their quad classes."""
        sql, params = (where or EventFilter()).sql(self.db)
        return self._rows(
            "SELECT a.actor, r.recipient, count(*) AS events,"
            " sum(CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END) AS cooperative,"
            " sum(CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END) AS conflictual"
            " FROM events e, unnest(e.actor_countries) AS a(actor), unnest(e.recipient_countries) AS r(recipient)"
            f" WHERE {sql} GROUP BY a.actor, r.recipient ORDER BY events DESC, a.actor, r.recipient LIMIT ?",
            [*params, limit])

    def happenings(self, where: EventFilter | None = None, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
        """One row per happening: its first event, how many mentions and sources report it, and
        when it was first and last seen."""
        sql, params = (where or EventFilter()).sql(self.db)
        return self._rows(
            "SELECT e.happening_id, min(e.event) AS event, min(e.date) AS date,"
            " min(e.actor_countries) AS actor_countries, min(e.recipient_countries) AS recipient_countries,"
            " min(e.location) AS location, count(*) AS mentions, count(DISTINCT e.document_id) AS sources,"
            " count(DISTINCT d.story_id) AS stories, min(d.ingested_at) AS first_seen, max(d.ingested_at) AS last_seen"
            f" FROM events e JOIN documents d ON d.id = e.document_id WHERE {sql}"
            " GROUP BY e.happening_id ORDER BY sources DESC, date NULLS LAST, e.happening_id LIMIT ? OFFSET ?",
            [*params, limit, offset])

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self._rows("SELECT d.id, d.title, d.url, d.language, d.agency, d.published, d.story_id,"
                          " d.ingested_at, (SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events"
                          " FROM documents d ORDER BY d.published NULLS LAST, d.id LIMIT ? OFFSET ?",
                          [limit, offset])

    def document(self, document_id: str) -> dict[str, Any] | None:
        """The stored record of one document (the contract), as it was extracted."""
        rows = self.db.execute("SELECT record FROM documents WHERE id = ?", [document_id])
        return self.db.json_value(rows[0][0]) if rows else None

    def actors(self, limit: int = 100, offset: int = 0, name: str | None = None) -> list[dict[str, Any]]:
        """Parties of stored events: name, country and sector, with how many events they act in."""
        clause, params = (("WHERE coalesce(a.name, a.text) ILIKE ? ESCAPE '\\'", [contains_pattern(name)]) if name
                          else ("", []))
        return self._rows(
            "SELECT coalesce(a.name, a.text) AS name, a.country, a.sector, count(DISTINCT a.event_id) AS events,"
            " sum(CASE WHEN a.side = 'actor' THEN 1 ELSE 0 END) AS as_actor,"
            f" sum(CASE WHEN a.side = 'recipient' THEN 1 ELSE 0 END) AS as_recipient FROM actors a {clause}"
            " GROUP BY coalesce(a.name, a.text), a.country, a.sector"
            " ORDER BY events DESC, name, a.country NULLS LAST, a.sector NULLS LAST LIMIT ? OFFSET ?",
            [*params, limit, offset])

    def places(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return self._rows("SELECT name, country, lat, lon, events FROM places"
                          " ORDER BY events DESC, name, country NULLS LAST LIMIT ? OFFSET ?", [limit, offset])

    def correct(self, event_id: str, changes: dict[str, Any], note: str | None = None) -> dict[str, Any] | None:
        """Apply an analyst's corrections to one event, keeping the old values in `corrections`.
        Returns the corrected event, or None when there is no such event."""
        unknown = set(changes) - set(CORRECTABLE)
        if unknown:
            raise StoreError(f"cannot correct {', '.join(sorted(unknown))} (only {', '.join(CORRECTABLE)})")
        current = self.event(event_id)
        if current is None:
            return None
        changes = self._with_codes(current, changes)
        record = {k: v for k, v in current.items()
                  if k not in ("document_id", "happening_id", "retracted", "sources", "corrections")}
        with self.db.transaction():
            for field, value in changes.items():
                old = current.get(field)
                if field == "retracted":
                    self.db.execute("UPDATE events SET retracted = ? WHERE id = ?", [bool(value), event_id])
                else:
                    record[field] = value
                    column_value = _day(value) if field == "date" else value
                    self.db.execute(f"UPDATE events SET {field} = ? WHERE id = ?", [column_value, event_id])
                self.db.execute("INSERT INTO corrections (event_id, field, old_value, new_value, note)"
                                " VALUES (?, ?, ?, ?, ?)", [event_id, field, _text(old), _text(value), note])
            self.db.execute("UPDATE events SET record = ? WHERE id = ?", [to_json(record).decode("utf-8"), event_id])
        return self.event(event_id)

    def _with_codes(self, current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        """The changes checked against the ontology, with what follows from a new type or mode: a
        mode the new type lacks is cleared, and the CAMEO code and quad class are the new ones."""
        self._check_correction(changes)
        changes = dict(changes)
        event = changes.get("event", current["event"])
        if "event" in changes and "mode" not in changes and not ontology().has_mode(event, current.get("mode")):
            changes["mode"] = None
        mode = changes.get("mode", current.get("mode"))
        if not ontology().has_mode(event, mode):
            modes = ", ".join(ontology().modes[event]) or "none"
            raise StoreError(f"{mode!r} is not a mode of {event} (its modes: {modes})")
        if "event" in changes or "mode" in changes:
            derived = {"cameo": ontology().cameo_code(event, mode), "quad": ontology().quad[event]}
            changes |= {k: v for k, v in derived.items() if v != current.get(k)}
        return changes

    @staticmethod
    def _check_correction(changes: dict[str, Any]) -> None:
        if "event" in changes and changes["event"] not in EVENT_TYPES:
            raise StoreError(f"unknown event type {changes['event']!r}")
        if changes.get("mode") is not None and not isinstance(changes["mode"], str):
            raise StoreError(f"a mode is a name, not {changes['mode']!r}")
        if changes.get("aux") not in (None, *AUX_VALUES - {"none"}):
            raise StoreError(f"unknown aux mode {changes['aux']!r}")
        if changes.get("date") is not None and _day(changes["date"]) is None:
            raise StoreError(f"dates are YYYY-MM-DD, not {changes['date']!r}")

    def corrections(self, event_id: str) -> list[dict[str, Any]]:
        return self._rows("SELECT field, old_value, new_value, note, corrected_at FROM corrections"
                          " WHERE event_id = ? ORDER BY corrected_at", [event_id])

    def learned_roles(self) -> list[dict[str, Any]]:
        """People whose country and role a document's own words gave (titles, appositions), with
        the document, its date and the words before the name, for `dateline kb learn`."""
        return self._rows(
            "SELECT e.text AS name, e.country, e.sector, e.role, d.id AS document_id,"
            " coalesce(d.url, d.path) AS source, d.published, substr(d.text, greatest(e.start_char - 100, 0) + 1,"
            " e.end_char - greatest(e.start_char - 100, 0)) AS context"
            " FROM entities e JOIN documents d ON d.id = e.document_id"
            " WHERE e.label = 'PERSON' AND e.country IS NOT NULL AND e.role IS NOT NULL"
            " ORDER BY d.published NULLS LAST, d.id, e.start_char", [])

    def counts(self) -> dict[str, int]:
        return {table: self.db.execute(f"SELECT count(*) FROM {table}")[0][0]
                for table in ("documents", "entities", "events")}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Bulk loads create hundreds of thousands of short-lived rows; CPython's cycle collector
    would walk every live object again and again (a third of the load time). None of these
    objects form cycles, so the collector waits until the batch is stored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
