"""Small text helpers shared by several stages."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Sergueï' -> 'serguei', 'ÉTATS-UNIS' -> 'etats-unis'."""
    if text.isascii():  # nothing to decompose: the gazetteer folds some 200,000 names at load
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("’", "'").split())


# C0 and C1 controls (ESC starts terminal escape sequences), DEL, and the Unicode bidirectional
# overrides and isolates that reorder what a terminal shows.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text from an input (a file or member name, a URL, a cause quoting them) made safe to echo on
    one terminal line: every control character shown as an escape (`\\x1b`), none acted upon."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1] if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                            text)
