"""`dateline train detector`: the detector's weights, rebuilt from labelled sentences.

Labelled sentences come from two places, neither of them dateline's output: the dev event gold
(`eval/<set>/*.gold.json`: a sentence holds type T when a scored event of type T has evidence in
it) and the sentence labels of `eval/sentences/<lang>/*.jsonl`. The gold's tune half and the
sentence labels train; the gold's check half only measures. Thresholds come from out-of-fold
probabilities on the training pool (folds by document), never from the check half.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from dateline.detector.features import dense_features, language_lexicon, sparse_features
from dateline.detector.model import Detector
from dateline.evals import Tally
from dateline.plover import EVENT_TYPES

FEATURES_VERSION = "lemmas+verbs+verb-objects+lexicon-types+vector/2"
MIN_POSITIVES = 4  # a type with fewer labelled sentences gets no model
ADD_PRECISION = 0.9  # out-of-fold precision a type's "add" threshold must reach
DROP_RECALL = 0.98  # share of positives a type's "drop" threshold keeps


@dataclass(frozen=True)
class LabelledSentence:
    input: str
    start: int
    end: int
    types: frozenset[str]
    optional: frozenset[str]
    origin: str  # "gold:tune", "gold:check", "labels:<annotator>"


def _spans(event: dict) -> list[tuple[int, int]]:
    spans = [tuple(event["evidence_span"])] if event.get("evidence_span") else []
    return spans + [tuple(s) for s in event.get("also_evidence_spans") or []]


def _types(event: dict) -> set[str]:
    value = event.get("event")
    return set(value) if isinstance(value, list) else {value} if value else set()


def gold_sentences(eval_dir: Path, lang: str, sentences_of: Callable[[str], list[tuple[int, int]]]
                   ) -> Iterator[LabelledSentence]:
    """Every sentence of every dev gold document of the language, labelled by the gold's events."""
    from dateline.evals.dev import split_of

    for path in sorted(eval_dir.glob("*/*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        if not isinstance(gold, dict) or "events" not in gold or gold.get("document", {}).get("language") != lang:
            continue
        for start, end in sentences_of(gold["input"]):
            scored, optional = set(), set()
            for event in gold["events"]:
                if any(s < end and start < e for s, e in _spans(event)):
                    (optional if event.get("optional") else scored).update(_types(event))
            yield LabelledSentence(gold["input"], start, end, frozenset(scored), frozenset(optional - scored),
                                   f"gold:{split_of(gold['input'])}")


def labelled_sentences(eval_dir: Path, lang: str) -> Iterator[LabelledSentence]:
    for path in sorted((eval_dir / "sentences" / lang).glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            yield LabelledSentence(row["input"], row["start"], row["end"], frozenset(row["types"]),
                                   frozenset(row.get("optional") or []) - frozenset(row["types"]),
                                   f"labels:{row.get('annotator', path.stem)}")


def training_hash(sentences: Iterable[LabelledSentence]) -> str:
    rows = sorted((s.input, s.start, s.end, sorted(s.types), sorted(s.optional), s.origin) for s in sentences)
    return hashlib.sha256(json.dumps([FEATURES_VERSION, rows]).encode("utf-8")).hexdigest()[:16]


@dataclass
class Featurised:
    sentences: list[LabelledSentence]
    sparse: list[set[str]]
    dense: np.ndarray


@lru_cache(maxsize=1024)
def parsed(reference: str, lang: str) -> Doc:
    """A shared text's parse, made once per training run for both its sentences and its features."""
    from dateline.evals import load_text
    from dateline.nlp import parse

    return parse(load_text(reference), lang)


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The character spans of a parse's sentences, without their outer spaces; fragments left out."""
    spans = []
    for sent in doc.sents:
        piece = sent.text.strip()
        if len(piece) >= 3:
            start = sent.start_char + sent.text.index(piece)
            spans.append((start, start + len(piece)))
    return spans


def featurise(sentences: list[LabelledSentence], lang: str, progress: Callable[[], None] | None = None
              ) -> Featurised:
    sparse, dense = [], []
    last = None
    lexicon = language_lexicon(lang)
    for sentence in sentences:
        if sentence.input != last and progress:
            progress()
        last = sentence.input
        span = parsed(sentence.input, lang).char_span(sentence.start, sentence.end, alignment_mode="expand")
        sparse.append(sparse_features(span, lexicon) if span is not None else set())
        dense.append(dense_features(span) if span is not None else None)
    width = next((len(d) for d in dense if d is not None), 0)
    matrix = np.stack([d if d is not None else np.zeros(width, np.float32) for d in dense]) if dense else \
        np.zeros((0, width), np.float32)
    return Featurised(sentences, sparse, matrix)


def _matrix(data: Featurised, vocabulary: dict[str, int]):  # noqa: ANN202 - a scipy CSR matrix
    from scipy.sparse import csr_matrix, hstack

    rows, cols = [], []
    for row, features in enumerate(data.sparse):
        for feature in features:
            if feature in vocabulary:
                rows.append(row)
                cols.append(vocabulary[feature])
    sparse = csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(data.sparse), len(vocabulary)))
    return hstack([sparse, csr_matrix(data.dense)]).tocsr()


def _targets(data: Featurised, event_type: str) -> tuple[np.ndarray, np.ndarray]:
    """Labels and weights: a sentence whose event of the type is only optional weighs nothing."""
    labels = np.array([event_type in s.types for s in data.sentences], dtype=int)
    weights = np.array([0.0 if event_type in s.optional else 1.0 for s in data.sentences])
    return labels, weights


def _classifier(seed: int):  # noqa: ANN202 - a scikit-learn estimator
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000, solver="liblinear", random_state=seed)


def _out_of_fold(matrix, labels: np.ndarray, weights: np.ndarray, groups: list[str], seed: int) -> np.ndarray:  # noqa: ANN001
    from sklearn.model_selection import GroupKFold

    probabilities = np.zeros(len(labels))
    folds = min(5, len(set(groups)))
    if folds < 2:
        return probabilities
    for train, test in GroupKFold(n_splits=folds).split(matrix, labels, groups):
        if labels[train].sum() == 0:
            continue
        model = _classifier(seed).fit(matrix[train], labels[train], sample_weight=weights[train])
        probabilities[test] = model.predict_proba(matrix[test])[:, 1]
    return probabilities


def _add_threshold(probabilities: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> float | None:
    """The lowest probability above which out-of-fold precision reaches ADD_PRECISION (3+ hits)."""
    keep = weights > 0
    order = np.argsort(-probabilities[keep])
    ranked, truth = probabilities[keep][order], labels[keep][order]
    hits = np.cumsum(truth)
    best = None
    for index in range(len(ranked)):
        if hits[index] >= 3 and hits[index] / (index + 1) >= ADD_PRECISION:
            best = float(ranked[index])
    return round(max(best, 0.5), 4) if best is not None else None


def _drop_threshold(probabilities: np.ndarray, labels: np.ndarray) -> float | None:
    positives = probabilities[labels == 1]
    if len(positives) < MIN_POSITIVES:
        return None
    return round(min(float(np.quantile(positives, 1 - DROP_RECALL)), 0.1), 4)


def train(data: Featurised, lang: str, seed: int = 0, min_count: int = 2) -> Detector:
    """One logistic regression per PLOVER type over the training pool, with tuned thresholds."""
    counts: dict[str, int] = {}
    for features in data.sparse:
        for feature in features:
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    matrix = _matrix(data, vocabulary)
    groups = [s.input for s in data.sentences]
    width = data.dense.shape[1]
    sparse_weights = np.zeros((len(vocabulary), len(EVENT_TYPES)), np.float32)
    dense_weights = np.zeros((width, len(EVENT_TYPES)), np.float32)
    bias = np.full(len(EVENT_TYPES), -10.0, np.float32)
    thresholds: dict[str, dict[str, float | None]] = {"add": {}, "drop": {}}
    positives: dict[str, int] = {}
    for column, event_type in enumerate(EVENT_TYPES):
        labels, weights = _targets(data, event_type)
        positives[event_type] = int(labels[weights > 0].sum())
        if positives[event_type] < MIN_POSITIVES:
            continue
        model = _classifier(seed).fit(matrix, labels, sample_weight=weights)
        sparse_weights[:, column] = model.coef_[0][:len(vocabulary)]
        dense_weights[:, column] = model.coef_[0][len(vocabulary):]
        bias[column] = model.intercept_[0]
        folds = _out_of_fold(matrix, labels, weights, groups, seed)
        thresholds["add"][event_type] = _add_threshold(folds, labels, weights)
        thresholds["drop"][event_type] = _drop_threshold(folds, labels)
    meta = {"features": FEATURES_VERSION, "seed": seed, "training_set": training_hash(data.sentences),
            "training_sentences": len(data.sentences), "positives": positives, "thresholds": thresholds}
    return Detector(lang, tuple(EVENT_TYPES), vocabulary, sparse_weights, dense_weights, bias, meta)


def score(detector: Detector, data: Featurised, cut: Callable[[str], float | None]) -> dict[str, Tally]:
    """Per-type sentence scores of the detector at a threshold per type (None: the type never fires)."""
    vocabulary = detector.vocabulary
    rows = _matrix(data, vocabulary)
    weights = np.vstack([detector.sparse_weights, detector.dense_weights])
    probabilities = 1.0 / (1.0 + np.exp(-(rows @ weights + detector.bias)))
    scores = {t: Tally() for t in detector.types}
    for column, event_type in enumerate(detector.types):
        threshold = cut(event_type)
        for row, sentence in enumerate(data.sentences):
            if event_type in sentence.optional:
                continue
            predicted = threshold is not None and bool(probabilities[row, column] >= threshold)
            actual = event_type in sentence.types
            scores[event_type].tp += predicted and actual
            scores[event_type].fp += predicted and not actual
            scores[event_type].fn += actual and not predicted
    return scores


@dataclass
class Pools:
    train: Featurised
    check: Featurised


def pools(eval_dir: Path, lang: str, progress: Callable[[], None] | None = None) -> Pools:
    """The training pool (gold tune half and sentence labels) and the check pool (gold check half)."""
    every = list(gold_sentences(eval_dir, lang, lambda ref: sentence_spans(parsed(ref, lang))))
    every += labelled_sentences(eval_dir, lang)
    every.sort(key=lambda s: (s.input, s.start))
    check_pool = [s for s in every if s.origin == "gold:check"]
    train_pool = distinct([s for s in every if s.origin != "gold:check"], besides=check_pool)
    return Pools(featurise(train_pool, lang, progress), featurise(check_pool, lang, progress))


def _wording(sentence: LabelledSentence) -> str:
    from dateline.evals import load_text

    return " ".join(load_text(sentence.input)[sentence.start:sentence.end].split()).casefold()


def distinct(sentences: list[LabelledSentence], besides: list[LabelledSentence],
             wording: Callable[[LabelledSentence], str] = _wording) -> list[LabelledSentence]:
    """The sentences whose wording is not already in the list or in `besides`: wire copy is
    republished under several addresses and updated, so the same sentence recurs across documents;
    a repeat would count twice in training, and one shared with the check pool would leak into it."""
    seen = {wording(s) for s in besides}
    kept = []
    for sentence in sentences:
        words = wording(sentence)
        if words not in seen:
            seen.add(words)
            kept.append(sentence)
    return kept
