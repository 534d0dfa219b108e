"""Full pipeline time per document as a ratio to spaCy alone on the same texts.

Run: `make bench` (or `.venv/bin/python bench/bench_pipeline.py [--limit N]`).
Texts: the bundled example, the test variants and, when ../shared is present, French wire
articles from ../shared/datasets/news/fr-wire (read locally, never copied into the project).
Both runs are in this process, after a warm-up, so models and data are loaded once.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from dateline.clean import clean_text
from dateline.nlp import parse
from dateline.pipeline import extract
from dateline.sources import SourceDocument

ROOT = Path(__file__).resolve().parent.parent
FR_WIRE = ROOT.parent / "shared" / "datasets" / "news" / "fr-wire" / "fr_CA_corpus.xml"


def load_texts(limit: int) -> list[str]:
    texts = [(ROOT / "examples" / "armenpress-fr-mirzoyan-lavrov-astana.txt").read_text("utf-8")]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "data" / "variants").glob("*.txt"))]
    if FR_WIRE.exists():
        raw = FR_WIRE.read_text("utf-8", errors="replace")
        texts += [m.strip() for m in re.findall(r"<doc[^>]*>(.*?)</doc>", raw, re.S)][: max(0, limit - len(texts))]
    return texts[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    texts = load_texts(args.limit)
    cleaned = [clean_text(t) for t in texts]
    pairs = [(t, (c.text, c.language)) for t, c in zip(texts, cleaned, strict=True)
             if c.language in {"fr", "en"} and c.text]
    texts, jobs = [p[0] for p in pairs], [p[1] for p in pairs]
    extract(SourceDocument(text=texts[0]))  # warm-up: models, knowledge base, gazetteer
    parse("warm up", "en")
    # Interleaved, alternating which goes first, so neither run gets the warmer machine.
    spacy_times, full_times = [], []
    for index, (text, job) in enumerate(zip(texts, jobs, strict=True)):
        runs = [(spacy_times, parse, job), (full_times, lambda t: extract(SourceDocument(text=t)), (text,))]
        for bucket, fn, args in runs if index % 2 else reversed(runs):
            start = time.perf_counter()
            fn(*args)
            bucket.append(time.perf_counter() - start)
    spacy_mean, full_mean = statistics.mean(spacy_times), statistics.mean(full_times)
    print(f"documents: {len(texts)} ({len(jobs)} parsed)")
    print(f"spaCy alone:    {1000 * spacy_mean:8.1f} ms/doc")
    print(f"full pipeline:  {1000 * full_mean:8.1f} ms/doc")
    print(f"ratio full/spaCy: {full_mean / spacy_mean:.2f}")


if __name__ == "__main__":
    main()
