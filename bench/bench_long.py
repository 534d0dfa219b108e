"""One document made of 30 articles against the same 30 articles apart: the cost of each stage
should grow with the text, not faster.

Run: `.venv/bin/python bench/bench_long.py [--articles 30] [--repeat 3]`.
Articles: French wire texts of ../shared/datasets/news/fr-wire (read locally, never copied into
the project), else the bundled example and test variants. Everything runs in this process after
a warm-up; the median of `--repeat` runs is kept. Goal: the long document ≤ 1.3 × the 30 apart.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from dateline.evals import shared_dir
from dateline.pipeline import StageTimer, extract
from dateline.sources import SourceDocument
from dateline.sources.inputs import iter_inputs

ROOT = Path(__file__).resolve().parent.parent


def articles(count: int) -> list[str]:
    corpus = shared_dir() / "datasets" / "news" / "fr-wire" / "fr_CA_corpus.xml"
    texts: list[str] = []
    if corpus.exists():
        texts = [d.text.strip() for d in iter_inputs([corpus]) if isinstance(d, SourceDocument) and d.text.strip()]
    if len(texts) < count:
        bundled = [*sorted((ROOT / "tests" / "data" / "variants").glob("*.txt")), *(ROOT / "examples").glob("*.txt")]
        texts += [p.read_text("utf-8").strip() for p in bundled]
    return texts[:count]


def timed(texts: list[str]) -> tuple[float, dict[str, float]]:
    timer = StageTimer()
    start = time.perf_counter()
    for text in texts:
        extract(SourceDocument(text=text), timer=timer)
    return time.perf_counter() - start, timer.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = articles(args.articles)
    whole = "\n\n".join(texts)
    timed(texts[:1])  # warm-up: models, knowledge base, gazetteer
    apart = [timed(texts) for _ in range(args.repeat)]
    joined = [timed([whole]) for _ in range(args.repeat)]
    one, many = statistics.median(t for t, _ in apart), statistics.median(t for t, _ in joined)
    print(f"articles: {len(texts)} ({len(whole)} characters)   repeat: {args.repeat} (medians)")
    print(f"apart  {one:6.2f} s   one document {many:6.2f} s   ratio {many / one:.2f} x")
    for stage in ("clean", "nlp", "resolve", "events"):
        a = statistics.median(s.get(stage, 0.0) for _, s in apart)
        j = statistics.median(s.get(stage, 0.0) for _, s in joined)
        print(f"  {stage:8s} apart {a:6.2f} s   one document {j:6.2f} s   ratio {j / a if a else 0:.2f} x")


if __name__ == "__main__":
    main()
