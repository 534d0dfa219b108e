"""What the detector reads of a sentence: sparse lemma features and the sentence's dense vector.

Names are replaced by their entity label so that the model learns what is done, not who does it
(a model that learned "Macron" would not carry to another country's news). The event lexicon's
types for each word are features too ("X=ASSAULT"), so that a verb of the dictionaries that no
training sentence showed still counts.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.tokens import Span, Token

from dateline.events.lexicon import EventLexicon, cue_types, event_lexicon
from dateline.lang import load_language
from dateline.textutil import fold

_NAME_LABELS = {"PER", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"}
_SKIPPED_POS = {"PUNCT", "SPACE", "NUM", "SYM", "X"}
_OBJECT_DEPS = {"obj", "dobj", "obl", "pobj", "nmod", "iobj"}


@cache
def language_lexicon(lang: str) -> EventLexicon:
    return event_lexicon(load_language(lang))


def _word(token: Token) -> str | None:
    if token.ent_type_ in _NAME_LABELS or token.pos_ == "PROPN":
        return f"E={token.ent_type_ or 'NAME'}"
    if token.pos_ in _SKIPPED_POS or token.is_stop or not token.is_alpha:
        return None
    return fold(token.lemma_ or token.text).casefold()


def sparse_features(sent: Span, lexicon: EventLexicon | None = None) -> set[str]:
    """Lemmas (names as their label), verb lemmas, the root, each verb with its object's lemma, and
    the lexicon's event types of each word (with its coarse POS)."""
    features: set[str] = set()
    for token in sent:
        if lexicon is not None:
            for event_type in cue_types(lexicon, fold(token.lemma_), token.pos_):
                features |= {f"X={event_type}", f"X={event_type}|{token.pos_}"}
        word = _word(token)
        if word is None:
            continue
        features.add(f"L={word}")
        if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT":
            features.add(f"V={word}")
            for child in token.children:
                if child.dep_ in _OBJECT_DEPS and (other := _word(child)):
                    features.add(f"VO={word}|{other}")
        if token.dep_ == "ROOT":
            features.add(f"R={word}")
    return features


def dense_features(sent: Span) -> np.ndarray:
    """The sentence's mean vector (static vectors, else the parser's token tensors), unit length."""
    vector = np.asarray(sent.vector, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
