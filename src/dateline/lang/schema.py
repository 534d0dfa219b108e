"""The schema of a language folder (`lang/<code>/*.toml`), checked when the language is loaded.

Every table and key is declared here: a key the schema does not know, or one it needs that the
file lacks, is a load error naming the file and the key, so that a typo or a forgotten list
cannot switch a rule off in silence. Word lists are folded (case and accents) as they load,
because every rule compares folded words.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator

from dateline.plover import ontology
from dateline.textutil import fold


def _folded(values: list[str]) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


Words = Annotated[frozenset[str], BeforeValidator(_folded)]  # compared folded, order irrelevant
Ordered = tuple[str, ...]  # order matters (tried first to last), compared as written
Codes = frozenset[str]  # sector codes


class Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- nlp.toml ---------------------------------------------------------------------------
class NlpSpec(Data):
    model: str | None = None  # the spaCy pipeline package; without one the language gets no events
    version: str | None = None
    # The model's entity labels, as the record names them (PER -> PERSON); labels not listed are dropped.
    entity_labels: dict[str, Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"]]


# --- grammar.toml ----------------------------------------------------------------------
class Prepositions(Data):
    agent: Words  # introduces the agent of a passive: "par", "by"
    comitative: Words  # "avec", "with"
    genitive: Words  # "de", "of"
    benefactive: Words  # "pour", "for": "a spokesman for the army"
    source: Words  # "de", "from": moved from somewhere
    locative: Words  # "à", "en", "in": where it happened
    temporal: Words  # before a noun that places an event in time: "lors de", "during"
    duration: Words  # "depuis": an ongoing movement


class Pronouns(Data):
    relative: Words  # "qui", "who": stand for their antecedent
    first_person: Words  # inside a quotation they are its speaker
    third_person: Words
    singular: Words  # "il", "he": the last person named
    personal: Words
    demonstrative: Words  # "celles-ci", "those": no party the text names
    indefinite: Words  # "quelqu'un", "someone": nobody in particular
    inanimate: Words  # "en", "y", "it": no person or group
    body: Words = frozenset()  # "il" in "le gouvernement a annoncé qu'il ...": the body that says it


class Auxiliaries(Data):
    perfect: Words  # "avoir", "have": makes a verb active whatever the parser labelled
    future: Words  # "will", "shall" (as written)
    future_lemmas: Words  # helpers of a future clause, by lemma: "aller", "will"
    past_perfect: Words  # "had"
    modals: Words  # "would", "could": not (yet) happened
    future_verbs: Words  # "aller", "devoir" + infinitive: announced


class Quotes(Data):
    open: frozenset[str]
    close: frozenset[str]
    toggle: frozenset[str]  # straight quotes open and close alike

    @property
    def all(self) -> frozenset[str]:
        return self.open | self.close | self.toggle


class Grammar(Data):
    prepositions: Prepositions
    pronouns: Pronouns
    auxiliaries: Auxiliaries
    contractions: dict[str, str]  # "du" -> "de", "au" -> "à": the preposition a contraction holds
    possessive: str  # the preposition a possessive stands for ("his arrest" = "the arrest of him")
    definite_articles: Words
    complementizers: Words  # "que", "that": a clause the verb asks for
    conditional_marks: Words  # "si", "if"
    reflexives: Words  # "se": a pronominal verb is no passive
    euphonic: Words  # sounds the parser may take for a subject: the "t" of "a-t-il"
    negation: Words
    progressive_heads: Words  # "en train de" + infinitive: going on
    quotes: Quotes
    # Morphological features of a past participle as the tagger gives them (spaCy MORPH).
    participle: dict[str, str]

    @model_validator(mode="after")
    def _fold_contractions(self) -> Grammar:
        object.__setattr__(self, "contractions", {fold(k): fold(v) for k, v in self.contractions.items()})
        return self


# --- events.toml ------------------------------------------------------------------------
def _event_type(value: str) -> str:
    if value not in ontology().types:
        raise ValueError(f"{value!r} is not a PLOVER type")
    return value


EventType = Annotated[str, BeforeValidator(_event_type)]


class _Typed(Data):
    event: EventType
    mode: str | None = None

    @model_validator(mode="after")
    def _mode_of_type(self) -> _Typed:
        if not ontology().has_mode(self.event, self.mode):
            raise ValueError(f"{self.mode!r} is not a PLOVER mode of {self.event}")
        return self


class Predicate(_Typed):
    """A verb that states an event between named parties."""

    lemmas: Words
    objects: Words = frozenset()  # light-verb locutions: the object noun that makes it an event
    reciprocal: bool = False  # all parties (subject and partners) go in `actor`
    partners: Ordered = ()  # dependents naming other parties: "obj", or a preposition
    actor: Literal["subj", "obj"] = "subj"
    recipient: str | None = None  # "subj", "obj", "dative" (the indirect object) or a preposition
    min_actors: int = 1
    needs_recipient: bool = False
    # prepositional slots the verb or its object must have: preposition -> its words (any if empty)
    preps: dict[str, Words] = {}
    exclude_objects: Words = frozenset()  # any of these on the verb or its object rules it out


class RequestVerb(Data):
    lemmas: Words
    pos: Literal["VERB", "NOUN"]
    addressee: Ordered = ()  # "obj" or prepositions naming who is asked
    # The slots ("obj" or prepositions) whose noun is the thing asked for even when the lexicon
    # cannot type it ("called for new elections", "demanded an apology"): REQUEST without a mode.
    asked_nouns: Ordered = ()


class Content(_Typed):
    """An act that can be requested; `agent` names the dependents saying who would carry it out."""

    lemmas: Words
    objects: Words = frozenset()
    agent: Ordered = ()
    # The REQUEST mode of asking for it, when it is not the one of its type (plover.toml
    # request_modes): a resignation is RETREAT, but demanding one asks for a change of leader.
    request_mode: str | None = None

    @model_validator(mode="after")
    def _request_mode(self) -> Content:
        if not ontology().has_mode("REQUEST", self.request_mode):
            raise ValueError(f"{self.request_mode!r} is not a PLOVER mode of REQUEST")
        return self


class Accusation(Data):
    lemmas: Words  # crime nouns
    perpetrator: Ordered  # prepositions naming who committed it


class Happening(_Typed):
    """An event on the ground, whose parties are often unnamed groups (see `events/ground.py`)."""

    lemmas: Words
    pos: Literal["VERB", "NOUN", "ADJ"]
    actor_sector: str | None = None  # the sector of an unnamed actor
    actor_sectors: Codes = frozenset()  # the sectors a named actor may have
    recipient: str | None = None  # "state", "obj" or "country"
    recipient_sector: str | None = None
    recipient_preps: Ordered = ()
    recipient_sectors: Codes = frozenset()
    objects: Words = frozenset()  # one of these must depend on the trigger
    exclude_objects: Words = frozenset()  # any of these rules it out
    actor_from_head: bool = False
    actor_is_object: bool = False  # the deployed forces are the object
    subject_is_recipient: bool = False  # "a reçu des coups", "a écopé de prison": the subject undergoes it
    requires_actor: bool = False
    named_actor: bool = False
    requires_party: bool = False
    passive: bool = True  # False: not coded in the passive
    joins: bool = False
    unknown_attacker: bool = False
    genitive_patient: bool = False  # "l'arrestation d'Éric Drouet": who is arrested
    abstract_object: bool = False  # the object must be a thing or a measure, not a party
    counted_crowd: bool = False  # a noun for the crowd itself, coded only with a figure
    # Two-sided events (clashes): prepositions naming the other side ("avec", "entre"); all sides
    # are actors and there is no recipient; an unnamed other side has `partner_sector`.
    partners: Ordered = ()
    partner_sector: str | None = None
    # A meeting told by its noun ("talks between Serbia and Kosovo took place"): every side is a
    # party the text names or a group of a known sector, two at least; none is supplied unnamed.
    named_sides: bool = False
    preps: dict[str, Words] = {}  # prepositional slots the trigger or its object must have (see Predicate)
    direct_objects: bool = False  # `objects` must be the trigger's own objects, not any word near it
    # A subject naming no person or group ("a bomb killed", "an incident that killed"), or none
    # on a participle hung on a clause ("a bomb went off, killing two"), rules it out: the verb
    # tells the toll of another event.
    party_agent: bool = False
    # A judgement ("a disgrace", "une honte"): coded only inside someone's quoted words, as an
    # adjective trigger always is.
    quoted: bool = False


class Speech(Data):
    lemmas: Words  # verbs reporting what an actor says
    informant_verbs: Words  # "informé par X": the account the story relays
    informant_preps: Words  # "selon X"


class Cues(Data):
    """Content words that rules look for around a trigger."""

    marred_verbs: Words  # whose object is a happening the clause reports
    attention_verbs: Words  # whose object is a topic, not a happening
    occurrence_verbs: Words  # whose subject is reported to have happened
    accusation_verbs: Words  # whose content is alleged, not reported
    recall_verbs: Words  # that recall a past event
    light_verbs: Words  # whose object noun is the act itself
    intransitive_only: Words  # a protest only without an object
    future_cues: Words  # "prévu", "planned"
    weekdays: Words
    people_nouns: Words  # nouns for people, which a nationality turns into a party
    leader_nouns: Words = frozenset()  # "the leader", "le dirigeant": the story's protagonist when unnamed
    noun_forms: Words  # forms of event verbs used as nouns ("manifestant")
    place_nouns: Words  # "le territoire de X" names X
    national_scope: Words  # the whole country: a count said of it is no town's march
    phone_cues: Words
    multilateral_cues: Words
    # sectors of a crowd whose demand of no one named is its protest's topic, not a REQUEST
    crowd_sectors: Words


class Events(Data):
    predicates: tuple[Predicate, ...]
    requests: tuple[RequestVerb, ...]
    contents: tuple[Content, ...]
    accusations: tuple[Accusation, ...]
    happenings: tuple[Happening, ...]
    speech: Speech
    cues: Cues
    contexts: dict[str, Ordered]  # PLOVER context -> cue substrings (folded at compile time)
    vague_counts: dict[str, tuple[int, int]]  # "centaines" -> (100, 999)


# --- verbs.toml (optional) ---------------------------------------------------------------
class VerbInput(Data):
    path: str
    sha256: str


class VerbProvenance(Data):
    importer: str
    format: int
    petrarch2_commit: str
    date: str
    license: str
    skipped_patterns: int
    inputs: tuple[VerbInput, ...]


class ImportedVerb(_Typed):
    """A CAMEO verb pattern as slots on the dependency parse (`kb/cameo_verbs.py`), compiled into
    a `Predicate` or a `Happening` for the coder (`events/lexicon.py`)."""

    cameo: str  # the CAMEO code
    block: str  # the dictionary's verb block
    lemmas: Words
    objects: Words = frozenset()  # object words (a phrase: its head last)
    preps: dict[str, Words] = {}  # preposition -> words of its phrase (any if empty)
    exclude: Words = frozenset()  # words of the block's no-event patterns
    actor: str = "subj"
    recipient: str | None = None
    coder: Literal["predicate", "happening"]
    options: dict[str, Any] = {}  # further fields of the Predicate or Happening
    source: str  # where the type comes from: CAMEO2PLOVER or an override and its reason

    @model_validator(mode="after")
    def _compiles(self) -> ImportedVerb:
        self.compiled()  # options the coder's entry does not know are a load error
        return self

    def compiled(self) -> Predicate | Happening:
        """The coder's entry for this pattern."""
        common: dict[str, Any] = {"event": self.event, "mode": self.mode, "lemmas": self.lemmas,
                                  "objects": self.objects, "preps": self.preps, "exclude_objects": self.exclude}
        if self.coder == "predicate":
            return Predicate(**common, actor=self.actor, recipient=self.recipient, **self.options)
        slot: dict[str, Any] = {}
        if self.recipient in {"obj", "state", "country"}:
            slot["recipient"] = self.recipient
        elif self.recipient is not None:  # '(AGAINST +)': the target is a prepositional phrase
            slot = {"recipient": "obj", "recipient_preps": (self.recipient,)}
        return Happening(**common, pos="VERB", direct_objects=bool(self.objects), **slot, **self.options)


class Verbs(Data):
    provenance: VerbProvenance
    verbs: tuple[ImportedVerb, ...]


# --- actors.toml ------------------------------------------------------------------------
class Role(Data):
    phrases: Ordered
    role: str
    sector: str


class Honorifics(Data):
    words: Ordered  # forms of address before a name: "M.", "Mme", "Dr"


class Collectives(Data):
    plural_participants: Ordered  # "les deux ministres", "the two sides": the parties named together


class Actors(Data):
    roles: tuple[Role, ...]
    sectors: dict[str, Ordered]  # sector -> group nouns
    organisations: dict[str, Ordered]  # sector -> names of state bodies
    collectives: Collectives
    contracted_articles: dict[str, str]  # "au" -> "Le": "au Havre" is in Le Havre
    country_cues: dict[str, Ordered]  # "Georgia" -> words showing the country is meant
    honorifics: Honorifics


# --- dates.toml -------------------------------------------------------------------------
class DatePatterns(Data):
    dates: Ordered  # day-month expressions, tried in this order; {MONTH} is the month names
    list_joiners: str


class Relative(Data):
    weekday_before: str
    last: Ordered
    next: Ordered
    day: dict[str, int]
    year: dict[str, int]
    week: dict[str, int]
    weekend: dict[str, int]
    month_rel: dict[str, int]
    month_year: str
    month_alone: str
    year_pattern: str
    decade: str
    weekdays: dict[str, int]


class Dates(Data):
    # Whether month names are written with a capital (English): a lower-case "may" is no month.
    capitalised_months: bool
    months: dict[str, int]
    patterns: DatePatterns
    relative: Relative


# --- clean.toml -------------------------------------------------------------------------
class Lines(Data):
    join_after: Ordered
    split_after: Ordered
    split_before: Ordered
    inline_kinds: Ordered


class Block(Data):
    start: str
    end: str


class DatelineForms(Data):
    patterns: Ordered
    trailers: Ordered


class Header(Data):
    section_max_words: int


class Social(Data):
    names: Ordered


class Clean(Data):
    furniture: dict[str, Ordered]
    lines: Lines
    blocks: tuple[Block, ...]
    header: Header
    dateline: DatelineForms
    social: Social


FILES: dict[str, type[Data]] = {"nlp": NlpSpec, "grammar": Grammar, "events": Events, "actors": Actors,
                                "dates": Dates, "clean": Clean}
OPTIONAL_FILES: dict[str, type[Data]] = {"verbs": Verbs}  # a language may lack them
