"""A predicate added to a language's data file is coded, with no change to the coder."""

from __future__ import annotations

import copy

import pytest

from dateline.events import lexicon as lexicon_module
from dateline.lang import load_language
from dateline.pipeline import extract
from dateline.sources import SourceDocument

STORY = "ROME, 3 mai 2024 (AFP) - L'Italie a tancé la Hongrie vendredi."


@pytest.fixture
def french_with(monkeypatch):
    """French language data with extra [[predicates]] entries, as a contributor would add them."""
    def install(*entries: dict) -> None:
        data = copy.deepcopy(load_language("fr"))
        data["events"]["predicates"].extend(entries)
        monkeypatch.setattr(lexicon_module, "load_language", lambda code: data if code == "fr" else load_language(code))
        lexicon_module.event_lexicon.cache_clear()

    yield install
    lexicon_module.event_lexicon.cache_clear()


def test_a_predicate_added_to_the_data_is_coded(french_with):
    assert [e.event for e in extract(SourceDocument(text=STORY), "fr").events] == []
    french_with({"lemmas": ["tancer"], "event": "ACCUSE", "mode": "disapprove", "actor": "subj",
                 "recipient": "obj", "needs_recipient": True})
    events = extract(SourceDocument(text=STORY), "fr").events
    assert [(e.event, e.mode, [a.country for a in e.actor], [r.country for r in e.recipient]) for e in events] == [
        ("ACCUSE", "disapprove", ["ITA"], ["HUN"])]
    assert any("tancer" in reason for reason in events[0].reasons)
