"""The reference story, end to end (the bundled example), checked against facts read by hand."""

from __future__ import annotations

import pytest

from dateline.evaluate import evaluate_gold, score

from .conftest import SHARED, VARIANTS


def test_document_fields(example_record):
    doc = example_record.document
    assert doc.language == "fr"
    assert doc.section == "Nouvelles politiques"
    assert doc.agency == "ARMENPRESS"
    assert doc.published == "2022-10-12" and doc.published_basis == "inferred"
    assert doc.dateline.place.geonameid == 616052
    assert doc.text.startswith("Le 12 octobre, le ministre des Affaires étrangères")
    assert doc.title not in doc.text


def test_reference_events(example_record):
    coded = {(e.event, e.mode, tuple(sorted(a.country for a in e.actor)),
              tuple(sorted(a.country for a in e.recipient))) for e in example_record.events}
    assert ("CONSULT", "third-party", ("ARM", "RUS"), ()) in coded
    assert ("REQUEST", "assist", ("ARM",), ("RUS",)) in coded
    assert ("ACCUSE", "allege", ("ARM",), ("AZE",)) in coded
    consult = [e for e in example_record.events if e.event == "CONSULT"]
    assert len(consult) == 1 and len(consult[0].evidence) >= 2  # one happening, several mentions


@pytest.mark.skipif(not (SHARED / "gold").exists(), reason="../shared is not present")
def test_reference_gold_f1_is_one():
    for gold in sorted((SHARED / "gold").glob("*.gold.json")):
        report = evaluate_gold(gold)
        assert report.f1 == 1.0, (report.missed, report.false_positives)
        assert all(c.ok for c in report.document + report.fields), [
            c for c in report.document + report.fields if not c.ok]


def test_variants_precision_and_document_fields():
    """Hand-annotated paraphrases: no wrong event, and the document part mostly right."""
    tp = fp = 0
    for gold in sorted(VARIANTS.glob("*.gold.json")):
        report = evaluate_gold(gold)
        tp, fp = tp + report.tp, fp + report.fp
        document = [c for c in report.document if c.name in
                    {"language", "agency", "published", "published_basis", "title"}]
        assert all(c.ok for c in document), (gold.name, [c for c in document if not c.ok])
    assert tp > 0
    assert tp / (tp + fp) >= 0.8


def test_score_counts_optional_events_neither_way(example_record):
    gold = {"events": [
        {"event": "CONSULT", "actor": ["ARM"], "evidence": "a eu un entretien avec"},
        {"event": "ASSAULT", "actor": ["FRA"], "evidence": "qui ont envahi", "optional": True},
    ]}
    report = score(example_record, gold, "synthetic")
    assert report.tp == 1 and report.fn == 0
    gold["events"][0]["actor"] = ["FRA"]
    assert score(example_record, gold, "synthetic").fn == 1


def test_publication_dates_in_article_urls():
    from dateline.resolve.document import url_date

    assert url_date("https://news.example.org/2019/01/10/story") == "2019-01-10"
    assert url_date("https://news.example.ca/monde/201811/17/01-5204590-story.php") == "2018-11-17"
    assert url_date("https://news.example.org/2019/13/40/story") is None
    assert url_date("https://news.example.org/story-12345") is None
