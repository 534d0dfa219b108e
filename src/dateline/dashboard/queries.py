"""The dashboard's aggregates, written once against the store's two engines (DuckDB and PostgreSQL):
counts per period and type or quad class, per country, per dyad, map clusters, trends against 4- and
52-week baselines, and sortable pages of events or happenings with their totals. The browser asks for
these and never for the whole event table."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from dateline.store import EventFilter, Store, StoreError

PERIODS = ("day", "week", "month")
STACKS = ("type", "quad")
TREND_KEYS = ("country", "type")
TREND_THRESHOLD = 0.25  # ACLED's Trendfinder flags a move beyond ±25 % of the baseline
# Sort keys of the event list: SQL expression on the grouped or plain rows.
# Both lists sort on every key: an event's sources and mentions are its happening's.
EVENT_SORTS = {"date": "e.date", "type": "e.event", "place": "e.location", "sources": "h.sources",
               "mentions": "h.mentions", "confidence": "e.confidence"}
HAPPENING_SORTS = {"date": "date", "type": "event", "place": "location", "sources": "sources",
                   "mentions": "mentions", "confidence": "confidence"}


def _where(store: Store, where: EventFilter) -> tuple[str, list[Any]]:
    return where.sql(store.db)


def _period(store: Store, period: str) -> str:
    """The period an event's date falls in, as text: YYYY-MM-DD, the Monday of its ISO week, or YYYY-MM."""
    if period not in PERIODS:
        raise StoreError(f"unknown period {period!r} (choose from {', '.join(PERIODS)})")
    if period == "month":
        return store.db.month("e.date")
    if period == "week":
        return "CAST(CAST(date_trunc('week', e.date) AS DATE) AS VARCHAR)"
    return "CAST(e.date AS VARCHAR)"


def summary(store: Store, where: EventFilter) -> dict[str, Any]:
    sql, params = _where(store, where)
    events, happenings, documents, first, last = store.execute(
        "SELECT count(*), count(DISTINCT e.happening_id), count(DISTINCT e.document_id), min(e.date), max(e.date)"
        f" FROM events e WHERE {sql}", params)[0]
    stored = store.execute("SELECT count(*) FROM events")[0][0]
    return {"events": events, "happenings": happenings, "documents": documents, "stored_events": stored,
            "first": first.isoformat() if first else None, "last": last.isoformat() if last else None}


def timeline(store: Store, where: EventFilter, period: str = "day", stack: str = "type") -> list[dict[str, Any]]:
    """Event counts per period and PLOVER type or quad class (dated events only)."""
    if stack not in STACKS:
        raise StoreError(f"unknown stacking {stack!r} (choose from {', '.join(STACKS)})")
    sql, params = _where(store, where)
    key = "e.event" if stack == "type" else "CAST(e.quad AS VARCHAR)"
    rows = store.execute(f"SELECT {_period(store, period)} AS p, {key} AS k, count(*) FROM events e"
                         f" WHERE {sql} AND e.date IS NOT NULL GROUP BY p, k ORDER BY p, k", params)
    return [{"period": p, "key": k, "events": n} for p, k, n in rows]


@cache
def _numeric_codes() -> dict[str, str]:
    """ISO alpha-3 → numeric codes: the Natural Earth shapes (world-atlas) are keyed by the numeric one."""
    import pycountry

    return {c.alpha_3: c.numeric for c in pycountry.countries}


def vocabulary() -> dict[str, Any]:
    import pycountry

    from dateline.plover import ontology

    plover = ontology()
    return {"types": list(plover.types), "aux": [*plover.aux, "none"],
            "countries": {c.numeric: {"code": c.alpha_3, "name": c.name} for c in pycountry.countries}}


def _parties(store: Store) -> str:
    """The countries among an event's actors and recipients, each once. Unnested in the select list:
    DuckDB runs a lateral unnest in FROM ten times slower on 100,000 events."""
    both = "e.actor_countries || e.recipient_countries"
    if store.db.name == "duckdb":
        return f"list_distinct({both})"
    return f"ARRAY(SELECT DISTINCT x FROM unnest({both}) AS t(x))"


def countries(store: Store, where: EventFilter) -> list[dict[str, Any]]:
    """Events per country among their actors and recipients (what the `country` filter selects)."""
    sql, params = _where(store, where)
    rows = store.execute(
        f"SELECT c, count(*) AS n FROM (SELECT unnest({_parties(store)}) AS c FROM events e WHERE {sql}) AS u"
        " GROUP BY c ORDER BY n DESC, c", params)
    numeric = _numeric_codes()
    return [{"country": c, "numeric": numeric.get(c), "events": n} for c, n in rows]


def dyads(store: Store, where: EventFilter, level: str = "country", limit: int = 60) -> list[dict[str, Any]]:
    """Actor → recipient counts per quad class, by country code or by named party."""
    if level not in ("country", "name"):
        raise StoreError(f"unknown dyad level {level!r} (choose from country, name)")
    actors, recipients = (("e.actor_countries", "e.recipient_countries") if level == "country"
                          else ("e.actor_names", "e.recipient_names"))
    sql, params = _where(store, where)
    quads = ", ".join(f"sum(CASE WHEN quad = {q} THEN 1 ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
    # Unnested in the select lists, one array at a time (see _parties).
    return store._rows(
        f"SELECT actor, recipient, count(*) AS events, {quads} FROM (SELECT actor, unnest(recipients) AS recipient,"
        f" quad FROM (SELECT unnest({actors}) AS actor, {recipients} AS recipients, e.quad FROM events e"
        f" WHERE {sql}) AS a) AS r WHERE actor <> recipient"
        " GROUP BY actor, recipient ORDER BY events DESC, actor, recipient LIMIT ?", [*params, limit])


def points(store: Store, where: EventFilter, zoom: int = 2) -> list[dict[str, Any]]:
    """Located events clustered on a grid whose cells shrink as the map zooms in (a cell is about
    40 screen pixels), so a dense map is a few hundred circles whatever the store's size."""
    zoom = max(0, min(int(zoom), 18))
    cell = 360 / (2 ** zoom) / 6
    sql, params = _where(store, where)
    return store._rows(
        "SELECT avg(e.location_lat) AS lat, avg(e.location_lon) AS lon, count(*) AS events,"
        " count(DISTINCT e.location) AS places, min(e.location) AS name, min(e.location_country) AS country,"
        " min(e.location_lat) AS south, max(e.location_lat) AS north,"
        " min(e.location_lon) AS west, max(e.location_lon) AS east"
        f" FROM events e WHERE {sql} AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
        " GROUP BY floor(e.location_lat / ?), floor(e.location_lon / ?) ORDER BY events DESC LIMIT 2000",
        [*params, cell, cell])


def trends(store: Store, where: EventFilter, by: str = "country", limit: int = 30) -> dict[str, Any]:
    """This week's count per country or type against the mean of the 4 and the 52 weeks before it,
    flagged when it moves beyond ±25 %. The week is the seven days ending at the filter's `until`,
    else at the last stored event's date (a store of past news has no "now")."""
    if by not in TREND_KEYS:
        raise StoreError(f"unknown trend key {by!r} (choose from {', '.join(TREND_KEYS)})")
    sql, params = _where(store, where)
    end = dt.date.fromisoformat(where.until) if where.until else store.execute(
        f"SELECT max(e.date) FROM events e WHERE {sql} AND e.date <= CAST(? AS DATE)",
        [*params, dt.date.today().isoformat()])[0][0]
    if end is None:
        return {"week_end": None, "items": []}
    key = f"unnest({_parties(store)})" if by == "country" else "e.event"
    weeks = store.execute(
        f"SELECT k, w, count(*) FROM (SELECT {key} AS k,"
        f" CAST(floor({store.db.day_distance('CAST(? AS DATE)', 'e.date')} / 7) AS INTEGER) AS w"
        f" FROM events e WHERE {sql} AND e.date <= CAST(? AS DATE) AND e.date > CAST(? AS DATE)) AS t GROUP BY k, w",
        [end.isoformat(), *params, end.isoformat(), (end - dt.timedelta(days=53 * 7)).isoformat()])
    counts: dict[str, list[int]] = {}
    for name, week, n in weeks:
        counts.setdefault(name, [0] * 53)[week] = n
    items = [_trend(name, series) for name, series in counts.items()]
    items.sort(key=lambda t: (not t["flagged"], -t["week"], -abs(t["change_4"] or 0), t["key"]))
    return {"week_end": end.isoformat(), "week_start": (end - dt.timedelta(days=6)).isoformat(), "by": by,
            "items": items[:limit]}


def _change(now: int, baseline: float) -> float | None:
    return None if baseline == 0 else round((now - baseline) / baseline, 3)


def _trend(name: str, series: list[int]) -> dict[str, Any]:
    week, four, year = series[0], sum(series[1:5]) / 4, sum(series[1:53]) / 52
    change_4, change_52 = _change(week, four), _change(week, year)
    moved = [c for c in (change_4, change_52) if c is not None]
    new = week > 0 and not moved  # nothing in the baselines: a new trend
    change = moved[0] if moved else 0
    return {"key": name, "week": week, "baseline_4": round(four, 2), "baseline_52": round(year, 2),
            "change_4": change_4, "change_52": change_52,
            "flagged": new or any(abs(c) > TREND_THRESHOLD for c in moved),
            "direction": "new" if new else "up" if change > 0 else "down" if change < 0 else "flat"}


def _order(sorts: dict[str, str], sort: str, descending: bool, tiebreak: str) -> str:
    """The ORDER BY of a list page, for a sort key the caller may send (refused if unknown)."""
    if sort not in sorts:
        raise StoreError(f"unknown sort {sort!r} (choose from {', '.join(sorts)})")
    return f"{sorts[sort]} {'DESC' if descending else 'ASC'} NULLS LAST, {tiebreak}"


def event_list(store: Store, where: EventFilter, sort: str = "date", descending: bool = False,
               limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of events, each with how many documents report its happening, and the total."""
    order = _order(EVENT_SORTS, sort, descending, "e.id")
    sql, params = _where(store, where)
    total = store.execute(f"SELECT count(*) FROM events e WHERE {sql}", params)[0][0]
    # Sources are counted over the whole table only to sort by them; else for the page's happenings.
    sources = (" JOIN (SELECT happening_id, count(DISTINCT document_id) AS sources, count(*) AS mentions"
               " FROM events GROUP BY happening_id) h ON h.happening_id = e.happening_id"
               if sort in ("sources", "mentions") else "")
    items = store._rows(
        "SELECT e.id, e.date, e.event, e.mode, e.aux, e.quad, e.actor_countries, e.recipient_countries,"
        " e.actor_names, e.recipient_names, e.location, e.location_country, e.confidence, e.happening_id,"
        f" e.document_id{', h.sources, h.mentions' if sources else ''}"
        f" FROM events e{sources} WHERE {sql}"
        f" ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
    if not sources and items:
        counts = {h: (n, m) for h, n, m in store.execute(
            "SELECT happening_id, count(DISTINCT document_id), count(*) FROM events"
            f" WHERE {store.db.in_parameter('happening_id')} GROUP BY happening_id",
            [list({row["happening_id"] for row in items})])}
        for row in items:
            row["sources"], row["mentions"] = counts[row["happening_id"]]
    return {"total": total, "limit": limit, "offset": offset, "items": [_plain(row) for row in items]}


def happening_list(store: Store, where: EventFilter, sort: str = "sources", descending: bool = True,
                   limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of happenings (events merged across documents), with one event id to open, and the total."""
    order = _order(HAPPENING_SORTS, sort, descending, "happening_id")
    sql, params = _where(store, where)
    total = store.execute(f"SELECT count(DISTINCT e.happening_id) FROM events e WHERE {sql}", params)[0][0]
    items = store._rows(
        "SELECT e.happening_id, min(e.id) AS id, min(e.event) AS event, min(e.date) AS date, min(e.quad) AS quad,"
        " min(e.actor_countries) AS actor_countries, min(e.recipient_countries) AS recipient_countries,"
        " min(e.location) AS location, count(*) AS mentions, count(DISTINCT e.document_id) AS sources,"
        " max(e.confidence) AS confidence"
        f" FROM events e WHERE {sql} GROUP BY e.happening_id ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": [_plain(row) for row in items]}


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else list(v) if isinstance(v, tuple) else v)
            for k, v in row.items()}
