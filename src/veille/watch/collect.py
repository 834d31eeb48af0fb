"""Pending entries downloaded, analysed and stored, batch by batch, through the ingest's
own path: ``analyse_batches`` and ``write_batch``, one transaction per batch, with each
entry's outcome written in that same transaction.

Failed downloads stay pending with a back-off, or are given up (:class:`RetryPolicy`).
A page whose bytes or whose text a stored document already has is a ``duplicate``
pointing at it, not a second document. When ``stop`` is set, no new download starts;
what was downloaded is analysed and stored, then the round ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import duckdb

from veille.errors import InputError
from veille.model import Document
from veille.pipeline import Failure
from veille.read.decode import DEFAULT_MAX_CHARS
from veille.store.schema import WAIT_SECONDS, open_store
from veille.store.workers import analyse_batches
from veille.store.write import Work, Written, present_ids, utcnow, write_batch
from veille.watch.http import Fetcher, FetchError
from veille.watch.pages import content_hash, page_document
from veille.watch.state import (
    DUPLICATE,
    FAILED,
    PENDING,
    STORED,
    DueEntry,
    Outcome,
    record_outcomes,
    stored_hashes,
)

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """When a failed page is tried again, and when it is given up.

    A transient failure (timeout, connection error, 429, 5xx, robots.txt unreachable)
    waits ``base`` seconds, doubled at each attempt up to ``cap`` (or what Retry-After
    asks, if longer), and is given up after ``transient_attempts``: with the defaults,
    about three days of tries. A permanent one (404, 410, a PDF, too large, robots.txt
    disallow, a redirect loop, no article in the page) is tried ``permanent_attempts``
    times in all — a page announced before it is online answers 404 for a while.
    """

    base: float = 300.0
    cap: float = 6 * 3600.0
    transient_attempts: int = 12
    permanent_attempts: int = 3

    def outcome(
        self,
        entry: DueEntry,
        reason: str,
        *,
        transient: bool,
        retry_after: float | None = None,
        now: datetime,
    ) -> Outcome:
        attempts = entry.attempts + 1
        limit = self.transient_attempts if transient else self.permanent_attempts
        if attempts >= limit:
            return Outcome(url=entry.url, status=FAILED, attempts=attempts, error=reason)
        wait = min(self.base * 2 ** (attempts - 1), self.cap)
        if retry_after is not None:
            wait = max(wait, retry_after)
        return Outcome(
            url=entry.url,
            status=PENDING,
            attempts=attempts,
            error=reason,
            next_attempt_at=now + timedelta(seconds=wait),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CollectOptions:
    workers: int = 1  # analysing processes (1: in this process)
    batch_size: int = 8  # articles per transaction; a stop waits for at most one batch
    downloads: int = 4  # pages downloaded at once, over all hosts
    # Pages a round downloads at most (None: all that are due); the rest stay pending,
    # oldest first, for the next rounds: a first round over a large sitemap is spread out.
    max_pages: int | None = None
    wait: float = WAIT_SECONDS
    max_chars: int = DEFAULT_MAX_CHARS
    retry: RetryPolicy = field(default_factory=RetryPolicy)


@dataclass(slots=True)
class Collected:
    """What happened to the entries of a round."""

    attempted: int = 0
    stored: int = 0
    duplicates: int = 0
    retry_later: int = 0
    failed: int = 0  # given up this round
    events: int = 0
    quotes: int = 0
    failures: list[Failure] = field(default_factory=list)  # downloads and analyses
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False


@dataclass(frozen=True, slots=True)
class _Prepared:
    work: Work
    outcomes: tuple[Outcome, ...]


OnBatch = Callable[[Collected, Written], None]


def collect(
    db: str,
    run_id: int,
    due: Sequence[DueEntry],
    fetcher: Fetcher,
    options: CollectOptions,
    *,
    stop: threading.Event,
    on_batch: OnBatch | None = None,
) -> Collected:
    """Download, analyse and store ``due`` entries; return what became of them."""
    done = Collected()
    if not due:
        return done
    with ThreadPoolExecutor(options.downloads, thread_name_prefix="veille-fetch") as pool:

        def prepared() -> Iterator[tuple[_Prepared, list[Document]]]:
            size = options.batch_size
            for start in range(0, len(due), size):
                if stop.is_set():
                    return
                batch = _prepare(db, due[start : start + size], fetcher, pool, options, stop)
                yield batch, list(batch.work.documents)

        for batch, results in analyse_batches(prepared(), workers=options.workers):
            also = _outcome_writer(batch.outcomes, utcnow())
            with open_store(db, wait=options.wait) as con:
                written = write_batch(con, run_id, batch.work, results, also=also)
            _count(done, batch, written)
            if on_batch is not None:
                on_batch(done, written)
    done.interrupted = done.attempted < len(due)
    return done


def _outcome_writer(
    outcomes: Sequence[Outcome], now: datetime
) -> Callable[[duckdb.DuckDBPyConnection, Written], None]:
    """The entries' outcomes, written in their batch's transaction."""

    def write(con: duckdb.DuckDBPyConnection, _: Written) -> None:
        record_outcomes(con, outcomes, now)

    return write


def _count(done: Collected, batch: _Prepared, written: Written) -> None:
    done.outcomes.extend(batch.outcomes)
    done.failures.extend(written.failures)
    done.attempted += len(batch.outcomes)
    done.stored += written.stored
    done.duplicates += sum(o.status == DUPLICATE for o in batch.outcomes) + (
        written.skipped - batch.work.skipped  # stored by another process meanwhile
    )
    done.retry_later += sum(o.status == PENDING for o in batch.outcomes)
    done.failed += sum(o.status == FAILED for o in batch.outcomes)
    done.events += written.events
    done.quotes += written.quotes


def _prepare(
    db: str,
    entries: Sequence[DueEntry],
    fetcher: Fetcher,
    pool: ThreadPoolExecutor,
    options: CollectOptions,
    stop: threading.Event,
) -> _Prepared:
    """Download a batch's pages; sort them into documents to analyse, duplicates and
    failures, each with its entry's outcome."""
    futures = [pool.submit(_download, e, fetcher, options.max_chars, stop) for e in entries]
    now = utcnow()
    documents: list[tuple[DueEntry, Document, str]] = []
    outcomes: list[Outcome] = []
    failures: list[Failure] = []
    for entry, future in zip(entries, futures, strict=True):
        found = future.result()
        if found is None:  # not started: the user asked to stop
            continue
        if isinstance(found, Document):
            documents.append((entry, found, content_hash(found)))
            continue
        transient = isinstance(found, FetchError) and found.transient
        retry_after = found.retry_after if isinstance(found, FetchError) else None
        stage = "fetch" if isinstance(found, FetchError) else "read"
        outcome = options.retry.outcome(
            entry, found.reason, transient=transient, retry_after=retry_after, now=now
        )
        LOGGER.warning("%s: %s (%s)", entry.url, found.reason, outcome.status)
        outcomes.append(outcome)
        failures.append(Failure(entry.url, stage, found.reason))
    kept = _drop_duplicates(db, documents, outcomes, options.wait)
    return _Prepared(
        Work(tuple(kept), unreadable=tuple(failures), skipped=len(documents) - len(kept)),
        tuple(outcomes),
    )


def _drop_duplicates(
    db: str,
    documents: list[tuple[DueEntry, Document, str]],
    outcomes: list[Outcome],
    wait: float,
) -> list[Document]:
    """The documents new to the store (by page bytes and by text); the others become
    duplicates of what holds them. ``outcomes`` receives an outcome for each."""
    if not documents:
        return []
    with open_store(db, wait=wait) as con:
        present = present_ids(con, [d.id for _, d, _ in documents])
        hashes = stored_hashes(con, [h for _, _, h in documents])
    kept: list[Document] = []
    for entry, document, digest in documents:
        same = document.id if document.id in present else hashes.get(digest)
        status = STORED if same is None else DUPLICATE
        outcomes.append(
            Outcome(
                url=entry.url,
                status=status,
                attempts=entry.attempts + 1,
                document_id=same or document.id,
                content_hash=digest,
            )
        )
        if same is None:
            kept.append(document)
            present.add(document.id)  # twice in one batch: the first is stored
            hashes[digest] = document.id
    return kept


def _download(
    entry: DueEntry, fetcher: Fetcher, max_chars: int, stop: threading.Event
) -> Document | FetchError | InputError | None:
    if stop.is_set():
        return None
    try:
        response = fetcher.get(entry.link, kind="page")
        return page_document(response, entry.url, published=entry.published, max_chars=max_chars)
    except (FetchError, InputError) as exc:
        return exc
