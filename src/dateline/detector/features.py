"""What the detector reads of a sentence: sparse lemma features and the sentence's dense vector.

Names are replaced by their entity label so that the model learns what is done, not who does it
(a model that learned "Macron" would not carry to another country's news). The event lexicon's
types for each word are features too ("X=ASSAULT"), so that a verb of the dictionaries that no
training sentence showed still counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_ALPHA, IS_STOP, LEMMA, ORTH, POS
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from dateline.events.lexicon import EventLexicon, cue_types, event_lexicon
from dateline.lang import load_language
from dateline.textutil import fold

_NAME_LABELS = {"PER", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"}
_SKIPPED_POS = {"PUNCT", "SPACE", "NUM", "SYM", "X"}
_OBJECT_DEPS = {"obj", "dobj", "obl", "pobj", "nmod", "iobj"}


@cache
def language_lexicon(lang: str) -> EventLexicon:
    return event_lexicon(load_language(lang))


@lru_cache(maxsize=200_000)
def _cue_features(lang: str, lemma: str, pos: str) -> frozenset[str]:
    """The lexicon-type features of a word (a sentence asks for every one of its words)."""
    types = cue_types(language_lexicon(lang), fold(lemma), pos)
    return frozenset(f for t in types for f in (f"X={t}", f"X={t}|{pos}"))


def _word(ent_type: str, pos: str, is_stop: bool, is_alpha: bool, lemma: str) -> str | None:
    if ent_type in _NAME_LABELS or pos == "PROPN":
        return f"E={ent_type or 'NAME'}"
    if pos in _SKIPPED_POS or is_stop or not is_alpha:
        return None
    return fold(lemma).casefold()


@lru_cache(maxsize=200_000)
def _reading(strings: StringStore, row: tuple[int, ...]) -> tuple[str | None, str, str, str]:
    """(word feature, lemma, POS, dependency) of a token's attribute hashes: the same word in the
    same role recurs, so its strings are looked up once."""
    ent, pos = (strings[k] if k else "" for k in row[:2])
    lemma, orth, dep = (strings[k] if k else "" for k in row[4:])
    return _word(ent, pos, bool(row[2]), bool(row[3]), lemma or orth), lemma, pos, dep


@dataclass(frozen=True)
class _Reading:
    """What the features read of each token of a document, once per document through
    `Doc.to_array` and the vectors table (attribute by attribute through `Token`, and spaCy's
    `Span.vector`, which sums `Token.vector` in Python, this cost as much as the rest of the
    events stage)."""
    words: list[str | None]
    lemmas: list[str]
    poses: list[str]
    deps: list[str]
    objects: dict[int, list[int]]  # a token -> its dependents of an object relation
    vectors: np.ndarray  # (tokens, dimensions): static vectors, else the parser's tensors


_ATTRS = [ENT_TYPE, POS, IS_STOP, IS_ALPHA, LEMMA, ORTH, DEP]
_last: tuple[Doc, _Reading] | None = None  # the last document's reading (one tuple, so thread-safe)


def _read(doc: Doc) -> _Reading:
    global _last
    last = _last
    if last is not None and last[0] is doc:
        return last[1]
    rows = doc.to_array(_ATTRS).tolist() if len(doc) else []  # string hashes, unsigned
    heads = doc.to_array(HEAD).astype(np.int64).tolist() if len(doc) else []  # signed offsets
    readings = [_reading(doc.vocab.strings, tuple(row)) for row in rows]
    objects: dict[int, list[int]] = {}
    for index, ((*_, dep), head) in enumerate(zip(readings, heads, strict=True)):
        if head and dep in _OBJECT_DEPS:  # HEAD is the offset to the head; the root's is 0
            objects.setdefault(index + head, []).append(index)
    words, lemmas, poses, deps = (list(column) for column in zip(*readings, strict=True)) if readings else \
        ([], [], [], [])
    reading = _Reading(words, lemmas, poses, deps, objects, _token_vectors(doc))
    _last = (doc, reading)
    return reading


def _token_vectors(doc: Doc) -> np.ndarray:
    vectors = doc.vocab.vectors
    if vectors.size == 0:
        return np.asarray(doc.tensor, dtype=np.float32)
    rows = np.asarray(vectors.find(keys=[token.orth for token in doc]))
    matrix = np.asarray(vectors.data, dtype=np.float32)[np.maximum(rows, 0)]
    matrix[rows < 0] = 0.0
    return matrix


def sparse_features(sent: Span, lexicon: EventLexicon | None = None) -> set[str]:
    """Lemmas (names as their label), verb lemmas, the root, each verb with its object's lemma, and
    the lexicon's event types of each word (with its coarse POS)."""
    table = _read(sent.doc)
    words, deps = table.words, table.deps
    lang = lexicon.language.code if lexicon is not None else None
    features: set[str] = set()
    for index in range(sent.start, sent.end):
        if lang is not None:
            features |= _cue_features(lang, table.lemmas[index], table.poses[index])
        word = words[index]
        if word is None:
            continue
        features.add(f"L={word}")
        if table.poses[index] in {"VERB", "AUX"} or deps[index] == "ROOT":
            features.add(f"V={word}")
            for child in table.objects.get(index, ()):
                if other := words[child]:
                    features.add(f"VO={word}|{other}")
        if deps[index] == "ROOT":
            features.add(f"R={word}")
    return features


def dense_features(sent: Span) -> np.ndarray:
    """The sentence's mean vector (what `Span.vector` gives), unit length."""
    matrix = _read(sent.doc).vectors
    vector = matrix[sent.start:sent.end].mean(axis=0) if len(sent) else np.zeros(matrix.shape[1], np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
