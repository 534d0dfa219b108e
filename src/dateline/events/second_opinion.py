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
from dateline.events.draft import Draft, unique
from dateline.events.modes import aux_mode
from dateline.events.parties import np_actors
from dateline.events.syntax import is_verb, prep_of
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


def _recipients(ctx: CodingContext, verb: Token) -> tuple[Token | None, list]:
    """The first object, else prepositional target, that names a party, and its actors."""
    targets = [c for c in verb.children if c.dep_ in _TARGET_DEPS and prep_of(c, ctx.grammar) is not None]
    for token in [*logical_object(ctx, verb), *targets]:
        found = np_actors(ctx, token)
        if found:
            return token, found
    return None, []


def _generic_reading(ctx: CodingContext, sentence: Span, event_type: str) -> Draft | None:
    clause = _main_clause(ctx, sentence)
    if clause is None:
        return None
    verb, said_by = clause
    aux, _why = aux_mode(ctx, verb)
    if aux in {"negation", "hypothetical"}:
        return None
    subject = logical_subject(ctx, verb)
    actors = unique(np_actors(ctx, subject)) if subject is not None else []
    target, found = _recipients(ctx, verb)
    recipients = unique(found)
    if subject is None or target is None or not actors or not recipients:
        return None
    speaker = None
    if said_by is not None and (who := logical_subject(ctx, said_by)) is not None:
        speaker = next(iter(np_actors(ctx, who)), None)
    reasons = [f"generic reading of '{verb.text}': subject '{subject.text}' -> actor, "
               f"{', '.join(r.text for r in recipients)} -> recipient"]
    return Draft(event=event_type, mode=None, actors=actors, recipients=recipients, sentence=sentence,
                 core=[subject, verb, target], clause=verb, reasons=reasons, confidence=DETECTED_CONFIDENCE, aux=aux,
                 attributed_to=speaker)
