"""Per-document state of the coder, passed to every reader instead of kept in coder objects:
the resolution (entities, countries), the lexicon and grammar of the document's language, the
story's informant and the group of parties last named together; and what the document as a
whole says about time and place, for merging and dating."""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.events.lexicon import EventLexicon, event_lexicon
from dateline.lang.schema import Cues, Grammar
from dateline.record import Place
from dateline.resolve.actors import ActorRef
from dateline.resolve.entities import Resolution
from dateline.resolve.times import DateMention


@dataclass
class CodingContext:
    res: Resolution
    lex: EventLexicon
    informant: ActorRef | None = None
    # The parties of the last reciprocal event ("les deux ministres" after a meeting): who a
    # collective reference or a plural "nous" stands for.
    group: list[ActorRef] = field(default_factory=list)

    @classmethod
    def of(cls, res: Resolution) -> CodingContext:
        return cls(res, event_lexicon(res.language))

    @property
    def grammar(self) -> Grammar:
        return self.lex.grammar

    @property
    def cues(self) -> Cues:
        return self.lex.cues


@dataclass
class DocumentFacts:
    """What the document as a whole says about time and place."""

    doc_id: str
    published: str | None
    date_basis: str | None  # basis for events dated by the document: "dateline" or "published"
    dateline_place: Place | None
    times: list[DateMention]
