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


def _reference_features(sent, lexicon) -> set[str]:
    """The features written plainly over spaCy's Token API, to check the table-based reader against."""
    from dateline.events.lexicon import cue_types
    from dateline.textutil import fold

    def word(token):
        if token.ent_type_ in {"PER", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"} or token.pos_ == "PROPN":
            return f"E={token.ent_type_ or 'NAME'}"
        if token.pos_ in {"PUNCT", "SPACE", "NUM", "SYM", "X"} or token.is_stop or not token.is_alpha:
            return None
        return fold(token.lemma_ or token.text).casefold()

    found = set()
    for token in sent:
        for event_type in cue_types(lexicon, fold(token.lemma_), token.pos_):
            found |= {f"X={event_type}", f"X={event_type}|{token.pos_}"}
        own = word(token)
        if own is None:
            continue
        found.add(f"L={own}")
        if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT":
            found.add(f"V={own}")
            found |= {f"VO={own}|{word(c)}" for c in token.children
                      if c.dep_ in {"obj", "dobj", "obl", "pobj", "nmod", "iobj"} and word(c)}
        if token.dep_ == "ROOT":
            found.add(f"R={own}")
    return found


def test_the_table_based_features_equal_the_token_api_ones():
    from dateline.detector.features import language_lexicon

    stories = {"en": "Rebels ambushed a UN convoy near Goma on Friday. Kenya's foreign minister condemned the attack, "
                     "and 3,000 protesters marched in Nairobi!",
               "fr": "Les gendarmes ont interpellé vingt manifestants à Nantes. Le ministre bolivien a dénoncé "
                     "« une honte » et demandé l'ouverture d'une enquête."}
    for lang, text in stories.items():
        doc = parse(text, lang)
        for sent in doc.sents:
            assert sparse_features(sent, language_lexicon(lang)) == _reference_features(sent, language_lexicon(lang))
