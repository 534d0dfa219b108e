"""Named entities of a parsed document, resolved to actors and places."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from dateline.kb.people import PersonMatch, load_people
from dateline.lang import Language, as_language
from dateline.nlp import doc_text
from dateline.resolve.actors import (
    ActorLexicon,
    ActorRef,
    CountryMention,
    country_actor,
    learn_person_role,
    lexicon,
    link_surnames,
    org_actor,
)
from dateline.resolve.places import GazEntry, Region, Story, load_gazetteer
from dateline.textutil import fold


@dataclass
class ResolvedEntity:
    id: str
    span: Span
    label: str
    actor: ActorRef | None = None
    place: GazEntry | None = None


@dataclass
class Resolution:
    doc: Doc
    language: Language
    lexicon: ActorLexicon
    mentions: list[CountryMention]
    entities: list[ResolvedEntity] = field(default_factory=list)
    token_entity: dict[int, ResolvedEntity] = field(default_factory=dict)
    token_country: dict[int, CountryMention] = field(default_factory=dict)
    dateline_countries: frozenset[str] = frozenset()

    @property
    def lang(self) -> str:
        return self.language.code

    def countries(self) -> frozenset[str]:
        return frozenset(m.iso3 for m in self.mentions if m.kind != "org")

    def main_country(self) -> str | None:
        """The story's own country: the dateline's, else the one its places and names cite most."""
        if len(self.dateline_countries) == 1:
            return next(iter(self.dateline_countries))
        return self.most_cited_country()

    def most_cited_country(self) -> str | None:
        """The country the story's places and names cite most (its topic, wherever it was filed)."""
        counts: dict[str, int] = {}
        for mention in self.mentions:
            if mention.kind != "org":
                counts[mention.iso3] = counts.get(mention.iso3, 0) + 1
        for entity in self.entities:
            if entity.place is not None and entity.place.country:
                counts[entity.place.country] = counts.get(entity.place.country, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None


def _keep(ent: Span, labels: dict[str, str]) -> bool:
    if ent.label_ not in labels:
        return False  # DATE, CARDINAL ...: not a party or a place
    # The French model tags titles ("ministre des Affaires étrangères de la") as ORG.
    return not (ent.label_ in {"ORG", "MISC"} and ent.text[:1].islower())


def _from_knowledge(ent: Span, actor: ActorRef, on: dt.date | None, lex: ActorLexicon) -> ActorRef:
    """A person the text gives no country for, found among the office holders of the
    knowledge base on the story's date ('Emmanuel Macron' -> FRA, President)."""
    if actor.country:
        return actor
    found = load_people().match(lex.bare_name(ent.text))
    if found is None:
        return actor
    position = found.person.position_on(on)
    if position is None:
        return _national(ent, actor, found, on)
    when = f" on {on.isoformat()}" if on else ""
    return ActorRef(text=ent.text, name=found.person.name, country=position.country, sector=position.sector,
                    role=position.role, kb_id=f"person:{found.person.id}",
                    reason=f"knowledge base ({found.how} match {found.score:.2f}): {position.role} of "
                           f"{position.country}{when} [{position.source}]")


def _national(ent: Span, actor: ActorRef, found: PersonMatch, on: dt.date | None) -> ActorRef:
    """A person of the knowledge base who held no listed office that day is still of their
    country ('Luigi Di Maio' in 2019, before he was foreign minister): the country without a
    role. Only a full name links so (a bare surname is too weak without an office to confirm it)."""
    if found.how == "surname" or len(found.person.country) != 3:
        return actor
    when = f" on {on.isoformat()}" if on else ""
    return ActorRef(text=ent.text, name=found.person.name, country=found.person.country, sector=None,
                    kb_id=f"person:{found.person.id}",
                    reason=f"knowledge base ({found.how} match {found.score:.2f}): a national of "
                           f"{found.person.country}, no office listed{when}")


def resolve_entities(doc: Doc, language: Language | str, dateline_countries: frozenset[str],
                     on: dt.date | None = None, dateline_place: GazEntry | None = None) -> Resolution:
    language = as_language(language)
    labels = language.nlp.entity_labels
    lex = lexicon(language)
    mentions = lex.country_mentions(doc)
    res = Resolution(doc=doc, language=language, lexicon=lex, mentions=mentions,
                     dateline_countries=dateline_countries)
    for mention in mentions:
        for i in range(mention.start, mention.end):
            res.token_country[i] = mention
    prefer = res.countries() | dateline_countries
    ents = _with_titled_people([ent for ent in doc.ents if _keep(ent, labels)], res)
    gazetteer = load_gazetteer()
    places = [e for e in ents if labels.get(e.label_) in {"GPE", "LOC"}]
    regions = gazetteer.regions_in(doc_text(doc)) | gazetteer.regions_of(e.text for e in places)
    # The towns the story names (and its dateline's) place its facilities and counties.
    story = gazetteer.story(doc_text(doc), ((e.start_char, e.text) for e in places), prefer, regions, dateline_place)
    people = {i: learn_person_role(e, mentions, lex) for i, e in enumerate(ents)
              if labels.get(e.label_) == "PERSON"}
    people = {i: _from_knowledge(ents[i], actor, on, lex) for i, actor in people.items()}
    people = link_surnames(people, {i: ents[i] for i in people})
    for index, ent in enumerate(ents):
        entity = _resolve_one(f"e{index + 1}", ent, labels, people.get(index), mentions, lex, prefer, regions, story)
        res.entities.append(entity)
        for i in range(ent.start, ent.end):
            res.token_entity[i] = entity
    _number_people(res)
    return res


def _propn_runs(doc: Doc) -> list[Span]:
    runs, start = [], None
    for token in [*doc, None]:
        name_like = token is not None and token.pos_ == "PROPN" and token.text[:1].isupper()
        if name_like and start is None:
            start = token.i
        elif not name_like and start is not None:
            runs.append(doc[start:token.i if token is not None else len(doc)])
            start = None
    return runs


def _with_titled_people(ents: list[Span], res: Resolution) -> list[Span]:
    """A name right after a title is a person, whatever the NER model said
    ("le Premier ministre géorgien Irakli Kobakhidze")."""
    doc = res.doc
    labels = res.language.nlp.entity_labels
    person = next(label for label, kind in labels.items() if kind == "PERSON")  # the model's own label
    added: list[Span] = []
    for run in _propn_runs(doc):
        if any(i in res.token_country for i in range(run.start, run.end)):
            continue
        if any(e.start <= run.start and run.end <= e.end and labels.get(e.label_) == "PERSON"
               for e in ents):
            continue
        before = doc[max(run.sent.start, run.start - 8):run.start]
        hits = res.lexicon.role_in(before.text)
        folded_len = len(before.text)
        if any(folded_len - m.end() <= 12 for m, _ in hits):
            added.append(Span(doc, run.start, run.end, label=person))
    people = [*added, *(e for e in ents if labels.get(e.label_) == "PERSON")]
    surnames = {e[-1].text for e in people if len(e) > 1}
    # a surname the tagger took for a common noun at the head of a sentence ("Guterres also said")
    mistagged = [doc[t.i:t.i + 1] for t in doc if t.text in surnames and t.pos_ != "PROPN" and t.text[:1].isupper()]
    for run in [*_propn_runs(doc), *mistagged]:
        if run[-1].text in surnames and not any(e.start < run.end and run.start < e.end
                                                    for e in people):
            added.append(Span(doc, run.start, run.end, label=person))  # later mention by surname
    if not added:
        return ents
    kept = [e for e in ents if not any(e.start < a.end and a.start < e.end for a in added)]
    return sorted(kept + added, key=lambda e: e.start)


def _resolve_one(
    entity_id: str, ent: Span, labels: dict[str, str], person: ActorRef | None, mentions: list[CountryMention],
    lex: ActorLexicon, prefer: frozenset[str], regions: frozenset[Region] = frozenset(),
    story: Story | None = None,
) -> ResolvedEntity:
    label = labels.get(ent.label_, "MISC")
    if label == "PERSON":
        return ResolvedEntity(entity_id, ent, label, actor=person)
    if label == "ORG":
        actor = org_actor(ent, mentions, lex)
        capitals = [e for e in load_gazetteer().candidates(ent.text) if e.capital and fold(e.name) == fold(ent.text)]
        if capitals and not (actor is not None and actor.country):
            label = "GPE"  # a capital the tagger took for an organisation ("Bishkek and Dushanbe")
        else:
            return ResolvedEntity(entity_id, ent, label, actor=actor)
    whole = [m for m in mentions if m.start == ent.start and m.end == ent.end
             or (m.end == ent.end and m.start == ent.start + 1 and ent[0].pos_ == "DET")]
    if label == "NORP" and not (whole and whole[0].kind == "name"):
        return ResolvedEntity(entity_id, ent, label)
    place = lookup_place(ent.text, doc_text(ent.doc), lex, prefer, regions, story, ent.start_char) or _with_article(
        ent, lex, prefer, regions)
    if whole and whole[0].kind == "org":
        return ResolvedEntity(entity_id, ent, "ORG", actor=country_actor(whole[0], ent.doc))
    if whole:
        return ResolvedEntity(entity_id, ent, "GPE", actor=country_actor(whole[0], ent.doc),
                              place=place)
    if place is None:
        return ResolvedEntity(entity_id, ent, label)
    gpe = place.feature.startswith(("PPL", "PCL", "ADM"))
    return ResolvedEntity(entity_id, ent, "GPE" if gpe else "LOC", place=place)


def lookup_place(name: str, text: str, lex: ActorLexicon, prefer: frozenset[str], regions: frozenset[Region],
                 story: Story | None = None, at: int | None = None) -> GazEntry | None:
    """A place name as the story means it: 'Georgia' without a cue of the country is the best
    namesake below country level (the US state); any other name, the gazetteer's best."""
    if lex.other_place(name, text):
        return load_gazetteer().lookup_below_country(name, prefer, regions)
    return load_gazetteer().lookup(name, prefer, regions, story, at)


def _with_article(ent: Span, lex: ActorLexicon, prefer: frozenset[str],
                  regions: frozenset[Region]) -> GazEntry | None:
    """'au Boulou', 'au Havre': a contracted article before the name belongs to it ('Le Boulou')."""
    inside = lex.contracted_articles.get(fold(ent[0].text)) if len(ent) > 1 else None
    if inside:  # the entity took the contraction in: "au Havre"
        return load_gazetteer().lookup(f"{inside} {ent[1:].text}", prefer, regions)
    before = lex.contracted_articles.get(fold(ent.doc[ent.start - 1].text)) if ent.start else None
    return load_gazetteer().lookup(f"{before} {ent.text}", prefer, regions) if before else None


def _number_people(res: Resolution) -> None:
    """Give each person one entity id shared by all its mentions."""
    first: dict[tuple[str | None, str | None], str] = {}
    for entity in res.entities:
        actor = entity.actor
        if entity.label != "PERSON" or actor is None:
            continue
        key = (actor.name if actor.country is None else actor.country, actor.role)
        if actor.country is not None:
            key = (f"{actor.country}:{entity.span[-1].text.casefold()}", actor.role)
        first.setdefault(key, entity.id)
        entity.actor = ActorRef(**{**actor.__dict__, "entity_id": first[key]})
