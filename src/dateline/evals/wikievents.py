"""English documents of WikiEvents (KAIROS ontology): the gold events of types that PLOVER also
has, mapped by hand below, and whether dateline codes an event of that PLOVER type in the same
sentence. WikiEvents arguments carry no country codes, so actor countries are not scored here."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from dateline.evals import dataset_dir

# KAIROS type prefix -> PLOVER type (types with no PLOVER counterpart, such as Life.Die,
# Movement.Transportation or Disaster, are left out).
KAIROS_TO_PLOVER = {
    "Conflict.Attack": "ASSAULT",
    "Conflict.Demonstrate": "PROTEST",
    "Contact.Contact.Meet": "CONSULT",
    "Contact.RequestCommand": "REQUEST",
    "Contact.ThreatenCoerce": "THREATEN",
    "Justice.ArrestJailDetain": "COERCE",
    "Justice.ReleaseParole": "RETREAT",
    "Justice.ChargeIndict": "ACCUSE",
    "Justice.InvestigateCrime": "ACCUSE",
    "Justice.Convict": "SANCTION",
    "Justice.Sentence": "SANCTION",
}


def plover_of(kairos: str) -> str | None:
    return next((p for prefix, p in KAIROS_TO_PLOVER.items() if kairos.startswith(prefix)), None)


@dataclass
class WikiScore:
    documents: int = 0
    gold: int = 0
    found: int = 0
    system: int = 0
    system_right: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.system_right / self.system if self.system else 0.0


def evaluate(progress: Callable[[], None] | None = None, detector: bool = True) -> WikiScore:
    from dateline.pipeline import extract
    from dateline.sources import SourceDocument

    score = WikiScore()
    for line in (dataset_dir("events/wikievents") / "dev.jsonl").read_text("utf-8").splitlines():
        doc = json.loads(line)
        sentences = [sentence[1] for sentence in doc["sentences"]]
        record = extract(SourceDocument(text="\n\n".join(sentences)), "en", detector=detector)
        score.documents += 1
        coded: dict[int, set[str]] = {}
        for event in record.events:
            where = {i for i, s in enumerate(sentences) for ev in event.evidence if ev.text in s}
            for index in where:
                coded.setdefault(index, set()).add(event.event)
        gold_by_sentence: dict[int, set[str]] = {}
        for mention in doc["event_mentions"]:
            kind = plover_of(mention["event_type"])
            if kind is None:
                continue
            index = mention["trigger"]["sent_idx"]
            gold_by_sentence.setdefault(index, set()).add(kind)
            score.gold += 1
            hit = kind in coded.get(index, set())
            score.found += hit
            tally = score.by_type.setdefault(kind, [0, 0])
            tally[0] += 1
            tally[1] += hit
        for event in record.events:
            score.system += 1
            where = {i for i, s in enumerate(sentences) for ev in event.evidence if ev.text in s}
            score.system_right += any(event.event in gold_by_sentence.get(i, set()) for i in where)
        if progress:
            progress()
    return score
