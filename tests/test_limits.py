"""Per-document budgets: a text too long to code in bounded time is refused with one clear line
(the API, the CLI), before any parsing; spaCy's own limit (E088) is never what the user sees."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.pipeline import MAX_TEXT_CHARS, extract
from dateline.sources import InputError, SourceDocument

SENTENCE = "The minister met the ambassador in Paris on Monday and they discussed the border. "


def _long_text(chars: int) -> str:
    return "\n\n".join(SENTENCE * 10 for _ in range(chars // (len(SENTENCE) * 10) + 1))


def test_a_text_over_the_budget_is_refused_with_its_length():
    source = SourceDocument(text=_long_text(MAX_TEXT_CHARS + 5000), item="long.txt")
    with pytest.raises(InputError, match=r"long.txt: text too long to code \(\d+ characters"):
        extract(source, "en")


def test_the_cli_names_the_long_document_and_goes_on(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text(_long_text(MAX_TEXT_CHARS + 5000))
    short = tmp_path / "short.txt"
    short.write_text("PARIS, 3 March 2025 (AFP) - The French foreign minister met his German counterpart in Paris.")
    result = CliRunner().invoke(app, ["extract", str(long), str(short), "-f", "jsonl", "--quiet"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and re.fullmatch(
        rf"dateline: error: {re.escape(str(long))}: text too long to code \(1\d{{5}} characters after cleaning, "
        rf"limit {MAX_TEXT_CHARS}\): split it into several documents", errors[0]), errors
    assert len(result.stdout.strip().splitlines()) == 1


def test_the_api_answers_422_with_the_cause(tmp_path):
    from fastapi.testclient import TestClient

    from dateline.api import create_app
    from dateline.store import Store

    db = str(tmp_path / "api.duckdb")
    Store(db).close()
    token = "t" * 20
    with TestClient(create_app(db, token)) as client:
        answer = client.post("/documents", json={"text": _long_text(MAX_TEXT_CHARS + 5000), "language": "en"},
                             headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 422 and "text too long to code" in answer.json()["detail"]
    assert "E088" not in answer.text and "InputError" not in answer.text
