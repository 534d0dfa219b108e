"""Extraction on several cores: a pool of processes that each load the models once, fed a bounded
window of documents, whose results come back in input order. The parent keeps all I/O (reading
inputs, printing, the one store writer); a worker only runs the pure core (`pipeline.extract`)."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from typing import TypeVar

from dateline.record import Record
from dateline.sources import InputError, SourceDocument

T = TypeVar("T")


def default_workers() -> int:
    """The cores this process may run on ($DATELINE_WORKERS overrides it)."""
    configured = os.environ.get("DATELINE_WORKERS")
    if configured:
        return max(1, int(configured))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its record, or the cause of its one error line."""

    record: Record | None = None
    error: str | None = None


def extract_one(item: SourceDocument, detector: bool = True) -> Outcome:
    """The record of one document, or why it has none: the same cause whichever process runs it."""
    from dateline.pipeline import extract

    try:
        return Outcome(record=extract(item, detector=detector))
    except InputError as exc:
        return Outcome(error=exc.cause)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
        return Outcome(error=f"extraction failed ({type(exc).__name__}: {exc})")


def load_models() -> None:
    """Pool initializer: every spaCy pipeline and the language data, once per worker, before the
    first document (so that no document pays for them, and a worker never loads them twice)."""
    import signal

    from dateline.lang import available_languages, load_language
    from dateline.nlp import pipeline

    # Ctrl-C reaches the whole process group: the parent decides when to stop (between two
    # documents, `dateline watch`) and then shuts its workers down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)

    for code in available_languages():
        if load_language(code).has_pipeline:
            pipeline(code)


def _context() -> multiprocessing.context.BaseContext:
    # Not fork: the parent has threads (the progress bar's, the HTTP client's) that a forked child
    # would inherit in whatever state they were; forkserver starts workers from a clean process.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def extract_in_order(items: Iterable[T], workers: int, detector: bool = True) -> Iterator[tuple[T, Outcome | None]]:
    """Each item with the outcome of its extraction, in input order. An InputError item passes
    through with None (the caller reports it). With one worker, or one item, everything runs here; with more,
    at most `2 × workers` documents are in flight, so a large archive is never held in memory."""
    iterator = iter(items)
    head = list(islice(iterator, 2))
    if workers <= 1 or len(head) < 2:  # one document: starting workers would only add their start-up
        for item in chain(head, iterator):
            yield item, None if isinstance(item, InputError) else extract_one(item, detector)
        return
    pool = _Pool(workers, detector)
    pending: deque[tuple[T, Future[Outcome] | None]] = deque()
    try:
        for item in chain(head, iterator):
            pending.append((item, None if isinstance(item, InputError) else pool.submit(item)))
            while len(pending) > 2 * workers or (pending and _ready(pending[0][1])):
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())
    finally:
        pool.shutdown()


class _Pool:
    """A process pool that replaces itself when a worker dies, so one document that kills its
    worker (out of memory, say) fails alone and the batch goes on."""

    def __init__(self, workers: int, detector: bool = True) -> None:
        self.workers = workers
        self.detector = detector
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(), initializer=load_models)

    def submit(self, item: SourceDocument) -> Future[Outcome]:
        try:
            return self.executor.submit(extract_one, item, self.detector)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(extract_one, item, self.detector)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _ready(future: Future[Outcome] | None) -> bool:
    return future is None or future.done()


def _collect(item: T, future: Future[Outcome] | None) -> tuple[T, Outcome | None]:
    if future is None:
        return item, None
    try:
        return item, future.result()
    except BrokenProcessPool:
        # A worker died (killed, out of memory): the documents then in flight fail with one line
        # each; the pool is replaced at the next submission.
        return item, Outcome(error="extraction failed (worker process died)")
