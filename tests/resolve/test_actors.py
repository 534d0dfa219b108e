"""Roles learned from titles and appositions, in both languages, with other names."""

from __future__ import annotations

from dateline.nlp import parse
from dateline.resolve.entities import resolve_entities


def people(text: str, lang: str) -> dict[str, tuple]:
    res = resolve_entities(parse(text, lang), lang, frozenset())
    return {e.span.text: (e.actor.country, e.actor.sector, e.actor.role)
            for e in res.entities if e.label == "PERSON" and e.actor}


def test_french_apposition_after_title_with_long_country_name():
    found = people("Le 3 mars, le ministre des Affaires étrangères de la République d'Azerbaïdjan, "
                   "Djeyhoun Baïramov, a rencontré le ministre de la Défense de la Fédération de Russie, "
                   "Sergueï Choïgou.", "fr")
    assert found["Djeyhoun Baïramov"] == ("AZE", "GOV", "Minister of Foreign Affairs")
    assert found["Sergueï Choïgou"] == ("RUS", "GOV", "Minister of Defence")


def test_french_demonym_title_and_later_surname():
    found = people("Le Premier ministre géorgien Irakli Kobakhidze est arrivé mardi. "
                   "Plus tard, Kobakhidze a parlé aux journalistes.", "fr")
    assert found["Irakli Kobakhidze"] == ("GEO", "GOV", "Prime Minister")
    assert found["Kobakhidze"] == ("GEO", "GOV", "Prime Minister")


def test_english_title_before_and_apposition_after():
    found = people("Armenian Foreign Minister Ararat Mirzoyan met Antony Blinken, the US secretary "
                   "of state, in Washington on Monday.", "en")
    assert found["Ararat Mirzoyan"] == ("ARM", "GOV", "Minister of Foreign Affairs")
    assert found["Antony Blinken"][0] == "USA"


def test_person_without_role_has_no_country():
    found = people("Hier, Jean Dupont a publié un livre sur la cuisine lyonnaise.", "fr")
    assert found.get("Jean Dupont", (None,))[0] is None


def test_places_resolve_with_country():
    res = resolve_entities(parse("Les ministres se sont retrouvés à Astana puis à Bakou.", "fr"),
                           "fr", frozenset())
    places = {e.span.text: e.place for e in res.entities if e.place}
    assert places["Astana"].geonameid == 1526273 and places["Astana"].country == "KAZ"
    assert places["Bakou"].country == "AZE"


def test_a_country_name_shared_with_a_us_state_needs_a_cue_of_the_country():
    from dateline.pipeline import extract
    from dateline.sources import SourceDocument

    def actor_country(text: str) -> str | None:
        record = extract(SourceDocument(text=text), "en")
        return next((e.actor.country for e in record.entities if e.text == "Georgia" and e.actor), None)

    assert actor_country("SAVANNAH, 4 May 2024 (AP) - Georgia Democrats sued the election board on Monday.") is None
    assert actor_country("TBILISI, 4 May 2024 (Reuters) - Georgia recalled its envoy from Moscow on Monday.") == "GEO"


def test_without_a_cue_of_the_country_georgia_is_placed_in_the_united_states():
    from dateline.pipeline import extract
    from dateline.sources import SourceDocument

    record = extract(SourceDocument(text="SAVANNAH, 4 May 2024 (AP) - Georgia Democrats sued the election board."), "en")
    place = next(e.place for e in record.entities if e.text == "Georgia")
    assert (place.country, place.feature) == ("USA", "ADM1")


def test_a_known_person_without_an_office_that_day_is_still_of_their_country():
    import datetime as dt

    text = "Antonio Tajani a rencontré des journalistes à Bruxelles."
    res = resolve_entities(parse(text, "fr"), "fr", frozenset(), on=dt.date(2015, 6, 1))
    actor = next(e.actor for e in res.entities if e.span.text == "Antonio Tajani")
    assert (actor.country, actor.sector, actor.role) == ("ITA", None, None)
    assert "no office listed" in actor.reason
    later = resolve_entities(parse(text, "fr"), "fr", frozenset(), on=dt.date(2023, 6, 1))
    actor = next(e.actor for e in later.entities if e.span.text == "Antonio Tajani")
    assert (actor.country, actor.sector) == ("ITA", "GOV")


def test_forms_of_address_are_not_part_of_the_name():
    from dateline.resolve.actors import lexicon

    assert lexicon("fr").bare_name("Twitter M. Lavrov") == "Lavrov"
    assert lexicon("fr").bare_name("Mme Baerbock") == "Baerbock"
    assert lexicon("en").bare_name("Mr. Blinken") == "Blinken"
    assert lexicon("en").bare_name("Joe Biden") == "Joe Biden"


def test_the_longest_group_noun_gives_the_sector():
    from dateline.resolve.actors import lexicon, sector_of

    doc = parse("Les forces de l’ordre ont chargé. Les forces armées ont défilé.", "fr")
    assert sector_of(doc[1], lexicon("fr")) == "COP"
    armed = next(t for t in doc if t.text == "forces" and t.i > 5)
    assert sector_of(armed, lexicon("fr")) == "MIL"


def test_a_later_surname_the_tagger_took_for_a_noun_is_still_that_person():
    from spacy.tokens import Span

    doc = parse("Kenyan President Joseph Kamau arrived in Lima on Monday. Kamau also criticised Uganda.", "en")
    later = next(t for t in doc if t.text == "Kamau" and t.i > 5)
    later.pos_ = "NOUN"  # as the English model tags some surnames opening a sentence
    doc.ents = [e for e in doc.ents if not (e.start <= later.i < e.end)] + [Span(doc, later.i, later.i + 1, "ORG")]
    res = resolve_entities(doc, "en", frozenset())
    found = {e.span.text: e.actor.country for e in res.entities if e.label == "PERSON" and e.actor}
    assert found.get("Kamau") == "KEN"


def test_an_organisation_in_the_title_is_whom_the_person_acts_for():
    found = people("UN envoy Maria Lindqvist met Sudanese officials in Khartoum on Monday.", "en")
    assert found["Maria Lindqvist"][0] == "UNO"
    found = people("L'émissaire de l'UE Jan Kowal a rencontré lundi le président serbe.", "fr")
    assert found.get("Jan Kowal", (None,))[0] == "EUR"


def test_a_nationality_and_a_group_noun_before_the_name_give_country_and_sector():
    found = people("Chilean activist Rosa Fuentes spoke to reporters in Santiago on Monday.", "en")
    assert found["Rosa Fuentes"] == ("CHL", "CVL", None)
    found = people("Le militant chilien Pedro Soto a été interpellé lundi.", "fr")
    assert found["Pedro Soto"] == ("CHL", "CVL", None)
    # a nationality before a noun of no sector says nothing of the person
    assert people("Chilean wine maker Rosa Fuentes won a prize.", "en")["Rosa Fuentes"][0] is None
