"""English event coding against PETRARCH's gold standard records (CAMEO), mapped to PLOVER.

Each gold sentence of `events/petrarch/PETR2_GSR_validation.xml` (AFP excerpts) is coded as a
document of its own, dated by the record's date. Gold CAMEO codes become PLOVER types with the
Open Event Data Alliance crosswalk (`events/plover/CAMEO2PLOVER-2021.txt`). Reported:
- recall: gold codings for which dateline codes an event of the same PLOVER type;
- actor country accuracy: among those, the share whose actors include the gold source country;
- precision: dateline events whose type is one of the sentence's gold types.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from dateline.evals import dataset_dir

_SENTENCE = re.compile(r'<Sentence [^>]*date="(\d{8})" id="([^"]+)" evaluate="true"/?>(.*?)</Sentence>', re.S)
_CODING = re.compile(r'<EventCoding eventcode="([^"]*)" sourcecode="([^"]*)" targetcode="([^"]*)"')
_TEXT = re.compile(r"<Text>\s*(.*?)\s*</Text>", re.S)
_CROSSWALK = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,\s*([\w-]*)", re.M)


@dataclass(frozen=True)
class GoldCoding:
    cameo: str
    plover: str | None
    source: str
    target: str


@dataclass(frozen=True)
class GoldSentence:
    id: str
    date: str
    text: str
    codings: tuple[GoldCoding, ...]


def crosswalk() -> dict[str, str]:
    text = (dataset_dir("events/plover") / "CAMEO2PLOVER-2021.txt").read_text("utf-8")
    return {code: kind for code, kind, _mode in _CROSSWALK.findall(text)}


def plover_type(cameo: str, table: dict[str, str]) -> str | None:
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in table:
            return table[cameo[:length]]
    return None


def sentences() -> Iterator[GoldSentence]:
    table = crosswalk()
    raw = (dataset_dir("events/petrarch") / "PETR2_GSR_validation.xml").read_text("utf-8")
    for date, ident, body in _SENTENCE.findall(raw):
        text = _TEXT.search(body)
        codings = tuple(GoldCoding(code, plover_type(code, table), source, target)
                        for code, source, target in _CODING.findall(body))
        if text and codings:
            yield GoldSentence(ident, f"{date[:4]}-{date[4:6]}-{date[6:]}", " ".join(text.group(1).split()), codings)


@dataclass
class PetrarchScore:
    sentences: int = 0
    gold: int = 0
    found_type: int = 0
    actor_right: int = 0
    system: int = 0
    system_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found_type / self.gold if self.gold else 0.0

    @property
    def actor_accuracy(self) -> float:
        return self.actor_right / self.found_type if self.found_type else 0.0

    @property
    def precision(self) -> float:
        return self.system_right / self.system if self.system else 0.0


def _country(code: str) -> str | None:
    head = code[:3]
    return head if re.fullmatch(r"[A-Z]{3}", head) and head != "---" else None


def evaluate(progress: Callable[[], None] | None = None, detector: bool = True) -> PetrarchScore:
    from dateline.pipeline import extract
    from dateline.sources import SourceDocument

    score = PetrarchScore()
    for sentence in sentences():
        record = extract(SourceDocument(text=sentence.text, published=sentence.date), "en", detector=detector)
        score.sentences += 1
        gold_types = {c.plover for c in sentence.codings if c.plover}
        score.system += len(record.events)
        score.system_right += sum(e.event in gold_types for e in record.events)
        for coding in sentence.codings:
            if coding.plover is None:
                continue
            score.gold += 1
            same = [e for e in record.events if e.event == coding.plover]
            if not same:
                score.misses.append(f"{sentence.id}: {coding.plover} ({coding.cameo}) {sentence.text[:80]!r}")
                continue
            score.found_type += 1
            country = _country(coding.source)
            if country is None or any(a.country == country for e in same for a in e.actor):
                score.actor_right += 1
        if progress:
            progress()
    return score
