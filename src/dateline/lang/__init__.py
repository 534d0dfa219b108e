"""Per-language knowledge, kept as data (TOML files in `lang/<code>/`), apart from algorithms.

Adding a language means adding a folder with the same files; no code changes. Each file is
loaded into one merged mapping keyed by the file's stem (`clean`, `dates`, `actors`, `events`).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

LangData = dict[str, dict[str, Any]]


@cache
def available_languages() -> tuple[str, ...]:
    root = resources.files(__name__)
    return tuple(
        sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
    )


@cache
def load_language(code: str) -> LangData:
    """All data files of one language, keyed by file stem; raises KeyError if unknown."""
    if code not in available_languages():
        raise KeyError(f"no language data for {code!r}")
    folder = resources.files(__name__) / code
    data: LangData = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            data[item.name.removesuffix(".toml")] = tomllib.loads(item.read_text("utf-8"))
    return data
