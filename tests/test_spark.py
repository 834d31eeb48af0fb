"""The Spark runner gives the local engine's answers: the bundled corpus (and a few bad
inputs) through ``veille ingest`` and through Spark ``local[2]`` + ``veille load`` leave
the same rows in two stores, run ids and timestamps aside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from veille.store.rows import DERIVED

from .conftest import CORPUS

pytestmark = pytest.mark.slow

pytest.importorskip("pyspark")

VEILLE = [sys.executable, "-m", "veille"]

# Columns that say when or in which run a row was written, not what was found.
RUN_COLUMNS = {"run_id", "stored_at", "analysed_at", "first_run", "last_run", "added_at"}
COMPARED = ("documents", *DERIVED, "errors", "event_clusters")


@pytest.fixture(scope="session")
def spark():
    from veille.spark import start_session

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = start_session(
        "local[2]",
        [("spark.ui.enabled", "false"), ("spark.sql.shuffle.partitions", "2")],
        app_name="veille tests",
    )
    yield session
    session.stop()


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text \xff\x00")
    (folder / "records.jsonl").write_text(
        '{"id": "ok", "text": "La Russie a condamné la France mardi.", "date": "2023-06-06"}\n'
        '{"id": "broken", "text": \n',
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="session")
def inputs(bad_inputs) -> list[str]:
    return [str(CORPUS), str(bad_inputs)]


@pytest.fixture(scope="session")
def result(spark, inputs, tmp_path_factory):
    from veille.spark import SparkOptions, run_spark

    out = tmp_path_factory.mktemp("spark") / "out"
    report = run_spark(inputs, str(out), SparkOptions(partitions=6), spark=spark)
    return out, report


@pytest.fixture(scope="session")
def local_store(inputs, tmp_path_factory) -> Path:
    from veille.store import IngestOptions, ingest

    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    ingest(inputs, db, IngestOptions(workers=2))
    return db


@pytest.fixture(scope="session")
def loaded(result, tmp_path_factory):
    from veille.store.load import LoadOptions, load_result

    db = tmp_path_factory.mktemp("loaded") / "spark.duckdb"
    # Small batches: the clusters must come out as one local ingest's, batch by batch.
    report = load_result(result[0], db, LoadOptions(batch_size=70))
    return db, report


def rows(db: Path, table: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        kept = ", ".join(f'"{n}"' for n in names if n not in RUN_COLUMNS)
        return con.execute(f"SELECT {kept} FROM {table} ORDER BY ALL").fetchall()


def test_spark_and_local_stores_hold_the_same_analyses(result, local_store, loaded):
    db, report = loaded
    assert report.stored == 302  # 301 articles of the corpus and the good JSONL record
    for table in COMPARED:
        local, spark = rows(local_store, table), rows(db, table)
        assert local, table
        assert spark == local, f"{table}: {len(spark)} rows from Spark, {len(local)} local"
    with duckdb.connect(str(db), read_only=True) as con:
        spark_order = con.execute("SELECT id FROM documents ORDER BY rowid").fetchall()
        (command,) = con.execute("SELECT command FROM runs").fetchone()
    with duckdb.connect(str(local_store), read_only=True) as con:
        assert spark_order == con.execute("SELECT id FROM documents ORDER BY rowid").fetchall()
    assert command == "load"


def test_bad_inputs_are_error_rows_and_the_job_succeeds(result):
    out, report = result
    errors = duckdb.sql(
        f"SELECT source, stage, month FROM read_parquet('{out}/errors/*/*.parquet', "
        "hive_partitioning = true) ORDER BY source"
    ).fetchall()
    names = [(Path(source).name, stage, month) for source, stage, month in errors]
    assert names == [
        ("binary.txt", "read", "unknown"),
        ("empty.txt", "read", "unknown"),
        ("records.jsonl:2", "read", "unknown"),
    ]
    assert report.failed == 3
    assert report.stored == 302
    assert report.rows["articles"] == 302
    # One model per Python worker process, however many tasks each ran.
    assert 1 <= report.worker_processes <= 2
    assert report.model_loads == report.worker_processes


def test_result_is_partitioned_by_month_in_the_store_columns(result, loaded):
    out, _ = result
    months = sorted(p.name for p in (out / "events").iterdir() if p.is_dir())
    assert "month=2023-06" in months  # the reference article
    assert all(m == "month=unknown" or len(m) == len("month=2023-06") for m in months)
    db, _ = loaded
    with duckdb.connect(str(db), read_only=True) as con:
        store = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    parquet = duckdb.sql(
        f"DESCRIBE SELECT * FROM read_parquet('{out}/events/*/*.parquet', hive_partitioning = true)"
    ).fetchall()
    assert [r[0] for r in parquet] == [*store, "month"]


def test_load_twice_stores_nothing_the_second_time(result, loaded):
    out, _ = result
    db, _ = loaded
    before = {table: len(rows(db, table)) for table in COMPARED}
    run = subprocess.run(
        [*VEILLE, "load", str(out), "--db", str(db)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert "0 stored, 302 skipped as already present" in run.stdout
    assert {table: len(rows(db, table)) for table in COMPARED} == before
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT stored, skipped, status FROM runs ORDER BY id").fetchall() == [
            (302, 0, "done"),
            (0, 302, "done"),
        ]


def test_cli_refuses_an_output_that_holds_a_result(result):
    out, _ = result
    run = subprocess.run(
        [*VEILLE, "ingest", str(CORPUS), "--engine", "spark", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert (
        run.stderr.strip()
        == f"error: {out}: already holds a result (give --overwrite to replace it)"
    )


def test_cli_one_line_errors(tmp_path):
    missing = subprocess.run(
        [*VEILLE, "ingest", str(CORPUS), "--engine", "spark"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "--out DIR" in missing.stderr
    # Without pyspark installed (its import made to fail), one line says what to install.
    code = (
        "import sys; sys.modules['pyspark'] = None; from veille.cli import main; "
        f"main(['ingest', {str(CORPUS)!r}, '--engine', 'spark', '--out', {str(tmp_path)!r}])"
    )
    nopyspark = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert nopyspark.returncode == 1
    assert nopyspark.stderr == (
        "error: the Spark engine needs pyspark: pip install veille[spark]\n"
    )
    notaresult = subprocess.run(
        [*VEILLE, "load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert notaresult.returncode == 1
    assert notaresult.stderr.count("\n") == 1 and "not a finished Spark result" in notaresult.stderr


def test_manifest_describes_the_run(result):
    out, report = result
    (part,) = (out / "_veille").glob("part-*")
    manifest = json.loads(part.read_text())
    assert manifest["rows"] == report.rows
    assert manifest["failed"] == 3
