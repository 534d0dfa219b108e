"""Time per document of each stage, as ratios to spaCy's parse of the same texts.

Run: `make bench` (or `.venv/bin/python bench/bench_pipeline.py [--limit N]`).
Texts: the bundled example, the test variants and, when ../shared is present, French wire
articles from ../shared/datasets/news/fr-wire (read locally, never copied into the project).
Everything runs in this process after a warm-up, so models and data are loaded once; the
stage times come from `extract(..., timer=StageTimer())` on the same documents.
Targets: resolve adds at most 20% and event coding at most 10% to spaCy's time.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from pathlib import Path

from dateline.nlp import parse
from dateline.pipeline import StageTimer, extract
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
    extract(SourceDocument(text=texts[0]))  # warm-up: models, knowledge base, gazetteer
    parse("warm up", "en")
    timer, rules_timer = StageTimer(), StageTimer()
    wall: list[float] = []
    for text in texts:  # with and without the detector, interleaved so that both see the same load
        start = time.perf_counter()
        extract(SourceDocument(text=text), timer=timer)
        wall.append(time.perf_counter() - start)
        extract(SourceDocument(text=text), timer=rules_timer, detector=False)
    n = len(texts)
    per_doc = {stage: 1000 * seconds / n for stage, seconds in timer.seconds.items()}
    nlp = per_doc["nlp"]
    print(f"documents: {n}   cores: {os.cpu_count()}")
    for stage in ("clean", "nlp", "resolve", "events"):
        ratio = "" if stage == "nlp" else f"   {per_doc.get(stage, 0.0) / nlp:5.2f} x spaCy"
        print(f"{stage:8s} {per_doc.get(stage, 0.0):8.1f} ms/doc{ratio}")
    print(f"total    {1000 * statistics.mean(wall):8.1f} ms/doc   {1000 * statistics.mean(wall) / nlp:5.2f} x spaCy")
    rules_events = 1000 * rules_timer.seconds.get("events", 0.0) / n
    added = per_doc.get("events", 0.0) - rules_events
    # The second pass of a text runs faster outside the events stage (its words are already lexemes
    # of the vocabulary, caches are warm), so only the events stage of the two passes is compared.
    print(f"events without the detector (--no-detector): {rules_events:.1f} ms/doc ({rules_events / nlp:.2f} x spaCy); "
          f"the detector adds {added:.1f} ms/doc ({added / nlp:.2f} x spaCy)")


if __name__ == "__main__":
    main()
