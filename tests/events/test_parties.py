"""Parties of statements and meetings on invented stories: a title with the name in apposition,
domestic events told apart by sectors, groups named by whom they speak for, dates the parser
took for objects, and pronoun speakers after quotations."""

from __future__ import annotations

from tests.events.stories import coded


def test_a_title_with_the_name_in_apposition_is_that_person():
    text = ("MADRID, 14 mars 2021 (AFP) - Le président Joe Biden a rencontré lundi à Madrid le Premier "
            "ministre espagnol Pedro Sánchez.")
    found = [e for e in coded(text) if e[0] == "CONSULT"]
    assert found and {c for side in found[0][2:] for c, _ in side} == {"USA", "ESP"}


def test_a_domestic_meeting_between_sectors_is_coded_with_its_sectors():
    text = ("PARIS, 9 février 2023 (AFP) - La Première ministre Élisabeth Borne a reçu jeudi à Matignon "
            "des représentants des syndicats.")
    assert ("CONSULT", "visit", [("FRA", "LAB")], [("FRA", "GOV")]) in coded(text)


def test_a_meeting_within_one_sector_is_not_a_domestic_event():
    text = ("PARIS, 9 février 2023 (AFP) - Le président Emmanuel Macron a reçu jeudi la Première ministre "
            "Élisabeth Borne.")
    assert not [e for e in coded(text) if e[0] == "CONSULT"]


def test_a_pronoun_speaker_after_the_quotation_speaks_for_its_first_person():
    text = ("MADRID, 3 février 2024 (AFP) - La ministre espagnole de l'Agriculture, Luisa Planas, a visité "
            "une ferme. «Je soutiens les agriculteurs», a-t-elle écrit samedi sur X.")
    assert any(e[0] == "SUPPORT" and e[2] == [("ESP", "GOV")] for e in coded(text))


def test_an_english_pronoun_speaker_after_the_quotation():
    text = ('OTTAWA, March 3, 2024 (Reuters) - Canadian Foreign Minister Melanie Joly spoke on Sunday. '
            '"We condemn the attack on the embassy," she said.')
    assert any(e[0] == "ACCUSE" and ("CAN", "GOV") in e[2] for e in coded(text))


def test_people_take_the_group_their_modifier_names():
    text = ("MADRID, March 4, 2024 (Reuters) - On Monday Spanish Prime Minister Pedro Sanchez held talks "
            "with opposition party leaders.")
    assert ("CONSULT", None, [("ESP", "GOV")], [("ESP", "OPP")]) in coded(text)


def test_people_named_by_their_organisation_are_the_organisation():
    english = coded("BRUSSELS, June 6, 2023 (Reuters) - EU leaders condemned Belarus on Tuesday.")
    assert any(e[0] == "ACCUSE" and e[2] == [("EUR", None)] and e[3] == [("BLR", None)] for e in english)
    french = coded("GENÈVE, 6 juin 2023 (AFP) - Les responsables de l'ONU ont condamné le Soudan mardi.")
    assert any(e[0] == "ACCUSE" and e[2] == [("UNO", None)] for e in french)


def test_a_leader_named_by_title_only_is_the_storys_protagonist_not_the_accused_country():
    text = ("LIMA, March 3 (Reuters) - Peruvian President Ana Quispe arrived in Quito on Monday for a two-day "
            "stay. The 58-year-old leader openly accused Chile of plotting against her government.")
    assert ("ACCUSE", "allege", [("PER", "GOV")], [("CHL", None)]) in coded(text)


def test_the_recipients_own_phrase_does_not_place_an_unnamed_actor():
    text = "NAIROBI, May 2 (Reuters) - Kenya's economy grew last year. The minister accused Uganda of lying."
    assert ("ACCUSE", "allege", [("KEN", "GOV")], [("UGA", None)]) in coded(text)


def test_where_people_come_from_does_not_place_who_sentenced_them():
    text = "ADDIS ABABA, June 9 (Reuters) - Two U.S. citizens were sentenced on Tuesday to six years in prison."
    assert ("SANCTION", "convict", [("ETH", "JUD")], [("USA", "CVL")]) in coded(text)


def test_a_place_in_a_clause_of_its_own_does_not_place_the_main_act():
    text = ("ANKARA, June 9 (Reuters) - Two journalists were sentenced on Monday to five years in prison "
            "after they were detained in Aleppo in 2023.")
    sentenced = [e for e in coded(text) if e[0] == "SANCTION"]
    assert sentenced and sentenced[0][2] == [("TUR", "JUD")]


def test_welcoming_a_leader_to_a_capital_is_hosting_not_support():
    text = "BRASILIA, May 2 (Reuters) - President Ana Souza welcomed Kenyan President Joseph Kamau to Brasilia."
    found = coded(text)
    assert ("CONSULT", "visit", [("KEN", "GOV")], [("BRA", "GOV")]) in found
    assert not [e for e in found if e[0] == "SUPPORT"]


def test_a_single_gunman_is_an_armed_group_not_an_unknown_attacker():
    text = "LAGOS, May 2 (Reuters) - A gunman shot two police officers in Kano on Friday."
    found = [e for e in coded(text) if e[0] == "ASSAULT"]
    assert found and found[0][2] == [("NGA", "REB")]


def test_a_known_ngo_is_coded_ngo_in_both_languages():
    english = "NAIROBI, March 3 (Reuters) - Doctors Without Borders accused Sudan of blocking aid convoys."
    french = "PARIS, 3 mars 2021 (AFP) - Reporters sans frontières a dénoncé lundi les violences de la police."
    assert any(e[0] == "ACCUSE" and e[2] == [("NGO", None)] for e in coded(english))
    assert any(e[0] == "ACCUSE" and e[2] == [("NGO", None)] for e in coded(french))


def test_a_seat_of_government_stands_for_that_government():
    english = "LONDON, May 2 (Reuters) - The White House condemned Venezuela on Monday."
    french = "BRUXELLES, 2 mai 2022 (AFP) - Le Kremlin a accusé lundi la Pologne."
    assert ("ACCUSE", "disapprove", [("USA", "GOV")], [("VEN", None)]) in coded(english)
    assert any(e[0] == "ACCUSE" and e[2] == [("RUS", "GOV")] and e[3] == [("POL", None)] for e in coded(french))


def test_a_french_seat_receives_a_domestic_delegation():
    text = "PARIS, 2 mai 2022 (AFP) - Matignon a reçu lundi des représentants des agriculteurs."
    assert ("CONSULT", "visit", [("FRA", "AGR")], [("FRA", "GOV")]) in coded(text)


def test_the_conduct_criticised_names_whose_it_is():
    text = "PARIS, 2 mai 2022 (AFP) - Le Quai d'Orsay a dénoncé lundi l'attitude de la Hongrie."
    assert ("ACCUSE", "disapprove", [("FRA", "GOV")], [("HUN", None)]) in coded(text)


def test_land_named_by_a_city_of_a_country_the_text_never_names():
    text = "KHARKIV, 2 mai 2022 (AFP) - Les forces russes se sont retirées de la région de Kharkiv."
    assert ("RETREAT", "withdraw", [("RUS", "MIL")], [("UKR", None)]) in coded(text)


def test_a_french_pronoun_in_what_a_government_says_is_that_government():
    text = ("PARIS, 2 mai 2022 (AFP) - Le gouvernement portugais a annoncé lundi qu'il suspendait la hausse de "
            "la taxe sur les carburants.")
    assert any(e[0] == "CONCEDE" and e[2] == [("PRT", "GOV")] for e in coded(text))


def test_a_place_in_a_clause_under_after_tells_where_that_other_act_was():
    text = ("HANOI, May 3, 2023 (Reuters) - Two Australian tourists were sentenced to six years in prison for smuggling "
            "after being detained while trekking along the Laos-Cambodia border in 2021.")
    sentences = [e for e in coded(text) if e[0] == "SANCTION"]
    assert sentences == [("SANCTION", "convict", [("VNM", "JUD")], [("AUS", "CVL")])]


def test_it_in_what_a_government_says_is_that_government():
    text = "OSLO, June 9, 2022 (Reuters) - The Norwegian government said it had arrested two suspects."
    assert [(e[0], e[2]) for e in coded(text)] == [("COERCE", [("NOR", "GOV")])]


def test_a_noun_with_an_agent_phrase_stands_for_the_party_the_phrase_names():
    text = ("SANTIAGO, May 2, 2023 (Reuters) - Chilean President Ana Rojas rejected a proposal by Peruvian "
            "Foreign Minister Luis Vega on Monday.")
    rejections = [e for e in coded(text) if e[0] == "REJECT"]
    assert rejections and all(e[3] == [("PER", "GOV")] for e in rejections)
