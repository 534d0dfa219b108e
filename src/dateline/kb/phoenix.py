"""Importer for the Phoenix / CAMEO actor dictionaries (PETRARCH-2, MIT, Open Event Data
Alliance): people with date-restricted CAMEO codes become `kb/data/phoenix_people.json.gz`.

Format (TABARI): a headline `NAME_ [CODE]` or `NAME_`, `+ALIAS` lines, then indented
`[CODE dates]` lines where dates are `>YYMMDD`, `<YYMMDD` or `YYMMDD-YYMMDD` (two- or four-digit
years). Written by hand: no maintained parser of this format exists on the package registry.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
_CODE = re.compile(r"\[(?P<code>[A-Z0-9-]{3,})(?:\s+(?P<dates>[<>]?\d{6,8}(?:-\d{6,8})?))?\s*\]")
NON_COUNTRY = {"IGO", "NGO", "IMG", "MNC", "UAF", "---", "NGM"}


def _day(text: str) -> str:
    """'040309' -> '2004-03-09', '19940922' -> '1994-09-22' (two-digit years pivot at 30)."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def _span(dates: str | None) -> tuple[str | None, str | None]:
    if not dates:
        return None, None
    if dates.startswith(">"):
        return _day(dates[1:]), None
    if dates.startswith("<"):
        return None, _day(dates[1:])
    start, _, end = dates.partition("-")
    return _day(start), _day(end) if end else None


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def _code_parts(code: str) -> tuple[str | None, str | None]:
    """CAMEO actor code to (country, sector): 'RUSGOV' -> ('RUS', 'GOV'), 'IGOUNO' -> (None, 'IGO')."""
    head, rest = code[:3], code[3:6] or None
    if head in NON_COUNTRY:
        return None, head if head != "---" else rest
    return head, rest


def parse(path: Path) -> Iterator[dict]:
    entry: dict | None = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if body.startswith("+"):
            if entry is not None:
                entry["aliases"].append(_name(body[1:]))
            continue
        codes = [m.groupdict() for m in _CODE.finditer(body)]
        if body[0] in " \t" and codes:
            if entry is not None:
                entry["codes"].extend(codes)
            continue
        if entry is not None:
            yield entry
        head = _CODE.sub("", body).strip()
        entry = {"name": _name(head), "aliases": [], "codes": codes}
    if entry is not None:
        yield entry


def people(directory: Path) -> list[dict]:
    """Entries whose codes are dated: people, whose roles change (countries and groups are not)."""
    out = []
    for name in ACTOR_FILES:
        path = directory / name
        if not path.exists():
            continue
        for entry in parse(path):
            dated = [c for c in entry["codes"] if c.get("dates")]
            if not dated:
                continue
            positions = []
            for code in dated:
                country, sector = _code_parts(code["code"])
                start, end = _span(code["dates"])
                positions.append({"code": code["code"], "country": country, "sector": sector,
                                  "start": start, "end": end})
            out.append({"id": "phoenix:" + re.sub(r"[^a-z0-9]+", "-", entry["name"].casefold()).strip("-"),
                        "name": entry["name"].title(), "aliases": [a.title() for a in entry["aliases"]],
                        "positions": positions, "source": f"{name} (Phoenix, MIT, Open Event Data Alliance)"})
    return out


def import_people(directory: Path, target: Path) -> int:
    found = people(directory)
    payload = {"provenance": "Imported by `dateline kb import phoenix` from the PETRARCH-2 Phoenix actor "
                             "dictionaries (MIT, Open Event Data Alliance): entries with dated CAMEO codes.",
               "people": found}
    with gzip.open(target, "wt", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False)
    return len(found)
