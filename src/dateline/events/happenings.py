"""Happenings on the ground: protests, riots, strikes, blockades, arrests, crowd control,
assaults, deployments and threats, coded from the `[[happenings]]` of `lang/<code>/events.toml`.

Unlike the diplomatic predicates, such events often name their parties only as groups
("30 000 personnes ont défilé", "seize personnes ont été interpellées"). An unnamed party gets
the sector the lexicon gives for its role (CVL for the crowd, COP for the police) and the
country where the event happens: a place in the clause, else the dateline, else the story's
main country. A named party keeps what the resolver found. Every such choice is a reason.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from dateline.events.lexicon import Happening
from dateline.events.syntax import agent, gapped, head_chain, is_passive, np_text, objects, prep_of, with_prep
from dateline.resolve.actors import ActorRef, sector_of
from dateline.textutil import fold

if TYPE_CHECKING:
    from dateline.events.coder import Coder, Draft
    from dateline.resolve.entities import ResolvedEntity

GENERIC_CONFIDENCE = 0.6
CROWD = 10  # the fewest people a counted crowd of protesters stands for
NAMED_CONFIDENCE = 0.75


class HappeningCoder:
    def __init__(self, coder: Coder) -> None:
        self.coder = coder
        self.res = coder.res
        self.lex = coder.lex

    # --- where ---------------------------------------------------------------------
    def event_country(self, trigger: Token, sentence: Span) -> tuple[str | None, str]:
        places = [e for e in self.res.entities if e.place is not None and e.place.country
                  and sentence.start <= e.span.start < sentence.end]
        subtree = {t.i for t in trigger.subtree} | {t.i for t in trigger.head.subtree}
        # A place after a locative preposition says where it happened; one inside a party's name
        # ('US and British activists ... in Beijing') says who.
        located = [e for e in places if prep_of(e.span.root) in self.lex.aux.get("locative_preps", frozenset())]
        for scope in (subtree, None):
            for entity in [*located, *places]:
                if scope is None or entity.span.root.i in scope:
                    return entity.place.country, f"in {entity.span.text}"
        if len(self.res.dateline_countries) == 1:
            return next(iter(self.res.dateline_countries)), "the dateline's country"
        main = self.res.main_country()
        return main, "the story's main country"

    # --- who -----------------------------------------------------------------------
    def party(self, token: Token | None, sector: str | None, country: str | None, why: str,
              allowed: frozenset[str]) -> tuple[list[ActorRef], bool] | None:
        """Actors of a noun phrase, or an unnamed group of `sector` in `country`; None when
        the phrase names a group whose sector this happening excludes."""
        if token is not None:
            token = self._antecedent(self._past_determiner(token))
            speaker = self.coder.quoted_speaker(token)  # "« Nous condamnons … », a déclaré X"
            if speaker is not None:
                found = self.party(speaker, sector, country, why, allowed)
                return None if found is None else (self.coder.as_speaker(token, found[0]), found[1])
            demonstratives = self.lex.aux.get("demonstratives", frozenset())
            word = token.head if token.dep_ == "fixed" else token  # "quelqu'" + "un"
            if fold(word.text).rstrip("'’") in self.lex.aux.get("indefinite_pronouns", frozenset()):
                return None  # "on ne peut arrêter quelqu'un qui organise une manifestation": nobody in particular
            # "celles-ci", also written "Celles ci" (then tagged as a noun)
            if fold(token.text.split("-")[0]) in demonstratives and (
                    token.pos_ == "PRON" or not any(c.dep_ == "det" for c in token.children)):
                return None  # "celles-ci ont paralysé", "ceux qui ont agressé": no party the text names
            named = self.coder.np_actors(token)
            if named and all(self._sector_ok(a.sector, allowed) for a in named):
                return named, True
            if named:
                return None
            person = self._person_without_country(token, country, why)
            if person is not None:
                return ([person], True) if self._sector_ok(person.sector, allowed) else None
            found = sector_of(token, self.res.lexicon) or self._role_sector(token)
            if found is not None and not self._sector_ok(found, allowed):
                return None
            sector = found or sector
        if country is None:
            return None
        text = np_text(token) if token is not None else ""
        quoted = f" {text!r}" if text else ""
        reason = f"unnamed {sector or 'unknown-sector'} party{quoted}: country {country} ({why})"
        return [ActorRef(text=text, name=None, country=country, sector=sector, reason=reason)], False

    def speaker_party(self, token: Token, verb: Token, sentence: Span) -> list[ActorRef]:
        """A named person, a title or a pronoun that says or asks something, placed where the
        story happens; nothing for an anonymous noun."""
        if token.pos_ == "PRON" and fold(token.text) not in self.lex.aux.get("third_person", frozenset()):
            return []  # "nous", "we": the quoted speaker, not a party of the story's own
        country, where = self.home_country()
        found = self.party(token, None, country, where, frozenset())
        if found is None:
            return []
        actors, named = found
        return actors if named or any(a.sector for a in actors) else []

    def home_country(self) -> tuple[str | None, str]:
        """Where a speaker of unknown nationality most likely belongs: the dateline's country,
        else the story's main country (not the places the speaker talks about)."""
        if len(self.res.dateline_countries) == 1:
            return next(iter(self.res.dateline_countries)), "the dateline's country"
        return self.res.main_country(), "the story's main country"

    def _role_sector(self, token: Token) -> str | None:
        """'le préfet', 'la présidente du parti': the sector of a title used as a noun."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        hits = self.res.lexicon.role_in(np_text(token))
        return hits[0][1].sector if hits else None

    def _person_without_country(self, token: Token, country: str | None, why: str) -> ActorRef | None:
        """A named person or organisation, or a personal pronoun, whose country the resolver
        did not learn: placed where the event happens."""
        if country is None:
            return None
        entity = self.res.token_entity.get(token.i)
        if entity is None:  # "la présidente du parti, Marine Le Pen, ..."
            entity = next((self.res.token_entity[c.i] for c in token.children
                           if c.dep_ in {"appos", "flat:name", "flat", "nmod"} and c.i in self.res.token_entity
                           and self.res.token_entity[c.i].label == "PERSON"), None) or self._set_off_person(token)
        if entity is not None and entity.label in {"PERSON", "ORG"}:
            known = entity.actor
            sector = known.sector if known and known.sector else sector_of(token, self.res.lexicon)  # "les CRS"
            return ActorRef(text=entity.span.text, name=known.name if known else entity.span.text, country=country,
                            sector=sector, role=known.role if known else None,
                            entity_id=entity.id,
                            reason=f"{entity.span.text}: country {country} assumed ({why})")
        if token.pos_ == "PRON" and fold(token.text) in self.lex.aux.get("personal_pronouns", frozenset()):
            return ActorRef(text=token.text, name=None, country=country, sector=None,
                            reason=f"speaker '{token.text}': country {country} assumed ({why})")
        return None

    def _set_off_person(self, token: Token) -> ResolvedEntity | None:
        """A name set off by a comma inside or right after the phrase ('la dirigeante du parti,
        Lucia Prueba, a ...'), also where the parser hung the name on another word of it."""
        doc = token.doc
        candidates = [t.i for t in token.subtree if t.i > token.i] + [token.right_edge.i + 2]
        for i in candidates:
            entity = self.res.token_entity.get(i)
            if entity is not None and entity.label == "PERSON" and entity.span.start == i \
                    and i < token.sent.end and doc[i - 1].text == ",":
                return entity
        return None

    @staticmethod
    def _sector_ok(sector: str | None, allowed: frozenset[str]) -> bool:
        return not allowed or sector is None or sector in allowed

    @staticmethod
    def _past_determiner(token: Token) -> Token:
        """'Un manifestant' parsed with 'Un' as the subject: the noun after the determiner."""
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if token.pos_ == "DET" and following is not None and following.pos_ in {"NOUN", "ADJ", "PROPN"}:
            return following
        return token

    @staticmethod
    def _antecedent(token: Token) -> Token:
        if fold(token.text) in {"qui", "who", "which", "that"} and token.head.dep_ in {"acl:relcl", "relcl"}:
            return token.head.head
        return token

    # --- what ------------------------------------------------------------------------
    def reports_a_happening(self, token: Token) -> bool:
        """Whether a trigger word states that something happened (or will, or did not), rather
        than naming a kind of action: 'ont été interpellées', 'les heurts ont éclaté',
        'lors de la manifestation' do; 'pour disperser', 'journée de blocage',
        'des voitures incendiées' do not."""
        if token.pos_ in {"VERB", "AUX"}:
            if any(c.dep_ == "det" and not c.like_num for c in token.children) or \
                    fold(token.text) in self.lex.aux.get("noun_forms", frozenset()):
                return False  # a noun tagged as a verb ("un manifestant", "le défilé")
            if fold(token.lemma_) in self.lex.aux.get("intransitive_only", frozenset()) and any(
                    c.dep_ in {"obj", "dobj", "ccomp", "xcomp"} for c in token.children):
                return False  # "demonstrated a new method", "marched the team to victory"
            form = token.morph.get("VerbForm")
            helpers = [c for c in token.children if c.dep_.startswith("aux")]
            if [c.morph.get("VerbForm") for c in helpers] == [["Inf"]] and helpers[0].dep_ in {"aux:pass", "auxpass"}:
                form = ["Inf"]  # "le risque d'être pillé" (but "après avoir été interpellés" happened)
            if form == ["Inf"]:
                head = fold(token.head.lemma_)
                return (token.dep_ == "xcomp" and head in self.lex.aux["future_aux"]) or \
                    head in self.lex.aux.get("progressive_heads", frozenset())  # "en train de frapper"
            has_aux = any(c.dep_.startswith("aux") for c in token.children)
            by_agent = any(c.dep_ in {"obl:agent", "agent"} for c in token.children)  # "Visés par des jets de pierres"
            if form == ["Part"] and token.morph.get("Tense") != ["Pres"] and not has_aux and not by_agent \
                    and token.dep_ not in {"advcl", "conj"} and not gapped(token):
                return False  # "manifestant" as a noun, "Placé en garde à vue, il ...", "rassemblés"
            if form == ["Part"] and token.morph.get("Tense") == ["Pres"] and token.dep_ in {
                    "xcomp", "obj", "nsubj", "obl", "obl:arg", "nmod", "appos"}:
                return False  # a present participle used as a noun ("manifestant")
            if token.dep_ in {"acl:relcl", "relcl"} and token.morph.get("Tense") == ["Pres"] and not has_aux:
                return False  # a generic present: "les citoyens qui protestent"
            if token.morph.get("Tense") == ["Pres"] and not has_aux and any(
                    fold(g.text) in self.lex.aux.get("duration_preps", frozenset())
                    for c in token.children if c.dep_.startswith("obl") for g in c.children if g.dep_ == "case"):
                return False  # an ongoing movement: "depuis trois semaines ils manifestent"
            adjectival = form == ["Part"] and token.dep_ in {"amod", "acl"} and token.morph.get("Tense") != ["Pres"]
            return not adjectival or gapped(token) or any(c.dep_.startswith("aux") for c in token.children)
        crowd_noun = fold(token.text) in self.lex.aux.get("noun_forms", frozenset())
        if crowd_noun or any(c.dep_ == "nummod" for c in token.children):
            return True  # counted: "49 interpellations", "224 arrestations"; crowds are checked when coded
        if self._after_light_verb(token):
            return True  # "a procédé à plusieurs interpellations", "made several arrests"
        if self._nominal_predicate(token) or self._marred(token):
            return True  # "les enseignants étaient en grève", "des incidents ont émaillé le défilé"
        if not any(c.dep_ == "det" for c in token.children) and token.morph.get("Number") != ["Plur"]:
            return False
        if token.dep_ in {"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "ROOT", "root", "appos", "conj"}:
            return True
        preps = {fold(c.text) for c in token.children if c.dep_ in {"case", "fixed"}}
        preps |= {fold(g.text) for c in token.children if c.dep_ == "case" for g in c.children if g.dep_ == "fixed"}
        if token.dep_ == "pobj" or token.head.pos_ in {"ADV", "ADP"}:
            preps.add(fold(token.head.text))  # "lors d'une manifestation": 'lors' governs the noun
        return bool(preps & self.lex.aux.get("event_preps", frozenset()))

    def code(self, token: Token, sentence: Span) -> list[Draft]:
        if token.pos_ == "ADJ":
            if self.coder.speech_subject(token) is None or self._negated(token):
                return []  # a judgement counts only as someone's quoted words
        elif not self.reports_a_happening(token) or self._alleged(token) or self.coder.requested(token):
            return []
        if token.pos_ == "NOUN" and not self._paragraph_has_verb(token):
            return []  # a headline or subheading ("Nombreux heurts, arrestations massives")
        drafts = []
        for happening in self.lex.happenings.get((token.pos_ if token.pos_ != "AUX" else "VERB",
                                                   fold(token.lemma_)), []):
            if happening.objects and not self._has_object(token, happening.objects):
                continue
            if happening.exclude_objects and self._has_object(token, happening.exclude_objects, reach=30):
                continue
            if not happening.passive and token.pos_ in {"VERB", "AUX"} and is_passive(token):
                continue
            if happening.abstract_object and not self._abstract_object(token):
                continue
            if happening.counted_crowd and not self._counted_crowd(token):
                continue
            draft = self._draft(token, happening, sentence)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def _counted_crowd(self, token: Token) -> bool:
        """'4300 manifestants', 'des milliers de manifestants', 'un millier de manifestants': a crowd
        the story counts was there; 'les manifestants' alone is only a reference."""
        if token.dep_ in {"nsubj:pass", "nsubjpass"} or token.dep_ == "nsubj" and is_passive(token.head):
            return False  # "118 manifestants ont été blessés" counts victims, not a crowd
        count = _count(token, self.lex.vague_counts)
        if count is not None:
            return count[0] >= CROWD  # "deux manifestants blessés" tells of two people, not of a protest
        head = token.head
        count = _count(head, self.lex.vague_counts) if head is not token else None
        return prep_of(token) in {"de", "d'", "of"} and (count is not None and count[0] >= CROWD or head.like_num)

    def _negated(self, token: Token) -> bool:
        negation = self.lex.aux["negation"]
        copula = any(c.dep_ == "cop" for c in token.children)
        holders = [token, token.head] if copula or token.dep_ != "ROOT" else [token]
        return any(fold(c.text) in negation for h in holders for c in h.children if c.dep_ in {"advmod", "neg"})

    def _abstract_object(self, token: Token) -> bool:
        """'a écarté un retour sur la réforme' rejects a measure; 'ont écarté les manifestants'
        moves people, which is no statement."""
        found = objects(token)
        moved = any(prep_of(c) in {"de", "d'", "du", "des", "from"} for c in token.children
                    if c.dep_.startswith("obl") or c.dep_ == "prep")  # "écartés de la chaussée"
        return bool(found) and not moved and not any(self._is_party(o, frozenset()) for o in found)

    def _alleged(self, token: Token) -> bool:
        """'accusé la Russie de ... en frappant': the act is the content of an accusation, which
        is the event (coded as ACCUSE), not a happening the story reports."""
        verbs = self.lex.aux.get("accusation_verbs", frozenset())
        return any(fold(head.lemma_) in verbs for head in head_chain(token, 4))

    @staticmethod
    def _paragraph_has_verb(token: Token) -> bool:
        text = token.doc.text
        start = text.rfind("\n", 0, token.idx) + 1
        end = text.find("\n", token.idx)
        end = len(text) if end < 0 else end
        return any(t.pos_ in {"VERB", "AUX"} and start <= t.idx < end for t in token.sent)

    def _after_light_verb(self, token: Token) -> bool:
        """The noun is what a light verb's subject did: the clause states the act."""
        light = self.lex.aux.get("light_verbs", frozenset())
        head = token.head
        # "en organisant des barrages depuis trois semaines" describes a manner, not one act
        gerund = head.morph.get("VerbForm") == ["Part"] and head.morph.get("Tense") == ["Pres"] \
            and not any(c.dep_.startswith("aux") for c in head.children)  # "is conducting" is no gerund
        return token.dep_ in {"obj", "dobj", "obl:arg", "pobj"} and not gerund and (
            fold(head.lemma_) in light or fold(head.text) in light)

    def _marred(self, token: Token) -> bool:
        """'des incidents ont émaillé (samedi) le défilé': the object of such a verb is reported
        (parsed as a modifier when a date comes between); not in a relative clause that only
        recalls ('les violences qui ont émaillé les manifestations')."""
        bare = token.dep_ in {"obj", "dobj"} or token.dep_.startswith("obl") and not any(
            c.dep_ == "case" for c in token.children)
        return bare and fold(token.head.lemma_) in self.lex.aux.get("marred_verbs", frozenset()) \
            and token.head.dep_ not in {"acl:relcl", "relcl"}

    @staticmethod
    def _nominal_predicate(token: Token) -> bool:
        return token.pos_ == "NOUN" and any(c.dep_ in {"nsubj", "nsubj:pass"} for c in token.children) \
            and any(c.dep_ == "cop" for c in token.children)

    def _is_weak(self, token: Token) -> bool:
        """A noun mention with no count, place or date of its own."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return False
        attention = self.lex.aux.get("attention_verbs", frozenset())
        if token.dep_ in {"obj", "dobj"} and fold(token.head.lemma_) in attention:
            return True  # "il suit de près les manifestations", "reporters covering the protests": a topic
        if any(c.dep_ == "nummod" for c in token.children) or self._after_light_verb(token):
            return False
        if self._marred(token):
            return False  # "des incidents ont émaillé le défilé", "clashes marred the march"
        if fold(token.head.lemma_) in self.lex.aux.get("occurrence_verbs", frozenset()) and (
                token.dep_ in {"nsubj", "nsubj:pass"} or token.dep_.startswith("obl")):
            return False  # "des heurts ont éclaté (face au jet de projectiles)": the clause reports it
        if self._nominal_predicate(token):
            return False  # "les enseignants étaient en grève": the noun is what its subject did
        inside = {t.i for t in token.subtree}
        if token.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}:
            # "des manifestations se sont déroulées samedi à Lyon": what dates and places the
            # verb of which the noun is the subject, the noun has
            inside |= {t.i for c in token.head.children if c.dep_.startswith(("obl", "advmod", "npadvmod"))
                       for t in c.subtree}
        if any(e.place is not None and e.span.root.i in inside for e in self.res.entities):
            return False
        return not any(t.ent_type_ in {"DATE", "TIME"} or fold(t.text) in self.lex.aux.get("weekdays", frozenset())
                       for t in token.doc if t.i in inside)

    @staticmethod
    def _has_object(token: Token, words: frozenset[str], reach: int = 12) -> Token | None:
        """Light verbs and vague nouns need their object ("faire usage de gaz lacrymogène"); a noun
        may need its verb ("opened an investigation")."""
        if token.pos_ == "NOUN" and token.head is not token and (
                fold(token.head.lemma_) in words or fold(token.head.text) in words):
            return token.head
        for child in token.subtree:
            if child is token or child.i > token.i + reach or child.i < token.i - 6:
                continue
            if fold(child.lemma_) in words or fold(child.text) in words:
                return child
        return None

    def _draft(self, token: Token, happening: Happening, sentence: Span) -> Draft | None:
        from dateline.events.coder import Draft

        what = self._has_object(token, happening.objects) if happening.objects else None
        country, where = self.event_country(token, sentence)
        actor_token, patient_token = self._roles(token, happening)
        if happening.actor_is_object:
            actor_token, patient_token = patient_token, None
        if happening.requires_actor and actor_token is None:
            return None
        actor = self.party(actor_token, happening.actor_sector, country, where, happening.actor_sectors)
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
        recipients: list[ActorRef] = []
        if happening.unknown_attacker and not named and country is not None and patient_token is None:
            recipients = [ActorRef(text="", name=None, country=country, sector=None,
                                   reason=f"struck in {country} ({where})")]
        elif happening.recipient == "state" and country is not None:
            recipients = [ActorRef(text="", name=None, country=country, sector="GOV",
                                   reason=f"a protest addresses the state where it happens ({country})")]
        elif happening.recipient is not None:
            if happening.requires_party and not self._is_party(patient_token, happening.recipient_sectors):
                return None
            found = self.party(patient_token, happening.recipient_sector, country, where, happening.recipient_sectors)
            recipients = found[0] if found else []
            if not recipients and happening.recipient == "country" and country is not None:
                recipients = [ActorRef(text="", name=None, country=country, sector=None,
                                       reason=f"unnamed party in {country} ({where})")]
        aux, aux_why = self._aux(token)
        event, mode = happening.event, happening.mode
        clause_verb = token if token.pos_ in {"VERB", "AUX"} else token.head
        speaker = self.coder.speaker(clause_verb) or self._reporter(clause_verb, country, where)
        if aux in {"hypothetical", "future"} and event in {"COERCE", "ASSAULT", "SANCTION"} and speaker is not None:
            aux_why = f"{aux} {event.lower()} announced by '{speaker.text}': a threat"
            event, mode, aux = "THREATEN", "arrest" if mode == "arrest" else "violence", None
        reasons = [f"{event} {token.pos_.lower()} '{token.text}'" + (f" ({mode})" if mode else ""),
                   *[a.reason for a in actors if a.reason], *[r.reason for r in recipients if r.reason]]
        if aux_why:
            reasons.append(f"aux {aux}: {aux_why}")
        core = [t for t in (token, actor_token, patient_token, what) if t is not None and t.sent == token.sent]
        clause = token if token.pos_ in {"VERB", "AUX"} else token.head
        return Draft(event, mode, actors, recipients, sentence, core, clause, reasons,
                     NAMED_CONFIDENCE if named else GENERIC_CONFIDENCE, aux=aux,
                     attributed_to=speaker, weak=self._is_weak(token),
                     count=_count(actor_token if happening.event == "PROTEST" else patient_token, self.lex.vague_counts)
                     or _count(token),
                     joins=happening.joins, national=self._national(token))

    def _national(self, token: Token) -> bool:
        """Whether the clause speaks of the whole country ('Quelque 84 000 manifestants à travers le
        pays'): such a count is not one town's march."""
        clause = token if token.pos_ in {"VERB", "AUX"} else token.head
        words = fold(" ".join(t.text for t in clause.subtree))
        return any(cue in words for cue in self.lex.aux.get("national_scope", frozenset()))

    def _reporter(self, verb: Token, country: str | None, where: str) -> ActorRef | None:
        """Who says it, when the resolver could not place them: the subject of the speech verb
        that governs the clause, as an unnamed party where the event happens."""
        for head in head_chain(verb, 4):
            if fold(head.lemma_) in self.lex.speech:
                subj = self.coder.logical_subject(head)
                found = self.party(subj, None, country, where, frozenset()) if subj is not None else None
                return found[0][0] if found else None
        return None

    def _roles(self, token: Token, happening: Happening) -> tuple[Token | None, Token | None]:
        """The acting and the affected phrases of a verb or a noun trigger."""
        if token.pos_ == "ADJ":  # "« Ces violences sont inacceptables », a réagi X": X judges
            return self.coder.speech_subject(token), None
        if token.pos_ in {"VERB", "AUX"}:
            actor = self.coder.logical_subject(token)
            patients = self.coder.logical_object(token) if happening.recipient in {"obj", "country"} \
                or happening.actor_is_object else []
            for prep in happening.recipient_preps:
                patients += with_prep(token, prep)
                patients += [g for o in objects(token) for g in with_prep(o, prep)]
            return actor, patients[0] if patients else None
        genitive = [c for c in token.children if prep_of(c) in {"de", "of"}
                    and c.pos_ in {"NOUN", "PROPN", "PRON"}]
        by = with_prep(token, "par") + with_prep(token, "by")
        # "les frappes menées par l'armée", "attacks carried out by rebels"
        holders = [token, *(c for c in token.children if c.dep_ in {"nmod", "compound"})]
        by += [found for holder in holders for child in holder.children if child.dep_ in {"acl", "acl:relcl", "relcl"}
               for found in [agent(child)] if found is not None]
        patients = [g for prep in happening.recipient_preps for g in with_prep(token, prep)]
        if happening.genitive_patient:  # "l'arrestation d'Éric Drouet": who is arrested
            patients = genitive + patients
            genitive = []
        actor = (by or [g for g in genitive if self._group_like(g)] or [None])[0]
        if actor is None and token.dep_ in {"obj", "dobj", "obl:arg"} and (
                happening.actor_from_head or self._after_light_verb(token)):
            actor = self.coder.logical_subject(token.head)  # "la police a procédé à 49 interpellations"
        if happening.counted_crowd:
            return token, None  # the counted crowd is who protested
        if actor is None and self._nominal_predicate(token):
            actor = next(c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass"})
        return actor, patients[0] if patients else None

    def _is_party(self, token: Token | None, allowed: frozenset[str]) -> bool:
        """A person or a group (not a lorry or a motorbike) that the event can be done to."""
        if token is None:
            return False
        token = self.coder.counted(self._antecedent(self._past_determiner(token)))  # "des centaines de gilets jaunes"
        named = self.coder.np_actors(token)
        entity = self.res.token_entity.get(token.i)
        if named:
            return all(self._sector_ok(a.sector, allowed) for a in named)
        if entity is not None and entity.label == "PERSON":
            return True
        sector = sector_of(token, self.res.lexicon)
        return sector is not None and self._sector_ok(sector, allowed) or (
            token.pos_ == "PRON" and fold(token.text) not in {"en", "y", "ce", "cela", "ça", "it"})

    def _group_like(self, token: Token) -> bool:
        return bool(self.coder.np_actors(token)) or sector_of(token, self.res.lexicon) is not None

    def _aux(self, token: Token) -> tuple[str | None, str | None]:
        if token.pos_ in {"VERB", "AUX"}:
            return self.coder.aux_mode(token)
        head = token.head
        if head is not token and head.pos_ in {"VERB", "AUX"}:
            aux, why = self.coder.aux_mode(head)
            if aux:
                return aux, f"{why} on '{head.text}'"
            if fold(head.lemma_) in self.lex.aux.get("recall_verbs", frozenset()):
                return "historical", f"recalled ('{head.text}')"
        cues = self.lex.aux.get("future_cues", frozenset())
        for near in [*token.children, head]:
            if fold(near.lemma_) in cues or fold(near.text) in cues:
                return "future", f"'{near.text}'"
        return None, None


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
