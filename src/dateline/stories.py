"""Near-duplicate documents (syndicated wire copies, updated versions) grouped into stories with
MinHash LSH (datasketch), from word 5-shingles of the cleaned text."""

from __future__ import annotations

import re
import zlib
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 64
THRESHOLD = 0.6  # estimated Jaccard similarity of shingle sets above which two texts are one story
SHINGLE = 5
SCHEME = "affine32"  # stored signatures are read back with the scheme that made them
_WORD = re.compile(r"\w+")


@cache
def _template() -> MinHash:
    """Its permutations are computed once, then shared. datasketch (which imports scipy, a second)
    is imported when the first signature is made, not with the store."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME)


def _crc32(data: bytes) -> int:
    # A stable 32-bit hash in C: signatures are stored, so the hash must not change between
    # processes (Python's hash() does), and SHA-1 (datasketch's default) is the bulk-load bottleneck.
    return zlib.crc32(data)


def _new(hashvalues: np.ndarray | None = None) -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_template().permutations, hashvalues=hashvalues,
                   hashfunc=_crc32)


def signature(text: str) -> MinHash:
    words = [w.casefold() for w in _WORD.findall(text)]
    minhash = _new()
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return _new(np.frombuffer(data, dtype=np.uint64))


class StoryIndex:
    """Which stored document a new text is a copy of."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.story_of: dict[str, str] = {}

    def add(self, document_id: str, minhash: MinHash, story_id: str) -> None:
        if document_id not in self.story_of:
            self.lsh.insert(document_id, minhash)
            self.story_of[document_id] = story_id

    def story_for(self, document_id: str, minhash: MinHash) -> str:
        """The story of the most similar stored copy, else a new story named after this document."""
        candidates = [c for c in self.lsh.query(minhash) if c != document_id]
        return min((self.story_of[c] for c in candidates), default=document_id)
