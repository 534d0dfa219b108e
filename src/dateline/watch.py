"""`dateline watch`: poll feeds, folders and URL lists on a schedule and ingest what is new.

Each round reads every source again; a document already in the store (by its content id) is
neither extracted nor stored again, so a restarted watcher picks up where it stopped and never
stores an item twice. A round stops at `max_items` new documents or `max_seconds`, whichever comes
first; what it left is new to the next round. SIGTERM and SIGINT stop the watcher between two
documents (the one being stored is stored whole), after a last status line."""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from dateline.sources import InputError, SourceDocument

_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd]?)")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str) -> float:
    """Seconds in '90', '30s', '15m', '1h', '1d' (or '1h30m')."""
    text = value.strip().lower()
    parts = list(_DURATION.finditer(text))
    if not text or "".join(p.group(0) for p in parts) != text:
        raise ValueError(f"not a duration: {value!r} (say 30s, 15m, 1h)")
    seconds = sum(float(p.group(1)) * _UNIT[p.group(2)] for p in parts)
    if seconds <= 0:
        raise ValueError(f"not a positive duration: {value!r}")
    return seconds


def expand_sources(sources: list[str]) -> list[str | InputError]:
    """The inputs of one round: `@FILE` is a list of URLs or paths, one a line (# comments), read
    again every round so that it can be edited while the watcher runs."""
    found: list[str | InputError] = []
    for source in sources:
        if not source.startswith("@"):
            found.append(source)
            continue
        try:
            lines = Path(source[1:]).read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            found.append(InputError(source, f"cannot read the list ({exc.__class__.__name__}: {exc})"))
            continue
        found += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return found


@dataclass
class Round:
    number: int
    started: float
    stored: int = 0
    present: int = 0
    failed: int = 0
    left: bool = False  # stopped by its bounds (or a signal) before the end of its sources
    seconds: float = 0.0
    events: int = 0


@dataclass
class Watcher:
    """The polling loop, with its clock, its sleep and its reading injected (the tests run rounds
    without waiting)."""

    store: Any  # dateline.store.Store
    sources: list[str]
    every: float
    read: Callable[[list[str]], Iterator[SourceDocument | InputError]]
    extract: Callable[[Iterator[SourceDocument | InputError]], Iterator[tuple[Any, Any]]]
    report_error: Callable[[str, str], None]
    status: Callable[[Round], None]
    max_items: int = 500
    max_seconds: float | None = None
    clock: Callable[[], float] = time.monotonic
    stopping: threading.Event = field(default_factory=threading.Event)
    wait: Callable[[float], object] | None = None  # default: until the next round or a stop

    def _wait(self, seconds: float) -> None:
        if self.wait is not None:
            self.wait(seconds)
        else:
            self.stopping.wait(seconds)  # returns early when a signal sets it: the stop is immediate

    def run(self, rounds: int | None = None) -> int:
        """Rounds until stopped (or `rounds` of them); the number run."""
        done = 0
        while not self.stopping.is_set():
            start = self.clock()
            self.status(self.round(done + 1))
            done += 1
            if rounds is not None and done >= rounds:
                break
            self._wait(max(0.0, self.every - (self.clock() - start)))
        return done

    def round(self, number: int) -> Round:
        result = Round(number=number, started=self.clock())
        deadline = result.started + (self.max_seconds if self.max_seconds is not None else self.every)
        for item, outcome in self.extract(self._new_items(result, deadline)):
            if isinstance(item, InputError):
                self.report_error(item.item, item.cause)
                result.failed += 1
            elif outcome.record is None:
                self.report_error(item.name, outcome.error or "extraction failed")
                result.failed += 1
            else:
                self._store(item, outcome.record, result)
        result.seconds = self.clock() - result.started
        return result

    def _new_items(self, result: Round, deadline: float) -> Iterator[SourceDocument | InputError]:
        """Items not yet in the store, up to the round's bounds."""
        taken = 0
        sources = expand_sources(self.sources)
        errors = [s for s in sources if isinstance(s, InputError)]
        yield from errors
        for item in self.read([s for s in sources if isinstance(s, str)]):
            if self.stopping.is_set() or taken >= self.max_items or self.clock() >= deadline:
                result.left = True
                return
            if isinstance(item, SourceDocument) and self.store.has(item.id):
                result.present += 1
                continue
            taken += 1
            yield item

    def _store(self, item: SourceDocument, record: Any, result: Round) -> None:
        try:
            added = self.store.add(record)
        except Exception as exc:  # noqa: BLE001 - one document that cannot be stored must not stop the watcher
            self.report_error(item.name, f"cannot store ({type(exc).__name__}: {exc})")
            result.failed += 1
            return
        if added:
            result.stored += 1
            result.events += len(record.events)
        else:
            result.present += 1

    def stop_on_signals(self) -> None:
        def handler(_signum: int, _frame: FrameType | None) -> None:
            self.stopping.set()

        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, handler)


def status_line(result: Round, counts: dict[str, int], db: str) -> str:
    bound = "; stopped at its bounds, the rest next round" if result.left else ""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return (f"dateline: watch: round {result.number} at {stamp}: stored {result.stored} ({result.events} events), "
            f"already present {result.present}, failed {result.failed} in {result.seconds:.1f} s{bound}; "
            f"database {db}: {counts['documents']} documents, {counts['events']} events")
