"""The embedded store (DuckDB): documents, entities and events, one transaction per document."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from pydantic_core import to_json

from dateline.record import Record
from dateline.stories import StoryIndex, from_bytes, signature, to_bytes

SCHEMA_VERSION = 3
DEFAULT_DB = "dateline.duckdb"
EVENT_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
AUX_VALUES = frozenset({"historical", "future", "hypothetical", "negation", "none"})

# Schema changes, applied in order to a database at an older version, each in one transaction.
MIGRATIONS: dict[int, list[str]] = {
    3: [
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS story_id VARCHAR",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS minhash BLOB",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS happening_id VARCHAR",
        "UPDATE documents SET story_id = id WHERE story_id IS NULL",
        "UPDATE events SET happening_id = id WHERE happening_id IS NULL",
    ],
    2: [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS location_lat DOUBLE",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS location_lon DOUBLE",
        "UPDATE events SET location_lat = TRY_CAST(json_extract(record, '$.location.lat') AS DOUBLE),"
        " location_lon = TRY_CAST(json_extract(record, '$.location.lon') AS DOUBLE)",
    ],
}

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, path VARCHAR, url VARCHAR, title VARCHAR, section VARCHAR,
    language VARCHAR, agency VARCHAR, published DATE, published_basis VARCHAR,
    text VARCHAR, record JSON, ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS entities (
    document_id VARCHAR, id VARCHAR, text VARCHAR, label VARCHAR, start_char INTEGER,
    end_char INTEGER, country VARCHAR, sector VARCHAR, role VARCHAR, geonameid BIGINT,
    PRIMARY KEY (document_id, id)
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, document_id VARCHAR, event VARCHAR, mode VARCHAR, aux VARCHAR,
    actor_countries VARCHAR[], recipient_countries VARCHAR[], actor_names VARCHAR[],
    recipient_names VARCHAR[], date DATE, date_basis VARCHAR, location VARCHAR,
    location_country VARCHAR, cameo VARCHAR, quad INTEGER, confidence DOUBLE,
    evidence JSON, record JSON
);
"""


class StoreError(Exception):
    pass


# One happening reported by several documents: same type, same actor and recipient countries,
# dates within a day, same place (or none), and for statements and diplomatic acts at least one
# actor name in common (two ministers' accusations on one day are two events); the earliest
# stored event names the happening.
MERGE_EVENTS = """
UPDATE events AS e SET happening_id = m.hid FROM (
    SELECT n.id, min(o.happening_id) AS hid FROM events n JOIN events o
      ON o.event = n.event AND o.actor_countries = n.actor_countries
     AND o.recipient_countries = n.recipient_countries AND o.document_id <> n.document_id
     AND coalesce(o.location, '') = coalesce(n.location, '') AND o.rowid < n.rowid
     AND abs(date_diff('day', o.date, n.date)) <= 1
     AND (n.event IN ('PROTEST', 'ASSAULT', 'COERCE', 'MOBILIZE') OR list_has_any(o.actor_names, n.actor_names))
    WHERE list_contains(?, n.document_id) AND len(n.actor_countries) > 0
    GROUP BY n.id) AS m
WHERE e.id = m.id
"""


def _document_rows(records: list[Record]) -> list[dict[str, Any]]:
    # pydantic's own JSON encoder (Rust) rather than model_dump + json.dumps: bulk loads spend
    # most of their time here.
    return [{"id": r.document.id, "path": r.document.source.path, "url": r.document.source.url,
             "title": r.document.title, "section": r.document.section, "language": r.document.language,
             "agency": r.document.agency,
             "published": dt.date.fromisoformat(r.document.published)
             if r.document.published and len(r.document.published) == 10 else None,
             "published_basis": r.document.published_basis, "text": r.document.text,
             "record": r.model_dump_json(by_alias=True)} for r in records]


def _entity_rows(records: list[Record]) -> list[dict[str, Any]]:
    return [{"document_id": r.document.id, "id": e.id, "text": e.text, "label": e.label, "start_char": e.start,
             "end_char": e.end,
             "country": e.actor.country if e.actor else (e.place.country if e.place else None),
             "sector": e.actor.sector if e.actor else None, "role": e.actor.role if e.actor else None,
             "geonameid": e.place.geonameid if e.place else None}
            for r in records for e in r.entities]


def _event_rows(records: list[Record]) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        for event in record.events:
            rows.append({
                "id": event.id, "document_id": record.document.id, "event": event.event, "mode": event.mode,
                "aux": event.aux, "actor_countries": [a.country for a in event.actor if a.country],
                "recipient_countries": [a.country for a in event.recipient if a.country],
                "actor_names": [a.name or a.text for a in event.actor],
                "recipient_names": [a.name or a.text for a in event.recipient],
                "date": dt.date.fromisoformat(event.date) if event.date and len(event.date) == 10 else None,
                "date_basis": event.date_basis, "location": event.location.name if event.location else None,
                "location_country": event.location.country if event.location else None, "cameo": event.cameo,
                "quad": event.quad, "confidence": event.confidence,
                "evidence": to_json(event.evidence).decode("utf-8"),
                "record": event.model_dump_json(),
                "location_lat": event.location.lat if event.location else None,
                "location_lon": event.location.lon if event.location else None,
                "happening_id": event.id,
            })
    return rows


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

    def sql(self) -> tuple[str, list[Any]]:
        clauses, params = ["TRUE"], []
        if self.type is not None:
            if self.type.upper() not in EVENT_TYPES:
                raise StoreError(f"unknown event type {self.type!r}")
            clauses.append("e.event = ?")
            params.append(self.type.upper())
        if self.aux is not None:
            if self.aux not in AUX_VALUES:
                raise StoreError(f"unknown aux mode {self.aux!r} (choose from {', '.join(sorted(AUX_VALUES))})")
            clauses.append("e.aux IS NULL" if self.aux == "none" else "e.aux = ?")
            params += [] if self.aux == "none" else [self.aux]
        for value, countries, names in ((self.actor, "e.actor_countries", "e.actor_names"),
                                        (self.recipient, "e.recipient_countries", "e.recipient_names")):
            if value is not None:
                clauses.append(f"(list_contains({countries}, ?) OR len(list_filter({names}, x -> x ILIKE ?)) > 0)")
                params += [value.upper(), f"%{value}%"]
        if self.country is not None:
            clauses.append("(list_contains(e.actor_countries, ?) OR list_contains(e.recipient_countries, ?))")
            params += [self.country.upper()] * 2
        for value, column in ((self.mode, "e.mode"), (self.document, "e.document_id")):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        for value, op in ((self.since, ">="), (self.until, "<=")):
            if value is not None:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise StoreError(f"dates are YYYY-MM-DD, not {value!r}") from None
                clauses.append(f"e.date {op} CAST(? AS DATE)")
                params.append(value)
        if self.text:
            clauses.append("CAST(e.evidence AS VARCHAR) ILIKE ?")
            params.append(f"%{self.text}%")
        if self.near is not None:
            lat, lon, km = self.near
            clauses.append("e.location_lat IS NOT NULL AND 6371 * 2 * asin(sqrt("
                           "pow(sin(radians(e.location_lat - ?) / 2), 2)"
                           " + cos(radians(?)) * cos(radians(e.location_lat))"
                           " * pow(sin(radians(e.location_lon - ?) / 2), 2))) <= ?")
            params += [lat, lat, lon, km]
        return " AND ".join(clauses), params


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path)
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: cannot open database ({err})") from None
        self._migrate()
        self._stories: StoryIndex | None = None

    def stories(self) -> StoryIndex:
        """The near-duplicate index of the stored documents, built on first use."""
        if self._stories is None:
            self._stories = StoryIndex()
            for document_id, story_id, minhash in self.con.execute(
                    "SELECT id, story_id, minhash FROM documents WHERE minhash IS NOT NULL").fetchall():
                self._stories.add(document_id, from_bytes(minhash), story_id or document_id)
        return self._stories

    def _story(self, record: Record) -> tuple[str, bytes]:
        minhash = signature(record.document.text)
        index = self.stories()
        story = index.story_for(record.document.id, minhash)
        index.add(record.document.id, minhash, story)
        return story, to_bytes(minhash)

    def _migrate(self) -> None:
        try:
            self.con.execute(DDL)
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: not a dateline database or damaged ({err})") from None
        if row is None:
            version = 1
            self.con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        else:
            version = int(row[0])
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this dateline "
                             f"({SCHEMA_VERSION}); upgrade dateline")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            try:
                for statement in MIGRATIONS[target]:
                    self.con.execute(statement)
                self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])
                self.con.execute("COMMIT")
            except duckdb.Error as err:
                self.con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration to schema {target} failed ({err})") from None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, document_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is not None

    def add_many(self, records: list[Record]) -> int:
        """Store a batch of records in one transaction (bulk loading, through Arrow tables);
        documents already stored are skipped. Returns how many were stored."""
        import pyarrow as pa

        known = {row[0] for row in self.con.execute(
            "SELECT id FROM documents WHERE list_contains(?, id)", [[r.document.id for r in records]]).fetchall()}
        fresh = list({r.document.id: r for r in records if r.document.id not in known}.values())
        if not fresh:
            return 0
        documents = _document_rows(fresh)
        for row, record in zip(documents, fresh, strict=True):
            row["story_id"], row["minhash"] = self._story(record)
        tables = (("documents", documents), ("entities", _entity_rows(fresh)), ("events", _event_rows(fresh)))
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in tables:
                if rows:
                    self.con.register("batch_rows", pa.Table.from_pylist(rows))
                    try:
                        self.con.execute(f"INSERT INTO {table} ({', '.join(rows[0])}) SELECT * FROM batch_rows")
                    finally:
                        self.con.unregister("batch_rows")
            self.con.execute(MERGE_EVENTS, [[r.document.id for r in fresh]])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(fresh)

    def add(self, record: Record) -> bool:
        """Store one record atomically; False if the document was already stored."""
        return self.add_many([record]) == 1

    def events(self, limit: int = 1000, where: EventFilter | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Stored events matching the filter, oldest first."""
        sql, params = (where or EventFilter()).sql()
        cursor = self.con.execute(
            "SELECT e.id, e.date, e.event, e.mode, e.aux, e.actor_countries, e.recipient_countries,"
            " e.actor_names, e.recipient_names, e.location, e.location_country, e.location_lat, e.location_lon,"
            " e.cameo, e.quad, e.confidence, e.evidence, e.document_id, d.title, d.url FROM events e"
            f" JOIN documents d ON d.id = e.document_id WHERE {sql}"
            " ORDER BY e.date NULLS LAST, e.id LIMIT ? OFFSET ?", [*params, limit, offset])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def records(self, where: EventFilter | None = None) -> list[dict[str, Any]]:
        """The full stored event records (the contract's `events[]` items) matching the filter."""
        sql, params = (where or EventFilter()).sql()
        rows = self.con.execute(f"SELECT e.record, e.document_id FROM events e WHERE {sql}"
                                " ORDER BY e.date NULLS LAST, e.id", params).fetchall()
        return [{**json.loads(record), "document_id": document_id} for record, document_id in rows]

    def stats(self, by: str, where: EventFilter | None = None) -> list[tuple[Any, int]]:
        """Event counts per day, month, type, mode or actor country."""
        keys = {"day": "e.date", "month": "strftime(e.date, '%Y-%m')", "type": "e.event", "mode": "e.mode",
                "actor": "unnest(e.actor_countries)", "recipient": "unnest(e.recipient_countries)"}
        if by not in keys:
            raise StoreError(f"unknown grouping {by!r} (choose from {', '.join(keys)})")
        sql, params = (where or EventFilter()).sql()
        return self.con.execute(f"SELECT key, count(*) AS n FROM (SELECT {keys[by]} AS key FROM events e"
                                f" WHERE {sql}) GROUP BY key ORDER BY n DESC, key NULLS LAST", params).fetchall()

    def happenings(self, where: EventFilter | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        """One row per happening: its first event, how many mentions and sources report it, and
        when it was first and last seen."""
        sql, params = (where or EventFilter()).sql()
        cursor = self.con.execute(
            "SELECT e.happening_id, any_value(e.event) AS event, min(e.date) AS date,"
            " any_value(e.actor_countries) AS actor_countries, any_value(e.recipient_countries) AS recipient_countries,"
            " any_value(e.location) AS location, count(*) AS mentions, count(DISTINCT e.document_id) AS sources,"
            " count(DISTINCT d.story_id) AS stories, min(d.ingested_at) AS first_seen, max(d.ingested_at) AS last_seen"
            f" FROM events e JOIN documents d ON d.id = e.document_id WHERE {sql}"
            " GROUP BY e.happening_id ORDER BY sources DESC, date NULLS LAST, e.happening_id LIMIT ?", [*params, limit])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "entities", "events")}
