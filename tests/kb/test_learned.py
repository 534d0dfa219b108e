"""Roles learned from one document's words serve later documents (`dateline kb learn`)."""

from __future__ import annotations

from dateline.kb import learned
from dateline.kb.people import curated_entries, load_people, people_from
from dateline.pipeline import extract
from dateline.sources import SourceDocument
from dateline.store import Store

FIRST = ("SANTIAGO, 3 mars 2025 (AFP) - Le ministre des Affaires étrangères du Chili, Pedro Ejemplo, a rencontré "
         "mardi son homologue argentin à Buenos Aires.")
LATER = "LIMA, 10 mars 2025 (AFP) - Pedro Ejemplo est arrivé lundi à Lima pour une visite de deux jours."


def test_a_role_learned_in_one_document_places_the_person_in_a_later_one(tmp_path, monkeypatch):
    with Store(tmp_path / "kb.duckdb") as store:
        store.add(extract(SourceDocument(text=FIRST), "fr"))
        rows = store.learned_roles()
    people = learned.learned_people(rows, load_people())
    assert [(p["name"], p["country"]) for p in people] == [("Pedro Ejemplo", "CHL")]
    position = people[0]["positions"][0]
    assert position["start"] == "2025-03-03" and position["office"] == "learned"
    assert "ministre des Affaires étrangères du Chili" in position["source"]

    def person_country(text: str) -> str | None:
        record = extract(SourceDocument(text=text), "fr")
        return next(e.actor.country for e in record.entities if e.text == "Pedro Ejemplo" and e.actor)

    assert person_country(LATER) is None  # not known before learning
    monkeypatch.setattr("dateline.resolve.entities.load_people", lambda: people_from(curated_entries() + people))
    assert person_country(LATER) == "CHL"
    # Known people are not learned again.
    assert learned.learned_people(rows, people_from(curated_entries() + people)) == []


def test_words_that_are_no_name_are_not_learned():
    rows = [{"name": name, "country": country, "sector": "GOV", "role": role, "document_id": f"d{n}",
             "source": None, "published": "2025-03-03", "context": "words before"}
            for n, (name, country, role) in enumerate([
                ("Anti-Macron", "FRA", "President"), ("Ministry", "GBR", "Minister of Foreign Affairs"),
                ("George H.W. Bush's", "CHN", "President"), ("Foreign Minister", "DEU", "Minister"),
                ("Sergueï Lavrov", "CHL", "Minister of Foreign Affairs"),  # known, in another country
                ("Pedro Ejemplo", "CHL", "Minister of Foreign Affairs"),
                ("Marta de la Ejemplo", "ESP", "Minister of Defence")])]
    assert [p["name"] for p in learned.learned_people(rows, load_people())] == [
        "Marta de la Ejemplo", "Pedro Ejemplo"]
