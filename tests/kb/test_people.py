import datetime as dt

from dateline.kb.people import load_people
from dateline.pipeline import extract
from dateline.sources import SourceDocument


def test_alias_fuzzy_and_surname_matches():
    people = load_people()
    assert people.match("Sergueï Lavrov").person.country == "RUS"
    fuzzy = people.match("Sergej Lavrov")
    assert fuzzy is not None and fuzzy.how == "fuzzy" and fuzzy.person.id == people.match("Lavrov").person.id
    assert people.match("Jean Dupont") is None


def test_position_depends_on_the_date():
    le_drian = load_people().match("Jean-Yves Le Drian").person
    assert le_drian.position_on(dt.date(2019, 5, 1)).office == "foreign_minister"
    assert le_drian.position_on(dt.date(2024, 5, 1)) is None


def test_people_without_a_title_get_country_and_role_from_the_knowledge_base():
    text = ("BERLIN, 12 juin 2023 (AFP) - Emmanuel Macron a rencontré Olaf Scholz lundi à Berlin "
            "pour parler de défense européenne.")
    record = extract(SourceDocument(text=text), "fr")
    people = {e.text: e.actor for e in record.entities if e.label == "PERSON"}
    assert people["Emmanuel Macron"].country == "FRA" and people["Emmanuel Macron"].kb_id == "person:emmanuel-macron"
    assert people["Olaf Scholz"].country == "DEU"
    (consult,) = [e for e in record.events if e.event == "CONSULT"]
    # A visit: the visitor is the actor, the host the recipient (PLOVER).
    assert consult.mode == "visit"
    assert [a.country for a in consult.actor] == ["FRA"] and [a.country for a in consult.recipient] == ["DEU"]


def test_every_office_is_in_a_country_or_organisation_the_record_can_name():
    import re

    from dateline.kb import load_kb
    from dateline.kb.people import curated_entries

    organisations = {o.code for o in load_kb().organisations.values()}
    for entry in curated_entries():
        for position in entry["positions"]:
            code = position.get("country", entry["country"])
            assert re.fullmatch(r"[A-Z]{3}", code), (entry["name"], code)
            assert code in load_kb().countries or code in organisations, (entry["name"], code)
