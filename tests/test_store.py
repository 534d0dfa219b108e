"""The DuckDB store: filters, statistics, exports and schema migration."""

from __future__ import annotations

import json

import duckdb
import pytest

from dateline.exports import export_events
from dateline.pipeline import extract
from dateline.sources import SourceDocument
from dateline.store import SCHEMA_VERSION, EventFilter, Store, StoreError

STORY = ("NANTES, 12 mars 2024 (AFP) - Environ 3000 agriculteurs ont manifesté mardi à Nantes.\n\n"
         "La police a fait usage de gaz lacrymogène et douze personnes ont été interpellées.")
MEETING = ("ERAVAN, 4 avril 2024, ARMENPRESS: Le ministre des Affaires étrangères de la République d'Arménie, "
           "Vahan Exemple, a eu un entretien à Tbilissi avec le ministre des Affaires étrangères de la "
           "République de Géorgie, Ilia Exemple.")


@pytest.fixture(scope="module")
def records():
    return [extract(SourceDocument(text=STORY), "fr"), extract(SourceDocument(text=MEETING), "fr")]


@pytest.fixture
def store(tmp_path, records):
    with Store(tmp_path / "t.duckdb") as opened:
        for record in records:
            opened.add(record)
        yield opened


def test_filters(store):
    all_events = store.events()
    assert {row["event"] for row in all_events} >= {"PROTEST", "COERCE", "CONSULT"}
    assert {row["event"] for row in store.events(where=EventFilter(type="coerce"))} == {"COERCE"}
    assert {row["event"] for row in store.events(where=EventFilter(country="GEO"))} == {"CONSULT"}
    assert store.events(where=EventFilter(since="2024-03-13", until="2024-03-31")) == []
    assert store.events(where=EventFilter(text="lacrymogène"))[0]["event"] == "ASSAULT"
    nantes = (47.2184, -1.5536)
    near = store.events(where=EventFilter(near=(*nantes, 20.0)))
    assert near and all(row["location"] == "Nantes" for row in near)
    assert store.events(limit=1, offset=1)[0]["id"] == all_events[1]["id"]


@pytest.mark.parametrize("bad", [EventFilter(type="RIOT"), EventFilter(aux="maybe"), EventFilter(since="12/03/2024")])
def test_unknown_filter_values_are_clear_errors(store, bad):
    with pytest.raises(StoreError):
        store.events(where=bad)


def test_stats(store):
    by_type = dict(store.stats("type"))
    assert by_type["CONSULT"] == 1 and by_type["PROTEST"] == 1
    with pytest.raises(StoreError):
        store.stats("weather")


def test_exports(store, tmp_path):
    count = export_events(store, tmp_path / "e.jsonl", "plover-jsonl")
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert count == len(lines) == len(store.events())
    consult = next(line for line in lines if line["event"] == "CONSULT")
    # A visit: the visitor is the actor, the host the recipient.
    assert consult["actor"]["country"] == ["ARM"] and consult["recipient"]["country"] == ["GEO"]
    assert consult["evidence"]
    assert export_events(store, tmp_path / "e.parquet", "parquet", EventFilter(type="PROTEST")) == 1
    rows = duckdb.sql(f"SELECT event, location FROM '{tmp_path / 'e.parquet'}'").fetchall()
    assert rows == [("PROTEST", "Nantes")]
    export_events(store, tmp_path / "e.csv", "csv")
    assert (tmp_path / "e.csv").read_text().splitlines()[0].startswith("id,date,event")
    export_events(store, tmp_path / "e.tsv", "gdelt", EventFilter(type="CONSULT"))
    header, row = (line.split("\t") for line in (tmp_path / "e.tsv").read_text().splitlines())
    fields = dict(zip(header, row, strict=True))
    assert fields["EventRootCode"] == "04" and fields["QuadClass"] == "1" and float(fields["GoldsteinScale"]) > 0
    assert fields["Actor1CountryCode"] == "ARM" and fields["Actor2CountryCode"] == "GEO"
    assert fields["SQLDATE"] == "20240404"


def test_a_version_1_database_is_migrated(tmp_path, records):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.add(records[0])
    con = duckdb.connect(str(path))  # make it look like a version-1 file
    con.execute("ALTER TABLE events DROP COLUMN location_lat")
    con.execute("ALTER TABLE events DROP COLUMN location_lon")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] \
            == str(SCHEMA_VERSION)
        located = store.con.execute("SELECT count(*) FROM events WHERE location_lat IS NOT NULL").fetchone()[0]
        assert located >= 1


def test_newer_or_damaged_databases_are_refused(tmp_path):
    newer = tmp_path / "newer.duckdb"
    with Store(newer) as store:
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        Store(newer)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(junk)


def test_a_database_locked_by_another_process_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="cannot open"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()


def test_bulk_loading_stores_the_records_as_they_are_and_skips_known_documents(tmp_path, records):
    with Store(tmp_path / "bulk.duckdb") as bulk:
        assert bulk.add_many(records) == 2
        assert bulk.add_many(records) == 0  # idempotent
        assert not bulk.add(records[0])
        expected = {e["id"]: e for r in records for e in r.to_json_dict()["events"]}
        stored = {}
        for event in bulk.records():
            assert event.pop("document_id") in {r.document.id for r in records}
            stored[event["id"]] = event
        assert stored == expected
        assert bulk.counts() == {"documents": 2, "entities": sum(len(r.entities) for r in records),
                                 "events": len(expected)}


def test_syndicated_copies_are_one_story_and_their_events_one_happening(tmp_path):
    body = STORY + ("\n\nLes manifestants dénonçaient la baisse du prix du lait payé aux producteurs et la hausse "
                    "des charges. Le cortège est parti de la place du Commerce vers la préfecture, où une délégation "
                    "a été reçue en fin de matinée. Les syndicats agricoles ont annoncé d'autres rassemblements dans "
                    "la région si le gouvernement ne répond pas d'ici la fin du mois.")
    copy_a = body + "\n\nLe mouvement appelle à une nouvelle journée d'action."
    copy_b = "PAR LA RÉDACTION\n\n" + body + "\n\nAvec l'AFP."
    other = MEETING
    records = [extract(SourceDocument(text=t), "fr") for t in (copy_a, copy_b, other)]
    with Store(tmp_path / "s.duckdb") as store:
        store.add(records[0])
        store.add_many(records[1:])
        stories = dict(store.con.execute("SELECT id, story_id FROM documents").fetchall())
        assert stories[records[0].document.id] == stories[records[1].document.id]
        assert stories[records[2].document.id] != stories[records[0].document.id]
        protests = [h for h in store.happenings() if h["event"] == "PROTEST"]
        assert len(protests) == 1 and protests[0]["sources"] == 2 and protests[0]["mentions"] == 2
        consult = [h for h in store.happenings() if h["event"] == "CONSULT"]
        assert len(consult) == 1 and consult[0]["sources"] == 1
