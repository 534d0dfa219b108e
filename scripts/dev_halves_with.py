"""Score the current dev gold (eval/<set>/*.gold.json) with whichever dateline is importable, so an
old checkout can be measured on today's gold:

    PYTHONPATH=<old checkout>/src .venv/bin/python scripts/dev_halves_with.py eval

Halves are the tune/check split of dateline.evals.dev.split_of (sha1 of the gold's input, even =
tune), written out here because old checkouts do not have it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from dateline.evaluate import evaluate_gold


def half_of(reference: str) -> str:
    return ("tune", "check")[int(hashlib.sha1(reference.encode("utf-8")).hexdigest(), 16) % 2]


def main(root: Path) -> None:
    totals: dict[tuple[str, str], list[int]] = {}
    for gold in sorted(root.glob("*/*.gold.json")):
        data = json.loads(gold.read_text("utf-8"))
        if "events" not in data:
            continue  # eval/furniture: the cleaner's gold
        report = evaluate_gold(gold)
        counts = totals.setdefault((gold.parent.name, half_of(data["input"])), [0, 0, 0])
        counts[0] += report.tp
        counts[1] += report.fp
        counts[2] += report.fn
    for (name, half), (tp, fp, fn) in sorted(totals.items()):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{name:12} {half:5} P {precision:.2f} R {recall:.2f} F1 {f1:.2f} ({tp}/{fp}/{fn})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "eval"))
