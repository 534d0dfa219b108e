"""`--workers`: several processes give the same bytes, in the same order, as one."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.cli import app
from dateline.sources import InputError, SourceDocument
from dateline.store import Store
from dateline.workers import extract_in_order

from .conftest import EXAMPLE, VARIANTS

runner = CliRunner()


def _inputs(tmp_path) -> list[str]:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    stories = sorted(VARIANTS.glob("*.txt"))[:4]
    # A bad item in the middle: its error line must keep its place among the others' lines.
    return [str(stories[0]), str(stories[1]), str(empty), str(tmp_path / "missing.txt"), str(stories[2]),
            str(EXAMPLE), str(stories[3])]


def test_two_workers_print_the_same_bytes_in_the_same_order_as_one(tmp_path):
    inputs = _inputs(tmp_path)
    one = runner.invoke(app, ["extract", *inputs, "--format", "jsonl", "--quiet", "--workers", "1"])
    two = runner.invoke(app, ["extract", *inputs, "--format", "jsonl", "--quiet", "--workers", "2"])
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    paths = [json.loads(line)["document"]["source"]["path"] for line in two.stdout.splitlines()]
    assert paths == [inputs[0], inputs[1], inputs[4], inputs[5], inputs[6]]
    errors = two.stderr.splitlines()
    assert len(errors) == 2 and "empty.txt" in errors[0] and "missing.txt" in errors[1]


def test_ingest_with_two_workers_stores_what_one_worker_stores(tmp_path):
    inputs = _inputs(tmp_path)
    dbs = [tmp_path / "one.duckdb", tmp_path / "two.duckdb"]
    for db, workers in zip(dbs, ("1", "2"), strict=True):
        result = runner.invoke(app, ["ingest", *inputs, "--db", str(db), "--quiet", "--workers", workers])
        assert result.exit_code == 1
    rows = []
    for db in dbs:
        with Store(db) as store:
            rows.append(([store.counts()[k] for k in ("documents", "events")],
                         sorted((e["document_id"], e["event"], e["date"]) for e in store.events(1000))))
    assert rows[0] == rows[1] and rows[0][0][0] == 5


def test_a_document_that_fails_in_a_worker_is_one_outcome_and_the_rest_proceed(monkeypatch):
    good = SourceDocument(text="Le ministre a été reçu à Genève.", path="good.txt")
    bad = InputError("bad.txt", "no such file")
    # One worker runs in this process, so the failure can be injected.
    monkeypatch.setattr("dateline.pipeline.extract", lambda item, **_: (_ for _ in ()).throw(ValueError("boom")))
    outcomes = list(extract_in_order([good, bad], workers=1))
    assert outcomes[0][1].error == "extraction failed (ValueError: boom)" and outcomes[0][1].record is None
    assert outcomes[1] == (bad, None)


def test_the_default_is_one_worker_per_core_unless_configured(monkeypatch):
    from dateline.workers import default_workers

    monkeypatch.delenv("DATELINE_WORKERS", raising=False)
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1, 2})
    assert default_workers() == 3
    monkeypatch.setenv("DATELINE_WORKERS", "2")
    assert default_workers() == 2


def test_a_single_document_is_extracted_here_without_starting_workers(monkeypatch):
    def no_pool(_workers):
        raise AssertionError("a pool was started for one document")

    monkeypatch.setattr("dateline.workers._Pool", no_pool)
    good = SourceDocument(text="Le ministre a été reçu à Genève.", path="good.txt")
    [(item, outcome)] = list(extract_in_order([good], workers=2))
    assert item is good and outcome.record is not None
