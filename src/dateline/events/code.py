"""PLOVER coding of a resolved document: each sentence's trigger words go to the coder of
statements (`statements.py`) and of events on the ground (`ground.py`), which never call each
other; the ontology's coding conventions then recode what they found, and every draft gets its
evidence span."""

from __future__ import annotations

from spacy.tokens import Span

from dateline.detector.model import Detector
from dateline.events import ground, second_opinion, statements
from dateline.events.context import CodingContext
from dateline.events.draft import Draft
from dateline.events.parties import np_actors
from dateline.events.syntax import agent, is_verb, np_bounds
from dateline.resolve.actors import ActorRef
from dateline.resolve.entities import Resolution
from dateline.textutil import fold


def code_document(res: Resolution, detector: Detector | None = None, rules: bool = True) -> list[Draft]:
    """The drafts of every sentence; with a detector, its second opinion on each (second_opinion.py).
    `rules=False` keeps the detector's drafts alone (to measure what each path gives)."""
    ctx = CodingContext.of(res)
    ctx.informant = find_informant(ctx)
    drafts: list[Draft] = []
    detected: list[Draft] = []
    sentences = list(res.doc.sents)
    judged = detector.probabilities_of(sentences) if detector is not None else []
    for number, sentence in enumerate(sentences):
        found = code_sentence(ctx, sentence) if rules else []
        if detector is not None:
            probabilities = judged[number]
            second_opinion.weigh(found, probabilities, detector)
            if not found:
                detected.extend(second_opinion.detected(ctx, sentence, probabilities, detector))
        drafts.extend(found)
    drafts.extend(d for d in detected if not second_opinion.retells(d, drafts))
    for draft in drafts:
        apply_conventions(ctx, draft)
        draft.spans = [evidence_span(draft)]
    return drafts


def code_sentence(ctx: CodingContext, sentence: Span) -> list[Draft]:
    lex = ctx.lex
    drafts: list[Draft] = []
    for token in sentence:
        lemma = fold(token.lemma_)
        coded: list[Draft] = []
        if is_verb(token) and lemma in lex.predicates:
            coded = statements.predicate_events(ctx, token, sentence)
            drafts.extend(coded)
        if token.pos_ in {"NOUN", "PROPN"} and lemma in lex.request_nouns:
            drafts.extend(statements.noun_requests(ctx, token, sentence))
        if token.pos_ == "VERB" and lemma in lex.request_verbs:
            requests = statements.verb_requests(ctx, token, sentence)
            drafts.extend(requests)
            coded = coded + requests  # a verb coded as a request is not a happening too
        if not coded and (ground.trigger_pos(token), lemma) in lex.happenings:
            drafts.extend(ground.code(ctx, token, sentence))
        accused = lemma in lex.accusation_nouns or fold(token.text) in lex.accusation_nouns
        if token.pos_ in {"NOUN", "PROPN"} and accused:
            drafts.extend(statements.accusations(ctx, token, sentence))
    return drafts


def apply_conventions(ctx: CodingContext, draft: Draft) -> None:
    """The ontology's coding conventions (`plover.toml`): a future meeting is AGREE, an
    announced use of force by someone who says it is THREATEN."""
    for convention in ctx.lex.plover.conventions:
        if convention.applies(draft.event, draft.aux, draft.attributed_to is not None):
            before = f"{draft.event} ({draft.aux})"
            draft.event, draft.mode, draft.aux = convention.recode(draft.mode, draft.aux)
            said = f", said by {draft.attributed_to.text}" if convention.needs_speaker and draft.attributed_to else ""
            draft.reasons.append(f"{before} recoded {draft.event}{said}: {convention.reason}")
            return


def find_informant(ctx: CodingContext) -> ActorRef | None:
    """The source a story relays: 'X a été informé par le service de presse du MAE Arménie'."""
    res = ctx.res
    for token in res.doc:
        if fold(token.lemma_) in ctx.lex.informant_verbs and token.pos_ == "VERB":
            found = agent(token, ctx.grammar)
            if found is None:
                continue
            for candidate in found.subtree:
                entity = res.token_entity.get(candidate.i)
                if entity is not None and entity.actor is not None and entity.actor.country:
                    return entity.actor
            actors = np_actors(ctx, found)
            if actors:
                return actors[0]
    return None


def evidence_span(draft: Draft) -> tuple[int, int]:
    bounds = [np_bounds(t, skip_conj=True) if t.pos_ in {"NOUN", "PROPN", "PRON"} else (t.idx, t.idx + len(t))
              for t in draft.core]
    start = max(min(s for s, _ in bounds), draft.sentence.start_char)
    end = min(max(e for _, e in bounds), draft.sentence.end_char)
    return start, end
