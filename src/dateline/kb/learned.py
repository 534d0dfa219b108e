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


# Words that make a title or an institution, not a person ("Ministry" was learned as a foreign
# minister); particles that may stand lower-case inside a name.
NOT_NAME_WORDS = frozenset({
    "ministry", "minister", "ministre", "ministere", "president", "presidente", "government", "gouvernement",
    "department", "office", "council", "conseil", "party", "parti", "secretary", "secretaire", "spokesman",
    "spokesperson", "porte-parole", "chancellor", "premier", "prime", "foreign", "affairs", "affaires", "state",
    "etat", "republic", "republique", "army", "armee", "police", "embassy", "ambassade", "agency", "agence",
    "committee", "comite", "union", "nations", "leader", "chief", "general", "senator", "king", "queen", "roi",
    "reine", "mr", "mrs", "ms", "m.", "mme", "dr"})
PARTICLES = frozenset({"de", "del", "della", "di", "da", "do", "dos", "du", "des", "la", "le", "van", "von", "der",
                       "den", "ter", "al", "el", "bin", "ibn", "ben", "y", "e"})
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[.'’-])*\.?")


def plausible_name(name: str) -> bool:
    """Whether words taken for a person's name look like one: two words or more, each capitalised
    (particles aside), letters only, no possessive, no 'Anti-' or 'Pro-' compound, no title or
    institution word ("Anti-Macron", "Ministry", "George H.W. Bush's" were learned as people)."""
    words = name.split()
    if len(words) < 2 or name.endswith(("'s", "’s", "'", "’")):
        return False
    for word in words:
        folded = fold(word)
        if folded in NOT_NAME_WORDS or folded.split("-")[0] in {"anti", "pro", "ex", "post", "pre", "neo"}:
            return False
        if folded in PARTICLES:
            continue
        if not _NAME_WORD.fullmatch(word) or not word[0].isupper():
            return False
    return True


def learned_people(rows: Iterable[dict[str, Any]], known: People) -> list[dict[str, Any]]:
    """One entry per person the knowledge base does not know yet whose words look like a name:
    the earliest document that gives the role, and every later one as another source. A person
    the knowledge base knows, in any country, is not learned again (a role given to a known
    person of another country is more often a misread apposition than a new post)."""
    people: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (str(r["published"] or ""), r["document_id"])):
        name = " ".join(row["name"].split())
        if not plausible_name(name) or known.match(name) is not None:
            continue
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
