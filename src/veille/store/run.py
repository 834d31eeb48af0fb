"""``ingest``: read inputs, analyse them across workers, store each batch as it comes.

The run is crash-safe and resumable because a document is stored only with its batch's
commit, and a new run skips what is stored: killed at any point (even ``kill -9``),
the same command run again leaves the database a clean single run would have left.

DuckDB lets one process write a file, or several read it, never both at once. The run
therefore holds the file only while it writes a batch (tens of milliseconds every few
seconds), not while it reads and analyses: a reader that opens the store between two
batches reads it, and the writer waits for readers to close (up to ``wait`` seconds).
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import duckdb

from veille.errors import InputError
from veille.model import Analysis, Document
from veille.nlp import MODEL
from veille.pipeline import Failure
from veille.read import count_documents, read_paths
from veille.read.decode import DEFAULT_MAX_CHARS
from veille.store.clusters import recluster
from veille.store.rows import load_documents
from veille.store.schema import BATCH_SIZE, COMMIT_SECONDS, WAIT_SECONDS, open_store
from veille.store.search import build_index
from veille.store.workers import Results, analyse_batches, prepare
from veille.store.write import Work, Written, present_ids, utcnow, write_batch

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    batch_size: int = BATCH_SIZE
    reanalyse: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    wait: float = WAIT_SECONDS


@dataclass(slots=True)
class Report:
    """What a run did, updated after each committed batch."""

    run_id: int
    total: int | None = None
    documents_read: int = 0
    stored: int = 0
    skipped: int = 0
    reanalysed: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    archive_skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    # Time spent holding the database: opening it, writing, committing, closing.
    write_seconds: float = 0.0

    def add(self, work: Work, written: Written) -> None:
        self.documents_read += work.read
        self.stored += written.stored
        self.skipped += written.skipped
        self.reanalysed += written.reanalysed
        self.failed += written.failed
        self.events += written.events
        self.quotes += written.quotes


OnProgress = Callable[[Report, Written], None]


def ingest(
    paths: Sequence[str],
    db: str | Path,
    options: IngestOptions | None = None,
    *,
    on_progress: OnProgress | None = None,
) -> Report:
    """Store every document of ``paths`` (or, with ``reanalyse`` and no paths, every
    stored document) with its analysis; return the run's report.

    ``on_progress`` is called once the inputs are counted (``Report.total``), then after
    each commit with the report so far and the batch's counts (its failures included),
    for progress and error messages.
    """
    options = options or IngestOptions()
    started = time.perf_counter()
    run_id = begin_run(db, paths, options)
    prepare(options.workers)  # the pool's model loads while the inputs are counted
    ordered = _stored_ids(db, options.wait)
    report = Report(run_id=run_id)
    LOGGER.info("run %d: %d documents already stored", run_id, len(ordered))
    if paths:
        report.total = count_documents(paths)
        plan = _plan_inputs(paths, set(ordered), options, report.archive_skipped)
    else:
        report.total = len(ordered)
        plan = _plan_stored(db, ordered, options)
    if on_progress is not None:
        on_progress(report, Written())
    status = "interrupted"

    def commit(held: list[tuple[Work, Results]]) -> None:
        work = Work.joined([w for w, _ in held])
        writing = time.perf_counter()
        # One DuckDB thread: a batch's small statements gain nothing from more, and the
        # analysing workers have the cores (writer CPU 3.1 s with one per core, 2.3 s with
        # one, bench/results/).
        with _connect(db, options.wait, threads=1) as con:
            written = write_batch(con, run_id, work, [r for _, rs in held for r in rs])
        report.write_seconds += time.perf_counter() - writing
        report.add(work, written)
        LOGGER.info("run %d: batch committed, %d documents so far", run_id, report.documents_read)
        if on_progress is not None:
            on_progress(report, written)

    try:
        held: list[tuple[Work, Results]] = []
        committed = 0.0  # the first batch commits at once: progress, and readers see data
        for work, results in analyse_batches(
            ((work, list(work.documents)) for work in plan), workers=options.workers
        ):
            held.append((work, results))
            if time.perf_counter() - committed >= COMMIT_SECONDS:
                commit(held)
                held, committed = [], time.perf_counter()
        if held:
            commit(held)
        if report.stored or report.reanalysed:
            with _connect(db, options.wait) as con:
                if report.reanalysed:
                    # Each batch placed its records among the clusters as they stood; now
                    # that every record is new, cluster them all as one ingest would.
                    recluster(con, run_id)
                build_index(con)  # full-text search over the articles, rebuilt whole
        status = "done"
    finally:
        report.seconds = time.perf_counter() - started
        finish_run(db, run_id, status, options.wait)
    return report


def _connect(db: str | Path, wait: float, threads: int | None = None) -> duckdb.DuckDBPyConnection:
    return open_store(db, wait=wait, threads=threads)


def begin_run(
    db: str | Path, paths: Sequence[str], options: IngestOptions, command: str | None = None
) -> int:
    """Create a run's row (an ingest, a re-analysis, a load, an API store); return its id."""
    with _connect(db, options.wait) as con:
        row = con.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0]) if row else 1
        con.execute(
            "INSERT INTO runs (id, command, veille_version, model, spacy_version, inputs, "
            "workers, batch_size, started_at, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running')",
            [
                run_id,
                command or ("reanalyse" if options.reanalyse else "ingest"),
                package_version("veille"),
                f"{MODEL} {package_version(MODEL.replace('_', '-'))}",
                package_version("spacy"),
                list(paths),
                options.workers,
                options.batch_size,
                utcnow(),
            ],
        )
    return run_id


def finish_run(db: str | Path, run_id: int, status: str, wait: float) -> None:
    try:
        with _connect(db, wait) as con:
            con.execute(
                "UPDATE runs SET finished_at = ?, status = ? WHERE id = ?",
                [utcnow(), status, run_id],
            )
    except Exception:  # the run's outcome matters more than its bookkeeping
        LOGGER.exception("run %d: could not record its end", run_id)


def package_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _plan_inputs(
    paths: Sequence[str], stored: set[str], options: IngestOptions, archive: Counter[str]
) -> Iterator[Work]:
    """Batches of the documents to analyse, with the unreadable inputs met on the way."""
    seen: set[str] = set()
    documents: list[Document] = []
    unreadable: list[Failure] = []
    skipped = 0
    archive_seen = 0
    size = options.batch_size

    def work() -> Work:
        nonlocal documents, unreadable, skipped, archive_seen
        again = frozenset(d.id for d in documents if d.id in stored)
        counted = sum(archive.values())
        batch = Work(tuple(documents), again, tuple(unreadable), skipped, counted - archive_seen)
        documents, unreadable, skipped, archive_seen = [], [], 0, counted
        return batch

    for item in read_paths(paths, max_chars=options.max_chars, skipped=archive):
        if isinstance(item, InputError):
            unreadable.append(Failure(item.source, "read", item.reason))
        elif item.id in seen or (item.id in stored and not options.reanalyse):
            skipped += 1
        else:
            seen.add(item.id)
            documents.append(item)
        # Skipped documents travel with a batch too, so the progress bar moves on a rerun.
        if len(documents) >= size or len(unreadable) >= size or skipped >= 8 * size:
            yield work()
    if documents or unreadable or skipped or sum(archive.values()) > archive_seen:
        yield work()


def _stored_ids(db: str | Path, wait: float) -> list[str]:
    with open_store(db, read_only=False, wait=wait) as con:
        return [r[0] for r in con.execute("SELECT id FROM documents ORDER BY rowid").fetchall()]


def _plan_stored(db: str | Path, ids: list[str], options: IngestOptions) -> Iterator[Work]:
    """Batches of stored documents to analyse again, read back from the store."""
    for start in range(0, len(ids), options.batch_size):
        chunk = ids[start : start + options.batch_size]
        with _connect(db, options.wait) as con:
            documents = load_documents(con, chunk)
        yield Work(tuple(documents), frozenset(d.id for d in documents))


def store_analysis(
    db: str | Path, document: Document, analysis: Analysis, *, wait: float = WAIT_SECONDS
) -> Written:
    """Store one analysed document (the REST API's ``?store=true``) as a run of its own:
    a new document is added, a stored one has its analysis replaced; the clusters and the
    search index follow."""
    options = IngestOptions(workers=1, batch_size=1, wait=wait)
    run_id = begin_run(db, [document.source], options, command="api")
    status = "interrupted"
    try:
        with _connect(db, wait) as con:
            again = frozenset(present_ids(con, [document.id]))
            # A replaced article leaves its old records' clusters as an ingest batch does
            # (recounted), without clustering the whole store again.
            written = write_batch(con, run_id, Work((document,), again), [analysis])
            build_index(con)
        status = "done"
    finally:
        finish_run(db, run_id, status, wait)
    return written
