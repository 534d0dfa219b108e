"""A language's event lexicon (`lang/<code>/events.toml`, validated by `lang/schema.py`), indexed by
lemma for the coder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from dateline.lang import Language
from dateline.lang.schema import Content, Cues, Grammar, Happening, Predicate
from dateline.plover import Ontology, ontology
from dateline.textutil import fold

Entry = TypeVar("Entry", Predicate, Content)


def _by_lemma(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    index: dict[str, list[Entry]] = {}
    for entry in entries:
        for lemma in entry.lemmas:
            index.setdefault(lemma, []).append(entry)
    return index


def _happenings(entries: Iterable[Happening]) -> dict[tuple[str, str], list[Happening]]:
    index: dict[tuple[str, str], list[Happening]] = {}
    for entry in entries:
        for lemma in entry.lemmas:
            index.setdefault((entry.pos, lemma), []).append(entry)
    return index


def _merged(language: Language) -> tuple[list[Predicate], list[Happening]]:
    """The hand-written entries of `events.toml`, then the imported verbs (`verbs.toml`) whose
    lemma the hand-written entries do not already code with the same type."""
    data = language.events
    predicates, happenings = list(data.predicates), list(data.happenings)
    if language.verbs is None:
        return predicates, happenings
    written = {(lemma, entry.event) for entry in [*predicates, *happenings] for lemma in entry.lemmas}
    for verb in language.verbs.verbs:
        lemmas = frozenset(lemma for lemma in verb.lemmas if (lemma, verb.event) not in written)
        if not lemmas:
            continue
        entry = verb.compiled().model_copy(update={"lemmas": lemmas})
        (predicates if isinstance(entry, Predicate) else happenings).append(entry)
    return predicates, happenings


@dataclass(frozen=True)
class EventLexicon:
    language: Language
    grammar: Grammar
    cues: Cues
    plover: Ontology
    predicates: dict[str, list[Predicate]]
    contents: dict[str, list[Content]]
    request_nouns: frozenset[str]
    request_verbs: dict[str, tuple[str, ...]]  # lemma -> the slots naming who is asked
    asked_nouns: dict[str, tuple[str, ...]]  # lemma -> the slots whose untyped noun is asked for
    accusation_nouns: frozenset[str]
    perpetrator_preps: tuple[str, ...]
    speech: frozenset[str]
    informant_verbs: frozenset[str]
    informant_preps: frozenset[str]
    contexts: dict[str, tuple[str, ...]]
    happenings: dict[tuple[str, str], list[Happening]]
    vague_counts: dict[str, tuple[int, int]]  # "centaines" -> (100, 999)


def cue_types(lex: EventLexicon, lemma: str, pos: str) -> set[str]:
    """The event types the lexicon gives a word (folded lemma, coarse POS) anywhere: a predicate, a
    happening trigger, a request or an accusation noun, or "SPEECH" for a verb of saying. The learned
    detector reads them as features, so that it carries what the dictionaries know to words its
    training sentences never showed."""
    found = {entry.event for entry in lex.predicates.get(lemma, [])}
    found |= {entry.event for entry in lex.happenings.get(("VERB" if pos == "AUX" else pos, lemma), [])}
    if lemma in lex.request_nouns or lemma in lex.request_verbs:
        found.add("REQUEST")
    if lemma in lex.accusation_nouns:
        found.add("ACCUSE")
    if lemma in lex.speech:
        found.add("SPEECH")
    return found


@cache
def event_lexicon(language: Language) -> EventLexicon:
    data = language.events
    predicates, happenings = _merged(language)
    request_verbs = {lemma: entry.addressee for entry in data.requests if entry.pos == "VERB"
                     for lemma in entry.lemmas}
    return EventLexicon(
        language=language, grammar=language.grammar, cues=data.cues, plover=ontology(),
        predicates=_by_lemma(predicates), contents=_by_lemma(data.contents),
        request_nouns=frozenset(lemma for entry in data.requests if entry.pos == "NOUN" for lemma in entry.lemmas),
        request_verbs=request_verbs,
        asked_nouns={lemma: entry.asked_nouns for entry in data.requests if entry.pos == "VERB" and entry.asked_nouns
                     for lemma in entry.lemmas},
        accusation_nouns=frozenset(lemma for entry in data.accusations for lemma in entry.lemmas),
        perpetrator_preps=tuple(prep for entry in data.accusations for prep in entry.perpetrator),
        speech=data.speech.lemmas, informant_verbs=data.speech.informant_verbs,
        informant_preps=data.speech.informant_preps,
        contexts={name: tuple(fold(cue) for cue in cues) for name, cues in data.contexts.items()},
        happenings=_happenings(happenings),
        vague_counts={fold(word): (low, high) for word, (low, high) in data.vague_counts.items()},
    )
