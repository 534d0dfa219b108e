"""Who a noun phrase names as a party of an event: a resolved entity, a country, a capital
standing for its government, the group last named together, a quoted speaker, a pronoun's
antecedent, a title's earlier holder, a nationality; or, for events on the ground, an unnamed
group of the sector the lexicon gives, placed in the country where the event happens."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from dateline.events.clause import logical_subject, quoted_speaker
from dateline.events.context import CodingContext
from dateline.events.draft import countries, unique
from dateline.events.scene import home_country
from dateline.events.syntax import (
    RELATIVE_CLAUSES,
    conjuncts,
    doc_text,
    head_chain,
    np_text,
    prep_of,
    with_prep,
    word_of,
)
from dateline.kb import load_kb
from dateline.resolve.actors import ActorRef, country_actor, sector_of
from dateline.resolve.entities import ResolvedEntity
from dateline.textutil import fold

NP_DEPS = frozenset({"nmod", "amod", "flat:name", "flat", "appos", "conj", "compound", "nmod:poss",
                     "poss", "case", "det", "nummod", "fixed", "prep", "pobj"})
Found = tuple[list[ActorRef], bool]  # (actors, named by the text)


# --- named parties ----------------------------------------------------------------------
def np_actors(ctx: CodingContext, token: Token, follow_conj: bool = True) -> list[ActorRef]:
    res = ctx.res
    token = counted(ctx, token)
    found = _np_actor(ctx, token)
    if follow_conj:
        # "Barack Obama and Vladimir Putin": the parser may hang the conjunct on a part of the name
        entity = res.token_entity.get(token.i)
        name_parts = [t for t in entity.span if t.i != token.i] if entity is not None else []
        # "Foreign Minister [Jane Doe] and John Roe": the conjunct hangs on the name in apposition
        named = [c for c in token.children if c.dep_ == "appos" and c.i in res.token_entity
                 and res.token_entity[c.i].label == "PERSON"]
        others = [*conjuncts(token), *(o for part in [*name_parts, *named] for o in conjuncts(part)),
                  *_listed(ctx, token)]
        for other in others:
            found.extend(_np_actor(ctx, other))
    return unique(found)


def counted(ctx: CodingContext, token: Token) -> Token:
    """'Hundreds of UN troops', 'des centaines de manifestants': the counted phrase is the party."""
    if fold(token.text) not in ctx.lex.vague_counts and token.pos_ != "NUM":
        return token
    genitive = ctx.grammar.prepositions.genitive
    found = [c for c in token.children if prep_of(c, ctx.grammar) in genitive and c.pos_ in {"NOUN", "PROPN"}]
    return found[0] if found else token


def _listed(ctx: CodingContext, token: Token) -> list[Token]:
    """'The US, Russia, and Switzerland met': a comma list of countries the parser reads as
    appositions."""
    res = ctx.res
    if token.i not in res.token_country:
        return []
    listed = [c for c in token.children if c.dep_ == "appos" and c.i in res.token_country]
    return [t for c in listed for t in (c, *conjuncts(c))]


def _np_actor(ctx: CodingContext, token: Token) -> list[ActorRef]:
    res, grammar = ctx.res, ctx.grammar
    entity = res.token_entity.get(token.i) or _entity_in_name(ctx, token)
    if entity is not None and entity.actor is not None and entity.actor.country:
        return [entity.actor]
    seat = _seat(ctx, token, entity)
    if seat:
        return seat
    if entity is not None and entity.place is not None and entity.label == "GPE":
        capital_of = load_kb().capital_of(entity.place.geonameid)
        if capital_of:  # "Bakou a exigé", "accused Moscow of": the government seated there
            return [ActorRef(text=entity.span.text, name=entity.span.text, country=capital_of, sector="GOV",
                             entity_id=entity.id, reason=f"'{entity.span.text}': capital of {capital_of}, "
                                                         "standing for its government")]
    if token.i in res.token_country:
        return [country_actor(res.token_country[token.i], res.doc)]
    if _is_collective(ctx, token):
        return list(ctx.group)
    if token.pos_ == "PRON" and word_of(token) in grammar.pronouns.first_person:
        return _quoted_speaker(ctx, token)
    if token.pos_ == "PRON" and word_of(token) in grammar.pronouns.body:
        body = _reporting_body(ctx, token)
        if body:
            return body
    if token.pos_ == "PRON":
        return _antecedent_person(ctx, token)
    person = _attached_person(ctx, token)  # "le président Emmanuel Macron", "the minister, Jane Roe"
    if person is not None:
        return [person]
    organisation = _organisation_people(ctx, token)  # "EU leaders", "UN officials"
    if organisation:
        return organisation
    sector = sector_of(token, res.lexicon)
    if sector is None:
        return _speaking_for(ctx, token) or _demonym_group(ctx, token)
    found = [ActorRef(text=np_text(token), name=None, country=country, sector=sector,
                      reason=f"'{token.text}' ({sector}) of {country}")
             for country in countries_below(ctx, token)]
    return found or _earlier_holder(ctx, token) or _leader_referring_back(ctx, token, sector)


def _leader_referring_back(ctx: CodingContext, token: Token, sector: str) -> list[ActorRef]:
    """'the 56-year-old leader', 'le dirigeant' with no country of their own: a singular definite
    title of government refers back to the story's protagonist, not to a place in the clause."""
    articles = ctx.grammar.definite_articles
    if sector != "GOV" or token.pos_ != "NOUN" or token.morph.get("Number") == ["Plur"] \
            or fold(token.lemma_) not in ctx.cues.leader_nouns \
            or not any(c.dep_ == "det" and fold(c.text) in articles for c in token.children):
        return []
    return [a for a in _protagonist(ctx, token) if a.sector in {None, "GOV"}]


def _seat(ctx: CodingContext, token: Token, entity: ResolvedEntity | None) -> list[ActorRef]:
    """'the White House', 'l'Élysée', 'Matignon': a seat of government stands for the body it
    houses (kb/data/seats.json)."""
    if token.pos_ not in {"PROPN", "NOUN"}:
        return []
    articles = ctx.grammar.definite_articles
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in {"punct"}]
    while words and fold(words[0].text).rstrip("'’") in articles:
        words = words[1:]  # "the", "l'"
    names = [doc_text(token.doc)[words[0].idx:token.idx + len(token.text)]] if words else []
    names += [entity.span.text] if entity is not None else []
    kb = load_kb()
    for name in names:
        found = kb.seat(name, ctx.res.language.code)
        if found is not None:
            country, sector = found
            return [ActorRef(text=np_text(token), name=name, country=country, sector=sector,
                             entity_id=entity.id if entity is not None else None,
                             reason=f"'{name}': the seat of {country}'s {sector}")]
    return []


def _organisation_people(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """People named by the organisation that modifies them ('EU leaders', 'NATO diplomats',
    'les responsables de l'ONU') are that organisation (PLOVER: EUR, UNO, IGO), not a country."""
    if token.pos_ != "NOUN" or fold(token.lemma_) not in ctx.cues.people_nouns:
        return []
    genitive = ctx.grammar.prepositions.genitive
    for child in token.children:
        mention = ctx.res.token_country.get(child.i)
        modifier = child.dep_ in {"compound", "amod", "nmod"} and (child.i < token.i or prep_of(child, ctx.grammar)
                                                                   in genitive)
        if mention is not None and mention.kind == "org" and modifier:
            actor = country_actor(mention, ctx.res.doc)
            return [replace(actor, text=np_text(token), reason=f"'{np_text(token)}': people of {actor.name}")]
    return []


def _reporting_body(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """'Le gouvernement espagnol a annoncé qu'il suspendait la taxe': the subject pronoun of what
    a government, a body or a country says is that body (a person saying it is left to the
    antecedent rules)."""
    if not token.dep_.startswith("nsubj"):
        return []
    for head in head_chain(token, 4):
        if fold(head.lemma_) not in ctx.lex.speech:
            continue
        subj = logical_subject(ctx, head)
        if subj is None or subj.i == token.i or subj.pos_ == "PRON":
            return []
        entity = ctx.res.token_entity.get(subj.i)
        if entity is not None and entity.label == "PERSON" or fold(subj.lemma_) in ctx.cues.people_nouns:
            return []
        actors = np_actors(ctx, subj)
        if not actors or any(a.role for a in actors):
            return []
        return [replace(a, text=token.text, reason=f"'{token.text}': {a.name or a.text}, which says it")
                for a in actors]
    return []


def _quoted_speaker(ctx: CodingContext, token: Token) -> list[ActorRef]:
    speaker = quoted_speaker(ctx, token)
    actors = np_actors(ctx, speaker) if speaker is not None else []
    if actors and token.morph.get("Number") == ["Plur"] and len(countries(ctx.group)) > 1 \
            and countries(actors) <= countries(ctx.group):
        return list(ctx.group)  # "we", said by one of the parties just named together, is all of them
    return as_speaker(token, actors)


def as_speaker(pronoun: Token, actors: list[ActorRef]) -> list[ActorRef]:
    """The speaker's actors standing for 'je'/'nous'/'I'/'we' in their quotation, with the reason."""
    return [replace(a, reason=f"'{pronoun.text}' in a quotation: its speaker, {a.reason or a.name}")
            for a in actors]


def _speaking_for(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """'la porte-parole du ministère français', 'a spokesman for the Russian army': a person
    named only by the body they speak for is that body."""
    if token.pos_ != "NOUN" or fold(token.lemma_) not in ctx.cues.people_nouns:
        return []  # "le retrait des troupes" is no one speaking for the troops
    grammar = ctx.grammar
    preps = grammar.prepositions.genitive | grammar.prepositions.benefactive
    bodies = [c for c in token.children if c.dep_ in {"nmod", "prep"} and c.pos_ == "NOUN"
              and prep_of(c, grammar) in preps]
    bodies += [g for c in token.children if c.dep_ == "prep" and fold(c.text) in preps
               for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    for body in bodies:
        if sector_of(body, ctx.res.lexicon) is not None:
            found = _np_actor(ctx, body)
            if found:
                return found
    return []


def _entity_in_name(ctx: CodingContext, token: Token) -> ResolvedEntity | None:
    """A name the NER cut short ('Djeyhoun' of 'Djeyhoun Baïramov'): the person entity in the
    same run of proper nouns."""
    if token.pos_ != "PROPN":
        return None
    doc, i = token.doc, token.i
    start, end = max(0, i - 1), min(len(doc) - 1, i + 1)  # the name's neighbours, whatever their tag
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        end += 1
    for j in range(start, end + 1):
        entity = ctx.res.token_entity.get(j)
        if entity is not None and entity.label == "PERSON":
            return entity
    return None


def _antecedent_person(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """'il', 'elle', 'he', 'she': the last person named before, in this sentence or the
    two before it (a light coreference, for speakers and actors of reported acts)."""
    if word_of(token) not in ctx.grammar.pronouns.singular:
        return []
    window_start = token.sent.start
    for _ in range(2):  # this sentence and the two before it
        if window_start == 0:
            break
        window_start = token.doc[window_start - 1].sent.start
    for entity in reversed(ctx.res.entities):
        actor = entity.actor
        if entity.span.end > token.i or entity.span.start < window_start:
            continue
        if entity.label == "PERSON" and actor is not None and actor.country:
            return [replace(actor, text=token.text, reason=f"'{token.text}' refers back to {entity.span.text}")]
    return _protagonist(ctx, token)


def _protagonist(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """'Il a de plus demandé …' far from any name: the person the story has named most so far,
    when one clearly leads (the only one named, or named at least twice and more than anyone)."""
    named: dict[str, list[ResolvedEntity]] = {}
    for entity in ctx.res.entities:
        actor = entity.actor
        if entity.label == "PERSON" and actor is not None and actor.country and entity.span.end <= token.i:
            named.setdefault(actor.kb_id or actor.name or entity.span.text, []).append(entity)
    ranked = sorted(named.values(), key=len, reverse=True)
    if not ranked or len(ranked) > 1 and (len(ranked[0]) < 2 or len(ranked[1]) >= len(ranked[0])):
        return []
    entity = ranked[0][-1]
    return [replace(entity.actor, text=token.text,
                    reason=f"'{token.text}': the story's protagonist, {entity.span.text}")]


def _earlier_holder(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """'le ministre', 'the president': the last person named before with that title."""
    articles = ctx.grammar.definite_articles
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and fold(c.text) in articles for c in token.children):
        return []
    hits = ctx.res.lexicon.role_in(np_text(token))
    if not hits:
        return []
    role = hits[0][1]
    for entity in reversed(ctx.res.entities):
        actor = entity.actor
        if entity.span.end > token.i or entity.label != "PERSON" or actor is None or not actor.country:
            continue
        if actor.role == role.role or (role.role == "Minister" and (actor.role or "").startswith("Minister")):
            return [replace(actor, reason=f"'{np_text(token)}' refers back to {entity.span.text}")]
    return []


def _demonym_group(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """'three Chinese fishermen': people named by their nationality only."""
    if token.pos_ != "NOUN":
        return []
    # Who acts is a person or a group ("le dirigeant arménien a appelé"); what is acted upon is
    # one only if the noun says so ("des motos italiennes évacuées" are no party).
    acting = token.dep_ in {"nsubj", "agent"} or _is_agent_phrase(ctx, token)
    if not acting and fold(token.lemma_) not in ctx.cues.people_nouns:
        return []
    for child in token.children:
        mention = ctx.res.token_country.get(child.i)
        if child.dep_ == "amod" and mention is not None and mention.kind == "demonym":
            return [ActorRef(text=np_text(token), name=None, country=mention.iso3, sector=None,
                             reason=f"'{np_text(token)}': {mention.iso3} by the demonym '{child.text}'")]
    return []


def _is_agent_phrase(ctx: CodingContext, token: Token) -> bool:
    agents = ctx.grammar.prepositions.agent
    return token.dep_ in {"obl:agent", "pobj"} and any(fold(c.text) in agents for c in token.children) \
        or (token.dep_ == "pobj" and fold(token.head.text) in agents)


def _is_collective(ctx: CodingContext, token: Token) -> bool:
    collectives = ctx.res.lexicon.collectives
    if token.pos_ == "PRON":
        return token.morph.get("Number") == ["Plur"] and fold(token.text) in collectives
    phrase = fold(np_text(token))
    return any(phrase.endswith(c) or fold(token.text) == c for c in collectives)


def _attached_person(ctx: CodingContext, token: Token) -> ActorRef | None:
    for child in token.children:
        if child.dep_ in {"appos", "conj", "flat:name", "flat", "compound"}:
            entity = ctx.res.token_entity.get(child.i)
            if entity is not None and entity.label == "PERSON" and entity.actor is not None \
                    and entity.actor.country:
                return entity.actor
    return None


def countries_below(ctx: CodingContext, token: Token) -> list[str]:
    """Countries named inside a noun phrase, nearest first, with their conjuncts
    ('les ministres des Affaires étrangères d'Arménie et de Russie')."""
    frontier = [c for c in token.children if c.dep_ in NP_DEPS]
    while frontier:
        for child in frontier:
            iso3 = _country_at(ctx, child)
            if iso3:
                more = [_country_at(ctx, c) for c in conjuncts(child)]
                return list(dict.fromkeys([iso3, *[c for c in more if c]]))
        frontier = [g for c in frontier for g in c.children if g.dep_ in NP_DEPS]
    return []


def _country_at(ctx: CodingContext, token: Token) -> str | None:
    mention = ctx.res.token_country.get(token.i)
    if mention is not None:
        return mention.iso3 if mention.kind != "org" else None
    entity = ctx.res.token_entity.get(token.i)  # "the mayor of Nablus": a city names the country
    if entity is not None and entity.label == "GPE" and entity.place is not None:
        return entity.place.country
    return None


def place_country(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """'le territoire de l'Arménie' -> Armenia, for targets named by their land."""
    direct = np_actors(ctx, token)
    if direct:
        return direct
    if fold(token.lemma_) in ctx.cues.place_nouns:
        for country in countries_below(ctx, token)[:1]:
            mention = next((m for m in ctx.res.mentions if m.iso3 == country), None)
            if mention is not None:
                return [country_actor(mention, ctx.res.doc)]
            # "la région de Kiev": a city names the country, which the text never names
            return [ActorRef(text=np_text(token), name=None, country=country, sector=None,
                             reason=f"'{np_text(token)}': land of {country}")]
    return []


def speaker(ctx: CodingContext, verb: Token) -> ActorRef | None:
    """Who reports a clause: the subject of a speech verb governing it, or 'selon X'."""
    for head in (verb, *head_chain(verb, 4)):  # a speech verb speaks for itself
        if fold(head.lemma_) in ctx.lex.speech:
            subj = logical_subject(ctx, head)
            actors = np_actors(ctx, subj) if subj is not None else []
            if actors:
                return actors[0]
    for token in verb.subtree:
        if prep_of(token, ctx.grammar) in ctx.lex.informant_preps:
            actors = np_actors(ctx, token)
            if actors:
                return actors[0]
    return None


def is_group(ctx: CodingContext, token: Token) -> bool:
    """A group noun of a sector, or a resolved name."""
    return sector_of(token, ctx.res.lexicon) is not None or token.i in ctx.res.token_entity


# --- parties on the ground ----------------------------------------------------------------
def party(ctx: CodingContext, token: Token | None, sector: str | None, country: str | None, why: str,
          allowed: frozenset[str]) -> Found | None:
    """Actors of a noun phrase, or an unnamed group of `sector` in `country`; None when
    the phrase names a group whose sector this happening excludes."""
    grammar = ctx.grammar
    if token is not None:
        token = antecedent(ctx, past_determiner(token))
        speaking = quoted_speaker(ctx, token)  # "« Nous condamnons … », a déclaré X"
        if speaking is not None:
            found = party(ctx, speaking, sector, country, why, allowed)
            return None if found is None else (as_speaker(token, found[0]), found[1])
        word = token.head if token.dep_ == "fixed" else token  # "quelqu'" + "un"
        if fold(word.text).rstrip("'’") in grammar.pronouns.indefinite:
            return None  # "on ne peut arrêter quelqu'un qui organise une manifestation": nobody in particular
        # "celles-ci", also written "Celles ci" (then tagged as a noun)
        body = token.pos_ == "PRON" and fold(token.text) in grammar.pronouns.body  # "said it would": the body
        if fold(token.text.split("-")[0]) in grammar.pronouns.demonstrative and not body and (
                token.pos_ == "PRON" or not any(c.dep_ == "det" for c in token.children)):
            return None  # "celles-ci ont paralysé", "ceux qui ont agressé": no party the text names
        named = np_actors(ctx, token) or _author(ctx, token)
        if named and all(sector_ok(a.sector, allowed) for a in named):
            return named, True
        if named:
            return None
        person = _person_without_country(ctx, token, country, why)
        if person is not None:
            return ([person], True) if sector_ok(person.sector, allowed) else None
        found_sector = group_sector(ctx, token)
        if found_sector is not None and not sector_ok(found_sector, allowed):
            return None
        sector = found_sector or sector
    if country is None:
        return None
    text = np_text(token) if token is not None else ""
    quoted = f" {text!r}" if text else ""
    reason = f"unnamed {sector or 'unknown-sector'} party{quoted}: country {country} ({why})"
    return [ActorRef(text=text, name=None, country=country, sector=sector, reason=reason)], False


def _author(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """'a proposal by the Peruvian minister X', 'une proposition présentée par X': a noun that names
    no party itself stands for whoever its agent phrase names (not for a group of the story's
    country that a title in that phrase suggests)."""
    if token.pos_ != "NOUN":
        return []
    for head in with_prep(token, ctx.grammar.prepositions.agent, ctx.grammar):
        if (found := np_actors(ctx, head)) and all(a.name or a.kb_id for a in found):
            return found
    return []


def speaker_party(ctx: CodingContext, token: Token) -> list[ActorRef]:
    """A named person, a title or a pronoun that says or asks something, placed where the
    story happens; nothing for an anonymous noun."""
    if token.pos_ == "PRON" and word_of(token) not in ctx.grammar.pronouns.third_person:
        return []  # "nous", "we": the quoted speaker, not a party of the story's own
    country, where = home_country(ctx)
    found = party(ctx, token, None, country, where, frozenset())
    if found is None:
        return []
    actors, named = found
    return actors if named or any(a.sector for a in actors) else []


def group_sector(ctx: CodingContext, token: Token) -> str | None:
    """The sector of a group or title a phrase names: 'la police', 'le préfet', and 'des
    représentants des gilets jaunes' (people named by the group they speak for)."""
    own = sector_of(token, ctx.res.lexicon)
    if own in {None, "GOV"} and fold(token.lemma_) in ctx.cues.people_nouns:
        # "opposition party leaders", "union officials": people are the group their modifier names
        own = _modifier_sector(ctx, token) or own
    return own or _modifier_sector(ctx, token) or _role_sector(ctx, token) or _body_sector(ctx, token)


def _modifier_sector(ctx: CodingContext, token: Token) -> str | None:
    """'opposition party leaders', 'union officials', 'police officers': a modifier naming a group
    says which group the people belong to."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for child in token.children:
        if child.dep_ in {"compound", "amod"} and child.i < token.i:
            sector = sector_of(child, ctx.res.lexicon) or _modifier_sector(ctx, child)
            if sector is not None:
                return sector
    return None


def _body_sector(ctx: CodingContext, token: Token) -> str | None:
    if token.pos_ != "NOUN" or fold(token.lemma_) not in ctx.cues.people_nouns:
        return None
    genitive = ctx.grammar.prepositions.genitive | ctx.grammar.prepositions.benefactive
    for body in token.children:
        if body.pos_ in {"NOUN", "PROPN"} and prep_of(body, ctx.grammar) in genitive:
            sector = sector_of(body, ctx.res.lexicon)
            if sector is not None:
                return sector
    return None


def statement_party(ctx: CodingContext, token: Token, country: str | None, why: str) -> list[ActorRef]:
    """A party of a statement or a meeting: the actors the phrase names, else a group of a known
    sector ('les syndicats', 'des représentants des gilets jaunes') placed in `country`."""
    named = np_actors(ctx, token)
    if named:
        return named
    found = party(ctx, token, None, country, why, frozenset())
    return found[0] if found and all(a.sector for a in found[0]) else []


def _role_sector(ctx: CodingContext, token: Token) -> str | None:
    """'le préfet', 'la présidente du parti': the sector of a title used as a noun."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    hits = ctx.res.lexicon.role_in(np_text(token))
    return hits[0][1].sector if hits else None


def _person_without_country(ctx: CodingContext, token: Token, country: str | None, why: str) -> ActorRef | None:
    """A named person or organisation, or a personal pronoun, whose country the resolver
    did not learn: placed where the event happens."""
    if country is None:
        return None
    res = ctx.res
    entity = res.token_entity.get(token.i)
    if entity is None:  # "la présidente du parti, Marine Le Pen, ..."
        entity = next((res.token_entity[c.i] for c in token.children
                       if c.dep_ in {"appos", "flat:name", "flat", "nmod"} and c.i in res.token_entity
                       and res.token_entity[c.i].label == "PERSON"), None) or _set_off_person(ctx, token)
    if entity is not None and entity.label in {"PERSON", "ORG"}:
        known = entity.actor
        sector = known.sector if known and known.sector else sector_of(token, res.lexicon)  # "les CRS"
        return ActorRef(text=entity.span.text, name=known.name if known else entity.span.text, country=country,
                        sector=sector, role=known.role if known else None, entity_id=entity.id,
                        reason=f"{entity.span.text}: country {country} assumed ({why})")
    if token.pos_ == "PRON" and word_of(token) in ctx.grammar.pronouns.personal:
        return ActorRef(text=token.text, name=None, country=country, sector=None,
                        reason=f"speaker '{token.text}': country {country} assumed ({why})")
    return None


def _set_off_person(ctx: CodingContext, token: Token) -> ResolvedEntity | None:
    """A name set off by a comma inside or right after the phrase ('la dirigeante du parti,
    Lucia Prueba, a ...'), also where the parser hung the name on another word of it."""
    doc = token.doc
    candidates = [t.i for t in token.subtree if t.i > token.i] + [token.right_edge.i + 2]
    for i in candidates:
        entity = ctx.res.token_entity.get(i)
        if entity is not None and entity.label == "PERSON" and entity.span.start == i \
                and i < token.sent.end and doc[i - 1].text == ",":
            return entity
    return None


def is_time(ctx: CodingContext, token: Token) -> bool:
    """A date or a figure the parser took for a party ('a reçu mardi des représentants',
    'the bombing on April 5')."""
    return token.ent_type_ in {"DATE", "TIME"} or fold(token.lemma_) in ctx.cues.weekdays or token.like_num


def sector_ok(sector: str | None, allowed: frozenset[str]) -> bool:
    return not allowed or sector is None or sector in allowed


def past_determiner(token: Token) -> Token:
    """'Un manifestant' parsed with 'Un' as the subject: the noun after the determiner."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.pos_ == "DET" and following is not None and following.pos_ in {"NOUN", "ADJ", "PROPN"}:
        return following
    return token


def antecedent(ctx: CodingContext, token: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs on."""
    if fold(token.text) in ctx.grammar.pronouns.relative and token.head.dep_ in RELATIVE_CLAUSES:
        return token.head.head
    return token


def is_party(ctx: CodingContext, token: Token | None, allowed: frozenset[str]) -> bool:
    """A person or a group (not a lorry or a motorbike) that the event can be done to."""
    if token is None:
        return False
    token = counted(ctx, antecedent(ctx, past_determiner(token)))  # "des centaines de gilets jaunes"
    named = np_actors(ctx, token)
    entity = ctx.res.token_entity.get(token.i)
    if named:
        return all(sector_ok(a.sector, allowed) for a in named)
    if entity is not None and entity.label == "PERSON":
        return True
    sector = sector_of(token, ctx.res.lexicon)
    return sector is not None and sector_ok(sector, allowed) or (
        token.pos_ == "PRON" and word_of(token) not in ctx.grammar.pronouns.inanimate)


def is_group_like(ctx: CodingContext, token: Token) -> bool:
    return bool(np_actors(ctx, token)) or sector_of(token, ctx.res.lexicon) is not None


def in_sentence(entity: ResolvedEntity, sentence: Span) -> bool:
    return sentence.start <= entity.span.start < sentence.end
