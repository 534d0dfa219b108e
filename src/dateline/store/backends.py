"""The two engines behind `Store`: embedded DuckDB (the default, one file) and PostgreSQL (the
multi-user server). Each owns its connection, transactions, bulk loading, schema and the few SQL
spellings that differ; the queries in `Store` and `EventFilter` are written once against these.

Hand-written rather than an ORM: the store's queries lean on arrays, JSON and lateral unnesting,
which SQLAlchemy spells per engine anyway, and DuckDB's NumPy bulk path has no ORM equivalent."""

from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class StoreError(Exception):
    pass


class Backend(ABC):
    """One database connection and its dialect. Statements use `?` placeholders."""

    name: str
    base_version: int  # the schema version its DDL creates
    ddl: str
    migrations: dict[int, list[str]]
    row_order: str  # a column that grows with insertion order
    errors: tuple[type[Exception], ...]  # the driver's own exceptions

    def __init__(self) -> None:
        # FastAPI answers requests from a thread pool; one connection is used by one thread at a time.
        self.lock = threading.RLock()

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]: ...

    @abstractmethod
    def transaction(self) -> Any: ...

    @abstractmethod
    def insert_columns(self, table: str, columns: dict[str, list[Any]]) -> None:
        """Insert rows given column by column (equal lengths, at least one row)."""

    @abstractmethod
    def close(self) -> None: ...

    # SQL spellings
    @abstractmethod
    def contains(self, array: str) -> str:
        """True when the array column holds the parameter."""

    @abstractmethod
    def in_parameter(self, column: str) -> str:
        """True when the column's value is in the list parameter."""

    @abstractmethod
    def any_ilike(self, array: str) -> str:
        """True when an element of the array matches the ILIKE pattern parameter."""

    @abstractmethod
    def overlaps(self, left: str, right: str) -> str: ...

    @abstractmethod
    def length(self, array: str) -> str: ...

    @abstractmethod
    def day_distance(self, left: str, right: str) -> str: ...

    @abstractmethod
    def month(self, column: str) -> str: ...

    def json_value(self, value: Any) -> Any:
        """A JSON column's value as Python data (DuckDB returns text, psycopg parsed JSON)."""
        import json

        return json.loads(value) if isinstance(value, str | bytes) else value


# ---------------------------------------------------------------------------------------------- DuckDB

DUCKDB_DDL = """
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

_EVIDENCE_TYPE = '[{"start": "INTEGER", "end": "INTEGER", "text": "VARCHAR"}]'
_PARTY_TYPE = ('[{"text": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR",'
               ' "role": "VARCHAR", "kb_id": "VARCHAR"}]')


def _duckdb_parties(side: str) -> str:
    return (f"SELECT e.id AS event_id, e.document_id, '{side}' AS side, p.party.text AS text, p.party.name AS name,"
            " p.party.country AS country, p.party.sector AS sector, p.party.role AS role, p.party.kb_id AS kb_id"
            f" FROM events e, unnest(from_json(json_extract(e.record, '$.{side}'), '{_PARTY_TYPE}')) AS p(party)")


# Views shared by both engines (plain SQL) and views each spells its own way (JSON unnesting).
COMMON_VIEWS = [
    "CREATE OR REPLACE VIEW stories AS SELECT story_id AS id, count(*) AS documents, min(published) AS first_published,"
    " max(published) AS last_published, min(ingested_at) AS first_seen, max(ingested_at) AS last_seen"
    " FROM documents GROUP BY story_id",
    "CREATE OR REPLACE VIEW event_sources AS SELECT e.happening_id, e.id AS event_id, e.document_id, d.url,"
    " d.agency, d.story_id, d.published, d.ingested_at FROM events e JOIN documents d ON d.id = e.document_id",
    "CREATE OR REPLACE VIEW places AS SELECT location AS name, location_country AS country,"
    " min(location_lat) AS lat, min(location_lon) AS lon, count(*) AS events FROM events"
    " WHERE location IS NOT NULL GROUP BY location, location_country",
]
CORRECTIONS = ("CREATE TABLE IF NOT EXISTS corrections (event_id VARCHAR, field VARCHAR, old_value VARCHAR,"
               " new_value VARCHAR, note VARCHAR, corrected_at TIMESTAMP DEFAULT current_timestamp)")

DUCKDB_MIGRATIONS: dict[int, list[str]] = {
    2: [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS location_lat DOUBLE",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS location_lon DOUBLE",
        "UPDATE events SET location_lat = TRY_CAST(json_extract(record, '$.location.lat') AS DOUBLE),"
        " location_lon = TRY_CAST(json_extract(record, '$.location.lon') AS DOUBLE)",
    ],
    3: [
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS story_id VARCHAR",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS minhash BLOB",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS happening_id VARCHAR",
        "UPDATE documents SET story_id = id WHERE story_id IS NULL",
        "UPDATE events SET happening_id = id WHERE happening_id IS NULL",
    ],
    4: [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS retracted BOOLEAN DEFAULT FALSE",
        "UPDATE events SET retracted = FALSE WHERE retracted IS NULL",
        CORRECTIONS,
        *COMMON_VIEWS,
        "CREATE OR REPLACE VIEW evidence AS SELECT e.id AS event_id, e.document_id, x.i AS position,"
        ' x.span.start AS start_char, x.span."end" AS end_char, x.span.text AS text FROM events e,'
        f" unnest(from_json(e.evidence, '{_EVIDENCE_TYPE}')) WITH ORDINALITY AS x(span, i)",
        f"CREATE OR REPLACE VIEW actors AS {_duckdb_parties('actor')} UNION ALL {_duckdb_parties('recipient')}",
    ],
}


class DuckDBBackend(Backend):
    name = "duckdb"
    base_version = 1
    ddl = DUCKDB_DDL
    migrations = DUCKDB_MIGRATIONS
    row_order = "rowid"

    def __init__(self, path: str) -> None:
        import duckdb

        super().__init__()
        self.errors = (duckdb.Error,)
        self._readers = threading.local()
        self._reader_connections: list[Any] = []
        self._readers_lock = threading.Lock()
        try:
            self.con = duckdb.connect(path)
        except duckdb.Error as err:
            held = re.search(r"Conflicting lock is held in (.*?) \(PID (\d+)\)", str(err))
            if held:
                raise StoreError(f"{path}: cannot open database: process {held.group(2)} ({held.group(1)}) has it "
                                 "open, and a DuckDB file is used by one process at a time (a running "
                                 "`dateline serve` included); stop it, or store in PostgreSQL for several "
                                 "users") from None
            raise StoreError(f"{path}: cannot open database ({err})") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        reader = self._reader(sql)
        if reader is not None:
            cursor = reader.execute(sql, list(params))
            return cursor.fetchall() if cursor.description else []
        with self.lock:
            cursor = self.con.execute(sql, list(params))
            return cursor.fetchall() if cursor.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        reader = self._reader(sql)
        if reader is not None:
            cursor = reader.execute(sql, list(params))
            return [c[0] for c in cursor.description], cursor.fetchall()
        with self.lock:
            cursor = self.con.execute(sql, list(params))
            return [c[0] for c in cursor.description], cursor.fetchall()

    def _reader(self, sql: str) -> Any:
        """A connection of this thread's own for a SELECT outside a transaction, so that the API's
        reads run side by side (DuckDB connections of one database, one per thread) instead of
        one at a time behind the lock; None for writes and for reads inside this thread's
        transaction, which must see its uncommitted rows."""
        if not sql.lstrip()[:6].upper().startswith(("SELECT", "WITH")) or getattr(self._readers, "writing", False):
            return None
        reader = getattr(self._readers, "connection", None)
        if reader is None:
            # Not under self.lock, which a writer may hold for a whole transaction; DuckDB's own
            # pattern for threads is a cursor made in each thread.
            with self._readers_lock:
                reader = self._readers.connection = self.con.cursor()
                self._reader_connections.append(reader)
        return reader

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock:
            outer = getattr(self._readers, "writing", False)
            self._readers.writing = True
            try:
                self.con.execute("BEGIN TRANSACTION")
                try:
                    yield
                except BaseException:
                    self.con.execute("ROLLBACK")
                    raise
                self.con.execute("COMMIT")
            finally:
                self._readers.writing = outer

    def insert_columns(self, table: str, columns: dict[str, list[Any]]) -> None:
        import numpy as np

        # NumPy object arrays rather than Arrow: DuckDB reads them as fast, and building an Arrow
        # array from Python lists imports pandas (a third of a second, more than a batch takes).
        # fromiter, not np.array: a column of equal-length lists must stay one list a row.
        arrays = {name: np.fromiter(values, dtype=object, count=len(values)) for name, values in columns.items()}
        with self.lock:
            self.con.register("batch_rows", arrays)
            try:
                self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM batch_rows")
            finally:
                self.con.unregister("batch_rows")

    def close(self) -> None:
        with self._readers_lock:
            for reader in self._reader_connections:
                reader.close()
            self._reader_connections.clear()
        self.con.close()

    def contains(self, array: str) -> str:
        return f"list_contains({array}, ?)"

    def in_parameter(self, column: str) -> str:
        return f"list_contains(?, {column})"

    def any_ilike(self, array: str) -> str:
        return f"len(list_filter({array}, lambda x: x ILIKE ? ESCAPE '\\')) > 0"

    def overlaps(self, left: str, right: str) -> str:
        return f"list_has_any({left}, {right})"

    def length(self, array: str) -> str:
        return f"len({array})"

    def day_distance(self, left: str, right: str) -> str:
        return f"abs(date_diff('day', {left}, {right}))"

    def month(self, column: str) -> str:
        return f"strftime({column}, '%Y-%m')"


# ------------------------------------------------------------------------------------------ PostgreSQL

# PostgreSQL databases start at schema 3 (the shape DuckDB files reached through migrations 2 and 3).
POSTGRES_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, path TEXT, url TEXT, title TEXT, section TEXT, language TEXT, agency TEXT,
    published DATE, published_basis TEXT, text TEXT, record JSONB,
    ingested_at TIMESTAMP DEFAULT current_timestamp, story_id TEXT, minhash BYTEA
);
CREATE TABLE IF NOT EXISTS entities (
    document_id TEXT, id TEXT, text TEXT, label TEXT, start_char INTEGER, end_char INTEGER,
    country TEXT, sector TEXT, role TEXT, geonameid BIGINT, PRIMARY KEY (document_id, id)
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, seq BIGINT GENERATED ALWAYS AS IDENTITY, document_id TEXT, event TEXT, mode TEXT,
    aux TEXT, actor_countries TEXT[], recipient_countries TEXT[], actor_names TEXT[], recipient_names TEXT[],
    date DATE, date_basis TEXT, location TEXT, location_country TEXT, cameo TEXT, quad INTEGER,
    confidence DOUBLE PRECISION, evidence JSONB, record JSONB, location_lat DOUBLE PRECISION,
    location_lon DOUBLE PRECISION, happening_id TEXT
);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_document ON events (document_id);
CREATE INDEX IF NOT EXISTS events_happening ON events (happening_id);
CREATE INDEX IF NOT EXISTS events_match ON events (event, date);
"""


def _postgres_parties(side: str) -> str:
    return (f"SELECT e.id AS event_id, e.document_id, '{side}' AS side, p->>'text' AS text, p->>'name' AS name,"
            " p->>'country' AS country, p->>'sector' AS sector, p->>'role' AS role, p->>'kb_id' AS kb_id"
            f" FROM events e, jsonb_array_elements(e.record->'{side}') AS p")


POSTGRES_MIGRATIONS: dict[int, list[str]] = {
    4: [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS retracted BOOLEAN DEFAULT FALSE",
        CORRECTIONS,
        *COMMON_VIEWS,
        "CREATE OR REPLACE VIEW evidence AS SELECT e.id AS event_id, e.document_id, x.i AS position,"
        " (x.span->>'start')::integer AS start_char, (x.span->>'end')::integer AS end_char,"
        " x.span->>'text' AS text FROM events e, jsonb_array_elements(e.evidence) WITH ORDINALITY AS x(span, i)",
        f"CREATE OR REPLACE VIEW actors AS {_postgres_parties('actor')} UNION ALL {_postgres_parties('recipient')}",
    ],
}


class PostgresBackend(Backend):
    name = "postgres"
    base_version = 3
    ddl = POSTGRES_DDL
    migrations = POSTGRES_MIGRATIONS
    row_order = "seq"

    def __init__(self, url: str) -> None:
        import psycopg

        super().__init__()
        self.errors = (psycopg.Error,)
        try:
            self.con = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(f"{redacted(url)}: cannot connect ({str(err).strip().splitlines()[0]})") from None
        self._in_transaction = False

    @staticmethod
    def _sql(sql: str, params: Sequence[Any]) -> str:
        # psycopg's placeholder is %s, so with parameters a literal % is written %%.
        return sql.replace("%", "%%").replace("?", "%s") if params else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.lock, self.con.cursor() as cursor:
            cursor.execute(self._sql(sql, params), list(params) or None)
            return cursor.fetchall() if cursor.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        with self.lock, self.con.cursor() as cursor:
            cursor.execute(self._sql(sql, params), list(params) or None)
            return [c.name for c in cursor.description], cursor.fetchall()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock, self.con.transaction():
            yield

    def insert_columns(self, table: str, columns: dict[str, list[Any]]) -> None:
        with self.lock, self.con.cursor() as cursor, \
                cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in zip(*columns.values(), strict=True):
                copy.write_row(row)

    def close(self) -> None:
        self.con.close()

    def contains(self, array: str) -> str:
        return f"? = ANY({array})"

    def in_parameter(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def any_ilike(self, array: str) -> str:
        return f"EXISTS (SELECT 1 FROM unnest({array}) AS n(x) WHERE n.x ILIKE ? ESCAPE '\\')"

    def overlaps(self, left: str, right: str) -> str:
        return f"{left} && {right}"

    def length(self, array: str) -> str:
        return f"cardinality({array})"

    def day_distance(self, left: str, right: str) -> str:
        return f"abs({left} - {right})"

    def month(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM')"


def redacted(url: str) -> str:
    """The URL without its password, for error messages."""
    import re

    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def connect(target: str) -> Backend:
    """A PostgreSQL URL opens the server's database; anything else is a DuckDB file."""
    if target.startswith(POSTGRES_SCHEMES):
        return PostgresBackend(target)
    return DuckDBBackend(target)
