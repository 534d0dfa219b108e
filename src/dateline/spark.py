"""`dateline spark`: the pure core (`pipeline.extract`) on Apache Spark, for archives one machine
cannot code in time. Needs the optional extra: `pip install 'dateline[spark]'` and a Java runtime.

- Inputs: files and folders of any kind `dateline extract` reads (text, HTML, JSON Lines, WARC,
  gzip, zip, feeds, `<doc>` corpora), read through Spark's `binaryFile` source (so `hdfs://` and
  `s3a://` paths work on a cluster) and opened by dateline's own readers in the executors; Parquet
  files (`*.parquet`, or folders of them) with the columns of a JSON Lines input (`text` or
  `html`, and `url`, `title`, `published`) are read by Spark itself.
- The documents are spread over the partitions, and each partition is coded by `mapInPandas`:
  the models are loaded once per Python worker (cached in the module, and Spark reuses its workers).
- Output under `--out`: `records/` and `events/`, Parquet partitioned by `date`, and `errors/`
  (one row per bad item, also printed as the one error line `dateline extract` prints).
- Near-duplicate documents become one story across partitions: the MinHash signature of
  `dateline.stories` (the store's), its LSH bands grouped as a Spark aggregation, and the groups
  joined transitively; an event's happening is the first event of the same type, mode, parties
  and day in its story or in another story (a coarser rule than the store's, which reads words).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

DOCUMENT_COLUMNS = ("item", "text", "html", "path", "url", "title", "published", "warnings", "error")
DOCUMENT_SCHEMA = ("item string, text string, html string, path string, url string, title string, "
                   "published string, warnings array<string>, error string")
CODED_SCHEMA = ("document_id string, item string, date string, language string, title string, url string, "
                "warnings array<string>, signature binary, record string, error string")
EVENT_SCHEMA = ("id string, document_id string, date string, event string, mode string, aux string, "
                "actor_countries array<string>, recipient_countries array<string>, confidence double, "
                "event_json string")
BANDS, ROWS = 10, 6  # datasketch's optimum for the store's threshold (0.6) and 64 permutations
MAX_ROUNDS = 20  # of min-label propagation; a story chain longer than this stays split


class SparkUnavailable(RuntimeError):
    """pyspark is not installed, or no Java runtime was found."""


def session(master: str | None, app_name: str = "dateline") -> SparkSession:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkUnavailable("pyspark is not installed (pip install 'dateline[spark]')") from exc
    if master is None or master.startswith("local"):
        # Local Python workers run this interpreter, which has dateline and its models.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true").config(
        "spark.ui.showConsoleProgress", "false")
    try:
        return builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - py4j raises a bare exception when Java is missing
        raise SparkUnavailable(f"cannot start Spark ({type(exc).__name__}: {exc})") from exc


# --- reading (runs in the executors) ------------------------------------------------------------

def _item_name(path: str) -> str:
    """How `dateline extract` names a local file (Spark says file:/abs/path)."""
    return path[len("file:"):] if path.startswith("file:") else path


def _document_row(doc: Any) -> dict[str, Any]:
    from dateline.sources import InputError

    if isinstance(doc, InputError):
        return {"item": doc.item, "error": doc.cause, "warnings": []}
    return {"item": doc.name, "text": doc.text, "html": doc.html, "path": doc.path, "url": doc.url,
            "title": doc.title, "published": doc.published, "warnings": list(doc.warnings), "error": None}


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=list(columns))


def read_files(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """binaryFile rows (path, content) -> the documents inside each file, or its error."""
    from dateline.sources.readers import FeedLink, read_bytes

    for batch in batches:
        rows = []
        for path, content in zip(batch["path"], batch["content"], strict=True):
            item = _item_name(path)
            for doc in read_bytes(item, bytes(content), path=item):
                if isinstance(doc, FeedLink):
                    rows.append({"item": doc.item, "error": "following feed links needs fetching", "warnings": []})
                else:
                    rows.append(_document_row(doc))
        yield _frame(rows, DOCUMENT_COLUMNS)


def read_parquet_rows(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Parquet rows with the columns of a JSON Lines input -> documents (as `dateline extract`
    reads the same rows written as JSON Lines)."""
    from dateline.sources.readers import _json_document

    for batch in batches:
        rows = []
        for n, row in enumerate(batch.to_dict("records")):
            obj = {k: v for k, v in row.items() if isinstance(v, str)}
            rows.append(_document_row(_json_document(str(row.get("_item") or f"parquet[{n}]"), obj)))
        yield _frame(rows, DOCUMENT_COLUMNS)


# --- coding (runs in the executors) -------------------------------------------------------------

def code_documents(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Documents -> their records (JSON), MinHash signatures and dates, or their error."""
    from dateline.sources import SourceDocument
    from dateline.stories import signature, to_bytes
    from dateline.workers import extract_one

    # The models load at a worker's first document of each language and stay (cached in
    # dateline.nlp, and Spark reuses its Python workers): once per worker, not per partition.
    for batch in batches:
        rows = []
        for row in batch.to_dict("records"):
            if row["error"] is not None:
                rows.append({"item": row["item"], "error": row["error"], "warnings": []})
                continue
            doc = SourceDocument(text=row["text"] or "", path=row["path"], url=row["url"], title=row["title"],
                                 published=row["published"], html=row["html"], item=row["item"],
                                 warnings=tuple(row["warnings"] if row["warnings"] is not None else ()))
            outcome = extract_one(doc)
            if outcome.record is None:
                rows.append({"item": doc.name, "error": outcome.error, "warnings": []})
                continue
            record = outcome.record
            rows.append({"document_id": record.document.id, "item": doc.name,
                         "date": (record.document.published or "")[:10] or None,
                         "language": record.document.language, "title": record.document.title,
                         "url": record.document.source.url, "warnings": list(record.document.warnings),
                         "signature": to_bytes(signature(record.document.text)),
                         "record": json.dumps(record.to_json_dict(), ensure_ascii=False), "error": None})
        yield _frame(rows, tuple(c.split()[0] for c in CODED_SCHEMA.split(", ")))


def flatten_events(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Records -> one row per event, dated by the event, else by its document."""
    columns = tuple(c.split()[0] for c in EVENT_SCHEMA.split(", "))
    for batch in batches:
        rows = []
        for document_id, date, record in zip(batch["document_id"], batch["date"], batch["record"], strict=True):
            for event in json.loads(record)["events"]:
                rows.append({"id": event["id"], "document_id": document_id, "date": event["date"] or date,
                             "event": event["event"], "mode": event["mode"], "aux": event["aux"],
                             "actor_countries": sorted({a["country"] for a in event["actor"] if a["country"]}),
                             "recipient_countries": sorted({a["country"] for a in event["recipient"]
                                                            if a["country"]}),
                             "confidence": event["confidence"],
                             "event_json": json.dumps(event, ensure_ascii=False)})
        yield _frame(rows, columns)


# --- stories (Spark aggregations) ---------------------------------------------------------------

def band_keys(signature: bytes) -> list[str]:
    """The LSH bands of a stored signature: two documents sharing one are candidate copies."""
    import numpy as np

    values = np.frombuffer(signature, dtype=np.uint64)
    return [f"{b}:{values[b * ROWS:(b + 1) * ROWS].tobytes().hex()}" for b in range(BANDS)]


def stories(coded: DataFrame) -> DataFrame:
    """(document_id, story_id): documents sharing an LSH band, transitively, are one story, named
    after its smallest document id."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, StringType

    bands = F.udf(band_keys, ArrayType(StringType()))
    docs = coded.select("document_id", "signature").dropDuplicates(["document_id"])
    buckets = docs.select("document_id", F.explode(bands("signature")).alias("band"))
    # Every document points at the smallest document of each bucket it is in (edges both ways).
    smallest = buckets.groupBy("band").agg(F.min("document_id").alias("root"))
    edges = buckets.join(smallest, "band").select("document_id", "root").where("document_id <> root")
    edges = edges.union(edges.select(F.col("root").alias("document_id"), F.col("document_id").alias("root")))
    labels = docs.select("document_id", F.col("document_id").alias("story_id"))
    for _ in range(MAX_ROUNDS):
        moved = (edges.join(labels.withColumnRenamed("document_id", "root"), "root")
                 .groupBy("document_id").agg(F.min("story_id").alias("neighbour")))
        updated = (labels.join(moved, "document_id", "left")
                   .select("document_id", F.least("story_id", F.coalesce("neighbour", "story_id")).alias("story_id"))
                   .localCheckpoint())
        changed = updated.join(labels.withColumnRenamed("story_id", "before"), "document_id").where(
            "story_id <> before").limit(1).count()
        labels = updated
        if not changed:
            break
    return labels


def happenings(events: DataFrame) -> DataFrame:
    """Each event's happening: the smallest event id of the same type, mode, aux, parties and day."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    key = ["event", "mode", "aux", "actor_countries", "recipient_countries", "date"]
    window = Window.partitionBy(*[F.coalesce(F.col(k).cast("string"), F.lit("-")) for k in key])
    same = F.min("id").over(window)
    return events.withColumn("happening_id", F.when(F.size("actor_countries") > 0, same).otherwise(F.col("id")))


# --- the job ------------------------------------------------------------------------------------

def _is_parquet(path: str) -> bool:
    local = Path(path)
    return path.endswith(".parquet") or (local.is_dir() and any(local.glob("*.parquet"))
                                         and not any(p for p in local.iterdir() if not p.name.endswith(
                                             (".parquet", ".crc")) and not p.name.startswith(("_", "."))))


def _local_problems(inputs: list[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """The inputs to give Spark, and an error row for each local one it cannot read: a missing
    path would fail the whole job, and Spark skips empty files without a word."""
    kept, problems = [], []
    for value in inputs:
        if "://" in value and not value.startswith("file://"):
            kept.append(value)  # hdfs://, s3a://: Spark's to list
            continue
        path = Path(value.removeprefix("file://"))
        if not path.exists():
            problems.append({"item": value, "error": "no such file", "warnings": []})
            continue
        files = [path] if path.is_file() else [
            p for p in sorted(path.rglob("*")) if p.is_file() and not any(
                part.startswith(".") for part in p.relative_to(path).parts)]
        if not files:
            problems.append({"item": value, "error": "directory holds no files", "warnings": []})
            continue
        problems += [{"item": str(p), "error": "empty input", "warnings": []} for p in files if not p.stat().st_size]
        if any(p.stat().st_size for p in files):
            kept.append(value)
    return kept, problems


def documents(spark: SparkSession, inputs: list[str]) -> DataFrame:
    inputs, problems = _local_problems(inputs)
    frames = [spark.createDataFrame(_frame(problems, DOCUMENT_COLUMNS), DOCUMENT_SCHEMA)] if problems else []
    files = [p for p in inputs if not _is_parquet(p)]
    tables = [p for p in inputs if _is_parquet(p)]
    if files:
        raw = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
               .option("pathGlobFilter", "[!.]*").load(files))
        frames.append(raw.select("path", "content").mapInPandas(read_files, DOCUMENT_SCHEMA))
    for table in tables:
        frames.append(spark.read.parquet(table).mapInPandas(read_parquet_rows, DOCUMENT_SCHEMA))
    if not frames:
        return spark.createDataFrame([], DOCUMENT_SCHEMA)
    result = frames[0]
    for frame in frames[1:]:
        result = result.unionByName(frame)
    return result


def run(inputs: list[str], out: str, master: str | None = None, partitions: int | None = None,
        spark: SparkSession | None = None) -> dict[str, Any]:
    """Code the inputs on Spark and write `records/`, `events/` and `errors/` under `out`.
    Returns the counts and the error rows (item, cause), in input order where Spark keeps one."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    spark = spark or session(master)
    docs = documents(spark, inputs)
    count = partitions or spark.sparkContext.defaultParallelism
    coded = docs.repartition(count).mapInPandas(code_documents, CODED_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK)
    errors = coded.where("error IS NOT NULL").select("item", "error")
    good = coded.where("error IS NULL")
    story_of = stories(good).persist(StorageLevel.MEMORY_AND_DISK)
    records = good.join(story_of, "document_id").drop("signature", "error")
    events = happenings(good.select("document_id", "date", "record").mapInPandas(flatten_events, EVENT_SCHEMA))
    events = events.join(story_of, "document_id")
    records.write.mode("overwrite").partitionBy("date").parquet(f"{out}/records")
    events.write.mode("overwrite").partitionBy("date").parquet(f"{out}/events")
    errors.write.mode("overwrite").parquet(f"{out}/errors")
    failed = [(row["item"], row["error"]) for row in errors.orderBy("item").collect()]
    summary = {"documents": good.count(), "events": events.count(), "failed": failed,
               "stories": story_of.select(F.countDistinct("story_id")).first()[0]}
    coded.unpersist()
    story_of.unpersist()
    return summary
