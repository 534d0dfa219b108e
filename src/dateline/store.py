"""The embedded store (DuckDB): documents, entities and events, one transaction per document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from dateline.record import Record

SCHEMA_VERSION = 1
DEFAULT_DB = "dateline.duckdb"

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


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path)
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: cannot open database ({err})") from None
        self._migrate()

    def _migrate(self) -> None:
        self.con.execute(DDL)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {row[0]} is newer than this dateline "
                             f"({SCHEMA_VERSION}); upgrade dateline")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, document_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is not None

    def add(self, record: Record) -> bool:
        """Store one record atomically; False if the document was already stored."""
        doc = record.document
        if self.has(doc.id):
            return False
        data = record.to_json_dict()
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(
                "INSERT INTO documents (id, path, url, title, section, language, agency, published,"
                " published_basis, text, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc.id, doc.source.path, doc.source.url, doc.title, doc.section, doc.language,
                 doc.agency, doc.published if doc.published and len(doc.published) == 10 else None,
                 doc.published_basis, doc.text, json.dumps(data, ensure_ascii=False)])
            for entity in record.entities:
                actor, place = entity.actor, entity.place
                self.con.execute(
                    "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [doc.id, entity.id, entity.text, entity.label, entity.start, entity.end,
                     actor.country if actor else (place.country if place else None),
                     actor.sector if actor else None, actor.role if actor else None,
                     place.geonameid if place else None])
            for event, raw in zip(record.events, data["events"], strict=True):
                self.con.execute(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [event.id, doc.id, event.event, event.mode, event.aux,
                     [a.country for a in event.actor if a.country],
                     [a.country for a in event.recipient if a.country],
                     [a.name or a.text for a in event.actor],
                     [a.name or a.text for a in event.recipient],
                     event.date if event.date and len(event.date) == 10 else None,
                     event.date_basis, event.location.name if event.location else None,
                     event.location.country if event.location else None, event.cameo,
                     event.quad, event.confidence,
                     json.dumps(raw["evidence"], ensure_ascii=False),
                     json.dumps(raw, ensure_ascii=False)])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return True

    def events(self, limit: int = 1000) -> list[dict[str, Any]]:
        cursor = self.con.execute(
            "SELECT e.date, e.event, e.mode, e.aux, e.actor_countries, e.recipient_countries,"
            " e.location, e.confidence, e.evidence, d.title FROM events e"
            " JOIN documents d ON d.id = e.document_id ORDER BY e.date NULLS LAST, e.id LIMIT ?",
            [limit])
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "entities", "events")}
