import numpy as np

from dateline.detector.features import sparse_features
from dateline.detector.model import Detector, read_detector
from dateline.nlp import parse

TYPES = ("ASSAULT", "CONSULT")


def _detector(dense_width: int) -> Detector:
    vocabulary = {"V=shell": 0, "V=meet": 1}
    sparse = np.array([[6.0, -2.0], [-2.0, 6.0]], np.float32)
    return Detector("en", TYPES, vocabulary, sparse, np.zeros((dense_width, 2), np.float32),
                    np.array([-3.0, -3.0], np.float32), {"thresholds": {"add": {"ASSAULT": 0.9}, "drop": {}}})


def test_a_sentence_scores_high_on_the_type_its_features_weigh_for():
    sent = next(iter(parse("Artillery units shelled the border villages overnight.", "en").sents))
    assert "V=shell" in sparse_features(sent)
    probabilities = _detector(len(sent.vector)).probabilities(sent)
    assert probabilities["ASSAULT"] > 0.9 > 0.1 > probabilities["CONSULT"]


def test_a_sentence_with_no_known_feature_gets_the_bias():
    sent = next(iter(parse("Prices rose slightly in the spring.", "en").sents))
    probabilities = _detector(len(sent.vector)).probabilities(sent)
    assert probabilities["ASSAULT"] < 0.06 and probabilities["CONSULT"] < 0.06


def test_saved_weights_read_back_the_same(tmp_path):
    detector = _detector(96)
    detector.save(tmp_path)
    again = read_detector(tmp_path, "en")
    assert again is not None
    assert again.types == TYPES and again.vocabulary == detector.vocabulary
    assert np.allclose(again.sparse_weights, detector.sparse_weights)
    assert again.threshold("add", "ASSAULT") == 0.9 and again.threshold("add", "CONSULT") is None
    assert read_detector(tmp_path, "fr") is None


def test_a_documents_sentences_scored_together_equal_each_scored_alone():
    doc = parse("Artillery units shelled the border villages overnight. The two envoys met in Doha on Monday. "
                "Prices rose slightly in the spring. Troops shelled a market and leaders met again.", "en")
    sents = list(doc.sents)
    rng = np.random.default_rng(7)
    detector = _detector(len(sents[0].vector))
    detector = Detector("en", TYPES, detector.vocabulary, detector.sparse_weights,
                        rng.normal(size=detector.dense_weights.shape).astype(np.float32), detector.bias, detector.meta)

    def alone(sent) -> dict[str, float]:  # the plain formula, one sentence at a time
        from dateline.detector.features import dense_features

        rows = [detector.vocabulary[f] for f in sparse_features(sent) if f in detector.vocabulary]
        logits = detector.bias + detector.sparse_weights[rows].sum(axis=0) + dense_features(sent) @ detector.dense_weights
        return dict(zip(TYPES, (1.0 / (1.0 + np.exp(-logits))).tolist(), strict=True))

    together = detector.probabilities_of(sents)
    assert len(together) == len(sents) == 4
    for sent, scored in zip(sents, together, strict=True):
        expected = alone(sent)
        assert all(abs(scored[t] - expected[t]) < 1e-5 for t in TYPES)
    assert together[0]["ASSAULT"] > 0.9 and together[2]["ASSAULT"] < 0.5
