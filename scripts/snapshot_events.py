"""Write every event dateline codes on a set of inputs as JSON Lines, to compare two versions of
the coder (a refactoring must leave the snapshot unchanged; a rule change shows what it moved).

    python scripts/snapshot_events.py OUT.jsonl [INPUT ...]
    python scripts/snapshot_events.py --diff OLD.jsonl NEW.jsonl

Without inputs it reads the shared French and English wire corpora, the paraphrase variants and
the bundled example. `--reasons` keeps the reasons in the snapshot (else only the coded fields).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.progress import track

from dateline.evals import shared_dir
from dateline.pipeline import extract
from dateline.sources import SourceDocument
from dateline.sources.inputs import iter_inputs

ROOT = Path(__file__).resolve().parents[1]


def default_inputs() -> list[Path]:
    shared = shared_dir() / "datasets" / "news"
    return [shared / "fr-wire" / "fr_CA_corpus.xml", *sorted((shared / "en-wire").glob("*.xml")),
            *sorted((ROOT / "tests" / "data" / "variants").glob("*.txt")), *sorted((ROOT / "examples").glob("*.txt"))]


def event_row(doc_id: str, event: dict, reasons: bool) -> dict:
    keep = {k: v for k, v in event.items() if k not in {"id", "reasons", "evidence"}}
    keep["actor"] = [(a["country"], a["sector"], a["name"]) for a in event["actor"]]
    keep["recipient"] = [(a["country"], a["sector"], a["name"]) for a in event["recipient"]]
    keep["attributed_to"] = (event["attributed_to"] or {}).get("name")
    keep["location"] = (event["location"] or {}).get("name")
    keep["evidence"] = [(e["start"], e["end"]) for e in event["evidence"]]
    if reasons:
        keep["reasons"] = event["reasons"]
    return {"doc": doc_id, **keep}


def snapshot(out: Path, inputs: list[Path], reasons: bool) -> None:
    items = [item for item in iter_inputs(inputs) if isinstance(item, SourceDocument)]
    with out.open("w", encoding="utf-8") as handle:
        for item in track(items, description="coding"):
            record = extract(item).to_json_dict()
            for event in record["events"]:
                handle.write(json.dumps(event_row(record["document"]["id"], event, reasons), ensure_ascii=False) + "\n")


def diff(old: Path, new: Path) -> int:
    before = old.read_text("utf-8").splitlines()
    after = new.read_text("utf-8").splitlines()
    gone, added = sorted(set(before) - set(after)), sorted(set(after) - set(before))
    for line in gone:
        print("-", line)
    for line in added:
        print("+", line)
    print(f"{len(before)} events before, {len(after)} after; {len(gone)} gone, {len(added)} added")
    return 1 if gone or added else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--diff"]:
        sys.exit(diff(Path(args[1]), Path(args[2])))
    with_reasons = "--reasons" in args
    args = [a for a in args if a != "--reasons"]
    snapshot(Path(args[0]), [Path(a) for a in args[1:]] or default_inputs(), with_reasons)
