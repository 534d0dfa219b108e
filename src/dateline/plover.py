"""The PLOVER 2.0 ontology, read once from `plover.toml`: types, modes, quad categories, CAMEO
codes, Goldstein-like scores, families and coding conventions. Every other module (the record
contract, the coder, the store, the API, the exports) asks here instead of keeping a copy."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Convention:
    """'A future meeting is coded AGREE': a reading matching `when` is recoded as `then`."""

    events: frozenset[str]
    aux: frozenset[str]
    needs_speaker: bool
    event: str
    clears_aux: bool
    modes: dict[str, str]
    mode: str | None
    reason: str

    def applies(self, event: str, aux: str | None, has_speaker: bool) -> bool:
        return event in self.events and aux in self.aux and (has_speaker or not self.needs_speaker)

    def recode(self, mode: str | None, aux: str | None) -> tuple[str, str | None, str | None]:
        """The new type, mode and aux mode."""
        new_mode = self.modes.get(mode or "", self.mode) if (self.modes or self.mode) else mode
        return self.event, new_mode, None if self.clears_aux else aux


@dataclass(frozen=True)
class Ontology:
    types: tuple[str, ...]
    aux: tuple[str, ...]
    modes: dict[str, tuple[str, ...]]
    quad: dict[str, int]
    cameo: dict[str, str]
    goldstein: dict[str, float]
    ground: frozenset[str]
    statements: frozenset[str]
    request_modes: dict[str, str]
    conventions: tuple[Convention, ...]

    def cameo_code(self, event: str, mode: str | None) -> str:
        return self.cameo.get(f"{event}:{mode}") or self.cameo[event]

    def request_mode(self, requested: str) -> str:
        """The REQUEST mode of a demand for an act of type `requested`."""
        return self.request_modes.get(requested, self.request_modes["default"])

    def has_mode(self, event: str, mode: str | None) -> bool:
        return mode is None or mode in self.modes.get(event, ())


def _convention(entry: dict[str, Any]) -> Convention:
    when, then = entry["when"], entry["then"]
    return Convention(events=frozenset(when["event"]), aux=frozenset(when["aux"]),
                      needs_speaker=when.get("speaker", False), event=then["event"],
                      clears_aux=then.get("aux") == "none", modes=dict(then.get("modes", {})),
                      mode=then.get("mode"), reason=entry["reason"])


def _checked(ontology: Ontology) -> Ontology:
    """A table that names a type the ontology lacks is a load error, not a silent gap."""
    known = set(ontology.types)
    tables = {"modes": ontology.modes, "quad": ontology.quad, "goldstein": ontology.goldstein}
    for name, table in tables.items():
        if set(table) != known:
            raise ValueError(f"plover.toml [{name}] must list exactly the types; differs on {set(table) ^ known}")
    for key in ontology.cameo:
        event, _, mode = key.partition(":")
        if event not in known or not ontology.has_mode(event, mode or None):
            raise ValueError(f"plover.toml [cameo] {key!r} is not a PLOVER type and mode")
    named = set(ontology.ground | ontology.statements | set(ontology.request_modes) - {"default"})
    named |= {t for c in ontology.conventions for t in (*c.events, c.event)}
    if named - known:
        raise ValueError(f"plover.toml names unknown types {sorted(named - known)}")
    return ontology


@cache
def ontology() -> Ontology:
    data = tomllib.loads((resources.files(__package__) / "plover.toml").read_text("utf-8"))
    return _checked(Ontology(
        types=tuple(data["types"]), aux=tuple(data["aux"]),
        modes={t: tuple(m) for t, m in data["modes"].items()},
        quad=dict(data["quad"]), cameo=dict(data["cameo"]), goldstein=dict(data["goldstein"]),
        ground=frozenset(data["families"]["ground"]), statements=frozenset(data["families"]["statements"]),
        request_modes=dict(data["request_modes"]),
        conventions=tuple(_convention(c) for c in data["conventions"]),
    ))


EVENT_TYPES: tuple[str, ...] = ontology().types
