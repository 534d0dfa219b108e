"""The output contract (`shared/spec/record.md`, version 1) as pydantic models, and the converters
from the resolver's actors, places and entities to them.

The models are the single source of truth: `dateline schema` prints their JSON Schema and the
tests validate real output against it. Fields may be added; none may be renamed or dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from dateline.plover import EVENT_TYPES, ontology

if TYPE_CHECKING:  # the converters below take the resolver's objects; resolve never imports record
    from dateline.resolve.actors import ActorRef
    from dateline.resolve.entities import ResolvedEntity
    from dateline.resolve.places import GazEntry

SCHEMA_VERSION = "dateline.record/1"

EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]  # the ontology's types, in its order
Aux = Literal[ontology().aux]  # type: ignore[valid-type]
EntityLabel = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"]
PublishedBasis = Literal["metadata", "dateline", "inferred"]
DateBasis = Literal["explicit", "dateline", "published", "inferred"]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class _Strict(BaseModel):
    # Every field is always serialised, so the published schema marks all of them required.
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class Place(_Strict):
    text: str
    name: str
    geonameid: int | None = None
    country: CountryCode | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None


class Actor(_Strict):
    text: str
    name: str | None = None
    country: CountryCode | None = None
    sector: str | None = None
    role: str | None = None
    entity_id: str | None = None
    kb_id: str | None = None


class Source(_Strict):
    path: str | None = None
    url: str | None = None
    item: str | None = None
    canonical_url: str | None = None


class Dateline(_Strict):
    text: str
    place: Place | None = None
    date: IsoDate | None = None


class Document(_Strict):
    id: str
    source: Source
    title: str | None = None
    section: str | None = None
    language: str
    agency: str | None = None
    dateline: Dateline | None = None
    published: IsoDate | None = None
    published_basis: PublishedBasis | None = None
    text: str
    author: str | None = None
    site_name: str | None = None
    agency_confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    warnings: list[str] = Field(default_factory=list)


class Entity(_Strict):
    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: EntityLabel
    actor: Actor | None = None
    place: Place | None = None


class Time(_Strict):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: IsoDate | None = None
    timex: str | None = None  # TIMEX3 value, also for weeks ("2019-W05") and decades ("196X")


class Evidence(_Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Event(_Strict):
    id: str
    event: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    aux: Aux | None = None
    actor: list[Actor]
    recipient: list[Actor] = Field(default_factory=list)
    date: IsoDate | None = None
    date_basis: DateBasis | None = None
    location: Place | None = None
    cameo: str | None = None
    quad: Literal[1, 2, 3, 4]
    attributed_to: Actor | None = None
    evidence: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(default_factory=list)


class Record(_Strict):
    schema_: Literal["dateline.record/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    document: Document
    entities: list[Entity] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, json_schema_serialization_defaults_required=True
    )

    def to_json_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")


def to_actor(actor: ActorRef) -> Actor:
    return Actor(text=actor.text, name=actor.name, country=actor.country, sector=actor.sector,
                 role=actor.role, entity_id=actor.entity_id, kb_id=actor.kb_id)


def to_place(entry: GazEntry, text: str) -> Place:
    return Place(text=text, name=entry.name, geonameid=entry.geonameid, country=entry.country,
                 lat=entry.lat, lon=entry.lon, feature=entry.feature)


def to_entity(entity: ResolvedEntity) -> Entity:
    span = entity.span
    return Entity(id=entity.id, text=span.text, start=span.start_char, end=span.end_char, label=entity.label,
                  actor=to_actor(entity.actor) if entity.actor else None,
                  place=to_place(entity.place, span.text) if entity.place else None)


def json_schema() -> dict:
    """The contract as a JSON Schema (draft 2020-12), as printed by `dateline schema`."""
    schema = Record.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://dateline.invalid/schema/record-1.json"
    schema["title"] = "dateline record, version 1"
    return schema
