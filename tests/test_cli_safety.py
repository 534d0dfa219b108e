"""The command line against hostile or mistaken use: no file overwritten without --force and never
the database, one error line instead of a traceback, control characters kept off the terminal."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from typer.testing import CliRunner

from dateline import cli
from dateline.cli import app
from dateline.store import Store

from .conftest import EXAMPLE

runner = CliRunner()


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A database holding the bundled example (copied per test that may write near it)."""
    db = tmp_path_factory.mktemp("cli") / "t.duckdb"
    assert runner.invoke(app, ["ingest", str(EXAMPLE), "--db", str(db), "--quiet"]).exit_code == 0
    return db


@pytest.fixture
def db(stored, tmp_path):
    copy = tmp_path / "dateline.duckdb"
    shutil.copy(stored, copy)
    return copy


def _one_error_line(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dateline: error: "), result.stderr
    assert all(word in lines[0] for word in words), lines[0]


def test_export_never_replaces_the_database(db):
    before = db.read_bytes()
    for args in (["-f", "csv"], ["-f", "csv", "--force"]):
        result = runner.invoke(app, ["export", str(db), "--db", str(db), *args])
        _one_error_line(result, "is the database")
    assert db.read_bytes() == before


def test_export_replaces_an_existing_file_only_with_force(db, tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("keep me\n")
    _one_error_line(runner.invoke(app, ["export", str(target), "--db", str(db), "-f", "csv"]), "--force")
    assert target.read_text() == "keep me\n"
    assert runner.invoke(app, ["export", str(target), "--db", str(db), "-f", "csv", "--force"]).exit_code == 0
    assert target.read_text().startswith("id,date,event")


def test_export_into_a_missing_folder_is_one_error_line(db, tmp_path):
    _one_error_line(runner.invoke(app, ["export", str(tmp_path / "nowhere" / "e.csv"), "--db", str(db)]),
                    "no such folder")


@pytest.mark.parametrize(("args", "word"), [(["--limit", "-1"], "--limit"), (["--offset", "-3"], "--offset"),
                                            (["--limit", "0"], "--limit")])
def test_bad_pages_are_one_error_line(db, args, word):
    _one_error_line(runner.invoke(app, ["events", "--db", str(db), *args]), word)


def test_happenings_limit_is_checked(db):
    _one_error_line(runner.invoke(app, ["happenings", "--db", str(db), "--limit", "-1"]), "--limit")


def test_serve_with_a_missing_token_file_is_one_error_line(db, tmp_path):
    missing = tmp_path / "no-token"
    _one_error_line(runner.invoke(app, ["serve", "--db", str(db), "--token-file", str(missing)]),
                    str(missing), "cannot read the token file")


ESCAPES = "\x1b]0;owned\x07\x1b[2J\u202e"


def test_names_with_terminal_escapes_are_echoed_inert(tmp_path):
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"story{ESCAPES}.txt", "")
    named = tmp_path / f"file{ESCAPES}.txt"
    named.write_text("")
    result = runner.invoke(app, ["extract", str(archive), str(named), "--quiet"])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all("empty input" in line for line in lines)
    assert not any(ch in result.stderr for ch in "\x1b\x07\u202e")
    assert "story\\x1b]0;owned\\x07\\x1b[2J\\u202e.txt" in lines[0]


def test_running_out_of_memory_is_one_error_line(monkeypatch, capsys):
    def exhausted() -> None:
        raise MemoryError

    monkeypatch.setattr(cli, "app", exhausted)
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "dateline: error: dateline: out of memory (split the input, or give the process more memory)"]


@pytest.fixture
def kb_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_KB_DIR", str(tmp_path / "kb"))
    return tmp_path / "kb"


PERSON = ["kb", "add", "--name", "Anna Beispiel", "--country", "DEU", "--role", "Minister of the Interior",
          "--start", "2021-12-08", "--source", "https://example.org/cabinet"]


def test_kb_add_writes_into_the_kb_folder_and_refuses_bad_entries(kb_dir):
    assert runner.invoke(app, PERSON).exit_code == 0
    assert [p["id"] for p in json.loads((kb_dir / "people_added.json").read_text())["people"]] == ["anna-beispiel"]
    _one_error_line(runner.invoke(app, PERSON), "already in the knowledge base as 'anna-beispiel'")
    unknown = [*PERSON[:5], "ZZZ", *PERSON[6:]]
    unknown[3] = "Otto Beispiel"
    _one_error_line(runner.invoke(app, unknown), "ZZZ", "ISO alpha-3 code of a country")
    backwards = [*PERSON, "--end", "2020-01-01"]
    backwards[3] = "Karl Beispiel"
    _one_error_line(runner.invoke(app, backwards), "the end is before the start")
    _one_error_line(runner.invoke(app, [*PERSON[:3], "Sergey Lavrov", *PERSON[4:]]), "'sergey-lavrov'")
    assert len(json.loads((kb_dir / "people_added.json").read_text())["people"]) == 1


def test_kb_files_are_not_written_into_an_installed_package(monkeypatch, tmp_path):
    import dateline.kb.people as people_module

    monkeypatch.delenv("DATELINE_KB_DIR", raising=False)
    installed = tmp_path / "lib" / "python3.11" / "site-packages" / "dateline" / "kb" / "data"
    monkeypatch.setattr(people_module, "_data_file", lambda name: installed / name)
    _one_error_line(runner.invoke(app, PERSON), "inside the installed package", "DATELINE_KB_DIR")
    assert not installed.exists()


def test_extract_json_of_several_records_is_one_json_document(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("PARIS, 3 March 2025 (AFP) - The French foreign minister met his German counterpart in Paris.")
    several = runner.invoke(app, ["extract", str(EXAMPLE), str(other), "--quiet"])
    records = json.loads(several.stdout)
    assert several.exit_code == 0 and isinstance(records, list) and len(records) == 2
    assert [r["document"]["source"]["path"] for r in records] == [str(EXAMPLE), str(other)]
    one = json.loads(runner.invoke(app, ["extract", str(other), "--quiet"]).stdout)
    assert isinstance(one, dict) and one["document"]["source"]["path"] == str(other)


def test_country_names_are_codes_and_unknown_ones_an_error(db):
    def ids(*args: str) -> list[str]:
        result = runner.invoke(app, ["events", "--db", str(db), "-f", "json", *args])
        assert result.exit_code == 0, result.output
        return [row["id"] for row in json.loads(result.stdout)]

    by_code = ids("--country", "RUS")
    assert by_code and ids("--country", "russia") == by_code == ids("--country", "rus") == ids("--country", "Russie")
    _one_error_line(runner.invoke(app, ["events", "--db", str(db), "--country", "narnia"]), "'narnia'",
                    "neither an ISO alpha-3")


def test_urls_in_capitals_are_urls(tmp_path):
    result = runner.invoke(app, ["ingest", "HTTP://EXAMPLE.ORG/story", "--db", str(tmp_path / "t.duckdb"), "--quiet"])
    assert "no such file" not in result.stderr and result.exit_code == 1


def test_an_empty_document_is_not_stored(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["ingest", str(page), "--db", str(db), "--quiet"])
    assert result.exit_code == 1 and "no text left after cleaning (not stored)" in result.stderr
    with Store(db) as store:
        assert store.counts()["documents"] == 0


def test_the_progress_shows_a_count_not_a_missing_total():
    formats = [getattr(column, "text_format", "") for column in cli._progress(False).columns]
    assert "{task.completed}" in formats and not any("total" in f for f in formats)


def test_kb_search_puts_the_exact_country_first():
    result = runner.invoke(app, ["kb", "search", "France"], env={"COLUMNS": "200"})
    rows = [line for line in result.stdout.splitlines() if line.startswith("│")]
    assert rows[0].split("│")[1].strip() == "country" and "FRA" in rows[0]
