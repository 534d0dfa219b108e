"""Language detection: the candidate languages first, every language only when it is sure."""

from __future__ import annotations

import pytest

from dateline.clean.text import _candidate_detector, detect_language


@pytest.mark.parametrize(("text", "code"), [
    ("Le président Macron se rend à Berlin", "fr"),
    ("Brexit talks resume", "en"),
    # Names only: the detector of all languages guesses Basque (0.44), not sure enough to stand.
    ("Biden meets Xi in San Francisco", "en"),
    # Tagalog to the trigrams of all languages (0.95), English among the candidates (0.86).
    ("BRASILIA, May 2 (Reuters) - President Ana Souza welcomed Kenyan President Joseph Kamau to Brasilia.", "en"),
    # Not a candidate language: the detector of all languages is sure.
    ("Der Außenminister traf am Dienstag seinen Amtskollegen in Berlin.", "de"),
    ("Il ministro degli Esteri ha incontrato martedì il suo omologo a Roma.", "it"),
    ("12345 --- 678", "und"),
])
def test_short_texts_get_their_language(text, code):
    assert detect_language(text) == code


def test_the_candidates_are_the_languages_dateline_has_data_for():
    from dateline.lang import available_languages

    languages = {v.language.iso_code_639_1.name.lower()
                 for v in _candidate_detector().compute_language_confidence_values("Paris")}
    assert languages == set(available_languages())
