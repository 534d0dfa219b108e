"""Small text helpers shared by several stages."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Sergueï' -> 'serguei', 'ÉTATS-UNIS' -> 'etats-unis'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("’", "'").split())
