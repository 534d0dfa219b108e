"""The plain-text cleaner against hand-labelled wire texts (`eval/furniture/furniture.gold.json`).

The gold marks furniture, dateline and embedded-post spans by offsets into texts read from
`../shared/datasets/news/`; everything else is story. Reported per source:
- story sentences lost: a story sentence whose words do not appear, in order, in the body;
- furniture kept: a furniture span whose words appear in the body (and not in the story);
- datelines removed from the body, and recognised as the document's dateline or agency.
Comparisons are on `\\w+` tokens, so whitespace and paragraph joins do not count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.evals import load_text

_TOKEN = re.compile(r"\w+")
# Sentence ends, including the glued ones ("mandat.La semaine") that the gold counts.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"')\]]?(?:\s+|(?=[«“\"]?[A-ZÀ-ÖØ-Þ]))")
MIN_SENTENCE_TOKENS = 4


def _tokens(text: str) -> str:
    return " " + " ".join(_TOKEN.findall(text)) + " "


def story_sentences(text: str, spans: list[dict]) -> list[str]:
    """The story's sentences: the text outside every labelled span, split at sentence ends."""
    pieces, last = [], 0
    for span in sorted(spans, key=lambda s: s["start"]):
        pieces.append(text[last:span["start"]])
        last = span["end"]
    pieces.append(text[last:])
    sentences = []
    for piece in pieces:
        for line in piece.split("\n"):
            sentences += [s for s in _SENTENCE_END.split(line) if len(_TOKEN.findall(s)) >= MIN_SENTENCE_TOKENS]
    return sentences


@dataclass
class SourceScore:
    documents: int = 0
    sentences: int = 0
    lost: list[str] = field(default_factory=list)
    furniture: int = 0
    kept: list[str] = field(default_factory=list)
    datelines: int = 0
    datelines_in_body: list[str] = field(default_factory=list)
    datelines_recognised: int = 0
    datelines_expected: int = 0


def _source(reference: str) -> str:
    name = reference.split("#")[0].rsplit("/", 1)[-1]
    return {"fr_CA_corpus.xml": "fr-wire", "CNN_original.xml": "CNN", "Guardian_original.xml": "Guardian",
            "IT_original.xml": "Irish Times"}.get(name, name)


def evaluate(gold_path: Path, clean: Callable[[str, str], object] | None = None) -> dict[str, SourceScore]:
    from dateline.clean import clean_text

    clean = clean or clean_text
    gold = json.loads(gold_path.read_text("utf-8"))
    scores: dict[str, SourceScore] = {}
    for doc in gold["documents"]:
        text = load_text(doc["input"])
        result = clean(text, doc["language"])
        body = _tokens(result.text)  # type: ignore[attr-defined]
        score = scores.setdefault(_source(doc["input"]), SourceScore())
        score.documents += 1
        _score_document(score, text, doc, body, result)
    return scores


def _score_document(score: SourceScore, text: str, doc: dict, body: str, result: object) -> None:
    spans = doc["spans"]
    sentences = story_sentences(text, spans)
    story = " ".join(_tokens(s) for s in sentences)
    score.sentences += len(sentences)
    score.lost += [s.strip()[:80] for s in sentences if _tokens(s) not in body]
    for span in spans:
        words = _tokens(text[span["start"]:span["end"]])
        if not words.strip():
            continue
        if span["kind"] == "furniture":
            if words in story:
                continue  # the same words are also story: cannot tell
            score.furniture += 1
            if words in body:
                score.kept.append(text[span["start"]:span["end"]].strip()[:60])
        elif span["kind"] == "dateline":
            score.datelines += 1
            if words in body and words not in story:
                score.datelines_in_body.append(text[span["start"]:span["end"]].strip()[:60])
    expected = doc.get("dateline") or {}
    if expected.get("place") or expected.get("agency"):
        score.datelines_expected += 1
        dateline = getattr(result, "dateline", None)
        agency = getattr(result, "agency", None)
        if dateline is not None or (expected.get("agency") and agency is not None):
            score.datelines_recognised += 1
