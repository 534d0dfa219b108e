from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "armenpress-fr-mirzoyan-lavrov-astana.txt"
VARIANTS = ROOT / "tests" / "data" / "variants"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def example_record():
    from dateline.pipeline import extract
    from dateline.sources import read_path

    return extract(read_path(EXAMPLE))
