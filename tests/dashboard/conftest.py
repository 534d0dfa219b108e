"""A store built from real reports: the bundled example, the wire variants and the news-site pages."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLE, ROOT, VARIANTS

PAGES = ROOT / "tests" / "data" / "pages"


@pytest.fixture(scope="session")
def corpus_records():
    from dateline.pipeline import extract
    from dateline.sources.inputs import iter_inputs

    paths = [EXAMPLE, *sorted(VARIANTS.glob("*.txt")), PAGES / "en-news-site.html", PAGES / "fr-news-site.html"]
    return [extract(document) for document in iter_inputs([str(path) for path in paths])]  # as `dateline ingest`
