"""A watch round, the watch loop, and ``veille fetch``'s single URLs.

A round is a ``runs`` row (command ``watch``): the feeds are read, their new entries
recorded (before any page is downloaded, so a crash loses none), the entries due are
downloaded, analysed and stored batch by batch (:mod:`veille.watch.collect`), and the
run is closed. The store is held only while writing, as ``veille ingest`` holds it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from veille.errors import InputError, StoreBusy
from veille.model import Document
from veille.pipeline import Failure
from veille.store.rows import transaction
from veille.store.run import IngestOptions, begin_run, finish_run
from veille.store.schema import open_store
from veille.store.search import build_index
from veille.store.write import record_errors, utcnow
from veille.watch.collect import Collected, CollectOptions, OnBatch, collect
from veille.watch.feedsfile import FeedSource
from veille.watch.http import Fetcher, FetchError
from veille.watch.listings import FAILED, NOT_MODIFIED, OK, FeedResult, read_source
from veille.watch.pages import page_document
from veille.watch.state import (
    DueEntry,
    NewEntry,
    add_entries,
    due_entries,
    entry_status,
    feed_states,
    pending_count,
    save_feeds,
    settle_known,
)
from veille.watch.urls import canonical_url, clean_link

LOGGER = logging.getLogger(__name__)

# Feeds read at once (each still bound by the per-host limits).
FEED_THREADS = 4


@dataclass(slots=True)
class RoundReport:
    """What a round (or a ``veille fetch --store``) did."""

    run_id: int
    feeds_ok: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    feed_failures: list[Failure] = field(default_factory=list)
    new_entries: int = 0
    settled: int = 0  # pending entries found already stored
    pages: Collected = field(default_factory=Collected)
    pending: int = 0  # entries pending in the store after the round
    deferred: int = 0  # due, but past the round's --max-pages: left for the next rounds
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Nothing failed: every feed read, every page attempted stored (or a duplicate).
        A round cut short by a stop is not a failure: what it left is still pending."""
        return not (self.feeds_failed or self.pages.failures)


def store_options(options: CollectOptions) -> IngestOptions:
    return IngestOptions(workers=options.workers, batch_size=options.batch_size, wait=options.wait)


def run_round(
    db: str | Path,
    sources: Sequence[FeedSource],
    fetcher: Fetcher,
    options: CollectOptions,
    *,
    on_batch: OnBatch | None = None,
) -> RoundReport:
    """One round over ``sources`` into the store ``db``."""
    started = time.perf_counter()
    db = str(db)
    run_id = begin_run(db, [s.url for s in sources], store_options(options), command="watch")
    report = RoundReport(run_id=run_id)
    status = "interrupted"
    try:
        fetcher.new_round()
        with open_store(db, wait=options.wait) as con:
            states = feed_states(con)
        with ThreadPoolExecutor(FEED_THREADS, thread_name_prefix="veille-feed") as pool:
            results = [
                r
                for found in pool.map(lambda s: read_source(fetcher, s, states), sources)
                for r in found
            ]
        _record_feeds(db, run_id, results, report, options.wait)
        with open_store(db, wait=options.wait) as con:
            report.settled = settle_known(con, utcnow())
            due = due_entries(con, utcnow())
        if options.max_pages is not None and len(due) > options.max_pages:
            report.deferred = len(due) - options.max_pages
            due = due[: options.max_pages]
        LOGGER.info("run %d: %d new entries, %d due", run_id, report.new_entries, len(due))
        status = _collect_into(report, db, due, fetcher, options, on_batch)
    finally:
        report.seconds = time.perf_counter() - started
        finish_run(db, run_id, status, options.wait)
    return report


def _collect_into(
    report: RoundReport,
    db: str,
    due: Sequence[DueEntry],
    fetcher: Fetcher,
    options: CollectOptions,
    on_batch: OnBatch | None,
) -> str:
    """Download, analyse and store ``due`` into the report's run; the run's status."""
    report.pages = collect(
        db, report.run_id, due, fetcher, options, stop=fetcher.stop, on_batch=on_batch
    )
    with open_store(db, wait=options.wait) as con:
        if report.pages.stored:
            build_index(con)
        report.pending = pending_count(con)
    return "interrupted" if report.pages.interrupted else "done"


def _record_feeds(
    db: str, run_id: int, results: list[FeedResult], report: RoundReport, wait: float
) -> None:
    """The feeds' state, their new entries and their failures, in one transaction."""
    now = utcnow()
    failures = [Failure(r.url, "feed", r.error or "failed") for r in results if r.status == FAILED]
    with open_store(db, wait=wait) as con, transaction(con):
        new = add_entries(con, [e for r in results for e in r.entries], run_id, now)
        per_feed: dict[str | None, int] = {}
        for entry in new:
            per_feed[entry.feed] = per_feed.get(entry.feed, 0) + 1
        save_feeds(con, [r.record(per_feed.get(r.url, 0)) for r in results], now)
        record_errors(con, failures, run_id)
    report.new_entries = len(new)
    report.feeds_ok = sum(r.status == OK for r in results)
    report.feeds_not_modified = sum(r.status == NOT_MODIFIED for r in results)
    report.feeds_failed = len(failures)
    report.feed_failures = failures


def watch(
    db: str | Path,
    sources: Sequence[FeedSource],
    fetcher: Fetcher,
    options: CollectOptions,
    *,
    every: float,
    once: bool = False,
    on_round: Callable[[RoundReport], None] | None = None,
    on_batch: OnBatch | None = None,
) -> RoundReport | None:
    """Rounds every ``every`` seconds (from the start of one to the next) until
    ``fetcher.stop`` is set, or one round with ``once``; the last round's report.

    In the loop, a store another process holds past ``options.wait`` costs the round,
    not the watch: the round is skipped (its run stays ``interrupted``; what it committed
    stays) and the next one comes at its time. None when no round could run.
    """
    stop = fetcher.stop
    last: RoundReport | None = None
    while True:
        started = time.perf_counter()
        try:
            last = run_round(db, sources, fetcher, options, on_batch=on_batch)
        except StoreBusy as exc:
            if once:
                raise
            LOGGER.warning("%s: round skipped, the next one in %.0f s", exc, every)
        else:
            if on_round is not None:
                on_round(last)
        if once or stop.wait(max(0.0, every - (time.perf_counter() - started))):
            return last


def fetch_documents(
    urls: Sequence[str], fetcher: Fetcher, *, max_chars: int, threads: int = 4
) -> Iterator[Document | Failure]:
    """Each URL's page as a Document (source: its canonical URL), or a Failure naming
    the URL as given, in the order given."""
    fetcher.new_round()

    def one(url: str) -> Document | Failure:
        try:
            link = clean_link(url)
            response = fetcher.get(link, kind="page")
            return page_document(response, canonical_url(url), max_chars=max_chars)
        except FetchError as exc:
            return Failure(url, "fetch", exc.reason)
        except InputError as exc:
            return Failure(url, "read", exc.reason)

    with ThreadPoolExecutor(threads, thread_name_prefix="veille-fetch") as pool:
        yield from pool.map(one, urls)


def fetch_and_store(
    db: str | Path,
    urls: Sequence[str],
    fetcher: Fetcher,
    options: CollectOptions,
    *,
    on_batch: OnBatch | None = None,
) -> tuple[RoundReport, dict[str, str]]:
    """``veille fetch --store``: the URLs recorded as entries (with no feed), then
    downloaded, analysed and stored as a round's pages are (a ``runs`` row ``fetch``).

    Returns the report and, for each URL not downloaded, why: a bad URL, or the
    document that already holds it.
    """
    db = str(db)
    started = time.perf_counter()
    fetcher.new_round()
    skipped: dict[str, str] = {}
    wanted: dict[str, NewEntry] = {}
    for url in urls:
        try:
            key = canonical_url(url)
            wanted.setdefault(
                key, NewEntry(url=key, link=clean_link(url), feed=None, title=None, published=None)
            )
        except InputError as exc:
            skipped[url] = f"error: {exc.reason}"
    run_id = begin_run(db, list(urls), store_options(options), command="fetch")
    report = RoundReport(run_id=run_id)
    status = "interrupted"
    try:
        now = utcnow()
        with open_store(db, wait=options.wait) as con, transaction(con):
            report.new_entries = len(add_entries(con, list(wanted.values()), run_id, now))
            for key in wanted:
                found = entry_status(con, key)
                if found is None:
                    continue
                state, document = found
                if state in ("stored", "duplicate"):
                    skipped[key] = f"already stored as {document}"
                elif state == "failed":  # asked for by name: try again
                    con.execute("UPDATE watch_entries SET status = 'pending' WHERE url = ?", [key])
            settle_known(con, now)
            due = due_entries(con, now, urls=[k for k in wanted if k not in skipped])
        status = _collect_into(report, db, due, fetcher, options, on_batch)
    finally:
        report.seconds = time.perf_counter() - started
        finish_run(db, run_id, status, options.wait)
    return report, skipped
