"""Exports of stored events: PLOVER JSON Lines (the manual's interchange fields plus dateline's
evidence), CSV and Parquet (flat tables written by DuckDB), and a GDELT-1.0-like table (CAMEO
code, quad class, a Goldstein-like score, mentions, sources, articles) for tools built on GDELT."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.plover import ontology
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


def gdelt_row(event: dict, url: str | None, mentions: int = 1, sources: int = 1, articles: int = 1) -> list:
    """One happening as a row of a GDELT-1.0-like events table (for tools built on GDELT): its first
    event's fields, and how many mentions, sources (agencies or sites) and articles report it."""
    goldstein = ontology().goldstein
    location = event.get("location") or {}
    first = lambda actors, key: next((a.get(key) for a in actors if a.get(key)), "")  # noqa: E731
    cameo = event.get("cameo") or ""
    return [event["id"], (event.get("date") or "").replace("-", ""),
            first(event.get("actor", []), "name"), first(event.get("actor", []), "country"),
            first(event.get("recipient", []), "name"), first(event.get("recipient", []), "country"),
            cameo, cameo[:2], event.get("quad"), goldstein[event["event"]],
            mentions, sources, articles, location.get("name") or "", location.get("country") or "",
            location.get("lat") or "", location.get("lon") or "", url or "", event["event"], event.get("mode") or ""]


def _source_key(url: str | None, agency: str | None, document_id: str) -> str:
    """Who published a document: its agency, else its site, else the document itself."""
    from urllib.parse import urlsplit

    return agency or (urlsplit(url).hostname if url else None) or document_id


def _write_gdelt(store: Store, target: Path, where: EventFilter | None) -> int:
    import csv

    documents = {doc_id: (url, _source_key(url, agency, doc_id))
                 for doc_id, url, agency in store.execute("SELECT id, url, agency FROM documents")}
    happenings: dict[str, list[dict]] = {}
    for record in store.records(where):
        happenings.setdefault(record["happening_id"], []).append(record)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(GDELT_COLUMNS)
        for events in happenings.values():
            first = events[0]
            writer.writerow(gdelt_row(first, documents[first["document_id"]][0],
                                      mentions=sum(len(e.get("evidence", [])) for e in events),
                                      sources=len({documents[e["document_id"]][1] for e in events}),
                                      articles=len({e["document_id"] for e in events})))
    return len(happenings)


def export_events(store: Store, target: Path, fmt: str, where: EventFilter | None = None) -> int:
    """Write the events matching the filter to TARGET; returns how many rows were written (for the
    GDELT-style table one row is one happening, however many documents report it)."""
    if fmt == "gdelt":
        return _write_gdelt(store, target, where)
    if fmt == "plover-jsonl":
        records = store.records(where)
        with target.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        return len(records)
    return _write_table(store, target, fmt, where)


FLAT_COLUMNS = ["id", "date", "event", "mode", "aux", "actor", "recipient", "location", "location_country",
                "location_lat", "location_lon", "cameo", "quad", "confidence", "happening_id", "document_id"]


def _write_table(store: Store, target: Path, fmt: str, where: EventFilter | None) -> int:
    """CSV or Parquet through Arrow, the same for both store engines."""
    import pyarrow as pa

    rows = []
    offset = 0
    while batch := store.events(limit=10_000, where=where, offset=offset):
        offset += len(batch)
        for row in batch:
            rows.append({**{c: row.get(c) for c in FLAT_COLUMNS},
                         "actor": "+".join(row["actor_countries"] or []),
                         "recipient": "+".join(row["recipient_countries"] or [])})
    schema = pa.schema([("id", pa.string()), ("date", pa.date32()), ("event", pa.string()), ("mode", pa.string()),
                        ("aux", pa.string()), ("actor", pa.string()), ("recipient", pa.string()),
                        ("location", pa.string()), ("location_country", pa.string()), ("location_lat", pa.float64()),
                        ("location_lon", pa.float64()), ("cameo", pa.string()), ("quad", pa.int32()),
                        ("confidence", pa.float64()), ("happening_id", pa.string()), ("document_id", pa.string())])
    table = pa.Table.from_pylist(rows, schema=schema)
    if fmt == "csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, target, pacsv.WriteOptions(quoting_header="none"))
    else:
        import pyarrow.parquet as pq

        pq.write_table(table, target)
    return len(rows)
