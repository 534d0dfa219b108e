"""What the detector reads of a sentence: sparse lemma features and the sentence's dense vector.

Names are replaced by their entity label so that the model learns what is done, not who does it
(a model that learned "Macron" would not carry to another country's news).
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Span, Token

from dateline.textutil import fold

_NAME_LABELS = {"PER", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"}
_SKIPPED_POS = {"PUNCT", "SPACE", "NUM", "SYM", "X"}
_OBJECT_DEPS = {"obj", "dobj", "obl", "pobj", "nmod", "iobj"}


def _word(token: Token) -> str | None:
    if token.ent_type_ in _NAME_LABELS or token.pos_ == "PROPN":
        return f"E={token.ent_type_ or 'NAME'}"
    if token.pos_ in _SKIPPED_POS or token.is_stop or not token.is_alpha:
        return None
    return fold(token.lemma_ or token.text).casefold()


def sparse_features(sent: Span) -> set[str]:
    """Lemmas (names as their label), verb lemmas, the root, and each verb with its object's lemma."""
    features: set[str] = set()
    for token in sent:
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
