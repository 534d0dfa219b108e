"""The language promise: a folder with its own grammar and a few predicates (a toy language made
for this test, in `tests/data/toy-language/`) codes events on hand-built parses, with no change
under `events/`. If this needs a code change, a language word has leaked into the coder."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.events.code import code_document
from dateline.events.context import DocumentFacts
from dateline.events.merge import assemble
from dateline.lang import Language
from tests.events.trees import resolution, tree

TOY = Path(__file__).resolve().parents[1] / "data" / "toy-language"


@pytest.fixture(scope="module")
def toy() -> Language:
    return Language.from_folder("eo", TOY)


def events_of(doc, res):  # noqa: ANN001, ANN201
    facts = DocumentFacts(doc_id="toy", published="2024-05-03", date_basis="published", dateline_place=None, times=[])
    return assemble(code_document(res), res, facts)


def summary(events) -> list[tuple]:  # noqa: ANN001
    return [(e.event, e.mode, sorted(a.country for a in e.actor), sorted(r.country for r in e.recipient))
            for e in events]


def test_the_toy_language_loads_with_its_own_words(toy):
    assert not toy.has_pipeline
    assert toy.grammar.prepositions.comitative == {"kun"}
    assert toy.events.happenings[0].actor_sectors == {"COP", "MIL", "GOV"}  # from its own [sets]


def test_a_meeting_with_a_partner_named_by_the_toy_comitative(toy):
    # "Francio renkontis kun Germanio": France met with Germany
    doc = tree([("Francio", 1, "nsubj", "PROPN"), ("renkontis", 1, "ROOT", "VERB", "renkonti"),
                ("kun", 3, "case", "ADP"), ("Germanio", 1, "obl", "PROPN")])
    events = events_of(doc, resolution(doc, toy, countries={0: "FRA", 3: "DEU"}))
    assert summary(events) == [("CONSULT", None, ["DEU", "FRA"], [])]
    assert all(ev.text == doc.text[ev.start:ev.end] for ev in events[0].evidence)


def test_an_attack_and_a_condemnation_with_their_targets(toy):
    # "Rusio atakis Ukrainion. Polujo kondamnis Rusion."
    doc = tree([("Rusio", 1, "nsubj", "PROPN"), ("atakis", 1, "ROOT", "VERB", "ataki"),
                ("Ukrainion", 1, "obj", "PROPN"), (".", 1, "punct", "PUNCT"),
                ("Polujo", 5, "nsubj", "PROPN"), ("kondamnis", 5, "ROOT", "VERB", "kondamni"),
                ("Rusion", 5, "obj", "PROPN"), (".", 5, "punct", "PUNCT")])
    res = resolution(doc, toy, countries={0: "RUS", 2: "UKR", 4: "POL", 6: "RUS"})
    assert sorted(summary(events_of(doc, res))) == [("ACCUSE", "disapprove", ["POL"], ["RUS"]),
                                                    ("ASSAULT", None, ["RUS"], ["UKR"])]


def test_an_arrest_by_an_unnamed_force_of_the_toy_sector_nouns(toy):
    # "La polico arestis manifestaciantojn": the police arrested protesters (dateline: Paris)
    doc = tree([("La", 1, "det", "DET"), ("polico", 2, "nsubj", "NOUN"), ("arestis", 2, "ROOT", "VERB", "aresti"),
                ("manifestaciantoj", 2, "obj", "NOUN")])
    events = events_of(doc, resolution(doc, toy, dateline_countries=frozenset({"FRA"})))
    assert summary(events) == [("COERCE", "arrest", ["FRA"], ["FRA"])]
    assert [a.sector for a in events[0].actor] == ["COP"] and [r.sector for r in events[0].recipient] == ["CVL"]
    assert any("dateline" in reason for reason in events[0].reasons)


def test_a_negation_word_of_the_toy_grammar_sets_the_aux_mode(toy):
    # "Francio ne atakis Germanion": France did not attack Germany
    doc = tree([("Francio", 2, "nsubj", "PROPN"), ("ne", 2, "advmod", "ADV"), ("atakis", 2, "ROOT", "VERB", "ataki"),
                ("Germanion", 2, "obj", "PROPN")])
    events = events_of(doc, resolution(doc, toy, countries={0: "FRA", 3: "DEU"}))
    assert [(e.event, e.aux) for e in events] == [("ASSAULT", "negation")]
