"""PLOVER's auxiliary modes of a clause (`negation`, `hypothetical`, `future`, `historical`) from
its morphology, its helpers and the words around it, with the reason for each."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.context import CodingContext
from dateline.events.syntax import RELATIVE_CLAUSES, has_features, helpers, is_root, is_verb, set_off
from dateline.textutil import fold

Mode = tuple[str | None, str | None]  # (aux mode, why)


def aux_mode(ctx: CodingContext, verb: Token) -> Mode:
    grammar = ctx.grammar
    aux = grammar.auxiliaries
    words = [c for c in verb.children if c.dep_ in {"advmod", "neg"}]
    if any(fold(c.text) in grammar.negation for c in words):
        return "negation", "negation adverb on the verb"
    helping = helpers(verb)
    if any(c.morph.get("Mood") == ["Cnd"] for c in [verb, *helping]) or any(
            c.dep_ == "mark" and fold(c.text) in grammar.conditional_marks for c in verb.children) or any(
            fold(c.text) in aux.modals for c in helping):
        return "hypothetical", "conditional mood or 'if' clause"
    if verb.morph.get("Tense") == ["Fut"] or any(
            fold(c.text) in aux.future or c.morph.get("Tense") == ["Fut"] for c in helping):
        return "future", "future tense"
    # "se rendra à Varsovie pour y rencontrer": an infinitive shares its governor's mode
    if verb.morph.get("VerbForm") == ["Inf"] and verb.dep_ in {"advcl", "xcomp"} and not is_root(verb) \
            and is_verb(verb.head):
        inherited, why = aux_mode(ctx, verb.head)
        if inherited in {"future", "hypothetical", "negation"}:
            return inherited, f"{why} on '{verb.head.text}'"
    # "va manifester" is announced; "avaient décidé d'aller manifester" only says where they went.
    if not is_root(verb) and fold(verb.head.lemma_) in aux.future_verbs and verb.dep_ == "xcomp" \
            and verb.head.morph.get("VerbForm") != ["Inf"]:
        return "future", f"'{verb.head.text}' + infinitive"
    # "avaient manifesté", "avaient été arrêtés" are pluperfects; "étaient évacuées" is only a
    # passive in the imperfect (its one helper is the passive's).
    passive_imperfect = len(helping) == 1 and helping[0].dep_ in {"aux:pass", "auxpass"}
    if any(c.morph.get("Tense") == ["Imp"] for c in helping) and not passive_imperfect \
            and verb.morph.get("VerbForm") == ["Part"]:
        return "historical", "pluperfect"
    if any(fold(c.text) in aux.past_perfect for c in helping) and has_features(verb, grammar.participle):
        return "historical", "past perfect"
    if verb.dep_ in RELATIVE_CLAUSES and helping and verb.morph.get("VerbForm") == ["Part"] and not set_off(verb):
        # "les forces qui ont envahi le territoire": a past act that identifies whom the story
        # speaks of. Set off by a comma ("les policiers, qui ont riposté") the clause goes on
        # with the story's own events instead.
        return "historical", "completed action in a restrictive relative clause"
    return None, None


def noun_aux(ctx: CodingContext, token: Token) -> Mode:
    """The aux mode of a trigger: a verb's own, else its governing verb's, else a cue beside it
    ('la manifestation prévue samedi')."""
    if is_verb(token):
        return aux_mode(ctx, token)
    head = token.head
    if not is_root(token) and is_verb(head):
        aux, why = aux_mode(ctx, head)
        if aux:
            return aux, f"{why} on '{head.text}'"
        if fold(head.lemma_) in ctx.cues.recall_verbs:
            return "historical", f"recalled ('{head.text}')"
    cues = ctx.cues.future_cues
    for near in [*token.children, head]:
        if fold(near.lemma_) in cues or fold(near.text) in cues:
            return "future", f"'{near.text}'"
    return None, None
