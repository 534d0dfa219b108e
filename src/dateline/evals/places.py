"""Toponym resolution (geocoding) on GeoWebNews and LGL: for every gold toponym with
coordinates, the place dateline's gazetteer gives its name in that article (countries and
first-level areas the article names are preferred, as in the pipeline), scored as accuracy
within 161 km (100 miles), the customary geocoding measure (Gritta et al. 2019). A toponym
dateline cannot place counts as wrong."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from dateline.evals import dataset_dir

KM = 161.0


@dataclass(frozen=True)
class Toponym:
    name: str
    lat: float
    lon: float
    start: int | None = None  # character offset in the article's text


@dataclass(frozen=True)
class GeoDoc:
    text: str
    toponyms: tuple[Toponym, ...]


def _float(node: ET.Element | None) -> float | None:
    try:
        return float(node.text) if node is not None and node.text else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def geowebnews() -> Iterator[GeoDoc]:
    root = ET.parse(dataset_dir("geo/geowebnews") / "GWN.xml").getroot()
    for article in root.findall("article"):
        found = []
        for toponym in article.find("toponyms").findall("toponym"):
            lat, lon = _float(toponym.find("latitude")), _float(toponym.find("longitude"))
            if lat is not None and lon is not None:
                found.append(Toponym(toponym.findtext("extractedName") or "", lat, lon,
                                     _int(toponym.findtext("start"))))
        yield GeoDoc(article.findtext("text") or "", tuple(found))


def lgl() -> Iterator[GeoDoc]:
    root = ET.parse(dataset_dir("geo/geowebnews") / "Corpora" / "lgl.xml").getroot()
    for article in root.findall("article"):
        found = []
        for toponym in article.find("toponyms").findall("toponym"):
            tag = toponym.find("gaztag")
            lat, lon = (_float(tag.find("lat")), _float(tag.find("lon"))) if tag is not None else (None, None)
            if lat is not None and lon is not None:
                found.append(Toponym(toponym.findtext("phrase") or "", lat, lon, _int(toponym.findtext("start"))))
        yield GeoDoc(article.findtext("text") or "", tuple(found))


SETS: dict[str, Callable[[], Iterator[GeoDoc]]] = {"geowebnews": geowebnews, "lgl": lgl}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@dataclass
class GeoScore:
    toponyms: int = 0
    placed: int = 0
    within: int = 0
    errors_km: list[float] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.within / self.toponyms if self.toponyms else 0.0


def evaluate(name: str, limit: int | None = None, progress: Callable[[], None] | None = None) -> GeoScore:
    from dateline.resolve.actors import lexicon
    from dateline.resolve.entities import lookup_place
    from dateline.resolve.places import load_gazetteer

    gazetteer = load_gazetteer()
    lex = lexicon("en")
    score = GeoScore()
    for index, doc in enumerate(SETS[name]()):
        if limit is not None and index >= limit:
            break
        prefer = frozenset(m.iso3 for m in lex.country_mentions(_tokens(doc.text)) if m.kind != "org")
        regions = gazetteer.regions_in(doc.text) | gazetteer.regions_of(t.name for t in doc.toponyms)
        # As the pipeline does with its place entities: the towns the article names (found by
        # their names, never the gold coordinates) place its facilities and counties.
        story = gazetteer.story(doc.text, ((t.start or 0, t.name) for t in doc.toponyms), prefer, regions)
        for toponym in doc.toponyms:
            score.toponyms += 1
            entry = (lookup_place(toponym.name, doc.text, lex, prefer, regions, story, toponym.start)
                     or _country_of(toponym.name, lex, gazetteer))
            if entry is None or entry.lat is None or entry.lon is None:
                continue
            score.placed += 1
            km = distance_km(entry.lat, entry.lon, toponym.lat, toponym.lon)
            score.errors_km.append(km)
            score.within += km <= KM
        if progress:
            progress()
    return score


def _country_of(name: str, lex, gazetteer):  # noqa: ANN001, ANN202 - lexicon and gazetteer entry
    """'Turkish', 'the Syrians': a demonym or country name stands for the country."""
    mentions = [m for m in lex.country_mentions(_tokens(name)) if m.kind != "org"]
    if not mentions:
        return None
    from dateline.kb import load_kb

    country = load_kb().countries.get(mentions[0].iso3)
    return gazetteer.lookup(country.name) if country else None


def _tokens(text: str):  # noqa: ANN202 - a spaCy Doc from the tokenizer only (country names need no parse)
    from dateline.nlp import pipeline

    return pipeline("en").make_doc(text)
