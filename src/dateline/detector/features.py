"""What the detector reads of a sentence: sparse lemma features and the sentence's dense vector.

Names are replaced by their entity label so that the model learns what is done, not who does it
(a model that learned "Macron" would not carry to another country's news). The event lexicon's
types for each word are features too ("X=ASSAULT"), so that a verb of the dictionaries that no
training sentence showed still counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_ALPHA, IS_STOP, LEMMA, ORTH, POS
from spacy.tokens import Doc, Span, Token

from dateline.events.lexicon import EventLexicon, cue_types, event_lexicon
from dateline.lang import load_language
from dateline.textutil import fold

_NAME_LABELS = {"PER", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC"}
_SKIPPED_POS = {"PUNCT", "SPACE", "NUM", "SYM", "X"}
_OBJECT_DEPS = {"obj", "dobj", "obl", "pobj", "nmod", "iobj"}


@cache
def language_lexicon(lang: str) -> EventLexicon:
    return event_lexicon(load_language(lang))


_CUES: dict[tuple[int, str, str], frozenset[str]] = {}
_READINGS: dict[tuple[int, ...], tuple[str | None, str, str, str]] = {}  # token attribute hashes -> strings
_MAX_CUES = 200_000


def _cue_features(lexicon: EventLexicon, lemma: str, pos: str) -> frozenset[str]:
    """The lexicon-type features of a word, memoised (a sentence asks for every one of its words)."""
    key = (id(lexicon), lemma, pos)
    found = _CUES.get(key)
    if found is None:
        if len(_CUES) > _MAX_CUES:  # a long-running server meets ever new words: start again
            _CUES.clear()
        types = cue_types(lexicon, fold(lemma), pos)
        found = _CUES[key] = frozenset(f for t in types for f in (f"X={t}", f"X={t}|{pos}"))
    return found


def _word(token: Token) -> str | None:
    return _word_of(token.ent_type_, token.pos_, token.is_stop, token.is_alpha, token.lemma_ or token.text)


def _word_of(ent_type: str, pos: str, is_stop: bool, is_alpha: bool, lemma: str) -> str | None:
    if ent_type in _NAME_LABELS or pos == "PROPN":
        return f"E={ent_type or 'NAME'}"
    if pos in _SKIPPED_POS or is_stop or not is_alpha:
        return None
    return fold(lemma).casefold()


@dataclass(frozen=True)
class _Tokens:
    """What the features read of each token of a document, read once through `Doc.to_array`
    (attribute by attribute through `Token`, this cost as much as the rest of the events stage)."""
    words: list[str | None]
    lemmas: list[str]
    poses: list[str]
    deps: list[str]
    objects: dict[int, list[int]]  # a token -> its dependents of an object relation


_ATTRS = [ENT_TYPE, POS, IS_STOP, IS_ALPHA, LEMMA, ORTH, DEP]
_last_tokens: tuple[Doc, _Tokens] | None = None  # the last document's table (one tuple, so thread-safe)


def _tokens(doc: Doc) -> _Tokens:
    global _last_tokens
    last = _last_tokens
    if last is not None and last[0] is doc:
        return last[1]
    strings = doc.vocab.strings
    rows = doc.to_array(_ATTRS).tolist() if len(doc) else []  # string hashes, unsigned
    heads = doc.to_array(HEAD).astype(np.int64).tolist() if len(doc) else []  # signed offsets
    words: list[str | None] = []
    lemmas: list[str] = []
    poses: list[str] = []
    deps: list[str] = []
    objects: dict[int, list[int]] = {}
    if len(_READINGS) > _MAX_CUES:
        _READINGS.clear()
    for index, (row, head) in enumerate(zip(rows, heads, strict=True)):
        key = tuple(row)
        reading = _READINGS.get(key)
        if reading is None:  # the same word in the same role recurs: read its strings once
            ent, pos = (strings[k] if k else "" for k in row[:2])
            stop, alpha = bool(row[2]), bool(row[3])
            lemma, orth, dep = (strings[k] if k else "" for k in row[4:])
            reading = _READINGS[key] = (_word_of(ent, pos, stop, alpha, lemma or orth), lemma, pos, dep)
        word, lemma, pos, dep = reading
        words.append(word)
        lemmas.append(lemma)
        poses.append(pos)
        deps.append(dep)
        if head and dep in _OBJECT_DEPS:  # HEAD is the offset to the head; the root's is 0
            objects.setdefault(index + head, []).append(index)
    table = _Tokens(words, lemmas, poses, deps, objects)
    _last_tokens = (doc, table)
    return table


def sparse_features(sent: Span, lexicon: EventLexicon | None = None) -> set[str]:
    """Lemmas (names as their label), verb lemmas, the root, each verb with its object's lemma, and
    the lexicon's event types of each word (with its coarse POS)."""
    table = _tokens(sent.doc)
    words, deps = table.words, table.deps
    features: set[str] = set()
    for index in range(sent.start, sent.end):
        if lexicon is not None:
            features |= _cue_features(lexicon, table.lemmas[index], table.poses[index])
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
    """The sentence's mean vector (static vectors, else the parser's token tensors), unit length:
    what `Span.vector` gives, from a token matrix built once per document (spaCy's `Span.vector`
    sums `Token.vector` in Python, one lookup a token, which cost as much as the detector itself)."""
    matrix = _token_vectors(sent.doc)
    vector = matrix[sent.start:sent.end].mean(axis=0) if len(sent) else np.zeros(matrix.shape[1], np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


_last: tuple[Doc, np.ndarray] | None = None  # the last document's token matrix (one tuple, so thread-safe)


def _token_vectors(doc: Doc) -> np.ndarray:
    global _last
    last = _last
    if last is not None and last[0] is doc:
        return last[1]
    vectors = doc.vocab.vectors
    if vectors.size == 0:
        matrix = np.asarray(doc.tensor, dtype=np.float32)
    else:
        rows = np.asarray(vectors.find(keys=[token.orth for token in doc]))
        matrix = np.asarray(vectors.data, dtype=np.float32)[np.maximum(rows, 0)]
        matrix[rows < 0] = 0.0
    _last = (doc, matrix)
    return matrix
