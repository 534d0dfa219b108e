"""Where a happening takes place, as far as its parties need it: the country that an unnamed
crowd or force belongs to (a place in the clause, else the dateline, else the story's own)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dateline.events.context import CodingContext
from dateline.events.syntax import CLAUSAL, prep_of
from dateline.textutil import fold

Where = tuple[str | None, str]  # (country, why)
SUBORDINATE = CLAUSAL - {"xcomp"}  # an infinitive complement is the same act's clause


def event_country(ctx: CodingContext, trigger: Token, sentence: Span, besides: Token | None = None) -> Where:
    """Where an unnamed party of the trigger belongs; `besides` is the other party, whose own
    phrase does not place this one ('the minister accused Kenya': not a Kenyan minister)."""
    return clause_country(ctx, trigger, sentence, besides) or home_country(ctx)


def topic_country(ctx: CodingContext, trigger: Token, sentence: Span) -> Where:
    """Where a group a statement names belongs ('Rome: X soutient les manifestants'): a place in
    the clause, else the country the story cites most, wherever it was filed."""
    return clause_country(ctx, trigger, sentence) or (ctx.res.most_cited_country(), "the story's most cited country")


def clause_country(ctx: CodingContext, trigger: Token, sentence: Span, besides: Token | None = None) -> Where | None:
    """The country of a place the trigger's clause names, if any, outside the phrase `besides`."""
    res = ctx.res
    excluded = {t.i for t in besides.subtree} if besides is not None else set()
    # a clause of its own under the trigger ('sentenced ... after being arrested near the Iraqi
    # border') tells where that other act happened
    excluded |= {t.i for c in trigger.children if c.dep_ in SUBORDINATE for t in c.subtree}
    # ... or a preposition governing a verb ('after being arrested while hiking along the border')
    excluded |= {t.i for c in trigger.children if c.dep_ == "prep" and any(
        g.dep_ == "pcomp" and g.pos_ in {"VERB", "AUX"} for g in c.children) for t in c.subtree}
    places = [e for e in res.entities if e.place is not None and e.place.country
              and sentence.start <= e.span.start < sentence.end and e.span.root.i not in excluded
              and not _origin_of_people(ctx, e.span.root)]
    subtree = {t.i for t in trigger.subtree} | {t.i for t in trigger.head.subtree}
    # A place after a locative preposition says where it happened; one inside a party's name
    # ('US and British activists ... in Beijing') says who.
    locative = ctx.grammar.prepositions.locative
    located = [e for e in places if prep_of(e.span.root, ctx.grammar) in locative]
    for scope in (subtree, None):
        for entity in [*located, *places]:
            if scope is None or entity.span.root.i in scope:
                return entity.place.country, f"in {entity.span.text}"
    return None


def _origin_of_people(ctx: CodingContext, place: Token) -> bool:
    """'two U.S. citizens', 'des pêcheurs d'Italie': a place that says where people come from
    says nothing of where they were arrested or sentenced."""
    head = place.head
    modifier = place.dep_ in {"compound", "amod", "nmod", "nmod:poss", "poss"} and place.i != head.i
    return modifier and head.pos_ == "NOUN" and fold(head.lemma_) in ctx.cues.people_nouns


def home_country(ctx: CodingContext) -> Where:
    """Where a speaker of unknown nationality most likely belongs: the dateline's country,
    else the story's main country (not the places the speaker talks about)."""
    res = ctx.res
    if len(res.dateline_countries) == 1:
        return next(iter(res.dateline_countries)), "the dateline's country"
    return res.main_country(), "the story's main country"
