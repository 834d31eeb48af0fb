"""One batch, one transaction: documents, everything derived from them, errors, run counts.

A document counts as stored only once its batch has committed. Ids stay unique without a
key: inside the transaction, documents already present are looked up first (another
process may have stored them since this run began) and only the others are inserted.
Re-analysed documents have their derived rows deleted and written anew in the same
transaction, so a reader never sees an article half replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from veille.model import Analysis, Document
from veille.pipeline import Failure
from veille.store.clusters import cluster_batch, recount
from veille.store.rows import (
    DERIVED,
    Batch,
    analysis_rows,
    document_rows,
    error_rows,
    insert_table,
    registered,
    transaction,
)


@dataclass(frozen=True, slots=True)
class Work:
    """A batch to analyse and store: its documents, which of them were already stored
    (to re-analyse), and the inputs that could not be read on the way to it."""

    documents: tuple[Document, ...]
    reanalyse: frozenset[str] = frozenset()
    unreadable: tuple[Failure, ...] = ()
    # Read since the previous batch but left alone: already stored, or a duplicate input.
    skipped: int = 0
    # Archive records that held no article (WARC requests, images, redirects).
    archive_skipped: int = 0

    @property
    def read(self) -> int:
        """Inputs this batch accounts for: its documents, the unreadable, the skipped."""
        return len(self.documents) + len(self.unreadable) + self.skipped

    @classmethod
    def joined(cls, works: Sequence[Work]) -> Work:
        """Several batches as one, to commit together."""
        return cls(
            tuple(d for w in works for d in w.documents),
            frozenset().union(*(w.reanalyse for w in works)),
            tuple(f for w in works for f in w.unreadable),
            sum(w.skipped for w in works),
            sum(w.archive_skipped for w in works),
        )


@dataclass(slots=True)
class Written:
    """What one committed batch changed."""

    stored: int = 0
    skipped: int = 0
    reanalysed: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    failures: list[Failure] = field(default_factory=list)


def write_batch(
    con: duckdb.DuckDBPyConnection,
    run_id: int,
    work: Work,
    results: Sequence[Analysis | Failure],
    *,
    also: Callable[[duckdb.DuckDBPyConnection, Written], None] | None = None,
) -> Written:
    """Store one analysed batch in one transaction and return its counts.

    ``also`` writes what a caller keeps beside the documents (the watch's entries) in
    the same transaction, so that both commit or neither does.
    """
    now = utcnow()
    with transaction(con):
        written = _write(con, run_id, work, results, now)
        if also is not None:
            also(con, written)
        con.execute(
            "UPDATE runs SET documents_read = documents_read + ?, stored = stored + ?, "
            "skipped = skipped + ?, reanalysed = reanalysed + ?, failed = failed + ?, "
            "events = events + ?, quotes = quotes + ?, "
            "archive_records_skipped = archive_records_skipped + ? WHERE id = ?",
            [
                work.read,
                written.stored,
                written.skipped,
                written.reanalysed,
                written.failed,
                written.events,
                written.quotes,
                work.archive_skipped,
                run_id,
            ],
        )
    return written


def utcnow() -> datetime:
    """Now in UTC, as the naive timestamp DuckDB's TIMESTAMP columns hold."""
    return datetime.now(UTC).replace(tzinfo=None)


def _write(
    con: duckdb.DuckDBPyConnection,
    run_id: int,
    work: Work,
    results: Sequence[Analysis | Failure],
    now: datetime,
) -> Written:
    present = present_ids(con, [doc.id for doc in work.documents])
    new: list[Document] = []
    replaced: list[str] = []
    kept: list[Analysis | Failure] = []
    written = Written(skipped=work.skipped)
    for doc, result in zip(work.documents, results, strict=True):
        if doc.id not in present:
            new.append(doc)
        elif doc.id in work.reanalyse:
            replaced.append(doc.id)
        else:
            written.skipped += 1  # stored by another process since this run began
            continue
        kept.append(result)
    _insert(con, document_rows(new, run_id, now))
    if replaced:
        _delete_derived(con, replaced)
    analyses = [r for r in kept if isinstance(r, Analysis)]
    rows = analysis_rows(analyses, run_id, now)
    assigned = cluster_batch(con, analyses, replaced, run_id, now)
    events = rows.columns["events"]
    events["cluster_id"] = [assigned[key] for key in events["id"]]
    _insert(con, rows)
    recount(con, list(assigned.values()))
    failures = [*work.unreadable, *(r for r in kept if isinstance(r, Failure))]
    record_errors(con, failures, run_id)
    written.stored = len(new)
    written.reanalysed = len(replaced)
    written.failed = len(failures)
    written.failures = failures
    written.events = sum(len(a.events) for a in analyses)
    written.quotes = sum(len(a.quotes) for a in analyses)
    return written


def present_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """Which of ``ids`` the store's documents hold."""
    if not ids:
        return set()
    with registered(con, "batch_ids", pa.table({"id": ids})):
        rows = con.execute(
            "SELECT DISTINCT id FROM documents WHERE id IN (SELECT id FROM batch_ids)"
        ).fetchall()
    return {row[0] for row in rows}


def _insert(con: duckdb.DuckDBPyConnection, batch: Batch) -> None:
    for table, rows in batch.tables().items():
        insert_table(con, table, rows)


def _delete_derived(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    with registered(con, "replaced_ids", pa.table({"id": ids})):
        for table in DERIVED:
            key = "id" if table == "articles" else "article_id"
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM replaced_ids)")
        con.execute(
            "DELETE FROM errors WHERE stage <> 'read' "
            "AND document_id IN (SELECT id FROM replaced_ids)"
        )


_SAME_ERROR = (
    "e.source = b.source AND e.stage = b.stage AND e.message = b.message "
    "AND e.document_id IS NOT DISTINCT FROM b.document_id"
)


def record_errors(con: duckdb.DuckDBPyConnection, failures: list[Failure], run_id: int) -> None:
    """An input that fails again keeps one ``errors`` row, its ``last_run`` moved on."""
    unique = dict.fromkeys((f.source, f.stage, f.message, f.document_id) for f in failures)
    tables = error_rows(unique, run_id).tables()
    if "errors" not in tables:
        return
    with registered(con, "batch_errors", tables["errors"]):
        con.execute(
            f"UPDATE errors e SET last_run = ? FROM batch_errors b WHERE {_SAME_ERROR}", [run_id]
        )
        con.execute(
            "INSERT INTO errors BY NAME SELECT * FROM batch_errors b "
            f"WHERE NOT EXISTS (SELECT 1 FROM errors e WHERE {_SAME_ERROR})"
        )
