"""What the coders produce: a draft event per mention, before mentions are merged into events
(`merge.py`), and the small helpers on lists of actors that every later step uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dateline.resolve.actors import ActorRef


@dataclass
class Draft:
    event: str
    mode: str | None
    actors: list[ActorRef]
    recipients: list[ActorRef]
    sentence: Span
    core: list[Token]
    clause: Token
    reasons: list[str]
    confidence: float
    content_key: str | None = None
    aux: str | None = None
    attributed_to: ActorRef | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    # A passing mention ("les heurts", "la mobilisation"): it joins an event found elsewhere
    # in the story, and makes none on its own.
    weak: bool = False
    count: tuple[int, int] | None = None  # crowd or arrest figures as a range: ranges apart, two happenings
    # A vague mention ("calls on X to ..." with an act the lexicon cannot type): it joins a
    # typed event of the same parties when the story has one, else it stands alone.
    joins: bool = False
    national: bool = False  # "à travers le pays", "nationwide": the whole country, not one town
    two_sided: bool = False  # a clash: both sides act, neither is the target


def actor_key(actor: ActorRef) -> tuple[str | None, str | None, str | None]:
    """Parties of one country are one party unless their sectors tell them apart (the protesters
    and the police of a clash)."""
    return (actor.country, actor.name if actor.country is None else None, actor.sector)


def unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: dict[tuple[str | None, str | None], ActorRef] = {}
    for actor in actors:
        if actor.country is None and actor.name is None:
            continue
        key = actor_key(actor)
        current = seen.get(key)
        if current is None or (actor.role and not current.role):
            seen[key] = actor
    return list(seen.values())


def countries(actors: list[ActorRef]) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)
