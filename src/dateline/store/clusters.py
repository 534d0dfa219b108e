"""Events merged across documents into happenings: one happening reported by ten outlets is one
happening with ten sources.

The database proposes candidates (same type, mode, auxiliary mode, actor and recipient countries,
dates within a day); the decision is made here, because it reads the evidence's words. A new event
joins a happening only by matching the happening's first event, never another member, so
happenings cannot drift from day to day or place to place through a chain of near matches."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dateline.plover import ontology
from dateline.store.backends import Backend

# Acts on the ground: their parties are crowds and forces, rarely named the same way twice.
GROUND_EVENTS = ontology().ground
COPY_SIMILARITY = 0.5  # copies and updates of one dispatch (same story) say it in nearly the same words
REUSED_SIMILARITY = 0.6  # another outlet reusing the agency's sentences
# Words are compared around the evidence, not in it: "deux personnes ont été interpellées" in Paris
# and "seize personnes ont été interpellées" in Toulouse differ by one word, their paragraphs by most.
CONTEXT_CHARS = 200
WORD = re.compile(r"\w{3,}")
NUMBER = re.compile(r"\d[\d\s.,]*\d|\d")


def candidates_sql(db: Backend) -> str:
    return f"""
SELECT n.id, r.id, n.event, n.date, r.date, n.date_basis, r.date_basis, n.location, r.location,
       n.actor_names, r.actor_names, n.evidence, r.evidence, nd.story_id = rd.story_id, r.document_id, n.document_id
FROM events n JOIN documents nd ON nd.id = n.document_id
JOIN events r ON r.id = r.happening_id AND r.document_id <> n.document_id AND r.event = n.event
 AND r.mode IS NOT DISTINCT FROM n.mode AND r.aux IS NOT DISTINCT FROM n.aux
 AND r.actor_countries = n.actor_countries AND r.recipient_countries = n.recipient_countries
 AND r.{db.row_order} < n.{db.row_order} AND {db.day_distance('r.date', 'n.date')} <= 1
 AND r.retracted IS NOT TRUE
JOIN documents rd ON rd.id = r.document_id
WHERE {db.in_parameter('n.document_id')} AND {db.length('n.actor_countries')} > 0
ORDER BY n.{db.row_order}
"""


@dataclass(frozen=True)
class Mention:
    event: str
    date: Any
    basis: str | None
    location: str | None
    names: frozenset[str]
    words: frozenset[str]  # of the evidence's surroundings
    numbers: frozenset[str]  # figures in the evidence itself


def _mention(event: str, date: Any, basis: str | None, location: str | None, names: list[str] | None,
             evidence: list[dict[str, Any]], text: str) -> Mention:
    start = max(0, min(span["start"] for span in evidence) - CONTEXT_CHARS)
    end = max(span["end"] for span in evidence) + CONTEXT_CHARS
    numbers = frozenset(re.sub(r"\D", "", n) for span in evidence for n in NUMBER.findall(span["text"]))
    return Mention(event, date, basis, location, frozenset(names or ()),
                   frozenset(WORD.findall(text[start:end].casefold())), numbers)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def same_happening(new: Mention, first: Mention, same_story: bool) -> float | None:
    """How surely NEW reports the happening that FIRST began (None: not the same happening)."""
    if new.location and first.location and new.location != first.location:
        return None
    if new.numbers and first.numbers and new.numbers != first.numbers:  # 412 arrests are not 2 arrests
        return None
    score = similarity(new.words, first.words)
    if (same_story and score >= COPY_SIMILARITY) or score >= REUSED_SIMILARITY:
        return score
    # Independent reports: the same day said in both texts, the same named place, and for acts
    # between named parties (statements, visits, agreements) a name in common.
    if new.date is None or new.date != first.date or {new.basis, first.basis} != {"explicit"}:
        return None
    if not new.location or new.location != first.location:
        return None
    if new.event not in GROUND_EVENTS and not new.names & first.names:
        return None
    return score


def merge_documents(db: Backend, document_ids: list[str]) -> int:
    """Attach the events of newly stored documents to the happenings they report; returns how
    many were attached. Runs inside the documents' transaction."""
    rows = db.execute(candidates_sql(db), [document_ids])
    if not rows:
        return 0
    needed = sorted({doc for row in rows for doc in row[-2:]})
    texts = dict(db.execute(f"SELECT id, text FROM documents WHERE {db.in_parameter('id')}", [needed]))
    best: dict[str, tuple[float, str]] = {}
    for row in rows:
        (new_id, first_id, event, new_date, first_date, new_basis, first_basis, new_place, first_place,
         new_names, first_names, new_evidence, first_evidence, same_story, first_document, new_document) = row
        if first_id in best:  # joined a happening earlier in this batch: no longer a first event
            continue
        new = _mention(event, new_date, new_basis, new_place, new_names, db.json_value(new_evidence),
                       texts.get(new_document) or "")
        first = _mention(event, first_date, first_basis, first_place, first_names, db.json_value(first_evidence),
                         texts.get(first_document) or "")
        score = same_happening(new, first, bool(same_story))
        if score is not None and (new_id not in best or score > best[new_id][0]):
            best[new_id] = (score, first_id)
    if best:
        db.execute("UPDATE events SET happening_id = m.first_id FROM"
                   " (SELECT unnest(CAST(? AS VARCHAR[])) AS new_id, unnest(CAST(? AS VARCHAR[])) AS first_id) AS m"
                   " WHERE events.id = m.new_id",
                   [list(best), [first for _score, first in best.values()]])
    return len(best)
