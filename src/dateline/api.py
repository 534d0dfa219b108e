"""The REST API (`dateline serve`): documents, events with their evidence and sources, happenings,
actors, places, timeline and dyad statistics, with pagination and an OpenAPI schema. Read-only
unless a token is configured; then ingesting and correcting need `Authorization: Bearer <token>`."""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
from concurrent.futures import ThreadPoolExecutor
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.routing import Match

from dateline import __version__
from dateline.lang import available_languages
from dateline.store import AUX_VALUES, EVENT_TYPES, SCHEMA_VERSION, EventFilter, Store, StoreError

MAX_BODY_BYTES = 10 * 1024 * 1024  # one news page, with room to spare
MAX_PAGE = 1000
MAX_OFFSET = 10_000_000
# Extractions run on these threads, not on the request thread pool: uploads waiting for the model
# (one extraction per language at a time, `pipeline.language_lock`) hold no thread that reads need.
EXTRACTION_WORKERS = 2

EventType = StrEnum("EventType", {name: name for name in sorted(EVENT_TYPES)})
# As a filter, a type in either case, as on the command line (`--type protest`).
TypeFilter = StrEnum("TypeFilter", {spelling: spelling for name in sorted(EVENT_TYPES)
                                    for spelling in (name, name.lower())})
AuxMode = StrEnum("AuxMode", {name: name for name in sorted(AUX_VALUES)})
# Free text in queries: printable, no NUL (PostgreSQL refuses NUL in text).
FreeText = Annotated[str | None, Query(max_length=200, pattern=r"^[^\x00-\x1f]*$")]
CountryCode = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 country code.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
# LAT,LON,KM with the latitude in [-90, 90] and the longitude in [-180, 180], said in the schema itself.
NEAR = (r"^-?(90(\.0+)?|[1-8]?\d(\.\d+)?),-?(180(\.0+)?|(1[0-7]\d|\d?\d)(\.\d+)?),\d{1,5}(\.\d+)?$")
# Days as text: pydantic's lax date parsing would take "0" for 1970-01-01.
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"},
                                  description="YYYY-MM-DD")]
# Stored timestamps are naive UTC (the server's current_timestamp); the API says so.
UtcTime = Annotated[dt.datetime, AfterValidator(lambda t: t if t.tzinfo else t.replace(tzinfo=dt.UTC))]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


class Span(BaseModel):
    start: int
    end: int
    text: str


class EventRow(BaseModel):
    id: str
    date: dt.date | None
    event: str
    mode: str | None
    aux: str | None
    actor_countries: list[str]
    recipient_countries: list[str]
    actor_names: list[str]
    recipient_names: list[str]
    location: str | None
    location_country: str | None
    location_lat: float | None
    location_lon: float | None
    cameo: str | None
    quad: int | None
    confidence: float | None
    evidence: list[Span]
    happening_id: str | None
    document_id: str
    title: str | None
    url: str | None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventRow]


class DocumentRow(BaseModel):
    id: str
    title: str | None
    url: str | None
    language: str | None
    agency: str | None
    published: dt.date | None
    story_id: str | None
    ingested_at: UtcTime | None
    events: int


class HappeningRow(BaseModel):
    happening_id: str
    event: str
    date: dt.date | None
    actor_countries: list[str]
    recipient_countries: list[str]
    location: str | None
    mentions: int
    sources: int
    stories: int
    first_seen: UtcTime | None
    last_seen: UtcTime | None


class ActorRow(BaseModel):
    name: str | None
    country: str | None
    sector: str | None
    events: int
    as_actor: int
    as_recipient: int


class PlaceRow(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    events: int


class CountRow(BaseModel):
    key: str | None
    events: int


class DyadRow(BaseModel):
    actor: str
    recipient: str
    events: int
    cooperative: int
    conflictual: int


class About(BaseModel):
    name: str
    version: str
    schema_version: int
    writable: bool
    documents: int
    events: int


def _day_text(value: Any) -> Any:
    if not isinstance(value, str | dt.date):
        raise ValueError("a day is a YYYY-MM-DD string")  # pydantic would read 0 as 1970-01-01
    return value


BodyDay = Annotated[dt.date, BeforeValidator(_day_text)]
DocumentLanguage = StrEnum("DocumentLanguage", {code: code for code in available_languages()})


def _one_of(*names: str, **schema: Any) -> dict[str, Any]:
    """A JSON Schema saying that at least one of the fields is given (and how), for the API's
    clients and schemathesis; the handlers check the same."""
    return {"anyOf": [{"required": [name], "properties": {name: schema}} for name in names]}


class NewDocument(BaseModel):
    """A report to extract and store: its text, or its HTML page."""

    model_config = ConfigDict(json_schema_extra=_one_of("text", "html", type="string", minLength=1))

    text: str | None = Field(None, max_length=MAX_BODY_BYTES)
    html: str | None = Field(None, max_length=MAX_BODY_BYTES)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    published: BodyDay | None = None
    language: DocumentLanguage | None = Field(None, description="Forces the language (else detected).")


class Stored(BaseModel):
    document_id: str
    stored: bool
    events: int
    warnings: list[str]


class Correction(BaseModel):
    """An analyst's correction of one event; every change is logged with its old value. `mode`
    must be one of the (new) type's modes, or null for none; a new type brings its CAMEO code and
    quad class; `aux` null or "none" and `date` null clear them."""

    model_config = ConfigDict(json_schema_extra=_one_of("event", "mode", "aux", "date", "retracted"))

    event: EventType = Field(None)  # type: ignore[assignment] - may be left out, never null
    mode: str | None = Field(None, max_length=40)
    aux: AuxMode | None = None
    date: BodyDay | None = None
    retracted: bool = Field(None)  # type: ignore[assignment]
    note: str | None = Field(None, max_length=2000)


def event_filter(country: CountryCode = None, actor: FreeText = None, recipient: FreeText = None,
                 type: TypeFilter | None = None, mode: FreeText = None, aux: AuxMode | None = None,
                 since: Day = None, until: Day = None, text: FreeText = None,
                 near: Annotated[str | None, Query(pattern=NEAR, description="LAT,LON,KM")] = None,
                 document: FreeText = None, retracted: bool = False) -> EventFilter:
    """The event filters as query parameters (shared by events, happenings and statistics)."""
    point = tuple(float(x) for x in near.split(",")) if near else None
    return EventFilter(country=country, actor=actor, recipient=recipient, type=type.value.upper() if type else None,
                       mode=mode, aux=aux.value if aux else None, since=since, until=until, text=text, near=point,  # type: ignore[arg-type]
                       document=document, retracted=retracted)

Filter = Annotated[EventFilter, Depends(event_filter)]


class Period(StrEnum):
    day = "day"
    month = "month"


ERRORS: dict[int | str, dict[str, Any]] = {400: {"description": "A filter value that can match nothing."}}


class Problem(BaseModel):
    """Why a request was refused: a sentence, or pydantic's list of what in the body is wrong."""

    detail: str | list[dict[str, Any]]


BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body is not JSON."}, 401: {"description": "Missing or wrong token."},
    403: {"description": "The server is read-only."}, 413: {"description": "Request body too large."},
    422: {"model": Problem, "description": "JSON of the wrong shape, or nothing to do with it (no text, "
                                            "no change, a report that cannot be extracted)."}}


class BodyLimit:
    """Refuse request bodies over the limit (413) before the application reads them: by their
    announced length, or, when none is announced, by reading at most the limit first."""

    def __init__(self, app: Any, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > self.limit:
                await _too_large(scope, receive, send, self.limit)
                return
            await self.app(scope, receive, send)
            return
        if headers.get(b"transfer-encoding") is None:  # no body at all
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            if len(body) > self.limit:
                await _too_large(scope, receive, send, self.limit)
                return
            if not message.get("more_body"):
                break
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


def _found(value: dict[str, Any] | None, what: str, ident: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"no {what} {ident!r}")
    return value


async def _too_large(scope: dict, receive: Any, send: Any, limit: int) -> None:
    response = JSONResponse({"detail": f"request body over {limit} bytes"}, status_code=413)
    await response(scope, receive, send)


DOCS_ASSETS = "/docs/assets"
# Declared in the OpenAPI schema on the operations that write; checked by `writer` (403 when the
# server is read-only, 401 for a missing or wrong token).
BEARER = HTTPBearer(auto_error=False, description="The write token given to `dateline serve`.")


def _offline_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the files the swagger-ui-bundle package ships, not from a CDN
    (the pages were blank offline); no ReDoc page, which would load its script from a CDN too."""
    from swagger_ui_bundle import swagger_ui_path

    app.mount(DOCS_ASSETS, StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="dateline API",
                                   swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
                                   swagger_favicon_url=f"{DOCS_ASSETS}/favicon-32x32.png",
                                   swagger_ui_parameters={"validatorUrl": None})  # no badge from validator.swagger.io


def create_app(target: str, token: str | None = None, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The API over one store (a DuckDB file or a PostgreSQL URL); `token` enables writes."""
    store = Store(target)  # closed by whoever serves the app (`dateline serve` after uvicorn returns)
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None,
                  description="Political and security events coded from news reports (PLOVER), each with "
                              "its evidence in the text, its sources and its reasons.")
    _offline_docs(app)
    app.state.store = store
    extractor = ThreadPoolExecutor(EXTRACTION_WORKERS, thread_name_prefix="dateline-extract")

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(405)
    async def method_not_allowed(request: Request, _exc: Exception) -> JSONResponse:
        # Starlette names only the first route's methods; a path can have several routes (GET, POST).
        allowed = sorted({method for route in app.router.routes
                          if route.matches(request.scope)[0] is Match.PARTIAL
                          for method in getattr(route, "methods", None) or ()})
        return JSONResponse({"detail": "Method Not Allowed"}, status_code=405, headers={"Allow": ", ".join(allowed)})

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # A body that is not JSON is a bad request (400, as the schema says); JSON of the wrong shape is 422.
        errors = exc.errors()
        if any(error.get("type") == "json_invalid" for error in errors):
            return JSONResponse({"detail": "the body is not valid JSON"}, status_code=400)
        return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)

    def writer(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None) -> None:
        if token is None:
            raise HTTPException(403, "this server is read-only (start it with a token to allow writes)")
        given = credentials.credentials if credentials else ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


    @app.get("/", response_model=About, summary="What this server holds")
    def about() -> dict:
        counts = store.counts()
        return {"name": "dateline", "version": __version__, "schema_version": SCHEMA_VERSION,
                "writable": token is not None, "documents": counts["documents"], "events": counts["events"]}

    @app.get("/documents", response_model=list[DocumentRow], summary="Stored documents, oldest first")
    def documents(limit: Limit = 100, offset: Offset = 0) -> list[dict]:
        return store.documents(limit, offset)

    @app.get("/documents/{document_id}", summary="One document's record (the contract)",
             responses={404: {"description": "No such document."}})
    def document(document_id: str) -> dict[str, Any]:
        return _found(store.document(document_id), "document", document_id)

    @app.post("/documents", response_model=Stored, status_code=201, dependencies=[Depends(writer)],
              summary="Extract a report and store it (needs the token)",
              responses={**BODY_ERRORS})
    async def ingest(new: NewDocument) -> dict:
        from dateline.pipeline import extract
        from dateline.sources import InputError, SourceDocument

        if not (new.text or new.html):
            raise HTTPException(422, "give the report's text or its html")
        source = SourceDocument(text=new.text or "", html=new.html, url=new.url, title=new.title,
                                published=new.published.isoformat() if new.published else None)
        try:
            language = new.language.value if new.language else None
            record = await asyncio.get_running_loop().run_in_executor(extractor, extract, source, language)
        except InputError as exc:
            raise HTTPException(422, f"cannot extract this report: {exc.cause}") from None
        except Exception as exc:  # noqa: BLE001 - bad input is the client's error, never the server's crash
            raise HTTPException(422, f"cannot extract this report ({type(exc).__name__}: {exc})") from None
        if not record.document.text.strip():  # an empty document is not stored (a page with no main text)
            return {"document_id": record.document.id, "stored": False, "events": 0,
                    "warnings": [*record.document.warnings, "no text left after cleaning: not stored"]}
        stored = await run_in_threadpool(store.add, record)
        return {"document_id": record.document.id, "stored": stored, "events": len(record.events),
                "warnings": record.document.warnings}

    @app.get("/events", response_model=EventPage, summary="Events matching the filters, oldest first",
             responses=ERRORS)
    def events(where: Filter, limit: Limit = 100, offset: Offset = 0) -> dict:
        return {"total": store.count_events(where), "limit": limit, "offset": offset,
                "items": store.events(limit, where, offset)}

    @app.get("/events/{event_id}", summary="One event: its record, evidence, sources and corrections",
             responses={404: {"description": "No such event."}})
    def event(event_id: str) -> dict[str, Any]:
        return _found(store.event(event_id), "event", event_id)

    @app.patch("/events/{event_id}", dependencies=[Depends(writer)], summary="Correct an event (needs the token)",
               responses={**BODY_ERRORS, 404: {"description": "No such event."}})
    def correct(event_id: str, correction: Correction) -> dict[str, Any]:
        changes = correction.model_dump(exclude_unset=True, exclude={"note"}, mode="json")
        if changes.get("aux") == "none":
            changes["aux"] = None
        if not changes:
            raise HTTPException(422, "nothing to correct")
        return _found(store.correct(event_id, changes, note=correction.note), "event", event_id)

    @app.get("/happenings", response_model=list[HappeningRow], responses=ERRORS,
             summary="Events merged across documents: one row per happening, most reported first")
    def happenings(where: Filter, limit: Limit = 100, offset: Offset = 0) -> list[dict]:
        return store.happenings(where, limit, offset)

    @app.get("/actors", response_model=list[ActorRow], summary="Parties of stored events, most active first")
    def actors(name: FreeText = None, limit: Limit = 100, offset: Offset = 0) -> list[dict]:
        return store.actors(limit, offset, name)

    @app.get("/places", response_model=list[PlaceRow], summary="Where stored events happened")
    def places(limit: Limit = 100, offset: Offset = 0) -> list[dict]:
        return store.places(limit, offset)

    @app.get("/stats/timeline", response_model=list[CountRow], responses=ERRORS,
             summary="Event counts per day or month")
    def timeline(where: Filter, by: Period = Period.day) -> list[dict]:
        rows = store.stats(by.value, where)
        return sorted(({"key": str(key) if key is not None else None, "events": n} for key, n in rows),
                      key=lambda row: (row["key"] is None, row["key"] or ""))

    @app.get("/stats/dyads", response_model=list[DyadRow], responses=ERRORS,
             summary="Event counts per actor country and recipient country")
    def dyads(where: Filter, limit: Limit = 100) -> list[dict]:
        return store.dyads(where, limit)

    @app.get("/schema/record", summary="The record contract as a JSON Schema")
    def record_schema() -> dict[str, Any]:
        from dateline.record import json_schema

        return json_schema()

    from dateline.dashboard import install as install_dashboard

    install_dashboard(app, Filter, ERRORS)  # the browser page at / and its aggregates under /dashboard/
    app.add_middleware(BodyLimit, limit=max_body)
    return app
