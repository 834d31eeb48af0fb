"""Spark ``local[2]`` against the local engine with ``--workers 2`` (``bench/run.py spark``;
never in CI; needs pyspark, the ``spark`` extra).

Both run as a user runs them, ``veille ingest`` in a fresh process, on the same resampled
corpus (5,000 articles by default): the local engine into a DuckDB file, Spark into a
Parquet folder (then ``veille load`` into DuckDB, timed apart). Spark's start-up cost is
stated separately: creating the session, then a first job on a handful of documents,
in which each Python worker loads the model.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VEILLE = [sys.executable, "-m", "veille"]


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def startup(folder: Path) -> dict[str, float]:
    """Session creation, then a first job of 4 documents (model loads on the workers),
    then the same job again (workers and models reused)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from ingest import synthetic_corpus

    from veille.spark import SparkOptions, run_spark, start_session

    tiny = synthetic_corpus(folder / "tiny.jsonl", 4, seed=1)
    started = time.perf_counter()
    spark = start_session("local[2]", (("spark.ui.enabled", "false"),))
    session = time.perf_counter() - started
    try:
        started = time.perf_counter()
        run_spark([str(tiny)], str(folder / "tiny-1"), SparkOptions(), spark=spark)
        first = time.perf_counter() - started
        started = time.perf_counter()
        run_spark([str(tiny)], str(folder / "tiny-2"), SparkOptions(), spark=spark)
        second = time.perf_counter() - started
    finally:
        spark.stop()
    return {
        "session start (s)": session,
        "first 4-document job, models loaded (s)": first,
        "same job again, workers reused (s)": second,
    }


def spark_against_local(articles: int, workers: int) -> dict[str, object]:
    """Wall time of ``veille ingest`` with the local engine and with Spark local[2]."""
    sys.path.insert(0, str(ROOT / "bench"))
    from ingest import synthetic_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = synthetic_corpus(folder / "corpus.jsonl", articles)
        local_db = str(folder / "local.duckdb")
        local = _wall([*VEILLE, "ingest", str(corpus), "--db", local_db, "--workers", str(workers)])
        out = folder / "parquet"
        engine = ["--engine", "spark", "--master", f"local[{workers}]", "--out", str(out)]
        spark = _wall([*VEILLE, "ingest", str(corpus), *engine, "--conf", "spark.ui.enabled=false"])
        load = _wall([*VEILLE, "load", str(out), "--db", str(folder / "spark.duckdb")])
        size = sum(f.stat().st_size for f in out.rglob("*.parquet")) / 2**20
        costs = startup(folder)
    found: dict[str, object] = {
        "articles": articles,
        "local engine, --workers 2 (s)": round(local, 1),
        "local articles/s": round(articles / local, 1),
        f"Spark local[{workers}] (s)": round(spark, 1),
        "Spark articles/s": round(articles / spark, 1),
        "Spark / local throughput": round(local / spark, 2),
        "veille load of the Parquet result (s)": round(load, 1),
        "Parquet result (MB)": round(size, 1),
    }
    found.update({k: round(v, 1) for k, v in costs.items()})
    return found
