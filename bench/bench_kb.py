"""Load time and resident memory of the knowledge base and gazetteer, in a fresh process.

Run: `.venv/bin/python bench/bench_kb.py`. Targets: under 2 s and under 1.5 GB resident.
The baseline is the same process before loading (Python, dateline's modules imported).
"""

from __future__ import annotations

import os
import resource
import time


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from dateline.kb import load_kb
    from dateline.kb.people import load_people
    from dateline.nlp import pipeline
    from dateline.resolve.actors import lexicon
    from dateline.resolve.places import load_gazetteer

    before = rss_mb()
    laps: dict[str, float] = {}
    start = time.perf_counter()
    kb = load_kb()
    laps["countries, organisations, agencies"] = time.perf_counter() - start
    people = load_people()
    laps["people (curated + Phoenix)"] = time.perf_counter() - start - sum(laps.values())
    gazetteer = load_gazetteer()
    laps["gazetteer"] = time.perf_counter() - start - sum(laps.values())
    knowledge = time.perf_counter() - start
    middle = rss_mb()
    for lang in ("fr", "en"):
        pipeline(lang)  # the spaCy models: the nlp stage's, timed apart
    laps["spaCy models (nlp stage)"] = time.perf_counter() - start - knowledge
    model_done = time.perf_counter()
    lexicons = [lexicon("fr"), lexicon("en")]
    laps["actor lexicons (phrase matchers)"] = time.perf_counter() - model_done
    after = rss_mb()
    print(f"cores: {os.cpu_count()}")
    print(f"countries {len(kb.countries)}, agencies {len(kb.agencies)}, curated people {len(people.people)}, "
          f"imported people {len({p.id for p in people.imported.values()})}, gazetteer names {len(gazetteer._index)}, "
          f"lexicons {len(lexicons)}")
    for name, seconds in laps.items():
        print(f"  {name:36s} {seconds:5.2f} s")
    print(f"knowledge base + gazetteer: {knowledge:.2f} s, +{middle - before:.0f} MB resident "
          f"({before:.0f} MB before)")
    print(f"with models and lexicons: {after:.0f} MB resident")


if __name__ == "__main__":
    main()
