"""Ingest killed with SIGKILL mid-batch: no partial document, and a rerun finishes the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import duckdb
import pytest

from .conftest import VARIANTS

DATELINE = [sys.executable, "-m", "dateline"]


def _count(db: str, sql: str) -> int:
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as con:
            return con.execute(sql).fetchone()[0]
    con = duckdb.connect(db, read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(params=["duckdb", "postgres"])
def db(request, tmp_path) -> str:
    return str(tmp_path / "t.duckdb") if request.param == "duckdb" else request.getfixturevalue("postgres_url")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_mid_batch_then_rerun(tmp_path, db):
    inputs = tmp_path / "in"
    inputs.mkdir()
    stories = sorted(VARIANTS.glob("*.txt"))
    for n in range(3):  # 24 distinct documents: the same stories with a distinct last line
        for story in stories:
            (inputs / f"{n}-{story.name}").write_text(story.read_text("utf-8") + f"\n\nCopie {n}.\n", "utf-8")
    process = subprocess.Popen([*DATELINE, "ingest", str(inputs), "--db", db, "--quiet", "--verbose"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stored_lines = 0
    assert process.stderr is not None
    for line in process.stderr:  # kill as soon as three documents are reported stored
        stored_lines += line.startswith("dateline: stored:")
        if stored_lines >= 3:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL  # it was killed mid-batch, not finished
    killed_at = _count(db, "SELECT count(*) FROM documents")
    assert 3 <= killed_at < len(stories) * 3
    # Every stored document is whole: its events are there (a document and its events share a transaction).
    orphans = _count(db, "SELECT count(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents)")
    assert orphans == 0
    rerun = subprocess.run([*DATELINE, "ingest", str(inputs), "--db", db, "--quiet"], capture_output=True,
                           text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert _count(db, "SELECT count(*) FROM documents") == len(stories) * 3
    assert _count(db, "SELECT count(DISTINCT id) FROM events") == _count(db, "SELECT count(*) FROM events")
