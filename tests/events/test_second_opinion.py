"""The detector's second opinion (events/second_opinion.py), with a hand-made detector whose
weights are set by the test, on invented stories: a confident type where no rule fired gives an
event when both parties resolve; a rule event of a type the detector finds unlikely loses
confidence; `detector=False` is the rules alone."""

from __future__ import annotations

import numpy as np
import pytest

import dateline.pipeline
from dateline.detector.model import Detector
from dateline.pipeline import extract
from dateline.plover import EVENT_TYPES
from dateline.sources import SourceDocument


def _detector(lang: str, width: int, weights: dict[str, dict[str, float]], add: dict, drop: dict) -> Detector:
    features = sorted({f for by_type in weights.values() for f in by_type})
    vocabulary = {f: i for i, f in enumerate(features)}
    sparse = np.zeros((len(features), len(EVENT_TYPES)), np.float32)
    for event_type, by_feature in weights.items():
        for feature, weight in by_feature.items():
            sparse[vocabulary[feature], EVENT_TYPES.index(event_type)] = weight
    bias = np.full(len(EVENT_TYPES), -4.0, np.float32)
    return Detector(lang, EVENT_TYPES, vocabulary, sparse, np.zeros((width, len(EVENT_TYPES)), np.float32), bias,
                    {"thresholds": {"add": add, "drop": drop}})


@pytest.fixture
def snub_detector(monkeypatch):
    """REJECT is likely wherever "snub" / "snober" is the verb; COERCE is unlikely everywhere."""
    detectors = {
        "en": _detector("en", 96, {"REJECT": {"V=snub": 9.0}}, {"REJECT": 0.9}, {"COERCE": 0.5}),
        "fr": _detector("fr", 300, {"REJECT": {"V=snober": 9.0}}, {"REJECT": 0.9}, {"COERCE": 0.5}),
    }
    monkeypatch.setattr(dateline.pipeline, "load_detector", detectors.get)


def _events(text: str, detector: bool = True) -> list[tuple]:
    return [(e.event, [a.country for a in e.actor], [a.country for a in e.recipient])
            for e in extract(SourceDocument(text=text), detector=detector).events]


def test_a_confident_type_where_no_rule_fired_gives_an_event_with_both_parties(snub_detector):
    text = "SANTIAGO, May 2, 2023 (Reuters) - The Chilean government snubbed Peru's foreign minister on Monday."
    assert _events(text, detector=False) == []
    assert _events(text) == [("REJECT", ["CHL"], ["PER"])]
    record = extract(SourceDocument(text=text))
    event = record.events[0]
    assert any(r.startswith("detector: P(REJECT)") for r in event.reasons)
    assert [e.text for e in event.evidence] == ["The Chilean government snubbed Peru's foreign minister"]
    assert all(record.document.text[e.start:e.end] == e.text for e in event.evidence)


def test_a_french_sentence_and_another_word_order(snub_detector):
    text = ("LIMA, 3 mai 2023 (AFP) - Lundi, le ministre péruvien des Affaires étrangères a été snobé "
            "par le gouvernement chilien.")
    assert _events(text, detector=False) == []
    assert _events(text) == [("REJECT", ["CHL"], ["PER"])]


def test_no_event_when_a_party_does_not_resolve(snub_detector):
    assert _events("SANTIAGO, May 2, 2023 (Reuters) - The Chilean government snubbed the idea on Monday.") == []


def test_a_negated_clause_gives_no_detector_event(snub_detector):
    text = "SANTIAGO, May 2, 2023 (Reuters) - The Chilean government did not snub Peru's foreign minister."
    assert _events(text) == []


def test_a_rule_event_of_an_unlikely_type_loses_confidence_with_a_reason(snub_detector):
    text = "WARSAW, May 2, 2023 (Reuters) - Polish police arrested three Belarusian activists on Monday."
    alone = [e for e in extract(SourceDocument(text=text), detector=False).events if e.event == "COERCE"]
    judged = [e for e in extract(SourceDocument(text=text)).events if e.event == "COERCE"]
    assert len(alone) == len(judged) == 1
    assert judged[0].confidence < alone[0].confidence
    assert any("under its drop threshold" in r for r in judged[0].reasons)
    assert not any("detector" in r for r in alone[0].reasons)


def test_rules_off_leaves_the_detector_events_alone(snub_detector):
    text = ("SANTIAGO, May 2, 2023 (Reuters) - Chilean police arrested three Bolivian activists on Monday. "
            "The Chilean government snubbed Peru's foreign minister on Tuesday.")
    both = {e.event for e in extract(SourceDocument(text=text)).events}
    alone = {e.event for e in extract(SourceDocument(text=text), rules=False).events}
    assert {"COERCE", "REJECT"} <= both
    assert alone == {"REJECT"}


def test_parties_of_one_country_and_sector_give_no_detector_event(snub_detector):
    text = ("SANTIAGO, May 2, 2023 (Reuters) - Chilean President Ana Rojas snubbed the Chilean interior minister, "
            "Pedro Soto, on Monday.")
    assert _events(text) == []


def test_a_detected_meeting_puts_both_sides_in_actor_as_the_rules_do(monkeypatch):
    detector = _detector("en", 96, {"CONSULT": {"V=meet": 9.0}}, {"CONSULT": 0.9}, {})
    monkeypatch.setattr(dateline.pipeline, "load_detector", {"en": detector}.get)
    text = ("MADRID, May 2, 2023 (Reuters) - Japanese minister Kenji Sato met Chilean activist Carlos Ruiz "
            "in Madrid on Monday.")
    events = extract(SourceDocument(text=text), rules=False).events
    assert [(e.event, sorted(a.country for a in e.actor), e.recipient) for e in events] == [
        ("CONSULT", ["CHL", "JPN"], [])]
    assert any(r.startswith("detector: P(CONSULT)") for r in events[0].reasons)



def _draft(event: str, actors: list[tuple], recipients: list[tuple]):
    from dateline.events.draft import Draft
    from dateline.resolve.actors import ActorRef

    def refs(parties: list[tuple]) -> list[ActorRef]:
        return [ActorRef(text=name or "", name=name, country=country) for name, country in parties]

    return Draft(event, None, refs(actors), refs(recipients), sentence=None, core=[], clause=None, reasons=[],
                 confidence=0.4)


def test_a_detected_event_retelling_a_rule_event_of_the_story_is_not_added_twice():
    from dateline.events.second_opinion import retells

    rule = _draft("CONSULT", [("Ana Rojas", "CHL"), (None, "PER")], [])  # "Rojas met Peruvian opposition leaders"
    assert retells(_draft("CONSULT", [("Ana Rojas", "CHL"), ("Luis Vega", "PER")], []), [rule])
    assert not retells(_draft("CONSULT", [("Pedro Soto", "CHL"), ("Luis Vega", "PER")], []), [rule])
    assert not retells(_draft("CONSULT", [("Ana Rojas", "CHL"), ("Juan Mamani", "BOL")], []), [rule])
    assert not retells(_draft("REJECT", [("Ana Rojas", "CHL"), ("Luis Vega", "PER")], []), [rule])
