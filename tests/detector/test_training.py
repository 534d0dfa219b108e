import json

import numpy as np
import pytest

from dateline.detector.training import Featurised, LabelledSentence, gold_sentences, train, training_hash
from dateline.nlp import parse

pytest.importorskip("sklearn")

ATTACKS = ["Gunmen attacked a police post in the north.", "Militants shelled the airport at dawn.",
           "Soldiers fired on the convoy near the border.", "Rebels attacked an army base overnight.",
           "Insurgents bombed a checkpoint in the capital.", "Troops shelled rebel positions on Friday."]
OTHER = ["The weather stayed mild all week.", "Shares closed higher in Tokyo.",
         "The museum opened a new wing.", "Farmers expect a good harvest.",
         "The festival drew large crowds.", "The train was late again."]


def _pool(texts: list[str], labels: list[set[str]]) -> Featurised:
    from dateline.detector.features import dense_features, sparse_features

    sentences, sparse, dense = [], [], []
    for number, (text, types) in enumerate(zip(texts, labels, strict=True)):
        sent = next(iter(parse(text, "en").sents))
        sentences.append(LabelledSentence(f"doc-{number % 4}", 0, len(text), frozenset(types), frozenset(), "test"))
        sparse.append(sparse_features(sent))
        dense.append(dense_features(sent))
    return Featurised(sentences, sparse, np.stack(dense))


def test_training_learns_a_type_from_labelled_sentences_and_is_seeded():
    pool = _pool(ATTACKS + OTHER, [{"ASSAULT"}] * len(ATTACKS) + [set()] * len(OTHER))
    detector = train(pool, "en", seed=3, min_count=1)
    assert detector.meta["positives"]["ASSAULT"] == len(ATTACKS)
    unseen = next(iter(parse("Gunmen attacked a bus station in the south.", "en").sents))
    calm = next(iter(parse("The library closed for the summer.", "en").sents))
    assert detector.probabilities(unseen)["ASSAULT"] > detector.probabilities(calm)["ASSAULT"]
    assert detector.probabilities(calm)["CONSULT"] < 0.001  # no labelled CONSULT: no model
    again = train(pool, "en", seed=3, min_count=1)
    assert np.array_equal(again.sparse_weights, detector.sparse_weights)
    assert again.meta["training_set"] == detector.meta["training_set"]


def test_the_training_hash_follows_the_labels():
    one = [LabelledSentence("a", 0, 5, frozenset({"ASSAULT"}), frozenset(), "test")]
    other = [LabelledSentence("a", 0, 5, frozenset({"PROTEST"}), frozenset(), "test")]
    assert training_hash(one) != training_hash(other)
    assert training_hash(one) == training_hash(list(one))


def test_gold_sentences_take_the_types_of_the_events_with_evidence_in_them(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    events = [{"event": "PROTEST", "evidence_span": [2, 8]},
              {"event": ["AGREE", "CONSULT"], "evidence_span": [30, 40], "also_evidence_spans": [[52, 55]]},
              {"event": "ASSAULT", "evidence_span": [31, 33], "optional": True}]
    gold = {"input": "shared:x.json", "document": {"language": "en"}, "events": events}
    (folder / "a.gold.json").write_text(json.dumps(gold), "utf-8")
    (folder / "b.gold.json").write_text(json.dumps({**gold, "document": {"language": "fr"}}), "utf-8")
    found = list(gold_sentences(tmp_path, "en", lambda _ref: [(0, 20), (21, 45), (46, 60), (61, 70)]))
    assert [set(s.types) for s in found] == [{"PROTEST"}, {"AGREE", "CONSULT"}, {"AGREE", "CONSULT"}, set()]
    assert found[1].optional == {"ASSAULT"} and not found[0].optional
    assert {s.origin for s in found} <= {"gold:tune", "gold:check"}


def test_a_sentence_repeated_in_another_document_or_in_the_check_pool_is_trained_on_once():
    from dateline.detector.training import LabelledSentence, distinct

    texts = {"a": "Police detained two men.", "b": "Police  detained two men. ", "c": "Rain fell.",
             "d": "Talks resumed in Oslo.", "e": "talks resumed in oslo."}

    def sentence(ref: str, origin: str = "labels:x") -> LabelledSentence:
        return LabelledSentence(ref, 0, len(texts[ref]), frozenset(), frozenset(), origin)

    kept = distinct([sentence("a"), sentence("b"), sentence("c"), sentence("e")], besides=[sentence("d", "gold:check")],
                    wording=lambda s: " ".join(texts[s.input].split()).casefold())
    assert [s.input for s in kept] == ["a", "c"]
