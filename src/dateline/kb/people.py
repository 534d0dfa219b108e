"""Office holders (`kb/data/leaders_curated.json`): names and transliterations to the country,
role and sector a person held on a given date.

Linking: exact alias (case and accents folded), then a fuzzy match of the full name
(rapidfuzz, token order ignored) for transliteration variants ("Sergueï Lavrov" / "Sergey
Lavrov"), then the bare surname when one person in the knowledge base carries it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from dateline.textutil import fold

FUZZY_PERSON_THRESHOLD = 88.0


@dataclass(frozen=True)
class Position:
    role: str
    sector: str
    office: str
    country: str
    start: str
    end: str | None
    source: str


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str
    positions: tuple[Position, ...]

    def position_on(self, day: dt.date | None) -> Position | None:
        """The position held that day; without a date, the latest one."""
        if not self.positions:
            return None
        if day is None:
            return max(self.positions, key=lambda p: p.start)
        iso = day.isoformat()
        held = [p for p in self.positions if p.start[:len(iso)] <= iso and (p.end is None or iso <= p.end + "-31")]
        return max(held, key=lambda p: p.start) if held else None


@dataclass(frozen=True)
class PersonMatch:
    person: Person
    score: float
    how: str  # "alias", "fuzzy", "surname"


class People:
    def __init__(self, people: list[Person], aliases: dict[str, Person], surnames: dict[str, list[Person]],
                 imported: dict[str, Person] | None = None) -> None:
        self.people = people
        self.aliases = aliases
        self.surnames = surnames
        self.imported = imported or {}

    def by_id(self, ident: str) -> Person | None:
        found = next((p for p in self.people if p.id == ident), None)
        return found or next((p for p in self.imported.values() if p.id == ident), None)

    def search(self, query: str, limit: int = 10) -> list[PersonMatch]:
        key = fold(query)
        pool = {**self.imported, **self.aliases}
        hits = process.extract(key, pool.keys(), scorer=fuzz.WRatio, limit=limit * 3)
        seen: dict[str, PersonMatch] = {}
        for alias, score, _ in hits:
            person = pool[alias]
            if person.id not in seen:
                seen[person.id] = PersonMatch(person, round(score / 100, 3), "search")
        return list(seen.values())[:limit]

    def match(self, name: str) -> PersonMatch | None:
        key = fold(name)
        if key in self.aliases:
            return PersonMatch(self.aliases[key], 1.0, "alias")
        if key in self.imported and len(key.split()) >= 2:
            return PersonMatch(self.imported[key], 0.9, "phoenix alias")
        if len(key.split()) >= 2:
            best = process.extractOne(key, self.aliases.keys(), scorer=fuzz.token_sort_ratio,
                                      score_cutoff=FUZZY_PERSON_THRESHOLD)
            if best:
                return PersonMatch(self.aliases[best[0]], round(best[1] / 100, 3), "fuzzy")
        owners = self.surnames.get(key.split()[-1] if key else "", [])
        if len(key.split()) == 1 and len(owners) == 1:
            return PersonMatch(owners[0], 0.8, "surname")
        return None


def _data_file(name: str):  # noqa: ANN202 - importlib Traversable
    return resources.files("dateline.kb") / "data" / name


def _imported() -> dict[str, Person]:
    """People of the Phoenix dictionaries (`dateline kb import phoenix`), by folded alias."""
    source = _data_file("phoenix_people.json.gz")
    if not source.is_file():
        return {}
    with gzip.open(source.open("rb"), "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    index: dict[str, Person] = {}
    for entry in data["people"]:
        positions = tuple(Position(role=f"{p['sector'] or ''} ({p['code']})".strip(), sector=p["sector"] or "",
                                   office="phoenix", country=p["country"], start=p["start"] or "0000",
                                   end=p["end"], source=entry["source"])
                          for p in entry["positions"] if p["country"])
        if not positions:
            continue
        person = Person(entry["id"], entry["name"], positions[-1].country, positions)
        for alias in [entry["name"], *entry["aliases"]]:
            index.setdefault(fold(alias), person)
    return index


# People added by hand (`dateline kb add`) and roles learned from stored documents (`dateline kb learn`),
# in $DATELINE_KB_DIR when it is set, else beside the curated files (a source checkout, versioned
# with the code); never written into an installed package, where a reinstall would lose them.
EXTRA_FILES = ("people_added.json", "people_learned.json")
KB_DIR_VARIABLE = "DATELINE_KB_DIR"


def extra_file(name: str):  # noqa: ANN201 - a Path or an importlib Traversable
    folder = os.environ.get(KB_DIR_VARIABLE)
    return Path(folder) / name if folder else _data_file(name)


def writable_extra_file(name: str) -> Path:
    """Where `kb add` and `kb learn` write `name`; ValueError inside an installed package."""
    path = Path(str(extra_file(name)))
    if not os.environ.get(KB_DIR_VARIABLE) and {"site-packages", "dist-packages"} & set(path.parts):
        raise ValueError(f"{path.parent} is inside the installed package; set {KB_DIR_VARIABLE} to a folder "
                         "of your own (or pass --output)")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def curated_entries() -> list[dict]:
    entries = json.loads(_data_file("leaders_curated.json").read_text("utf-8"))["people"]
    for name in EXTRA_FILES:
        extra = extra_file(name)
        if extra.is_file():
            entries += json.loads(extra.read_text("utf-8"))["people"]
    return entries


@cache
def load_people() -> People:
    return people_from(curated_entries())


def people_from(entries: list[dict]) -> People:
    people: list[Person] = []
    aliases: dict[str, Person] = {}
    surnames: dict[str, list[Person]] = {}
    for entry in entries:
        positions = tuple(Position(p["role"], p["sector"], p["office"], p.get("country", entry["country"]),
                                   p["start"], p.get("end"), p.get("source", "")) for p in entry["positions"])
        person = Person(entry["id"], entry["name"], entry["country"], positions)
        people.append(person)
        for alias in [entry["name"], *entry.get("aliases", [])]:
            aliases.setdefault(fold(alias), person)
        surname = fold(entry["name"]).split()[-1]
        surnames.setdefault(surname, [])
        if person not in surnames[surname]:
            surnames[surname].append(person)
    return People(people, aliases, surnames, _imported())
