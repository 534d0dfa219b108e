"""Meetings told by their noun ('talks between Peru and Chile took place'), on invented stories:
every side named, all of them actors; a meeting noun naming one side or none is no event."""

from __future__ import annotations

from dateline.pipeline import extract
from dateline.sources import SourceDocument


def meetings(text: str) -> list[list[tuple]]:
    return [sorted((a.country, a.sector) for a in e.actor)
            for e in extract(SourceDocument(text=text)).events if e.event == "CONSULT"]


def test_english_talks_between_two_named_countries():
    text = "QUITO, May 2 (Reuters) - Talks between Peru and Chile took place in Quito on Monday."
    assert meetings(text) == [[("CHL", None), ("PER", None)]]


def test_a_french_meeting_between_two_named_leaders():
    text = ("LIMA, 3 mai 2022 (AFP) - La rencontre entre le président péruvien Luis Quispe et son homologue "
            "chilien Mateo Rojas a eu lieu lundi.")
    assert meetings(text) == [[("CHL", "GOV"), ("PER", "GOV")]]


def test_a_meeting_noun_with_no_named_sides_is_no_event():
    text = "LIMA, May 2 (Reuters) - The talks took place in Lima on Monday amid heavy security."
    assert meetings(text) == []


def test_the_noun_and_the_verb_of_one_meeting_are_one_event():
    text = ("LIMA, May 2 (Reuters) - Peruvian President Luis Quispe met Chilean President Mateo Rojas in Lima "
            "on Monday. The meeting between Quispe and Rojas lasted two hours.")
    assert len(meetings(text)) == 1


def test_an_intergovernmental_body_meeting_on_its_own_is_consult_of_its_members():
    text = "NEW YORK, June 9, 2022 (Reuters) - The UN Security Council held urgent talks on the crisis in Sudan."
    assert [(e.event, [a.country for a in e.actor]) for e in extract(SourceDocument(text=text)).events] == [
        ("CONSULT", ["UNO"])]
    alone = "KHARTOUM, June 9, 2022 (Reuters) - The Sudanese army held talks on Tuesday."
    assert [e for e in extract(SourceDocument(text=alone)).events if e.event == "CONSULT"] == []
