"""The command line: bad inputs, idempotent ingest, schema, events table."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store

from .conftest import EXAMPLE

runner = CliRunner()


def test_schema_command_prints_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["properties"]["events"]["type"] == "array"


def test_extract_jsonl(tmp_path):
    result = runner.invoke(app, ["extract", str(EXAMPLE), "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["schema"] == "dateline.record/1"


def test_bad_inputs_each_get_one_error_line_and_the_rest_proceed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.bin"
    binary.write_bytes(b"\x00\x01\x02PNG\x00")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le ministre a été reçu à Genève.".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["ingest", str(empty), str(binary), str(EXAMPLE), str(latin),
                                 str(missing), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("dateline: error:")]
    assert len(errors) == 3
    for path, cause in ((empty, "empty"), (binary, "binary"), (missing, "no such file")):
        assert any(str(path) in line and cause in line for line in errors)
    # A Latin-1 file is not an error: it is decoded, stored, and named in one warning line.
    warnings = [line for line in result.stderr.splitlines() if line.startswith("dateline: warning:")]
    assert any(str(latin) in line and "not UTF-8" in line for line in warnings)
    with Store(db) as store:
        assert store.counts()["documents"] == 2


def test_ingest_twice_stores_once(tmp_path):
    db = tmp_path / "t.duckdb"
    for _ in range(2):
        assert runner.invoke(app, ["ingest", str(EXAMPLE), "--db", str(db), "--quiet"]).exit_code == 0
    with Store(db) as store:
        counts = store.counts()
    assert counts["documents"] == 1 and counts["events"] >= 5
    table = runner.invoke(app, ["events", "--db", str(db)], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "CONSULT" in table.stdout


def test_failed_document_leaves_nothing_half_written(tmp_path, example_record):
    db = tmp_path / "t.duckdb"
    broken = example_record.model_copy(deep=True)
    broken.events.append(broken.events[0])  # duplicate event id -> primary-key violation
    with Store(db) as store:
        with contextlib.suppress(Exception):  # the insert is expected to fail
            store.add(broken)
        assert store.counts() == {"documents": 0, "entities": 0, "events": 0}


def test_mixed_batch_of_containers_and_an_unsupported_language(tmp_path):
    pages = Path(__file__).parent / "data" / "pages"
    (tmp_path / "feed.xml").write_bytes((pages / "feed-atom.xml").read_bytes())
    (tmp_path / "page.html").write_bytes((pages / "en-news-site.html").read_bytes())
    (tmp_path / "de.txt").write_text("BERLIN, 3. März (dpa) - Die Außenminister trafen sich am Freitag in Genf, "
                                     "um über den Streit um die Grenze zu sprechen.")
    (tmp_path / "broken.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>t</ti')
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "--quiet"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_language = {r["document"]["language"]: r for r in records}
    assert set(by_language) == {"de", "en", "fr"}
    german = by_language["de"]
    assert german["events"] == [] and any("no pipeline" in w for w in german["document"]["warnings"])
    assert by_language["en"]["document"]["site_name"] == "World Desk Daily"
    assert by_language["fr"]["document"]["source"]["url"] == "https://news.example.org/fr/2023/03/03/rome-madrid.html"
    errors = [line for line in result.stderr.splitlines() if line.startswith("dateline: error:")]
    assert len(errors) == 1 and "broken.xml" in errors[0]
    assert any("de.txt" in line and "no pipeline" in line for line in result.stderr.splitlines())
    assert result.exit_code == 1


def test_kb_search_show_and_add(tmp_path, monkeypatch):
    found = runner.invoke(app, ["kb", "search", "Sergueï Lavrov"], env={"COLUMNS": "200"})
    assert found.exit_code == 0 and "sergey-lavrov" in found.stdout and "RUS" in found.stdout
    shown = runner.invoke(app, ["kb", "show", "sergey-lavrov"])
    assert shown.exit_code == 0 and "Minister of Foreign Affairs" in shown.stdout
    assert runner.invoke(app, ["kb", "show", "nobody-at-all"]).exit_code == 2

    import dateline.kb.people as people_module

    monkeypatch.setattr(people_module, "_data_file", lambda name: tmp_path / name)
    added = runner.invoke(app, ["kb", "add", "--name", "Anna Beispiel", "--country", "DEU", "--role",
                                "Minister of the Interior", "--start", "2021-12-08", "--source",
                                "https://example.org/cabinet", "--alias", "A. Beispiel"])
    assert added.exit_code == 0
    data = json.loads((tmp_path / "people_added.json").read_text())
    assert data["people"][0]["id"] == "anna-beispiel" and data["people"][0]["aliases"] == ["A. Beispiel"]
    bad = runner.invoke(app, ["kb", "add", "--name", "X", "--country", "Germany", "--role", "R", "--start",
                              "2021-12-08", "--source", "s"])
    assert bad.exit_code == 2


def test_events_filters_stats_and_export_from_the_command_line(tmp_path):
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["ingest", str(EXAMPLE), "--db", str(db), "--quiet"]).exit_code == 0
    found = runner.invoke(app, ["events", "--db", str(db), "--type", "REQUEST", "--country", "RUS", "-f", "json"])
    rows = json.loads(found.stdout)
    assert found.exit_code == 0 and rows and all(r["event"] == "REQUEST" for r in rows)
    assert all("RUS" in r["actor_countries"] + r["recipient_countries"] for r in rows)
    csv_out = runner.invoke(app, ["events", "--db", str(db), "-f", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("id,date,event")
    stats = runner.invoke(app, ["stats", "--db", str(db), "--by", "type"], env={"COLUMNS": "120"})
    assert stats.exit_code == 0 and "CONSULT" in stats.stdout
    assert runner.invoke(app, ["events", "--db", str(db), "--type", "RIOT"]).exit_code == 2
    assert runner.invoke(app, ["events", "--db", str(db), "--near", "a,b"]).exit_code == 2
    exported = runner.invoke(app, ["export", str(tmp_path / "e.jsonl"), "--db", str(db)])
    assert exported.exit_code == 0 and (tmp_path / "e.jsonl").read_text().count("\n") == len(
        json.loads(runner.invoke(app, ["events", "--db", str(db), "-f", "json"]).stdout))


def test_happenings_command(tmp_path):
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["ingest", str(EXAMPLE), "--db", str(db), "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["happenings", "--db", str(db), "-f", "json"])
    rows = json.loads(result.stdout)
    assert result.exit_code == 0 and rows and all(r["sources"] == 1 and r["mentions"] >= 1 for r in rows)


def test_kb_learn_writes_the_roles_of_stored_documents(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("LIMA, 3 mars 2025 (AFP) - Le ministre des Affaires étrangères du Pérou, Rosa Ejemplar, a reçu "
                     "mardi son homologue chilien.", "utf-8")
    db = tmp_path / "learn.duckdb"
    for path in (story, EXAMPLE):
        assert runner.invoke(app, ["ingest", str(path), "--db", str(db), "--quiet"]).exit_code == 0
    target = tmp_path / "people_learned.json"
    result = runner.invoke(app, ["kb", "learn", "--db", str(db), "--output", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text("utf-8"))
    learned = {p["name"]: p["positions"][0] for p in data["people"]}
    assert learned["Rosa Ejemplar"]["country"] == "PER" and learned["Rosa Ejemplar"]["office"] == "learned"
    # The example's ministers are in the curated list already: nothing new to learn about them.
    assert not {"Ararat Mirzoyan", "Sergueï Lavrov"} & set(learned)
