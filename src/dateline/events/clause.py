"""Who does what in a clause: the logical subject and object of a verb (through passives,
relative pronouns, inverted speakers after quotations and parser slips), who says a quotation,
and whether a clause is only the content of a request."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.context import CodingContext
from dateline.events.syntax import (
    RELATIVE_CLAUSES,
    agent,
    gapped,
    inside_quotes,
    is_passive,
    is_root,
    is_verb,
    objects,
    prep_of,
    quoted_before,
    subject,
    word_of,
)
from dateline.resolve.actors import sector_of
from dateline.textutil import fold


def logical_subject(ctx: CodingContext, verb: Token) -> Token | None:
    grammar = ctx.grammar
    if is_passive(verb, grammar):
        return agent(verb, grammar)
    subj = subject(verb, grammar)
    if subj is not None and fold(subj.text) in grammar.pronouns.relative and subj.head.dep_ in RELATIVE_CLAUSES:
        return subj.head.head  # "X qui manifestait, avant d'appeler Y": the antecedent
    if subj is not None and any(c.dep_ == "case" for c in subj.children):
        subj = None  # "Dans un message …, X a exhorté": a prepositional phrase is no subject
    if subj is None or quoted_before(subj, verb, grammar):
        return _inverted_subject(ctx, verb) or _set_off_subject(ctx, verb) or subj
    return subj


def logical_object(ctx: CodingContext, verb: Token) -> list[Token]:
    if is_passive(verb, ctx.grammar):
        subj = subject(verb, ctx.grammar)
        if subj is None and gapped(verb, ctx.grammar):
            return [verb.head]  # "… et six personnes interpellées": the noun it hangs on
        return [subj] if subj is not None else []
    return objects(verb)


def _set_off_subject(ctx: CodingContext, verb: Token) -> Token | None:
    """'Dans un message publié sur X, Marine Dupont, la cheffe du parti, a exhorté …': the
    parser hangs the name on the opening phrase; the subject is the person named last before
    the verb, followed only by an apposition and the verb's auxiliaries."""
    if verb.dep_ not in {"ROOT", "root"}:
        return None
    people = [e for e in ctx.res.entities if e.label == "PERSON" and verb.sent.start <= e.span.start
              and e.span.end <= verb.i]
    if not people:
        return None
    last = max(people, key=lambda e: e.span.start)
    between = verb.doc[last.span.end:verb.i]
    grammar = ctx.grammar
    stops = grammar.pronouns.relative | grammar.complementizers | grammar.quotes.open | grammar.quotes.close
    if not between or between[0].text != "," or any(t.pos_ == "VERB" or fold(t.text) in stops for t in between):
        return None
    return last.span.root


def _inverted_subject(ctx: CodingContext, verb: Token) -> Token | None:
    """'«Que d'hypocrisies», a dénoncé mardi M. Di Maio': after a quotation the speaker follows
    the verb, and the parser reads the speaker as its object."""
    marks = ctx.grammar.quotes.all
    before = verb.doc[verb.sent.start:verb.i]
    closing = [t for t in before if t.text in marks]
    if not closing:
        return None
    # «…», a dénoncé X: a comma at the quotation's end, then only the verb's auxiliaries
    between = verb.doc[closing[-1].i + 1:verb.i]
    comma = any(t.text == "," for t in (*between, verb.doc[max(closing[-1].i - 1, 0)]))
    if not comma or any(t.pos_ not in {"PUNCT", "AUX", "ADV", "SPACE"} for t in between):
        return None
    res = ctx.res
    for child in verb.children:
        if child.i > verb.i and child.dep_ in {"obj", "dobj", "nsubj", "obl:mod", "appos"} and (
                (entity := res.token_entity.get(child.i)) is not None and entity.label == "PERSON"
                or sector_of(child, res.lexicon) is not None
                or fold(child.lemma_) in ctx.cues.people_nouns):
            return child
    # the parser may cut the speaker off: "…», a réagi samedi soir Céline Dupont, directrice …"
    for token in verb.doc[verb.i + 1:min(verb.i + 7, verb.sent.end)]:
        entity = res.token_entity.get(token.i)
        if entity is not None and entity.label == "PERSON" and entity.span.start == token.i:
            return entity.span.root
        if token.pos_ in {"VERB", "AUX", "PUNCT"} and token.text != "-":
            break
    return None


def speech_subject(ctx: CodingContext, token: Token) -> Token | None:
    """Who says a quotation a word is in: the subject of a speech verb outside it."""
    sentence = token.sent
    inside = inside_quotes(sentence, ctx.grammar)
    if token.i not in inside:
        return None
    for verb in sentence:
        if verb.i in inside or not is_verb(verb) or fold(verb.lemma_) not in ctx.lex.speech:
            continue
        subj = logical_subject(ctx, verb)
        # the speaker named, or a pronoun standing for them ("», a-t-il ajouté", "she said")
        if subj is not None and subj.i not in inside and (
                subj.pos_ != "PRON" or word_of(subj) in ctx.grammar.pronouns.third_person):
            return subj
    return None


def quoted_speaker(ctx: CodingContext, token: Token) -> Token | None:
    """'« Je soutiens … », a déclaré X' and 'X a déclaré : « Nous condamnons … »': inside a
    quotation 'I' and 'we' are its speaker, the subject of a speech verb outside it."""
    if token.pos_ != "PRON" or word_of(token) not in ctx.grammar.pronouns.first_person:
        return None
    return speech_subject(ctx, token)


def requested(ctx: CodingContext, verb: Token) -> bool:
    """'a exigé que l'Arménie retire ses troupes': the act is what is asked for (coded as the
    REQUEST's content), not an event that took place."""
    lex = ctx.lex
    current = verb
    for _ in range(3):
        if current.dep_ in {"acl:relcl", "relcl", "ROOT", "root"} or is_root(current):
            return False  # a relative clause states a fact about what is asked for
        current = current.head
        lemma = fold(current.lemma_)
        if lemma in lex.request_nouns or lemma in lex.request_verbs and asks(ctx, current):
            return True
    return False


def asks(ctx: CodingContext, verb: Token) -> bool:
    """'compter sur X', 'attendre de X': verbs that ask only with their preposition ('la police
    a compté 1800 manifestants' asks nothing)."""
    preps = ctx.lex.request_verbs.get(fold(verb.lemma_), ())
    if not preps or "obj" in preps:
        return True
    return any(prep_of(c, ctx.grammar) in preps or prep_of(g, ctx.grammar) in preps
               for c in verb.children for g in [c, *c.children])


def partitive_arguments(ctx: CodingContext, verb: Token) -> list[Token]:
    """'a reçu mardi des représentants', 'a déployé mardi des renforts': after a date the parser
    reads the partitive article as a preposition; such an argument is the verb's object. Only an
    article holding the genitive preposition is partitive ('des', 'du'; not 'au Lambermont')."""
    grammar = ctx.grammar
    return [c for c in verb.children if c.dep_ == "obl:arg" and any(
        k.dep_ == "case" and k.morph.get("PronType") == ["Art"]
        and grammar.contractions.get(fold(k.text)) in grammar.prepositions.genitive for k in c.children)]
