"""Event coding on paraphrases with other actors, dates, places and word orders."""

from __future__ import annotations

from dateline.pipeline import extract
from dateline.sources import SourceDocument


def events_of(text: str, language: str | None = None) -> list[tuple]:
    record = extract(SourceDocument(text=text), language)
    return [(e.event, e.mode, e.aux, tuple(sorted(a.country for a in e.actor)),
             tuple(sorted(a.country for a in e.recipient)), e.date,
             e.location.name if e.location else None) for e in record.events]


MEETING_FR = ("BAKOU, 4 MARS, AZERTAC: Le 4 mars, le ministre des Affaires étrangères de la République "
              "d'Azerbaïdjan, Djeyhoun Baïramov, qui se trouve à Tbilissi, a eu un entretien avec le "
              "ministre des Affaires étrangères de la République de Turquie, Mevlüt Çavuşoğlu, "
              "après leur rencontre du 12 janvier 2022.\n\n"
              "Les ministres des Affaires étrangères d'Azerbaïdjan et de Turquie ont également discuté "
              "des relations entre les deux pays.")


def test_meeting_in_a_third_country_is_one_consult_event():
    found = [e for e in events_of(MEETING_FR) if e[0] == "CONSULT"]
    assert found == [("CONSULT", "third-party", None, ("AZE", "TUR"), (), "2022-03-04", "Tbilisi")]


def test_demand_for_withdrawal_is_a_request_not_a_retreat():
    text = ("PARIS, 5 mai 2023 (AFP) - Le ministre des Affaires étrangères de la République de "
            "Moldavie, Nicu Popescu, a souligné la nécessité du retrait des forces armées russes "
            "de Transnistrie.")
    found = events_of(text)
    assert ("REQUEST", "yield", None, ("MDA",), ("RUS",), "2023-05-05", "Paris") in found
    assert not [e for e in found if e[0] == "RETREAT"]


def test_expectation_of_support_is_request_assist():
    text = ("TBILISSI, 9 juin 2022 (AFP) - Le Premier ministre géorgien Irakli Garibachvili a "
            "déclaré que la partie géorgienne attend le soutien de l'Union européenne.")
    found = events_of(text)
    assert any(e[0] == "REQUEST" and e[1] == "assist" and e[3] == ("GEO",) and e[4] == ("EUR",)
               for e in found)


def test_crimes_committed_by_an_actor_is_an_accusation():
    text = ("KIEV, 2 avril 2022 (AFP) - La partie ukrainienne a dénoncé les crimes de guerre "
            "commis par la Russie contre des civils ukrainiens.")
    found = events_of(text)
    assert ("ACCUSE", "allege", None, ("UKR",), ("RUS",), "2022-04-02", "Kyiv") in found


def test_meeting_in_english():
    text = ("ANKARA, June 8, 2022 (AFP) - Russian Foreign Minister Sergei Lavrov held talks with "
            "Turkish Foreign Minister Mevlut Cavusoglu in Ankara on June 8, 2022.")
    found = [e for e in events_of(text) if e[0] == "CONSULT"]
    assert found and found[0][3:5] in {(("RUS",), ("TUR",)), (("RUS", "TUR"), ())}
    assert found[0][1] == "visit"


def test_negated_meeting_has_aux_negation():
    text = ("EREVAN, 3 mars 2023, ARMENPRESS: Le ministre des Affaires étrangères de la République "
            "d'Arménie, Ararat Mirzoyan, n'a pas rencontré le ministre des Affaires étrangères de "
            "la République d'Azerbaïdjan, Djeyhoun Baïramov.")
    found = [e for e in events_of(text) if e[0] == "CONSULT"]
    assert found and found[0][2] == "negation"


def test_recalled_invasion_is_historical():
    text = ("EREVAN, 3 mars 2023, ARMENPRESS: La partie arménienne a exigé le retrait des forces "
            "armées azerbaïdjanaises qui ont envahi le territoire de l'Arménie.")
    found = events_of(text)
    assert any(e[0] == "ASSAULT" and e[2] == "historical" and e[3] == ("AZE",) and e[4] == ("ARM",)
               for e in found)


def test_text_without_political_event_has_none():
    text = ("LYON, 3 mars 2023 (AFP) - Le festival de cuisine a accueilli des milliers de visiteurs "
            "venus goûter les spécialités de la région.")
    assert events_of(text) == []


def test_interstate_predicates_beyond_meetings_in_english():
    text = ("ANKARA, May 14, 2024 (Reuters) - Turkey imposed sanctions on Sweden on Tuesday. "
            "Japan released three Chinese fishermen. Kenya rejected Uganda's proposal.")
    found = {(e[0], e[1], e[3], e[4]) for e in events_of(text, "en")}
    assert ("SANCTION", None, ("TUR",), ("SWE",)) in found
    assert ("RETREAT", "release", ("JPN",), ("CHN",)) in found


def test_requested_act_is_not_coded_as_the_act():
    text = ("PARIS, 5 mai 2023 (AFP) - La France a exigé que la Russie retire sans délai ses troupes "
            "d'Ukraine.")
    found = [e[0] for e in events_of(text, "fr")]
    assert "RETREAT" not in found and "REQUEST" in found


def test_capitals_stand_for_their_governments():
    text = ("TBILISSI, 15 septembre 2022 (AFP) - Erevan a accusé Bakou d'avoir bombardé des villages "
            "frontaliers.")
    found = {(e[0], e[3], e[4]) for e in events_of(text, "fr")}
    assert ("ACCUSE", ("ARM",), ("AZE",)) in found


def test_the_minister_refers_back_to_the_minister_named_before():
    text = ("EREVAN, 3 mars 2024, ARMENPRESS: Le ministre des Affaires étrangères de la République d'Arménie, "
            "Vahan Exemple, a reçu des journalistes mardi.\n\n"
            "Le ministre a ensuite accusé l'Azerbaïdjan d'avoir violé le cessez-le-feu.")
    found = {(e[0], e[3], e[4]) for e in events_of(text, "fr")}
    assert ("ACCUSE", ("ARM",), ("AZE",)) in found


def test_meeting_reported_with_unusual_names():
    text = ("TACHKENT, 3 mars 2024 (AFP) - Le ministre des Affaires étrangères de la République d'Ouzbékistan, "
            "Bakhtiyor Saïdov, s'est entretenu jeudi à Genève avec son homologue kazakh Mourat Nourtleou.")
    found = {(e[0], e[3]) for e in events_of(text, "fr")}
    assert ("CONSULT", ("KAZ", "UZB")) in found


def test_a_pronoun_speaker_is_the_person_named_just_before():
    text = ("EREVAN, 5 mars 2024, ARMENPRESS: Le ministre des Affaires étrangères de la République d'Arménie, "
            "Vahan Exemple, a tenu une conférence de presse mardi.\n\n"
            "Il a condamné l'Azerbaïdjan pour ses tirs sur des villages frontaliers.")
    found = {(e[0], e[3], e[4]) for e in events_of(text, "fr")}
    assert ("ACCUSE", ("ARM",), ("AZE",)) in found


def test_expectations_invitations_and_control_verbs():
    text = ("BAKU, July 12, 2023 (AA) - Azerbaijan expected Iran's support for the new railway. "
            "Ilham Aliyev accepted an invitation from Iran to visit Tehran.")
    found = {(e[0], e[1], e[3], e[4]) for e in events_of(text, "en")}
    assert ("REQUEST", "assist", ("AZE",), ("IRN",)) in found
    assert any(kind == "AGREE" and actors == ("AZE",) for kind, _, actors, _ in found)
    text_fr = ("TBILISSI, 15 septembre 2022 (AFP) - L'Arménie a dit attendre de la Russie un soutien ferme "
               "face à l'Azerbaïdjan.")
    found_fr = {(e[0], e[1], e[3], e[4]) for e in events_of(text_fr, "fr")}
    assert ("REQUEST", "assist", ("ARM",), ("RUS",)) in found_fr


def test_a_comma_list_of_countries_and_two_named_leaders_all_take_part():
    listed = extract(SourceDocument(text="Norway, Chile and Kenya met on Monday in Oslo."), "en").events
    assert [sorted(a.country for a in e.actor) for e in listed if e.event == "CONSULT"] == [["CHL", "KEN", "NOR"]]
    named = extract(SourceDocument(text="Vladimir Putin and Xi Jinping met in Moscow on Tuesday."), "en").events
    # Met in Moscow: a visit, the guest the actor and the host the recipient.
    assert [([a.country for a in e.actor], [r.country for r in e.recipient], e.mode)
            for e in named if e.event == "CONSULT"] == [(["CHN"], ["RUS"], "visit")]


def test_the_party_an_agreement_is_with_receives_the_endorsement():
    text = "Moldovan lawmakers on Friday endorsed a trade agreement with the European Union."
    support = [e for e in extract(SourceDocument(text=text), "en").events if e.event == "SUPPORT"]
    assert [(a.country, r.country) for e in support for a in e.actor for r in e.recipient] == [("MDA", "EUR")]


def test_a_staged_protest_belongs_to_its_subject_and_happens_where_the_text_says():
    text = "Canadian and Danish activists staged a noisy protest in Oslo on Thursday."
    protests = [e for e in extract(SourceDocument(text=text), "en").events if e.event == "PROTEST"]
    assert protests and sorted(a.country for a in protests[0].actor) == ["CAN", "DNK"]
    assert [r.country for r in protests[0].recipient] == ["NOR"]
    indefinite = "LILLE, 2 mars 2025 (AFP) - On ne peut pas arrêter quelqu'un qui organise une manifestation, a-t-il dit."
    assert not [e for e in extract(SourceDocument(text=indefinite), "fr").events if e.event == "PROTEST"]


def test_support_brought_or_expressed_to_a_party_or_its_bid():
    french = extract(SourceDocument(text="MADRID, 9 mai 2024 (AFP) - Le ministre espagnol de la Défense a apporté "
                                         "son soutien au gouvernement portugais."), "fr").events
    assert [([a.country for a in e.actor], [r.country for r in e.recipient]) for e in french
            if e.event == "SUPPORT"] == [(["ESP"], ["PRT"])]
    english = extract(SourceDocument(text="Austria on Monday expressed support for Moldova's bid to join "
                                          "the European Union."), "en").events
    assert [([a.country for a in e.actor], [r.country for r in e.recipient]) for e in english
            if e.event == "SUPPORT"] == [(["AUT"], ["MDA"])]


def test_single_country_exercises_are_a_show_of_force_and_joint_ones_are_not():
    alone = extract(SourceDocument(text="Belarus is conducting military exercises near the Polish border."), "en").events
    assert [(e.event, e.mode, [a.country for a in e.actor]) for e in alone] == [("MOBILIZE", "troops", ["BLR"])]
    joint = extract(SourceDocument(text="Chile and Peru held joint exercises on Monday."), "en").events
    assert not [e for e in joint if e.event == "MOBILIZE"]


def test_english_modals_are_hypothetical_and_ambiguous_verbs_need_their_violent_or_protest_sense():
    maybe = extract(SourceDocument(text="Vladimir Putin could visit Hungary next month."), "en").events
    assert [(e.event, e.aux) for e in maybe if e.event == "CONSULT"] == [("CONSULT", "hypothetical")]
    for text in ("Kentucky Democrats beat the incumbent governor on Tuesday.",
                 "The engineers demonstrated a new docking method in Houston."):
        assert extract(SourceDocument(text=text), "en").events == [], text
    beaten = extract(SourceDocument(text="Police beat protesters with batons in Tbilisi on Sunday."), "en").events
    assert [(e.event, e.mode) for e in beaten] == [("ASSAULT", "beat")]


def test_a_police_raid_is_a_seizure_not_an_assault():
    text = "OTTAWA, 4 May 2024 (CP) - Police officers raided the offices of a trucking company on Monday."
    assert [(e.event, e.mode) for e in extract(SourceDocument(text=text), "en").events] == [("COERCE", "seize")]


def test_i_and_we_in_a_quotation_are_its_speaker():
    text = ("MADRID, 14 avril 2024 (AFP) - « Nous condamnons cette attaque contre notre ambassade », a déclaré "
            "le ministre espagnol des Affaires étrangères José Manuel Albares.")
    record = extract(SourceDocument(text=text), "fr")
    accuse = next(e for e in record.events if e.event == "ACCUSE")
    assert [(a.country, a.sector) for a in accuse.actor] == [("ESP", "GOV")]
    assert any("in a quotation: its speaker" in r for r in accuse.reasons)
    english = ('OTTAWA, May 2 (Reuters) - Canada\'s foreign minister Melanie Joly said: "We condemn the '
               'shelling of civilians by Russian forces."')
    record = extract(SourceDocument(text=english), "en")
    assert any(e.event == "ACCUSE" and [a.country for a in e.actor] == ["CAN"] for e in record.events)


def test_we_said_by_one_of_two_ministers_just_met_is_both():
    text = ("TASHKENT, Sept 3 (Reuters) - Mongolian Foreign Minister Battsetseg Batmunkh and Anvar Nasirov, "
            "Uzbekistan's foreign minister, met in Tashkent on Monday.\n\n"
            '"We call on Armenia and Azerbaijan to respect the ceasefire," Batmunkh told reporters.')
    requests = [e for e in extract(SourceDocument(text=text), "en").events if e.event == "REQUEST"]
    assert [sorted(a.country for a in e.actor) for e in requests] == [["MNG", "UZB"]]
    assert sorted(r.country for r in requests[0].recipient) == ["ARM", "AZE"]


def test_support_and_rejection_between_domestic_parties():
    found = {(e[0], e[3], e[4]) for e in events_of(
        "LILLE, 9 mars 2024 (AFP) - « Je soutiens les pêcheurs en colère », a déclaré le président "
        "du parti Horizons, Édouard Philippe.", "fr")}
    assert ("SUPPORT", ("FRA",), ("FRA",)) in found
    rejected = events_of("NANTES, 9 mars 2024 (AFP) - La ministre du Travail a écarté un retour sur la "
                         "réforme de l'assurance chômage.", "fr")
    assert [(e[0], e[3]) for e in rejected] == [("REJECT", ("FRA",))]
    # moving people aside and setting aside a lead are no rejection
    assert events_of("NANTES, 9 mars 2024 (AFP) - Les gendarmes ont écarté les curieux de la chaussée.", "fr") == []
    assert events_of("NANTES, 9 mars 2024 (AFP) - Le parquet a écarté la piste criminelle.", "fr") == []


def test_people_threatened_by_a_named_group():
    found = events_of("RENNES, 9 mars 2024 (AFP) - Trois photographes ont été menacés par des casseurs "
                      "samedi à Rennes.", "fr")
    assert [(e[0], e[3], e[6]) for e in found] == [("THREATEN", ("FRA",), "Rennes")]
    assert events_of("RENNES, 9 mars 2024 (AFP) - Les salariés de l'usine sont menacés de licenciement "
                     "par la direction.", "fr") == []


def test_a_judgement_in_quoted_words_is_a_disapproval_by_the_speaker():
    found = events_of("BERLIN, 3 juin 2024 (AFP) - « Ces arrestations sont inadmissibles », a réagi la porte-parole "
                      "du ministère allemand des Affaires étrangères.", "fr")
    assert [(e[0], e[1], e[3]) for e in found] == [("ACCUSE", "disapprove", ("DEU",))]
    english = events_of('CANBERRA, June 3 (Reuters) - "The jailing of our journalist is outrageous," Australian '
                        "Foreign Minister Penny Wong told reporters.", "en")
    assert [(e[0], e[3]) for e in english] == [("ACCUSE", ("AUS",))]
    # not someone's quoted words, or negated: no judgement
    assert events_of("BERLIN, 3 juin 2024 (AFP) - Le temps était épouvantable et le retard inadmissible.", "fr") == []
    assert events_of("BERLIN, 3 juin 2024 (AFP) - « Ce n'est pas scandaleux de demander plus », a estimé le "
                     "ministre allemand des Finances.", "fr") == []


def test_the_subject_set_off_after_an_opening_phrase_or_hung_on_the_auxiliary():
    found = events_of("LILLE, 9 mars 2024 (AFP) - Dans une vidéo publiée sur Facebook, Sandrine Rousseau, la "
                      "présidente du parti écologiste, a exhorté les manifestants à rester calmes.", "fr")
    assert [(e[0], e[3]) for e in found] == [("REQUEST", ("FRA",))]
    found = events_of("MADRID, 9 mars 2024 (AFP) - Pedro Sánchez a annoncé un plan. Il a de plus demandé que les "
                      "banques « gèlent les expulsions ».", "fr")
    assert [(e[0], e[3]) for e in found if e[0] == "REQUEST"] == [("REQUEST", ("ESP",))]


def test_deploring_a_loss_is_no_accusation():
    assert events_of("LIMA, 3 juin 2024 (AFP) - La présidente Dina Boluarte a déploré la mort de six "
                     "mineurs dans l'effondrement d'une galerie.", "fr") == []
    found = events_of("LIMA, 3 juin 2024 (AFP) - La présidente Dina Boluarte a déploré les violences commises "
                      "par des manifestants contre la police.", "fr")
    assert [(e[0], e[3]) for e in found if e[0] == "ACCUSE"] == [("ACCUSE", ("PER",))]


def test_a_speaker_the_parser_cut_off_after_the_verb_is_found():
    found = events_of("PARIS, 24 novembre 2024 (AFP) - «Ces comportements sont intolérables», a réagi samedi soir "
                      "Claire Fournier, directrice de la rédaction de la chaîne, sur son site.", "fr")
    assert [(e[0], e[1], e[3]) for e in found] == [("ACCUSE", "disapprove", ("FRA",))]


def test_he_far_from_any_name_is_the_only_person_the_story_has_named():
    text = ("MADRID, 9 mars 2024 (AFP) - Le chef du gouvernement espagnol Pedro Sánchez a présenté lundi un plan "
            "pour le logement.\n\n"
            "Le texte prévoit un gel des loyers dans les grandes villes. Les banques devront aussi financer des "
            "logements sociaux. Les associations ont salué un premier pas.\n\n"
            "Il a de plus demandé que les propriétaires « renoncent aux expulsions » cet hiver.")
    found = [e for e in events_of(text, "fr") if e[0] == "REQUEST"]
    assert [e[3] for e in found] == [("ESP",)]


def test_a_call_made_in_an_infinitive_clause_is_its_main_subject_s():
    text = ("LILLE, 9 mars 2024 (AFP) - Le député Hadrien Clouet, qui défilait à Toulouse, a salué la mobilisation "
            "avant d'appeler le gouvernement à « céder » sur la réforme.")
    found = [e for e in events_of(text, "fr") if e[0] == "REQUEST"]
    assert [(e[1], e[3]) for e in found] == [("yield", ("FRA",))]
