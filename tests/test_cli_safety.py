"""The command line against hostile or mistaken use: no file overwritten without --force and never
the database, one error line instead of a traceback, control characters kept off the terminal."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from dateline.cli import app

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
