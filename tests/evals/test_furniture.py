"""The furniture measurement: sentence splitting on hand-made text, and the gate on the
hand-labelled wire set (only where ../shared/datasets/news is present)."""

from pathlib import Path

import pytest

from dateline.evals.furniture import evaluate, story_sentences

from ..conftest import ROOT, SHARED

GOLD = ROOT / "eval" / "furniture" / "furniture.gold.json"


def test_story_sentences_skip_labelled_spans_and_split_glued_ones():
    text = "PARIS | Les élus ont voté la loi mardi soir.Le Sénat doit encore l'examiner en janvier. À LIRE AUSSI: autre"
    spans = [{"start": 0, "end": 8, "kind": "dateline"}, {"start": text.index("À LIRE"), "end": len(text),
                                                         "kind": "furniture"}]
    assert story_sentences(text, spans) == ["Les élus ont voté la loi mardi soir.",
                                            "Le Sénat doit encore l'examiner en janvier."]


@pytest.mark.skipif(not (SHARED / "datasets" / "news").is_dir(), reason="../shared/datasets/news not present")
def test_no_story_sentence_is_lost_on_the_labelled_wire_set():
    scores = evaluate(Path(GOLD))
    assert sum(s.documents for s in scores.values()) == 45
    assert [line for s in scores.values() for line in s.lost] == []
    assert all(not s.datelines_in_body or len(s.datelines_in_body) <= 1 for s in scores.values())
