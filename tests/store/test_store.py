"""The store on both engines (DuckDB and PostgreSQL): filters, statistics, exports, stories and
happenings, corrections; DuckDB files: migration, damaged, newer and locked files."""

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


@pytest.fixture(params=["duckdb", "postgres"])
def target(request, tmp_path):
    """Where a test's store lives: a DuckDB file, or a fresh database on a PostgreSQL server."""
    return str(tmp_path / "t.duckdb") if request.param == "duckdb" else request.getfixturevalue("postgres_url")


@pytest.fixture
def store(target, records):
    with Store(target) as opened:
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
    assert {row["event"] for row in store.events(where=EventFilter(actor="Vahan"))} == {"CONSULT"}


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
        assert store.execute("SELECT value FROM meta WHERE key = 'schema_version'")[0][0] == str(SCHEMA_VERSION)
        assert store.execute("SELECT count(*) FROM events WHERE location_lat IS NOT NULL")[0][0] >= 1
        assert store.execute("SELECT count(*) FROM evidence")[0][0] >= len(records[0].events)


def test_newer_or_damaged_databases_are_refused(tmp_path):
    newer = tmp_path / "newer.duckdb"
    with Store(newer) as store:
        store.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
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
        with pytest.raises(StoreError, match=rf"cannot open database: process {holder.pid} .* one process at a time"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()


def test_bulk_loading_stores_the_records_as_they_are_and_skips_known_documents(target, records):
    with Store(target) as bulk:
        assert bulk.add_many(records) == 2
        assert bulk.add_many(records) == 0  # idempotent
        assert not bulk.add(records[0])
        expected = {e["id"]: e for r in records for e in r.to_json_dict()["events"]}
        stored = {}
        for event in bulk.records():
            assert event.pop("document_id") in {r.document.id for r in records}
            assert event.pop("happening_id") == event["id"]  # no other document reports it
            stored[event["id"]] = event
        assert stored == expected
        assert bulk.counts() == {"documents": 2, "entities": sum(len(r.entities) for r in records),
                                 "events": len(expected)}


def test_syndicated_copies_are_one_story_and_their_events_one_happening(target, tmp_path):
    body = STORY + ("\n\nLes manifestants dénonçaient la baisse du prix du lait payé aux producteurs et la hausse "
                    "des charges. Le cortège est parti de la place du Commerce vers la préfecture, où une délégation "
                    "a été reçue en fin de matinée. Les syndicats agricoles ont annoncé d'autres rassemblements dans "
                    "la région si le gouvernement ne répond pas d'ici la fin du mois.")
    copy_a = body + "\n\nLe mouvement appelle à une nouvelle journée d'action."
    copy_b = "PAR LA RÉDACTION\n\n" + body + "\n\nAvec l'AFP."
    other = MEETING
    copy_c = body + "\n\nMise à jour à 18h."
    records = [extract(SourceDocument(text=t), "fr") for t in (copy_a, copy_b, other, copy_c)]
    with Store(target) as store:
        store.add(records[0])
        store.add_many(records[1:])
        stories = dict(store.execute("SELECT id, story_id FROM documents"))
        assert stories[records[0].document.id] == stories[records[1].document.id]
        assert stories[records[2].document.id] != stories[records[0].document.id]
        protests = [h for h in store.happenings() if h["event"] == "PROTEST"]
        assert len(protests) == 1 and protests[0]["sources"] == 3 and protests[0]["mentions"] == 3
        # Every copy joins the happening's first event, not the copy before it.
        first = next(e["id"] for e in records[0].to_json_dict()["events"] if e["event"] == "PROTEST")
        assert protests[0]["happening_id"] == first
        consult = [h for h in store.happenings() if h["event"] == "CONSULT"]
        assert len(consult) == 1 and consult[0]["sources"] == 1
        # The GDELT-style table counts the happening once, with both articles and their mentions.
        export_events(store, tmp_path / "g.tsv", "gdelt", EventFilter(type="PROTEST"))
        header, *rows = (line.split("\t") for line in (tmp_path / "g.tsv").read_text().splitlines())
        assert len(rows) == 1
        fields = dict(zip(header, rows[0], strict=True))
        assert fields["NumArticles"] == "3" and int(fields["NumMentions"]) >= 3


def test_views_slice_the_text_and_name_the_parties(store, records):
    texts = {r.document.id: r.document.text for r in records}
    spans = store.execute("SELECT document_id, start_char, end_char, text FROM evidence")
    assert len(spans) == sum(len(e.evidence) for r in records for e in r.events)
    assert all(texts[doc][start:end] == text for doc, start, end, text in spans)
    parties = store.execute("SELECT side, country, sector FROM actors a JOIN events e ON e.id = a.event_id"
                            " WHERE e.event = 'CONSULT'")
    assert ("actor", "ARM", "GOV") in parties and ("recipient", "GEO", "GOV") in parties
    assert store.execute("SELECT count(*) FROM stories")[0][0] == 2
    assert ("Nantes", "FRA") in {(p["name"], p["country"]) for p in store.places()}
    assert {a["country"] for a in store.actors(name="Exemple")} == {"ARM", "GEO"}
    dyads = {(d["actor"], d["recipient"]): d for d in store.dyads()}
    assert dyads[("ARM", "GEO")] == {"actor": "ARM", "recipient": "GEO", "events": 1, "cooperative": 1,
                                     "conflictual": 0}
    police_on_crowd = dyads[("FRA", "FRA")]  # tear gas and arrests in Nantes
    assert police_on_crowd["conflictual"] == police_on_crowd["events"] >= 2


def test_corrections_are_applied_logged_and_retractions_hidden(store):
    protest = next(e for e in store.events() if e["event"] == "PROTEST")
    corrected = store.correct(protest["id"], {"mode": "demo", "date": "2024-03-11"}, note="the march was on Monday")
    assert corrected["mode"] == "demo" and corrected["date"] == "2024-03-11"
    assert store.events(where=EventFilter(since="2024-03-11", until="2024-03-11"))[0]["id"] == protest["id"]
    assert [(c["field"], c["old_value"], c["new_value"]) for c in corrected["corrections"]] == [
        ("mode", protest["mode"], "demo"), ("date", str(protest["date"]), "2024-03-11")]
    before = store.count_events()
    store.correct(protest["id"], {"retracted": True})
    assert store.count_events() == before - 1
    assert protest["id"] in {e["id"] for e in store.events(where=EventFilter(retracted=True))}
    with pytest.raises(StoreError, match="cannot correct"):
        store.correct(protest["id"], {"actor": []})
    with pytest.raises(StoreError, match="unknown event type"):
        store.correct(protest["id"], {"event": "RIOT"})
    assert store.correct("no-such-event", {"mode": "x"}) is None


def test_postgres_newer_schema_and_unreachable_server_are_clear_errors(postgres_url, tmp_path):
    with Store(postgres_url) as store:
        store.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        Store(postgres_url)
    nowhere = f"postgresql://someone:secret@/none?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="cannot connect") as raised:
        Store(nowhere)
    assert "secret" not in str(raised.value)


def test_roles_learned_from_titles_come_with_the_words_they_were_learned_from(store):
    learned = {(r["name"], r["country"], r["role"]): r for r in store.learned_roles()}
    vahan = learned[("Vahan Exemple", "ARM", "Minister of Foreign Affairs")]
    assert "ministre des Affaires étrangères de la République d'Arménie" in vahan["context"]
    assert str(vahan["published"]) == "2024-04-04"


def test_a_type_correction_updates_the_cameo_code_and_quad_class(store):
    protest = next(e for e in store.events() if e["event"] == "PROTEST")
    assert protest["quad"] == 4 and protest["cameo"].startswith("14")
    visit = store.correct(protest["id"], {"event": "CONSULT", "mode": "visit"})
    assert (visit["event"], visit["mode"], visit["cameo"], visit["quad"]) == ("CONSULT", "visit", "042", 1)
    plain = store.correct(protest["id"], {"event": "PROTEST", "mode": "riot"})
    assert (plain["cameo"], plain["quad"]) == ("145", 4)
    cleared = store.correct(protest["id"], {"event": "CONSULT"})  # riot is no mode of CONSULT
    assert (cleared["mode"], cleared["cameo"], cleared["quad"]) == (None, "040", 1)
    assert {"cameo", "quad", "mode"} <= {c["field"] for c in cleared["corrections"]}
    listed = next(e for e in store.events() if e["id"] == protest["id"])
    assert (listed["cameo"], listed["quad"]) == ("040", 1)


@pytest.mark.parametrize("mode", ["<script>alert(1)</script>", "visit", "demo "])
def test_a_mode_must_be_one_of_the_type(store, mode):
    protest = next(e for e in store.events() if e["event"] == "PROTEST")
    with pytest.raises(StoreError, match="is not a mode of PROTEST"):
        store.correct(protest["id"], {"mode": mode})
    assert store.event(protest["id"])["mode"] == protest["mode"]


@pytest.mark.parametrize("pattern", ["%", "_", "%%", "a_b", "\\"])
def test_like_wildcards_in_filters_are_plain_characters(store, pattern):
    assert store.events(where=EventFilter(text=pattern)) == []
    assert store.events(where=EventFilter(actor=pattern)) == []
    assert store.events(where=EventFilter(recipient=pattern)) == []
    assert store.actors(name=pattern) == []


def test_text_filters_still_find_fragments(store):
    every = store.events()
    word = every[0]["evidence"][0]["text"].split()[-1][:4]
    assert every[0]["id"] in {e["id"] for e in store.events(where=EventFilter(text=word))}
    name = next(a["name"] for a in store.actors() if a["name"])
    assert store.actors(name=name[1:4])


def test_duckdb_reads_from_other_threads_run_beside_a_transaction(tmp_path, records):
    import subprocess
    import sys
    import threading

    path = tmp_path / "threads.duckdb"
    store = Store(path)
    store.add(records[0])
    seen: dict[str, int] = {}
    inside = threading.Event()
    done = threading.Event()

    def count(label: str) -> None:
        seen[label] = store.execute("SELECT count(*) FROM documents")[0][0]

    def writer() -> None:
        with store.db.transaction():
            store.execute("INSERT INTO meta (key, value) VALUES ('probe', 'x')")
            store.execute("DELETE FROM documents")
            count("writer, inside its transaction")
            inside.set()
            done.wait(30)

    thread = threading.Thread(target=writer)
    thread.start()
    assert inside.wait(10)
    reader = threading.Thread(target=count, args=("reader, during it",))
    reader.start()
    reader.join(10)
    assert not reader.is_alive()  # the read did not wait for the lock
    done.set()
    thread.join(10)
    count("after")
    assert seen == {"writer, inside its transaction": 0, "reader, during it": 1, "after": 0}
    store.close()
    opened = subprocess.run([sys.executable, "-c", "import duckdb, sys; duckdb.connect(sys.argv[1]).close()",
                             str(path)], capture_output=True, text=True)
    assert opened.returncode == 0, opened.stderr  # every thread's connection was closed with the store


def test_a_batch_stores_what_the_same_documents_stored_one_by_one_do(tmp_path, records):
    """Stories (a copy within the batch included), happenings and each stored record alike."""
    original = records[0]
    copy = original.model_copy(update={"document": original.document.model_copy(update={"id": "copy"}),
                                       "events": [e.model_copy(update={"id": f"copy-{e.id}"}) for e in original.events]})
    batch = [*records, copy]
    tables = []
    for name, load in (("batch", lambda s: s.add_many(batch)), ("single", lambda s: [s.add(r) for r in batch])):
        with Store(tmp_path / f"{name}.duckdb") as store:
            load(store)
            tables.append([store.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id"),
                           store.execute("SELECT * FROM events ORDER BY id"),
                           store.execute("SELECT * FROM entities ORDER BY document_id, id")])
            assert store.document("copy") == copy.model_dump(mode="json", by_alias=True)
            assert json.loads(store.execute("SELECT record FROM events LIMIT 1")[0][0]) in [
                e.model_dump(mode="json") for r in batch for e in r.events]
    assert tables[0] == tables[1]
    stories = {row[0]: row[-2] for row in tables[0][0]}
    assert stories["copy"] == stories[records[0].document.id]
