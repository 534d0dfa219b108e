"""The dashboard's aggregates on both engines, each checked against the same count done in Python
over the plain event rows of a store of real reports."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.dashboard import queries
from dateline.dashboard.queries import _trend
from dateline.store import EventFilter, Store, StoreError


@pytest.fixture(params=["duckdb", "postgres"])
def store(request, tmp_path, corpus_records):
    target = str(tmp_path / "d.duckdb") if request.param == "duckdb" else request.getfixturevalue("postgres_url")
    with Store(target) as opened:
        for record in corpus_records:
            opened.add(record)
        yield opened


def _rows(store: Store, where: EventFilter | None = None) -> list[dict]:
    return store.events(limit=100_000, where=where)


def test_timeline_counts_per_month_and_week_by_type_and_quad(store):
    rows = _rows(store)
    month = Counter((r["date"].isoformat()[:7], r["event"]) for r in rows if r["date"])
    got = {(t["period"], t["key"]): t["events"] for t in queries.timeline(store, EventFilter(), "month", "type")}
    assert got == dict(month) and len(month) > 5
    monday = lambda d: (d - dt.timedelta(days=d.weekday())).isoformat()  # noqa: E731
    week = Counter((monday(r["date"]), str(r["quad"])) for r in rows if r["date"])
    assert {(t["period"], t["key"]): t["events"] for t in queries.timeline(store, EventFilter(), "week", "quad")} \
        == dict(week)
    with pytest.raises(StoreError):
        queries.timeline(store, EventFilter(), "year")


def test_countries_count_events_where_the_country_is_a_party(store):
    rows = _rows(store)
    expected = Counter(c for r in rows for c in set(r["actor_countries"]) | set(r["recipient_countries"]))
    got = queries.countries(store, EventFilter())
    assert {c["country"]: c["events"] for c in got} == dict(expected)
    armenia = next(c for c in got if c["country"] == "ARM")
    assert armenia["numeric"] == "051"
    assert armenia["events"] == store.count_events(EventFilter(country="ARM"))


def test_dyads_count_each_quad_class(store):
    rows = _rows(store)
    expected: Counter = Counter()
    for r in rows:
        for a in r["actor_countries"]:
            for b in r["recipient_countries"]:
                if a != b:
                    expected[(a, b, r["quad"])] += 1
    dyads = queries.dyads(store, EventFilter(), "country", 500)
    assert dyads and {(d["actor"], d["recipient"], q): d[f"q{q}"] for d in dyads for q in (1, 2, 3, 4)
                      if d[f"q{q}"]} == dict(expected)
    assert all(d["events"] == d["q1"] + d["q2"] + d["q3"] + d["q4"] for d in dyads)
    named = queries.dyads(store, EventFilter(), "name", 5)
    assert named and all(isinstance(d["actor"], str) for d in named)


def test_map_points_cluster_every_located_event(store):
    located = [r for r in _rows(store) if r["location_lat"] is not None]
    world, street = queries.points(store, EventFilter(), 0), queries.points(store, EventFilter(), 16)
    assert sum(p["events"] for p in world) == sum(p["events"] for p in street) == len(located)
    assert len(world) < len(street)
    assert all(p["south"] <= p["lat"] <= p["north"] and p["west"] <= p["lon"] <= p["east"] for p in world)


def test_trends_compare_the_last_week_with_its_baselines(store):
    rows = [r for r in _rows(store) if r["date"]]
    end = max(r["date"] for r in rows)
    result = queries.trends(store, EventFilter(), "country", 200)
    assert result["week_end"] == end.isoformat()
    for item in result["items"]:
        dated = [r for r in rows if item["key"] in set(r["actor_countries"]) | set(r["recipient_countries"])]
        weeks = Counter((end - r["date"]).days // 7 for r in dated if (end - r["date"]).days < 53 * 7)
        assert item["week"] == weeks[0]
        assert item["baseline_4"] == round(sum(weeks[w] for w in range(1, 5)) / 4, 2)
        assert item["baseline_52"] == round(sum(weeks[w] for w in range(1, 53)) / 52, 2)
    by_type = queries.trends(store, EventFilter(until="2022-09-20"), "type")
    assert by_type["week_end"] == "2022-09-20" and by_type["items"]


def test_a_trend_is_flagged_beyond_a_quarter_of_its_baseline():
    rising = _trend("ARM", [10, 4, 4, 4, 4, *[2] * 48])
    assert rising["baseline_4"] == 4 and rising["change_4"] == 1.5 and rising["flagged"] and rising["direction"] == "up"
    steady = _trend("ARM", [4, 4, 4, 4, 4, *[4] * 48])
    assert steady["change_4"] == 0 and not steady["flagged"]
    assert _trend("ARM", [3, *[0] * 52])["direction"] == "new"
    assert _trend("ARM", [0, 1, 1, 1, 1, *[0] * 48])["direction"] == "down"


def test_lists_sort_page_and_count(store):
    rows = _rows(store)
    documents_per_happening: dict[str, set] = {}
    for r in rows:
        documents_per_happening.setdefault(r["happening_id"], set()).add(r["document_id"])
    page = queries.event_list(store, EventFilter(), "date", True, 10, 0)
    assert page["total"] == len(rows) and len(page["items"]) == 10
    dates = [i["date"] for i in page["items"]]
    assert dates == sorted(dates, reverse=True)
    everything = queries.event_list(store, EventFilter(), "sources", True, 500, 0)["items"]
    by_date = queries.event_list(store, EventFilter(), "date", False, 500, 0)["items"]
    for items in (everything, by_date):
        assert len(items) == len(rows)
        assert all(i["sources"] == len(documents_per_happening[i["happening_id"]]) for i in items)
    assert [i["sources"] for i in everything] == sorted((i["sources"] for i in everything), reverse=True)
    assert max(i["sources"] for i in everything) > 1  # the wire variants report the same meetings
    happenings = queries.happening_list(store, EventFilter(), "sources", True, 500, 0)
    assert happenings["total"] == len(documents_per_happening) == len(happenings["items"])
    filtered = queries.event_list(store, EventFilter(type="CONSULT"), "date", False, 500, 0)
    assert filtered["total"] == store.count_events(EventFilter(type="CONSULT")) < len(rows)
    mentions = Counter(r["happening_id"] for r in rows)
    for sort in ("mentions", "date"):
        items = queries.event_list(store, EventFilter(), sort, True, 500, 0)["items"]
        assert all(i["mentions"] == mentions[i["happening_id"]] for i in items)
    assert [i["mentions"] for i in items] != sorted((i["mentions"] for i in items), reverse=True)
    by_mentions = [i["mentions"] for i in queries.event_list(store, EventFilter(), "mentions", True, 500, 0)["items"]]
    assert by_mentions == sorted(by_mentions, reverse=True) and by_mentions[0] > 1
    assert queries.happening_list(store, EventFilter(), "confidence", True, 1, 0)["items"][0]["confidence"] == max(
        r["confidence"] for r in rows)
    with pytest.raises(StoreError):
        queries.happening_list(store, EventFilter(), "weather")


def test_endpoints_take_the_event_filters_and_export_the_selection(tmp_path, corpus_records):
    path = str(tmp_path / "api.duckdb")
    with Store(path) as opened:
        for record in corpus_records:
            opened.add(record)
        consult = opened.count_events(EventFilter(type="CONSULT"))
    with TestClient(create_app(path)) as client:
        assert client.get("/dashboard/summary", params={"type": "CONSULT"}).json()["events"] == consult
        assert client.get("/dashboard/list", params={"type": "RIOT"}).status_code == 422
        csv = client.get("/dashboard/export", params={"type": "CONSULT", "format": "csv"})
        assert csv.status_code == 200 and len(csv.text.strip().splitlines()) == consult + 1
        jsonl = client.get("/dashboard/export", params={"type": "CONSULT", "format": "plover-jsonl"}).text
        assert len(jsonl.strip().splitlines()) == consult
        assert client.get("/dashboard/export", params={"format": "gdelt"}).text.startswith("GLOBALEVENTID\t")
        page = client.get("/", headers={"Accept": "text/html"})
        assert page.headers["content-type"].startswith("text/html") and 'data-view="timeline"' in page.text
        assert client.get("/").json()["name"] == "dateline"  # API clients still get the description
        assert client.get("/dashboard/static/vendor/leaflet/leaflet.js").status_code == 200
        vocabulary = client.get("/dashboard/vocabulary").json()
        assert vocabulary["countries"]["250"]["code"] == "FRA" and "CONSULT" in vocabulary["types"]
