"""Body extraction and publication dates on HTML pages, dateline beside its peers.

Body: the ScrapingHub article-extraction benchmark's metric (`\\w+` tokens, multisets of
4-gram shingles, per-page TP/FP/FN normalised to sum 1, precision and recall averaged over
pages, F1 of the averages), re-implemented here because the benchmark ships no package.
Dates: day-level accuracy over the pages that have a gold date.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.evals import dataset_dir

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    html: str
    body: str | None
    date: str | None


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page, as the benchmark's `string_shingle_matching`."""
    gold, found = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in gold.keys() | found.keys():
        g, f = gold.get(key, 0), found.get(key, 0)
        tp += min(g, f)
        fp += max(0, f - g)
        fn += max(0, g - f)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


@dataclass
class BodyScore:
    triples: list[tuple[float, float, float]] = field(default_factory=list)
    exact: int = 0

    def add(self, true: str, pred: str) -> None:
        self.triples.append(shingle_match(true, pred))
        self.exact += _TOKEN.findall(true) == _TOKEN.findall(pred or "")

    @property
    def precision(self) -> float:
        values = [_precision(*t) for t in self.triples if t[0] + t[1] > 0]
        return statistics.mean(values) if values else 0.0

    @property
    def recall(self) -> float:
        values = [_recall(*t) for t in self.triples if t[0] + t[2] > 0]
        return statistics.mean(values) if values else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DateScore:
    right: int = 0
    wrong: int = 0
    missing: int = 0

    def add(self, gold: str, found: str | None) -> None:
        if not found:
            self.missing += 1
        elif found[:10] == gold[:10]:
            self.right += 1
        else:
            self.wrong += 1

    @property
    def accuracy(self) -> float:
        total = self.right + self.wrong + self.missing
        return self.right / total if total else 0.0


def _gunzip_text(path: Path) -> str:
    data = gzip.decompress(path.read_bytes())
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from dateline.sources.decode import decode_bytes

        return decode_bytes(str(path), data)[0]


def scrapinghub() -> Iterator[Page]:
    root = dataset_dir("extraction/scrapinghub")
    for key, gold in json.loads((root / "ground-truth.json").read_text("utf-8")).items():
        yield Page(key, gold.get("url"), _gunzip_text(root / "html" / f"{key}.html.gz"), gold["articleBody"], None)


def naeb() -> Iterator[Page]:
    root = dataset_dir("extraction/naeb")
    for key, gold in json.loads((root / "articles.json").read_text("utf-8")).items():
        yield Page(key, gold.get("url"), _gunzip_text(root / "html" / f"{key}.html.gz"), gold["articleBody"],
                   gold.get("date") or None)


def htmldate_set() -> Iterator[Page]:
    root = dataset_dir("dates/htmldate")
    for name in ("eval_default.json", "eval_mediacloud_2020.json"):
        for url, gold in json.loads((root / name).read_text("utf-8")).items():
            path = next((root / d / f"{gold['file']}.gz" for d in ("test_set", "cache", "eval")
                         if (root / d / f"{gold['file']}.gz").exists()), None)
            if path is not None and isinstance(gold.get("date"), str):
                yield Page(gold["file"], url, _gunzip_text(path), None, gold["date"])


SETS: dict[str, Callable[[], Iterator[Page]]] = {
    "scrapinghub": scrapinghub, "naeb": naeb, "htmldate": htmldate_set,
}


def dateline_extract(page: Page) -> tuple[str, str | None]:
    from dateline.clean import clean_html

    doc = clean_html(page.html, page.url)
    return doc.text, doc.published


def dateline_precise(page: Page) -> tuple[str, str | None]:
    from dateline.clean import clean_html

    doc = clean_html(page.html, page.url, profile="precise")
    return doc.text, doc.published


def trafilatura_extract(page: Page) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url) or "", None


def htmldate_date(page: Page) -> tuple[str, str | None]:
    from htmldate import find_date

    try:
        return "", find_date(page.html, url=page.url)
    except (ValueError, TypeError):
        return "", None


def htmldate_original(page: Page) -> tuple[str, str | None]:
    from htmldate import find_date

    try:
        return "", find_date(page.html, url=page.url, original_date=True)
    except (ValueError, TypeError):
        return "", None


SYSTEMS: dict[str, Callable[[Page], tuple[str, str | None]]] = {
    "dateline": dateline_extract, "dateline-precise": dateline_precise, "trafilatura": trafilatura_extract,
    "htmldate": htmldate_date, "htmldate-original": htmldate_original,
}


@dataclass
class Row:
    dataset: str
    system: str
    pages: int
    body: BodyScore | None
    dates: DateScore | None


def evaluate(dataset: str, systems: list[str] | None = None, limit: int | None = None,
             progress: Callable[[], None] | None = None) -> list[Row]:
    pages = list(SETS[dataset]())[:limit]
    rows = []
    for system in systems or list(SYSTEMS):
        extract = SYSTEMS[system]
        has_body = not system.startswith("htmldate") and bool(pages) and pages[0].body is not None
        has_dates = system != "trafilatura" and any(p.date for p in pages)
        if not (has_body or has_dates):
            continue
        body, dates = BodyScore(), DateScore()
        for page in pages:
            text, date = extract(page)
            if has_body and page.body is not None:
                body.add(page.body, text)
            if has_dates and page.date:
                dates.add(page.date, date)
            if progress:
                progress()
        rows.append(Row(dataset, system, len(pages), body if has_body else None, dates if has_dates else None))
    return rows
