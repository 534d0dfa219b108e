"""The learned detector beside the rules (`dateline.detector`), each of its two paths with its
reason: a rule event of a type the detector finds very unlikely in its sentence loses confidence,
and a sentence where no rule fired but the detector is confident of a type gets an event from a
generic reading of its main clause (subject -> actor, object or prepositional target ->
recipient, through the rules' own party resolution), only when both parties resolve."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.detector.model import Detector
from dateline.events.clause import logical_object, logical_subject
from dateline.events.context import CodingContext
from dateline.events.draft import Draft, countries, unique
from dateline.events.lexicon import cue_types
from dateline.events.modes import aux_mode
from dateline.events.parties import is_time, np_actors, party
from dateline.events.scene import event_country
from dateline.events.statements import domestic
from dateline.events.syntax import is_verb, prep_of
from dateline.resolve.actors import ActorRef
from dateline.textutil import fold

UNLIKELY_PENALTY = 0.2
DETECTED_CONFIDENCE = 0.4
_CONTENT_CLAUSES = {"ccomp", "xcomp", "parataxis"}
_TARGET_DEPS = {"obl", "obl:arg", "obl:mod", "prep", "pobj", "nmod", "iobj", "dative"}


def weigh(drafts: list[Draft], probabilities: dict[str, float], detector: Detector) -> None:
    """Path 1: a rule draft whose type the detector finds very unlikely here loses confidence."""
    for draft in drafts:
        threshold = detector.threshold("drop", draft.event)
        value = probabilities.get(draft.event)
        if threshold is not None and value is not None and value < threshold:
            draft.confidence -= UNLIKELY_PENALTY
            draft.reasons.append(f"detector: P({draft.event}) = {value:.3f} in this sentence, under its "
                                 f"drop threshold {threshold:.3f}; confidence -{UNLIKELY_PENALTY}")


def detected(ctx: CodingContext, sentence: Span, probabilities: dict[str, float],
             detector: Detector) -> list[Draft]:
    """Path 2: the event of the likeliest type above its add threshold, when both parties resolve."""
    confident = [(value, event_type) for event_type, value in probabilities.items()
                 if (threshold := detector.threshold("add", event_type)) is not None and value >= threshold]
    if not confident:
        return []
    value, event_type = max(confident)
    draft = _generic_reading(ctx, sentence, event_type)
    if draft is None:
        return []
    draft.reasons.insert(0, f"detector: P({event_type}) = {value:.2f} in this sentence, over its add threshold "
                            f"{detector.threshold('add', event_type):.2f}, and no rule fired")
    return [draft]


def _main_clause(ctx: CodingContext, sentence: Span) -> tuple[Token, Token | None] | None:
    """The verb that tells what happened and, for reported speech, the speaker's verb."""
    root = sentence.root
    if not is_verb(root):
        return None
    if fold(root.lemma_) in ctx.lex.speech:
        content = [c for c in root.children if c.dep_ in _CONTENT_CLAUSES and is_verb(c)]
        return (content[0], root) if content else None
    return root, None


def _clauses(ctx: CodingContext, sentence: Span, event_type: str) -> list[tuple[Token, Token | None]]:
    """The verbs to read, best first: those the lexicon gives the detected type (the rules know the
    word but not this construction), then the main clause."""
    cued = [(verb, _speech_head(ctx, verb)) for verb in sentence
            if is_verb(verb) and event_type in cue_types(ctx.lex, fold(verb.lemma_), verb.pos_)]
    main = _main_clause(ctx, sentence)
    return [*cued, *([main] if main is not None and main[0] not in {v for v, _ in cued} else [])]


def _speech_head(ctx: CodingContext, verb: Token) -> Token | None:
    head = verb.head
    return head if verb.dep_ in _CONTENT_CLAUSES and fold(head.lemma_) in ctx.lex.speech else None


def _resolved(ctx: CodingContext, token: Token, country: str | None, where: str) -> list[ActorRef]:
    """The parties of a phrase through the rules' resolution: named actors, or an unnamed group of
    a known sector ("police", "students") placed by the clause, the dateline or the story."""
    found = party(ctx, token, None, country, where, frozenset())
    if found is None:
        return []
    actors, named = found
    return unique(actors) if named or all(a.sector for a in actors) else []


def _recipients(ctx: CodingContext, verb: Token, sentence: Span) -> tuple[Token | None, list[ActorRef]]:
    """The first object, else prepositional target, that names a party, and its actors."""
    targets = [c for c in verb.children if c.dep_ in _TARGET_DEPS and prep_of(c, ctx.grammar) is not None]
    for token in [*logical_object(ctx, verb), *targets]:
        if is_time(ctx, token):
            continue
        country, where = event_country(ctx, verb, sentence, besides=token)
        found = _resolved(ctx, token, country, where)
        if found:
            return token, found
    return None, []


def _generic_reading(ctx: CodingContext, sentence: Span, event_type: str) -> Draft | None:
    for verb, said_by in _clauses(ctx, sentence, event_type):
        draft = _read_clause(ctx, sentence, event_type, verb, said_by)
        if draft is not None:
            return draft
    return None


def _read_clause(ctx: CodingContext, sentence: Span, event_type: str, verb: Token, said_by: Token | None
                 ) -> Draft | None:
    aux, _why = aux_mode(ctx, verb)
    if aux in {"negation", "hypothetical"}:
        return None
    subject = logical_subject(ctx, verb)
    if subject is None:
        return None
    target, recipients = _recipients(ctx, verb, sentence)
    if target is None:
        return None
    country, where = event_country(ctx, verb, sentence, besides=target)
    actors = _resolved(ctx, subject, country, where)
    if not actors or countries(actors) & countries(recipients) and not domestic(actors, recipients):
        return None  # one side found twice, or parties of one country and sector (a cabinet meeting)
    reasons = [f"generic reading of '{verb.text}': subject '{subject.text}' -> actor, "
               f"{', '.join(r.text for r in recipients)} -> recipient",
               *[a.reason for a in [*actors, *recipients] if a.reason]]
    if _reciprocal(ctx, verb, event_type):  # "X met Y": both sides act, as the rules code meetings
        actors, recipients = unique([*actors, *recipients]), []
        reasons.append(f"'{verb.lemma_}' is reciprocal in the lexicon: both sides in actor")
    speaker = None
    if said_by is not None and (who := logical_subject(ctx, said_by)) is not None:
        speaker = next(iter(np_actors(ctx, who)), None)
    return Draft(event=event_type, mode=None, actors=actors, recipients=recipients, sentence=sentence,
                 core=[subject, verb, target], clause=verb, reasons=reasons, confidence=DETECTED_CONFIDENCE, aux=aux,
                 attributed_to=speaker)


def _reciprocal(ctx: CodingContext, verb: Token, event_type: str) -> bool:
    entries = ctx.lex.predicates.get(fold(verb.lemma_), [])
    return any(entry.reciprocal for entry in entries if entry.event == event_type)


def retells(draft: Draft, rule_drafts: list[Draft]) -> bool:
    """A detected event that retells a happening the rules coded elsewhere in the story: the same
    type, the same countries on each side and a named party in common ("Di Maio met the movement's
    leaders" then "Di Maio and X met Y"). One event per happening: the rules' reading is kept."""
    def named(refs: list[ActorRef]) -> set[str]:
        return {key for r in refs for key in (r.kb_id, r.name) if key}

    for other in rule_drafts:
        if other.event != draft.event or countries(other.actors) != countries(draft.actors):
            continue
        if countries(other.recipients) != countries(draft.recipients):
            continue
        if named([*other.actors, *other.recipients]) & named([*draft.actors, *draft.recipients]):
            return True
    return False
