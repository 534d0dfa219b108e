"""Check the curated office-holder data ``src/dateline/kb/data/leaders_curated.json``.

Errors (the script exits 1 if there is any):

* missing or malformed fields, duplicate ids;
* country codes that are neither ISO 3166-1 alpha-3 (pycountry) nor one of the
  organisation codes (UNO, NATO, EUR, OSC, CST, CIS);
* dates that do not parse (``YYYY-MM-DD``, ``YYYY-MM``, or ``YYYY`` with
  ``"date_precision": "year"``), imprecise dates without a matching ``date_precision``,
  ``start`` after ``end``, open positions (``"end": null``) without ``as_of``;
* an alias (or name) shared by two different people.

Warnings (printed, exit code unaffected): positions of the same office in the same
country that overlap by more than 31 days (interim periods can be legitimate),
duplicate aliases within one person, non-Wikipedia sources.

Finally prints the number of people and positions per country and office.

Run with ``.venv/bin/python scripts/check_leaders.py [path]``.
"""

from __future__ import annotations

import calendar
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "src" / "dateline" / "kb" / "data"
DEFAULT_PATH = DATA_DIR / "leaders_curated.json"
CURATED_COUNTRIES = DATA_DIR / "countries_curated.json"

# The organisation codes of kb/data/countries_curated.json (PLOVER/CAMEO top-level codes).
IGO_CODES = {"UNO", "EUR", "IGO", "NGO"}
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "igo_head")
OFFICE_LABELS = {
    "head_of_state": "HoS",
    "head_of_government": "HoG",
    "foreign_minister": "FM",
    "defence_minister": "DefM",
    "igo_head": "IGO",
}
SECTORS = {"GOV", "MIL", "IGO"}
PRECISIONS = {"day", "month", "year"}
MAX_OVERLAP_DAYS = 31
PERSON_KEYS = {"id", "name", "aliases", "country", "positions"}
POSITION_KEYS = {
    "role",
    "sector",
    "office",
    "organisation",
    "country",
    "start",
    "end",
    "date_precision",
    "acting",
    "as_of",
    "source",
    "evidence",
    "note",
}
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def parse_date(value: Any) -> tuple[date, date, str] | None:
    """Return (earliest day, latest day, precision) for a date string, or None."""
    if not isinstance(value, str):
        return None
    m = DATE_RE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            d = date(year, int(month), int(day))
            return d, d, "day"
        if month is not None:
            mo = int(month)
            last = calendar.monthrange(year, mo)[1]
            return date(year, mo, 1), date(year, mo, last), "month"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        return None


def norm_alias(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).casefold().split())


def valid_country(code: Any) -> bool:
    if not isinstance(code, str):
        return False
    return code in IGO_CODES or (len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None)


def known_organisations() -> set[str] | None:
    if not CURATED_COUNTRIES.exists():
        return None
    data = json.loads(CURATED_COUNTRIES.read_text("utf-8"))
    return {igo["id"] for igo in data.get("igos", [])}


def check_position(
    pid: str, i: int, pos: Any, person_country: str, orgs: set[str] | None, rep: Report
) -> dict[str, Any] | None:
    where = f"{pid} position {i}"
    if not isinstance(pos, dict):
        rep.error(f"{where}: not an object")
        return None
    for key in sorted(set(pos) - POSITION_KEYS):
        rep.error(f"{where}: unknown field {key!r}")
    for key in ("role", "sector", "office", "start", "source"):
        if key not in pos:
            rep.error(f"{where}: missing {key!r}")
    if "end" not in pos:
        rep.error(f"{where}: missing 'end' (use null for office holders still in office)")
    office = pos.get("office")
    if office not in OFFICES:
        rep.error(f"{where}: office {office!r} not in {OFFICES}")
    if not isinstance(pos.get("role"), str) or not pos.get("role"):
        rep.error(f"{where}: empty role")
    sector = pos.get("sector")
    if sector not in SECTORS:
        rep.error(f"{where}: sector {sector!r} not in {sorted(SECTORS)}")
    country = pos.get("country", person_country)
    if "country" in pos and not valid_country(pos["country"]):
        rep.error(f"{where}: invalid country code {pos['country']!r}")
    if office == "igo_head":
        if country not in IGO_CODES:
            rep.error(f"{where}: igo_head position needs an organisation code as country, got {country!r}")
        if sector != "IGO":
            rep.error(f"{where}: igo_head position must have sector IGO")
        org = pos.get("organisation")
        if not org:
            rep.error(f"{where}: igo_head position without 'organisation'")
        elif orgs is not None and org not in orgs:
            rep.error(f"{where}: organisation {org!r} not among the igos of countries_curated.json")
    else:
        if country in IGO_CODES:
            rep.error(f"{where}: state office {office!r} with organisation code {country!r}")
        if sector == "IGO":
            rep.error(f"{where}: sector IGO on a state office")
        if sector == "MIL" and office != "defence_minister":
            rep.warn(f"{where}: sector MIL on {office}")
    if "acting" in pos and not isinstance(pos["acting"], bool):
        rep.error(f"{where}: 'acting' must be a boolean")
    source = pos.get("source")
    if isinstance(source, str):
        if not re.match(r"^https://[a-z]{2,3}\.wikipedia\.org/wiki/\S+$", source):
            rep.warn(f"{where}: source is not a Wikipedia article: {source}")
    elif source is not None:
        rep.error(f"{where}: source must be a string")
    evidence = pos.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) and e.startswith("http") for e in evidence):
        rep.error(f"{where}: evidence must be a list of URLs")

    precision = pos.get("date_precision", "day")
    if precision not in PRECISIONS:
        rep.error(f"{where}: date_precision {precision!r} not in {sorted(PRECISIONS)}")
    start = parse_date(pos.get("start"))
    if start is None:
        rep.error(f"{where}: start {pos.get('start')!r} does not parse")
    end_raw = pos.get("end")
    end = None if end_raw is None else parse_date(end_raw)
    if end_raw is not None and end is None:
        rep.error(f"{where}: end {end_raw!r} does not parse")
    order = {"day": 0, "month": 1, "year": 2}
    coarsest = max((d[2] for d in (start, end) if d), key=order.get, default="day")
    if precision in order and order[coarsest] > order[precision]:
        rep.error(f'{where}: {coarsest}-level date needs "date_precision": "{coarsest}"')
    elif precision in order and order[coarsest] < order[precision]:
        rep.warn(f"{where}: date_precision {precision!r} but all dates are {coarsest}-level")
    as_of = None
    if end_raw is None:
        as_of = parse_date(pos.get("as_of"))
        if as_of is None or as_of[2] != "day":
            rep.error(f"{where}: open position needs 'as_of' as YYYY-MM-DD, got {pos.get('as_of')!r}")
        elif start and as_of[1] < start[0]:
            rep.error(f"{where}: as_of {pos['as_of']} before start {pos['start']}")
    elif "as_of" in pos:
        rep.warn(f"{where}: 'as_of' on a closed position")
    if start and end and start[0] > end[1]:
        rep.error(f"{where}: start {pos['start']} after end {end_raw}")
    if not start:
        return None
    upper = end[1] if end else (as_of[1] if as_of else date.today())
    return {
        "pid": pid,
        "index": i,
        "office": office,
        "country": country,
        "role": pos.get("role"),
        "organisation": pos.get("organisation"),
        "lo": start[0],
        "hi": upper,
        "start": pos.get("start"),
        "end": end_raw,
    }


def check(path: Path) -> int:
    rep = Report()
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"ERROR: cannot load {path}: {exc}")
        return 1
    for key in ("version", "description", "sources", "people"):
        if key not in data:
            rep.error(f"missing top-level {key!r}")
    people = data.get("people", [])
    orgs = known_organisations()

    ids: Counter[str] = Counter()
    alias_owner: dict[str, set[str]] = defaultdict(set)
    alias_forms: dict[str, set[str]] = defaultdict(set)
    spans: list[dict[str, Any]] = []
    per_country: dict[str, Counter[str]] = defaultdict(Counter)
    people_per_country: dict[str, set[str]] = defaultdict(set)

    for n, person in enumerate(people):
        if not isinstance(person, dict):
            rep.error(f"people[{n}]: not an object")
            continue
        pid = person.get("id", f"people[{n}]")
        ids[pid] += 1
        for key in sorted(set(person) - PERSON_KEYS):
            rep.error(f"{pid}: unknown field {key!r}")
        for key in sorted(PERSON_KEYS - set(person)):
            rep.error(f"{pid}: missing {key!r}")
        if not isinstance(pid, str) or not ID_RE.match(pid):
            rep.error(f"{pid}: id must be lowercase ASCII words joined by '-'")
        country = person.get("country")
        if not valid_country(country):
            rep.error(f"{pid}: invalid country code {country!r}")
        name = person.get("name")
        aliases = person.get("aliases", [])
        if not isinstance(name, str) or not name.strip():
            rep.error(f"{pid}: empty name")
            name = ""
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            rep.error(f"{pid}: aliases must be a list of non-empty strings")
            aliases = []
        seen: set[str] = set()
        for form in [name, *aliases]:
            key = norm_alias(form)
            if key in seen:
                rep.warn(f"{pid}: duplicate alias {form!r}")
            seen.add(key)
            alias_owner[key].add(pid)
            alias_forms[key].add(form)
        positions = person.get("positions", [])
        if not isinstance(positions, list) or not positions:
            rep.error(f"{pid}: no positions")
            positions = []
        for i, pos in enumerate(positions):
            span = check_position(pid, i, pos, country, orgs, rep)
            if span:
                spans.append(span)
                per_country[span["country"]][span["office"]] += 1
                people_per_country[span["country"]].add(pid)

    for pid, count in ids.items():
        if count > 1:
            rep.error(f"duplicate id {pid!r} ({count} times)")
    for key, owners in sorted(alias_owner.items()):
        if len(owners) > 1:
            forms = " / ".join(sorted(alias_forms[key]))
            rep.error(f"alias collision {forms!r}: {', '.join(sorted(owners))}")

    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for span in spans:
        key: tuple[Any, ...] = (span["country"], span["office"])
        if span["office"] == "igo_head":
            key += (span["organisation"], span["role"])
        groups[key].append(span)
    for key, items in sorted(groups.items(), key=lambda kv: str(kv[0])):
        items.sort(key=lambda s: s["lo"])
        for a_i, a in enumerate(items):
            for b in items[a_i + 1 :]:
                overlap = (min(a["hi"], b["hi"]) - max(a["lo"], b["lo"])).days
                if overlap > MAX_OVERLAP_DAYS:
                    rep.warn(
                        f"overlap of {overlap} days in {'/'.join(str(k) for k in key)}: "
                        f"{a['pid']} ({a['start']}..{a['end']}) and {b['pid']} ({b['start']}..{b['end']})"
                    )

    for msg in rep.warnings:
        print(f"WARNING: {msg}")
    for msg in rep.errors:
        print(f"ERROR: {msg}")

    offices = list(OFFICES)
    print()
    print(f"{'country':8}{'people':>7}" + "".join(f"{OFFICE_LABELS[o]:>6}" for o in offices))
    totals: Counter[str] = Counter()
    for country in sorted(per_country):
        counts = per_country[country]
        totals.update(counts)
        print(f"{country:8}{len(people_per_country[country]):>7}" + "".join(f"{counts[o]:>6}" for o in offices))
    print(f"{'total':8}{len(ids):>7}" + "".join(f"{totals[o]:>6}" for o in offices))
    print(f"\n{len(ids)} people, {len(spans)} positions, {len(rep.errors)} errors, {len(rep.warnings)} warnings")
    return 1 if rep.errors else 0


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    return check(path)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
