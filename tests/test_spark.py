"""`dateline spark` on local[2]: the same events as `dateline extract` on the same documents, errors
named as extract names them, and near-copies grouped into one story across partitions."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from dateline.pipeline import extract
from dateline.sources import SourceDocument
from dateline.sources.inputs import iter_inputs

from .conftest import EXAMPLE, VARIANTS


def _spark_or_skip():
    """Outside CI a machine without pyspark or Java skips; CI (.ci/run) must run this test."""
    reason = None
    try:
        import pyspark  # noqa: F401
    except ImportError:
        reason = "pyspark is not installed (pip install -e '.[test]')"
    if reason is None and not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        reason = "no Java runtime (Debian: apt-get install default-jre-headless)"
    if reason:
        if os.environ.get("DATELINE_REQUIRE_SPARK"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory):
    _spark_or_skip()
    from dateline.spark import run, session

    folder = tmp_path_factory.mktemp("in")
    stories = sorted(VARIANTS.glob("*-fr-*.txt"))[:3]
    for story in [*stories, EXAMPLE]:
        shutil.copy(story, folder / story.name)
    # An updated copy of the first story: another document, the same story.
    text = stories[0].read_text("utf-8")
    (folder / "update.txt").write_text(text.replace("\n\n", "\n\nMise à jour : précisions ajoutées.\n\n", 1), "utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "lines.jsonl").write_text(json.dumps({"text": stories[1].read_text("utf-8").replace("a ", "a donc ", 1),
                                                    "url": "https://example.org/a"}) + "\n", "utf-8")
    out = tmp_path_factory.mktemp("out")
    spark = session("local[2]")
    try:
        summary = run([str(folder), str(folder / "missing.txt")], str(out), partitions=2, spark=spark)
    finally:
        spark.stop()
    return folder, out, summary


def _read(folder) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(str(folder)).to_pylist()


def test_spark_events_equal_extract_events(spark_run):
    folder, out, summary = spark_run
    expected = {}
    for item in iter_inputs([folder]):
        if isinstance(item, SourceDocument):
            record = extract(item).to_json_dict()
            expected[record["document"]["id"]] = record["events"]
    got: dict[str, list] = {doc: [] for doc in expected}
    for row in _read(out / "events"):
        got.setdefault(row["document_id"], []).append(json.loads(row["event_json"]))
    assert len(expected) == 6 and sum(map(len, expected.values())) > 10
    for events in got.values():
        events.sort(key=lambda e: e["id"])
    assert got == {doc: sorted(events, key=lambda e: e["id"]) for doc, events in expected.items()}
    assert summary["documents"] == 6 and summary["events"] == sum(map(len, expected.values()))


def test_records_are_partitioned_by_date_and_bad_items_are_errors(spark_run):
    _folder, out, summary = spark_run
    assert any(p.name.startswith("date=") for p in (out / "records").iterdir())
    assert any(p.name.startswith("date=") for p in (out / "events").iterdir())
    causes = {item.rsplit("/", 1)[-1]: cause for item, cause in summary["failed"]}
    assert causes == {"empty.txt": "empty input", "missing.txt": "no such file"}
    records = _read(out / "records")
    assert len(records) == 6 and all(json.loads(r["record"])["document"]["id"] == r["document_id"] for r in records)


def test_a_near_copy_joins_its_story_across_partitions(spark_run):
    _folder, out, summary = spark_run
    by_item = {r["item"].rsplit("/", 1)[-1]: r["story_id"] for r in _read(out / "records")}
    first, second = (p.name for p in sorted(VARIANTS.glob("*-fr-*.txt"))[:2])
    assert by_item["update.txt"] == by_item[first]
    assert by_item["lines.jsonl:1"] == by_item[second]  # one word changed, in another container
    assert len(set(by_item.values())) == summary["stories"] == 4
