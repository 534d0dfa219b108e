"""Sentence boundaries the parser gets wrong and dateline mends."""

from __future__ import annotations

from dateline.nlp import parse


def test_a_quotation_stays_in_one_sentence_with_its_speaker():
    text = ("BERNE, 4 mai 2023 (ATS) - « Quelle arrogance », a dénoncé mercredi sur Twitter M. Weber, "
            "chef du groupe parlementaire.")
    sentences = [s.text for s in parse(text, "fr").sents]
    speaker = next(s for s in sentences if "a dénoncé" in s)
    assert "Quelle arrogance" in speaker
    assert not any(s.lstrip().startswith(",") for s in sentences)


def test_a_new_paragraph_starts_a_new_sentence():
    text = ("Les syndicats ont défilé mardi à Gand sans incident\n\n"
            "« Nous reviendrons », a prévenu leur porte-parole.")
    sentences = [s.text.strip() for s in parse(text, "fr").sents]
    assert any(s.startswith("« Nous reviendrons") for s in sentences)
    assert not any("incident" in s and "reviendrons" in s for s in sentences)


def test_a_single_line_break_is_left_to_the_parser():
    # hard-wrapped text (OCR, e-mail): a forced boundary at each line would cut names and clauses
    doc = parse("Le ministre des Affaires étrangères de la République\nfrançaise a reçu mardi son homologue.", "fr")
    assert len(list(doc.sents)) == 1
