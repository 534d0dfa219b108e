"""When an event happened: a date attached to its own clause, else the only day its sentence
names, else the day the story is about, else the document's date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from dateline.events.context import DocumentFacts
from dateline.events.draft import Draft
from dateline.events.syntax import is_root, is_verb
from dateline.resolve.times import DateMention

STORY_DAYS = 7


def explicit_date(draft: Draft, facts: DocumentFacts) -> tuple[DateMention | None, bool]:
    """A date attached to the event's own clause ('Le 12 octobre, X a rencontré Y'), else the
    only day of its sentence ('filmé samedi en train de frapper ... lors d'une manifestation');
    and whether it is attached to the clause."""
    doc = draft.clause.doc
    in_sentence = [m for m in facts.times if draft.sentence.start_char <= m.start < draft.sentence.end_char]
    for mention in in_sentence:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        heads = {t.head.i for t in span if t.head.i not in range(span.start, span.end)}
        if draft.clause.i in heads:
            return mention, True
    days = [m for m in in_sentence if m.granularity == "day" and m.value() and _dates_a_clause(m, doc)]
    return (days[0], False) if len(days) == 1 else (None, False)


def _dates_a_clause(mention: DateMention, doc: Doc) -> bool:
    """'samedi' dates a verb; 'l'accord du 10 novembre 2020' dates a noun, not the event."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    for _ in range(4):
        if is_verb(head):
            return True
        if head.pos_ in {"NOUN", "PROPN"} and head.ent_type_ not in {"DATE", "TIME"}:
            return False
        if is_root(head):
            return False
        head = head.head
    return False


def story_date(facts: DocumentFacts, text: str) -> str | None:
    """The day the story is about: the first day its lead paragraphs name within the week before
    publication ('samedi' in a Sunday story). Undated events of the story happened then."""
    if not facts.published:
        return None
    published = dt.date.fromisoformat(facts.published)
    lead_end = len(text)
    for _ in range(2):
        found = text.find("\n\n", 0 if lead_end == len(text) else lead_end + 2)
        if found < 0:
            break
        lead_end = found
    for mention in sorted(facts.times, key=lambda m: m.start):
        if mention.start > lead_end:
            break
        day = mention.as_date() if mention.granularity == "day" else None
        if day is not None and 0 <= (published - day).days <= STORY_DAYS:
            return day.isoformat()
    return None
