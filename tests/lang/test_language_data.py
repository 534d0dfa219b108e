"""Language folders: a predicate a contributor adds to a copy of a language's data is coded with
no change to the coder, and a folder that breaks the schema is refused with the file and key."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from dateline.lang import Language, LanguageError, expand_sets, load_language
from dateline.pipeline import extract
from dateline.sources import SourceDocument

STORY = "ROME, 3 mai 2024 (AFP) - L'Italie a sermonné la Hongrie vendredi."


def french_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "fr"
    shutil.copytree(Path(str(resources.files("dateline.lang") / "fr")), folder)
    return folder


def test_a_predicate_added_to_the_data_is_coded(tmp_path):
    assert [e.event for e in extract(SourceDocument(text=STORY), "fr").events] == []
    folder = french_copy(tmp_path)
    events_toml = folder / "events.toml"
    text = events_toml.read_text("utf-8")
    head, _, rest = text.partition("predicates = [\n")
    events_toml.write_text(head + 'predicates = [\n  { lemmas = ["sermonner"], event = "ACCUSE", mode = "disapprove", '
                           'recipient = "obj", needs_recipient = true },\n' + rest, "utf-8")
    contributed = Language.from_folder("fr", folder)
    events = extract(SourceDocument(text=STORY), contributed).events
    assert [(e.event, e.mode, [a.country for a in e.actor], [r.country for r in e.recipient]) for e in events] == [
        ("ACCUSE", "disapprove", ["ITA"], ["HUN"])]
    assert any("sermonner" in reason for reason in events[0].reasons)
    assert [e.event for e in extract(SourceDocument(text=STORY), "fr").events] == []  # the bundled data is untouched


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("[cues]\n", "[cues]\nmarred_verb = []\n"), "cues.marred_verb"),  # a typo in a key
    (lambda t: t.replace("weekdays = [", "weekday_names = [", 1), "cues.weekdays"),  # a missing key
    (lambda t: t.replace('event = "SANCTION"', 'event = "SANCTIONS"', 1), "not a PLOVER type"),
    (lambda t: t.replace('mode = "withdraw"', 'mode = "retire"', 1), "not a PLOVER mode"),
    (lambda t: t.replace('"&rioters"', '"&riotters"', 1), "unknown set '&riotters'"),
])
def test_a_folder_that_breaks_the_schema_is_refused(tmp_path, edit, message):
    folder = french_copy(tmp_path)
    events_toml = folder / "events.toml"
    events_toml.write_text(edit(events_toml.read_text("utf-8")), "utf-8")
    with pytest.raises(LanguageError, match="events.toml") as refused:
        Language.from_folder("fr", folder)
    assert message in str(refused.value)


def test_a_missing_grammar_file_is_refused(tmp_path):
    folder = french_copy(tmp_path)
    (folder / "grammar.toml").unlink()
    with pytest.raises(LanguageError, match="grammar.toml is missing"):
        Language.from_folder("fr", folder)


def test_sets_are_declared_once_and_expanded_where_named():
    data = {"sets": {"stones": ["pierre", "pavé"], "missiles": ["&stones", "bouteille"]},
            "happenings": [{"objects": ["&missiles", "objet"]}]}
    assert expand_sets(data, "x")["happenings"][0]["objects"] == ["pierre", "pavé", "bouteille", "objet"]
    with pytest.raises(LanguageError, match="includes itself"):
        expand_sets({"sets": {"a": ["&a"]}, "x": ["&a"]}, "x")


def test_bundled_languages_keep_their_grammar_words_folded():
    french = load_language("fr").grammar
    assert "a" in french.prepositions.locative and french.contractions["au"] == "a"  # "à" and "au" compare alike
    assert load_language("en").grammar.participle == {"VerbForm": "Part", "Tense": "Past"}
