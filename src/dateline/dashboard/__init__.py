"""The analyst's dashboard: a browser page served at `/` (to browsers; API clients still get the
server's description there) over the REST API, with the aggregates its views need under /dashboard/.
Its scripts, styles and map shapes are files of this package (static/): nothing is fetched at run time."""

import json
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask

from dateline.dashboard import queries
from dateline.store import Store

STATIC = Path(__file__).parent / "static"
PAGE = STATIC / "index.html"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


class Stack(StrEnum):
    type = "type"
    quad = "quad"


class Level(StrEnum):
    country = "country"
    name = "name"


class TrendKey(StrEnum):
    country = "country"
    type = "type"


class Per(StrEnum):
    event = "event"
    happening = "happening"


class Sort(StrEnum):
    date = "date"
    type = "type"
    place = "place"
    sources = "sources"
    confidence = "confidence"
    mentions = "mentions"


class ExportFormat(StrEnum):
    csv = "csv"
    plover_jsonl = "plover-jsonl"
    gdelt = "gdelt"


EXPORTS = {"csv": ("text/csv", "csv"), "plover-jsonl": ("application/x-ndjson", "jsonl"),
           "gdelt": ("text/tab-separated-values", "tsv")}


def _store(request: Request) -> Store:
    return request.app.state.store


def router(Filter: Any, errors: dict[int | str, dict[str, Any]]) -> APIRouter:  # noqa: N803 - a type
    """The aggregate endpoints, taking the API's event filters (its `Filter` dependency, given by
    dateline.api so that this package does not import it back; the annotations below are evaluated
    here, when the endpoints are defined)."""
    api = APIRouter(prefix="/dashboard", tags=["dashboard"], responses=errors)

    @api.get("/vocabulary", summary="Event types, aux modes and country codes the views name")
    def vocabulary() -> dict[str, Any]:
        return queries.vocabulary()

    @api.get("/summary", summary="How many events, happenings and documents the filters select")
    def summary(request: Request, where: Filter) -> dict[str, Any]:
        return queries.summary(_store(request), where)

    @api.get("/timeline", summary="Events per day, week or month, by PLOVER type or quad class")
    def timeline(request: Request, where: Filter, period: Period = Period.day,
                 stack: Stack = Stack.type) -> list[dict[str, Any]]:
        return queries.timeline(_store(request), where, period.value, stack.value)

    @api.get("/countries", summary="Events per actor or recipient country (with its ISO numeric code)")
    def countries(request: Request, where: Filter) -> list[dict[str, Any]]:
        return queries.countries(_store(request), where)

    @api.get("/dyads", summary="Actor → recipient counts per quad class, by country or named party")
    def dyads(request: Request, where: Filter, level: Level = Level.country,
              limit: Annotated[int, Query(ge=1, le=500)] = 60) -> list[dict[str, Any]]:
        return queries.dyads(_store(request), where, level.value, limit)

    @api.get("/points", summary="Located events clustered for a map zoom level")
    def points(request: Request, where: Filter, zoom: Annotated[int, Query(ge=0, le=18)] = 2) -> list[dict[str, Any]]:
        return queries.points(_store(request), where, zoom)

    @api.get("/trends", summary="This week against the 4- and 52-week baselines, per country or type")
    def trends(request: Request, where: Filter, by: TrendKey = TrendKey.country,
               limit: Annotated[int, Query(ge=1, le=200)] = 30) -> dict[str, Any]:
        return queries.trends(_store(request), where, by.value, limit)

    @api.get("/list", summary="A sorted page of events or happenings, with the total")
    def listing(request: Request, where: Filter, per: Per = Per.event, sort: Sort = Sort.date,
                desc: bool = False, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> dict[str, Any]:
        page = queries.event_list if per is Per.event else queries.happening_list
        return page(_store(request), where, sort.value, desc, limit, offset)

    @api.get("/export", summary="The selected events as CSV, PLOVER JSON Lines or a GDELT-style table",
             response_class=FileResponse)
    def export(request: Request, where: Filter, format: ExportFormat = ExportFormat.csv) -> FileResponse:
        from dateline.exports import export_events

        media, suffix = EXPORTS[format.value]
        handle = tempfile.NamedTemporaryFile(suffix=f".{suffix}", delete=False)  # noqa: SIM115 - removed after sending
        handle.close()
        path = Path(handle.name)
        export_events(_store(request), path, format.value, where)
        return FileResponse(path, media_type=media, filename=f"dateline-events.{suffix}",
                            background=BackgroundTask(path.unlink, missing_ok=True))

    return api


class BrowserRoot:
    """Browsers asking for `/` (Accept: text/html) get the dashboard; other clients the JSON description."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/" and scope["method"] in ("GET", "HEAD"):
            accept = dict(scope.get("headers") or []).get(b"accept", b"")
            if b"text/html" in accept:
                scope = {**scope, "path": "/dashboard/", "raw_path": b"/dashboard/"}
        await self.app(scope, receive, send)


def install(app: FastAPI, event_filter: Any, errors: dict[int | str, dict[str, Any]]) -> None:
    """Add the dashboard to the API app: its page, its files and its aggregate endpoints."""
    app.include_router(router(event_filter, errors))
    app.mount("/dashboard/static", StaticFiles(directory=STATIC), name="dashboard-static")

    vocabulary = queries.vocabulary()

    @app.get("/dashboard/", include_in_schema=False)
    def page(request: Request) -> HTMLResponse:
        # The vocabulary and whether the store is empty go with the page: one round trip less.
        data = {**vocabulary, "stored_events": _store(request).execute("SELECT count(*) FROM events")[0][0]}
        html = PAGE.read_text("utf-8").replace("{{VOCABULARY}}", json.dumps(data).replace("<", "\\u003c"))
        return HTMLResponse(html, headers={"Cache-Control": "no-cache"})

    app.add_middleware(BrowserRoot)
