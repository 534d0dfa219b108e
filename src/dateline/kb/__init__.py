"""Versioned knowledge: countries, organisations, agencies and curated places.

The data lives in `kb/data/*.json` with its provenance; this module only loads it into
in-memory indexes, once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, process

from dateline.textutil import fold

FUZZY_AGENCY_MIN_LENGTH = 5
FUZZY_AGENCY_THRESHOLD = 85.0


def _load(name: str) -> dict[str, Any]:
    return json.loads((resources.files(__name__) / "data" / name).read_text("utf-8"))


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    names: dict[str, list[str]]
    demonyms: dict[str, list[str]]
    capital_geonameid: int | None
    capital_names: dict[str, list[str]]


@dataclass(frozen=True)
class Organisation:
    id: str
    code: str
    name: str
    names: dict[str, list[str]]
    acronyms: dict[str, list[str]]


@dataclass(frozen=True)
class AgencyMatch:
    name: str
    agency_id: str
    score: float
    text: str


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    _capitals: dict[int, str] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    agencies: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    _agency_exact: dict[str, dict[str, Any]] = field(default_factory=dict)
    _agency_fuzzy: dict[str, dict[str, Any]] = field(default_factory=dict)
    seats: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (lang, name) -> (country, sector)

    def capital_of(self, geonameid: int | None) -> str | None:
        """The country whose capital this GeoNames place is ('Bakou' -> AZE)."""
        if geonameid is None:
            return None
        if not self._capitals:
            self._capitals.update({c.capital_geonameid: c.iso3 for c in self.countries.values()
                                   if c.capital_geonameid is not None})
        return self._capitals.get(geonameid)

    def seat(self, name: str, language: str) -> tuple[str, str] | None:
        """The country and sector a seat of government stands for ('the White House' -> USA, GOV)."""
        return self.seats.get((language, fold(name)))

    def agency_country(self, agency_id: str) -> str | None:
        """Where an agency is based ('afp' -> FRA)."""
        return next((a.get("country") for a in self.agencies if a["id"] == agency_id), None)

    def match_agency(self, text: str) -> AgencyMatch | None:
        """The agency a string names, exactly or by a close misspelling ('RAMENPRESS')."""
        key = fold(text).strip(" .:-()")
        if not key:
            return None
        exact = self._agency_exact.get(key)
        if exact:
            return AgencyMatch(exact["name"], exact["id"], 1.0, text)
        if len(key) < FUZZY_AGENCY_MIN_LENGTH:
            return None
        best = process.extractOne(
            key, self._agency_fuzzy.keys(), scorer=fuzz.ratio,
            score_cutoff=FUZZY_AGENCY_THRESHOLD,
        )
        if best is None:
            return None
        agency = self._agency_fuzzy[best[0]]
        return AgencyMatch(agency["name"], agency["id"], round(best[1] / 100.0, 3), text)



def _countries(raw: dict[str, Any]) -> dict[str, Country]:
    result: dict[str, Country] = {}
    for entry in raw["countries"]:
        capital = entry.get("capital") or {}
        names = entry.get("names", {})
        result[entry["iso3"]] = Country(
            iso3=entry["iso3"],
            iso2=entry.get("iso2", ""),
            name=(names.get("en") or [entry["iso3"]])[0],
            names=names,
            demonyms=entry.get("demonyms", {}),
            capital_geonameid=capital.get("geonameid"),
            capital_names=capital.get("names", {}),
        )
    return result


def _organisations(raw: dict[str, Any]) -> dict[str, Organisation]:
    result: dict[str, Organisation] = {}
    for entry in raw.get("organisations", []):
        names = entry.get("names", {})
        result[entry["id"]] = Organisation(
            id=entry["id"],
            code=entry["code"],
            name=(names.get("en") or [entry["id"]])[0],
            names=names,
            acronyms=entry.get("acronyms", {}),
        )
    return result


@cache
def load_kb() -> KnowledgeBase:
    raw_countries = _load("countries.json")
    kb = KnowledgeBase(
        countries=_countries(raw_countries),
        organisations=_organisations(raw_countries),
        agencies=_load("agencies.json")["agencies"],
        places=_load("places_curated.json")["places"],
    )
    for seat in _load("seats.json")["seats"]:
        for language, names in seat["names"].items():
            kb.seats.update({(language, fold(name)): (seat["country"], seat["sector"]) for name in names})
    for agency in kb.agencies:
        for alias in [agency["name"], *agency.get("aliases", [])]:
            kb._agency_exact[fold(alias)] = agency
            if len(fold(alias)) >= FUZZY_AGENCY_MIN_LENGTH:
                kb._agency_fuzzy[fold(alias)] = agency
    return kb
