"""The dashboard in a real browser (Debian's chromium driven by Playwright) over `dateline serve`'s app
on a store of real reports: filters, brushing, map and graph clicks, evidence highlights, corrections.
Each test writes a screenshot of its view to build/screenshots/."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "build" / "screenshots"
TOKEN = "a-dashboard-test-token"


def _serve(target: str, token: str | None) -> Iterator[str]:
    """The API app served by uvicorn in a thread, as `dateline serve` serves it."""
    import uvicorn

    from dateline.api import create_app

    app = create_app(target, token)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus_records) -> Iterator[str]:
    from dateline.store import Store

    path = str(tmp_path_factory.mktemp("dashboard") / "d.duckdb")
    with Store(path) as store:
        for record in corpus_records:  # one by one, as `dateline ingest` stores them
            store.add(record)
    yield from _serve(path, TOKEN)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = "browser tests need Debian's chromium (apt-get install chromium)"
        if os.environ.get("DATELINE_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    opened.errors = []  # console errors and uncaught exceptions, which every test checks at its end
    opened.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))
    yield opened
    context.close()
    assert opened.errors == []


def ready(page) -> None:
    page.wait_for_selector('body[data-busy="false"]', timeout=20_000)


def open_dashboard(page, server: str, query: str = "") -> None:
    page.goto(f"{server}/{query}")
    ready(page)


def after(page, action) -> None:
    """Run an action that changes the URL and wait until every view has rendered again."""
    before = page.url
    action()
    page.wait_for_function("u => location.href !== u", arg=before, timeout=10_000)
    ready(page)


def url_filters(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def api_total(server: str, filters: dict[str, str]) -> int:
    keep = {k: v for k, v in filters.items() if k in ("since", "until", "country", "actor", "recipient", "type",
                                                       "mode", "aux", "text", "near")}
    return httpx.get(f"{server}/events", params={**keep, "limit": 1}).json()["total"]


def shown_total(page) -> int:
    return int(page.get_attribute("#count", "data-total"))


def shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_the_page_loads_every_view_without_console_errors(page, server):
    open_dashboard(page, server)
    for view in ("timeline", "map", "graph", "events"):
        assert page.locator(f'[data-view="{view}"]').is_visible()
    total = api_total(server, {})
    assert shown_total(page) == total > 0
    assert page.locator("[data-event-id]").count() == min(total, 50)
    assert page.locator("#timeline-chart rect.bar-part").count() > 0
    assert page.locator(".map-point").count() > 0
    assert page.locator("path.leaflet-interactive:not(.map-point)").count() > 100  # the country shapes
    assert page.locator("#graph-chart .edge").count() > 0
    assert page.locator("#trends-table tbody tr").count() > 0
    shot(page, "overview-1280x800")
    page.set_viewport_size({"width": 420, "height": 800})
    page.wait_for_timeout(400)  # the charts are drawn again at the new width
    ready(page)
    page.screenshot(path=str(SCREENSHOTS / "overview-narrow-420x800.png"))


def test_a_filter_changes_the_list_and_its_count_to_the_apis_total(page, server):
    open_dashboard(page, server)
    everything = shown_total(page)
    after(page, lambda: page.select_option("select[name=type]", "CONSULT"))
    assert url_filters(page)["type"] == "CONSULT"
    consult = api_total(server, {"type": "CONSULT"})
    assert shown_total(page) == consult < everything
    assert page.locator("[data-event-id]").count() == consult
    types = page.locator("[data-event-id] td:nth-child(2)").all_inner_texts()
    assert types and all(t.split()[0] == "CONSULT" for t in types)
    page.fill("input[name=text]", "Ankara")
    after(page, lambda: page.press("input[name=text]", "Enter"))
    assert shown_total(page) == api_total(server, {"type": "CONSULT", "text": "Ankara"}) < consult
    after(page, lambda: page.click("#clear"))
    assert shown_total(page) == everything
    after(page, lambda: page.click("#events-table th button:has-text('Date')"))  # sorted newest first
    dates = [d for d in page.locator("[data-event-id] td.date").all_inner_texts() if d != "undated"]
    assert dates[0] == max(dates) > min(dates)
    csv = httpx.get(server + page.get_attribute("#export-csv", "href"))
    assert csv.status_code == 200 and len(csv.text.strip().splitlines()) == everything + 1
    trend = page.locator("#trends-table tbody button").first
    key = trend.inner_text()
    after(page, trend.click)
    assert url_filters(page)["country"] == key and shown_total(page) == api_total(server, {"country": key})
    after(page, lambda: page.click("#clear"))
    open_dashboard(page, server, "?size=10")
    first_page = page.locator("[data-event-id]").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    after(page, lambda: page.click("#next"))
    second_page = page.locator("[data-event-id]").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    assert len(first_page) == len(second_page) == 10 and not set(first_page) & set(second_page)
    assert url_filters(page)["page"] == "2" and page.inner_text("#page-info") == f"11–20 of {everything}"
    expected = httpx.get(f"{server}/dashboard/list", params={"limit": 10, "offset": 10}).json()["items"]
    assert second_page == [e["id"] for e in expected]
    after(page, lambda: page.check("input[name=per][value=happening]"))
    happenings = len(httpx.get(f"{server}/happenings", params={"limit": 1000}).json())
    assert shown_total(page) == happenings < everything
    assert "page" not in url_filters(page)  # a new list starts on its first page
    shot(page, "events-happenings")


def test_brushing_the_timeline_narrows_the_date_range(page, server):
    open_dashboard(page, server)
    summary = httpx.get(f"{server}/dashboard/summary").json()
    box = page.locator("#timeline-chart svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.45, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    after(page, page.mouse.up)
    filters = url_filters(page)
    assert summary["first"] < filters["since"] <= filters["until"] < summary["last"]
    assert page.input_value("input[name=since]") == filters["since"]
    assert shown_total(page) == api_total(server, filters) < summary["events"]
    shot(page, "timeline-brushed")
    after(page, lambda: page.select_option("select[name=stack]", "quad"))
    assert set(page.locator("#timeline-legend span").all_inner_texts()) <= {
        "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
    after(page, lambda: page.select_option("select[name=period]", "day"))
    bars = page.locator("#timeline-chart rect.bar-part title").evaluate_all("ts => ts.map(t => t.textContent)")
    days = {b.split(":")[0] for b in bars}
    assert days and all(filters["since"] <= d <= filters["until"] for d in days)


def test_clicking_a_map_point_filters_to_events_near_it(page, server):
    open_dashboard(page, server)
    for _ in range(8):  # a cluster of several places zooms in until single places show
        single = page.locator('.map-point[data-places="1"]')
        if single.count():
            break
        page.locator(".map-point").first.dispatch_event("click")
        page.wait_for_timeout(700)
        ready(page)
    after(page, lambda: page.locator('.map-point[data-places="1"]').first.dispatch_event("click"))
    filters = url_filters(page)
    lat, lon, km = (float(x) for x in filters["near"].split(","))
    assert -90 <= lat <= 90 and -180 <= lon <= 180 and km == 25
    assert 0 < shown_total(page) == api_total(server, filters) < api_total(server, {})
    shot(page, "map-point-clicked")
    after(page, lambda: page.click("#clear"))
    after(page, lambda: page.locator("path.country-TUR").dispatch_event("click"))
    assert url_filters(page)["country"] == "TUR"
    assert 0 < shown_total(page) == api_total(server, {"country": "TUR"}) < api_total(server, {})


def test_clicking_a_graph_edge_filters_to_its_dyad(page, server):
    open_dashboard(page, server)
    edge = page.locator("#graph-chart .edge").first
    actor, recipient = edge.get_attribute("data-actor"), edge.get_attribute("data-recipient")
    after(page, lambda: edge.dispatch_event("click"))
    filters = url_filters(page)
    assert (filters["actor"], filters["recipient"]) == (actor, recipient)
    assert 0 < shown_total(page) == api_total(server, filters) < api_total(server, {})
    shot(page, "graph-edge-clicked")
    node = page.locator("#graph-chart .node").first
    code = node.get_attribute("data-node")
    after(page, lambda: node.press("Enter"))  # keyboard: a focused node filters like a click
    assert url_filters(page)["country"] == code
    after(page, lambda: page.click("#clear"))
    after(page, lambda: page.select_option("select[name=level]", "name"))
    named = page.locator("#graph-chart .node").first
    name = named.get_attribute("data-node")
    after(page, lambda: named.dispatch_event("click"))
    assert url_filters(page)["actor"] == name
    assert 0 < shown_total(page) == api_total(server, {"actor": name})


def test_the_event_page_highlights_spans_that_slice_the_text_exactly(page, server):
    events = httpx.get(f"{server}/events", params={"limit": 1000}).json()["items"]
    chosen = max(events, key=lambda e: len(e["evidence"]))
    assert len(chosen["evidence"]) > 1
    open_dashboard(page, server)
    after(page, lambda: page.click(f'[data-event-id="{chosen["id"]}"] a'))
    assert url_filters(page)["event"] == chosen["id"]
    assert page.locator('[data-view="event"]').is_visible()
    text = httpx.get(f"{server}/documents/{chosen['document_id']}").json()["document"]["text"]
    shown = page.eval_on_selector("#article", "el => el.textContent")
    assert shown == text
    marks = page.eval_on_selector_all("#article mark.evidence", """marks => marks.map(m => {
        const range = document.createRange();
        range.setStart(document.getElementById('article'), 0);
        range.setEnd(m, 0);
        return {offset: range.toString().length, start: +m.dataset.start, end: +m.dataset.end, text: m.textContent};
    })""")
    assert marks
    for mark in marks:
        assert mark["offset"] == mark["start"] and text[mark["start"]:mark["end"]] == mark["text"]
    for span in chosen["evidence"]:
        assert text[span["start"]:span["end"]] == span["text"]
        assert any(m["start"] <= span["start"] and span["end"] <= m["end"] for m in marks)
    reasons = page.locator("dl.fields .reasons").all_inner_texts()
    assert reasons and all(r.startswith("↳ ") for r in reasons)
    shot(page, "event-page")


def test_a_correction_with_the_token_persists_and_without_it_is_refused(page, server):
    events = httpx.get(f"{server}/events", params={"type": "REQUEST", "limit": 1}).json()["items"]
    event_id = events[0]["id"]
    open_dashboard(page, server, f"?event={event_id}")
    page.select_option("#fix-event", "REJECT")
    page.fill("#fix-note", "test: not a request")
    page.click("#correction button[type=submit]")
    page.wait_for_selector('#correction-status[data-outcome="refused"]')
    assert "401" in page.inner_text("#correction-status")
    # chromium logs the refused request itself; it is the one expected error
    assert page.errors == ["Failed to load resource: the server responded with a status of 401 (Unauthorized)"]
    page.errors.clear()
    assert httpx.get(f"{server}/events/{event_id}").json()["event"] == "REQUEST"
    page.fill("#fix-token", TOKEN)
    page.select_option("#fix-event", "REJECT")
    page.fill("#fix-note", "test: not a request")
    page.click("#correction button[type=submit]")
    page.wait_for_selector('#correction-status[data-outcome="saved"]')
    stored = httpx.get(f"{server}/events/{event_id}").json()
    assert stored["event"] == "REJECT"
    changed = {c["field"]: (c["old_value"], c["new_value"]) for c in stored["corrections"]}
    # a new type brings its CAMEO code (plover.toml: REJECT 120); both types are quad class 3
    assert changed["event"] == ("REQUEST", "REJECT") and changed["cameo"][1] == "120" and "quad" not in changed
    page.reload()
    ready(page)
    row = page.locator("#corrections tbody tr").first.inner_text()
    assert "REQUEST" in row and "REJECT" in row and "not a request" in row
    shot(page, "event-corrected")


def test_an_empty_store_explains_how_to_ingest(browser, tmp_path):
    from dateline.store import Store

    path = str(tmp_path / "empty.duckdb")
    Store(path).close()
    served = _serve(path, None)
    url = next(served)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url + "/")
        ready(page)
        assert page.locator("#empty").is_visible() and "dateline ingest" in page.inner_text("#empty")
        assert not page.locator('[data-view="timeline"]').is_visible()
        shot(page, "empty-store")
        page.close()
    finally:
        served.close()


def test_the_page_works_on_a_postgresql_store(browser, postgres_url, corpus_records):
    from dateline.store import Store

    with Store(postgres_url) as store:
        for record in corpus_records:
            store.add(record)
    served = _serve(postgres_url, None)
    url = next(served)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        open_dashboard(page, url)
        assert shown_total(page) == api_total(url, {}) > 0
        assert page.locator(".map-point").count() and page.locator("#graph-chart .edge").count()
        after(page, lambda: page.select_option("select[name=type]", "CONSULT"))
        assert shown_total(page) == api_total(url, {"type": "CONSULT"})
        after(page, lambda: page.select_option("select[name=period]", "week"))
        assert page.locator("#timeline-chart rect.bar-part").count() > 0
        shot(page, "overview-postgresql")
        context.close()
        assert errors == []
    finally:
        served.close()


def test_the_keyboard_reaches_the_filters_the_list_and_an_event(page, server):
    open_dashboard(page, server)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    labels = page.locator("#filters input, #filters select").evaluate_all(
        "controls => controls.map(c => c.labels.length ? c.labels[0].textContent.trim() : '')")
    assert labels and all(labels)  # every filter control has a label
    page.focus("[data-event-id] a")
    first = page.get_attribute("[data-event-id]", "data-event-id")
    after(page, lambda: page.keyboard.press("Enter"))
    assert url_filters(page)["event"] == first and page.locator('[data-view="event"]').is_visible()
