"""Hand-built parses and resolutions for tests that load no model, as spaCy's own language tests
build `Doc`s from words, heads and labels."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dateline.events.context import CodingContext
from dateline.lang import Language
from dateline.resolve.actors import ActorRef, CountryMention, lexicon
from dateline.resolve.entities import Resolution, ResolvedEntity

# (word, head index, dependency, part of speech[, lemma[, morphology]])
Row = tuple


def tree(rows: list[Row]) -> Doc:
    """A parsed doc from rows; a row's head is the index of its governor (the root's is its own)."""
    words = [r[0] for r in rows]
    return Doc(Vocab(), words=words, spaces=[True] * (len(words) - 1) + [False],
               heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
               lemmas=[r[4] if len(r) > 4 and r[4] else r[0].lower() for r in rows],
               morphs=[r[5] if len(r) > 5 else "" for r in rows])


def resolution(doc: Doc, language: Language, countries: dict[int, str] | None = None,
               people: dict[tuple[int, int], str] | None = None,
               dateline_countries: frozenset[str] = frozenset()) -> Resolution:
    """What the resolver would have found: countries named at token indices, and people
    (token span -> country) with their names."""
    mentions = [CountryMention(i, i + 1, iso3, "name") for i, iso3 in sorted((countries or {}).items())]
    res = Resolution(doc=doc, language=language, lexicon=lexicon(language), mentions=mentions,
                     dateline_countries=dateline_countries)
    for mention in mentions:
        res.token_country[mention.start] = mention
    for number, ((start, end), country) in enumerate(sorted((people or {}).items())):
        span = Span(doc, start, end, label="PERSON")
        actor = ActorRef(text=span.text, name=span.text, country=country, reason="test person")
        entity = ResolvedEntity(f"e{number + 1}", span, "PERSON", actor=actor)
        res.entities.append(entity)
        for i in range(start, end):
            res.token_entity[i] = entity
    return res


def context(doc: Doc, language: Language, **known: object) -> CodingContext:
    return CodingContext.of(resolution(doc, language, **known))  # type: ignore[arg-type]
