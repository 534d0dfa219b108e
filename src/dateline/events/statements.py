"""Events between named parties that a verb states ('a rencontré', 'accused', 'a exigé le retrait
de ...'): the `predicates`, `requests` with their `contents`, and `accusations` of
`lang/<code>/events.toml`, with arguments from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.events.clause import logical_object, logical_subject, partitive_arguments, requested
from dateline.events.context import CodingContext
from dateline.events.draft import Draft, countries, unique
from dateline.events.modes import aux_mode
from dateline.events.parties import (
    is_group,
    is_time,
    np_actors,
    party,
    place_country,
    speaker,
    speaker_party,
    statement_party,
)
from dateline.events.scene import event_country, topic_country
from dateline.events.syntax import (
    DATIVES,
    RELATIVE_CLAUSES,
    agent,
    conjuncts,
    has_slots,
    head_chain,
    is_passive,
    is_verb,
    near_word,
    objects,
    subject,
    with_prep,
    word_in,
)
from dateline.lang.schema import Content, Predicate
from dateline.resolve.actors import ActorRef
from dateline.textutil import fold

Requester = tuple[list[ActorRef], str]  # (actors, why)


# --- predicates ---------------------------------------------------------------------------
def predicate_events(ctx: CodingContext, verb: Token, sentence: Span) -> list[Draft]:
    drafts = []
    # a pronominal verb's reflexive counts as its object word ("s'est rendu en Inde"), and so
    # does a prepositional argument ("sont parvenus à un accord")
    held = objects(verb) + [c for c in verb.children if c.dep_ == "obl:arg" or (
        c.dep_.startswith("expl") and fold(c.text) in ctx.grammar.reflexives)]
    for predicate in ctx.lex.predicates[fold(verb.lemma_)]:
        if predicate.objects and not any(word_in(o, predicate.objects) for o in held):
            continue
        if predicate.preps and not has_slots([verb, *objects(verb)], predicate.preps, ctx.grammar):
            continue
        if near_word(verb, predicate.exclude_objects):
            continue
        draft = _predicate_event(ctx, verb, predicate, sentence)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _predicate_event(ctx: CodingContext, verb: Token, predicate: Predicate, sentence: Span) -> Draft | None:
    if requested(ctx, verb):
        return None
    subj = logical_subject(ctx, verb)
    if subj is None and predicate.reciprocal:
        subj = subject(verb, ctx.grammar)  # "ils sont convenus": être + participle, parsed as a passive
    core = [verb]
    country, where = event_country(ctx, verb, sentence)
    # Groups are placed where the story happens except for material conflict: who shelled or
    # invaded is not to be guessed from the dateline.
    placing = ctx.lex.plover.quad[predicate.event] != 4
    if not placing:
        country = None
    if predicate.reciprocal:
        own = statement_party(ctx, subj, country, where) if subj is not None else []
        core += [subj] if subj is not None else []
        others: list[ActorRef] = []
        for partner in _partners(ctx, verb, predicate):
            others += statement_party(ctx, partner, country, where)
            core.append(partner)
        parties = unique(own + others)
        if len(countries(parties)) >= predicate.min_actors and all(a.country for a in parties):
            actors, recipients = parties, []
        elif len(countries(parties)) == 1 and domestic(unique(own), unique(others)):
            actors, recipients = unique(own), unique(others)  # "le Premier ministre a rencontré les syndicats"
        elif predicate.event == "CONSULT" and _body_of_members(parties):
            actors, recipients = parties, []  # "the UN Security Council held urgent talks": its members meet
        else:
            return None
        ctx.group = parties
    else:
        actor_tok = subj if predicate.actor == "subj" else _first(_object_parties(ctx, verb))
        recip_tok = _recipient_token(ctx, verb, predicate, subj)
        actor_where = event_country(ctx, verb, sentence, besides=recip_tok) if placing else (None, "")
        actors = statement_party(ctx, actor_tok, *actor_where) if actor_tok is not None else []
        topic = topic_country(ctx, verb, sentence) if placing else (None, "")
        recipients = (place_country(ctx, recip_tok) or statement_party(ctx, recip_tok, *topic)) \
            if recip_tok is not None else []
        core += [t for t in (actor_tok, recip_tok) if t is not None]
        if not countries(actors) or (predicate.needs_recipient and not countries(recipients)):
            return None
        if countries(actors) & countries(recipients) and not domestic(actors, recipients):
            return None
    aux, why = aux_mode(ctx, verb)
    reasons = [f"{predicate.event} predicate '{verb.lemma_}'",
               *[a.reason for a in [*actors, *recipients] if a.name is None and a.reason]]  # placed groups
    if why:
        reasons.append(f"aux {aux}: {why}")
    return Draft(predicate.event, predicate.mode, actors, recipients, sentence, core, verb, reasons,
                 0.85, aux=aux, attributed_to=speaker(ctx, verb))


def _body_of_members(parties: list[ActorRef]) -> bool:
    """One intergovernmental body (the UN Security Council, NATO, the EU) meeting on its own is a
    meeting of its member states."""
    return len(parties) == 1 and parties[0].organisation


def domestic(actors: list[ActorRef], recipients: list[ActorRef]) -> bool:
    """Parties of one country told apart by their sectors ('le gouvernement' and 'les syndicats'):
    a domestic event, which PLOVER codes. Two parties of one sector (a cabinet meeting) or a
    party without a sector (the country itself) are not."""
    if not actors or not recipients or not all(a.sector for a in [*actors, *recipients]):
        return False
    return {a.sector for a in actors}.isdisjoint({r.sector for r in recipients})


def _object_parties(ctx: CodingContext, verb: Token) -> list[Token]:
    """The verb's objects that can be parties: not a date the parser took for an object ('a reçu
    mardi des représentants'); else an argument introduced by an article the parser read as a
    preposition ('des représentants', a partitive)."""
    found = [o for o in logical_object(ctx, verb) if not is_time(ctx, o)]
    if found:
        return found
    return partitive_arguments(ctx, verb)


def _recipient_token(ctx: CodingContext, verb: Token, predicate: Predicate, subj: Token | None) -> Token | None:
    """The target: the object, the subject (for 'receive'), or a prepositional phrase on the
    verb or on its object ('launched strikes against X', 'imposed sanctions on X')."""
    if predicate.recipient == "obj":
        return _party_inside(ctx, _first(_object_parties(ctx, verb)))
    if predicate.recipient is None:
        return None  # an act without a target: 'declared a ceasefire'
    if predicate.recipient == "subj":
        return subj
    if predicate.recipient == "dative":
        return _party_inside(ctx, next((c for c in verb.children if c.dep_ in DATIVES), None))
    holders = [*objects(verb), verb]
    found = [t for holder in holders for t in with_prep(holder, predicate.recipient, ctx.grammar)]
    return _party_inside(ctx, next((t for t in found if place_country(ctx, t)), _first(found)))


def _party_inside(ctx: CodingContext, target: Token | None) -> Token | None:
    """A target that names no party may hold one: 'an agreement with the EU', 'Ukraine's bid',
    'l'attitude de la Turquie'."""
    if target is None or place_country(ctx, target):
        return target
    inner = with_prep(target, ctx.grammar.prepositions.comitative, ctx.grammar)
    inner += with_prep(target, ctx.grammar.prepositions.genitive, ctx.grammar)
    inner += [c for c in target.children if c.dep_ == "poss"]
    return next((t for t in inner if place_country(ctx, t)), target)


def _partners(ctx: CodingContext, verb: Token, predicate: Predicate) -> list[Token]:
    partners: list[Token] = []
    # The parser often hangs "avec X" on a place just before it ("un entretien à Ankara avec le
    # ministre"): a place obliquely attached to the verb holds partners too.
    places = [c for c in verb.children if c.dep_.startswith("obl") and c.pos_ == "PROPN" and place_country(ctx, c)]
    holders = [verb, *objects(verb), *places]
    for slot in predicate.partners:
        if slot == "obj":
            partners += [o for o in objects(verb) if fold(o.lemma_) not in predicate.objects]
        else:
            for holder in holders:
                partners += with_prep(holder, slot, ctx.grammar)
    return partners


# --- requests -----------------------------------------------------------------------------
def noun_requests(ctx: CodingContext, noun: Token, sentence: Span) -> list[Draft]:
    governor = noun.head if noun.dep_ not in {"ROOT"} else noun
    while governor.dep_ == "conj" and governor.pos_ in {"NOUN", "PROPN"}:
        governor = governor.head
    if not is_verb(governor):
        return []
    requester = _requester(ctx, governor, noun)
    if not requester:
        return []
    contents = _noun_contents(noun, governor)
    return _requests(ctx, noun, governor, requester[0], requester[1], contents, [], sentence)


def _requester(ctx: CodingContext, verb: Token, noun: Token) -> Requester | None:
    subj = logical_subject(ctx, verb)
    if subj is not None and subj.i not in {t.i for t in noun.subtree}:
        actors = np_actors(ctx, subj)
        return (actors, f"requester: subject of '{verb.text}'") if actors else None
    if is_passive(verb, ctx.grammar) and ctx.informant is not None:
        return [ctx.informant], "requester: the story's informant (agentless passive)"
    return None


def _noun_contents(noun: Token, governor: Token) -> list[Token]:
    found = [c for c in noun.children if c.dep_ in {"nmod", "acl", "xcomp", "prep"}]
    found += [g for c in noun.children if c.dep_ == "prep" for g in c.children]
    found += [c for c in governor.children if c.dep_ in {"xcomp", "advcl"}
              and c.morph.get("VerbForm") == ["Inf"] and c.i > noun.i]
    return found


def verb_requests(ctx: CodingContext, verb: Token, sentence: Span) -> list[Draft]:
    subj = logical_subject(ctx, verb)
    actors = np_actors(ctx, subj) if subj is not None else []
    placed = False
    if not actors and subj is not None:
        actors, placed = speaker_party(ctx, subj), True
    if not actors:
        return []
    slots = ctx.lex.request_verbs[fold(verb.lemma_)]
    addressees: list[Token] = []
    contents: list[Token] = []
    for slot in slots:
        if slot == "obj":
            addressees += [o for o in objects(verb) if np_actors(ctx, o) or placed and is_group(ctx, o)]
        else:
            addressees += [t for t in with_prep(verb, slot, ctx.grammar) if not is_time(ctx, t)]  # "on Monday"
    if "obj" in slots and not addressees:
        # "a appelé, dans un tweet, Emmanuel Macron à …": the parser hangs the addressee on the aside
        addressees += [a for c in verb.children if c.dep_.startswith("obl") for a in c.children
                       if a.dep_ == "appos" and np_actors(ctx, a)]
    contents += [o for o in objects(verb) if o not in addressees]
    contents += [c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "advcl", "obl", "obl:arg"}]
    # "a appelé la Syrie à un cessez-le-feu": an addressee slot that names no party holds the act
    contents += [a for a in addressees if a not in contents and not np_actors(ctx, a)]
    contents += [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    # "a exhorté les manifestants à rentrer": the infinitive hung on the addressee or an aside
    contents += [g for c in verb.children if c.dep_ in {"obj", "dobj", "obl:mod", "obl"} for g in c.children
                 if g.dep_ in {"acl", "xcomp"} and g.morph.get("VerbForm") == ["Inf"]]
    why = f"requester: subject of '{verb.text}'" + (" (placed where the story happens)" if placed else "")
    drafts = _requests(ctx, verb, verb, actors, why, contents, addressees, sentence)
    if not drafts:
        drafts = _open_request(ctx, verb, actors, why, contents, addressees, sentence)
    if placed and all(a.sector == "CVL" for a in actors) and not any(np_actors(ctx, a) for a in addressees):
        # "2000 personnes ont manifesté pour réclamer la démission du maire": what a crowd demands
        # of no one named is its protest's topic, not a separate REQUEST (annotation.md, Demands)
        drafts = [d for d in drafts if d.event != "REQUEST"]
    return drafts


def _called_protest(ctx: CodingContext, clause: Token, verb: Token, actors: list[ActorRef], sentence: Span,
                    why: str) -> Draft | None:
    """'a appelé à manifester samedi': PLOVER codes the announced protest (aux future)."""
    kinds = ctx.lex.happenings.get(("VERB", fold(clause.lemma_)), [])
    # a protest verb that needs its object ('take part') is one only with it ('to take action' is none)
    protest = next((h for h in kinds if h.event == "PROTEST"
                    and (not h.objects or any(word_in(t, h.objects) for t in clause.subtree))), None)
    if protest is None:
        return None
    reasons = [f"PROTEST called for: '{verb.text}' to '{clause.text}' (aux future)", why]
    return Draft("PROTEST", protest.mode, actors, [], sentence, [verb, clause], verb, reasons, 0.6,
                 aux="future", attributed_to=speaker(ctx, verb) or ctx.informant)


def _open_request(ctx: CodingContext, verb: Token, actors: list[ActorRef], why: str, contents: list[Token],
                  addressees: list[Token], sentence: Span) -> list[Draft]:
    """'a exhorté les manifestants à rentrer chez eux': a domestic call for an act the
    lexicon does not know; coded REQUEST without a mode, only with a clause to ask for."""
    complementizers = ctx.grammar.complementizers
    clause = next((c for c in contents if is_verb(c) and (
        c.morph.get("VerbForm") == ["Inf"] or any(fold(m.text) in complementizers for m in c.children))), None)
    asked = "an act"
    if clause is None and not _crowd(ctx, verb, actors):
        clause, asked = _asked_noun(ctx, verb, contents), "a noun"
    if clause is None:
        return []
    country, where = event_country(ctx, verb, sentence)
    called = _called_protest(ctx, clause, verb, actors, sentence, why)
    if called is None and not any(a.kb_id or a.role or (a.sector and a.sector != "CVL") for a in actors):
        # A call the lexicon cannot type is a political event only when a country, an
        # organisation or someone with a political role makes it ("the minister asked
        # protesters to ..."), not "he asked the company" or "people ask you to write".
        return []
    if called is not None:
        return [called]
    recipients: list[ActorRef] = []
    for token in addressees:
        named = np_actors(ctx, token)
        placed = None if named else party(ctx, token, "CVL", country, where, frozenset())
        recipients += named or (placed[0] if placed else [])
    aux, aux_why = aux_mode(ctx, verb)
    reasons = [f"REQUEST '{verb.text}' of '{clause.text}' ({asked} the lexicon has no type for: no mode)", why]
    if aux_why:
        reasons.append(f"aux {aux}: {aux_why}")
    return [Draft("REQUEST", None, actors, unique(recipients), sentence, [verb, *addressees, clause], verb,
                  reasons, 0.6, content_key=f"open:{fold(clause.lemma_)}", aux=aux,
                  attributed_to=speaker(ctx, verb) or ctx.informant, joins=True)]


def _crowd(ctx: CodingContext, verb: Token, actors: list[ActorRef]) -> bool:
    """Unnamed people of civil society ("teachers demanded more funding"): what they ask for is
    their protest's topic (annotation.md, Demands)."""
    subj = logical_subject(ctx, verb)
    plural = subj is not None and subj.morph.get("Number") == ["Plur"] and subj.pos_ == "NOUN"
    return plural and all(fold(a.sector or "") in ctx.lex.cues.crowd_sectors and not a.name for a in actors)


def _asked_noun(ctx: CodingContext, verb: Token, contents: list[Token]) -> Token | None:
    """The common noun a request verb asks for in one of its `asked_nouns` slots ("called for new
    elections"), when it names no party."""
    slots = ctx.lex.asked_nouns.get(fold(verb.lemma_), ())
    direct = set(objects(verb)) if "obj" in slots else set()
    by_prep = set(with_prep(verb, [s for s in slots if s != "obj"], ctx.grammar))
    return next((c for c in contents if c.pos_ == "NOUN" and (c in direct or c in by_prep)
                 and not np_actors(ctx, c) and not is_group(ctx, c)), None)


def _requests(ctx: CodingContext, trigger: Token, clause: Token, actors: list[ActorRef], why: str,
              contents: list[Token], addressees: list[Token], sentence: Span) -> list[Draft]:
    drafts = []
    asked = unique([a for t in addressees for a in np_actors(ctx, t)])
    for content in _expand(contents):
        predicate = _content_predicate(ctx, content)
        if predicate is None:
            continue
        recipients = _content_agents(ctx, content, predicate) or asked
        if countries(recipients) & countries(actors):
            recipients = asked
        mode = predicate.request_mode or ctx.lex.plover.request_mode(predicate.event)
        aux, aux_why = aux_mode(ctx, clause)
        reasons = [f"REQUEST '{trigger.text}' of {predicate.event} '{content.text}' -> mode {mode}", why]
        if aux_why:
            reasons.append(f"aux {aux}: {aux_why}")
        core = [trigger, content, *addressees]
        drafts.append(Draft("REQUEST", mode, actors, recipients, sentence, core, clause,
                            reasons, 0.8, content_key=f"{predicate.event}:{predicate.mode}",
                            aux=aux, attributed_to=speaker(ctx, clause) or ctx.informant))
    return drafts


def _expand(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for candidate in [token, *conjuncts(token)]:
            if candidate not in out:
                out.append(candidate)
    return out


def _content_predicate(ctx: CodingContext, token: Token) -> Content | None:
    for key in (fold(token.lemma_), fold(token.text)):
        for predicate in ctx.lex.contents.get(key, []):
            if not predicate.objects:
                return predicate
            near = [*objects(token), *token.children]
            near += [g for o in objects(token) for g in o.children if g.dep_ in {"nmod", "compound", "pobj", "prep"}]
            near += [g for c in token.children if c.dep_ == "prep" for g in c.children]  # "the scrapping of the tax"
            if any(fold(o.lemma_) in predicate.objects or fold(o.text) in predicate.objects for o in near):
                return predicate
    return None


def _content_agents(ctx: CodingContext, token: Token, predicate: Content) -> list[ActorRef]:
    for slot in predicate.agent:
        if slot == "obj":
            holders = objects(token)
        elif slot == "subj":
            holders = [s for s in [subject(token, ctx.grammar)] if s is not None]
        elif slot == "poss":  # "Iran's support"
            holders = [c for c in token.children if c.dep_ in {"poss", "nmod:poss"}]
        else:
            # "le soutien sans équivoque de la Russie": the parser may hang the "de"
            # phrase on a modifier of the noun.
            holders = with_prep(token, slot, ctx.grammar) + [
                h for c in token.children if c.dep_ == "nmod" for h in with_prep(c, slot, ctx.grammar)]
        for holder in holders:
            found = np_actors(ctx, holder)
            if found:
                return found
    return []


# --- accusations --------------------------------------------------------------------------
def accusations(ctx: CodingContext, noun: Token, sentence: Span) -> list[Draft]:
    perpetrators, by, perpetrator_token = _perpetrators(ctx, noun)
    if not perpetrators:
        return []
    lex = ctx.lex
    for head in head_chain(noun):
        lemma = fold(head.lemma_)
        if not is_verb(head) or not (lemma in lex.speech or lemma in lex.request_verbs):
            continue
        requester = _requester(ctx, head, noun)
        if not requester:
            continue
        actors = requester[0]
        if countries(actors) & countries(perpetrators) or not countries(actors):
            return []
        first = noun
        while first.dep_ == "conj":
            first = first.head
        reasons = [f"ACCUSE: '{noun.text}' attributed to {', '.join(sorted(countries(perpetrators)))} "
                   f"({by}) in what '{head.text}' reports", requester[1]]
        aux, aux_why = aux_mode(ctx, head)
        if aux_why:
            reasons.append(f"aux {aux}: {aux_why}")
        return [Draft("ACCUSE", "allege", actors, perpetrators, sentence, [first, noun, perpetrator_token],
                      head, reasons, 0.75, aux=aux, attributed_to=speaker(ctx, head) or ctx.informant)]
    return []


def _perpetrators(ctx: CodingContext, noun: Token) -> tuple[list[ActorRef], str, Token | None]:
    """Who committed the crime: 'commis par X', or 'de X' naming an actor."""
    for child in noun.children:
        if child.dep_ in {"acl", *RELATIVE_CLAUSES}:
            found = agent(child, ctx.grammar)
            actors = np_actors(ctx, found) if found is not None else []
            if actors:
                return actors, f"'{child.text} {found.text}'", found
    for prep in ctx.lex.perpetrator_preps:
        for holder in with_prep(noun, prep, ctx.grammar):
            found = np_actors(ctx, holder, follow_conj=False)
            if found and holder.pos_ == "PROPN":
                return found, f"'{prep} {holder.text}'", holder
    return [], "", None


def _first(tokens: list[Token]) -> Token | None:
    return tokens[0] if tokens else None
