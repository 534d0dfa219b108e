"""Near-duplicate documents (syndicated wire copies, updated versions) grouped into stories with
MinHash LSH, from word 5-shingles of the cleaned text.

The signatures are datasketch's (`MinHash(num_perm=64, scheme="affine32", hashfunc=crc32)`, its
seed-1 permutations) and the index is its `MinHashLSH` banding (10 bands of 6 rows, its optimum
for a 0.6 threshold), both computed here with numpy for a whole batch at once: bulk loads spent
most of their time in per-document MinHash objects, and importing datasketch (it imports scipy)
took longer than storing thousands of documents. tests/test_stories.py holds both to datasketch."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import cache

import numpy as np

NUM_PERM = 64
THRESHOLD = 0.6  # estimated Jaccard similarity of shingle sets above which two texts are one story
BANDS, ROWS = 10, 6  # datasketch's MinHashLSH optimum for THRESHOLD and NUM_PERM
SHINGLE = 5
SEED = 1
_WORD = re.compile(r"\w+")
_SPACE = 0x20  # and the newline, 0x0A, below it: the only bytes at or under it in the buffer
_CHUNK = 1 << 14  # words hashed together: bounds the (permutations x shingles) work array


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations h -> a * h + b (mod 2^32), a odd, for SEED."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer, the pre-mix datasketch applies to each input hash."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def _words(text: str) -> list[str]:
    if text.isascii():  # casefold is lower and \w matches the same letters: one call, not one a word
        return _WORD.findall(text.lower())
    return [w.casefold() for w in _WORD.findall(text)]


def _shingle_hashes(words: Sequence[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """The CRC-32 of the UTF-8 of each word 5-shingle (words joined by one space) of each text,
    and where each text's hashes begin. A text of fewer words is one shingle, an empty text the
    empty one. Repeated shingles are hashed again: a minimum does not see them."""
    # All the texts in one buffer, a newline between two: the spaces and newlines are the words'
    # boundaries (no character casefolds to either, no UTF-8 sequence but theirs holds their byte).
    buffer = "\n".join(" ".join(w) for w in words).encode("utf-8")
    cuts = np.flatnonzero(np.frombuffer(buffer, dtype=np.uint8) <= _SPACE)
    word_starts = np.concatenate(([0], cuts + 1))
    word_ends = np.concatenate((cuts, [len(buffer)]))
    tokens = np.fromiter((max(len(w), 1) for w in words), dtype=np.intp, count=len(words))
    first_token = np.cumsum(tokens) - tokens
    shingles = np.maximum(tokens - (SHINGLE - 1), 1)
    offsets = np.cumsum(shingles) - shingles
    text = np.repeat(np.arange(len(words)), shingles)
    position = np.arange(int(shingles.sum())) - offsets[text]
    starts = word_starts[first_token[text] + position]
    ends = word_ends[first_token[text] + np.minimum(position + SHINGLE - 1, tokens[text] - 1)]
    crc32 = zlib.crc32
    hashes = [crc32(buffer[s:e]) for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
    return np.array(hashes, dtype=np.uint32), offsets


def signatures(texts: Sequence[str]) -> np.ndarray:
    """The MinHash signatures of the texts, one row of NUM_PERM uint64 values each."""
    words = [_words(text) for text in texts]
    out = np.empty((len(texts), NUM_PERM), dtype=np.uint64)
    first = count = 0
    for last, text_words in enumerate(words, 1):
        count += len(text_words)
        if count >= _CHUNK or last == len(words):
            out[first:last] = _minima(*_shingle_hashes(words[first:last])).T
            first, count = last, 0
    return out


def _minima(hashes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """(NUM_PERM, texts): each permutation's least value over each text's shingles. One
    permutation a row, in place, so that the work array stays in the processor's cache."""
    a, b = _permutations()
    permuted = np.multiply(a[:, None], _fmix32(hashes)[None, :])  # uint32 arithmetic wraps: mod 2^32
    np.add(permuted, b[:, None], out=permuted)
    return np.minimum.reduceat(permuted, offsets, axis=1)


def signature(text: str) -> np.ndarray:
    return signatures([text])[0]


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)


def band_keys(data: bytes) -> list[bytes]:
    """The LSH bands of a stored signature: two documents sharing one are candidate copies."""
    width = ROWS * 8
    return [data[i * width:(i + 1) * width] for i in range(BANDS)]


class StoryIndex:
    """Which stored document a new text is a copy of."""

    def __init__(self) -> None:
        self.buckets: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]
        self.story_of: dict[str, str] = {}

    def add(self, document_id: str, signature: bytes, story_id: str) -> None:
        if document_id not in self.story_of:
            for bucket, key in zip(self.buckets, band_keys(signature), strict=True):
                bucket.setdefault(key, []).append(document_id)
            self.story_of[document_id] = story_id

    def story_for(self, document_id: str, signature: bytes) -> str:
        """The story of the most similar stored copy, else a new story named after this document."""
        stories = [self.story_of[c] for bucket, key in zip(self.buckets, band_keys(signature), strict=True)
                   for c in bucket.get(key, ()) if c != document_id]
        return min(stories, default=document_id)
