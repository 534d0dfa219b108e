"""Command line: `dateline extract | schema | ingest | watch | spark | events | eval`."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dateline.textutil import printable

if TYPE_CHECKING:
    from dateline.sources.fetch import Fetcher
    from dateline.store import Store

# The store, the pipeline, the fetcher and their libraries (DuckDB, spaCy, datasketch, httpx) are
# imported by the commands that use them, so that `dateline --help` does not load them.
DEFAULT_DB = "dateline.duckdb"  # dateline.store.DEFAULT_DB

app = typer.Typer(help="dateline: sourced PLOVER events from French and English news reports.",
                  no_args_is_help=True, add_completion=False)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

Inputs = Annotated[list[str], typer.Argument(
    help="Files, folders (recursive), archives (.gz, .zip, WARC), feeds, JSON Lines, http(s) URLs, or - for stdin.",
    show_default=False)]
AllowPrivate = Annotated[bool, typer.Option("--allow-private",
                                            help="Fetch URLs on private, loopback or link-local addresses.")]
Follow = Annotated[bool, typer.Option("--follow", help="Fetch the page of each feed entry instead of its summary.")]
Delay = Annotated[float, typer.Option("--delay", help="Seconds between two requests to the same host.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
Db = Annotated[str, typer.Option("--db", envvar="DATELINE_DB",
                                 help="DuckDB database file, or a postgresql:// URL.")]
Workers = Annotated[int | None, typer.Option(
    "--workers", "-j", envvar="DATELINE_WORKERS", min=1, show_default=False,
    help="Processes extracting documents in parallel (default: the machine's cores); output order is input order.")]


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"


def redacted(db: str) -> str:
    from dateline.store.backends import redacted

    return redacted(db)


def is_url(db: str) -> bool:
    from dateline.store import is_url

    return is_url(db)


def report_error(item: str, cause: str) -> None:
    err.print(printable(f"dateline: error: {item}: {cause}"), markup=False)


def report_warning(item: str, cause: str) -> None:
    err.print(printable(f"dateline: warning: {item}: {cause}"), markup=False)

NoDetector = Annotated[bool, typer.Option("--no-detector", help="Code with the rules alone, without the learned "
                                                                "detector's second opinion.")]


def _add_row(table: Table, *cells: object) -> None:
    """A table row whose cells (stored evidence, names, places) cannot act on the terminal."""
    table.add_row(*(printable(cell) if isinstance(cell, str) else cell for cell in cells))  # type: ignore[arg-type]


def _workers(given: int | None) -> int:
    from dateline.workers import default_workers

    return given if given is not None else default_workers()


def _table_console() -> Console:
    console = Console(highlight=False)  # created when printing, so that it sees the terminal width
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(highlight=False, width=160)  # piped output: no 80-column squeeze
    return console


def _progress(quiet: bool) -> Progress:
    # The number of documents is unknown until the inputs are read (archives, feeds): a count, no total.
    return Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}"),
                    TimeElapsedColumn(), console=err, disable=quiet, transient=True)


def _fetcher(allow_private: bool, delay: float) -> Fetcher:
    from dateline.sources.fetch import Fetcher, FetchOptions

    return Fetcher(FetchOptions(allow_private=allow_private, delay=delay))


def _records(inputs: list[str], quiet: bool, fetcher: Fetcher, follow: bool,
             workers: int = 1, detector: bool = True):  # noqa: ANN202 - generator
    """Each document's record, or one error line for a bad item; the batch goes on. With several
    workers the documents are extracted in parallel and still come back in input order."""
    from dateline.sources import InputError
    from dateline.sources.inputs import iter_inputs
    from dateline.workers import extract_in_order

    with _progress(quiet) as progress:
        task = progress.add_task("extracting", total=None)
        for item, outcome in extract_in_order(iter_inputs(inputs, fetcher=fetcher, follow=follow), workers,
                                                  detector):
            progress.advance(task)
            if isinstance(item, InputError):
                report_error(item.item, item.cause)
                yield item, None
                continue
            if outcome.record is None:
                report_error(item.name, outcome.error or "extraction failed")
                yield item, None
                continue
            for warning in outcome.record.document.warnings:
                report_warning(item.name, warning)
            yield item, outcome.record
    fetcher.close()


@app.command("extract")
def extract_command(inputs: Inputs, format: Annotated[Format, typer.Option("--format", "-f")] = Format.json,
                    quiet: Quiet = False, allow_private: AllowPrivate = False, follow: Follow = False,
                    delay: Delay = 1.0, workers: Workers = None, no_detector: NoDetector = False) -> None:
    """Print the records: one JSON document (the record, or an array of the records when the
    inputs hold several), or one line per record with --format jsonl."""
    failed = False
    held: str | None = None  # the first record, printed alone if no other follows
    count = 0
    for _doc, record in _records(inputs, quiet, _fetcher(allow_private, delay), follow, _workers(workers),
                                 not no_detector):
        if record is None:
            failed = True
            continue
        data = record.to_json_dict()
        if format is Format.jsonl:
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
            continue
        text = json.dumps(data, ensure_ascii=False, indent=2)
        count += 1
        if count == 1:
            held = text
            continue
        sys.stdout.write(("[\n" + held + ",\n") if count == 2 else ",\n")
        sys.stdout.write(text)
    if format is Format.json and count == 1:
        sys.stdout.write(f"{held}\n")
    elif format is Format.json and count > 1:
        sys.stdout.write("\n]\n")
    raise typer.Exit(1 if failed else 0)


@app.command("schema")
def schema_command() -> None:
    """Print the record contract as a JSON Schema."""
    from dateline.record import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command("ingest")
def ingest_command(inputs: Inputs, db: Db = DEFAULT_DB, quiet: Quiet = False,
                   allow_private: AllowPrivate = False, follow: Follow = False, delay: Delay = 1.0,
                   verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                                         help="One line per document stored.")] = False,
                   workers: Workers = None, no_detector: NoDetector = False) -> None:
    """Extract each input and store it; a document already stored is not stored again."""
    from dateline.store import Store, StoreError

    failed = stored = skipped = 0
    try:
        store = Store(db)
    except StoreError as exc:
        report_error(redacted(db), str(exc).split(": ", 1)[-1])
        raise typer.Exit(2) from None
    with store:
        for doc, record in _records(inputs, quiet, _fetcher(allow_private, delay), follow, _workers(workers),
                                    not no_detector):
            if record is None:
                failed += 1
                continue
            if not record.document.text.strip():
                report_error(doc.name, "no text left after cleaning (not stored)")
                failed += 1
                continue
            try:
                added = store.add(record)
            except Exception as exc:  # noqa: BLE001 - one document that cannot be stored must not stop a batch
                report_error(doc.name, f"cannot store ({type(exc).__name__}: {exc})")
                failed += 1
                continue
            if added:
                stored += 1
                if verbose:
                    err.print(printable(f"dateline: stored: {doc.name}: {len(record.events)} events"), markup=False)
            else:
                skipped += 1
        counts = store.counts()
    if not quiet:
        err.print(f"stored {stored}, already present {skipped}, failed {failed}; "
                  f"database {redacted(db)}: {counts['documents']} documents, {counts['events']} events")
    raise typer.Exit(1 if failed else 0)


@app.command("watch")
def watch_command(
    sources: Annotated[list[str], typer.Argument(
        help="Feeds, folders, files or URLs to poll; @FILE reads a list of them, one a line.", show_default=False)],
    every: Annotated[str, typer.Option(help="Time between the starts of two rounds: 30s, 15m, 1h.")] = "15m",
    db: Db = DEFAULT_DB,
    max_items: Annotated[int, typer.Option(min=1, help="New documents per round at most.")] = 500,
    max_time: Annotated[str | None, typer.Option(help="Time per round at most (default: --every).")] = None,
    rounds: Annotated[int | None, typer.Option(min=1, help="Stop after this many rounds (default: never).")] = None,
    allow_private: AllowPrivate = False, follow: Follow = False, delay: Delay = 1.0, workers: Workers = None,
) -> None:
    """Poll the sources on a schedule and ingest each new item once (across restarts too); one
    status line per round; SIGTERM or Ctrl-C stops it between two documents."""
    from dateline.sources.inputs import iter_inputs
    from dateline.store import Store, StoreError
    from dateline.watch import Watcher, parse_duration, status_line
    from dateline.workers import extract_in_order

    try:
        interval = parse_duration(every)
        bound = parse_duration(max_time) if max_time else None
    except ValueError as exc:
        report_error("watch", str(exc))
        raise typer.Exit(2) from None
    try:
        store = Store(db)
    except StoreError as exc:
        report_error(redacted(db), str(exc).split(": ", 1)[-1])
        raise typer.Exit(2) from None
    fetcher = _fetcher(allow_private, delay)
    count = _workers(workers)
    with store:
        watcher = Watcher(
            store=store, sources=sources, every=interval, max_items=max_items, max_seconds=bound,
            read=lambda inputs: iter_inputs(inputs, fetcher=fetcher, follow=follow),
            extract=lambda items: extract_in_order(items, count), report_error=report_error,
            status=lambda result: err.print(status_line(result, store.counts(), redacted(db)), markup=False))
        watcher.stop_on_signals()
        watcher.run(rounds)
    fetcher.close()


@app.command("spark")
def spark_command(
    inputs: Annotated[list[str], typer.Argument(
        help="Files or folders (local, hdfs://, s3a://): text, HTML, JSON Lines, WARC, archives, or Parquet.",
        show_default=False)],
    out: Annotated[str, typer.Option("--out", help="Folder for records/, events/ and errors/ (Parquet).")],
    master: Annotated[str | None, typer.Option(
        help="Spark master, e.g. local[2] (default: spark-submit's, else local[*]).")] = None,
    partitions: Annotated[int | None, typer.Option(
        min=1, help="Partitions to code the documents in (default: Spark's default parallelism).")] = None,
    quiet: Quiet = False,
) -> None:
    """Code the inputs on Apache Spark (the optional extra dateline[spark]); events partitioned by date."""
    from dateline.spark import SparkUnavailable, run

    try:
        summary = run(inputs, out, master, partitions)
    except SparkUnavailable as exc:
        report_error("spark", str(exc))
        raise typer.Exit(2) from None
    for item, cause in summary["failed"]:
        report_error(item, cause)
    if not quiet:
        err.print(f"coded {summary['documents']} documents, {summary['events']} events, "
                  f"{summary['stories']} stories, failed {len(summary['failed'])}; written to {out}", markup=False)
    raise typer.Exit(1 if summary["failed"] else 0)


def _actors(values: list[str] | None) -> str:
    return "+".join(values or []) or "-"


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _filter(country: str | None, actor: str | None, recipient: str | None, event_type: str | None,
            mode: str | None, aux: str | None, since: str | None, until: str | None, text: str | None,
            near: str | None):  # noqa: ANN202 - EventFilter
    from dateline.store import EventFilter

    point = None
    if near:
        try:
            lat, lon, km = (float(x) for x in near.split(","))
        except ValueError:
            report_error("--near", f"expected LAT,LON,KM, got {near!r}")
            raise typer.Exit(2) from None
        point = (lat, lon, km)
    return EventFilter(country=_country_code(country), actor=actor, recipient=recipient, type=event_type, mode=mode,
                       aux=aux, since=since, until=until, text=text, near=point)


def _country_code(value: str | None) -> str | None:
    """--country as an ISO alpha-3 code in any case, or a country's name in any language the
    knowledge base has ('france', 'Allemagne'); anything else is an error, not an empty list."""
    import re

    from dateline.kb import load_kb

    if value is None:
        return None
    countries = load_kb().countries
    if re.fullmatch(r"[A-Za-z]{3}", value) and value.upper() in countries:
        return value.upper()
    wanted = " ".join(value.casefold().split())
    for country in countries.values():
        if any(wanted == n.casefold() for names in country.names.values() for n in names):
            return country.iso3
    report_error("--country", f"{value!r} is neither an ISO alpha-3 country code (such as FRA) nor a country name")
    raise typer.Exit(2)


Country = Annotated[str | None, typer.Option(help="Actor or recipient country: ISO alpha-3 code or name.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor country code or name fragment.")]
RecipientOpt = Annotated[str | None, typer.Option("--recipient", help="Recipient country code or name fragment.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER event type.")]
ModeOpt = Annotated[str | None, typer.Option("--mode", help="PLOVER mode.")]
AuxOpt = Annotated[str | None, typer.Option("--aux", help="historical, future, hypothetical, negation or none.")]
Since = Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words in the evidence.")]
Near = Annotated[str | None, typer.Option(help="LAT,LON,KM: events located within KM of a point.")]


def _query(db: str, label: str, run):  # noqa: ANN001, ANN202 - run(store) -> rows
    """Run a read on the store; a missing, damaged or newer database or a bad filter is one error line."""
    from dateline.store import StoreError

    with _open_store(db) as store:
        try:
            return run(store)
        except StoreError as exc:
            report_error(label, str(exc))
            raise typer.Exit(2) from None


def _open_store(db: str) -> Store:
    from dateline.store import Store, StoreError

    if not is_url(db) and not Path(db).exists():
        report_error(redacted(db), "no such database (run `dateline ingest` first)")
        raise typer.Exit(2)
    try:
        return Store(db)
    except StoreError as exc:
        report_error(redacted(db), str(exc).split(": ", 1)[-1])
        raise typer.Exit(2) from None


def _check_page(limit: int, offset: int) -> None:
    if limit < 1:
        report_error("--limit", f"must be 1 or more, not {limit}")
        raise typer.Exit(2)
    if offset < 0:
        report_error("--offset", f"must be 0 or more, not {offset}")
        raise typer.Exit(2)


@app.command("events")
def events_command(db: Db = DEFAULT_DB, limit: int = 1000, offset: int = 0,
                   format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.table,
                   country: Country = None, actor: ActorOpt = None, recipient: RecipientOpt = None,
                   event_type: TypeOpt = None, mode: ModeOpt = None, aux: AuxOpt = None, since: Since = None,
                   until: Until = None, text: TextOpt = None, near: Near = None) -> None:
    """List stored events, filtered, as a table, JSON or CSV."""
    _check_page(limit, offset)
    where = _filter(country, actor, recipient, event_type, mode, aux, since, until, text, near)
    rows = _query(db, "events", lambda store: store.events(limit, where, offset))
    if format is OutFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str, indent=2) + "\n")
        return
    if format is OutFormat.csv:
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(["id", "date", "event", "mode", "aux", "actor", "recipient", "location", "cameo", "quad",
                         "confidence", "evidence", "document_id"])
        for row in rows:
            writer.writerow([row["id"], row["date"], row["event"], row["mode"], row["aux"],
                             _actors(row["actor_countries"]), _actors(row["recipient_countries"]), row["location"],
                             row["cameo"], row["quad"], row["confidence"],
                             " | ".join(e["text"] for e in row["evidence"]), row["document_id"]])
        return
    table = Table(title=f"{len(rows)} events in {redacted(db)}")
    for column in ("date", "event", "mode", "aux", "actor", "recipient", "where", "conf.", "evidence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        evidence = row["evidence"][0]["text"]
        _add_row(table, str(row["date"] or "-"), row["event"], row["mode"] or "-", row["aux"] or "-",
                      _actors(row["actor_countries"]), _actors(row["recipient_countries"]),
                      row["location"] or "-", f"{row['confidence']:.2f}",
                      evidence if len(evidence) < 90 else evidence[:87] + "...")
    _table_console().print(table)


@app.command("happenings")
def happenings_command(db: Db = DEFAULT_DB, limit: int = 100, country: Country = None,
                       event_type: TypeOpt = None, since: Since = None, until: Until = None,
                       format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.table) -> None:
    """Events merged across documents: one row per happening, with its mentions and sources."""
    _check_page(limit, 0)
    where = _filter(country, None, None, event_type, None, None, since, until, None, None)
    rows = _query(db, "happenings", lambda store: store.happenings(where, limit))
    if format is not OutFormat.table:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str, indent=2) + "\n")
        return
    table = Table(title=f"{len(rows)} happenings in {redacted(db)}")
    for column in ("date", "event", "actor", "recipient", "where", "mentions", "sources", "stories", "first seen"):
        table.add_column(column)
    for row in rows:
        _add_row(table, str(row["date"] or "-"), row["event"], _actors(row["actor_countries"]),
                      _actors(row["recipient_countries"]), row["location"] or "-", str(row["mentions"]),
                      str(row["sources"]), str(row["stories"]), str(row["first_seen"])[:19])
    _table_console().print(table)


@app.command("stats")
def stats_command(by: Annotated[str, typer.Option(help="day, month, type, mode, actor or recipient.")] = "type",
                  db: Db = DEFAULT_DB, country: Country = None, event_type: TypeOpt = None,
                  since: Since = None, until: Until = None) -> None:
    """Event counts per day, month, type, mode or country."""
    where = _filter(country, None, None, event_type, None, None, since, until, None, None)
    rows = _query(db, "stats", lambda store: store.stats(by, where))
    table = Table(title=f"events by {by} in {redacted(db)}")
    table.add_column(by)
    table.add_column("events", justify="right")
    for key, count in rows:
        _add_row(table, str(key if key is not None else "-"), str(count))
    _table_console().print(table)


class ExportFormat(StrEnum):
    plover = "plover-jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


@app.command("export")
def export_command(target: Annotated[Path, typer.Argument(help="Output file.")],
                   format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.plover,
                   db: Db = DEFAULT_DB, country: Country = None, event_type: TypeOpt = None,
                   since: Since = None, until: Until = None,
                   force: Annotated[bool, typer.Option("--force", help="Replace TARGET if it exists "
                                                       "(never the database itself).")] = False) -> None:
    """Export events: PLOVER JSON Lines, CSV, Parquet or a GDELT-style table (tab-separated)."""
    from dateline.exports import export_events

    _check_export_target(target, db, force)
    where = _filter(country, None, None, event_type, None, None, since, until, None, None)
    try:
        count = _query(db, "export", lambda store: export_events(store, target, format.value, where))
    except OSError as exc:
        report_error(str(target), f"cannot write ({exc.strerror or exc})")
        raise typer.Exit(2) from None
    err.print(printable(f"exported {count} events to {target}"), markup=False)


def _check_export_target(target: Path, db: str, force: bool) -> None:
    """Refuse to write over the database (or its write-ahead log), a folder, or, without --force,
    any existing file; a missing folder is an error line, not a traceback."""
    if not is_url(db):
        database = Path(db).resolve()
        if target.resolve() in {database, database.with_name(database.name + ".wal")}:
            report_error(str(target), "is the database being exported; choose another file")
            raise typer.Exit(2)
    if target.is_dir():
        report_error(str(target), "is a directory; name a file")
        raise typer.Exit(2)
    if target.exists() and not force:
        report_error(str(target), "already exists (pass --force to replace it)")
        raise typer.Exit(2)
    if not target.parent.is_dir():
        report_error(str(target), f"no such folder {str(target.parent)!r}")
        raise typer.Exit(2)


@app.command("serve")
def serve_command(db: Db = DEFAULT_DB, host: str = "127.0.0.1", port: int = 8000,
                  token_file: Annotated[Path | None, typer.Option(
                      help="File holding the token that allows writes (else $DATELINE_API_TOKEN; "
                           "without either the API is read-only).")] = None) -> None:
    """Serve the store as a REST API (OpenAPI schema at /docs and /openapi.json)."""
    import os

    import uvicorn

    from dateline.api import create_app
    from dateline.store import StoreError

    try:
        token = token_file.read_text("utf-8").strip() if token_file else os.environ.get("DATELINE_API_TOKEN")
    except (OSError, UnicodeDecodeError) as exc:
        report_error(str(token_file), f"cannot read the token file ({getattr(exc, 'strerror', None) or exc})")
        raise typer.Exit(2) from None
    if token is not None and len(token) < 16:
        report_error("token", "a write token needs at least 16 characters")
        raise typer.Exit(2)
    if not is_url(db) and not Path(db).exists():
        report_error(db, "no such database (run `dateline ingest` first)")
        raise typer.Exit(2)
    try:
        api = create_app(db, token)
    except StoreError as exc:
        report_error(redacted(db), str(exc).split(": ", 1)[-1])
        raise typer.Exit(2) from None
    err.print(f"serving {redacted(db)} on http://{host}:{port} ({'read-write' if token else 'read-only'})")
    try:
        uvicorn.run(api, host=host, port=port, log_level="warning")
    finally:
        api.state.store.close()


eval_app = typer.Typer(help="Measure dateline against gold files and public datasets (../shared/datasets).",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("gold")
def eval_gold_command(golds: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json).")],
                      verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
                      no_detector: NoDetector = False) -> None:
    """Precision, recall and F1 of events, and per-field checks, against gold files."""
    from dateline.evaluate import evaluate_gold

    table = Table(title="dateline eval gold")
    for column in ("gold", "P", "R", "F1", "TP", "FP", "FN", "doc checks", "event fields"):
        table.add_column(column)
    totals = [0, 0, 0]
    failures: list[str] = []
    for gold in golds:
        try:
            report = evaluate_gold(gold, not no_detector)
        except Exception as exc:  # noqa: BLE001 - report and stop on a broken gold
            report_error(str(gold), f"cannot evaluate ({type(exc).__name__}: {exc})")
            raise typer.Exit(2) from None
        totals = [totals[0] + report.tp, totals[1] + report.fp, totals[2] + report.fn]
        doc_ok = sum(c.ok for c in report.document)
        field_ok = sum(c.ok for c in report.fields)
        _add_row(table, report.gold, f"{report.precision:.2f}", f"{report.recall:.2f}", f"{report.f1:.2f}",
                      str(report.tp), str(report.fp), str(report.fn),
                      f"{doc_ok}/{len(report.document)}", f"{field_ok}/{len(report.fields)}")
        failures += [f"{report.gold}: {c.name}: {c.detail}" for c in report.document + report.fields if not c.ok]
        failures += [f"{report.gold}: false positive {fp}" for fp in report.false_positives]
        failures += [f"{report.gold}: missed {m}" for m in report.missed]
    tp, fp, fn = totals
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if len(golds) > 1:
        _add_row(table, "all", f"{precision:.2f}", f"{recall:.2f}", f"{f1:.2f}", str(tp), str(fp), str(fn), "", "")
    _table_console().print(table)
    for line in failures if verbose or len(golds) == 1 else failures[:40]:
        out.print(f"  ✗ {line}", markup=False)


def _with_progress(label: str, quiet: bool, run):  # noqa: ANN001, ANN202 - run(tick) -> result
    """Run an evaluation with a progress bar ticked once per item; a missing dataset is one error line."""
    with _progress(quiet) as progress:
        task = progress.add_task(label, total=None)
        return _dataset_guard(lambda: run(lambda: progress.advance(task)))


def _dataset_guard(action):  # noqa: ANN001, ANN202 - runs an eval, turning a missing dataset into one error line
    try:
        return action()
    except FileNotFoundError as exc:
        report_error("eval", str(exc))
        raise typer.Exit(2) from None


@eval_app.command("dev")
def eval_dev_command(
    sets: Annotated[list[str] | None, typer.Argument(help="Gold sets under eval/ (default: all).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List the tune half's misses and false positives.")]
    = False,
    show_check: Annotated[bool, typer.Option("--show-check", help="Also list the check half's (do not tune on them).")]
    = False,
    quiet: Quiet = False, no_detector: NoDetector = False,
    detector_alone: Annotated[bool, typer.Option("--detector-alone", help="The detector's events without the "
                                                 "rules' (an ablation).")] = False,
) -> None:
    """Every development gold set, split into its tune and check halves by a fixed hash."""
    from dateline.evals.dev import HALVES, evaluate_sets

    try:
        results = _with_progress("dev sets", quiet, lambda tick: evaluate_sets(sets, tick, not no_detector,
                                                                                   not detector_alone))
    except KeyError as exc:
        report_error("eval dev", str(exc.args[0]))
        raise typer.Exit(2) from None
    table = Table(title="dateline eval dev (eval/<set>, halves by sha1 of the input)")
    for column in ("set", "half", "docs", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column)
    lines: list[str] = []
    for name, halves in results.items():
        for half in HALVES:
            t = halves[half]
            _add_row(table, name, half, str(t.documents), f"{t.precision:.2f}", f"{t.recall:.2f}", f"{t.f1:.2f}",
                          str(t.tp), str(t.fp), str(t.fn))
            if verbose and (half == "tune" or show_check):
                for report in t.reports:
                    lines += [f"{name}/{half} {report.gold}: false positive {fp}" for fp in report.false_positives]
                    lines += [f"{name}/{half} {report.gold}: missed {m}" for m in report.missed]
    _table_console().print(table)
    for line in lines:
        typer.echo(line)


@eval_app.command("extraction")
def eval_extraction_command(
    datasets: Annotated[list[str] | None, typer.Option("--set", help="scrapinghub, naeb, htmldate (default: all).")]
    = None,
    limit: Annotated[int | None, typer.Option(help="Pages per set (default: all).")] = None,
    quiet: Quiet = False,
) -> None:
    """Body extraction (ScrapingHub metric) and publication dates: dateline beside trafilatura and htmldate."""
    from dateline.evals.extraction import SETS, evaluate

    table = Table(title="dateline eval extraction (same pages, same run)")
    for column in ("set", "system", "pages", "body P", "body R", "body F1", "exact", "date acc.", "right/wrong/none"):
        table.add_column(column)
    for name in datasets or list(SETS):
        if name not in SETS:
            report_error("eval extraction", f"unknown set {name!r} (choose from {', '.join(SETS)})")
            raise typer.Exit(2)
        rows = _with_progress(name, quiet, lambda tick, n=name: evaluate(n, limit=limit, progress=tick))
        for row in rows:
            body, dates = row.body, row.dates
            _add_row(table, row.dataset, row.system, str(row.pages),
                          *(f"{v:.3f}" for v in (body.precision, body.recall, body.f1)) if body else ("-",) * 3,
                          f"{body.exact}" if body else "-",
                          f"{dates.accuracy:.3f}" if dates else "-",
                          f"{dates.right}/{dates.wrong}/{dates.missing}" if dates else "-")
    _table_console().print(table)


@eval_app.command("petrarch")
def eval_petrarch_command(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
                          quiet: Quiet = False, no_detector: NoDetector = False) -> None:
    """English coding on PETRARCH's gold sentences (CAMEO mapped to PLOVER): recall, actors, precision."""
    from dateline.evals.petrarch import evaluate

    score = _with_progress("petrarch", quiet, lambda tick: evaluate(tick, not no_detector))
    table = Table(title="dateline eval petrarch (PETR2_GSR_validation, CAMEO2PLOVER-2021)")
    for column in ("sentences", "gold codings", "type found (recall)", "actor country right", "events",
                   "events of a gold type (precision)"):
        table.add_column(column)
    _add_row(table, str(score.sentences), str(score.gold), f"{score.found_type} ({score.recall:.2f})",
                  f"{score.actor_right}/{score.found_type} ({score.actor_accuracy:.2f})", str(score.system),
                  f"{score.system_right} ({score.precision:.2f})")
    _table_console().print(table)
    if verbose:
        for line in score.misses:
            out.print(f"  ✗ missed {line}", markup=False)


@eval_app.command("wikievents")
def eval_wikievents_command(quiet: Quiet = False, no_detector: NoDetector = False) -> None:
    """English WikiEvents documents: gold KAIROS events of PLOVER-mappable types found in the same sentence."""
    from dateline.evals.wikievents import evaluate

    score = _with_progress("wikievents", quiet, lambda tick: evaluate(tick, not no_detector))
    table = Table(title="dateline eval wikievents (dev, KAIROS types mapped to PLOVER)")
    for column in ("documents", "gold events", "type found (recall)", "events", "of a gold type (precision)",
                   "recall by type"):
        table.add_column(column)
    by_type = ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(score.by_type.items()))
    _add_row(table, str(score.documents), str(score.gold), f"{score.found} ({score.recall:.2f})", str(score.system),
                  f"{score.system_right} ({score.precision:.2f})", by_type)
    _table_console().print(table)


@eval_app.command("times")
def eval_times_command(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    """French TimeBank: TIMEX3 value accuracy of DATE expressions, anchored at each document's date."""
    from dateline.evals.times import evaluate

    score = _dataset_guard(evaluate)
    table = Table(title="dateline eval times (time/fr-timebank, DATE TIMEX3 without the creation time)")
    for column in ("gold dates", "found (overlap)", "right value", "accuracy", "dateline dates",
                   "on a gold date"):
        table.add_column(column)
    _add_row(table, str(score.gold), str(score.found), str(score.right), f"{score.accuracy:.3f}", str(score.system),
                  str(score.system_on_gold))
    _table_console().print(table)
    for line in score.errors if verbose else []:
        out.print(f"  ✗ {line}", markup=False)


@eval_app.command("entities")
def eval_entities_command(
    datasets: Annotated[list[str] | None, typer.Option("--set", help="hipe2020-fr, dwie (default: both).")] = None,
    quiet: Quiet = False,
) -> None:
    """Named entities: dateline's resolved entities beside the bare spaCy model (strict micro P/R/F1)."""
    from dateline.evals.entities import SETS, evaluate

    table = Table(title="dateline eval entities (same parse, strict boundaries and type)")
    for column in ("set", "system", "TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(column)
    for name in datasets or list(SETS):
        if name not in SETS:
            report_error("eval entities", f"unknown set {name!r} (choose from {', '.join(SETS)})")
            raise typer.Exit(2)
        scores = _with_progress(name, quiet, lambda tick, n=name: evaluate(n, tick))
        for system, score in scores.items():
            _add_row(table, name, system, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}",
                          f"{score.recall:.3f}", f"{score.f1:.3f}")
    _table_console().print(table)


@eval_app.command("places")
def eval_places_command(
    datasets: Annotated[list[str] | None, typer.Option("--set", help="geowebnews, lgl (default: both).")] = None,
    limit: Annotated[int | None, typer.Option(help="Articles per set (default: all).")] = None,
    quiet: Quiet = False,
) -> None:
    """Toponym resolution: accuracy within 161 km of the gold coordinates, over gold toponyms."""
    import statistics

    from dateline.evals.places import SETS, evaluate

    table = Table(title="dateline eval places (gold toponyms, gazetteer + country names and demonyms)")
    for column in ("set", "toponyms", "placed", "within 161 km", "accuracy", "median error km"):
        table.add_column(column)
    for name in datasets or list(SETS):
        if name not in SETS:
            report_error("eval places", f"unknown set {name!r} (choose from {', '.join(SETS)})")
            raise typer.Exit(2)
        score = _with_progress(name, quiet, lambda tick, n=name: evaluate(n, limit, tick))
        median = f"{statistics.median(score.errors_km):.0f}" if score.errors_km else "-"
        _add_row(table, name, str(score.toponyms), str(score.placed), str(score.within), f"{score.accuracy:.3f}",
                 median)
    _table_console().print(table)


@eval_app.command("furniture")
def eval_furniture_command(
    gold: Annotated[Path, typer.Argument(help="Furniture gold file.")] = Path("eval/furniture/furniture.gold.json"),
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Plain-text cleaner on hand-labelled wire texts: story sentences lost, furniture kept, datelines."""
    from dateline.evals.furniture import evaluate

    scores = _dataset_guard(lambda: evaluate(gold))
    table = Table(title=f"dateline eval furniture ({gold})")
    for column in ("source", "docs", "story sentences", "lost", "furniture spans", "kept",
                   "datelines out of body", "datelines recognised"):
        table.add_column(column)
    for source, score in scores.items():
        _add_row(table, source, str(score.documents), str(score.sentences), str(len(score.lost)), str(score.furniture),
                      str(len(score.kept)), f"{score.datelines - len(score.datelines_in_body)}/{score.datelines}",
                      f"{score.datelines_recognised}/{score.datelines_expected}")
    _table_console().print(table)
    if verbose:
        for source, score in scores.items():
            for line in score.lost:
                out.print(f"  ✗ {source}: lost {line!r}", markup=False)
            for line in score.kept:
                out.print(f"  ✗ {source}: kept {line!r}", markup=False)
            for line in score.datelines_in_body:
                out.print(f"  ✗ {source}: dateline left in body {line!r}", markup=False)


train_app = typer.Typer(help="Rebuild learned models from labelled data (needs dateline[train]).", no_args_is_help=True)
app.add_typer(train_app, name="train")


@train_app.command("detector")
def train_detector_command(
    lang: Annotated[list[str] | None, typer.Option("--lang", help="Languages (default: fr and en).")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder for <lang>.npz and <lang>.json "
                                                   "(default: the package's detector/data).")] = None,
    seed: int = 0, quiet: Quiet = False,
) -> None:
    """The event detector's weights from the dev gold's tune half and eval/sentences, seeded."""
    from dateline.detector.model import DATA_DIR
    from dateline.detector.training import pools, score, train
    from dateline.evals.dev import eval_dir

    for code in lang or ["fr", "en"]:
        data = _with_progress(f"{code}: documents", quiet, lambda tick, code=code: pools(eval_dir(), code, tick))
        detector = train(data.train, code, seed)
        checked = score(detector, data.check, lambda t, d=detector: d.threshold("add", t))
        detector.meta["check"] = {t: {"tp": s.tp, "fp": s.fp, "fn": s.fn} for t, s in checked.items()
                                  if s.tp + s.fp + s.fn}
        weights, described = detector.save(out_dir or DATA_DIR)
        out.print(f"{code}: {len(data.train.sentences)} training sentences "
                  f"(set {detector.meta['training_set']}), {len(detector.vocabulary)} features -> {weights}, "
                  f"{described}", markup=False)


@eval_app.command("detector")
def eval_detector_command(
    lang: Annotated[list[str] | None, typer.Option("--lang", help="Languages (default: fr and en).")] = None,
    quiet: Quiet = False,
) -> None:
    """The shipped detector's per-type sentence P/R/F1 on the dev gold's check half, at its add threshold and 0.5."""
    from dateline.detector.model import load_detector
    from dateline.detector.training import pools, score
    from dateline.evals.dev import eval_dir

    for code in lang or ["fr", "en"]:
        detector = load_detector(code)
        if detector is None:
            report_error("eval detector", f"no detector is shipped for {code!r} (run `dateline train detector`)")
            continue
        data = _with_progress(f"{code}: documents", quiet, lambda tick, code=code: pools(eval_dir(), code, tick))
        table = Table(title=f"dateline eval detector {code} (check half: {len(data.check.sentences)} sentences)")
        for column in ("type", "positives", "P@add", "R@add", "F1@add", "P@0.5", "R@0.5", "F1@0.5"):
            table.add_column(column)
        at_add = score(detector, data.check, lambda t, d=detector: d.threshold("add", t))
        at_half = score(detector, data.check, lambda _t: 0.5)
        for event_type in detector.types:
            a, h = at_add[event_type], at_half[event_type]
            _add_row(table, event_type, str(h.tp + h.fn), f"{a.precision:.2f}", f"{a.recall:.2f}", f"{a.f1:.2f}",
                     f"{h.precision:.2f}", f"{h.recall:.2f}", f"{h.f1:.2f}")
        scored = [t for t in detector.types if at_half[t].tp + at_half[t].fn]
        _add_row(table, "macro", "", "", "", f"{sum(at_add[t].f1 for t in scored) / max(len(scored), 1):.2f}",
                 "", "", f"{sum(at_half[t].f1 for t in scored) / max(len(scored), 1):.2f}")
        _table_console().print(table)


kb_app = typer.Typer(help="Search, show, add and import knowledge-base entries (people, countries, agencies).",
                     no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("search")
def kb_search_command(query: Annotated[str, typer.Argument(help="A name, in any spelling.")],
                      limit: int = 10) -> None:
    """People (curated and imported), countries and agencies whose names resemble QUERY."""
    from dateline.kb import load_kb
    from dateline.kb.people import load_people

    table = Table(title=f"knowledge base: {query!r}")
    for column in ("kind", "id", "name", "country", "score", "latest position"):
        table.add_column(column)
    kb = load_kb()
    # Exact country names first, then the agency and the people by score (a fuzzy person scored
    # 0.9 came above the country 'France' itself).
    rows = [("country", country.iso3, country.name, country.iso3, 1.0, "-") for country in kb.countries.values()
            if any(query.casefold() == n.casefold() for names in country.names.values() for n in names)]
    agency = kb.match_agency(query)
    if agency:
        rows.append(("agency", agency.agency_id, agency.name, "-", agency.score, "-"))
    for match in load_people().search(query, limit):
        latest = match.person.position_on(None)
        rows.append(("person", match.person.id, match.person.name, match.person.country, match.score,
                     f"{latest.role}, {latest.start}–{latest.end or ''}" if latest else "-"))
    for kind, ident, name, country_code, score, position in sorted(rows, key=lambda row: -row[4]):
        _add_row(table, kind, ident, name, country_code, f"{score:.2f}", position)
    _table_console().print(table)


@kb_app.command("show")
def kb_show_command(ident: Annotated[str, typer.Argument(help="A person id (from `kb search`).")]) -> None:
    """Every position of one person, with its source."""
    from dateline.kb.people import load_people

    person = load_people().by_id(ident)
    if person is None:
        report_error(ident, "no such person in the knowledge base")
        raise typer.Exit(2)
    out.print(f"{person.name} ({person.id}), {person.country}", markup=False)
    for position in person.positions:
        out.print(f"  {position.start} – {position.end or 'now'}  {position.country} {position.sector}  "
                  f"{position.role}  [{position.source}]", markup=False)


@kb_app.command("add")
def kb_add_command(
    name: Annotated[str, typer.Option(help="Full name as usually written.")],
    country: Annotated[str, typer.Option(help="ISO alpha-3 country code.")],
    role: Annotated[str, typer.Option(help="Role, e.g. 'Minister of the Interior'.")],
    start: Annotated[str, typer.Option(help="First day in office, YYYY-MM-DD.")],
    source: Annotated[str, typer.Option(help="Where this comes from (URL).")],
    sector: Annotated[str, typer.Option(help="PLOVER sector code.")] = "GOV",
    end: Annotated[str | None, typer.Option(help="Last day in office, YYYY-MM-DD.")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Other spellings (repeatable).")] = None,
) -> None:
    """Add a person to `people_added.json` ($DATELINE_KB_DIR, else kb/data in a source checkout),
    read with the curated list."""
    import re

    from dateline.kb import load_kb
    from dateline.kb.people import load_people

    if country not in load_kb().countries:
        report_error(country, "country must be the ISO alpha-3 code of a country, such as FRA")
        raise typer.Exit(2)
    days = [_iso_day(day) for day in (start, end)]
    if days[1] is not None and days[1] < days[0]:  # type: ignore[operator]
        report_error(f"{start} – {end}", "the end is before the start")
        raise typer.Exit(2)
    path = _kb_file("people_added.json", None)
    data = json.loads(path.read_text("utf-8")) if path.exists() else {
        "provenance": "People added with `dateline kb add`; each position names its source.", "people": []}
    ident = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if not ident or load_people().by_id(ident) or any(p["id"] == ident for p in data["people"]):
        report_error(name, f"already in the knowledge base as {ident!r} (see `dateline kb show {ident}`)"
                     if ident else "a name needs letters or digits")
        raise typer.Exit(2)
    data["people"].append({"id": ident, "name": name, "aliases": alias or [], "country": country,
                           "positions": [{"role": role, "sector": sector, "office": "added", "start": start,
                                          "end": end, "source": source}]})
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    out.print(printable(f"added {ident} to {path}"), markup=False)


def _iso_day(day: str | None):  # noqa: ANN202 - a date or None
    import datetime as dt

    if day is None:
        return None
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        report_error(day, "dates are YYYY-MM-DD")
        raise typer.Exit(2) from None


def _kb_file(name: str, output: Path | None) -> Path:
    from dateline.kb.people import writable_extra_file

    if output is not None:
        return output
    try:
        return writable_extra_file(name)
    except (ValueError, OSError) as exc:
        report_error(name, str(exc))
        raise typer.Exit(2) from None


@kb_app.command("learn")
def kb_learn_command(
    db: Db = DEFAULT_DB,
    output: Annotated[Path | None, typer.Option(help="Where to write (default: people_learned.json in "
                                                     "$DATELINE_KB_DIR, else kb/data in a source checkout).")]
    = None,
) -> None:
    """Keep the roles stored documents taught (titles, appositions) for later documents."""
    from dateline.kb.learned import PROVENANCE, learned_people
    from dateline.kb.people import load_people

    target = _kb_file("people_learned.json", output)
    rows = _query(db, "kb learn", lambda store: store.learned_roles())
    people = learned_people(rows, load_people())
    target.write_text(json.dumps({"provenance": PROVENANCE, "people": people}, ensure_ascii=False, indent=1) + "\n",
                      "utf-8")
    out.print(f"learned {len(people)} people from {len(rows)} mentions into {target}", markup=False)


@kb_app.command("import")
def kb_import_command(
    kind: Annotated[str, typer.Argument(help="What to import: phoenix (actors) or cameo-verbs (verb patterns).")],
    path: Annotated[Path | None, typer.Argument(help="cameo-verbs: the CAMEO verb dictionary file.")] = None,
    source: Annotated[Path | None, typer.Option(help="phoenix: folder of the Phoenix dictionaries.")] = None,
    plover: Annotated[Path | None, typer.Option(help="cameo-verbs: the CAMEO2PLOVER table.")] = None,
    output: Annotated[Path | None, typer.Option(help="cameo-verbs: where to write (default lang/en/verbs.toml).")]
    = None,
) -> None:
    """Import the Phoenix actor dictionaries (people with dated CAMEO codes) into kb/data, or
    PETRARCH2's CAMEO verb dictionary (the blocks kb/data/cameo_selection.toml selects) into
    lang/en/verbs.toml."""
    from dateline.evals import dataset_dir

    if kind == "cameo-verbs":
        from importlib import resources

        from dateline.kb.cameo_verbs import import_verbs

        cameo = path or _dataset_guard(lambda: dataset_dir("kb/phoenix")) / "CAMEO.2.0.txt"
        table = plover or _dataset_guard(lambda: dataset_dir("events/plover")) / "CAMEO2PLOVER-2021.txt"
        target = output or Path(str(resources.files("dateline.lang") / "en" / "verbs.toml"))
        data = import_verbs(cameo, table, target)
        out.print(f"imported {len(data['verbs'])} verb patterns from {cameo} into {target}", markup=False)
        return
    if kind != "phoenix":
        report_error(kind, "only 'phoenix' or 'cameo-verbs' can be imported")
        raise typer.Exit(2)
    from dateline.kb.people import _data_file
    from dateline.kb.phoenix import import_people

    folder = source or _dataset_guard(lambda: dataset_dir("kb/phoenix"))
    target = Path(str(_data_file("phoenix_people.json.gz")))
    count = import_people(folder, target)
    out.print(f"imported {count} people from {folder} into {target}", markup=False)


def main() -> None:
    """The `dateline` command: running out of memory is one error line, not a traceback."""
    try:
        app()
    except MemoryError:
        report_error("dateline", "out of memory (split the input, or give the process more memory)")
        sys.exit(1)


if __name__ == "__main__":
    main()
