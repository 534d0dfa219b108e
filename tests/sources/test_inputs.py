import gzip
import io
from pathlib import Path

import pytest

from dateline.sources import SourceDocument, read_path
from dateline.sources.errors import InputError
from dateline.sources.inputs import iter_inputs


def test_folder_is_read_recursively_skipping_hidden_files(tmp_path, pages):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "page.html.gz").write_bytes(gzip.compress((pages / "fr-news-site.html").read_bytes()))
    (tmp_path / "a" / "story.txt").write_text("ROME, 3 mars (AFP) - Les ministres ont signé un accord.")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "junk.txt").write_text("not a story")
    (tmp_path / "empty.txt").write_text("")
    found = list(iter_inputs([tmp_path]))
    docs = [f for f in found if isinstance(f, SourceDocument)]
    errors = [f for f in found if isinstance(f, InputError)]
    assert sorted(d.item for d in docs) == [str(tmp_path / "a" / "b" / "page.html"), str(tmp_path / "a" / "story.txt")]
    assert [e.item for e in errors] == [str(tmp_path / "empty.txt")]


def test_stdin():
    (doc,) = list(iter_inputs(["-"], stdin=io.BytesIO(b"PARIS, 3 mars (AFP) - Texte.")))
    assert doc.item == "<stdin>" and doc.text.startswith("PARIS")


def test_url_without_fetching_is_an_error_not_a_crash():
    (error,) = list(iter_inputs(["https://news.example.org/a"]))
    assert isinstance(error, InputError) and "fetching" in error.cause


def test_missing_path():
    (error,) = list(iter_inputs(["/nonexistent/file.html"]))
    assert isinstance(error, InputError) and error.cause == "no such file"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_reporting_no_size_is_read_only_up_to_the_cap(device):
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    items = list(iter_inputs([device]))
    assert len(items) == 1 and isinstance(items[0], InputError) and "too large" in items[0].cause
    with pytest.raises(InputError, match="too large"):
        read_path(device)

