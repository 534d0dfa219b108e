"""Date normalisation against French TimeBank 1.1 (`time/fr-timebank`): for every DATE TIMEX3
of the texts (the creation time excluded), is there a dateline date overlapping it with the
same TIMEX3 value, each document's creation time being the anchor?"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dateline.evals import dataset_dir
from dateline.evals.timebank import GoldTimex, plain_with_dates


@dataclass(frozen=True)
class TimeDoc:
    name: str
    creation: dt.date
    text: str
    dates: tuple[GoldTimex, ...]


def documents() -> Iterator[TimeDoc]:
    for path in sorted((dataset_dir("time/fr-timebank") / "Data").glob("*.tml")):
        raw = path.read_text("utf-8")
        creation = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})"', raw)
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not (creation and body):
            continue
        text, golds = plain_with_dates(body.group(1))
        yield TimeDoc(path.stem, dt.date.fromisoformat(creation.group(1)), text, tuple(golds))


@dataclass
class TimeScore:
    gold: int = 0
    found: int = 0
    right: int = 0
    system: int = 0
    system_on_gold: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.gold if self.gold else 0.0


def evaluate() -> TimeScore:
    from dateline.nlp import parse
    from dateline.resolve.relative import anchor_relative, find_all_dates
    from dateline.resolve.times import anchor_partial_dates

    score = TimeScore()
    for doc in documents():
        mentions = find_all_dates(doc.text, "fr")
        anchor_partial_dates(mentions, doc.creation)
        anchor_relative(mentions, doc.creation, parse(doc.text, "fr"))
        score.system += len(mentions)
        score.system_on_gold += sum(any(m.start < g.end and g.start < m.end for g in doc.dates) for m in mentions)
        for gold in doc.dates:
            score.gold += 1
            over = [m for m in mentions if m.start < gold.end and gold.start < m.end]
            if over:
                score.found += 1
            if any(m.timex() == gold.value for m in over):
                score.right += 1
            else:
                got = [m.timex() for m in over]
                score.errors.append(f"{doc.name} ({doc.creation}): {gold.text!r} = {gold.value}, got {got}")
    return score
