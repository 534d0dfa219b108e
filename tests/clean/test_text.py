"""Furniture removal, title, section, dateline and agency, on texts written for these tests."""

from __future__ import annotations

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
