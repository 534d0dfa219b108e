"""Small text helpers shared by several stages."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Sergueï' -> 'serguei', 'ÉTATS-UNIS' -> 'etats-unis'."""
    if text.isascii():  # nothing to decompose: the gazetteer folds some 200,000 names at load
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("’", "'").split())
