"""PLOVER coding of a resolved document: triggers from the language's lexicon, arguments from
the dependency parse, auxiliary modes from morphology, one event per happening."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from dateline.events.happenings import HappeningCoder
from dateline.events.lexicon import EventLexicon, Predicate, event_lexicon
from dateline.events.syntax import (
    agent,
    conjuncts,
    gapped,
    head_chain,
    is_passive,
    np_bounds,
    np_text,
    objects,
    prep_of,
    subject,
    with_prep,
)
from dateline.kb import load_kb
from dateline.resolve.actors import ActorRef, country_actor, sector_of
from dateline.resolve.entities import Resolution
from dateline.textutil import fold

NP_DEPS = {"nmod", "amod", "flat:name", "flat", "appos", "conj", "compound", "nmod:poss",
           "poss", "case", "det", "nummod", "fixed", "prep", "pobj"}
RELATIVE_PRONOUNS = {"qui", "que", "lequel", "laquelle", "who", "which", "that"}


@dataclass
class Draft:
    event: str
    mode: str | None
    actors: list[ActorRef]
    recipients: list[ActorRef]
    sentence: Span
    core: list[Token]
    clause: Token
    reasons: list[str]
    confidence: float
    content_key: str | None = None
    aux: str | None = None
    attributed_to: ActorRef | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    # A passing mention ("les heurts", "la mobilisation"): it joins an event found elsewhere
    # in the story, and makes none on its own.
    weak: bool = False
    count: tuple[int, int] | None = None  # crowd or arrest figures as a range: ranges apart, two happenings
    # A vague mention ("calls on X to ..." with an act the lexicon cannot type): it joins a
    # typed event of the same parties when the story has one, else it stands alone.
    joins: bool = False
    national: bool = False  # "à travers le pays", "nationwide": the whole country, not one town


def actor_key(actor: ActorRef) -> tuple[str | None, str | None]:
    return (actor.country, actor.name if actor.country is None else None)


def unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: dict[tuple[str | None, str | None], ActorRef] = {}
    for actor in actors:
        if actor.country is None and actor.name is None:
            continue
        key = actor_key(actor)
        current = seen.get(key)
        if current is None or (actor.role and not current.role):
            seen[key] = actor
    return list(seen.values())


def countries(actors: list[ActorRef]) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)


class Coder:
    def __init__(self, res: Resolution, informant: ActorRef | None = None) -> None:
        self.res = res
        self.lex: EventLexicon = event_lexicon(res.lang)
        self.informant = informant
        self.group: list[ActorRef] = []
        self.happenings = HappeningCoder(self)

    # --- actors of a noun phrase -------------------------------------------------------
    def np_actors(self, token: Token, follow_conj: bool = True) -> list[ActorRef]:
        token = self.counted(token)
        found = self._np_actor(token)
        if follow_conj:
            # "Barack Obama and Vladimir Putin": the parser may hang the conjunct on a part of the name
            entity = self.res.token_entity.get(token.i)
            name_parts = [t for t in entity.span if t.i != token.i] if entity is not None else []
            # "Foreign Minister [Jane Doe] and John Roe": the conjunct hangs on the name in apposition
            named = [c for c in token.children if c.dep_ == "appos" and c.i in self.res.token_entity
                     and self.res.token_entity[c.i].label == "PERSON"]
            others = [*conjuncts(token), *(o for part in [*name_parts, *named] for o in conjuncts(part)),
                      *self._listed(token)]
            for other in others:
                found.extend(self._np_actor(other))
        return unique(found)

    def counted(self, token: Token) -> Token:
        """'Hundreds of UN troops', 'des centaines de manifestants': the counted phrase is the party."""
        if fold(token.text) not in self.lex.vague_counts and token.pos_ != "NUM":
            return token
        counted = [c for c in token.children if prep_of(c) in {"of", "de", "d'"} and c.pos_ in {"NOUN", "PROPN"}]
        return counted[0] if counted else token

    def _listed(self, token: Token) -> list[Token]:
        """'The US, Russia, and Switzerland met': a comma list of countries the parser reads as
        appositions."""
        if token.i not in self.res.token_country:
            return []
        listed = [c for c in token.children if c.dep_ == "appos" and c.i in self.res.token_country]
        return [t for c in listed for t in (c, *conjuncts(c))]

    def _np_actor(self, token: Token) -> list[ActorRef]:
        res = self.res
        entity = res.token_entity.get(token.i) or self._entity_in_name(token)
        if entity is not None and entity.actor is not None and entity.actor.country:
            return [entity.actor]
        if entity is not None and entity.place is not None and entity.label == "GPE":
            capital_of = load_kb().capital_of(entity.place.geonameid)
            if capital_of:  # "Bakou a exigé", "accused Moscow of": the government seated there
                return [ActorRef(text=entity.span.text, name=entity.span.text, country=capital_of, sector="GOV",
                                 entity_id=entity.id, reason=f"'{entity.span.text}': capital of {capital_of}, "
                                                             "standing for its government")]
        if token.i in res.token_country:
            return [country_actor(res.token_country[token.i], res.doc)]
        if self._is_collective(token):
            return list(self.group)
        if token.pos_ == "PRON" and fold(token.text) in self.lex.aux.get("first_person", frozenset()):
            return self._quoted_speaker(token)
        if token.pos_ == "PRON":
            return self._antecedent_person(token)
        sector = sector_of(token, res.lexicon)
        if sector is None:
            return self._speaking_for(token) or self._demonym_group(token)
        person = self._attached_person(token)
        if person is not None:
            return [person]
        found = [ActorRef(text=np_text(token), name=None, country=country, sector=sector,
                          reason=f"'{token.text}' ({sector}) of {country}")
                 for country in self._countries_below(token)]
        return found or self._earlier_holder(token)

    def _quoted_speaker(self, token: Token) -> list[ActorRef]:
        speaker = self.quoted_speaker(token)
        actors = self.np_actors(speaker) if speaker is not None else []
        if actors and token.morph.get("Number") == ["Plur"] and len(countries(self.group)) > 1 \
                and countries(actors) <= countries(self.group):
            return list(self.group)  # "we", said by one of the parties just named together, is all of them
        return self.as_speaker(token, actors)

    @staticmethod
    def as_speaker(pronoun: Token, actors: list[ActorRef]) -> list[ActorRef]:
        """The speaker's actors standing for 'je'/'nous'/'I'/'we' in their quotation, with the reason."""
        return [replace(a, reason=f"'{pronoun.text}' in a quotation: its speaker, {a.reason or a.name}")
                for a in actors]

    def quoted_speaker(self, token: Token) -> Token | None:
        """'« Je soutiens … », a déclaré X' and 'X a déclaré : « Nous condamnons … »': inside a
        quotation 'I' and 'we' are its speaker, the subject of a speech verb outside it."""
        if token.pos_ != "PRON" or fold(token.text) not in self.lex.aux.get("first_person", frozenset()):
            return None
        return self.speech_subject(token)

    def speech_subject(self, token: Token) -> Token | None:
        """Who says a quotation a word is in: the subject of a speech verb outside it."""
        sentence = token.sent
        inside = _inside_quotes(sentence)
        if token.i not in inside:
            return None
        for verb in sentence:
            if verb.i in inside or verb.pos_ not in {"VERB", "AUX"} or fold(verb.lemma_) not in self.lex.speech:
                continue
            subj = self.logical_subject(verb)
            if subj is not None and subj.i not in inside and subj.pos_ != "PRON":
                return subj
        return None

    def _speaking_for(self, token: Token) -> list[ActorRef]:
        """'la porte-parole du ministère français', 'a spokesman for the Russian army': a person
        named only by the body they speak for is that body."""
        if token.pos_ != "NOUN" or fold(token.lemma_) not in self.lex.aux.get("people_nouns", frozenset()):
            return []  # "le retrait des troupes" is no one speaking for the troops
        bodies = [c for c in token.children if c.dep_ in {"nmod", "prep"} and c.pos_ == "NOUN"
                  and prep_of(c) in {"de", "du", "des", "d'", "of", "for"}]
        bodies += [g for c in token.children if c.dep_ == "prep" and fold(c.text) in {"of", "for"}
                   for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        for body in bodies:
            if sector_of(body, self.res.lexicon) is not None:
                found = self._np_actor(body)
                if found:
                    return found
        return []

    def _entity_in_name(self, token: Token):  # noqa: ANN202 - ResolvedEntity or None
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
            entity = self.res.token_entity.get(j)
            if entity is not None and entity.label == "PERSON":
                return entity
        return None

    def _antecedent_person(self, token: Token) -> list[ActorRef]:
        """'il', 'elle', 'he', 'she': the last person named before, in this sentence or the
        two before it (a light coreference, for speakers and actors of reported acts)."""
        if fold(token.text) not in self.lex.aux.get("singular_pronouns", frozenset()):
            return []
        window_start = token.sent.start
        for _ in range(2):  # this sentence and the two before it
            if window_start == 0:
                break
            window_start = token.doc[window_start - 1].sent.start
        for entity in reversed(self.res.entities):
            actor = entity.actor
            if entity.span.end > token.i or entity.span.start < window_start:
                continue
            if entity.label == "PERSON" and actor is not None and actor.country:
                return [ActorRef(**{**actor.__dict__, "text": token.text,
                                    "reason": f"'{token.text}' refers back to {entity.span.text}"})]
        return self._protagonist(token)

    def _protagonist(self, token: Token) -> list[ActorRef]:
        """'Il a de plus demandé …' far from any name: the person the story has named most so far,
        when one clearly leads (the only one named, or named at least twice and more than anyone)."""
        counts: dict[str, list] = {}
        for entity in self.res.entities:
            actor = entity.actor
            if entity.label == "PERSON" and actor is not None and actor.country and entity.span.end <= token.i:
                counts.setdefault(actor.kb_id or actor.name or entity.span.text, []).append(entity)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if not ranked or len(ranked) > 1 and (len(ranked[0]) < 2 or len(ranked[1]) >= len(ranked[0])):
            return []
        entity = ranked[0][-1]
        return [ActorRef(**{**entity.actor.__dict__, "text": token.text,
                            "reason": f"'{token.text}': the story's protagonist, {entity.span.text}"})]

    def _earlier_holder(self, token: Token) -> list[ActorRef]:
        """'le ministre', 'the president': the last person named before with that title."""
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and fold(c.text) in {"le", "la", "l'", "the"}
                                           for c in token.children):
            return []
        hits = self.res.lexicon.role_in(np_text(token))
        if not hits:
            return []
        role = hits[0][1]
        for entity in reversed(self.res.entities):
            actor = entity.actor
            if entity.span.end > token.i or entity.label != "PERSON" or actor is None or not actor.country:
                continue
            if actor.role == role.role or (role.role in {"Minister"} and (actor.role or "").startswith("Minister")):
                return [ActorRef(**{**actor.__dict__,
                                    "reason": f"'{np_text(token)}' refers back to {entity.span.text}"})]
        return []

    def _demonym_group(self, token: Token) -> list[ActorRef]:
        """'three Chinese fishermen': people named by their nationality only."""
        if token.pos_ != "NOUN":
            return []
        # Who acts is a person or a group ("le dirigeant arménien a appelé"); what is acted upon is
        # one only if the noun says so ("des motos italiennes évacuées" are no party).
        acting = token.dep_ in {"nsubj", "agent"} or self._is_agent_phrase(token)
        if not acting and fold(token.lemma_) not in self.lex.aux.get("people_nouns", frozenset()):
            return []
        for child in token.children:
            mention = self.res.token_country.get(child.i)
            if child.dep_ == "amod" and mention is not None and mention.kind == "demonym":
                return [ActorRef(text=np_text(token), name=None, country=mention.iso3, sector=None,
                                 reason=f"'{np_text(token)}': {mention.iso3} by the demonym '{child.text}'")]
        return []

    @staticmethod
    def _is_agent_phrase(token: Token) -> bool:
        return token.dep_ in {"obl:agent", "pobj"} and any(fold(c.text) in {"par", "by"} for c in token.children) \
            or (token.dep_ == "pobj" and fold(token.head.text) == "by")

    def _is_collective(self, token: Token) -> bool:
        phrase = fold(np_text(token))
        if token.pos_ == "PRON":
            return token.morph.get("Number") == ["Plur"] and fold(token.text) in self.res.lexicon.collectives
        return any(phrase.endswith(c) or fold(token.text) == c for c in self.res.lexicon.collectives)

    def _attached_person(self, token: Token) -> ActorRef | None:
        for child in token.children:
            if child.dep_ in {"appos", "conj", "flat:name", "flat", "compound"}:
                entity = self.res.token_entity.get(child.i)
                if entity is not None and entity.label == "PERSON" and entity.actor is not None \
                        and entity.actor.country:
                    return entity.actor
        return None

    def _countries_below(self, token: Token) -> list[str]:
        """Countries named inside a noun phrase, nearest first, with their conjuncts
        ('les ministres des Affaires étrangères d'Arménie et de Russie')."""
        frontier = [c for c in token.children if c.dep_ in NP_DEPS]
        while frontier:
            for child in frontier:
                iso3 = self._country_at(child)
                if iso3:
                    more = [self._country_at(c) for c in conjuncts(child)]
                    return list(dict.fromkeys([iso3, *[c for c in more if c]]))
            frontier = [g for c in frontier for g in c.children if g.dep_ in NP_DEPS]
        return []

    def _country_at(self, token: Token) -> str | None:
        mention = self.res.token_country.get(token.i)
        if mention is not None:
            return mention.iso3 if mention.kind != "org" else None
        entity = self.res.token_entity.get(token.i)  # "the mayor of Nablus": a city names the country
        if entity is not None and entity.label == "GPE" and entity.place is not None:
            return entity.place.country
        return None

    def _place_country(self, token: Token) -> list[ActorRef]:
        """'le territoire de l'Arménie' -> Armenia, for targets named by their land."""
        direct = self.np_actors(token)
        if direct:
            return direct
        if fold(token.lemma_) in self.lex.aux.get("place_nouns", frozenset()):
            for country in self._countries_below(token)[:1]:
                mention = next(m for m in self.res.mentions if m.iso3 == country)
                return [country_actor(mention, self.res.doc)]
        return []

    # --- clause properties -------------------------------------------------------------
    def logical_subject(self, verb: Token) -> Token | None:
        if is_passive(verb):
            return agent(verb)
        subj = subject(verb)
        if subj is not None and fold(subj.text) in RELATIVE_PRONOUNS and subj.head.dep_ in {"acl:relcl", "relcl"}:
            return subj.head.head  # "X qui manifestait, avant d'appeler Y": the antecedent
        if subj is not None and any(c.dep_ == "case" for c in subj.children):
            subj = None  # "Dans un message …, X a exhorté": a prepositional phrase is no subject
        if subj is None or _quoted(subj, verb):
            return self._inverted_subject(verb) or self._set_off_subject(verb) or subj
        return subj

    def _set_off_subject(self, verb: Token) -> Token | None:
        """'Dans un message publié sur X, Marine Dupont, la cheffe du parti, a exhorté …': the
        parser hangs the name on the opening phrase; the subject is the person named last before
        the verb, followed only by an apposition and the verb's auxiliaries."""
        if verb.dep_ not in {"ROOT", "root"}:
            return None
        people = [e for e in self.res.entities if e.label == "PERSON" and verb.sent.start <= e.span.start
                  and e.span.end <= verb.i]
        if not people:
            return None
        last = max(people, key=lambda e: e.span.start)
        between = verb.doc[last.span.end:verb.i]
        if not between or between[0].text != "," or any(
                t.pos_ in {"VERB"} or fold(t.text) in RELATIVE_PRONOUNS | {"que", "qu'", "«", "»"} for t in between):
            return None
        return last.span.root

    def _inverted_subject(self, verb: Token) -> Token | None:
        """'«Que d'hypocrisies», a dénoncé mardi M. Di Maio': after a quotation the speaker follows
        the verb, and the parser reads the speaker as its object."""
        before = verb.doc[verb.sent.start:verb.i]
        closing = [t for t in before if t.text in QUOTES]
        if not closing:
            return None
        # «…», a dénoncé X: a comma at the quotation's end, then only the verb's auxiliaries
        between = verb.doc[closing[-1].i + 1:verb.i]
        comma = any(t.text == "," for t in (*between, verb.doc[max(closing[-1].i - 1, 0)]))
        if not comma or any(t.pos_ not in {"PUNCT", "AUX", "ADV", "SPACE"} for t in between):
            return None
        for child in verb.children:
            if child.i > verb.i and child.dep_ in {"obj", "dobj", "nsubj", "obl:mod", "appos"} and (
                    (entity := self.res.token_entity.get(child.i)) is not None and entity.label == "PERSON"
                    or sector_of(child, self.res.lexicon) is not None
                    or fold(child.lemma_) in self.lex.aux.get("people_nouns", frozenset())):
                return child
        # the parser may cut the speaker off: "…», a réagi samedi soir Céline Dupont, directrice …"
        for token in verb.doc[verb.i + 1:min(verb.i + 7, verb.sent.end)]:
            entity = self.res.token_entity.get(token.i)
            if entity is not None and entity.label == "PERSON" and entity.span.start == token.i:
                return entity.span.root
            if token.pos_ in {"VERB", "AUX", "PUNCT"} and token.text != "-":
                break
        return None

    def logical_object(self, verb: Token) -> list[Token]:
        if is_passive(verb):
            subj = subject(verb)
            if subj is None and gapped(verb):
                return [verb.head]  # "… et six personnes interpellées": the noun it hangs on
            return [subj] if subj is not None else []
        return objects(verb)

    def aux_mode(self, verb: Token) -> tuple[str | None, str | None]:
        aux = self.lex.aux
        words = [c for c in verb.children if c.dep_ in {"advmod", "neg"}]
        if any(fold(c.text) in aux["negation"] for c in words):
            return "negation", "negation adverb on the verb"
        helpers = [c for c in verb.children if c.dep_.startswith("aux")]
        if any(c.morph.get("Mood") == ["Cnd"] for c in [verb, *helpers]) or any(
                c.dep_ == "mark" and fold(c.text) in aux["hypothetical_marks"] for c in verb.children) or any(
                fold(c.text) in aux.get("hypothetical_modals", frozenset()) for c in helpers):
            return "hypothetical", "conditional mood or 'if' clause"
        if verb.morph.get("Tense") == ["Fut"] or any(
                fold(c.text) in {"will", "shall"} or c.morph.get("Tense") == ["Fut"] for c in helpers):
            return "future", "future tense"
        # "va manifester" is announced; "avaient décidé d'aller manifester" only says where they went.
        if verb.head is not verb and fold(verb.head.lemma_) in aux["future_aux"] and verb.dep_ == "xcomp" \
                and verb.head.morph.get("VerbForm") != ["Inf"]:
            return "future", f"'{verb.head.text}' + infinitive"
        # "avaient manifesté", "avaient été arrêtés" are pluperfects; "étaient évacuées" is only a
        # passive in the imperfect (its one helper is the passive's).
        passive_imperfect = len(helpers) == 1 and helpers[0].dep_ in {"aux:pass", "auxpass"}
        if any(c.morph.get("Tense") == ["Imp"] for c in helpers) and not passive_imperfect \
                and verb.morph.get("VerbForm") == ["Part"]:
            return "historical", "pluperfect"
        if any(fold(c.text) == "had" for c in helpers) and verb.tag_ == "VBN":
            return "historical", "past perfect"
        if verb.dep_ in {"acl:relcl", "relcl"} and helpers and verb.morph.get("VerbForm") == ["Part"] \
                and not _set_off(verb):
            # "les forces qui ont envahi le territoire": a past act that identifies whom the story
            # speaks of. Set off by a comma ("les policiers, qui ont riposté") the clause goes on
            # with the story's own events instead.
            return "historical", "completed action in a restrictive relative clause"
        return None, None

    def speaker(self, verb: Token) -> ActorRef | None:
        """Who reports a clause: the subject of a speech verb governing it, or 'selon X'."""
        for head in head_chain(verb, 4):
            if fold(head.lemma_) in self.lex.speech:
                subj = self.logical_subject(head)
                actors = self.np_actors(subj) if subj is not None else []
                if actors:
                    return actors[0]
        for token in verb.subtree:
            if prep_of(token) in self.lex.informant_preps:
                actors = self.np_actors(token)
                if actors:
                    return actors[0]
        return None

    # --- coding ---------------------------------------------------------------------
    def code_sentence(self, sentence: Span) -> list[Draft]:
        drafts: list[Draft] = []
        for token in sentence:
            lemma = fold(token.lemma_)
            coded = []
            if token.pos_ in {"VERB", "AUX"} and lemma in self.lex.predicates:
                coded = self._predicate_events(token, sentence)
                drafts.extend(coded)
            if token.pos_ in {"NOUN", "PROPN"} and lemma in self.lex.request_nouns:
                drafts.extend(self._noun_requests(token, sentence))
            if token.pos_ == "VERB" and lemma in self.lex.request_verbs:
                drafts.extend(self._verb_requests(token, sentence))
            if not coded and (token.pos_ if token.pos_ != "AUX" else "VERB", lemma) in self.lex.happenings:
                drafts.extend(self.happenings.code(token, sentence))
            if token.pos_ in {"NOUN", "PROPN"} and (lemma in self.lex.accusation_nouns
                                                    or fold(token.text) in self.lex.accusation_nouns):
                drafts.extend(self._accusations(token, sentence))
        return drafts

    def _predicate_events(self, verb: Token, sentence: Span) -> list[Draft]:
        drafts = []
        for predicate in self.lex.predicates[fold(verb.lemma_)]:
            if predicate.objects and not any(
                    fold(o.lemma_) in predicate.objects or fold(o.text) in predicate.objects
                    for o in objects(verb)):
                continue
            draft = self._predicate_event(verb, predicate, sentence)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def requested(self, verb: Token) -> bool:
        """'a exigé que l'Arménie retire ses troupes': the act is what is asked for (coded as the
        REQUEST's content), not an event that took place."""
        current = verb
        for _ in range(3):
            if current.dep_ in {"acl:relcl", "relcl", "ROOT", "root"} or current.head is current:
                return False  # a relative clause states a fact about what is asked for
            current = current.head
            lemma = fold(current.lemma_)
            if lemma in self.lex.request_nouns or lemma in self.lex.request_verbs and self._asks(current):
                return True
        return False

    def _asks(self, verb: Token) -> bool:
        """'compter sur X', 'attendre de X': verbs that ask only with their preposition ('la police
        a compté 1800 manifestants' asks nothing)."""
        preps = self.lex.request_verbs.get(fold(verb.lemma_), ())
        if not preps or "obj" in preps:
            return True
        return any(prep_of(c) in preps or prep_of(g) in preps for c in verb.children for g in [c, *c.children])

    def _predicate_event(self, verb: Token, predicate: Predicate, sentence: Span) -> Draft | None:
        if self.requested(verb):
            return None
        subj = self.logical_subject(verb)
        if subj is None and predicate.reciprocal:
            subj = subject(verb)  # "ils sont convenus": être + participle, parsed as a passive
        core = [verb]
        if predicate.reciprocal:
            parties = self.np_actors(subj) if subj is not None else []
            core += [subj] if subj is not None else []
            for partner in self._partners(verb, predicate):
                parties += self.np_actors(partner)
                core.append(partner)
            parties = unique(parties)
            if len(countries(parties)) < predicate.min_actors:
                return None
            actors, recipients = parties, []
            self.group = parties
        else:
            actor_tok = subj if predicate.actor == "subj" else _first(self.logical_object(verb))
            recip_tok = self._recipient_token(verb, predicate, subj)
            actors = self.np_actors(actor_tok) if actor_tok is not None else []
            recipients = self._place_country(recip_tok) if recip_tok is not None else []
            core += [t for t in (actor_tok, recip_tok) if t is not None]
            if not countries(actors) or (predicate.needs_recipient and not countries(recipients)):
                return None
            if countries(actors) & countries(recipients):
                return None
        aux, why = self.aux_mode(verb)
        event, reasons = predicate.event, [f"{predicate.event} predicate '{verb.lemma_}'"]
        if event == "CONSULT" and aux == "future":
            event, aux = "AGREE", None
            reasons.append("a future meeting is coded AGREE (PLOVER manual, CONSULT)")
        if why:
            reasons.append(f"aux {aux}: {why}")
        return Draft(event, predicate.mode, actors, recipients, sentence, core, verb, reasons,
                     0.85, aux=aux, attributed_to=self.speaker(verb))

    def _recipient_token(self, verb: Token, predicate: Predicate, subj: Token | None) -> Token | None:
        """The target: the object, the subject (for 'receive'), or a prepositional phrase on the
        verb or on its object ('launched strikes against X', 'imposed sanctions on X')."""
        if predicate.recipient == "obj":
            return self._party_inside(_first(self.logical_object(verb)))
        if predicate.recipient in {None, "subj"}:
            return subj
        holders = [*objects(verb), verb]
        found = [t for holder in holders for t in with_prep(holder, predicate.recipient)]
        return self._party_inside(next((t for t in found if self._place_country(t)), _first(found)))

    def _party_inside(self, target: Token | None) -> Token | None:
        """A target that names no party may hold one: 'an agreement with the EU', 'Ukraine's bid'."""
        if target is None or self._place_country(target):
            return target
        inner = [t for prep in ("with", "avec") for t in with_prep(target, prep)]
        inner += [c for c in target.children if c.dep_ == "poss"]
        return next((t for t in inner if self._place_country(t)), target)

    def _partners(self, verb: Token, predicate: Predicate) -> list[Token]:
        partners: list[Token] = []
        # The parser often hangs "avec X" on a place just before it ("un entretien à Ankara avec le
        # ministre"): a place obliquely attached to the verb holds partners too.
        places = [c for c in verb.children if c.dep_.startswith("obl") and c.pos_ == "PROPN" and self._place_country(c)]
        holders = [verb, *objects(verb), *places]
        for slot in predicate.partners:
            if slot == "obj":
                partners += [o for o in objects(verb) if fold(o.lemma_) not in predicate.objects]
            else:
                for holder in holders:
                    partners += with_prep(holder, slot)
        return partners

    # --- requests ---------------------------------------------------------------------
    def _noun_requests(self, noun: Token, sentence: Span) -> list[Draft]:
        governor = noun.head if noun.dep_ not in {"ROOT"} else noun
        while governor.dep_ == "conj" and governor.pos_ in {"NOUN", "PROPN"}:
            governor = governor.head
        if governor.pos_ not in {"VERB", "AUX"}:
            return []
        requester = self._requester(governor, noun)
        if not requester:
            return []
        contents = self._noun_contents(noun, governor)
        return self._requests(noun, governor, requester[0], requester[1], contents, [], sentence)

    def _requester(self, verb: Token, noun: Token) -> tuple[list[ActorRef], str] | None:
        subj = self.logical_subject(verb)
        if subj is not None and subj is not noun and subj.i not in {t.i for t in noun.subtree}:
            actors = self.np_actors(subj)
            return (actors, f"requester: subject of '{verb.text}'") if actors else None
        if is_passive(verb) and self.informant is not None:
            return [self.informant], "requester: the story's informant (agentless passive)"
        return None

    def _noun_contents(self, noun: Token, governor: Token) -> list[Token]:
        found = [c for c in noun.children if c.dep_ in {"nmod", "acl", "xcomp", "prep"}]
        found += [g for c in noun.children if c.dep_ == "prep" for g in c.children]
        found += [c for c in governor.children if c.dep_ in {"xcomp", "advcl"}
                  and c.morph.get("VerbForm") == ["Inf"] and c.i > noun.i]
        return found

    def _verb_requests(self, verb: Token, sentence: Span) -> list[Draft]:
        subj = self.logical_subject(verb)
        actors = self.np_actors(subj) if subj is not None else []
        placed = False
        if not actors and subj is not None:
            actors, placed = self.happenings.speaker_party(subj, verb, sentence), True
        if not actors:
            return []
        addressees: list[Token] = []
        contents: list[Token] = []
        for slot in self.lex.request_verbs[fold(verb.lemma_)]:
            if slot == "obj":
                addressees += [o for o in objects(verb) if self.np_actors(o) or placed and self._group(o)]
            else:
                addressees += with_prep(verb, slot)
        if "obj" in self.lex.request_verbs[fold(verb.lemma_)] and not addressees:
            # "a appelé, dans un tweet, Emmanuel Macron à …": the parser hangs the addressee on the aside
            addressees += [a for c in verb.children if c.dep_.startswith("obl") for a in c.children
                           if a.dep_ == "appos" and self.np_actors(a)]
        contents += [o for o in objects(verb) if o not in addressees]
        contents += [c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "advcl", "obl", "obl:arg"}]
        contents += [g for c in verb.children if c.dep_ == "prep" for g in c.children]
        # "a exhorté les manifestants à rentrer": the infinitive hung on the addressee or an aside
        contents += [g for c in verb.children if c.dep_ in {"obj", "dobj", "obl:mod", "obl"} for g in c.children
                     if g.dep_ in {"acl", "xcomp"} and g.morph.get("VerbForm") == ["Inf"]]
        why = f"requester: subject of '{verb.text}'" + (" (placed where the story happens)" if placed else "")
        drafts = self._requests(verb, verb, actors, why, contents, addressees, sentence)
        if not drafts:
            drafts = self._open_request(verb, actors, why, contents, addressees, sentence)
        return drafts

    def _group(self, token: Token) -> bool:
        return sector_of(token, self.res.lexicon) is not None or token.i in self.res.token_entity

    def _called_protest(self, clause: Token, verb: Token, actors: list[ActorRef], sentence: Span,
                        why: str) -> Draft | None:
        """'a appelé à manifester samedi': PLOVER codes the announced protest (aux future)."""
        kinds = self.lex.happenings.get(("VERB", fold(clause.lemma_)), [])
        protest = next((h for h in kinds if h.event == "PROTEST"), None)
        if protest is None:
            return None
        reasons = [f"PROTEST called for: '{verb.text}' to '{clause.text}' (aux future)", why]
        return Draft("PROTEST", protest.mode, actors, [], sentence, [verb, clause], verb, reasons, 0.6,
                     aux="future", attributed_to=self.speaker(verb) or self.informant)

    def _open_request(self, verb: Token, actors: list[ActorRef], why: str, contents: list[Token],
                      addressees: list[Token], sentence: Span) -> list[Draft]:
        """'a exhorté les manifestants à rentrer chez eux': a domestic call for an act the
        lexicon does not know; coded REQUEST without a mode, only with a clause to ask for."""
        clause = next((c for c in contents if c.pos_ in {"VERB", "AUX"} and (
            c.morph.get("VerbForm") == ["Inf"] or any(fold(m.text) in {"que", "qu'", "that"} for m in c.children))),
            None)
        if clause is None:
            return []
        country, where = self.happenings.event_country(verb, sentence)
        called = self._called_protest(clause, verb, actors, sentence, why)
        if called is None and not any(a.kb_id or a.role or (a.sector and a.sector != "CVL") for a in actors):
            # A call the lexicon cannot type is a political event only when a country, an
            # organisation or someone with a political role makes it ("the minister asked
            # protesters to ..."), not "he asked the company" or "people ask you to write".
            return []
        if called is not None:
            return [called]
        recipients: list[ActorRef] = []
        for token in addressees:
            named = self.np_actors(token)
            placed = None if named else self.happenings.party(token, "CVL", country, where, frozenset())
            recipients += named or (placed[0] if placed else [])
        aux, aux_why = self.aux_mode(verb)
        reasons = [f"REQUEST '{verb.text}' of '{clause.text}' (an act the lexicon has no type for: no mode)", why]
        if aux_why:
            reasons.append(f"aux {aux}: {aux_why}")
        return [Draft("REQUEST", None, actors, unique(recipients), sentence, [verb, *addressees, clause], verb,
                      reasons, 0.6, content_key=f"open:{fold(clause.lemma_)}", aux=aux,
                      attributed_to=self.speaker(verb) or self.informant, joins=True)]

    def _requests(self, trigger: Token, clause: Token, actors: list[ActorRef], why: str,
                  contents: list[Token], addressees: list[Token], sentence: Span) -> list[Draft]:
        drafts = []
        asked = unique([a for t in addressees for a in self.np_actors(t)])
        for content in self._expand(contents):
            predicate = self._content_predicate(content)
            if predicate is None:
                continue
            recipients = self._content_agents(content, predicate) or asked
            if countries(recipients) & countries(actors):
                recipients = asked
            mode = self.lex.request_modes.get(predicate.event, "change")
            aux, aux_why = self.aux_mode(clause)
            reasons = [f"REQUEST '{trigger.text}' of {predicate.event} '{content.text}' -> mode {mode}", why]
            if aux_why:
                reasons.append(f"aux {aux}: {aux_why}")
            core = [trigger, content, *addressees]
            drafts.append(Draft("REQUEST", mode, actors, recipients, sentence, core, clause,
                                reasons, 0.8, content_key=f"{predicate.event}:{predicate.mode}",
                                aux=aux, attributed_to=self.speaker(clause) or self.informant))
        return drafts

    def _expand(self, tokens: list[Token]) -> list[Token]:
        out: list[Token] = []
        for token in tokens:
            for candidate in [token, *conjuncts(token)]:
                if candidate not in out:
                    out.append(candidate)
        return out

    def _content_predicate(self, token: Token) -> Predicate | None:
        for key in (fold(token.lemma_), fold(token.text)):
            for predicate in self.lex.contents.get(key, []):
                if not predicate.objects:
                    return predicate
                near = [*objects(token), *token.children]
                near += [g for o in objects(token) for g in o.children
                         if g.dep_ in {"nmod", "compound", "pobj", "prep"}]
                if any(fold(o.lemma_) in predicate.objects or fold(o.text) in predicate.objects for o in near):
                    return predicate
        return None

    def _content_agents(self, token: Token, predicate: Predicate) -> list[ActorRef]:
        for slot in predicate.agent:
            if slot == "obj":
                holders = objects(token)
            elif slot == "subj":
                holders = [s for s in [subject(token)] if s is not None]
            elif slot == "poss":  # "Iran's support"
                holders = [c for c in token.children if c.dep_ in {"poss", "nmod:poss"}]
            else:
                # "le soutien sans équivoque de la Russie": the parser may hang the "de"
                # phrase on a modifier of the noun.
                holders = with_prep(token, slot) + [
                    h for c in token.children if c.dep_ == "nmod" for h in with_prep(c, slot)]
            for holder in holders:
                found = self.np_actors(holder)
                if found:
                    return found
        return []

    # --- accusations ------------------------------------------------------------------
    def _accusations(self, noun: Token, sentence: Span) -> list[Draft]:
        perpetrators, by, perpetrator_token = self._perpetrators(noun)
        if not perpetrators:
            return []
        for head in head_chain(noun):
            lemma = fold(head.lemma_)
            if head.pos_ not in {"VERB", "AUX"} or not (
                    lemma in self.lex.speech or lemma in self.lex.request_verbs):
                continue
            requester = self._requester(head, noun)
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
            aux, aux_why = self.aux_mode(head)
            if aux_why:
                reasons.append(f"aux {aux}: {aux_why}")
            return [Draft("ACCUSE", "allege", actors, perpetrators, sentence, [first, noun, perpetrator_token],
                          head, reasons, 0.75, aux=aux,
                          attributed_to=self.speaker(head) or self.informant)]
        return []

    def _perpetrators(self, noun: Token) -> tuple[list[ActorRef], str, Token | None]:
        """Who committed the crime: 'commis par X', or 'de X' naming an actor."""
        for child in noun.children:
            if child.dep_ in {"acl", "acl:relcl", "relcl"}:
                found = agent(child)
                actors = self.np_actors(found) if found is not None else []
                if actors:
                    return actors, f"'{child.text} {found.text}'", found
        for prep in self.lex.perpetrator_preps:
            for holder in with_prep(noun, prep):
                found = self.np_actors(holder, follow_conj=False)
                if found and holder.pos_ == "PROPN":
                    return found, f"'{prep} {holder.text}'", holder
        return [], "", None


def _first(tokens: list[Token]) -> Token | None:
    return tokens[0] if tokens else None


def find_informant(res: Resolution) -> ActorRef | None:
    """The source a story relays: 'X a été informé par le service de presse du MAE Arménie'."""
    lex = event_lexicon(res.lang)
    coder = Coder(res)
    for token in res.doc:
        if fold(token.lemma_) in lex.informant_verbs and token.pos_ == "VERB":
            found = agent(token)
            if found is None:
                continue
            for candidate in found.subtree:
                entity = res.token_entity.get(candidate.i)
                if entity is not None and entity.actor is not None and entity.actor.country:
                    return entity.actor
            actors = coder.np_actors(found)
            if actors:
                return actors[0]
    return None


def code_document(res: Resolution) -> list[Draft]:
    coder = Coder(res, find_informant(res))
    drafts: list[Draft] = []
    for sentence in res.doc.sents:
        drafts.extend(coder.code_sentence(sentence))
    for draft in drafts:
        draft.spans = [_evidence_span(draft)]
    return drafts


def _evidence_span(draft: Draft) -> tuple[int, int]:
    bounds = [np_bounds(t, skip_conj=True) if t.pos_ in {"NOUN", "PROPN", "PRON"} else (t.idx, t.idx + len(t))
              for t in draft.core]
    start = max(min(s for s, _ in bounds), draft.sentence.start_char)
    end = min(max(e for _, e in bounds), draft.sentence.end_char)
    return start, end


QUOTES = frozenset({"«", "»", '"', "“", "”"})


def _inside_quotes(sentence: Span) -> set[int]:
    """Indices of the tokens between « and », curly or straight double quotes in a sentence."""
    inside: set[int] = set()
    depth = 0
    for token in sentence:
        if token.text == '"':
            depth = 0 if depth else 1
        elif token.text in {"«", "“"}:
            depth += 1
        elif token.text in {"»", "”"}:
            depth = max(0, depth - 1)
        elif depth:
            inside.add(token.i)
    return inside


def _quoted(token: Token, verb: Token) -> bool:
    """A word of the quotation before the verb ('«Que d'hypocrisies», a dénoncé ...')."""
    between = token.doc[token.i + 1:verb.i]
    return token.i < verb.i and any(t.text in QUOTES for t in between) and any(
        t.text in QUOTES for t in token.doc[token.sent.start:token.i])


def _set_off(clause: Token) -> bool:
    """A relative clause after a comma: it adds to the story rather than identifying someone."""
    first = clause.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","
