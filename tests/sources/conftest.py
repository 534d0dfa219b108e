from pathlib import Path

import pytest

PAGES = Path(__file__).parent.parent / "data" / "pages"


@pytest.fixture
def pages() -> Path:
    return PAGES
