"""The shipped detector: weights in `detector/data/<lang>.npz`, their description (types,
thresholds, training-set hash, measured figures) in `<lang>.json`. Scoring is a dot product, so
running it costs nothing beside the parse it reads."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from dateline.detector.features import dense_features, language_lexicon, sparse_features

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Detector:
    lang: str
    types: tuple[str, ...]
    vocabulary: dict[str, int]
    sparse_weights: np.ndarray  # (features, types)
    dense_weights: np.ndarray  # (dimensions, types)
    bias: np.ndarray  # (types,)
    meta: dict = field(default_factory=dict)

    def probabilities(self, sent: Span) -> dict[str, float]:
        """P(the sentence reports an event of type T), for every PLOVER type T."""
        return self.probabilities_of([sent])[0]

    def probabilities_of(self, sents: list[Span]) -> list[dict[str, float]]:
        """`probabilities` of several sentences in one product (a document's, in the pipeline)."""
        if not sents:
            return []
        lexicon = language_lexicon(self.lang)
        rows = [[self.vocabulary[f] for f in sparse_features(sent, lexicon) if f in self.vocabulary] for sent in sents]
        logits = np.tile(self.bias, (len(sents), 1))
        flat = [index for row in rows for index in row]
        if flat:
            owners = np.repeat(np.arange(len(sents)), [len(row) for row in rows])
            np.add.at(logits, owners, self.sparse_weights[flat])
        dense = np.stack([dense_features(sent) for sent in sents])
        if dense.shape[1] == self.dense_weights.shape[0]:
            logits += dense @ self.dense_weights
        values = 1.0 / (1.0 + np.exp(-logits))
        return [dict(zip(self.types, row, strict=True)) for row in values.tolist()]

    def threshold(self, kind: str, event_type: str) -> float | None:
        """The tuned `add` or `drop` threshold of a type, or None when the type has none."""
        value = self.meta.get("thresholds", {}).get(kind, {}).get(event_type)
        return float(value) if value is not None else None

    def save(self, folder: Path) -> tuple[Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        weights = folder / f"{self.lang}.npz"
        names = np.array(sorted(self.vocabulary, key=self.vocabulary.__getitem__))
        np.savez_compressed(weights, vocabulary=names, sparse=self.sparse_weights.astype(np.float32),
                            dense=self.dense_weights.astype(np.float32), bias=self.bias.astype(np.float32))
        described = folder / f"{self.lang}.json"
        described.write_text(json.dumps({"lang": self.lang, "types": list(self.types), **self.meta},
                                        indent=1, ensure_ascii=False) + "\n", "utf-8")
        return weights, described


def read_detector(folder: Path, lang: str) -> Detector | None:
    weights, described = folder / f"{lang}.npz", folder / f"{lang}.json"
    if not (weights.is_file() and described.is_file()):
        return None
    meta = json.loads(described.read_text("utf-8"))
    arrays = np.load(weights, allow_pickle=False)
    vocabulary = {str(name): index for index, name in enumerate(arrays["vocabulary"])}
    types = tuple(meta.pop("types"))
    meta.pop("lang", None)
    return Detector(lang, types, vocabulary, arrays["sparse"], arrays["dense"], arrays["bias"], meta)


@cache
def load_detector(lang: str) -> Detector | None:
    """The shipped detector of a language, or None when none is shipped."""
    return read_detector(DATA_DIR, lang)
