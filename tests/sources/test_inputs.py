import gzip
import io

from dateline.sources import SourceDocument
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
