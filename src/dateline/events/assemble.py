"""From coded drafts to the events of the record: one event per happening, with its date,
place, mode, contexts, CAMEO code, evidence and reasons."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from dateline.events.coder import Draft, countries, unique
from dateline.events.lexicon import event_lexicon, plover_facts
from dateline.record import Actor, Event, Evidence, Place
from dateline.resolve.actors import ActorRef
from dateline.resolve.entities import Resolution
from dateline.resolve.places import GazEntry
from dateline.resolve.times import DateMention
from dateline.textutil import fold


@dataclass
class DocContext:
    """What the document as a whole says about time and place."""

    doc_id: str
    published: str | None
    date_basis: str | None  # basis for events dated by the document: "dateline" or "published"
    dateline_place: Place | None
    times: list[DateMention]


def to_actor(actor: ActorRef) -> Actor:
    return Actor(text=actor.text, name=actor.name, country=actor.country, sector=actor.sector,
                 role=actor.role, entity_id=actor.entity_id, kb_id=actor.kb_id)


def to_place(entry: GazEntry, text: str) -> Place:
    return Place(text=text, name=entry.name, geonameid=entry.geonameid, country=entry.country,
                 lat=entry.lat, lon=entry.lon, feature=entry.feature)


def _explicit_date(draft: Draft, ctx: DocContext) -> tuple[DateMention | None, bool]:
    """A date attached to the event's own clause ('Le 12 octobre, X a rencontré Y'), else the
    only day of its sentence ('filmé samedi en train de frapper ... lors d'une manifestation')."""
    doc = draft.clause.doc
    in_sentence = [m for m in ctx.times if draft.sentence.start_char <= m.start < draft.sentence.end_char]
    for mention in in_sentence:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        heads = {t.head.i for t in span if t.head.i not in range(span.start, span.end)}
        if draft.clause.i in heads:
            return mention, True
    days = [m for m in in_sentence if m.granularity == "day" and m.value() and _dates_a_clause(m, doc)]
    return (days[0], False) if len(days) == 1 else (None, False)


def _dates_a_clause(mention: DateMention, doc) -> bool:  # noqa: ANN001 - spaCy Doc
    """'samedi' dates a verb; 'l'accord du 10 novembre 2020' dates a noun, not the event."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    for _ in range(4):
        if head.pos_ in {"VERB", "AUX"}:
            return True
        if head.pos_ in {"NOUN", "PROPN"} and head.ent_type_ not in {"DATE", "TIME"}:
            return False
        if head.head is head:
            return False
        head = head.head
    return False


STORY_DAYS = 7


def story_date(ctx: DocContext, text: str) -> str | None:
    """The day the story is about: the first day its lead paragraphs name within the week before
    publication ('samedi' in a Sunday story). Undated events of the story happened then."""
    if not ctx.published:
        return None
    published = dt.date.fromisoformat(ctx.published)
    lead_end = len(text)
    for _ in range(2):
        found = text.find("\n\n", 0 if lead_end == len(text) else lead_end + 2)
        if found < 0:
            break
        lead_end = found
    for mention in sorted(ctx.times, key=lambda m: m.start):
        if mention.start > lead_end:
            break
        day = mention.as_date() if mention.granularity == "day" else None
        if day is not None and 0 <= (published - day).days <= STORY_DAYS:
            return day.isoformat()
    return None


def _location(draft: Draft, res: Resolution) -> Place | None:
    """Where the sentence says the event happened: a place after a locative preposition, the one
    a relative clause of the event hangs on first ('et à Nantes, où les premiers tirs ont fusé'),
    then one inside the event's own clause, then the first of the sentence."""
    lex = event_lexicon(res.lang)
    core = {t.i for t in draft.core}
    located = []
    for entity in res.entities:
        span = entity.span
        if entity.place is None or not (draft.sentence.start <= span.start < draft.sentence.end):
            continue
        if span.start in core or span.root.i in core:
            continue
        prep = _prep_before(span)
        if prep in lex.aux["locative_preps"] or prep in {"in", "at"}:
            located.append(entity)
    if not located:
        return None
    trigger = draft.core[0]
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    relatives = {a.head.i for a in [trigger, *trigger.ancestors] if a.dep_ in {"acl:relcl", "relcl"}}
    own = {t.i for t in clause.subtree} if clause.dep_ not in {"ROOT", "root"} else set()
    best = min(located, key=lambda e: (e.span.root.i not in relatives, e.span.root.i not in own, e.span.start))
    return to_place(best.place, best.span.text)


def _scenes(drafts: list[Draft], res: Resolution, stated: dict[int, Place | None]) -> dict[int, Place]:
    """A happening told without a place in the sentence right after one that placed another
    ('À Metz, … ont recouru à du gaz lacrymogène. Des projectiles ont été lancés …') is at that
    scene; it keeps apart two cities' clashes that would otherwise merge."""
    sentences = {s.start: i for i, s in enumerate(res.doc.sents)}
    placed: dict[int, Place] = {}
    for draft in drafts:
        if draft.event in GROUND_EVENTS and (place := stated[id(draft)]) is not None:
            placed.setdefault(sentences[draft.sentence.start], place)
    towns = _towns_by_sentence(res, sentences)
    scenes: dict[int, Place] = {}
    for draft in drafts:
        index = sentences[draft.sentence.start]
        if draft.event not in GROUND_EVENTS or draft.weak or index in placed or stated[id(draft)] is not None:
            continue  # a passing mention ("the bombings") refers back to an event rather than to a scene
        if index - 1 in placed:
            scenes[id(draft)] = placed[index - 1]
        elif len(towns.get(index - 1, {})) == 1 and not towns.get(index):
            # "Bordeaux a été le théâtre d'incidents. Visées par des projectiles, les forces …"
            scenes[id(draft)] = next(iter(towns[index - 1].values()))
    return scenes


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


def _prep_before(span) -> str | None:  # noqa: ANN001 - spaCy Span
    if span.start == 0:
        return None
    previous = span.doc[span.start - 1]
    if fold(previous.text) in {"la", "le", "les", "l'", "the"} and span.start > 1:
        previous = span.doc[span.start - 2]
    return fold(previous.text)


def _consult_mode(draft: Draft, location: Place | None, lang: str) -> str | None:
    lex = event_lexicon(lang)
    words = {fold(t.lemma_) for t in draft.sentence} | {fold(t.text) for t in draft.sentence}
    if words & lex.aux["phone_cues"]:
        return "phone"
    if draft.mode:
        return draft.mode
    parties = countries(draft.actors)
    if location is None or location.country is None or len(parties) < 2:
        return None
    if location.country not in parties:
        return "third-party"
    return "visit"


def _visit_roles(draft: Draft, location: Place | None) -> None:
    """PLOVER: in a visit the visitor is the actor and the host the recipient."""
    if location is None or len(countries(draft.actors)) != 2:
        return
    hosts = [a for a in draft.actors if a.country == location.country]
    visitors = [a for a in draft.actors if a.country != location.country]
    if hosts and visitors:
        draft.actors, draft.recipients = visitors, hosts
        draft.reasons.append(f"visit: the meeting is in {location.country}, the host's country")


def _contexts(text: str, lang: str) -> list[str]:
    folded = fold(text)
    return [name for name, cues in event_lexicon(lang).contexts.items()
            if any(cue in folded for cue in cues)]


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    return fold(a.name) == fold(b.name)


GROUND_EVENTS = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
# Said by one speaker each: two speakers' words are two events even on the same day.
STATEMENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})


def _town_and_nation(first: Draft, first_place: Place | None, draft: Draft, place: Place | None) -> bool:
    def town(p: Place | None) -> bool:
        return p is not None and (p.feature or "").startswith("PPL")

    return (first.national and town(place)) or (draft.national and town(first_place))


def _people(actors: list) -> set[str]:
    return {a.entity_id or a.name for a in actors if a.entity_id or (a.name and a.role)}


def _phrase_words(actors: list) -> set[str]:
    """Words of the phrases naming the parties, and of their known roles: 'the foreign ministers
    of Kazakhstan and Uzbekistan' and the two people holding those offices share words."""
    return {w for a in actors for w in re.findall(r"\w{3,}", fold(f"{a.text or ''} {a.role or ''}"))}


def _different_speakers(first: list, second: list) -> bool:
    """Two phrases of several words each naming parties with no word in common ('la présidente
    du Rassemblement national' and 'le ministre de l'Intérieur'); a pronoun or a one-word
    back-reference ('il', 'le ministre' resolved earlier) could be either, so it does not count."""
    def described(actors: list) -> bool:
        return bool(actors) and all(len((a.text or "").split()) >= 2 for a in actors)

    names = ({fold(a.name) for a in first if a.name}, {fold(a.name) for a in second if a.name})
    if all(names) and len(names[0]) == len(first) and len(names[1]) == len(second):
        return not names[0] & names[1]  # 'Laurent Berger' and 'Laurent Wauquiez' share a word, not a name
    return described(first) and described(second) and not _phrase_words(first) & _phrase_words(second)


def _same_happening(slot: dict, draft: Draft, date: str | None, basis: str | None,
                    place: Place | None = None, attached: bool = True) -> bool:
    """Two mentions are one happening when type, parties, aux mode and requested act agree,
    and mode, date and place agree wherever both are stated."""
    first: Draft = slot["draft"]
    if not _same_place(slot.get("place"), place):
        return False
    if draft.event in GROUND_EVENTS and (first.national != draft.national or _town_and_nation(
            first, slot.get("place"), draft, place)):
        return False  # "84 000 à travers le pays" and "7000 à Paris": the whole and one of its parts
    count = slot.get("count") or first.count  # the first figure any mention of it gave
    if count is not None and draft.count is not None and (count[1] < draft.count[0] or draft.count[1] < count[0]):
        return False
    if _people(first.actors) and _people(draft.actors) and not _people(first.actors) & _people(draft.actors):
        return False  # two named people of one country condemning on one day: two events
    if draft.event in STATEMENTS and _different_speakers(first.actors, draft.actors):
        return False  # "Marine Le Pen a dénoncé ..." and "le ministre de l'Intérieur a condamné ..."
    if (first.event, countries(first.actors), first.aux, first.content_key) != (
            draft.event, countries(draft.actors), draft.aux, draft.content_key):
        return False
    recipients = countries(first.recipients), countries(draft.recipients)
    # On the ground a mention that does not say whom it struck or arrested is the same happening.
    if recipients[0] != recipients[1] and not (draft.event in GROUND_EVENTS and not all(recipients)):
        return False
    if first.mode and draft.mode and first.mode != draft.mode:
        return False
    # Only dates attached to both clauses keep two mentions apart; a date merely in the sentence
    # ("samedi ... lors d'une manifestation") is too loose to split a happening.
    both_explicit = slot["basis"] == "explicit" and basis == "explicit" and slot.get("attached", True) and attached
    return not both_explicit or slot["date"] == date


def _infer_missing_recipients(drafts: list[Draft]) -> None:
    """A demand with no named addressee goes to whom the same actor makes the same kind of
    demand elsewhere in the story, when that is one party."""
    for draft in drafts:
        if draft.event != "REQUEST" or draft.recipients:
            continue
        others = {countries(d.recipients) for d in drafts
                  if d is not draft and d.event == "REQUEST" and d.mode == draft.mode
                  and countries(d.actors) == countries(draft.actors) and d.recipients}
        if len(others) == 1:
            source = next(d for d in drafts if d.recipients and countries(d.recipients) in others
                          and d.mode == draft.mode)
            draft.recipients = list(source.recipients)
            draft.confidence -= 0.15
            draft.reasons.append(
                "recipient inferred: the same actor's other "
                f"{draft.mode} demands in this story are addressed to "
                f"{', '.join(sorted(countries(source.recipients)))}")


def assemble(drafts: list[Draft], res: Resolution, ctx: DocContext) -> list[Event]:
    _infer_missing_recipients(drafts)
    slots: list[dict] = []
    text = res.doc.text
    story = story_date(ctx, text)
    facts = plover_facts()
    stated = {id(draft): _location(draft, res) for draft in drafts}  # the place each sentence gives
    scenes = _scenes(drafts, res, stated)
    for draft in sorted(drafts, key=lambda d: (d.weak, d.joins)):  # vague mentions join events found first
        location = place = scenes.get(id(draft)) or stated[id(draft)]
        if draft.event == "CONSULT":
            draft.mode = _consult_mode(draft, location, res.lang)
            if draft.mode == "visit" and not draft.recipients:
                _visit_roles(draft, location)
        if draft.aux != "historical":
            location = location or ctx.dateline_place
        explicit, attached = _explicit_date(draft, ctx)
        date, basis = (explicit.value(), "explicit") if explicit and explicit.value() else (
            (None, None) if draft.aux == "historical" else
            (story, "inferred") if story and draft.aux is None else (ctx.published, ctx.date_basis))
        slot = next((s for s in slots if _same_happening(s, draft, date, basis, place, attached)), None)
        if slot is None and draft.joins:
            slot = next((s for s in slots if s["draft"].event == draft.event
                         and countries(s["draft"].actors) == countries(draft.actors)
                         and not (draft.event in STATEMENTS and _different_speakers(s["draft"].actors, draft.actors))
                         and (not draft.recipients
                              or countries(s["draft"].recipients) == countries(draft.recipients))), None)
        if slot is None and draft.weak:
            slot = next((s for s in slots if s["draft"].event == draft.event
                         and countries(s["draft"].actors) == countries(draft.actors)
                         and _same_place(s.get("place"), place)
                         and not _town_and_nation(s["draft"], s.get("place"), draft, place)
                         and (not draft.mode or not s["draft"].mode or draft.mode == s["draft"].mode)), None)
            if slot is None and not (draft.event == "ASSAULT" and place is not None):
                continue  # a passing mention; but an assault told where it struck stands alone
        if slot is None:
            slots.append({"draft": draft, "spans": list(draft.spans), "date": date,
                          "basis": basis, "location": location, "place": place, "mentions": 1,
                          "attached": attached, "count": draft.count})
            continue
        slot["place"] = slot["place"] or place
        slot["count"] = slot.get("count") or draft.count
        _absorb(slot, draft, date, basis, location, ctx, text)
    events = [_event(slot, res, ctx, facts) for slot in slots]
    seen: dict[str, int] = {}
    for event in events:  # two events with the same type, parties and spans stay two records
        seen[event.id] = seen.get(event.id, 0) + 1
        if seen[event.id] > 1:
            event.id = f"{event.id}-{seen[event.id]}"
    return events


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping evidence spans become one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _absorb(slot: dict, draft: Draft, date: str | None, basis: str | None,
            location: Place | None, ctx: DocContext, text: str) -> None:
    """Fold one more mention into an event, keeping the most specific facts."""
    slot["mentions"] += 1
    slot["spans"] = _union(slot["spans"] + draft.spans)
    start, end = draft.spans[0]
    slot["draft"].reasons.append(f"merged with another mention: '{text[start:end][:60]}'")
    slot["draft"].mode = slot["draft"].mode or draft.mode
    if basis == "explicit" and slot["basis"] != "explicit":
        slot["date"], slot["basis"] = date, basis
    if location is not None and (slot["location"] is None or slot["location"] is ctx.dateline_place):
        slot["location"] = location


def _event(slot: dict, res: Resolution, ctx: DocContext, facts: dict) -> Event:
    draft: Draft = slot["draft"]
    text = res.doc.text
    spans = sorted(slot["spans"])
    evidence = [Evidence(start=s, end=e, text=text[s:e]) for s, e in spans]
    cameo = facts["cameo"].get(f"{draft.event}:{draft.mode}") or facts["cameo"][draft.event]
    actors = sorted(a.country or a.name or "" for a in draft.actors)
    key = f"{ctx.doc_id}|{draft.event}|{draft.mode}|{draft.aux}|{spans}|{actors}"
    ident = hashlib.sha256(key.encode()).hexdigest()[:12]
    confidence = min(0.99, draft.confidence + 0.03 * (slot["mentions"] - 1))
    reasons = list(dict.fromkeys(draft.reasons))
    if slot["basis"] == "explicit":
        reasons.append("date: stated in the sentence")
    elif slot["date"]:
        reasons.append(f"date: the story's {slot['basis']} date")
    return Event(
        id=f"ev-{ident}", event=draft.event, mode=draft.mode,
        context=_contexts(" ".join(e.text for e in evidence), res.lang), aux=draft.aux,
        actor=[to_actor(a) for a in unique(draft.actors)],
        recipient=[to_actor(a) for a in unique(draft.recipients)],
        date=slot["date"], date_basis=slot["basis"], location=slot["location"], cameo=cameo,
        quad=facts["quad"][draft.event],
        attributed_to=to_actor(draft.attributed_to) if draft.attributed_to else None,
        evidence=evidence, confidence=round(max(0.05, confidence), 2), reasons=reasons,
    )
