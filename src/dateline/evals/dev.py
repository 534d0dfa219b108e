"""The development gold sets (`eval/<set>/*.gold.json`, annotated with shared/spec/annotation.md),
each split into a *tune* half and a *check* half by a fixed hash of the document's `input`.

Only the tune half's misses are read when changing the coder; a change is kept when the check
half does not get worse. `dateline eval dev` reports both halves of every set; the eval gate
(`tests/test_eval_gate.py`) holds each half above the floors of `eval/floors.toml`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.evaluate import GoldReport, evaluate_gold

HALVES = ("tune", "check")


def split_of(reference: str) -> str:
    """'tune' or 'check', from the sha1 of the gold's `input` (stable, and blind to content)."""
    return HALVES[int(hashlib.sha1(reference.encode("utf-8")).hexdigest(), 16) % 2]


def eval_dir() -> Path:
    """`$DATELINE_EVAL_DIR`, else the `eval/` folder of the checkout (beside `src/`)."""
    configured = os.environ.get("DATELINE_EVAL_DIR")
    if configured:
        return Path(configured)
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        if (base / "eval" / "check_gold.py").is_file():
            return base / "eval"
    return Path.cwd() / "eval"


def _event_gold(path: Path) -> bool:
    head = json.loads(path.read_text("utf-8"))
    return isinstance(head, dict) and "input" in head and "events" in head


def dev_sets() -> dict[str, list[Path]]:
    """Every event gold set of the checkout, by folder name (eval/furniture is the cleaner's)."""
    root = eval_dir()
    return {folder.name: golds for folder in sorted(p for p in root.iterdir() if p.is_dir())
            if (golds := [g for g in sorted(folder.glob("*.gold.json")) if _event_gold(g)])}


@dataclass
class Totals:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    documents: int = 0
    reports: list[GoldReport] = field(default_factory=list)

    def add(self, report: GoldReport) -> None:
        self.tp, self.fp, self.fn = self.tp + report.tp, self.fp + report.fp, self.fn + report.fn
        self.documents += 1
        self.reports.append(report)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_halves(golds: list[Path]) -> Iterator[tuple[str, Path]]:
    for gold in golds:
        yield split_of(json.loads(gold.read_text("utf-8"))["input"]), gold


def evaluate_sets(names: list[str] | None = None, progress: Callable[[], None] | None = None,
                  detector: bool = True, rules: bool = True) -> dict[str, dict[str, Totals]]:
    """set -> half -> totals, for the sets named (default: all)."""
    sets = dev_sets()
    unknown = set(names or []) - set(sets)
    if unknown:
        raise KeyError(f"unknown gold sets {sorted(unknown)} (have {', '.join(sets)})")
    results: dict[str, dict[str, Totals]] = {}
    for name in names or list(sets):
        halves = results.setdefault(name, {half: Totals() for half in HALVES})
        for half, gold in gold_halves(sets[name]):
            halves[half].add(evaluate_gold(gold, detector, rules))
            if progress:
                progress()
    return results


def count_golds(names: list[str] | None = None) -> int:
    sets = dev_sets()
    return sum(len(sets[name]) for name in names or list(sets))
