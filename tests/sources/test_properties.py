"""Property tests of the readers, the decoder and the cleaner on arbitrary input: any bytes give
documents or one `InputError` each, never another exception; what a container holds comes back
out. Examples are bounded (count and size) to keep the suite short."""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.clean import clean_document
from dateline.sources import SourceDocument
from dateline.sources.decode import decode_bytes, gunzip
from dateline.sources.detect import Kind, sniff
from dateline.sources.errors import InputError
from dateline.sources.readers import FeedLink, read_bytes

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# How containers start: arbitrary tails after these reach every reader's error paths.
PREFIXES = [b"", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"WARC/1.0\r\n", b"<?xml version='1.0'?>", b"<rss>",
            b"<feed xmlns='http://www.w3.org/2005/Atom'>", b"<doc url=x>", b"<corpus><doc>", b'{"text": ',
            b"[{", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<>&"), min_size=1,
                    max_size=200).filter(lambda t: t.strip())


def _read_all(data: bytes) -> list:
    found = list(read_bytes("input", data))
    assert all(isinstance(item, SourceDocument | InputError | FeedLink) for item in found)
    return found


@BOUNDED
@given(st.sampled_from(PREFIXES), st.binary(max_size=2000))
def test_any_bytes_give_documents_or_errors(prefix, tail):
    data = prefix + tail
    assert isinstance(sniff(data[:65536]), Kind)
    _read_all(data)


@BOUNDED
@given(st.binary(max_size=3000), st.sampled_from([None, "utf-8", "cp1252", "shift_jis", "koi8-r", "bogus"]))
def test_decoding_any_bytes_gives_text_or_one_error(data, declared):
    try:
        text, warnings = decode_bytes("input", data, declared)
    except InputError as exc:
        assert exc.item == "input" and exc.cause
        return
    assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)


@BOUNDED
@given(TEXT, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_text_in_a_common_encoding_decodes_to_itself(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    if not data.strip() or "\x00" in text:
        return
    if encoding == "utf-16" or data.isascii() or encoding == "utf-8":
        decoded, _ = decode_bytes("input", data)
        assert decoded == text


@BOUNDED
@given(st.binary(max_size=5000), st.integers(min_value=1, max_value=4))
def test_gzip_round_trip_and_bombs_refused(data, members):
    packed = b"".join(gzip.compress(data) for _ in range(members))
    assert gunzip("input", packed) == data * members
    limit = max(0, len(data) * members - 1)
    if len(data) * members > 0:
        try:
            gunzip("input", packed, limit=limit)
        except InputError as exc:
            assert "exceeds" in exc.cause
        else:
            raise AssertionError("a gzip over the limit was inflated")


@BOUNDED
@given(st.lists(st.tuples(st.from_regex(r"https://e\.org/[a-z]{1,8}", fullmatch=True), SAFE_TEXT),
                min_size=1, max_size=5))
def test_a_doc_corpus_gives_back_its_documents(entries):
    data = "".join(f'<doc url="{url}">{body}</doc>\n' for url, body in entries).encode()
    found = _read_all(data)
    expected = [(url, body.strip("\n")) for url, body in entries]
    got = [(d.url, d.text or d.html) for d in found if isinstance(d, SourceDocument)]
    errors = [e for e in found if isinstance(e, InputError)]
    assert len(got) + len(errors) == len(entries)
    assert all("empty document" in e.cause for e in errors)
    assert got == [pair for pair in expected if pair[1].strip()]


@BOUNDED
@given(st.lists(SAFE_TEXT, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_json_lines_give_back_their_texts(texts, newline):
    data = newline.join(json.dumps({"text": t, "url": f"https://e.org/{n}"}) for n, t in enumerate(texts)).encode()
    found = _read_all(data)
    assert [d.text for d in found] == texts


@BOUNDED
@given(st.dictionaries(st.from_regex(r"[a-z]{1,6}\.txt", fullmatch=True), st.binary(max_size=300), max_size=4))
def test_zip_members_each_give_a_document_or_an_error(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    found = _read_all(buffer.getvalue())
    # A member's documents and errors are named after it ('batch.zip!a.txt', '!a.txt:1' for a line
    # of a member that holds JSON Lines, '!a.txt#...' for a corpus element).
    named = {re.match(r"[a-z]{1,6}\.txt", str(item.item).split("!")[-1]).group() for item in found
             if "!" in str(getattr(item, "item", ""))}
    assert named == set(members) or (not members and len(found) <= 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([None, "en", "fr"]), st.booleans())
def test_the_cleaner_takes_any_text_or_html(text, language, as_html):
    source = SourceDocument(html=f"<html><body><p>{text}</p></body></html>") if as_html else SourceDocument(text=text)
    clean = clean_document(source, language)
    assert isinstance(clean.text, str) and isinstance(clean.language, str)
    if language:
        assert clean.language == language
