import pytest

from dateline.sources.decode import declared_charset, decode_bytes
from dateline.sources.errors import InputError


def test_utf8_wins_over_a_wrong_latin1_declaration():
    data = '<meta charset="iso-8859-1"><p>Erevan a reçu la délégation.</p>'.encode()
    assert declared_charset(data) == "iso8859-1"
    text, warnings = decode_bytes("p", data)
    assert "reçu la délégation" in text and warnings == []


def test_declared_single_byte_charset_is_used_when_the_bytes_are_not_utf8():
    data = '<meta charset="windows-1251"><p>Москва и Ереван</p>'.encode("cp1251")
    text, _ = decode_bytes("p", data)
    assert "Москва и Ереван" in text


def test_mixed_encodings_keep_both_parts_and_warn():
    data = "Le ministre a reçu à Genève ".encode() + "son homologue français.".encode("latin-1") + \
        " Les négociations reprendront.".encode()
    text, warnings = decode_bytes("mixed.txt", data)
    assert text == "Le ministre a reçu à Genève son homologue français. Les négociations reprendront."
    assert warnings and "mixed encodings" in warnings[0]


def test_latin1_text_without_declaration_is_guessed():
    text, warnings = decode_bytes("l.txt", "Le ministre a été reçu à Genève par son homologue.".encode("latin-1"))
    assert text == "Le ministre a été reçu à Genève par son homologue." and "not UTF-8" in warnings[0]


@pytest.mark.parametrize(("data", "cause"), [(b"", "empty"), (b"  \n ", "empty"), (b"\x00\x01PNG\x00", "binary")])
def test_unusable_bytes(data, cause):
    with pytest.raises(InputError, match=cause):
        decode_bytes("x", data)
