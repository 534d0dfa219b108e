"""Exports of stored events: PLOVER JSON Lines (the manual's interchange fields plus dateline's
evidence), CSV and Parquet (flat tables written by DuckDB), and a GDELT-1.0-like table (CAMEO
code, quad class, a Goldstein-like score, mentions, sources, articles) for tools built on GDELT."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.store import EventFilter, Store


def plover_record(event: dict) -> dict:
    """One event in the PLOVER interchange layout (manual, "Data format"), with evidence kept."""
    def party(actors: list[dict]) -> dict:
        return {"name": "; ".join(a.get("name") or a.get("text") or "" for a in actors) or None,
                "country": [a["country"] for a in actors if a.get("country")],
                "sector": [a["sector"] for a in actors if a.get("sector")]}

    location = event.get("location") or {}
    return {
        "id": event["id"], "date": event.get("date"), "event": event["event"], "mode": event.get("mode"),
        "context": event.get("context", []), "aux": event.get("aux"),
        "actor": party(event.get("actor", [])), "recipient": party(event.get("recipient", [])),
        "location": {"name": location.get("name"), "country": location.get("country"),
                     "lat": location.get("lat"), "lon": location.get("lon"),
                     "geonameid": location.get("geonameid")} if location else None,
        "cameo": event.get("cameo"), "quad": event.get("quad"), "confidence": event.get("confidence"),
        "source": event.get("document_id"), "evidence": [e["text"] for e in event.get("evidence", [])],
    }


GDELT_COLUMNS = ["GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor2Name", "Actor2CountryCode",
                 "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                 "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
                 "SOURCEURL", "PLOVER_Event", "PLOVER_Mode"]


def gdelt_row(event: dict, url: str | None) -> list:
    """One event as a row of a GDELT-1.0-like events table (for tools built on GDELT)."""
    from dateline.events.lexicon import plover_facts

    facts = plover_facts()
    location = event.get("location") or {}
    first = lambda actors, key: next((a.get(key) for a in actors if a.get(key)), "")  # noqa: E731
    cameo = event.get("cameo") or ""
    return [event["id"], (event.get("date") or "").replace("-", ""),
            first(event.get("actor", []), "name"), first(event.get("actor", []), "country"),
            first(event.get("recipient", []), "name"), first(event.get("recipient", []), "country"),
            cameo, cameo[:2], event.get("quad"), facts["goldstein"][event["event"]],
            len(event.get("evidence", [])), 1, 1, location.get("name") or "", location.get("country") or "",
            location.get("lat") or "", location.get("lon") or "", url or "", event["event"], event.get("mode") or ""]


def export_events(store: Store, target: Path, fmt: str, where: EventFilter | None = None) -> int:
    if fmt == "gdelt":
        import csv

        records = store.records(where)
        urls = dict(store.con.execute("SELECT id, url FROM documents").fetchall())
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t")
            writer.writerow(GDELT_COLUMNS)
            for record in records:
                writer.writerow(gdelt_row(record, urls.get(record["document_id"])))
        return len(records)
    if fmt == "plover-jsonl":
        records = store.records(where)
        with target.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        return len(records)
    sql, params = (where or EventFilter()).sql()
    query = ("SELECT e.id, e.date, e.event, e.mode, e.aux, array_to_string(e.actor_countries, '+') AS actor,"
             " array_to_string(e.recipient_countries, '+') AS recipient, e.location, e.location_country,"
             " e.location_lat, e.location_lon, e.cameo, e.quad, e.confidence, e.document_id"
             f" FROM events e WHERE {sql} ORDER BY e.date NULLS LAST, e.id")
    options = "FORMAT CSV, HEADER" if fmt == "csv" else "FORMAT PARQUET"
    # COPY cannot take parameters: the filter's values are bound through a temporary view.
    store.con.execute("CREATE OR REPLACE TEMP TABLE export_rows AS " + query, params)
    store.con.execute(f"COPY export_rows TO '{_quoted(target)}' ({options})")
    return store.con.execute("SELECT count(*) FROM export_rows").fetchone()[0]


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
