"""Named entities, dateline's resolved entities beside the bare spaCy model on the same parse:
`ner/hipe2020-fr` (coarse literal PER/LOC/ORG, strict boundaries) and `ner/dwie` (English
entity mentions typed person / organisation / location, strict boundaries). Micro P/R/F1."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dateline.evals import Tally, dataset_dir

Span = tuple[int, int, str]
BARE = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
RESOLVED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
HIPE = {"pers": "PER", "loc": "LOC", "org": "ORG"}


@dataclass(frozen=True)
class NerDoc:
    id: str
    text: str
    gold: frozenset[Span]


def hipe() -> Iterator[NerDoc]:
    path = dataset_dir("ner/hipe2020-fr") / "HIPE-data-v1.4-dev-fr.tsv"
    ident, parts, gold, current = "", [], set(), None
    length = 0

    def finish() -> NerDoc | None:
        if current is not None:
            gold.add((current[0], length_end[0], current[1]))
        return NerDoc(ident, "".join(parts), frozenset(gold)) if parts else None

    length_end = [0]
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# document_id"):
            done = finish()
            if done:
                yield done
            ident, parts, gold, current, length = line.split("=", 1)[1].strip(), [], set(), None, 0
            continue
        if not line or line.startswith("#") or line.startswith("TOKEN\t"):
            continue
        cols = line.split("\t")
        token, tag, misc = cols[0], cols[1], cols[-1]
        kind = HIPE.get(tag[2:]) if tag != "O" else None
        if current is not None and not (tag.startswith("I-") and kind == current[1]):
            gold.add((current[0], length_end[0], current[1]))
            current = None
        if tag.startswith("B-") and kind:
            current = (length, kind)
        parts.append(token)
        length += len(token)
        length_end[0] = length
        if "NoSpaceAfter" not in misc:
            parts.append("\n" if "EndOfLine" in misc else " ")
            length += 1
    done = finish()
    if done:
        yield done


def dwie() -> Iterator[NerDoc]:
    kinds = {"type::person": "PER", "type::organization": "ORG", "type::location": "LOC", "type::gpe": "LOC"}
    for path in sorted((dataset_dir("ner/dwie") / "annos_with_content").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        concept_kind = {}
        for concept in data["concepts"]:
            tags = set(concept.get("tags") or [])
            kind = next((k for tag, k in kinds.items() if tag in tags), None)
            if kind and "type::entity" in tags:
                concept_kind[concept["concept"]] = kind
        gold = frozenset((m["begin"], m["end"], concept_kind[m["concept"]]) for m in data["mentions"]
                         if m["concept"] in concept_kind)
        yield NerDoc(data["id"], data["content"], gold)


SETS: dict[str, tuple[Callable[[], Iterator[NerDoc]], str]] = {"hipe2020-fr": (hipe, "fr"), "dwie": (dwie, "en")}


@dataclass
class NerScore(Tally):
    def add(self, gold: frozenset[Span], found: set[Span]) -> None:
        self.tp += len(gold & found)
        self.fp += len(found - gold)
        self.fn += len(gold - found)


def evaluate(name: str, progress: Callable[[], None] | None = None) -> dict[str, NerScore]:
    from dateline.nlp import parse
    from dateline.resolve.entities import resolve_entities

    loader, lang = SETS[name]
    scores = {"spaCy alone": NerScore(), "dateline": NerScore()}
    for doc in loader():
        parsed = parse(doc.text, lang)
        bare = {(e.start_char, e.end_char, BARE[e.label_]) for e in parsed.ents if e.label_ in BARE}
        resolved = resolve_entities(parsed, lang, frozenset())
        ours = {(e.span.start_char, e.span.end_char, RESOLVED[e.label]) for e in resolved.entities
                if e.label in RESOLVED}
        scores["spaCy alone"].add(doc.gold, bare)
        scores["dateline"].add(doc.gold, ours)
        if progress:
            progress()
    return scores
