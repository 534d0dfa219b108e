"""The REST API under load, on loopback only: a fresh `dateline serve` on a new DuckDB file, then
concurrent writes (`POST /documents`, the server's first work in each language: the case that
broke when the spaCy pipeline was built from several threads at once), then concurrent reads
(`GET /events` with filters) while a few writes go on. Reports throughput, p50/p95 latency, the
status codes seen and the server's resident memory (peak of samples every 0.2 s).

Bounded in requests (`--writes`, `--reads`) and in time (`--deadline` seconds per phase).
Run: `.venv/bin/python bench/bench_api.py [--writes 40] [--reads 500] [--concurrency 20]`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import httpx

TOKEN = "bench-token-0123456789"
TEXTS = {
    "en": "LONDON, 4 March 2025 (Reuters) - Thousands of nurses protested in London on Tuesday against pay cuts, "
          "and police arrested six people. The health minister met union leaders in Manchester.",
    "fr": "LYON, 5 février 2025 (AFP) - Quelque 2000 enseignants ont manifesté mercredi à Lyon contre la réforme. "
          "Le ministre de l'Intérieur a rencontré les syndicats à Paris.",
}
READ_QUERIES = [{}, {"type": "PROTEST"}, {"country": "GBR"}, {"since": "2025-01-01", "limit": 50},
                {"text": "police"}]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class MemorySampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            with contextlib.suppress(OSError):
                self.peak = max(self.peak, rss_mb(self.pid))
            self.stop.wait(0.2)


@contextlib.contextmanager
def server(db: Path) -> Iterator[tuple[str, int]]:
    """`dateline serve` on 127.0.0.1 and a free port, read-write; stopped on exit."""
    from dateline.store import Store

    Store(str(db)).close()
    port = _free_port()
    env = {**os.environ, "DATELINE_API_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                               env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(base + "/", timeout=1).status_code == 200:
                    break
            time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start")
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(30)


def run_phase(calls: list[tuple[str, Callable[[httpx.Client], int]]], concurrency: int, deadline: float,
              pid: int) -> tuple[dict[str, dict], float, float]:
    """Latencies and statuses per kind of call, and the server's peak and final resident memory."""
    sampler = MemorySampler(pid)
    sampler.start()
    latencies: dict[str, list[float]] = {}
    statuses: dict[str, Counter[int | str]] = {}
    started = time.perf_counter()
    with httpx.Client(timeout=120) as client, ThreadPoolExecutor(concurrency) as pool:
        def timed(call: Callable[[httpx.Client], int]) -> tuple[float, int | str]:
            if time.perf_counter() - started > deadline:
                return 0.0, "skipped"
            t0 = time.perf_counter()
            try:
                status: int | str = call(client)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            return time.perf_counter() - t0, status

        futures = {pool.submit(timed, call): kind for kind, call in calls}
        for future in as_completed(futures):
            seconds, status = future.result()
            kind = futures[future]
            statuses.setdefault(kind, Counter())[status] += 1
            if status != "skipped":
                latencies.setdefault(kind, []).append(seconds)
    elapsed = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    rows = {}
    for kind, values in latencies.items():
        q = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
        rows[kind] = {"requests": len(values), "per_s": len(values) / elapsed, "p50_ms": q[49] * 1000,
                      "p95_ms": q[94] * 1000, "statuses": dict(statuses[kind])}
    return rows, sampler.peak, rss_mb(pid)


def write_call(base: str, n: int, language: str) -> Callable[[httpx.Client], int]:
    body = {"text": f"{TEXTS[language]} ({n})", "language": language}

    def call(client: httpx.Client) -> int:
        return client.post(base + "/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).status_code
    return call


def read_call(base: str, n: int) -> Callable[[httpx.Client], int]:
    params = READ_QUERIES[n % len(READ_QUERIES)]

    def call(client: httpx.Client) -> int:
        return client.get(base + "/events", params=params).status_code
    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writes", type=int, default=40, help="POST /documents, half English, half French")
    parser.add_argument("--reads", type=int, default=500, help="GET /events")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds per phase at most")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, server(Path(folder) / "bench.duckdb") as (base, pid):
        print(f"server pid {pid}, idle rss {rss_mb(pid):.0f} MB")
        writes = [("write", write_call(base, n, ("en", "fr")[n % 2])) for n in range(args.writes)]
        reads = [("read", read_call(base, n)) for n in range(args.reads)]
        extra = [("write", write_call(base, args.writes + n, ("en", "fr")[n % 2]))
                 for n in range(max(1, args.writes // 4))]
        mixed = reads[: len(reads) // 4] + extra + reads[len(reads) // 4:]
        for name, calls in (("first uploads", writes), ("reads", reads), ("reads during writes", mixed)):
            rows, peak, end = run_phase(calls, args.concurrency, args.deadline, pid)
            for kind, row in rows.items():
                print(f"{name:>20} {kind:>5}: {row['requests']:4d} requests, {row['per_s']:6.1f}/s, "
                      f"p50 {row['p50_ms']:6.0f} ms, p95 {row['p95_ms']:6.0f} ms, statuses {row['statuses']}")
            print(f"{name:>20}: server rss peak {peak:.0f} MB, after {end:.0f} MB")

if __name__ == "__main__":
    main()
