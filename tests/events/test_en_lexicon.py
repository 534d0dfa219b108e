"""English event lexicon breadth (hand-written entries of `lang/en/events.toml` and CAMEO imports
of `lang/en/verbs.toml`), on invented stories with other names, countries and word orders."""

from __future__ import annotations

from dateline.pipeline import extract
from dateline.sources import SourceDocument


def coded(text: str) -> list[tuple]:
    return [(e.event, e.mode, sorted((a.country, a.sector) for a in e.actor),
             sorted((r.country, r.sector) for r in e.recipient))
            for e in extract(SourceDocument(text=text)).events]


def types(text: str) -> list[str]:
    return [e[0] for e in coded(text)]


# --- CONCEDE -------------------------------------------------------------------------------
def test_a_suspended_tax_is_concede():
    text = "MADRID, June 9, 2022 (Reuters) - The Spanish government suspended the planned diesel tax increase on Monday."
    assert coded(text) == [("CONCEDE", None, [("ESP", "GOV")], [("ESP", None)])]
    scrapped = "ROME, June 9, 2022 (Reuters) - Italian Prime Minister Mario Bianchi scrapped the motorway tolls on Friday."
    assert types(scrapped) == ["CONCEDE"]


def test_dropping_something_else_is_no_concession():
    assert coded("MADRID, June 9, 2022 (Reuters) - Spain's coach dropped two players from the squad on Monday.") == []
    assert coded("MADRID, June 9, 2022 (Reuters) - Fuel prices dropped sharply in Spain on Monday.") == []


def test_backing_down_is_concede_but_not_backing_down_is_not():
    text = "ATHENS, June 9, 2022 (Reuters) - Greek Prime Minister Kostas Andreou backed down on Thursday."
    assert coded(text) == [("CONCEDE", None, [("GRC", "GOV")], [("GRC", None)])]
    refusal = "ATHENS, June 9, 2022 (Reuters) - Andreou told reporters he would never back down."
    assert "CONCEDE" not in types(refusal)


def test_a_reduced_sentence_is_concede_by_the_court():
    text = "SOFIA, June 9, 2022 (Reuters) - A Bulgarian appeals court reduced the sentence of the former mayor."
    assert [(e[0], e[2]) for e in coded(text)] == [("CONCEDE", [("BGR", "JUD")])]
    costs = "SOFIA, June 9, 2022 (Reuters) - Bulgaria's airline reduced its costs last year."
    assert coded(costs) == []


# --- COERCE, MOBILIZE, PROTEST, ASSAULT ----------------------------------------------------
def test_sealing_off_a_district_is_coerce_restrict():
    text = "BRUSSELS, June 9, 2022 (Reuters) - Belgian police sealed off the city centre on Sunday."
    assert coded(text) == [("COERCE", "restrict", [("BEL", "COP")], [("BEL", None)])]
    assert coded("BRUSSELS, June 9, 2022 (Reuters) - The Belgian firm sealed the deal on Sunday.") == []


def test_forces_put_on_alert_are_mobilize():
    text = "DHAKA, June 9, 2022 (Reuters) - Bangladeshi security forces were put on high alert in Chittagong."
    assert [(e[0], e[2]) for e in coded(text)] == [("MOBILIZE", [("BGD", "MIL")])]


def test_security_forces_deployed_are_mobilize():
    text = "LIMA, June 9, 2022 (Reuters) - Peru deployed 4,000 security forces across the southern provinces."
    assert [(e[0], e[2]) for e in coded(text)] == [("MOBILIZE", [("PER", "MIL")])]


def test_taking_part_in_protests_is_protest():
    text = "SEOUL, June 9, 2022 (Reuters) - About 20,000 people took part in protests across South Korea on Saturday."
    assert [(e[0], e[1], e[2]) for e in coded(text)] == [("PROTEST", "demo", [("KOR", "CVL")])]
    assert coded("SEOUL, June 9, 2022 (Reuters) - South Korea took part in the Olympic Games on Saturday.") == []


def test_a_call_to_take_action_is_no_call_to_protest():
    text = "OSLO, June 9, 2022 (Reuters) - Amnesty International called on the Norwegian authorities to take action."
    assert "PROTEST" not in types(text)


def test_missiles_hurled_at_police_are_assault_primitive():
    text = "CARACAS, June 9, 2022 (Reuters) - Protesters hurled bottles and other missiles at riot police in Caracas."
    assert [(e[0], e[1]) for e in coded(text)] == [("ASSAULT", "primitive")]
