"""Happenings on the ground: protests, riots, strikes, blockades, arrests, crowd control,
assaults, deployments and threats, coded from the `happenings` of `lang/<code>/events.toml`.

Unlike the diplomatic predicates, such events often name their parties only as groups
("30 000 personnes ont défilé", "seize personnes ont été interpellées"). An unnamed party gets
the sector the lexicon gives for its role (CVL for the crowd, COP for the police) and the
country where the event happens: a place in the clause, else the dateline, else the story's
main country. A named party keeps what the resolver found. Every such choice is a reason.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dateline.events.clause import logical_object, logical_subject, partitive_arguments, requested, speech_subject
from dateline.events.context import CodingContext
from dateline.events.draft import Draft, countries, unique
from dateline.events.modes import noun_aux
from dateline.events.parties import is_group_like, is_party, is_time, party, speaker
from dateline.events.scene import clause_country, event_country
from dateline.events.syntax import (
    RELATIVE_CLAUSES,
    agent,
    conjuncts,
    doc_text,
    gapped,
    has_slots,
    head_chain,
    helpers,
    is_passive,
    is_root,
    is_verb,
    objects,
    prep_of,
    with_prep,
    word_in,
)
from dateline.kb import load_kb
from dateline.lang.schema import Happening
from dateline.resolve.actors import ActorRef
from dateline.textutil import fold

GENERIC_CONFIDENCE = 0.6
CROWD = 10  # the fewest people a counted crowd of protesters stands for
NAMED_CONFIDENCE = 0.75


def trigger_pos(token: Token) -> str:
    return "VERB" if token.pos_ == "AUX" else token.pos_


def code(ctx: CodingContext, token: Token, sentence: Span) -> list[Draft]:
    """The happenings a trigger word of the lexicon reports."""
    kinds = ctx.lex.happenings.get((trigger_pos(token), fold(token.lemma_)), [])
    if token.pos_ == "ADJ" or kinds and all(h.quoted for h in kinds):
        if speech_subject(ctx, token) is None or _negated(ctx, token):
            return []  # a judgement counts only as someone's quoted words
    elif not reports_a_happening(ctx, token) or _alleged(ctx, token) or requested(ctx, token):
        return []
    if token.pos_ == "NOUN" and not _paragraph_has_verb(token):
        return []  # a headline or subheading ("Nombreux heurts, arrestations massives")
    drafts = []
    for happening in kinds:
        if happening.objects and not _has_object(token, happening.objects):
            continue
        if happening.direct_objects and not _direct_object(ctx, token, happening.objects):
            continue
        if happening.preps and not has_slots([token, *logical_object(ctx, token)], happening.preps, ctx.grammar):
            continue
        if happening.exclude_objects and _excluded(token, happening.exclude_objects):
            continue
        if not happening.passive and is_verb(token) and is_passive(token, ctx.grammar):
            continue
        if happening.abstract_object and not _abstract_object(ctx, token):
            continue
        if happening.counted_crowd and not _counted_crowd(ctx, token):
            continue
        draft = _draft(ctx, token, happening, sentence)
        if draft is not None:
            drafts.append(draft)
    return drafts


# --- what --------------------------------------------------------------------------------
def reports_a_happening(ctx: CodingContext, token: Token) -> bool:
    """Whether a trigger word states that something happened (or will, or did not), rather
    than naming a kind of action: 'ont été interpellées', 'les heurts ont éclaté',
    'lors de la manifestation' do; 'pour disperser', 'journée de blocage',
    'des voitures incendiées' do not."""
    if is_verb(token):
        return _verb_reports(ctx, token)
    cues = ctx.cues
    if fold(token.text) in cues.noun_forms or any(c.dep_ == "nummod" for c in token.children):
        return True  # counted: "49 interpellations", "224 arrestations"; crowds are checked when coded
    if _after_light_verb(ctx, token):
        return True  # "a procédé à plusieurs interpellations", "made several arrests"
    if _nominal_predicate(token) or _marred(ctx, token):
        return True  # "les enseignants étaient en grève", "des incidents ont émaillé le défilé"
    if not any(c.dep_ == "det" for c in token.children) and token.morph.get("Number") != ["Plur"]:
        return False
    if token.dep_ in {"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "ROOT", "root", "appos", "conj"}:
        return True
    preps = {fold(c.text) for c in token.children if c.dep_ in {"case", "fixed"}}
    preps |= {fold(g.text) for c in token.children if c.dep_ == "case" for g in c.children if g.dep_ == "fixed"}
    if token.dep_ == "pobj" or token.head.pos_ in {"ADV", "ADP"}:
        preps.add(fold(token.head.text))  # "lors d'une manifestation": 'lors' governs the noun
    if not preps & ctx.grammar.prepositions.temporal:
        return False
    # "lors de manifestations depuis le début du mouvement": a bare plural names no one happening
    return any(c.dep_ == "det" for c in token.children) or any(is_time(ctx, c) for c in token.subtree)


def _verb_reports(ctx: CodingContext, token: Token) -> bool:
    grammar, cues = ctx.grammar, ctx.cues
    if any(c.dep_ == "det" and not c.like_num for c in token.children) or fold(token.text) in cues.noun_forms:
        return False  # a noun tagged as a verb ("un manifestant", "le défilé")
    if fold(token.lemma_) in cues.intransitive_only and any(
            c.dep_ in {"obj", "dobj", "ccomp", "xcomp"} for c in token.children):
        return False  # "demonstrated a new method", "marched the team to victory"
    form = token.morph.get("VerbForm")
    helping = helpers(token)
    if [c.morph.get("VerbForm") for c in helping] == [["Inf"]] and helping[0].dep_ in {"aux:pass", "auxpass"}:
        form = ["Inf"]  # "le risque d'être pillé" (but "après avoir été interpellés" happened)
    if form == ["Inf"]:
        head = fold(token.head.lemma_)
        return (token.dep_ == "xcomp" and head in grammar.auxiliaries.future_verbs) or \
            head in grammar.progressive_heads  # "en train de frapper"
    has_aux = bool(helping)
    by_agent = any(c.dep_ in {"obl:agent", "agent"} for c in token.children)  # "Visés par des jets de pierres"
    past = token.morph.get("Tense") != ["Pres"]
    finite = is_root(token) and any(c.dep_ == "nsubj" for c in token.children) and \
        any(c.dep_ in {"obj", "dobj", "prt", "compound:prt"} for c in token.children)  # "forces sealed off areas"
    if form == ["Part"] and past and not has_aux and not by_agent and not finite \
            and token.dep_ not in {"advcl", "conj"} and not gapped(token, grammar):
        return False  # "manifestant" as a noun, "Placé en garde à vue, il ...", "rassemblés"
    if form == ["Part"] and not past and token.dep_ in {"xcomp", "obj", "nsubj", "obl", "obl:arg", "nmod", "appos"}:
        return False  # a present participle used as a noun ("manifestant")
    if token.dep_ in RELATIVE_CLAUSES and not past and not has_aux:
        return False  # a generic present: "les citoyens qui protestent"
    if not past and not has_aux and any(
            fold(g.text) in grammar.prepositions.duration
            for c in token.children if c.dep_.startswith("obl") for g in c.children if g.dep_ == "case"):
        return False  # an ongoing movement: "depuis trois semaines ils manifestent"
    adjectival = form == ["Part"] and token.dep_ in {"amod", "acl"} and past
    return not adjectival or gapped(token, grammar) or has_aux


def _alleged(ctx: CodingContext, token: Token) -> bool:
    """'accusé la Russie de ... en frappant': the act is the content of an accusation, which
    is the event (coded as ACCUSE), not a happening the story reports."""
    return any(fold(head.lemma_) in ctx.cues.accusation_verbs for head in head_chain(token, 4))


def _paragraph_has_verb(token: Token) -> bool:
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    end = len(text) if end < 0 else end
    return any(is_verb(t) and start <= t.idx < end for t in token.sent)


def _after_light_verb(ctx: CodingContext, token: Token) -> bool:
    """The noun is what a light verb's subject did: the clause states the act."""
    light = ctx.cues.light_verbs
    head = token.head
    # "en organisant des barrages depuis trois semaines" describes a manner, not one act
    gerund = head.morph.get("VerbForm") == ["Part"] and head.morph.get("Tense") == ["Pres"] \
        and not helpers(head)  # "is conducting" is no gerund
    # "une enquête a été ouverte", "an investigation was launched": the passive's subject likewise
    return token.dep_ in {"obj", "dobj", "obl:arg", "pobj", "nsubj:pass", "nsubjpass"} and not gerund and (
        fold(head.lemma_) in light or fold(head.text) in light)


def _marred(ctx: CodingContext, token: Token) -> bool:
    """'des incidents ont émaillé (samedi) le défilé': the object of such a verb is reported
    (parsed as a modifier when a date comes between); not in a relative clause that only
    recalls ('les violences qui ont émaillé les manifestations')."""
    bare = token.dep_ in {"obj", "dobj"} or token.dep_.startswith("obl") and not any(
        c.dep_ == "case" for c in token.children)
    return bare and fold(token.head.lemma_) in ctx.cues.marred_verbs and token.head.dep_ not in RELATIVE_CLAUSES


def _direct_object(ctx: CodingContext, token: Token, words: frozenset[str]) -> bool:
    """Whether the verb's own object (the subject of its passive) or particle is one of `words`:
    'declared a ceasefire', 'a curfew was imposed'."""
    found = [*logical_object(ctx, token), *(c for c in token.children if c.dep_ in {"prt", "compound:prt"})]
    return any(word_in(o, words) for o in found)


def _nominal_predicate(token: Token) -> bool:
    return token.pos_ == "NOUN" and any(c.dep_ in {"nsubj", "nsubj:pass"} for c in token.children) \
        and any(c.dep_ == "cop" for c in token.children)


def _is_weak(ctx: CodingContext, token: Token) -> bool:
    """A noun mention with no count, place or date of its own."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    cues = ctx.cues
    if token.dep_ in {"obj", "dobj"} and fold(token.head.lemma_) in cues.attention_verbs:
        return True  # "il suit de près les manifestations", "reporters covering the protests": a topic
    if any(c.dep_ == "nummod" for c in token.children) or _after_light_verb(ctx, token):
        return False
    if _marred(ctx, token):
        return False  # "des incidents ont émaillé le défilé", "clashes marred the march"
    if fold(token.head.lemma_) in cues.occurrence_verbs and (
            token.dep_ in {"nsubj", "nsubj:pass"} or token.dep_.startswith("obl")):
        return False  # "des heurts ont éclaté (face au jet de projectiles)": the clause reports it
    if _nominal_predicate(token):
        return False  # "les enseignants étaient en grève": the noun is what its subject did
    inside = {t.i for t in token.subtree}
    if token.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}:
        # "des manifestations se sont déroulées samedi à Lyon": what dates and places the
        # verb of which the noun is the subject, the noun has
        inside |= {t.i for c in token.head.children if c.dep_.startswith(("obl", "advmod", "npadvmod"))
                   for t in c.subtree}
    if any(e.place is not None and e.span.root.i in inside for e in ctx.res.entities):
        return False
    doc = token.doc
    return not any(doc[i].ent_type_ in {"DATE", "TIME"} or fold(doc[i].text) in cues.weekdays for i in inside)


def _excluded(token: Token, words: frozenset[str]) -> bool:
    """A word ruling the trigger out near it, or the noun its relative clause is about ('la
    révolte qui a explosé')."""
    about = token.head if token.dep_ in RELATIVE_CLAUSES else None
    return _has_object(token, words, reach=30) is not None or (
        about is not None and (fold(about.lemma_) in words or fold(about.text) in words))


def _has_object(token: Token, words: frozenset[str], reach: int = 12) -> Token | None:
    """Light verbs and vague nouns need their object ("faire usage de gaz lacrymogène"); a noun
    may need its verb ("opened an investigation")."""
    if token.pos_ == "NOUN" and not is_root(token) and (
            fold(token.head.lemma_) in words or fold(token.head.text) in words):
        return token.head
    for child in token.subtree:
        if child.i == token.i or child.i > token.i + reach or child.i < token.i - 6:
            continue
        if fold(child.lemma_) in words or fold(child.text) in words:
            return child
    return None


def _counted_crowd(ctx: CodingContext, token: Token) -> bool:
    """'4300 manifestants', 'des milliers de manifestants', 'un millier de manifestants': a crowd
    the story counts was there; 'les manifestants' alone is only a reference."""
    if token.dep_ in {"nsubj:pass", "nsubjpass"} or token.dep_ == "nsubj" and is_passive(token.head, ctx.grammar):
        return False  # "118 manifestants ont été blessés" counts victims, not a crowd
    vague = ctx.lex.vague_counts
    count = _count(token, vague)
    if count is not None:
        return count[0] >= CROWD  # "deux manifestants blessés" tells of two people, not of a protest
    head = token.head
    count = _count(head, vague) if not is_root(token) else None
    genitive = prep_of(token, ctx.grammar) in ctx.grammar.prepositions.genitive
    return genitive and (count is not None and count[0] >= CROWD or head.like_num)


def _negated(ctx: CodingContext, token: Token) -> bool:
    negation = ctx.grammar.negation
    copula = any(c.dep_ == "cop" for c in token.children)
    holders = [token, token.head] if copula or token.dep_ != "ROOT" else [token]
    return any(fold(c.text) in negation for h in holders for c in h.children if c.dep_ in {"advmod", "neg"})


def _abstract_object(ctx: CodingContext, token: Token) -> bool:
    """'a écarté un retour sur la réforme' rejects a measure; 'ont écarté les manifestants'
    moves people, which is no statement."""
    found = objects(token)
    source = ctx.grammar.prepositions.source
    moved = any(prep_of(c, ctx.grammar) in source for c in token.children
                if c.dep_.startswith("obl") or c.dep_ == "prep")  # "écartés de la chaussée"
    return bool(found) and not moved and not any(is_party(ctx, o, frozenset()) for o in found)


# --- who -------------------------------------------------------------------------------
def _draft(ctx: CodingContext, token: Token, happening: Happening, sentence: Span) -> Draft | None:
    what = _has_object(token, happening.objects) if happening.objects else None
    country, where = event_country(ctx, token, sentence)
    actor_token, patient_token = _roles(ctx, token, happening)
    if happening.actor_is_object:
        actor_token, patient_token = patient_token, None
    elif happening.subject_is_recipient:  # "le journaliste a reçu des coups": who struck is not said
        actor_token, patient_token = None, actor_token
    if happening.requires_actor and actor_token is None:
        return None
    if happening.named_sides:
        return _meeting(ctx, token, happening, sentence, actor_token, country, where)
    if happening.party_agent and (actor_token is not None and not _agent_like(ctx, actor_token)
                                  or actor_token is None and token.dep_ == "advcl"):
        return None  # "a bomb went off, killing two": the toll of the clause it hangs on
    actor_country, actor_where = event_country(ctx, token, sentence, besides=patient_token)
    actor = party(ctx, actor_token, happening.actor_sector, actor_country, actor_where, happening.actor_sectors)
    if actor is None:
        return None
    actors, named = actor
    if happening.named_actor and not (named or any(a.sector for a in actors)):
        return None
    if happening.unknown_attacker and not named and not any(a.sector for a in actors):
        # An attack whose author the text does not name: the place tells where it struck,
        # not who struck; the actor stays unknown and the place's country is the target.
        actors = [ActorRef(text=a.text, name=a.text or "unknown attacker", country=None, sector=None,
                           reason="attacker not named") for a in actors]
    recipients = _recipients(ctx, happening, named, country, where, patient_token)
    if recipients and happening.recipient == "country" and named and all(r.name is None and r.sector is None
                                                                         for r in recipients):
        recipients = _own_country(ctx, token, sentence, actors) or recipients
    if recipients is None:
        return None
    if happening.partners:  # "les manifestants se sont heurtés aux policiers": both sides act
        actors, recipients = unique([*actors, *_other_sides(ctx, token, actor_token, happening, country, where)]), []
        if not any(a.sector in happening.actor_sectors for a in actors):
            return None  # "the US clashed with China over trade", "clash between the parties": words, not blows
        if not named and _elsewhere(ctx, token, sentence, country):
            return None  # "clashes along the Kyrgyz-Tajik border" in a Moscow story: the sides are not Russian
    aux, aux_why = noun_aux(ctx, token)
    clause = token if is_verb(token) else token.head
    said_by = speaker(ctx, clause) or _reporter(ctx, clause, country, where)
    mode = happening.mode
    reasons = [f"{happening.event} {token.pos_.lower()} '{token.text}'" + (f" ({mode})" if mode else ""),
               *[a.reason for a in actors if a.reason], *[r.reason for r in recipients if r.reason]]
    if aux_why:
        reasons.append(f"aux {aux}: {aux_why}")
    core = [t for t in (token, actor_token, patient_token, what) if t is not None and t.sent == token.sent]
    vague = ctx.lex.vague_counts
    count = _count(actor_token if happening.event == "PROTEST" else patient_token, vague) or _count(token)
    return Draft(happening.event, mode, actors, recipients, sentence, core, clause, reasons,
                 NAMED_CONFIDENCE if named else GENERIC_CONFIDENCE, aux=aux,
                 attributed_to=said_by, weak=not happening.quoted and _is_weak(ctx, token), count=count,
                 joins=happening.joins, national=_national(ctx, token), two_sided=bool(happening.partners))


def _meeting(ctx: CodingContext, token: Token, happening: Happening, sentence: Span, actor_token: Token | None,
             country: str | None, where: str) -> Draft | None:
    """A meeting its noun reports: the sides its subject, genitive and prepositions ('between',
    'with') name, all of them actors; two countries, or two sectors of one."""
    tokens = ([actor_token] if actor_token is not None else []) + _side_tokens(ctx, token, actor_token, happening)
    sides: list[ActorRef] = []
    for side in tokens:
        placed = party(ctx, side, None, country, where, frozenset())
        if placed is not None and (placed[1] or all(a.sector for a in placed[0])):
            sides += placed[0]
    sides = unique(sides)
    sectors = {a.sector for a in sides}
    if len(countries(sides)) < 2 and not (len(countries(sides)) == 1 and None not in sectors and len(sectors) > 1):
        return None
    aux, aux_why = noun_aux(ctx, token)
    reasons = [f"{happening.event} noun '{token.text}': its sides are named", *[a.reason for a in sides if a.reason]]
    if aux_why:
        reasons.append(f"aux {aux}: {aux_why}")
    core = [t for t in (token, *tokens) if t.sent == token.sent]
    return Draft(happening.event, happening.mode, sides, [], sentence, core, token.head, reasons, NAMED_CONFIDENCE,
                 aux=aux, attributed_to=speaker(ctx, token.head))


def _agent_like(ctx: CodingContext, token: Token) -> bool:
    """A person or a group that can act ('gunmen', 'the army', 'Hamas'), not a thing or an event."""
    return is_party(ctx, token, frozenset()) or fold(token.lemma_) in ctx.cues.people_nouns


def _elsewhere(ctx: CodingContext, token: Token, sentence: Span, country: str | None) -> bool:
    """Whether unnamed parties placed by the story's fallback (no place in the clause) would be
    a guess the sentence contradicts: it names other countries."""
    if clause_country(ctx, token, sentence) is not None:
        return False
    return any(sentence.start <= m.start < sentence.end and m.iso3 != country for m in ctx.res.mentions)


def _side_tokens(ctx: CodingContext, token: Token, actor_token: Token | None, happening: Happening) -> list[Token]:
    """The phrases naming the other sides: after the happening's prepositions ('avec la police',
    'between Peru and Chile'), with their conjuncts and those of its subject."""
    sides = with_prep(token, happening.partners, ctx.grammar)
    sides += [c for t in list(sides) for c in conjuncts(t)]
    return sides + (list(conjuncts(actor_token)) if actor_token is not None else [])


def _other_sides(ctx: CodingContext, token: Token, actor_token: Token | None, happening: Happening,
                 country: str | None, where: str) -> list[ActorRef]:
    """The other side of a clash: the phrases after its prepositions ('avec la police', 'between
    protesters and police') and a conjunct of its subject, else an unnamed side of the sector the
    lexicon gives."""
    found: list[ActorRef] = []
    for side in _side_tokens(ctx, token, actor_token, happening):
        placed = party(ctx, side, None, country, where, frozenset())
        found += placed[0] if placed else []
    if not found and happening.partner_sector and country is not None:
        found = [ActorRef(text="", name=None, country=country, sector=happening.partner_sector,
                          reason=f"the other side, unnamed: {happening.partner_sector} of {country} ({where})")]
    return found


def _own_country(ctx: CodingContext, token: Token, sentence: Span, actors: list[ActorRef]) -> list[ActorRef]:
    """'the French government suspended the fuel tax' in a London-datelined story: an act with no
    target that the clause places nowhere concerns the named actor's own country, not the dateline's."""
    own = countries(actors)
    if clause_country(ctx, token, sentence) is not None or len(own) != 1:
        return []
    country = next(iter(own))
    if country not in load_kb().countries:
        return []  # an organisation (UNO, EUR, NGO) has no country of its own
    return [ActorRef(text="", name=None, country=country, sector=None,
                     reason=f"unnamed party in {country}, the actor's own country")]


def _recipients(ctx: CodingContext, happening: Happening, named: bool, country: str | None, where: str,
                patient_token: Token | None) -> list[ActorRef] | None:
    """Whom the happening is done to; None when the lexicon requires a party and there is none."""
    if happening.unknown_attacker and not named and country is not None and patient_token is None:
        return [ActorRef(text="", name=None, country=country, sector=None, reason=f"struck in {country} ({where})")]
    if happening.recipient == "state" and country is not None:
        return [ActorRef(text="", name=None, country=country, sector="GOV",
                         reason=f"a protest addresses the state where it happens ({country})")]
    if happening.recipient is None:
        return []
    if happening.requires_party and not is_party(ctx, patient_token, happening.recipient_sectors):
        return None
    found = party(ctx, patient_token, happening.recipient_sector, country, where, happening.recipient_sectors)
    recipients = found[0] if found else []
    if not recipients and happening.recipient == "country" and country is not None:
        recipients = [ActorRef(text="", name=None, country=country, sector=None,
                               reason=f"unnamed party in {country} ({where})")]
    return recipients


def _national(ctx: CodingContext, token: Token) -> bool:
    """Whether the clause speaks of the whole country ('Quelque 84 000 manifestants à travers le
    pays'): such a count is not one town's march."""
    clause = token if is_verb(token) else token.head
    words = fold(" ".join(t.text for t in clause.subtree))
    return any(cue in words for cue in ctx.cues.national_scope)


def _reporter(ctx: CodingContext, verb: Token, country: str | None, where: str) -> ActorRef | None:
    """Who says it, when the resolver could not place them: the subject of the speech verb
    that governs the clause, as an unnamed party where the event happens."""
    for head in (verb, *head_chain(verb, 4)):  # a speech verb speaks for itself
        if fold(head.lemma_) in ctx.lex.speech:
            subj = logical_subject(ctx, head)
            found = party(ctx, subj, None, country, where, frozenset()) if subj is not None else None
            return found[0][0] if found else None
    return None


def _roles(ctx: CodingContext, token: Token, happening: Happening) -> tuple[Token | None, Token | None]:
    """The acting and the affected phrases of a verb or a noun trigger."""
    grammar = ctx.grammar
    if token.pos_ == "ADJ" or happening.quoted:  # "« Ces violences sont inacceptables », a réagi X": X judges
        return speech_subject(ctx, token), None
    if is_verb(token):
        actor = logical_subject(ctx, token)
        patients = logical_object(ctx, token) if happening.recipient in {"obj", "country"} \
            or happening.actor_is_object else []
        if not patients and (happening.recipient in {"obj", "country"} or happening.actor_is_object):
            patients = partitive_arguments(ctx, token)  # "a déployé mardi des renforts"
        for prep in happening.recipient_preps:
            patients += [g for g in with_prep(token, prep, grammar) if not is_time(ctx, g)]
            patients += [g for o in objects(token) for g in with_prep(o, prep, grammar) if not is_time(ctx, g)]
        return actor, patients[0] if patients else None
    genitive = [c for c in token.children if prep_of(c, grammar) in grammar.prepositions.genitive
                and c.pos_ in {"NOUN", "PROPN", "PRON"}]
    by = with_prep(token, grammar.prepositions.agent, grammar)
    # "les frappes menées par l'armée", "attacks carried out by rebels"
    holders = [token, *(c for c in token.children if c.dep_ in {"nmod", "compound"})]
    by += [found for holder in holders for child in holder.children if child.dep_ in {"acl", *RELATIVE_CLAUSES}
           for found in [agent(child, grammar)] if found is not None]
    patients = [g for prep in happening.recipient_preps for g in with_prep(token, prep, grammar)
                if not is_time(ctx, g)]
    if happening.genitive_patient:  # "l'arrestation d'Éric Drouet": who is arrested
        patients = genitive + patients
        genitive = []
    actor = (by or [g for g in genitive if is_group_like(ctx, g)] or [None])[0]
    if actor is None and token.dep_ in {"obj", "dobj", "obl:arg"} and (
            happening.actor_from_head or _after_light_verb(ctx, token)):
        actor = logical_subject(ctx, token.head)  # "la police a procédé à 49 interpellations"
    if happening.counted_crowd:
        return token, None  # the counted crowd is who protested
    if actor is None and _nominal_predicate(token):
        actor = next(c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"})
    return actor, patients[0] if patients else None


def _count(token: Token | None, vague: dict[str, tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """The figure attached to a phrase, as a range: '5400 manifestants' (5400, 5400), and with
    the language's vague counts 'plusieurs centaines de gilets jaunes' (100, 999)."""
    if token is None:
        return None
    # "84 000 gilets jaunes": the parser may read the groups of digits as determiners
    figures = [c for c in token.children if c.dep_ == "nummod" or (c.dep_ == "det" and c.text.isdigit())]
    if figures:
        first = min(figures, key=lambda c: c.i)
        # "84 000": groups of three digits after the first, wherever the parser hung them
        groups = [first]
        while groups[-1].i + 1 < len(token.doc) and re.fullmatch(r"\d{3}", token.doc[groups[-1].i + 1].text):
            groups.append(token.doc[groups[-1].i + 1])
        digits = "".join(ch for t in groups for ch in t.text if ch.isdigit())
        if digits:
            return int(digits), int(digits)
        if vague and fold(first.text) in vague:
            return vague[fold(first.text)]  # "quatre personnes", "six arrests"
    word = fold(token.text)
    if vague and word in vague:
        return vague[word]
    return None

