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
