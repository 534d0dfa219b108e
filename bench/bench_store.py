"""Store speed on generated data: bulk insert rate (events per second through `Store.add_many`,
2000 documents per transaction, near-duplicate and cross-document merging included; one
document in ten is a copy of an earlier one)
and p95 latency of the filtered timeline query (`Store.stats(by="day", ...)` for one country
and a 90-day window) on 1,000,000 events. Targets: >= 20,000 events/s; p95 < 100 ms.

Run: `.venv/bin/python bench/bench_store.py [--events 1000000] [--queries 200]`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from dateline.record import Actor, Document, Event, Evidence, Place, Record, Source
from dateline.store import EventFilter, Store

BATCH = 2000  # documents per transaction
TYPES = ["CONSULT", "REQUEST", "ACCUSE", "PROTEST", "ASSAULT", "COERCE", "AGREE", "SUPPORT"]
COUNTRIES = ["ARM", "AZE", "RUS", "TUR", "IRN", "GEO", "FRA", "DEU", "USA", "CHN", "KAZ", "UKR"]


WORDS = ["minister", "talks", "border", "ceasefire", "troops", "capital", "summit", "protest", "police",
         "sanctions", "aid", "envoy", "treaty", "parliament", "election", "strike", "army", "refugees",
         "negotiations", "visit", "agreement", "statement"]
COPY_SHARE = 0.1  # wire feeds carry copies and updates of one dispatch; most documents are distinct


def synthetic_text(d: int, rng: random.Random, earlier: list[str]) -> str:
    if earlier and rng.random() < COPY_SHARE:
        return rng.choice(earlier) + f" Updated {d}."
    return f"Synthetic story {d}. " + " ".join(rng.choice(WORDS) for _ in range(80))


def synthetic_records(n_docs: int, per_doc: int, rng: random.Random) -> list[Record]:
    records: list[Record] = []
    texts: list[str] = []
    for d in range(n_docs):
        text = synthetic_text(d, rng, texts)
        texts.append(text)
        events = []
        for k in range(per_doc):
            a, b = rng.sample(COUNTRIES, 2)
            day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            events.append(Event(
                id=f"ev-{d}-{k}", event=rng.choice(TYPES), actor=[Actor(text=a, country=a)],
                recipient=[Actor(text=b, country=b)], date=day, date_basis="explicit",
                location=Place(text="Astana", name="Astana", country="KAZ", lat=51.18, lon=71.45),
                quad=1, evidence=[Evidence(start=0, end=9, text=text[:9])], confidence=0.8, reasons=["synthetic"]))
        records.append(Record(document=Document(id=f"doc-{d}", source=Source(), language="en", text=text),
                              events=events))
    return records


def insert_rate(path: Path, rng: random.Random) -> float:
    records = synthetic_records(4000, 5, rng)
    with Store(path) as store:
        start = time.perf_counter()
        for i in range(0, len(records), BATCH):
            store.add_many(records[i:i + BATCH])
        seconds = time.perf_counter() - start
        count = store.counts()["events"]
    return count / seconds


def timeline_p95(path: Path, n_events: int, n_queries: int, rng: random.Random) -> list[float]:
    with Store(path) as store:
        store.con.execute("INSERT INTO documents (id, language, text) VALUES ('doc-bulk', 'en', '')")
        store.con.execute(
            "INSERT INTO events (id, document_id, event, actor_countries, recipient_countries, date, quad,"
            " confidence, evidence, record)"
            " SELECT 'g' || i, 'doc-bulk', (?)[1 + (i % 8)], [(?)[1 + (i % 12)]], [(?)[1 + ((i * 7) % 12)]],"
            " DATE '2019-01-01' + CAST(i % 1460 AS INTEGER), 1, 0.8, '[]', '{}' FROM range(?) t(i)",
            [TYPES, COUNTRIES, COUNTRIES, n_events])
        store.con.execute("CHECKPOINT")
        times = []
        for _ in range(n_queries):
            start_day = 1 + rng.randint(0, 1300)
            since = time.strftime("%Y-%m-%d", time.gmtime(time.mktime((2019, 1, start_day, 12, 0, 0, 0, 0, 0))))
            until = time.strftime("%Y-%m-%d", time.gmtime(time.mktime((2019, 1, start_day + 90, 12, 0, 0, 0, 0, 0))))
            where = EventFilter(country=rng.choice(COUNTRIES), since=since, until=until)
            start = time.perf_counter()
            store.stats("day", where)
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        rate = insert_rate(Path(tmp) / "insert.duckdb", rng)
        times = timeline_p95(Path(tmp) / "query.duckdb", args.events, args.queries, rng)
    p95 = statistics.quantiles(times, n=100)[94] * 1000
    print(f"cores: {os.cpu_count()}")
    print(f"bulk insert: {rate:,.0f} events/s (target >= 20,000)")
    print(f"filtered timeline on {args.events:,} events: p50 {statistics.median(times) * 1000:.1f} ms, "
          f"p95 {p95:.1f} ms over {len(times)} queries (target < 100 ms)")


if __name__ == "__main__":
    main()
