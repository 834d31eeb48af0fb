"""``veille ingest --engine spark`` and ``veille load``: the Spark runner's front end.

pyspark is imported only here, by the Spark path, so that every other command (and a
veille installed without the ``spark`` extra) starts without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from veille.cli import app, err, out
from veille.cli.queries import DEFAULT_DB, Db
from veille.errors import VeilleError
from veille.store.schema import WAIT_SECONDS


def ingest_spark(
    paths: list[str],
    out_dir: str,
    master: str | None,
    partitions: int | None,
    overwrite: bool,
    conf: list[str],
    max_chars: int,
) -> None:
    """Run the Spark job; print each failure in one line, then the summary."""
    from veille.spark import SparkOptions, check_output, require_pyspark, run_spark, start_session

    settings = []
    for item in conf:
        key, sep, value = item.partition("=")
        if not sep or not key:
            err.print(f"error: --conf {item}: give KEY=VALUE", markup=False)
            raise typer.Exit(2)
        settings.append((key.strip(), value.strip()))
    options = SparkOptions(
        master=master,
        partitions=partitions,
        overwrite=overwrite,
        max_chars=max_chars,
        conf=tuple(settings),
    )
    # The cheap refusals come before Spark's start-up (about 10 s).
    require_pyspark()
    check_output(out_dir, overwrite)
    err.print("starting Spark…", highlight=False)
    spark = start_session(master, settings, app_name="veille ingest")
    try:
        report = run_spark(paths, out_dir, options, spark=spark)
    except VeilleError:
        raise
    except Exception as exc:
        if type(exc).__module__.split(".")[0] not in ("py4j", "pyspark"):
            raise
        raise VeilleError(f"the Spark job failed: {_first_line(exc)}") from None
    finally:
        spark.stop()
    for failure in report.failures:
        err.print(f"error: {failure}", markup=False, highlight=False)
    rate = report.documents_read / report.seconds if report.seconds else 0.0
    out.print(
        f"spark into {out_dir}: {report.documents_read:,} documents read in "
        f"{report.seconds:.1f} s ({rate:.1f}/s): [bold]{report.stored:,}[/] stored, "
        f"{report.duplicates:,} skipped as repeated, [bold]{report.failed:,}[/] failed; "
        f"{report.events:,} events, {report.quotes:,} quotes "
        f"({report.worker_processes} worker processes, {report.model_loads} model loads)",
        highlight=False,
    )
    for reason, count in sorted(report.archive_skipped.items()):
        out.print(f"  not an article, skipped: {count:,} × {reason}", highlight=False)
    out.print(f"bring it into a store with: veille load {out_dir} --db veille.duckdb")
    if report.failed:
        raise typer.Exit(1)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@app.command("load")
def load_command(
    result: Annotated[Path, typer.Argument(help="The --out folder of a Spark ingest.")],
    db: Db = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction.")] = 2_000,
    wait: Annotated[
        float, typer.Option(help="Seconds to wait for another process to release the file.")
    ] = WAIT_SECONDS,
) -> None:
    """Bring a Parquet result of `veille ingest --engine spark` into the store: documents
    already stored are skipped, the events are clustered, the search index is rebuilt.

    Exit status: 0 done (failed inputs are `errors` rows), 2 bad usage, 75 busy.

    Example: veille load spark-out/ --db veille.duckdb
    """
    from veille.store.load import LoadOptions, load_result

    report = load_result(result, db, LoadOptions(batch_size=batch_size, wait=wait))
    out.print(
        f"run {report.run_id} into {db}: {report.documents_read:,} documents in {result}, "
        f"loaded in {report.seconds:.1f} s: [bold]{report.stored:,}[/] stored, "
        f"{report.skipped:,} skipped as already present, {report.failed:,} failed inputs; "
        f"{report.events:,} events, {report.quotes:,} quotes",
        highlight=False,
    )


__all__ = ["ingest_spark", "load_command"]
