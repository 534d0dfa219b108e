"""`dateline spark` on local[1] and local[2]: wall time on the same documents, and whether its
events equal those of `dateline extract`.

Run: `.venv/bin/python bench/bench_spark.py [--documents 60]` (needs the extra dateline[spark]
and Java). Documents: as bench/bench_workers.py (wire articles of ../shared, else the bundled
texts repeated), written once as JSON Lines. Each run is a fresh process, so the times include
starting Spark and loading the models in each Python worker.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq
from bench_workers import documents, write_jsonl


def spark(inputs: Path, out: Path, cores: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dateline", "spark", str(inputs), "--out", str(out), "--master",
                    f"local[{cores}]", "--partitions", str(2 * cores), "--quiet"], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def spark_events(out: Path) -> dict[str, list]:
    found: dict[str, list] = {}
    for row in pq.read_table(str(out / "events")).to_pylist():
        found.setdefault(row["document_id"], []).append(json.loads(row["event_json"]))
    return {doc: sorted(events, key=lambda e: e["id"]) for doc, events in found.items()}


def extract_events(inputs: Path) -> dict[str, list]:
    done = subprocess.run([sys.executable, "-m", "dateline", "extract", str(inputs), "--format", "jsonl", "--quiet",
                           "--workers", "1"], capture_output=True, check=False)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    return {r["document"]["id"]: sorted(r["events"], key=lambda e: e["id"]) for r in records if r["events"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "documents.jsonl"
        docs = documents(args.documents)
        write_jsonl(docs, inputs)
        load = os.getloadavg()
        times = {cores: spark(inputs, Path(folder) / f"out{cores}", cores) for cores in (1, 2)}
        same = [spark_events(Path(folder) / f"out{cores}") for cores in (1, 2)]
        expected = extract_events(inputs)
    print(f"documents: {len(docs)}   cores: {os.cpu_count()}   load average before: "
          f"{' '.join(f'{x:.2f}' for x in load)}")
    print(f"local[1] {times[1]:6.1f} s   local[2] {times[2]:6.1f} s   speed-up {times[1] / times[2]:.2f} x")
    events = sum(map(len, expected.values()))
    print(f"events equal to extract's: local[1] {same[0] == expected}, local[2] {same[1] == expected} ({events})")


if __name__ == "__main__":
    main()
