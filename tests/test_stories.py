"""The story signatures and LSH bands, computed with numpy for a batch, are datasketch's."""

from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

from dateline import stories

TEXTS = ["", "Court.", "one two three four five", "one two three four five six",
         "NANTES, 12 mars 2024 (AFP) - Environ 3000 agriculteurs ont manifesté mardi à Nantes.",
         "İSTANBUL — Straße, ΣΟΦΊΑ, ǅemal and ﬁnance: the DIŞİŞLERİ said so, said so, said so, said so again.",
         "a_b c-d e\tf\ng   h i j k l m n o p q r s t u v w x y z " * 3, "!!! ... ???", "word " * 40]


def reference(text: str) -> np.ndarray:
    words = [w.casefold() for w in stories._WORD.findall(text)]
    minhash = MinHash(num_perm=stories.NUM_PERM, scheme="affine32", seed=stories.SEED, hashfunc=zlib.crc32)
    minhash.update_batch({" ".join(words[i:i + stories.SHINGLE]).encode("utf-8")
                          for i in range(max(1, len(words) - stories.SHINGLE + 1))})
    return minhash.hashvalues.astype(np.uint64)


def test_signatures_are_datasketch_minhashes():
    many = [f"{text} {i} " + " ".join(map(str, range(i, i + 3000))) for i, text in enumerate(TEXTS * 4)]
    for text, values in zip(TEXTS + many, stories.signatures(TEXTS + many), strict=True):  # several chunks
        assert values.tolist() == reference(text).tolist(), text[:40]
    assert stories.signature(TEXTS[4]).tolist() == reference(TEXTS[4]).tolist()


def test_bands_and_copies_are_datasketch_lsh():
    lsh = MinHashLSH(threshold=stories.THRESHOLD, num_perm=stories.NUM_PERM)
    assert (lsh.b, lsh.r) == (stories.BANDS, stories.ROWS)
    base = " ".join(f"w{i % 97}" for i in range(300))
    texts = [base, base + " Updated.", base.replace("w5 ", "x5 "), "something else entirely " * 9, base[:600]]
    index = stories.StoryIndex()
    for i, values in enumerate(stories.signatures(texts)):
        data = stories.to_bytes(values)
        minhash = MinHash(num_perm=stories.NUM_PERM, scheme="affine32", hashvalues=stories.from_bytes(data))
        expected = min(lsh.query(minhash), default=f"d{i}")  # story ids are here the first documents'
        assert index.story_for(f"d{i}", data) == expected
        index.add(f"d{i}", data, index.story_for(f"d{i}", data))
        lsh.insert(f"d{i}", minhash)
    assert index.story_of == {"d0": "d0", "d1": "d0", "d2": "d0", "d3": "d3", "d4": "d0"}
