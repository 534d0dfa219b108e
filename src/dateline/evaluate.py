"""Scoring records against gold files (`shared/spec/record.md`, "Gold files").

An event matches a gold event when its type is acceptable, one of its evidence spans overlaps
the gold evidence, and its actor countries intersect the gold ones (when the gold lists any).
Precision, recall and F1 count the non-optional gold events; an event matching an optional
gold event counts neither way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.pipeline import extract
from dateline.record import Event, Record
from dateline.sources import SourceDocument, read_path


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class GoldReport:
    gold: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    document: list[Check] = field(default_factory=list)
    fields: list[Check] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

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


def resolve_input(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The gold's `input` is relative to the folder above the gold file (shared/), or beside it."""
    for base in (gold_path.parent.parent, gold_path.parent):
        candidate = base / gold["input"]
        if candidate.exists():
            return candidate
    return gold_path.parent.parent / gold["input"]


def _span_of(text: str, needle: str) -> tuple[int, int] | None:
    """Where the gold evidence is in the record's text; runs of whitespace may differ."""
    start = text.find(needle)
    if start >= 0:
        return start, start + len(needle)
    words = needle.split()
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    return (found.start(), found.end()) if found else None


def _gold_spans(text: str, gold_event: dict[str, Any]) -> list[tuple[int, int]]:
    """The gold event's evidence and its other mentions (`also_evidence`)."""
    needles = [gold_event["evidence"], *gold_event.get("also_evidence", [])]
    return [span for span in (_span_of(text, n) for n in needles) if span is not None]


def _types(gold_event: dict[str, Any]) -> set[str]:
    value = gold_event["event"]
    return set(value) if isinstance(value, list) else {value}


def _matches(event: Event, gold_event: dict[str, Any], gold_spans: list[tuple[int, int]]) -> bool:
    if event.event not in _types(gold_event) or not gold_spans:
        return False
    if not any(e.start < end and start < e.end for e in event.evidence for start, end in gold_spans):
        return False
    gold_actors = set(gold_event.get("actor", []))
    return not gold_actors or bool(gold_actors & {a.country for a in event.actor})


def _max_matching(edges: dict[int, list[int]], order: list[int], taken: dict[int, int]) -> None:
    """Kuhn's augmenting paths: gold index -> system index, for the golds in `order`."""
    def augment(gold: int, seen: set[int]) -> bool:
        for system in edges.get(gold, []):
            if system in seen:
                continue
            seen.add(system)
            if system not in taken or augment(taken[system], seen):
                taken[system] = gold
                return True
        return False

    for gold in order:
        augment(gold, set())


def match_events(record: Record, gold_events: list[dict[str, Any]]) -> dict[int, int]:
    """system event index -> gold event index; non-optional golds are matched first."""
    text = record.document.text
    spans = [_gold_spans(text, g) for g in gold_events]
    edges = {gi: [si for si, e in enumerate(record.events) if _matches(e, g, spans[gi])]
             for gi, g in enumerate(gold_events)}
    taken: dict[int, int] = {}
    required = [i for i, g in enumerate(gold_events) if not g.get("optional")]
    _max_matching(edges, required, taken)
    _max_matching(edges, [i for i, g in enumerate(gold_events) if g.get("optional")], taken)
    return taken


def _document_checks(record: Record, gold: dict[str, Any]) -> list[Check]:
    doc, want = record.document, gold.get("document", {})
    checks = [Check(key, getattr(doc, key) == want[key], f"got {getattr(doc, key)!r}, want {want[key]!r}")
              for key in ("title", "section", "language", "agency", "published", "published_basis")
              if key in want]
    if "dateline_place" in want:
        place = doc.dateline.place if doc.dateline else None
        got = {k: getattr(place, k, None) for k in want["dateline_place"]} if place else None
        checks.append(Check("dateline_place", got == want["dateline_place"], f"got {got}"))
    for needle in want.get("text_must_contain", []):
        checks.append(Check("text contains", needle in doc.text, needle[:50]))
    for needle in want.get("text_must_not_contain", []):
        checks.append(Check("text lacks", needle not in doc.text, needle[:50]))
    if "title_occurrences_in_text" in want and doc.title:
        count = doc.text.count(doc.title)
        checks.append(Check("title occurrences", count == want["title_occurrences_in_text"], str(count)))
    return checks


def _entity_checks(record: Record, gold: dict[str, Any]) -> list[Check]:
    checks = []
    for want in gold.get("entities", []):
        found = [e for e in record.entities if e.text == want["text"]]
        ok = any(_entity_ok(e, want) for e in found)
        checks.append(Check(f"entity {want['text']}", ok, "" if found else "not found"))
    for want in gold.get("times", []):
        values = [t.value for t in record.times if t.text == want["text"]]
        checks.append(Check(f"time {want['text']}", want["value"] in values, f"got {values}"))
    return checks


def _entity_ok(entity: Any, want: dict[str, Any]) -> bool:
    if "label" in want and entity.label != want["label"]:
        return False
    for part in ("actor", "place"):
        if part in want:
            got = getattr(entity, part)
            if got is None or any(getattr(got, k) != v for k, v in want[part].items()):
                return False
    return True


def _field_checks(event: Event, want: dict[str, Any], label: str) -> list[Check]:
    checks = []
    if "mode" in want:
        checks.append(Check(f"{label} mode", event.mode == want["mode"], f"got {event.mode}"))
    if "recipient" in want:
        got = sorted({a.country for a in event.recipient if a.country})
        checks.append(Check(f"{label} recipient", got == sorted(want["recipient"]), f"got {got}"))
    if "actor" in want:
        got = sorted({a.country for a in event.actor if a.country})
        checks.append(Check(f"{label} actor", got == sorted(want["actor"]), f"got {got}"))
    if "aux" in want:
        checks.append(Check(f"{label} aux", event.aux == want["aux"], f"got {event.aux}"))
    if "date" in want:
        checks.append(Check(f"{label} date", event.date == want["date"], f"got {event.date}"))
    if "location" in want:
        loc = event.location
        ok = loc is not None and all(getattr(loc, k) == v for k, v in want["location"].items())
        checks.append(Check(f"{label} location", ok, f"got {loc.name if loc else None}"))
    return checks


def score(record: Record, gold: dict[str, Any], name: str) -> GoldReport:
    report = GoldReport(gold=name)
    report.document = _document_checks(record, gold) + _entity_checks(record, gold)
    gold_events = gold.get("events", [])
    taken = match_events(record, gold_events)
    for system_index, event in enumerate(record.events):
        gold_index = taken.get(system_index)
        if gold_index is None:
            report.fp += 1
            report.false_positives.append(f"{event.event} {event.evidence[0].text[:70]!r}")
            continue
        want = gold_events[gold_index]
        if not want.get("optional"):
            report.tp += 1
            report.fields += _field_checks(event, want, f"{want['event']}@{want['evidence'][:25]!r}")
    matched = set(taken.values())
    for index, want in enumerate(gold_events):
        if not want.get("optional") and index not in matched:
            report.fn += 1
            report.missed.append(f"{want['event']} {want['evidence'][:70]!r}")
    return report


def _shared_source(gold: dict[str, Any]) -> SourceDocument:
    """A gold whose text stays in ../shared (third-party copyright): `input` names it as
    "shared:datasets/...#URL" and evidence is given as offsets into that text."""
    from dateline.evals import load_source

    source = load_source(gold["input"])
    text = source.text
    for event in gold.get("events", []):
        if "evidence_span" in event:
            start, end = event["evidence_span"]
            event["evidence"] = text[start:end]
            event["also_evidence"] = [text[a:b] for a, b in event.get("also_evidence_spans", [])]
    return source


def evaluate_gold(gold_path: str | Path, detector: bool = True, rules: bool = True) -> GoldReport:
    path = Path(gold_path)
    gold = json.loads(path.read_text("utf-8"))
    source = _shared_source(gold) if gold["input"].startswith("shared:") else read_path(resolve_input(path, gold))
    return score(extract(source, detector=detector, rules=rules), gold, path.name)
