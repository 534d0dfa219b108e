"""Every record the pipeline produces validates against the published JSON Schema."""

from __future__ import annotations

import jsonschema
import pytest

from dateline.pipeline import extract
from dateline.record import json_schema
from dateline.sources import SourceDocument

from .conftest import VARIANTS


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_example_record_validates(validator, example_record):
    validator.validate(example_record.to_json_dict())


@pytest.mark.parametrize("path", sorted(VARIANTS.glob("*.txt")), ids=lambda p: p.stem)
def test_variant_records_validate(validator, path):
    record = extract(SourceDocument(text=path.read_text("utf-8"), path=str(path)))
    validator.validate(record.to_json_dict())


def test_schema_rejects_a_wrong_event_type(validator, example_record):
    data = example_record.to_json_dict()
    data["events"][0]["event"] = "FIGHT"
    assert not validator.is_valid(data)


def test_evidence_slices_the_text_exactly(example_record):
    text = example_record.document.text
    for event in example_record.events:
        for evidence in event.evidence:
            assert text[evidence.start:evidence.end] == evidence.text
        assert event.reasons
    for entity in example_record.entities:
        assert text[entity.start:entity.end] == entity.text
    for time in example_record.times:
        assert text[time.start:time.end] == time.text


def test_same_input_same_id():
    first = extract(SourceDocument(text="Paris, le 3 mars. Texte court."))
    second = extract(SourceDocument(text="Paris, le 3 mars. Texte court."))
    assert first.document.id == second.document.id
