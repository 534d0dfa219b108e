"""Roles learned from text, kept for later documents: a title or apposition ("le ministre des
Affaires étrangères du Chili, Pedro Ejemplo"; "Chilean Foreign Minister Pedro Ejemplo") gives a
person's country, sector and role as of the document's date. `dateline kb learn` collects them
from a store into `kb/data/people_learned.json`, each position with the document and the words
it was learned from; later documents then link the bare name ("Ejemplo a déclaré ...")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from dateline.kb.people import People
from dateline.textutil import fold

PROVENANCE = ("Roles learned from the titles and appositions of stored documents (`dateline kb learn`); "
              "each position names the document, its date and the words it was learned from.")


def learned_people(rows: Iterable[dict[str, Any]], known: People) -> list[dict[str, Any]]:
    """One entry per person the knowledge base does not already place in that country: the
    earliest document that gives the role, and every later one as another source."""
    people: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (str(r["published"] or ""), r["document_id"])):
        name = " ".join(row["name"].split())
        match = known.match(name)
        if match is not None and match.person.country == row["country"]:
            continue  # already known
        key = fold(name)
        source = (f"learned from {row['source'] or row['document_id']}"
                  f"{' (' + str(row['published']) + ')' if row['published'] else ''}: '{_words(row['context'])}'")
        if key not in people:
            people[key] = {"id": "learned-" + re.sub(r"[^a-z0-9]+", "-", key).strip("-"), "name": name,
                           "aliases": [], "country": row["country"], "positions": []}
        positions = people[key]["positions"]
        same = [p for p in positions if (p["role"], p["country"]) == (row["role"], row["country"])]
        if same:
            same[0].setdefault("also", []).append(source)
            continue
        positions.append({"role": row["role"], "sector": row["sector"] or "", "office": "learned",
                          "country": row["country"], "start": str(row["published"] or "0000"), "end": None,
                          "source": source})
    return sorted(people.values(), key=lambda p: p["id"])


def _words(context: str) -> str:
    return " ".join((context or "").split())[-160:]
