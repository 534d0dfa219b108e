import gzip
import io
import json
import zipfile

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.sources import MAX_BYTES, SourceDocument
from dateline.sources.detect import Kind, sniff
from dateline.sources.errors import InputError
from dateline.sources.readers import read_bytes


def _all(item, data, **kw):
    return list(read_bytes(item, data, **kw))


def _docs(found):
    return [d for d in found if isinstance(d, SourceDocument)]


def _errors(found):
    return [d for d in found if isinstance(d, InputError)]


def test_sniff_by_content_not_name(pages):
    assert sniff((pages / "en-news-site.html").read_bytes()) is Kind.HTML
    assert sniff((pages / "feed-rss.xml").read_bytes()) is Kind.FEED
    assert sniff((pages / "feed-atom.xml").read_bytes()) is Kind.FEED
    assert sniff(b'{"text": "a"}\n{"text": "b"}\n') is Kind.JSONL
    assert sniff(b'[{"text": "a"}]') is Kind.JSON
    assert sniff(b"<doc url=https://x.example/1\n>\n texte \n</doc>") is Kind.CORPUS
    assert sniff(b"EREVAN, 12 OCTOBRE, ARMENPRESS: Le ministre a eu un entretien.") is Kind.TEXT
    assert sniff(gzip.compress(b"x")) is Kind.GZIP


def test_rss_entries_become_documents_with_their_metadata(pages):
    docs = _docs(_all("feed.xml", (pages / "feed-rss.xml").read_bytes()))
    assert [d.url for d in docs] == ["https://news.example.org/world/2023/05/02/border.html",
                                     "https://news.example.org/world/2023/05/03/astana.html"]
    assert docs[0].published == "2023-05-02" and docs[1].published == "2023-05-03"
    assert docs[0].title == "Georgia and Armenia agree to reopen a border crossing"
    assert "Bavra crossing" in docs[0].html and "transit of Armenian goods" in docs[0].html
    assert "Central Asian states" in docs[1].html  # a description-only entry keeps its summary


def test_atom_entry(pages):
    (doc,) = _docs(_all("feed.atom", (pages / "feed-atom.xml").read_bytes()))
    assert doc.url == "https://news.example.org/fr/2023/03/03/rome-madrid.html"
    assert doc.published == "2023-03-03" and "partage de l'accueil" in doc.html


def test_follow_turns_entries_into_links(pages):
    from dateline.sources.readers import FeedLink

    found = _all("feed.xml", (pages / "feed-rss.xml").read_bytes(), follow=True)
    assert all(isinstance(f, FeedLink) for f in found) and len(found) == 2


def test_empty_and_invalid_feeds_are_one_error_each():
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    (error,) = _all("empty.xml", empty)
    assert isinstance(error, InputError) and "no entries" in error.cause
    (error,) = _all("broken.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>t</ti')
    assert isinstance(error, InputError) and "feed" in error.cause


def _warc_with_record_ends(pages, records: int = 2) -> tuple[bytes, list[int]]:
    """The WARC and the byte offset where each record's gzip member ends, as the writer reports it
    (scanning for the gzip magic is not reliable: the two bytes can occur inside deflate data)."""
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    ends: list[int] = []
    for n, name in enumerate(["en-news-site.html", "fr-news-site.html"][:records]):
        body = (pages / name).read_bytes()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example.org/{n}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
        ends.append(stream.tell())
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example.org/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG...."), http_headers=image))
    ends.append(stream.tell())
    return stream.getvalue(), ends


def _warc(pages, records: int = 2) -> bytes:
    return _warc_with_record_ends(pages, records)[0]


def test_warc_gz_html_responses_only(pages):
    docs = _docs(_all("crawl.warc.gz", _warc(pages)))
    assert [d.url for d in docs] == ["https://news.example.org/0", "https://news.example.org/1"]
    assert "Cavusoglu" in docs[0].html and docs[0].item == "crawl.warc.gz#https://news.example.org/0"


def test_truncated_warc_keeps_the_records_before_the_damage(pages):
    data, (first_record_end, second_record_end, _) = _warc_with_record_ends(pages)
    assert data[first_record_end:first_record_end + 2] == b"\x1f\x8b"  # each record is its own gzip member
    found = _all("cut.warc.gz", data[: second_record_end - 200])
    assert len(_docs(found)) == 1
    (error,) = _errors(found)
    assert error.item == "cut.warc.gz" and "truncated or corrupt WARC after 1 records" in error.cause


def test_json_lines_with_text_or_html_and_bad_lines():
    lines = [
        json.dumps({"text": "EREVAN, 3 mars (AFP) - Le ministre a reçu son homologue.", "url": "https://e.org/1",
                    "published": "2023-03-03T10:00:00Z", "title": "Un titre"}),
        "{not json",
        json.dumps({"html": "<p>Le ministre a reçu son homologue géorgien à Erevan.</p>", "date": "3 mars 2023"}),
        json.dumps({"url": "https://e.org/3"}),
    ]
    found = _all("batch.jsonl", "\n".join(lines).encode())
    docs, errors = _docs(found), _errors(found)
    assert docs[0].text.startswith("EREVAN") and docs[0].published == "2023-03-03" and docs[0].title == "Un titre"
    assert docs[1].html and docs[1].published == "2023-03-03"
    assert [e.item for e in errors] == ["batch.jsonl:2", "batch.jsonl:4"]
    assert "invalid JSON" in errors[0].cause and "no 'text' or 'html'" in errors[1].cause


def test_doc_corpus_pseudo_xml_and_xml():
    pseudo = "<doc url=https://e.org/a\n>\n PARIS | Les manifestants ont bloqué le périphérique samedi.\n</doc>\n" \
             "<doc url=https://e.org/b\n>\n Le gouvernement a annoncé des mesures.\n</doc>\n"
    docs = _docs(_all("corpus.xml", pseudo.encode()))
    assert [d.url for d in docs] == ["https://e.org/a", "https://e.org/b"]
    assert docs[0].text.startswith(" PARIS | Les manifestants")
    xml = ('<?xml version="1.0"?>\n<corpus>\n<doc source="X" link="https://e.org/c" date="2019-02-17" '
           'title="Protests &amp; police" >\nParis (CNN)\nPolice fired tear gas at &quot;yellow vest&quot; protesters.'
           '\n</doc>\n</corpus>')
    (doc,) = _docs(_all("en.xml", xml.encode()))
    assert doc.title == "Protests & police" and doc.published == "2019-02-17"
    assert 'tear gas at "yellow vest" protesters' in doc.text


def test_gzip_and_zip_are_opened_and_named(pages):
    page = (pages / "fr-news-site.html").read_bytes()
    (doc,) = _docs(_all("page.html.gz", gzip.compress(page)))
    assert doc.item == "page.html" and doc.html is not None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a/page.html", page)
        archive.writestr("b/story.txt", "PARIS, 3 mars (AFP) - Le ministre a reçu son homologue.")
        archive.writestr("c/empty.txt", "")
    found = _all("batch.zip", buffer.getvalue())
    assert [d.item for d in _docs(found)] == ["batch.zip!a/page.html", "batch.zip!b/story.txt"]
    (error,) = _errors(found)
    assert error.item == "batch.zip!c/empty.txt" and "empty" in error.cause


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"\0" * (MAX_BYTES + 1024), compresslevel=9)
    assert len(bomb) < 200_000
    (error,) = _all("bomb.gz", bomb)
    assert isinstance(error, InputError) and "decompressed size exceeds" in error.cause


def test_page_over_the_size_cap_is_refused():
    (error,) = _all("huge.html", b"<html><body><p>" + b"a " * (MAX_BYTES // 2 + 10) + b"</p></body></html>")
    assert isinstance(error, InputError) and "too large" in error.cause


def test_unclosed_doc_tags_are_one_error_in_one_pass():
    # 500 KB of <doc> tags none of which is closed: the old lazy pattern rescanned the rest of the
    # text from each one (minutes); one pass finds that the first is never closed.
    unclosed = b"<doc url=https://e.org/a>" + b"<doc id=1>some words " * 24_000
    assert len(unclosed) > 500_000
    found = _all("c.xml", unclosed)
    assert [e.cause for e in _errors(found)] == ["the <doc> element at character 0 is not closed (no </doc>)"]
    assert _docs(found) == []


def test_closed_documents_before_an_unclosed_one_are_kept():
    data = b"<doc url=https://e.org/a>First story.</doc>\n<doc url=https://e.org/b>Second, cut"
    found = _all("c.xml", data)
    assert [d.text for d in _docs(found)] == ["First story."]
    assert [e.cause for e in _errors(found)] == ["the <doc> element at character 44 is not closed (no </doc>)"]
    endless_tag = b"<doc url=https://e.org/a>First.</doc><doc " + b"a" * 20_000
    assert [e.cause for e in _errors(_all("c.xml", endless_tag))] == ["the <doc> tag at character 37 has no '>'"]


def test_sniffing_many_unclosed_paragraphs_is_text():
    assert sniff(b"x <p> " * 11_000) is Kind.TEXT  # the 64 KiB head, one pass
    assert sniff(b"a story <p class='lead'>with a paragraph</p>") is Kind.HTML


def test_json_lines_with_a_bad_first_line_are_still_json_lines():
    good = [json.dumps({"text": f"EREVAN, 3 mars (AFP) - Le ministre a reçu son homologue n° {n}."}) for n in range(3)]
    for first in ('{"text": "cut', "garbage before the records"):
        data = "\n".join([first, *good]).encode()
        assert sniff(data) is Kind.JSONL
        found = _all("batch.jsonl", data)
        assert [d.text for d in _docs(found)] == [json.loads(line)["text"] for line in good]
        assert [e.item for e in _errors(found)] == ["batch.jsonl:1"]


def test_text_with_a_brace_line_is_still_text():
    assert sniff(b"{Editor's note}\nThe minister met his counterpart.\nThey talked.\n") is Kind.TEXT
    assert sniff(b'{"text": "one object"}') is Kind.JSONL
