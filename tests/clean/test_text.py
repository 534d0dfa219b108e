"""Furniture removal, title, section, dateline and agency, on texts written for these tests."""

from __future__ import annotations

import pytest

from dateline.clean import clean_text

PAGE = """Politique internationale

Le Kazakhstan et l'Ouzbékistan signent un accord sur l'eau

3 minutes de lecture

Le Kazakhstan et l'Ouzbékistan signent un accord sur l'eau

ASTANA, 4 AVRIL, KAZNIFORM: Le 4 avril, le ministre des Affaires étrangères du Kazakhstan a reçu son homologue ouzbek dans la capitale pour parler de l'eau.

Les deux ministres ont évoqué le partage des eaux du Syr-Daria et la construction de nouveaux barrages dans la région.

KAZINFROM

Kazakhstan, Astana, 010000, avenue Mangilik El 8

+7 7172 555 555
facebooktelegramyoutubeinstagram

La reproduction des contenus est interdite sans autorisation écrite de l'agence

© 2024 KAZINFORM

Créé par: STUDIO
"""


def test_page_furniture_is_removed_and_story_kept():
    doc = clean_text(PAGE, "fr")
    assert doc.title == "Le Kazakhstan et l'Ouzbékistan signent un accord sur l'eau"
    assert doc.section == "Politique internationale"
    assert doc.text.startswith("Le 4 avril, le ministre des Affaires étrangères du Kazakhstan")
    assert "Les deux ministres ont évoqué le partage des eaux" in doc.text
    for furniture in ("3 minutes de lecture", "KAZINFROM", "avenue Mangilik", "+7 7172",
                      "facebooktelegram", "reproduction", "© 2024", "Créé par", doc.title):
        assert furniture not in doc.text


def test_dateline_and_misspelt_agency():
    doc = clean_text(PAGE, "fr")
    assert doc.dateline is not None
    assert doc.dateline.place_text == "ASTANA"
    assert doc.dateline.date_text == "4 AVRIL"
    assert doc.agency is not None and doc.agency.name == "Kazinform"
    assert 0.8 < doc.agency.score < 1.0


def test_afp_style_dateline_in_english():
    raw = ("Talks in Geneva\n\nGENEVA, March 3 (Reuters) - The foreign ministers of Georgia and "
           "Moldova met in Geneva on Friday to discuss trade and energy routes across the region.")
    doc = clean_text(raw, "en")
    assert doc.dateline is not None and doc.dateline.place_text == "GENEVA"
    assert doc.agency is not None and doc.agency.name == "Reuters"
    assert doc.text.startswith("The foreign ministers of Georgia")


def test_language_is_detected():
    assert clean_text(PAGE).language == "fr"
    assert clean_text("The ministers met in Geneva on Friday to discuss the dispute.").language == "en"


def test_language_without_pipeline_warns():
    doc = clean_text("Die Außenminister trafen sich am Freitag in Genf, um über den Streit zu sprechen.")
    assert doc.language == "de"
    assert doc.warnings


def test_glued_paragraphs_are_split_and_trailing_afp_filing_line_removed():
    raw = ("LYON | Les agriculteurs ont bloqué trois ponts du centre-ville mardi pour dénoncer la hausse du gazole."
           "La préfecture a fait état de 2000 manifestants en fin de journée, selon un bilan provisoire."
           "Le ministre de l’Agriculture a promis de les recevoir jeudi.ab/cd/efLyon, 14 mars 2023 (AFP) - 03/14/23 18:02")
    doc = clean_text(raw, "fr")
    assert doc.text.split("\n\n") == [
        "Les agriculteurs ont bloqué trois ponts du centre-ville mardi pour dénoncer la hausse du gazole.",
        "La préfecture a fait état de 2000 manifestants en fin de journée, selon un bilan provisoire.",
        "Le ministre de l’Agriculture a promis de les recevoir jeudi.",
    ]
    assert doc.dateline is not None and doc.dateline.place_text == "LYON"
    assert doc.agency is not None and doc.agency.name == "AFP"


def test_inline_related_link_is_cut_out_of_the_paragraph():
    raw = ("Des milliers de retraités ont défilé samedi à Marseille contre la réforme des pensions. "
           "À LIRE AUSSI: Le Sénat adopte le budget de la sécurité sociale\xa0\xa0\xa0 Le cortège s’est dispersé "
           "dans le calme vers 18 heures, selon la police.")
    doc = clean_text(raw, "fr")
    assert "LIRE AUSSI" not in doc.text and "Sénat adopte" not in doc.text
    assert "Des milliers de retraités ont défilé samedi à Marseille" in doc.text
    assert "Le cortège s’est dispersé dans le calme vers 18 heures, selon la police." in doc.text


def test_link_broken_lines_are_joined_and_widgets_dropped():
    raw = ("Berlin (CNN)\n"
           "German Chancellor Olaf Scholz met union leaders on Monday after a week of\n"
           "rail strikes\n"
           "that halted most long-distance trains, according to\n"
           "Deutsche Bahn.\n"
           "Read More\n"
           "JUST WATCHED\n"
           "Strike shuts down German railways\n"
           "Replay\n"
           "More Videos ...\n"
           "MUST WATCH\n"
           "The union said the talks would resume on Thursday in Frankfurt.\n"
           "Striking workers gather outside Berlin's main station. Photograph: Jan Muster/Getty Images\n"
           "CNN's Anna Beispiel contributed to this report.")
    doc = clean_text(raw, "en")
    assert doc.text.split("\n\n") == [
        "German Chancellor Olaf Scholz met union leaders on Monday after a week of rail strikes that halted most "
        "long-distance trains, according to Deutsche Bahn.",
        "The union said the talks would resume on Thursday in Frankfurt.",
    ]
    assert doc.dateline is not None and doc.dateline.place_text == "Berlin"
    assert doc.agency is not None and doc.agency.name == "CNN"


def test_caption_with_glued_credit_before_the_first_sentence():
    raw = ("    Farmers drive tractors towards the parliament in Madrid. Photograph: Ana Ejemplo/AFP/Getty Images"
           "Spanish farmers blocked roads around Madrid on Wednesday to protest against cheap imports.\n"
           "The agriculture minister said he would meet their unions next week.\n– Reuters")
    doc = clean_text(raw, "en")
    assert doc.text.split("\n\n") == [
        "Spanish farmers blocked roads around Madrid on Wednesday to protest against cheap imports.",
        "The agriculture minister said he would meet their unions next week.",
    ]
    assert doc.agency is not None and doc.agency.name == "Reuters"


def test_a_four_word_sentence_starting_with_par_is_story_not_byline():
    raw = ("Le gouvernement a annoncé lundi un plan de soutien aux éleveurs touchés par la sécheresse.\n"
           "Par Jean Exemple\n"
           "Par ailleurs, rien ne change.")
    doc = clean_text(raw, "fr")
    assert "Par Jean Exemple" not in doc.text
    assert "Par ailleurs, rien ne change." in doc.text


@pytest.mark.parametrize(("raw", "lang", "place", "date", "agency", "first_words"), [
    ("MOSCOW, Oct 12 (Reuters) - Russia and Kazakhstan signed a gas transit deal on Wednesday, officials said.",
     "en", "MOSCOW", "Oct 12", "Reuters", "Russia and Kazakhstan"),
    ("PARIS, 3 mars (AFP) - Le gouvernement a annoncé mercredi un plan de soutien aux agriculteurs.",
     "fr", "PARIS", "3 mars", "AFP", "Le gouvernement"),
    ("GENÈVE - Le Conseil fédéral a décidé mercredi de reprendre les sanctions européennes contre la Russie. (ats/nxp)",
     "fr", "GENÈVE", None, "Keystone-ATS", "Le Conseil fédéral"),
    ("QUÉBEC | Des centaines de camionneurs ont bloqué l’autoroute 20 dimanche pour protester contre les péages.",
     "fr", "QUÉBEC", None, None, "Des centaines"),
    ("(Victoriaville) Les producteurs laitiers ont manifesté lundi devant le bureau du député fédéral.",
     "fr", "Victoriaville", None, None, "Les producteurs"),
    ("KYIV - Ukraine said on Monday it had shot down 20 drones over the capital overnight.",
     "en", "KYIV", None, None, "Ukraine said"),
    ("NAIROBI, Kenya (AP) — Kenyan police fired tear gas at protesters in the capital on Tuesday, witnesses said.",
     "en", "NAIROBI", None, "AP", "Kenyan police"),
])
def test_wire_datelines(raw, lang, place, date, agency, first_words):
    doc = clean_text(raw, lang)
    assert doc.dateline is not None and doc.dateline.place_text == place and doc.dateline.date_text == date
    assert (doc.agency.name if doc.agency else None) == agency
    assert doc.text.startswith(first_words) and "(ats/nxp)" not in doc.text


def test_a_second_appended_story_keeps_the_first_one_whole():
    first = ("Des milliers d’enseignants ont manifesté jeudi dans plusieurs villes de France pour réclamer "
             "des hausses de salaire et des postes supplémentaires dans les écoles primaires du pays.")
    raw = "\n".join([first] * 3 + [
        "Les syndicats ont promis une nouvelle journée d’action avant la fin du mois si le ministère ne répond pas.",
        "Lyon — Par un vote serré, le conseil municipal a adopté mardi soir le nouveau plan de circulation du centre."])
    doc = clean_text(raw, "fr")
    assert doc.text.startswith("Des milliers d’enseignants ont manifesté jeudi")
    assert doc.dateline is None
    assert "Lyon — Par un vote serré" in doc.text


def test_quote_glued_after_a_full_stop_starts_a_new_paragraph():
    raw = "Le cortège s’est dispersé vers midi.«\u00a0C’est un succès\u00a0», a estimé le porte-parole du collectif."
    assert clean_text(raw, "fr").text.split("\n\n") == [
        "Le cortège s’est dispersé vers midi.", "«\u00a0C’est un succès\u00a0», a estimé le porte-parole du collectif."]


def test_a_paragraph_glued_after_an_acronym_is_split():
    raw = ("Le bilan faisait état de 12 blessés vers 15H00 GMT.Le ministre a condamné ces violences. "
           "Les secours ont été appelés par la SNCF.")
    parts = clean_text(raw, "fr").text.split("\n\n")
    assert parts[0].endswith("GMT.") and parts[1].startswith("Le ministre a condamné")
    assert "par la SNCF." in parts[-1]


def test_a_paragraph_glued_before_a_fronted_place_is_split():
    parts = clean_text("Les policiers ont fait usage de LBD.À Quimper, deux agents ont été blessés.", "fr").text
    assert parts.split("\n\n") == ["Les policiers ont fait usage de LBD.", "À Quimper, deux agents ont été blessés."]


def test_a_quotation_glued_after_a_closing_quote_starts_a_new_paragraph():
    raw = ("Le porte-parole avait appelé au calme, sans quoi «rien ne changera».«Ces actes sont indignes», "
           "a réagi la maire.")
    parts = clean_text(raw, "fr").text.split("\n\n")
    assert parts == ["Le porte-parole avait appelé au calme, sans quoi «rien ne changera».",
                     "«Ces actes sont indignes», a réagi la maire."]


@pytest.mark.parametrize(("lang", "story", "notice"), [
    ("en", "Riot police detained forty students outside the parliament in Lima on Monday, officials said. "
           "The students had marched for two days against a tuition rise.",
     "Copyright 2021 by Example Media. All rights reserved."),
    ("en", "Riot police detained forty students outside the parliament in Lima on Monday, officials said.",
     "– Copyright Example Media Limited 2021"),
    ("fr", "La police a interpellé quarante étudiants devant le parlement à Lima lundi, selon les autorités. "
           "Les étudiants défilaient depuis deux jours contre la hausse des frais.",
     "© 2021 Exemple Médias. Tous droits réservés."),
])
def test_a_copyright_notice_glued_to_the_last_paragraph_does_not_take_the_paragraph_with_it(lang, story, notice):
    first = "Des étudiants ont manifesté." if lang == "fr" else "Students marched in the capital."
    doc = clean_text(f"{first}\n\n{story} {notice}", lang)
    assert story in doc.text
    assert notice.split()[0] not in doc.text
