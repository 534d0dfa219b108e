"""Pages per second of dateline's clean stage on HTML, as a ratio to trafilatura alone.

Run: `.venv/bin/python bench/bench_clean.py [--limit N]` (needs ../shared/datasets/extraction).
All runs are in this process on the same pages (ScrapingHub + NAEB), interleaved, in a
rotating order. Two trafilatura baselines:
- `trafilatura+metadata`: `bare_extraction(html, url=url, with_metadata=True)`, trafilatura doing
  the clean stage's job (body, title, author, site, date via htmldate); the target is
  dateline / this >= 0.9;
- `trafilatura-body`: `extract(html, url=url)` with its defaults, body text only (reported).
dateline = `clean_html` (trafilatura with metadata and htmldate, the line cleaner, lingua).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import trafilatura

from dateline.clean import clean_html
from dateline.evals.extraction import naeb, scrapinghub


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    pages = ([*scrapinghub(), *naeb()])[: args.limit]
    clean_html(pages[0].html, pages[0].url)  # warm-up: language detector, knowledge base
    trafilatura.extract(pages[0].html, url=pages[0].url)
    runs = [("trafilatura+metadata", lambda p: trafilatura.bare_extraction(p.html, url=p.url, with_metadata=True)),
            ("trafilatura-body", lambda p: trafilatura.extract(p.html, url=p.url)),
            ("dateline", lambda p: clean_html(p.html, p.url)),
            ("dateline-precise", lambda p: clean_html(p.html, p.url, profile="precise"))]
    times: dict[str, list[float]] = {name: [] for name, _ in runs}
    for index, page in enumerate(pages):
        shift = index % len(runs)
        for name, run in runs[shift:] + runs[:shift]:
            start = time.perf_counter()
            run(page)
            times[name].append(time.perf_counter() - start)
    rates = {name: 1 / statistics.mean(values) for name, values in times.items()}
    print(f"pages: {len(pages)}   cores: {os.cpu_count()}")
    for name, rate in rates.items():
        print(f"{name:22s} {rate:7.1f} pages/s")
    for ours in ("dateline", "dateline-precise"):
        for peer in ("trafilatura+metadata", "trafilatura-body"):
            print(f"ratio {ours}/{peer}: {rates[ours] / rates[peer]:.2f}")


if __name__ == "__main__":
    main()
