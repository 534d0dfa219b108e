"""Event lexicons of one language (`lang/<code>/events.toml`), indexed by lemma."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from dateline.lang import load_language
from dateline.textutil import fold


@dataclass(frozen=True)
class Predicate:
    event: str
    mode: str | None = None
    objects: frozenset[str] = frozenset()
    reciprocal: bool = False
    partners: tuple[str, ...] = ()
    actor: str = "subj"
    recipient: str | None = None
    min_actors: int = 1
    needs_recipient: bool = False
    agent: tuple[str, ...] = ()


@dataclass(frozen=True)
class Happening:
    """An event on the ground (protest, arrest, assault ...): see `happenings.py`."""

    event: str
    mode: str | None = None
    actor_sector: str | None = None
    actor_sectors: frozenset[str] = frozenset()
    recipient: str | None = None
    recipient_sector: str | None = None
    recipient_preps: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    exclude_objects: frozenset[str] = frozenset()
    actor_from_head: bool = False
    actor_is_object: bool = False
    requires_actor: bool = False
    named_actor: bool = False
    requires_party: bool = False
    recipient_sectors: frozenset[str] = frozenset()
    passive: bool = True
    joins: bool = False
    unknown_attacker: bool = False
    genitive_patient: bool = False
    abstract_object: bool = False  # the object must be a thing or a measure, not a party
    counted_crowd: bool = False  # a noun for the crowd itself, coded only with a figure


def _happenings(entries: list[dict[str, Any]]) -> dict[tuple[str, str], list[Happening]]:
    index: dict[tuple[str, str], list[Happening]] = {}
    for entry in entries:
        happening = Happening(
            event=entry["event"], mode=entry.get("mode"), actor_sector=entry.get("actor_sector"),
            actor_sectors=frozenset(entry.get("actor_sectors", [])), recipient=entry.get("recipient"),
            recipient_sector=entry.get("recipient_sector"), recipient_preps=tuple(entry.get("recipient_preps", [])),
            objects=frozenset(fold(o) for o in entry.get("objects", [])),
            exclude_objects=frozenset(fold(o) for o in entry.get("exclude_objects", [])),
            actor_from_head=entry.get("actor_from_head", False),
            actor_is_object=entry.get("actor_is_object", False),
            requires_actor=entry.get("requires_actor", False), named_actor=entry.get("named_actor", False),
            requires_party=entry.get("requires_party", False),
            recipient_sectors=frozenset(entry.get("recipient_sectors", [])), passive=entry.get("passive", True),
            joins=entry.get("joins", False), unknown_attacker=entry.get("unknown_attacker", False),
            genitive_patient=entry.get("genitive_patient", False),
            abstract_object=entry.get("abstract_object", False),
            counted_crowd=entry.get("counted_crowd", False),
        )
        for lemma in entry["lemmas"]:
            index.setdefault((entry["pos"], fold(lemma)), []).append(happening)
    return index


def _predicate(entry: dict[str, Any]) -> Predicate:
    return Predicate(
        event=entry["event"], mode=entry.get("mode"),
        objects=frozenset(fold(o) for o in entry.get("objects", [])),
        reciprocal=entry.get("reciprocal", False), partners=tuple(entry.get("partners", [])),
        actor=entry.get("actor", "subj"), recipient=entry.get("recipient"),
        min_actors=entry.get("min_actors", 1), needs_recipient=entry.get("needs_recipient", False),
        agent=tuple(entry.get("agent", [])),
    )


def _index(entries: list[dict[str, Any]]) -> dict[str, list[Predicate]]:
    index: dict[str, list[Predicate]] = {}
    for entry in entries:
        predicate = _predicate(entry)
        for lemma in entry["lemmas"]:
            index.setdefault(fold(lemma), []).append(predicate)
    return index


@dataclass
class EventLexicon:
    predicates: dict[str, list[Predicate]]
    contents: dict[str, list[Predicate]]
    request_nouns: frozenset[str]
    request_verbs: dict[str, tuple[str, ...]]
    accusation_nouns: frozenset[str]
    perpetrator_preps: tuple[str, ...]
    request_modes: dict[str, str]
    speech: frozenset[str]
    informant_verbs: frozenset[str]
    informant_preps: frozenset[str]
    aux: dict[str, frozenset[str]]
    contexts: dict[str, tuple[str, ...]]
    happenings: dict[tuple[str, str], list[Happening]] = field(default_factory=dict)
    plover: dict[str, Any] = field(default_factory=dict)
    vague_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # "centaines" -> (100, 999)


def _set(values: list[str]) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


@cache
def plover_facts() -> dict[str, Any]:
    return tomllib.loads((resources.files(__package__) / "plover.toml").read_text("utf-8"))


@cache
def event_lexicon(lang: str) -> EventLexicon:
    data = load_language(lang)["events"]
    request_nouns: set[str] = set()
    request_verbs: dict[str, tuple[str, ...]] = {}
    for entry in data["requests"]:
        for lemma in entry["lemmas"]:
            if entry["pos"] == "NOUN":
                request_nouns.add(fold(lemma))
            else:
                request_verbs[fold(lemma)] = tuple(entry.get("addressee", []))
    accusation_nouns: set[str] = set()
    preps: list[str] = []
    for entry in data["accusations"]:
        accusation_nouns |= _set(entry["lemmas"])
        preps.extend(entry.get("perpetrator", []))
    return EventLexicon(
        predicates=_index(data["predicates"]),
        contents=_index(data["contents"]),
        request_nouns=frozenset(request_nouns),
        request_verbs=request_verbs,
        accusation_nouns=frozenset(accusation_nouns),
        perpetrator_preps=tuple(preps),
        request_modes=dict(data["request_modes"]),
        speech=_set(data["speech"]["lemmas"]),
        informant_verbs=_set(data["speech"]["informant_verbs"]),
        informant_preps=_set(data["speech"]["informant_preps"]),
        aux={key: _set(values) for key, values in data["aux"].items()},
        contexts={key: tuple(fold(v) for v in values) for key, values in data["contexts"].items()},
        happenings=_happenings(data.get("happenings", [])),
        plover=plover_facts(),
        vague_counts={fold(word): (low, high) for word, (low, high) in data.get("vague_counts", {}).items()},
    )
