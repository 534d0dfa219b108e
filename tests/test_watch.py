"""`dateline watch`: rounds without real waiting (injected clock and one round at a time), each item
stored once across restarts, bounded rounds, a stop between two documents."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.sources.inputs import iter_inputs
from dateline.store import Store
from dateline.watch import Watcher, expand_sources, parse_duration
from dateline.workers import extract_in_order

from .conftest import VARIANTS

runner = CliRunner()


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _folder(tmp_path, count: int):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for story in sorted(VARIANTS.glob("*.txt"))[:count]:
        shutil.copy(story, folder / story.name)
    return folder


def _watcher(store, sources, statuses, errors, **options) -> Watcher:
    clock = options.setdefault("clock", FakeClock())
    waits = options.pop("waits", [])

    def wait(seconds: float) -> None:  # no real sleep: the clock jumps to the next round
        waits.append(seconds)
        clock.now += seconds

    return Watcher(store=store, sources=sources, every=900, read=lambda inputs: iter_inputs(inputs),
                   extract=lambda items: extract_in_order(items, 1), wait=wait,
                   report_error=lambda item, cause: errors.append((item, cause)), status=statuses.append, **options)


def test_durations():
    assert [parse_duration(v) for v in ("90", "30s", "15m", "1h", "1h30m", "1d")] == [90, 30, 900, 3600, 5400, 86400]
    for bad in ("", "15 minutes", "-5m", "0s", "m"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_each_item_is_stored_once_across_rounds_and_restarts(tmp_path):
    folder = _folder(tmp_path, 3)
    db = tmp_path / "w.duckdb"
    statuses, errors = [], []
    waits = []
    with Store(db) as store:
        assert _watcher(store, [str(folder)], statuses, errors, waits=waits).run(rounds=2) == 2
    assert [(r.stored, r.present) for r in statuses] == [(3, 0), (0, 3)]
    assert waits == [900]  # between the two rounds only (the rounds took no time on this clock)
    shutil.copy(sorted(VARIANTS.glob("*.txt"))[3], folder / "new.txt")
    with Store(db) as store:  # a restart: only the new file is extracted and stored
        _watcher(store, [str(folder)], statuses, errors).run(rounds=1)
        assert store.counts()["documents"] == 4
    assert (statuses[-1].stored, statuses[-1].present) == (1, 3) and not errors


def test_a_round_is_bounded_by_items_and_what_it_left_is_new_next_round(tmp_path):
    folder = _folder(tmp_path, 3)
    statuses, errors = [], []
    with Store(tmp_path / "w.duckdb") as store:
        _watcher(store, [str(folder)], statuses, errors, max_items=2).run(rounds=2)
    assert [(r.stored, r.present, r.left) for r in statuses] == [(2, 0, True), (1, 2, False)]


def test_the_deadline_stops_a_round_between_documents(tmp_path):
    folder = _folder(tmp_path, 3)
    statuses, errors = [], []
    clock = FakeClock()

    def slow_extract(items):
        for item, outcome in extract_in_order(items, 1):
            clock.now += 60  # each document "takes" a minute
            yield item, outcome

    with Store(tmp_path / "w.duckdb") as store:
        watcher = _watcher(store, [str(folder)], statuses, errors, max_seconds=90, clock=clock)
        watcher.extract = slow_extract
        result = watcher.round(1)
    assert (result.stored, result.left) == (2, True)


def test_a_stop_ends_the_loop_without_waiting_and_bad_items_are_one_line_each(tmp_path):
    folder = _folder(tmp_path, 1)
    (folder / "empty.txt").write_text("")
    urls = tmp_path / "sources.txt"
    urls.write_text(f"# watched\n{folder}\n{tmp_path / 'missing.txt'}\n")
    statuses, errors = [], []
    with Store(tmp_path / "w.duckdb") as store:
        watcher = _watcher(store, [f"@{urls}", f"@{tmp_path / 'nolist.txt'}"], statuses, errors)
        watcher.wait = None  # the real wait, on the stop event: a stop must end it at once
        watcher.status = lambda result: (statuses.append(result), watcher.stopping.set())
        assert watcher.run() == 1  # stopped after its first round, without waiting 900 s
    assert statuses[0].stored == 1 and statuses[0].failed == 3
    causes = sorted(cause.split(" (")[0] for _item, cause in errors)
    assert causes == ["cannot read the list", "empty input", "no such file"]


def test_expand_sources_reads_lists_each_time(tmp_path):
    urls = tmp_path / "list.txt"
    urls.write_text("https://example.org/feed.xml\n\n  # a comment\n/data/in\n")
    assert expand_sources(["a", f"@{urls}"]) == ["a", "https://example.org/feed.xml", "/data/in"]


def test_watch_command_runs_one_round_and_prints_its_status(tmp_path):
    folder = _folder(tmp_path, 2)
    db = tmp_path / "w.duckdb"
    for _ in range(2):
        result = runner.invoke(app, ["watch", str(folder), "--db", str(db), "--rounds", "1", "--every", "15m"])
        assert result.exit_code == 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "round 1" in lines[0] and "stored 0" in lines[0] and "already present 2" in lines[0]
    assert runner.invoke(app, ["watch", str(folder), "--every", "soon", "--db", str(db)]).exit_code == 2


def test_sigterm_and_sigint_set_the_stop(tmp_path):
    import os
    import signal

    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        for signum in saved:
            watcher = _watcher(None, [], [], [])
            watcher.stop_on_signals()
            os.kill(os.getpid(), signum)
            assert watcher.stopping.wait(5)
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
