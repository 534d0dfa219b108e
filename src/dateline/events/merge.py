"""From coded drafts to the events of the record: one event per happening, with its date,
place, mode, contexts, CAMEO code, evidence and reasons."""

from __future__ import annotations

import hashlib
import re

from dateline.events.context import DocumentFacts
from dateline.events.dates import explicit_date, story_date
from dateline.events.draft import Draft, countries, unique
from dateline.events.lexicon import EventLexicon, event_lexicon
from dateline.events.location import consult_mode, same_place, scenes, stated_place, visit_roles
from dateline.events.syntax import doc_text
from dateline.plover import Ontology
from dateline.record import Event, Evidence, Place, to_actor
from dateline.resolve.entities import Resolution
from dateline.textutil import fold


def _contexts(text: str, lex: EventLexicon) -> list[str]:
    folded = fold(text)
    return [name for name, cues in lex.contexts.items() if any(cue in folded for cue in cues)]


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


def both_dates_agree(slot: dict, date: str | None, basis: str | None, attached: bool) -> bool:
    both_explicit = slot["basis"] == "explicit" and basis == "explicit" and slot.get("attached", True) and attached
    return not both_explicit or slot["date"] == date


def _one_meeting(first: Draft, draft: Draft) -> bool:
    """A visit (visitor and host) and a mention of the same meeting naming all its sides as
    actors ('X met Y in Lima. The meeting between X and Y ...') are one meeting."""
    if first.event != "CONSULT" or draft.event != "CONSULT" or first.aux != draft.aux:
        return False
    if bool(first.recipients) == bool(draft.recipients):
        return False
    return countries([*first.actors, *first.recipients]) == countries([*draft.actors, *draft.recipients])


class Merger:
    """Folds the drafts of one document into events, one per happening."""

    def __init__(self, res: Resolution, facts: DocumentFacts) -> None:
        self.res = res
        self.facts = facts
        self.lex = event_lexicon(res.language)
        self.plover: Ontology = self.lex.plover
        self.slots: list[dict] = []

    def same_happening(self, slot: dict, draft: Draft, date: str | None, basis: str | None,
                       place: Place | None = None, attached: bool = True) -> bool:
        """Two mentions are one happening when type, parties, aux mode and requested act agree,
        and mode, date and place agree wherever both are stated."""
        ground, statements = self.plover.ground, self.plover.statements
        first: Draft = slot["draft"]
        if not same_place(slot.get("place"), place):
            return False
        if draft.event in ground and (first.national != draft.national or _town_and_nation(
                first, slot.get("place"), draft, place)):
            return False  # "84 000 à travers le pays" and "7000 à Paris": the whole and one of its parts
        if first.two_sided != draft.two_sided:
            return False  # "riot police clashed with protesters" and "police used tear gas": two acts
        count = slot.get("count") or first.count  # the first figure any mention of it gave
        if count is not None and draft.count is not None and (count[1] < draft.count[0] or draft.count[1] < count[0]):
            return False
        if _people(first.actors) and _people(draft.actors) and not _people(first.actors) & _people(draft.actors):
            return False  # two named people of one country condemning on one day: two events
        if draft.event in statements and _different_speakers(first.actors, draft.actors):
            return False  # "Marine Le Pen a dénoncé ..." and "le ministre de l'Intérieur a condamné ..."
        if _one_meeting(first, draft):
            return both_dates_agree(slot, date, basis, attached)
        if (first.event, countries(first.actors), first.aux, first.content_key) != (
                draft.event, countries(draft.actors), draft.aux, draft.content_key):
            return False
        recipients = countries(first.recipients), countries(draft.recipients)
        # On the ground a mention that does not say whom it struck or arrested is the same happening.
        if recipients[0] != recipients[1] and not (draft.event in ground and not all(recipients)):
            return False
        if first.mode and draft.mode and first.mode != draft.mode:
            return False
        # Only dates attached to both clauses keep two mentions apart; a date merely in the sentence
        # ("samedi ... lors d'une manifestation") is too loose to split a happening.
        return both_dates_agree(slot, date, basis, attached)

    def _joinable(self, draft: Draft, place: Place | None) -> dict | None:
        """A vague or passing mention joins an event of the same type and parties found first."""
        statements = self.plover.statements
        if draft.joins:
            slot = next((s for s in self.slots if s["draft"].event == draft.event
                         and countries(s["draft"].actors) == countries(draft.actors)
                         and not (draft.event in statements and _different_speakers(s["draft"].actors, draft.actors))
                         and (not draft.recipients
                              or countries(s["draft"].recipients) == countries(draft.recipients))), None)
            if slot is not None:
                return slot
        if draft.weak:
            return next((s for s in self.slots if s["draft"].event == draft.event
                         and countries(s["draft"].actors) == countries(draft.actors)
                         and same_place(s.get("place"), place)
                         and not _town_and_nation(s["draft"], s.get("place"), draft, place)
                         and (not draft.mode or not s["draft"].mode or draft.mode == s["draft"].mode)), None)
        return None

    def merge(self, drafts: list[Draft]) -> list[Event]:
        _infer_missing_recipients(drafts)
        text = doc_text(self.res.doc)
        story = story_date(self.facts, text)
        stated = {id(draft): stated_place(draft, self.res) for draft in drafts}  # the place each sentence gives
        scene = scenes(drafts, self.res, stated, self.plover.ground)
        for draft in sorted(drafts, key=lambda d: (d.weak, d.joins)):  # vague mentions join events found first
            location = place = scene.get(id(draft)) or stated[id(draft)]
            if draft.event == "CONSULT":
                draft.mode = consult_mode(draft, location, self.lex.cues.phone_cues)
                if draft.mode == "visit" and not draft.recipients:
                    visit_roles(draft, location)
            if draft.aux != "historical":
                location = location or self.facts.dateline_place
            explicit, attached = explicit_date(draft, self.facts)
            date, basis = (explicit.value(), "explicit") if explicit and explicit.value() else (
                (None, None) if draft.aux == "historical" else
                (story, "inferred") if story and draft.aux is None else (self.facts.published, self.facts.date_basis))
            slot = next((s for s in self.slots if self.same_happening(s, draft, date, basis, place, attached)), None)
            if slot is None:
                slot = self._joinable(draft, place)
                if slot is None and draft.weak and not (draft.event == "ASSAULT" and place is not None):
                    continue  # a passing mention; but an assault told where it struck stands alone
            if slot is None:
                self.slots.append({"draft": draft, "spans": list(draft.spans), "date": date,
                                   "basis": basis, "location": location, "place": place, "mentions": 1,
                                   "attached": attached, "count": draft.count})
                continue
            slot["place"] = slot["place"] or place
            slot["count"] = slot.get("count") or draft.count
            self._absorb(slot, draft, date, basis, location, text)
        events = [self._event(slot) for slot in self.slots]
        seen: dict[str, int] = {}
        for event in events:  # two events with the same type, parties and spans stay two records
            seen[event.id] = seen.get(event.id, 0) + 1
            if seen[event.id] > 1:
                event.id = f"{event.id}-{seen[event.id]}"
        return events

    def _absorb(self, slot: dict, draft: Draft, date: str | None, basis: str | None,
                location: Place | None, text: str) -> None:
        """Fold one more mention into an event, keeping the most specific facts."""
        slot["mentions"] += 1
        slot["spans"] = _union(slot["spans"] + draft.spans)
        start, end = draft.spans[0]
        slot["draft"].reasons.append(f"merged with another mention: '{text[start:end][:60]}'")
        slot["draft"].mode = slot["draft"].mode or draft.mode
        if basis == "explicit" and slot["basis"] != "explicit":
            slot["date"], slot["basis"] = date, basis
        if location is not None and (slot["location"] is None or slot["location"] is self.facts.dateline_place):
            slot["location"] = location

    def _event(self, slot: dict) -> Event:
        draft: Draft = slot["draft"]
        text = doc_text(self.res.doc)
        spans = sorted(slot["spans"])
        evidence = [Evidence(start=s, end=e, text=text[s:e]) for s, e in spans]
        actors = sorted(a.country or a.name or "" for a in draft.actors)
        key = f"{self.facts.doc_id}|{draft.event}|{draft.mode}|{draft.aux}|{spans}|{actors}"
        ident = hashlib.sha256(key.encode()).hexdigest()[:12]
        confidence = min(0.99, draft.confidence + 0.03 * (slot["mentions"] - 1))
        reasons = list(dict.fromkeys(draft.reasons))
        if slot["basis"] == "explicit":
            reasons.append("date: stated in the sentence")
        elif slot["date"]:
            reasons.append(f"date: the story's {slot['basis']} date")
        return Event(
            id=f"ev-{ident}", event=draft.event, mode=draft.mode,
            context=_contexts(" ".join(e.text for e in evidence), self.lex), aux=draft.aux,
            actor=[to_actor(a) for a in unique(draft.actors)],
            recipient=[to_actor(a) for a in unique(draft.recipients)],
            date=slot["date"], date_basis=slot["basis"], location=slot["location"],
            cameo=self.plover.cameo_code(draft.event, draft.mode),
            quad=self.plover.quad[draft.event],
            attributed_to=to_actor(draft.attributed_to) if draft.attributed_to else None,
            evidence=evidence, confidence=round(max(0.05, confidence), 2), reasons=reasons,
        )


def assemble(drafts: list[Draft], res: Resolution, facts: DocumentFacts) -> list[Event]:
    return Merger(res, facts).merge(drafts)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping evidence spans become one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


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
