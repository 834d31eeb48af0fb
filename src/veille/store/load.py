"""``veille load``: a Parquet result of ``veille ingest --engine spark`` into the store.

The result's tables have the store's columns (plus the ``month`` partition, and the
documents' ``input_order``), so a load is set-based SQL over ``read_parquet``, never a
round trip through Analysis objects. It keeps what the local ingest guarantees:

- **Idempotent by document id.** The documents already stored are skipped; the others
  are stored in batches, each one transaction (documents, derived rows, errors, clusters
  and the run's counts commit together), so a killed load run again finishes the job.
- **The same clusters.** Documents are stored in their input order and each batch's
  event records are placed into the clusters as an ingest batch's are
  (:func:`veille.store.clusters.cluster_stored`), which gives what a local ingest of
  the same inputs gives.
- A ``runs`` row (command ``load``), an ``errors`` row per failed input (one per input
  however often it is loaded), and the full-text index rebuilt at the end.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from veille.errors import StoreError
from veille.pipeline import Failure
from veille.store.clusters import cluster_stored
from veille.store.rows import DERIVED, registered, transaction
from veille.store.run import IngestOptions, begin_run, finish_run
from veille.store.schema import WAIT_SECONDS, open_store
from veille.store.search import build_index
from veille.store.write import present_ids, record_errors, utcnow

LOGGER = logging.getLogger(__name__)

# The manifest folder a finished Spark result holds (veille.spark.MANIFEST; not imported,
# so that loading needs no pyspark).
MANIFEST = "_veille"
# Documents per transaction. Each batch reads the Parquet files once per table (DuckDB
# skips row groups whose ids it does not need), so batches are larger than an ingest's.
LOAD_BATCH = 2_000


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadOptions:
    batch_size: int = LOAD_BATCH
    wait: float = WAIT_SECONDS


@dataclass(slots=True)
class LoadReport:
    run_id: int
    documents_read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    seconds: float = 0.0


def load_result(
    result: str | Path, db: str | Path, options: LoadOptions | None = None
) -> LoadReport:
    """Store the documents of a Spark result that the store lacks, with their analyses."""
    options = options or LoadOptions()
    started = time.perf_counter()
    root = Path(result)
    manifest = _manifest(root)
    sources = {t: _parquet(root, t) for t in ("documents", *DERIVED, "errors")}
    ingest_options = IngestOptions(workers=1, batch_size=options.batch_size, wait=options.wait)
    run_id = begin_run(db, [str(root)], ingest_options, command="load")
    report = LoadReport(run_id=run_id)
    LOGGER.info("run %d: loading %s (%s)", run_id, root, manifest.get("finished_at"))
    status = "interrupted"
    try:
        with open_store(db, wait=options.wait) as con:
            order = _documents(con, sources["documents"])
        report.documents_read = len(order)
        first = True
        for start in range(0, max(len(order), 1), options.batch_size):
            batch = order[start : start + options.batch_size]
            with open_store(db, wait=options.wait) as con:
                _load_batch(con, sources, batch, run_id, report, read_errors=first)
            first = False
        if report.stored:
            with open_store(db, wait=options.wait) as con:
                build_index(con)
        status = "done"
    finally:
        report.seconds = time.perf_counter() - started
        finish_run(db, run_id, status, options.wait)
    return report


def _manifest(root: Path) -> dict[str, object]:
    if not root.is_dir():
        raise StoreError(f"{root}: no such folder")
    found = sorted((root / MANIFEST).glob("part-*"))
    if not found:
        raise StoreError(
            f"{root}: not a finished Spark result (no {MANIFEST}/); "
            "make one with `veille ingest PATH --engine spark --out DIR`"
        )
    try:
        loaded = json.loads(found[0].read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{found[0]}: unreadable manifest ({exc})") from None
    return dict(loaded)


def _parquet(root: Path, table: str) -> str | None:
    """The ``read_parquet`` call over a table's files; ``None`` when it has no rows (Spark
    then writes no file, and ``read_parquet`` refuses an empty glob)."""
    if not any((root / table).glob("*/*.parquet")):
        return None
    pattern = str(root / table / "*" / "*.parquet").replace("'", "''")
    return f"read_parquet('{pattern}', hive_partitioning = true)"


def _documents(con: duckdb.DuckDBPyConnection, source: str | None) -> list[str]:
    """The result's document ids, in input order."""
    if source is None:
        return []
    rows = con.execute(f"SELECT id FROM {source} ORDER BY input_order").fetchall()
    return [row[0] for row in rows]


def _load_batch(
    con: duckdb.DuckDBPyConnection,
    sources: dict[str, str | None],
    batch: list[str],
    run_id: int,
    report: LoadReport,
    *,
    read_errors: bool,
) -> None:
    now = utcnow()
    with transaction(con):
        present = present_ids(con, batch)
        new = [i for i in batch if i not in present]
        with registered(con, "load_ids", pa.table({"id": new}, schema=_IDS)):
            counts = _insert(con, sources, run_id, now) if new else {}
            failures = _errors(con, sources["errors"], read_errors)
            record_errors(con, failures, run_id)
        cluster_stored(con, new, run_id, now)
        con.execute(
            "UPDATE runs SET documents_read = documents_read + ?, stored = stored + ?, "
            "skipped = skipped + ?, failed = failed + ?, events = events + ?, "
            "quotes = quotes + ? WHERE id = ?",
            [
                len(batch),
                len(new),
                len(present),
                len(failures),
                counts.get("events", 0),
                counts.get("quotes", 0),
                run_id,
            ],
        )
    report.stored += len(new)
    report.skipped += len(present)
    report.failed += len(failures)
    report.events += counts.get("events", 0)
    report.quotes += counts.get("quotes", 0)


_IDS = pa.schema([("id", pa.string())])


def _insert(
    con: duckdb.DuckDBPyConnection, sources: dict[str, str | None], run_id: int, now: object
) -> dict[str, int]:
    """Insert the batch's documents (in input order: clusters follow storage order) and
    their derived rows; return the rows inserted per table."""
    counts: dict[str, int] = {}
    documents = sources["documents"]
    assert documents is not None  # there are ids to load only when there are documents
    con.execute(
        "INSERT INTO documents BY NAME SELECT * EXCLUDE (month, input_order) "
        f"REPLACE (?::INTEGER AS run_id, ?::TIMESTAMP AS stored_at) FROM {documents} "
        "WHERE id IN (SELECT id FROM load_ids) ORDER BY input_order",
        [run_id, now],
    )
    for table in DERIVED:
        source = sources[table]
        if source is None:
            continue
        key = "id" if table == "articles" else "article_id"
        replace = "REPLACE (?::INTEGER AS run_id) " if table == "articles" else ""
        params = [run_id] if table == "articles" else []
        found = con.execute(
            f"INSERT INTO {table} BY NAME SELECT * EXCLUDE (month) {replace}"
            f"FROM {source} WHERE {key} IN (SELECT id FROM load_ids)",
            params,
        ).fetchone()
        counts[table] = int(found[0]) if found else 0
    return counts


def _errors(con: duckdb.DuckDBPyConnection, source: str | None, read_errors: bool) -> list[Failure]:
    """The batch's failures: its documents' analysis errors, and (once per load) the
    inputs that could not be read."""
    if source is None:
        return []
    where = "document_id IN (SELECT id FROM load_ids)"
    if read_errors:
        where += " OR document_id IS NULL"
    rows = con.execute(
        f"SELECT source, stage, message, document_id FROM {source} WHERE {where} "
        "ORDER BY source, stage, message"
    ).fetchall()
    return [Failure(*row) for row in rows]
