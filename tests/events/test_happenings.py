"""Events on the ground (protests, arrests, crowd control ...) on stories written for these tests."""

from __future__ import annotations

from dateline.pipeline import extract
from dateline.sources import SourceDocument


def record_of(text: str, language: str):
    return extract(SourceDocument(text=text), language)


def of_type(text: str, event: str, language: str = "fr") -> list:
    """The events of one PLOVER type coded from a story."""
    return [e for e in record_of(text, language).events if e.event == event]


def kinds(record) -> set[tuple]:
    return {(e.event, e.mode, e.aux, tuple(sorted({a.country for a in e.actor})),
             tuple(sorted({a.sector for a in e.actor if a.sector}))) for e in record.events}


FARMERS_FR = ("LILLE, 12 mars 2024 (AFP) - Environ 3000 agriculteurs ont manifesté mardi à Lille contre la hausse "
              "du prix du gazole.\n\n"
              "Des pierres ont été lancées sur les policiers, qui ont fait usage de gaz lacrymogène.\n\n"
              "Douze personnes ont été interpellées, a indiqué la préfecture du Nord.")


def test_protest_stones_tear_gas_and_arrests_in_french():
    record = record_of(FARMERS_FR, "fr")
    found = kinds(record)
    assert ("PROTEST", "demo", None, ("FRA",), ("AGR",)) in found
    assert ("ASSAULT", "primitive", None, ("FRA",), ("CVL",)) in found
    assert ("ASSAULT", "crowd-control", None, ("FRA",), ("COP",)) in found
    assert ("COERCE", "arrest", None, ("FRA",), ("COP",)) in found
    protest = next(e for e in record.events if e.event == "PROTEST")
    assert protest.location is not None and protest.location.name == "Lille"
    assert protest.recipient and protest.recipient[0].sector == "GOV"
    assert any("country FRA" in r for r in protest.reasons)
    for event in record.events:
        for evidence in event.evidence:
            assert record.document.text[evidence.start:evidence.end] == evidence.text


def test_what_is_not_a_happening_in_french():
    text = ("RENNES, 3 avril 2024 (AFP) - Nombreux heurts, arrestations massives\n\n"
            "La police a bloqué l'accès au pont mercredi pour des travaux de réfection.\n\n"
            "Les voitures incendiées ont été retirées de la chaussée.\n\n"
            "Le préfet a interdit de stationner dans la rue pendant les travaux.")
    assert record_of(text, "fr").events == []


def test_announced_arrests_are_a_threat():
    text = ("BRUXELLES, 8 février 2024 (Belga) - Le bourgmestre a prévenu que toute personne continuant à "
            "manifester serait arrêtée.")
    events = record_of(text, "fr").events
    assert [(e.event, e.mode) for e in events] == [("THREATEN", "arrest")]
    assert events[0].attributed_to is not None


def test_two_counted_protests_in_two_cities_stay_two_events():
    text = ("PARIS, 5 mars 2024 (AFP) - À Bordeaux, 2400 enseignants ont manifesté mardi. "
            "À Toulouse, 1800 enseignants ont défilé dans le calme.")
    protests = of_type(text, "PROTEST")
    assert sorted(e.location.name for e in protests) == ["Bordeaux", "Toulouse"]


NAIROBI_EN = ("NAIROBI, March 7, 2024 (Reuters) - Thousands of protesters marched through Nairobi on Tuesday "
              "against a new finance bill. Police fired tear gas at the crowd and arrested 40 people, the "
              "interior ministry said.")


def test_protest_tear_gas_and_arrests_in_english():
    found = kinds(record_of(NAIROBI_EN, "en"))
    assert ("PROTEST", "demo", None, ("KEN",), ("CVL",)) in found
    assert ("ASSAULT", "crowd-control", None, ("KEN",), ("COP",)) in found
    assert ("COERCE", "arrest", None, ("KEN",), ("COP",)) in found


def test_cameo_codes_and_quad_classes_follow_the_crosswalk():
    codes = {(e.event, e.mode): (e.cameo, e.quad) for e in record_of(FARMERS_FR, "fr").events}
    # CAMEO2PLOVER-2021: 141 demonstrate, 175 violent repression, 173 arrest; quad 4 = material conflict.
    assert codes[("PROTEST", "demo")] == ("141", 4)
    assert codes[("ASSAULT", "crowd-control")] == ("175", 4)
    assert codes[("COERCE", "arrest")] == ("173", 4)


def test_a_call_to_protest_is_a_future_protest_not_a_request():
    text = ("NANTES, 4 mars 2024 (AFP) - Le porte-parole du collectif, Paul Exemple, a appelé à manifester "
            "samedi devant la préfecture.")
    events = record_of(text, "fr").events
    assert [(e.event, e.aux) for e in events] == [("PROTEST", "future")]


def test_custody_joins_the_arrests_it_follows():
    alone = ("LYON, 10 mars 2024 (AFP) - Vingt-cinq personnes ont été placées en garde à vue samedi à Lyon.")
    assert [e.event for e in record_of(alone, "fr").events] == ["COERCE"]  # custody is an arrest ...
    text = ("LYON, 10 mars 2024 (AFP) - La police a procédé à 40 interpellations samedi à Lyon, "
            "suivies de 25 gardes à vue.")
    events = of_type(text, "COERCE")
    assert len(events) == 1  # ... but after the arrests it reports, not a second one


def test_condemnations_said_with_nouns_and_concessions():
    text = ("LYON, 18 mars 2024 (AFP) - La maire de Lyon, Jeanne Exemple, a exprimé lundi sa profonde "
            "indignation après les violences.\n\n"
            "Le gouvernement a annoncé mardi la suspension de la hausse des péages.")
    found = {(e.event, e.mode, tuple(sorted({a.country for a in e.actor}))) for e in record_of(text, "fr").events}
    assert ("ACCUSE", "disapprove", ("FRA",)) in found
    assert ("CONCEDE", None, ("FRA",)) in found


def test_an_attack_without_a_named_author_keeps_the_actor_unknown():
    text = ("KABUL, May 3, 2024 (Reuters) - A bomb exploded near a market in Kandahar on Friday, officials said.\n\n"
            "In a separate attack carried out by Taliban fighters, two soldiers were killed.")
    events = of_type(text, "ASSAULT", "en")
    unknown = [e for e in events if e.mode == "explosives"]
    assert unknown and all(a.country is None for a in unknown[0].actor)
    assert [a.country for a in unknown[0].recipient] == ["AFG"]


def test_recalled_strikes_by_a_named_army_are_historical():
    text = ("BAKOU, 3 mars 2024, AZERTAC: Le ministre a rappelé les frappes de missiles menées par l'armée "
            "arménienne contre la ville de Gandja en octobre 2020.")
    (event,) = of_type(text, "ASSAULT")
    assert event.aux == "historical" and [a.country for a in event.actor] == ["ARM"]


def test_undated_events_take_the_day_the_story_is_about():
    text = ("PARIS, 9 décembre 2018 (AFP) - Des milliers de personnes ont manifesté samedi à Paris contre la "
            "hausse des taxes.\n\n"
            "Douze personnes ont été interpellées, selon la préfecture de police.")
    events = {e.event: e for e in record_of(text, "fr").events}
    assert events["PROTEST"].date == "2018-12-08" and events["PROTEST"].date_basis == "explicit"
    assert events["COERCE"].date == "2018-12-08" and events["COERCE"].date_basis == "inferred"


def test_a_demonstrative_pronoun_is_no_party():
    text = ("RENNES, 3 avril 2024 (AFP) - Les travaux du tramway ont repris mardi. "
            "Ceux-ci ont paralysé le centre-ville toute la journée.")
    assert of_type(text, "PROTEST") == []


def test_the_person_of_an_arrest_noun_is_the_one_arrested():
    text = ("LYON, 4 janvier 2019 (AFP) - L'arrestation de Jean Exemple samedi à Lyon a provoqué la colère de "
            "ses soutiens, qui ont dénoncé une décision politique.")
    (arrest,) = of_type(text, "COERCE")
    assert [a.sector for a in arrest.actor] == ["COP"]
    assert any("Jean Exemple" in (a.name or a.text) for a in arrest.recipient)


def test_things_named_by_their_origin_are_no_party_and_noun_forms_are_no_protest():
    text = ("NICE, 9 juin 2024 (AFP) - Les camions espagnols étaient évacués du port par grue vendredi.\n\n"
            "Le nombre de manifestants n'a pas varié depuis la semaine dernière.\n\n"
            "«Nous ne voulons pas courir le risque d'être saccagés», a confié un boulanger.")
    assert record_of(text, "fr").events == []


def test_people_named_by_their_origin_are_a_party():
    text = "VARNA, 9 June 2024 (BTA) - Bulgaria released four Romanian sailors on Friday."
    released = [e for e in record_of(text, "en").events if e.mode == "release"]
    assert [r.country for e in released for r in e.recipient] == ["ROU"]


def test_a_passive_in_the_imperfect_is_not_a_pluperfect():
    text = ("NANTES, 14 mai 2024 (AFP) - Vers midi, les grévistes étaient dispersés par les gendarmes devant l'usine. "
            "Trois d'entre eux avaient été interpellés en avril.")
    events = record_of(text, "fr").events
    dispersed = [e for e in events if e.mode == "restrict"]
    assert dispersed and dispersed[0].aux is None
    arrests = [e for e in events if e.mode == "arrest"]
    assert arrests and all(e.aux == "historical" for e in arrests)


def test_two_speakers_condemning_on_one_day_are_two_events():
    text = ("MADRID, 4 mars 2024 (AFP) - La dirigeante du Parti vert, Lucia Prueba, a dénoncé lundi les violences "
            "policières.\n\n"
            "Le ministre de l'Intérieur a condamné lundi les violences commises contre les policiers.")
    condemnations = of_type(text, "ACCUSE")
    assert len(condemnations) == 2
    # The name set off by commas is the speaker's, also where the parser hangs it on 'Parti'.
    assert "Lucia Prueba" in [a.name for e in condemnations for a in e.actor]


def test_burnt_vehicles_and_arrests_made_through_a_light_verb():
    text = ("LORIENT, 2 février 2025 (AFP) - Trois fourgons ont été brûlés samedi soir près du port.\n\n"
            "La gendarmerie a procédé à plusieurs interpellations dans la nuit.\n\n"
            "Le maire, qui a brûlé les étapes de sa carrière, n'a pas commenté.")
    found = {(e.event, e.mode) for e in record_of(text, "fr").events}
    assert found == {("PROTEST", "vandalize"), ("COERCE", "arrest")}


def test_a_relative_clause_set_off_by_a_comma_goes_on_with_the_story():
    text = ("RENNES, 9 mars 2025 (AFP) - Des pierres ont été lancées samedi sur les gendarmes, qui ont fait usage de "
            "gaz lacrymogène.")
    crowd_control = [e for e in record_of(text, "fr").events if e.mode == "crowd-control"]
    assert crowd_control and crowd_control[0].aux is None


def test_vague_counts_keep_crowds_of_different_sizes_apart():
    text = ("LYON, 6 avril 2025 (AFP) - Un millier de personnes ont défilé samedi à Lyon contre la réforme.\n\n"
            "Plus tard, plusieurs dizaines de cheminots ont manifesté devant la gare de Lyon-Part-Dieu.")
    protests = of_type(text, "PROTEST")
    assert len(protests) == 2


def test_a_demonstrative_written_without_its_hyphen_is_no_party():
    text = ("TOURS, 6 avril 2025 (AFP) - Les grèves se sont multipliées depuis janvier. Celles ci ont paralysé "
            "les transports de la région.")
    assert not [e for e in record_of(text, "fr").events if e.evidence[0].text.startswith("Celles")]


def test_the_speaker_after_a_quotation_is_the_subject():
    text = ("ROME, 8 janvier 2019 (ANSA) - La réforme a été adoptée lundi.\n\n"
            "«C'est une honte», a dénoncé mardi le ministre italien du Travail.")
    accusations = of_type(text, "ACCUSE")
    assert [(a.text, a.country) for e in accusations for a in e.actor] == [("le ministre italien du Travail", "ITA")]


def test_figures_in_groups_of_digits_keep_crowds_apart():
    text = ("LYON, 6 avril 2025 (AFP) - Quelque 800 enseignants manifestaient samedi à Lyon.\n\n"
            "Dans tout le pays, quelque 84 000 enseignants ont manifesté samedi.")
    protests = of_type(text, "PROTEST")
    assert len(protests) == 2


def test_a_protester_struck_by_a_police_round_is_crowd_control():
    text = ("NIORT, 9 février 2025 (AFP) - Le cortège a été dispersé samedi à Niort.\n\n"
            "Un manifestant a été atteint à la tête par une balle de défense.")
    struck = of_type(text, "ASSAULT")
    assert [(e.mode, [a.sector for a in e.actor], [r.sector for r in e.recipient]) for e in struck] == [
        ("crowd-control", ["COP"], ["CVL"])]


def test_charges_and_investigations_in_english():
    text = ("LEEDS, 4 May 2024 (PA) - A council clerk was arrested on Monday and charged with fraud.\n\n"
            "Police opened an investigation into the fire on Tuesday.")
    found = {(e.event, e.mode) for e in record_of(text, "en").events}
    assert {("ACCUSE", "allege"), ("ACCUSE", "investigate"), ("COERCE", "arrest")} <= found
    charged = next(e for e in record_of(text, "en").events if e.mode == "allege")
    assert [r.text for r in charged.recipient] == ["A council clerk"]


def test_domestic_calls_with_the_clause_on_the_addressee_and_two_callers_named_alike():
    text = ("LYON, 5 mars 2025 (AFP) - La grève s'est étendue mardi.\n\n"
            "Le préfet du Rhône a exhorté les grévistes à reprendre le travail.\n\n"
            "La secrétaire du syndicat, Marie Exemple, a appelé, dans un communiqué, Jean Exemplaire à ouvrir "
            "des négociations.\n\n"
            "Marie Autre, présidente de la région, a appelé le gouvernement à agir vite.")
    requests = of_type(text, "REQUEST")
    assert len(requests) == 3
    assert {r.sector for e in requests for r in e.recipient} >= {"LAB"}


def test_a_national_total_and_one_town_s_march_are_two_protests():
    text = ("RENNES, 12 janvier 2025 (AFP) - Quelque 52 000 «bonnets verts» ont manifesté samedi à travers le pays, "
            "selon le ministère.\n\n"
            "À Rennes, les manifestants ont défilé samedi dans le calme.")
    protests = of_type(text, "PROTEST")
    assert len(protests) == 2
    assert all(a.sector == "CVL" for e in protests for a in e.actor)  # "selon le ministère" is no protester


def test_an_ongoing_movement_is_no_single_protest_and_avoir_makes_an_active_verb():
    movement = ("NANTES, 3 mars 2025 (AFP) - Depuis trois semaines ils manifestent sans relâche contre la réforme.")
    assert of_type(movement, "PROTEST") == []
    blocked = ("NANTES, 3 mars 2025 (AFP) - Des centaines de «bonnets verts» ont aussi bloqué samedi le périphérique.")
    assert [e.mode for e in record_of(blocked, "fr").events if e.event == "PROTEST"] == ["obstruct"]


def test_checkpoints_and_restricted_sales_are_restrictions():
    for sentence in ("Des points de contrôle ont été instaurés samedi aux entrées de la ville.",
                     "Les autorités ont restreint samedi la vente de carburant en jerricans."):
        events = record_of("ROUEN, 3 mars 2025 (AFP) - " + sentence, "fr").events
        assert [(e.event, e.mode) for e in events] == [("COERCE", "restrict")], sentence


def test_an_untyped_call_is_an_event_only_from_a_political_actor():
    political = ("LYON, 5 mars 2025 (AFP) - Le ministre de l'Intérieur a exhorté les grévistes à reprendre le travail.")
    assert [e.event for e in record_of(political, "fr").events] == ["REQUEST"]
    private = ("LYON, 5 mars 2025 (AFP) - Un voisin a exhorté les enfants à rentrer avant la nuit.")
    assert [e.event for e in record_of(private, "fr").events] == []


def test_a_police_search_is_a_seizure():
    text = "LILLE, 4 mai 2024 (AFP) - Les gendarmes ont perquisitionné lundi le domicile d'un élu."
    assert [(e.event, e.mode) for e in record_of(text, "fr").events] == [("COERCE", "seize")]


def test_placed_under_formal_investigation_is_an_accusation():
    text = "PARIS, 4 mai 2024 (AFP) - Trois militants ont été mis en examen mardi pour dégradations."
    events = record_of(text, "fr").events
    assert [(e.event, e.mode, [a.sector for a in e.actor]) for e in events] == [("ACCUSE", "allege", ["JUD"])]


def test_clashes_that_broke_out_and_a_strike_stated_with_etre_are_reported():
    found = kinds(record_of("TOULOUSE, 7 juin 2024 (AFP) - Des échauffourées ont éclaté samedi entre des "
                            "supporters et la police près du stade.", "fr"))
    assert ("ASSAULT", None, None, ("FRA",), ("COP", "CVL")) in found  # two-sided: both sides act
    strike = record_of("GRENOBLE, 7 juin 2024 (AFP) - Les infirmiers seront en grève mardi prochain.", "fr").events
    assert [(e.event, e.mode, e.aux) for e in strike] == [("PROTEST", "strike", "future")]
    assert record_of("GRENOBLE, 7 juin 2024 (AFP) - La grève est un droit reconnu par la Constitution.", "fr").events == []


def test_a_counted_crowd_is_a_protest_and_an_uncounted_one_is_not():
    counted = record_of("DIJON, 7 juin 2024 (AFP) - Parmi les 1800 manifestants, la police a compté "
                        "de nombreux retraités.", "fr").events
    assert [(e.event, e.mode) for e in counted] == [("PROTEST", "demo")]
    assert record_of("DIJON, 7 juin 2024 (AFP) - Le nombre de manifestants reste stable selon la préfecture.",
                     "fr").events == []
    # what an uncounted crowd demands of no one named is neither a protest nor a separate REQUEST
    # (annotation.md, Demands: the topic of a demonstration); a union's demand is a REQUEST
    demand = record_of("DIJON, 7 juin 2024 (AFP) - Les manifestants réclament la démission du maire.", "fr").events
    assert demand == []
    union = record_of("DIJON, 7 juin 2024 (AFP) - Les syndicats réclament la démission du maire.", "fr").events
    assert [(e.event, e.mode) for e in union] == [("REQUEST", "change")]


def test_protests_followed_or_covered_are_a_topic_not_a_happening():
    covered = ("LONDRES, 3 mai 2024 (AFP) - Des dizaines de journalistes couvraient les manifestations des "
               "agriculteurs en Irlande.")
    assert of_type(covered, "PROTEST") == []
    # the same noun phrase as what happened is a protest
    held = "LONDRES, 3 mai 2024 (AFP) - Les manifestations des agriculteurs en Irlande ont rassemblé des milliers de personnes."
    assert [e.location.name for e in of_type(held, "PROTEST")] == ["Ireland"]


def test_an_arrest_in_a_clause_that_leaves_out_its_auxiliaries():
    text = "AMIENS, 7 juin 2024 (AFP) - Un gendarme a été blessé et six personnes interpellées samedi à Abbeville."
    arrests = of_type(text, "COERCE")
    assert [(e.mode, e.location.name) for e in arrests] == [("arrest", "Abbeville")]
    # a participle that only describes a noun is still no event
    assert record_of("AMIENS, 7 juin 2024 (AFP) - Des voitures incendiées ont été retirées de la chaussée.",
                     "fr").events == []


def test_clashes_in_two_cities_told_in_turn_stay_two_events():
    text = ("LYON, 7 juin 2024 (AFP) - À Grenoble, des gendarmes ont fait usage de gaz lacrymogène contre "
            "des manifestants.\n\n"
            "Des heurts ont aussi éclaté à Valence, où les premiers tirs de grenades lacrymogènes ont fusé "
            "dès le départ du cortège.\n\n"
            "À Annecy, des manifestants ont jeté des pierres sur les policiers. Les forces de l'ordre ont "
            "répliqué par des tirs de gaz lacrymogène.")
    crowd_control = [e for e in record_of(text, "fr").events if e.mode == "crowd-control"]
    assert sorted(e.location.name for e in crowd_control) == ["Annecy", "Grenoble", "Valence"]


def test_numbers_in_words_keep_two_arrests_apart():
    text = ("RENNES, 7 juin 2024 (AFP) - À Brest, douze personnes ont été interpellées samedi matin.\n\n"
            "En fin de journée, quatre personnes ont été interpellées, selon la préfecture.")
    arrests = of_type(text, "COERCE")
    assert len(arrests) == 2


def test_a_march_marred_by_incidents_is_reported():
    found = kinds(record_of("ROUEN, 7 juin 2024 (AFP) - Des incidents ont émaillé samedi le défilé des "
                            "infirmiers à Évreux.", "fr"))
    assert any(k[:2] == ("PROTEST", "demo") and k[3] == ("FRA",) for k in found)
    recalled = record_of("ROUEN, 7 juin 2024 (AFP) - Le préfet a condamné les violences qui ont émaillé les "
                         "manifestations.", "fr").events
    assert not any(e.event == "PROTEST" for e in recalled)


def test_the_target_side_of_a_stone_throwing_is_an_assault():
    found = kinds(record_of("NANCY, 7 juin 2024 (AFP) - Visés par des jets de pierres, les CRS ont répliqué en "
                            "faisant usage de grenades lacrymogènes.", "fr"))
    assert ("ASSAULT", "primitive", None, ("FRA",), ("CVL",)) in found
    assert ("ASSAULT", "crowd-control", None, ("FRA",), ("COP",)) in found
    alone = record_of("NANCY, 7 juin 2024 (AFP) - À Épinal, trois gendarmes, cibles de projectiles, ont été "
                      "légèrement blessés.", "fr").events
    assert [(e.event, e.mode, e.location.name) for e in alone] == [("ASSAULT", "primitive", "Épinal")]
    assert record_of("NANCY, 7 juin 2024 (AFP) - Le maire est la cible de critiques depuis lundi.", "fr").events == []


def test_the_town_named_just_before_is_the_scene_and_injured_protesters_are_no_crowd():
    text = ("LYON, 7 juin 2024 (AFP) - À Valence, les gendarmes ont fait usage de gaz lacrymogène.\n\n"
            "Autre point chaud, Grenoble a de nouveau été le théâtre d'incidents en fin de cortège. Visés par des "
            "projectiles, les policiers ont répliqué en faisant usage de LBD.")
    crowd_control = [e for e in record_of(text, "fr").events if e.mode == "crowd-control"]
    assert len(crowd_control) == 2
    assert "Grenoble" in {e.location.name for e in crowd_control if e.location}
    injured = record_of("LYON, 7 juin 2024 (AFP) - Au total 118 manifestants ont été blessés, selon le "
                        "gouvernement.", "fr").events
    assert not any(e.event == "PROTEST" for e in injured)


def test_a_national_count_and_a_march_with_no_place_of_its_own_stay_apart():
    text = ("NANTES, 12 janvier 2025 (AFP) - Plusieurs milliers de retraités ont défilé samedi derrière une "
            "banderole unitaire.\n\n"
            "Au total, 41 000 personnes se sont mobilisées samedi dans tout le pays, selon le ministère.")
    protests = of_type(text, "PROTEST")
    assert len(protests) == 2


def test_a_counted_crowd_dislodged_by_the_police_is_the_target():
    text = ("PERPIGNAN, 22 décembre 2024 (AFP) - Des centaines d'agriculteurs, rassemblés au péage de Narbonne, "
            "ont été délogés par les forces de l'ordre dans la soirée.")
    found = kinds(record_of(text, "fr"))
    assert ("COERCE", "restrict", None, ("FRA",), ("COP",)) in found


def test_an_investigation_opened_in_the_passive_is_reported():
    french = record_of("RENNES, 4 avril 2023 (AFP) - Une enquête a été ouverte pour dégradations.", "fr").events
    english = record_of("CARDIFF, April 4 (Reuters) - An investigation was launched into the fire.", "en").events
    assert [(e.event, e.mode, e.actor[0].sector) for e in french] == [("ACCUSE", "investigate", "JUD")]
    assert [(e.event, e.mode, e.actor[0].sector) for e in english] == [("ACCUSE", "investigate", "JUD")]


def test_an_act_with_no_target_concerns_the_named_actors_country_not_the_datelines():
    investigated = record_of("PARIS, April 4 (Reuters) - Dutch police have launched an investigation into the "
                             "fire.", "en").events
    suspended = record_of("LONDON, April 4 (Reuters) - The Spanish government suspended the fuel tax increase.",
                          "en").events
    assert [(e.event, e.recipient[0].country) for e in investigated] == [("ACCUSE", "NLD")]
    assert [(e.event, e.recipient[0].country) for e in suspended] == [("CONCEDE", "ESP")]


def test_an_arrest_in_a_french_departement_in_a_belgian_story_is_french():
    events = record_of("BRUXELLES, 3 mars 2019 (Belga) - Dans le Var, la police a interpellé samedi trois "
                       "personnes.", "fr").events
    assert [(e.event, e.actor[0].country) for e in events] == [("COERCE", "FRA")]


def test_protests_named_in_passing_over_a_period_are_no_happening_but_a_dated_one_is():
    period = ("LYON, 4 mars 2024 (AFP) - Des photographes ont été régulièrement pris à partie lors de manifestations "
              "d'agriculteurs à Lyon depuis le début du mouvement.")
    assert of_type(period, "PROTEST") == []
    dated = "LYON, 4 mars 2024 (AFP) - Un photographe a été blessé lors de manifestations samedi à Lyon."
    assert len(of_type(dated, "PROTEST")) == 1
    one = "LYON, 4 mars 2024 (AFP) - Un photographe a été blessé lors de la manifestation des agriculteurs à Lyon."
    assert [e.actor[0].sector for e in of_type(one, "PROTEST")] == ["AGR"]


def test_an_assault_on_a_driver_or_a_passenger_is_coded_with_its_victim():
    text = "NANTES, 4 mars 2024 (AFP) - Un chauffeur de tramway a été agressé par deux individus lundi soir à Nantes."
    assert [(e.mode, e.recipient[0].sector) for e in of_type(text, "ASSAULT")] == [("beat", "CVL")]
    english = "LEEDS, March 4, 2024 (Reuters) - Two men punched a bus driver in Leeds on Monday night."
    assert [e.recipient[0].sector for e in of_type(english, "ASSAULT", "en")] == ["CVL"]


def test_a_revolt_or_anger_that_explodes_is_no_bombing_but_a_car_bomb_is():
    revolt = ("PARIS, 4 mars 2024 (AFP) - La révolte inédite qui a explosé en novembre a surpris le gouvernement "
              "français.")
    assert of_type(revolt, "ASSAULT") == []
    anger = "KABUL, March 4, 2024 (Reuters) - The anger that exploded in Kabul on Monday surprised the government."
    assert of_type(anger, "ASSAULT", "en") == []
    bomb = "KABOUL, 4 mars 2024 (AFP) - Une voiture piégée a explosé lundi devant un hôtel de Kaboul."
    assert [e.mode for e in of_type(bomb, "ASSAULT")] == ["explosives"]
