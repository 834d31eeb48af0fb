"""Batches analysed across worker processes, results handed back in input order.

Each worker runs ``analyze_many`` on chunks of a batch; the writer stays in the main
process. Measured on the bundled corpus (600 articles, 2 cores): a pool of 2 such workers
analyses 17.3 articles/s, one process 13.5, and spaCy's multiprocess ``nlp.pipe`` 11.4
(its workers only parse; ``analyze_many(n_process=…)`` now forks whole-pipeline workers
too). Where the workers come from, see :func:`_start`.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from veille import nlp
from veille.errors import VeilleError
from veille.model import Analysis, Document
from veille.pipeline import Failure, analyze_many

T = TypeVar("T")

Results = list[Analysis | Failure]

# Batches queued per worker: enough that a worker never waits for the next one, few
# enough that memory stays flat however large the corpus.
IN_FLIGHT_PER_WORKER = 2
# How often a worker checks that its parent still runs.
PARENT_CHECK_SECONDS = 1.0
# Documents per worker task. A whole batch per task left one worker idle while the other
# finished the last batch (bundled corpus, 2 workers: 0.71 of ``analyze_many``'s rate with
# batches of 32 as tasks, see bench/results/); chunks of 8 share the last batch too, and
# cost nothing measurable in pickling.
CHUNK = 8


def analyse_batches(
    batches: Iterable[tuple[T, list[Document]]], *, workers: int
) -> Iterator[tuple[T, Results]]:
    """Each ``(tag, documents)`` batch with its results, in the order given.

    With one worker the batches are analysed in this process; with more, in a pool of
    processes started on the first batch (none when there is nothing to analyse).
    """
    if workers <= 1:
        for tag, documents in batches:
            yield tag, _analyse(documents) if documents else []
        return
    pool: ProcessPoolExecutor | None = None
    pending: deque[tuple[T, list[Future[Results]]]] = deque()
    try:
        for tag, documents in batches:
            futures = []
            if documents:
                if pool is None:
                    pool = _start(workers)
                lean = [_lean(d) for d in documents]
                for start in range(0, len(lean), CHUNK):
                    futures.append(pool.submit(_analyse, lean[start : start + CHUNK]))
            pending.append((tag, futures))
            while len(pending) > workers * IN_FLIGHT_PER_WORKER:
                yield _next(pending)
        while pending:
            yield _next(pending)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def prepare(workers: int) -> None:
    """Start loading the model for a pool of ``workers`` now, in the background.

    The fork server loads the model in 4-8 s; started before the inputs are counted and
    the first batch is read, it loads while they are.
    """
    if workers > 1 and not nlp.is_loaded():
        _forkserver()
        multiprocessing.forkserver.ensure_running()


def _forkserver() -> Any:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["veille.store.preload"])
    return context


def _start(workers: int) -> ProcessPoolExecutor:
    """A pool whose workers start with the model and veille's data loaded and warm.

    When this process has loaded the model already (a program that called ``analyze``
    before, the benchmarks), the workers fork from it, as ``analyze_many``'s do, and share
    its pages: reloading would cost 4-8 s. Otherwise (the ``veille`` command, whose own
    process never needs the model) they fork from a fork server, a fresh process that
    loads and warms the model once (:mod:`veille.store.preload`): the command's process
    runs a progress display thread, and a fork copies whatever lock such a thread holds.
    """
    level = logging.getLogger().getEffectiveLevel()
    context = multiprocessing.get_context("fork") if nlp.is_loaded() else _forkserver()
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_initialise, initargs=(level, os.getpid())
    )


def _next(pending: deque[tuple[T, list[Future[Results]]]]) -> tuple[T, Results]:
    tag, futures = pending.popleft()
    try:
        return tag, [result for future in futures for result in future.result()]
    except BrokenProcessPool:
        raise VeilleError(
            "a worker process died (out of memory?); the batches committed are kept: "
            "run the same command again to go on"
        ) from None


def _lean(document: Document) -> Document:
    """The document without its raw bytes, which the worker does not need."""
    return replace(document, raw=None) if document.raw is not None else document


def _initialise(level: int, ingest: int) -> None:
    # Ctrl-C reaches the whole process group: the parent stops the run, not each worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    threading.Thread(target=_exit_with_ingest, args=(ingest,), daemon=True).start()
    nlp.load()


def _exit_with_ingest(ingest: int) -> None:
    """End this worker once the ingest that started it is gone.

    A parent killed outright (``kill -9``, the OOM killer) cannot stop its pool, and the
    workers would wait for work forever, holding a model each (seen here). A worker's own
    parent is the ingest when it forked from it, but the fork server when it came from
    there, which outlives the ingest as long as a worker holds its pipe: so the ingest's
    process is watched by its id, not the worker's parent.
    """
    while _alive(ingest):
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    # A killed process no one has reaped yet is a zombie: gone for our purpose.
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _analyse(documents: list[Document]) -> Results:
    return list(analyze_many(documents, on_error="return"))
