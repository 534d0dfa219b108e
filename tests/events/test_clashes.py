"""Two-sided clashes (annotation.md): ASSAULT with both sides as actors and no recipient, on
invented stories; a war of words between governments is no clash."""

from __future__ import annotations

from dateline.pipeline import extract
from dateline.sources import SourceDocument


def clashes(text: str) -> list[tuple]:
    return [(sorted((a.country, a.sector) for a in e.actor), e.recipient, e.location.name if e.location else None)
            for e in extract(SourceDocument(text=text)).events if e.event == "ASSAULT"]


def test_a_french_clash_between_named_sides():
    text = ("BRUXELLES, 14 mars 2021 (AFP) - De violents heurts ont éclaté dimanche à Liège entre des "
            "manifestants et les policiers.")
    assert clashes(text) == [([("BEL", "COP"), ("BEL", "CVL")], [], "Liège")]


def test_a_french_reflexive_clash_with_the_forces():
    text = ("MADRID, 14 mars 2021 (AFP) - Des étudiants se sont affrontés dimanche avec la police à Séville.")
    assert clashes(text) == [([("ESP", "COP"), ("ESP", "EDU")], [], "Sevilla")]


def test_an_english_clash_names_its_other_side_or_gives_the_police():
    text = "LONDON, May 2, 2022 (Reuters) - Protesters clashed with police in Leeds on Saturday."
    assert clashes(text) == [([("GBR", "COP"), ("GBR", "CVL")], [], "Leeds")]


def test_a_war_of_words_is_no_clash():
    text = ("GENEVA, May 2, 2022 (Reuters) - Japan clashed with South Korea over fishing quotas on Monday.")
    assert clashes(text) == []


def test_a_clash_and_the_tear_gas_fired_at_the_crowd_are_two_events():
    text = ("DUBLIN, May 2, 2022 (Reuters) - Police fired tear gas at students in Cork on Saturday. "
            "Later riot police clashed with the students near the university.")
    found = clashes(text)
    assert len(found) == 2 and [] in [recipients for _, recipients, _ in found]
