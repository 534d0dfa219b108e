"""Dashboard first render on a large store: a generated DuckDB store of 100,000 events (20,000
documents, 3 years, 30 countries, 40 places, 16 types), served by the API app as `dateline serve`
serves it; times the page and each aggregate call it makes (cold, then the median of 5), and the
page load in Debian's chromium until every view has rendered (median of 5 fresh pages).
Target: first render under 1 s.

Run: `.venv/bin/python bench/bench_dashboard.py [--events 100000] [--keep store.duckdb]`.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

from dateline.store import Store

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
QUADS = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4]
COUNTRIES = ["ARM", "AZE", "RUS", "TUR", "IRN", "GEO", "FRA", "DEU", "USA", "CHN", "KAZ", "UKR", "POL", "ISR", "EGY",
             "SYR", "IRQ", "LBN", "JOR", "SAU", "ARE", "QAT", "IND", "PAK", "AFG", "NGA", "MLI", "NER", "SDN", "ETH"]
PLACES = [("Yerevan", "ARM", 40.18, 44.51), ("Baku", "AZE", 40.41, 49.87), ("Moscow", "RUS", 55.75, 37.62),
          ("Ankara", "TUR", 39.93, 32.86), ("Tehran", "IRN", 35.69, 51.39), ("Tbilisi", "GEO", 41.69, 44.83),
          ("Paris", "FRA", 48.86, 2.35), ("Berlin", "DEU", 52.52, 13.40), ("Washington", "USA", 38.90, -77.04),
          ("Beijing", "CHN", 39.90, 116.40), ("Astana", "KAZ", 51.18, 71.45), ("Kyiv", "UKR", 50.45, 30.52),
          ("Warsaw", "POL", 52.23, 21.01), ("Jerusalem", "ISR", 31.77, 35.21), ("Cairo", "EGY", 30.04, 31.24),
          ("Damascus", "SYR", 33.51, 36.29), ("Baghdad", "IRQ", 33.31, 44.36), ("Beirut", "LBN", 33.89, 35.50),
          ("Amman", "JOR", 31.95, 35.93), ("Riyadh", "SAU", 24.71, 46.68), ("Abu Dhabi", "ARE", 24.45, 54.38),
          ("Doha", "QAT", 25.29, 51.53), ("New Delhi", "IND", 28.61, 77.21), ("Islamabad", "PAK", 33.68, 73.05),
          ("Kabul", "AFG", 34.56, 69.21), ("Abuja", "NGA", 9.08, 7.40), ("Bamako", "MLI", 12.64, -8.00),
          ("Niamey", "NER", 13.51, 2.13), ("Khartoum", "SDN", 15.50, 32.56), ("Addis Ababa", "ETH", 9.03, 38.74),
          ("Gyumri", "ARM", 40.79, 43.85), ("Ganja", "AZE", 40.68, 46.36), ("St Petersburg", "RUS", 59.93, 30.36),
          ("Istanbul", "TUR", 41.01, 28.98), ("Lyon", "FRA", 45.76, 4.84), ("Munich", "DEU", 48.14, 11.58),
          ("New York", "USA", 40.71, -74.01), ("Shanghai", "CHN", 31.23, 121.47), ("Almaty", "KAZ", 43.24, 76.89),
          ("Kharkiv", "UKR", 49.99, 36.23)]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _insert_events(con, n_events: int) -> None:
    con.execute(
        "INSERT INTO events (id, document_id, event, actor_countries, recipient_countries, actor_names,"
        " recipient_names, date, date_basis, location, location_country, location_lat, location_lon, quad,"
        " confidence, evidence, record, happening_id, retracted)"
        " SELECT 'ev-' || i, 'doc-' || (i // 5), types[1 + t], [c[1 + a]], [c[1 + b]],"
        " ['Minister of ' || c[1 + a]], ['Minister of ' || c[1 + b]],"
        " DATE '2021-01-01' + CAST((i // 5) % 1095 AS INTEGER), 'explicit', pn[1 + p], pc[1 + p],"
        " plat[1 + p], plon[1 + p], q[1 + t], 0.8,"
        " '[{\"start\": 0, \"end\": 9, \"text\": \"Synthetic\"}]', '{}', 'ev-' || (i - i % 2), FALSE"
        " FROM (SELECT i, CAST(hash(i) % 16 AS INTEGER) AS t, CAST(hash(i * 3) % 30 AS INTEGER) AS a,"
        " CAST((hash(i * 3) % 30 + 1 + hash(i * 7) % 29) % 30 AS INTEGER) AS b,"
        " CAST(hash(i * 11) % 40 AS INTEGER) AS p FROM range(?) r(i)),"
        " (SELECT ? AS types, ? AS c, ? AS pn, ? AS pc, ? AS plat, ? AS plon, ? AS q)",
        [n_events, TYPES, COUNTRIES, [p[0] for p in PLACES], [p[1] for p in PLACES], [p[2] for p in PLACES],
         [p[3] for p in PLACES], QUADS])


def serve(path: Path):  # noqa: ANN201 - (url, server, thread)
    import uvicorn

    from dateline.api import create_app

    app = create_app(str(path))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread, app


FIRST_PAGE = ["/dashboard/", "/dashboard/summary", "/dashboard/timeline?period=month&stack=type",
              "/dashboard/countries", "/dashboard/points?zoom=2", "/dashboard/dyads?level=country&limit=40",
              "/dashboard/trends?by=country&limit=15", "/dashboard/list?per=event&sort=date&desc=false&limit=50"]


def time_calls(url: str) -> dict[str, tuple[float, float]]:
    timings = {}
    with httpx.Client(base_url=url, timeout=60) as client:
        for path in FIRST_PAGE:
            runs = []
            for _ in range(6):
                start = time.perf_counter()
                client.get(path).raise_for_status()
                runs.append(time.perf_counter() - start)
            timings[path] = (runs[0], statistics.median(runs[1:]))
    return timings


def time_page(url: str, loads: int = 5) -> list[float]:
    from playwright.sync_api import sync_playwright

    seconds = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(loads):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            start = time.perf_counter()
            page.goto(url + "/")
            page.wait_for_selector('body[data-busy="false"]', timeout=60_000)
            seconds.append(time.perf_counter() - start)
            assert page.locator("[data-event-id]").count() == 50
            page.close()
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Write the generated store here and keep it.")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.keep or Path(folder.name) / "bench.duckdb"
    start = time.perf_counter()
    with Store(path) as store:
        n_docs = max(1, args.events // 5)
        store.con.execute(
            "INSERT INTO documents (id, title, language, agency, published, text, story_id, record)"
            " SELECT 'doc-' || i, 'Synthetic story ' || i, 'en', 'AFP', DATE '2021-01-01' + CAST(i % 1095 AS"
            " INTEGER), 'Synthetic story text ' || i, 'doc-' || i, '{}' FROM range(?) t(i)", [n_docs])
        _insert_events(store.con, args.events)
        store.con.execute("CHECKPOINT")
        counts = store.counts()
    print(f"generated {counts['events']:,} events in {counts['documents']:,} documents"
          f" in {time.perf_counter() - start:.1f} s")
    url, server, thread, app = serve(path)
    try:
        for path_, (cold, warm) in time_calls(url).items():
            print(f"  {path_:<58} cold {cold * 1000:7.1f} ms   warm median {warm * 1000:7.1f} ms")
        loads = time_page(url)
        print(f"first render in chromium (goto → every view drawn), {len(loads)} fresh pages: "
              f"median {statistics.median(loads) * 1000:.0f} ms, max {max(loads) * 1000:.0f} ms, "
              f"first {loads[0] * 1000:.0f} ms")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.store.close()
        folder.cleanup()


if __name__ == "__main__":
    main()
