"""`dateline extract --workers N`: wall time of 1 worker against N on the same documents, and
whether their output is byte-identical.

Run: `.venv/bin/python bench/bench_workers.py [--documents 60] [--workers 2] [--repeat 1]`.
Documents: the first French and English wire articles of ../shared/datasets/news (read locally,
never copied into the project), else the bundled example and test variants repeated. Each run is
a fresh `dateline extract` process, so the times include loading the models (once per worker).
On a machine whose cores other jobs share, the ratio is lower than on an idle one: the load
average is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.evals import shared_dir
from dateline.sources import SourceDocument
from dateline.sources.inputs import iter_inputs

ROOT = Path(__file__).resolve().parent.parent


def documents(count: int) -> list[SourceDocument]:
    news = shared_dir() / "datasets" / "news"
    wire = [news / "fr-wire" / "fr_CA_corpus.xml", *sorted((news / "en-wire").glob("*.xml"))]
    found: list[SourceDocument] = []
    if all(path.exists() for path in wire[:1]):
        # Alternate French and English so both pipelines are used.
        fr = [d for d in iter_inputs([wire[0]]) if isinstance(d, SourceDocument) and d.text.strip()]
        en = [d for d in iter_inputs(wire[1:]) if isinstance(d, SourceDocument) and d.text.strip()]
        found = [d for pair in zip(fr, en, strict=False) for d in pair]
    if len(found) < count:
        bundled = [*sorted((ROOT / "tests" / "data" / "variants").glob("*.txt")), *(ROOT / "examples").glob("*.txt")]
        texts = [p.read_text("utf-8") for p in bundled]
        # A repeated text gets a numbered first line, so every document has its own id.
        found += [SourceDocument(text=f"Document {n}.\n\n{texts[n % len(texts)]}") for n in range(count - len(found))]
    return found[:count]


def write_jsonl(docs: list[SourceDocument], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps({"text": doc.text, "title": doc.title, "url": doc.url,
                                     "published": doc.published}, ensure_ascii=False) + "\n")


def run(inputs: Path, workers: int) -> tuple[float, bytes]:
    """Wall seconds and output of one `dateline extract`; the CPU seconds it used are printed,
    since on shared cores they show whether the workers ran in parallel at all."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "dateline", "extract", str(inputs), "--format", "jsonl", "--quiet",
               "--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"  workers {workers}: {wall:6.1f} s wall, {cpu:6.1f} s CPU ({cpu / wall:.2f} cores busy)")
    return wall, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each, the median is kept.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "documents.jsonl"
        docs = documents(args.documents)
        write_jsonl(docs, inputs)
        times: dict[int, list[float]] = {1: [], args.workers: []}
        outputs: dict[int, bytes] = {}
        load = os.getloadavg()
        for _ in range(args.repeat):
            for workers in times:
                seconds, outputs[workers] = run(inputs, workers)
                times[workers].append(seconds)
    one, many = (statistics.median(times[w]) for w in times)
    print(f"documents: {len(docs)}   cores: {os.cpu_count()}   load average before: "
          f"{' '.join(f'{x:.2f}' for x in load)}")
    print(f"workers 1: {one:6.1f} s   workers {args.workers}: {many:6.1f} s   speed-up {one / many:.2f} x")
    records = len(outputs[1].splitlines())
    print(f"output identical: {outputs[1] == outputs[args.workers]} ({records} records)")


if __name__ == "__main__":
    main()
