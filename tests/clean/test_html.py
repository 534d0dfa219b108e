from pathlib import Path

import pytest

from dateline.clean import clean_html
from dateline.sources.decode import decode_bytes

PAGES = Path(__file__).parent.parent / "data" / "pages"
VARIANTS = Path(__file__).parent.parent / "data" / "variants"
FURNITURE = ["cookies", "Privacy policy", "Read more", "À lire aussi", "Comments", "disgrace", "All rights reserved",
             "min read", "Home", "Facebook", "Ministers meet again", "Terms"]


def _story_paragraphs(variant: str) -> list[str]:
    """The variant's paragraphs without its title line and with its dateline cut off."""
    lines = [line for line in (VARIANTS / variant).read_text("utf-8").splitlines() if line.strip()]
    first = lines[1].split(") - ", 1)[1]
    return [first, *lines[2:]]


@pytest.mark.parametrize(("page", "variant", "lang"), [
    ("en-news-site.html", "afp-en-lavrov-cavusoglu-ankara.txt", "en"),
    ("fr-news-site.html", "afp-fr-lecornu-pistorius-paris.txt", "fr"),
])
def test_page_body_keeps_every_paragraph_and_no_furniture(page, variant, lang):
    doc = clean_html((PAGES / page).read_text("utf-8"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs == _story_paragraphs(variant)
    for furniture in FURNITURE:
        assert furniture not in doc.text
    assert doc.language == lang


def test_page_metadata():
    doc = clean_html((PAGES / "fr-news-site.html").read_text("utf-8"))
    assert doc.title == "Paris et Berlin exigent le retrait des forces russes d'Ukraine"
    assert doc.author == "Jean Dupont"
    assert doc.site_name == "Le Quotidien Exemple"
    assert doc.canonical_url == "https://news.example.org/international/2023-03-03/story.html"
    assert doc.section == "International"
    assert doc.published == "2023-03-03"
    assert doc.dateline is not None and doc.dateline.place_text == "PARIS" and doc.dateline.date_text == "3 mars 2023"
    assert doc.agency is not None and doc.agency.name == "AFP"


def test_wrong_charset_declaration_still_reads_the_accents():
    # The same page saved in windows-1252 while it still declares utf-8 (characters outside
    # windows-1252 become character references, as browsers save them).
    data = (PAGES / "fr-news-site.html").read_text("utf-8").encode("cp1252", errors="xmlcharrefreplace")
    assert b'charset="utf-8"' in data
    html, warnings = decode_bytes("page", data)
    doc = clean_html(html)
    assert "Reçu vendredi à l'Hôtel de Brienne" in doc.text
    assert "Błaszczak" in doc.text  # a character reference survives too
    assert warnings and "not UTF-8" in warnings[0]


def test_malformed_html_is_still_read():
    html = "<html><body><div><p>Le ministre a reçu son homologue à Rome jeudi pour un long entretien sur la sécurité" \
           " régionale et les échanges commerciales.<p>Les deux hommes ont signé un accord.</div></span></body>"
    doc = clean_html(html, language="fr")
    assert "Les deux hommes ont signé un accord." in doc.text


def test_deeply_nested_html_gives_a_document_or_a_clear_error():
    from dateline.sources.errors import InputError

    html = "<html><body>" + "<div>" * 100_000 + "<p>Texte.</p>" + "</div>" * 100_000 + "</body></html>"
    try:
        doc = clean_html(html, language="fr")
    except InputError as exc:
        assert "HTML" in exc.cause
    else:
        assert "<div>" not in doc.text


def test_page_without_main_text_warns():
    doc = clean_html("<html><head><title>Rien</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>",
                     language="fr")
    assert doc.text == "" and any("no main text" in w for w in doc.warnings)
