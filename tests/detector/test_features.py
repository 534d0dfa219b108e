from dateline.detector.features import dense_features, sparse_features
from dateline.nlp import parse


def _sentence(text: str, lang: str = "en"):
    return next(iter(parse(text, lang).sents))


def test_names_are_read_as_their_kind_not_as_words():
    features = sparse_features(_sentence("Chancellor Olaf Scholz met President Lula in Brasilia."))
    assert not any("scholz" in f or "lula" in f or "brasilia" in f for f in features)
    assert any(f.startswith("L=E=") for f in features)


def test_a_verb_is_paired_with_its_object():
    features = sparse_features(_sentence("The rebels released the hostages on Sunday."))
    assert "V=release" in features
    assert "VO=release|hostage" in features


def test_french_lemmas_are_folded():
    features = sparse_features(_sentence("Les manifestants ont bloqué les routes.", "fr"))
    assert "V=bloquer" in features
    assert "L=route" in features


def test_the_dense_vector_has_unit_length():
    vector = dense_features(_sentence("The army shelled the town."))
    assert abs(float((vector ** 2).sum()) - 1.0) < 1e-4


def test_the_lexicon_types_of_a_word_are_features():
    from dateline.detector.features import language_lexicon

    features = sparse_features(_sentence("Gunmen ambushed a convoy near Kandahar.", "en"), language_lexicon("en"))
    assert "X=ASSAULT" in features
    assert "X=ASSAULT|VERB" in features
    calm = sparse_features(_sentence("The convoy reached Kandahar at noon.", "en"), language_lexicon("en"))
    assert not any(f.startswith("X=ASSAULT") for f in calm)


def test_french_lexicon_types_come_from_the_french_lexicon():
    from dateline.detector.features import language_lexicon

    features = sparse_features(_sentence("La gendarmerie a interpellé trois militants à Rennes.", "fr"),
                               language_lexicon("fr"))
    assert "X=COERCE" in features
