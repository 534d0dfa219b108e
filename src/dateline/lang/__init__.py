"""Per-language knowledge, kept as data (TOML files in `lang/<code>/`), apart from algorithms.

A language is a folder holding `nlp.toml` (the spaCy pipeline), `grammar.toml` (function words:
prepositions, pronouns, auxiliaries, articles, quotation marks), `events.toml` (event lexicons),
`actors.toml` (titles, sector nouns), `dates.toml` and `clean.toml`. `load_language` reads and
validates them into one `Language` object (`lang/schema.py`), which the stages pass down; adding a
language means adding a folder, with no code change.

An optional `verbs.toml` holds verb patterns imported from PETRARCH2's CAMEO dictionary
(`dateline kb import cameo-verbs`); the coder compiles them next to `events.toml`'s entries.

`events.toml` and `verbs.toml` may declare synonym sets once, in a `[sets]` table, and name them in any list as
`"&name"` (as PETRARCH's dictionaries write `&WEAPON`); an unknown set is a load error.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from dateline.lang.schema import FILES, OPTIONAL_FILES, Actors, Clean, Dates, Events, Grammar, NlpSpec, Verbs


class LanguageError(ValueError):
    """A language folder that does not follow the schema."""


class Language:
    """One language's validated data. Compare by code; caches key on the object."""

    def __init__(self, code: str, nlp: NlpSpec, grammar: Grammar, events: Events, actors: Actors,
                 dates: Dates, clean: Clean, verbs: Verbs | None = None) -> None:
        self.code = code
        self.nlp = nlp
        self.grammar = grammar
        self.events = events
        self.actors = actors
        self.dates = dates
        self.clean = clean
        self.verbs = verbs  # imported CAMEO verb patterns, if the language has them

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    @property
    def has_pipeline(self) -> bool:
        return self.nlp.model is not None

    @classmethod
    def from_folder(cls, code: str, folder: Traversable | Path) -> Language:
        """Read and validate every data file of a folder; any error names the file and the key."""
        parts: dict[str, Any] = {}
        names = {item.name for item in folder.iterdir()}
        known = {f"{stem}.toml" for stem in [*FILES, *OPTIONAL_FILES]}
        unknown = {n for n in names if n.endswith(".toml")} - known
        if unknown:
            raise LanguageError(f"lang/{code}: unknown data files {sorted(unknown)}")
        for stem, model in [*FILES.items(), *OPTIONAL_FILES.items()]:
            if f"{stem}.toml" not in names:
                if stem in OPTIONAL_FILES:
                    continue
                raise LanguageError(f"lang/{code}: {stem}.toml is missing")
            raw = tomllib.loads((folder / f"{stem}.toml").read_text("utf-8"))
            if stem in {"events", "verbs"}:
                raw = expand_sets(raw, f"lang/{code}/{stem}.toml")
            try:
                parts[stem] = model.model_validate(raw)
            except ValidationError as err:
                raise LanguageError(f"lang/{code}/{stem}.toml: {_first_error(err)}") from None
        return cls(code, **parts)


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']} ({err.error_count()} error(s))"


def expand_sets(data: dict[str, Any], where: str) -> dict[str, Any]:
    """Replace each '&name' in a list by the members of `[sets].name` (sets may name sets)."""
    sets: dict[str, list[Any]] = data.pop("sets", {})

    def members(name: str, seen: tuple[str, ...]) -> list[Any]:
        if name not in sets:
            raise LanguageError(f"{where}: unknown set '&{name}'")
        if name in seen:
            raise LanguageError(f"{where}: set '&{name}' includes itself")
        return expand(sets[name], (*seen, name))

    def expand(value: Any, seen: tuple[str, ...] = ()) -> Any:
        if isinstance(value, dict):
            return {k: expand(v, seen) for k, v in value.items()}
        if isinstance(value, list):
            out: list[Any] = []
            for item in value:
                if isinstance(item, str) and item.startswith("&"):
                    out.extend(members(item[1:], seen))
                else:
                    out.append(expand(item, seen))
            return out
        return value

    return expand(data)


@cache
def available_languages() -> tuple[str, ...]:
    root = resources.files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def load_language(code: str) -> Language:
    """The validated data of a bundled language; KeyError if there is none."""
    if code not in available_languages():
        raise KeyError(f"no language data for {code!r}")
    return Language.from_folder(code, resources.files(__name__) / code)


def as_language(language: Language | str) -> Language:
    """A language object, from itself or its code."""
    return language if isinstance(language, Language) else load_language(language)
