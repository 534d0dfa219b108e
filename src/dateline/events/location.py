"""Where an event happened, and what that says of a meeting: the place its sentence states
(after a locative preposition, the one its relative clause hangs on first), the scene a
happening told right after another inherits, and CONSULT's visit or third-party modes."""

from __future__ import annotations

from spacy.tokens import Span

from dateline.events.draft import Draft, countries
from dateline.lang.schema import Grammar
from dateline.record import Place, to_place
from dateline.resolve.entities import Resolution
from dateline.textutil import fold


def stated_place(draft: Draft, res: Resolution) -> Place | None:
    """Where the sentence says the event happened: a place after a locative preposition, the one
    a relative clause of the event hangs on first ('et à Nantes, où les premiers tirs ont fusé'),
    then one inside the event's own clause, then the first of the sentence."""
    grammar = res.language.grammar
    core = {t.i for t in draft.core}
    located = []
    for entity in res.entities:
        span = entity.span
        if entity.place is None or not (draft.sentence.start <= span.start < draft.sentence.end):
            continue
        if span.start in core or span.root.i in core:
            continue
        if _prep_before(span, grammar) in grammar.prepositions.locative:
            located.append(entity)
    if not located:
        return None
    trigger = draft.core[0]
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    relatives = {a.head.i for a in [trigger, *trigger.ancestors] if a.dep_ in {"acl:relcl", "relcl"}}
    own = {t.i for t in clause.subtree} if clause.dep_ not in {"ROOT", "root"} else set()
    best = min(located, key=lambda e: (e.span.root.i not in relatives, e.span.root.i not in own, e.span.start))
    return to_place(best.place, best.span.text)


def _prep_before(span: Span, grammar: Grammar) -> str | None:
    if span.start == 0:
        return None
    previous = span.doc[span.start - 1]
    if fold(previous.text) in grammar.definite_articles and span.start > 1:
        previous = span.doc[span.start - 2]
    return fold(previous.text)


def scenes(drafts: list[Draft], res: Resolution, stated: dict[int, Place | None],
           ground: frozenset[str]) -> dict[int, Place]:
    """A happening told without a place in the sentence right after one that placed another
    ('À Metz, … ont recouru à du gaz lacrymogène. Des projectiles ont été lancés …') is at that
    scene; it keeps apart two cities' clashes that would otherwise merge."""
    sentences = {s.start: i for i, s in enumerate(res.doc.sents)}
    placed: dict[int, Place] = {}
    for draft in drafts:
        if draft.event in ground and (place := stated[id(draft)]) is not None:
            placed.setdefault(sentences[draft.sentence.start], place)
    towns = _towns_by_sentence(res, sentences)
    found: dict[int, Place] = {}
    for draft in drafts:
        index = sentences[draft.sentence.start]
        if draft.event not in ground or draft.weak or index in placed or stated[id(draft)] is not None:
            continue  # a passing mention ("the bombings") refers back to an event rather than to a scene
        if index - 1 in placed:
            found[id(draft)] = placed[index - 1]
        elif len(towns.get(index - 1, {})) == 1 and not towns.get(index):
            # "Bordeaux a été le théâtre d'incidents. Visées par des projectiles, les forces …"
            found[id(draft)] = next(iter(towns[index - 1].values()))
    return found


def _towns_by_sentence(res: Resolution, sentences: dict[int, int]) -> dict[int, dict[int, Place]]:
    """The towns each sentence names (by sentence index, then geonameid)."""
    found: dict[int, dict[int, Place]] = {}
    for entity in res.entities:
        if entity.place is None or not (entity.place.feature or "").startswith("PPL"):
            continue
        index = sentences.get(entity.span.sent.start)
        if index is not None:
            found.setdefault(index, {})[entity.place.geonameid or 0] = to_place(entity.place, entity.span.text)
    return found


def consult_mode(draft: Draft, location: Place | None, phone_cues: frozenset[str]) -> str | None:
    words = {fold(t.lemma_) for t in draft.sentence} | {fold(t.text) for t in draft.sentence}
    if words & phone_cues:
        return "phone"
    if draft.mode:
        return draft.mode
    parties = countries(draft.actors)
    if location is None or location.country is None or len(parties) < 2:
        return None
    if location.country not in parties:
        return "third-party"
    return "visit"


def visit_roles(draft: Draft, location: Place | None) -> None:
    """PLOVER: in a visit the visitor is the actor and the host the recipient."""
    if location is None or len(countries(draft.actors)) != 2:
        return
    hosts = [a for a in draft.actors if a.country == location.country]
    visitors = [a for a in draft.actors if a.country != location.country]
    if hosts and visitors:
        draft.actors, draft.recipients = visitors, hosts
        draft.reasons.append(f"visit: the meeting is in {location.country}, the host's country")


def same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    return fold(a.name) == fold(b.name)
