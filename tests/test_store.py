"""The corpus store, end to end on real DuckDB files: what an ingest stores, that it reads
back equal, reruns and re-analyses, bad inputs, and ``kill -9`` in the middle of a run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import veille
from veille.model import Document
from veille.pipeline import Failure
from veille.read import read_paths
from veille.store import IngestOptions, ingest, load_analysis, load_documents, open_store
from veille.store.write import Work, write_batch

from .conftest import FIXTURES, REFERENCE, WIKINEWS, make_warc

pytestmark = pytest.mark.slow

# The run's own bookkeeping, which differs between two runs that store the same things.
RUN_COLUMNS = {
    "documents": ("run_id", "stored_at"),
    "articles": ("run_id", "analysed_at"),
    "errors": ("first_run", "last_run"),
    "event_clusters": ("added_at", "run_id"),
    "event_mentions": ("added_at",),
}
BAD_INPUTS = 3  # a malformed JSON line, a record without text, an empty file
DOCUMENTS = 5  # three records, the reference article, one page in a WARC archive


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A folder of every kind of input, good and bad, small enough to analyse in seconds."""
    folder = tmp_path_factory.mktemp("inputs")
    with WIKINEWS.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    short = [r for r in records if 400 <= len(r["text"]) <= 700][:3]
    lines = [json.dumps(r, ensure_ascii=False) for r in short]
    lines[1:1] = ['{"id": "broken", "text": "no closing brace"', '{"id": "no-text"}']
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(REFERENCE, folder / REFERENCE.name)
    make_warc(folder / "crawl.warc.gz", (FIXTURES / "canada-frappes-fr.html").read_bytes())
    (folder / "empty.txt").write_text("")
    return folder


@pytest.fixture(scope="module")
def clean(nlp, inputs, tmp_path_factory):
    """One clean run over the inputs, by a pool of two workers: the database and the
    run's report. (The other runs analyse in-process, so comparing stores also compares
    the two ways.)"""
    db = tmp_path_factory.mktemp("clean") / "veille.duckdb"
    report = ingest([str(inputs)], db, IngestOptions(workers=2, batch_size=2))
    return db, report


def contents(db):
    """Every stored row but the runs' bookkeeping, sorted: equal for equal stores."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
            "AND table_name NOT IN ('runs', 'schema_migrations') ORDER BY 1"
        ).fetchall()
        found = {}
        for (table,) in tables:
            columns = RUN_COLUMNS.get(table)
            select = f"* EXCLUDE ({', '.join(columns)})" if columns else "*"
            found[table] = con.execute(f"SELECT {select} FROM {table} ORDER BY ALL").fetchall()
    return found


def copy(db, tmp_path):
    target = tmp_path / "copy.duckdb"
    shutil.copy(db, target)
    return target


def test_the_report_counts_what_was_stored(clean):
    db, report = clean
    assert (report.stored, report.skipped, report.failed) == (DOCUMENTS, 0, BAD_INPUTS)
    assert report.documents_read == DOCUMENTS + BAD_INPUTS
    assert report.archive_skipped == {
        "WARC warcinfo record": 1,
        "WARC request record": 1,
        "WARC response: image/png": 1,
        "WARC response with HTTP status 404": 1,
        "WARC response with HTTP status 301": 1,
    }
    with open_store(db, read_only=True) as con:
        run = con.execute(
            "SELECT status, finished_at IS NOT NULL, stored, failed, events, quotes, "
            "archive_records_skipped FROM runs"
        ).fetchall()
        assert run == [("done", True, DOCUMENTS, BAD_INPUTS, report.events, report.quotes, 5)]
        assert con.execute("SELECT count(*) FROM events").fetchone() == (report.events,)
        assert con.execute("SELECT count(*) FROM quotes").fetchone() == (report.quotes,)
    assert report.events > 0 and report.quotes > 0


def test_every_analysis_and_document_reads_back_equal(clean, inputs):
    db, _ = clean
    documents = [d for d in read_paths([str(inputs)]) if isinstance(d, Document)]
    assert len(documents) == DOCUMENTS
    with open_store(db, read_only=True) as con:
        for document, analysis in zip(documents, veille.analyze_many(documents), strict=True):
            assert load_analysis(con, document.id) == analysis
            (stored,) = load_documents(con, [document.id])
            assert stored == document and stored.raw == document.raw is not None
        events = con.execute("SELECT id, article_id, event_id FROM events").fetchall()
        assert len({key for key, _, _ in events}) == len(events)
        assert all(key == f"{article}:{event}" for key, article, event in events)


def test_bad_inputs_are_errors_rows(clean, inputs):
    db, _ = clean
    with open_store(db, read_only=True) as con:
        rows = con.execute(
            "SELECT source, stage, message, document_id FROM errors ORDER BY source"
        ).fetchall()
    assert [(source, stage, document) for source, stage, _, document in rows] == [
        (f"{inputs}/articles.jsonl:2", "read", None),
        (f"{inputs}/articles.jsonl:3", "read", None),
        (f"{inputs}/empty.txt", "read", None),
    ]
    messages = [message for _, _, message, _ in rows]
    assert messages[0].startswith("malformed JSON (")
    assert messages[1] == "record without 'text' (a string field is required)"
    assert messages[2] == "empty document (no text)"


def test_a_rerun_skips_what_is_stored(clean, inputs, tmp_path):
    db = copy(clean[0], tmp_path)
    before = contents(db)
    report = ingest([str(inputs)], db, IngestOptions(workers=1))
    assert (report.stored, report.skipped, report.failed) == (0, DOCUMENTS, BAD_INPUTS)
    assert contents(db) == before
    with open_store(db, read_only=True) as con:
        assert con.execute("SELECT DISTINCT first_run, last_run FROM errors").fetchall() == [(1, 2)]


def test_reanalyse_replaces_the_derived_rows(clean, tmp_path):
    db = copy(clean[0], tmp_path)
    before = contents(db)
    report = ingest([], db, IngestOptions(workers=1, batch_size=3, reanalyse=True))
    assert (report.reanalysed, report.stored, report.failed) == (DOCUMENTS, 0, 0)
    assert contents(db) == before
    with open_store(db, read_only=True) as con:
        assert con.execute("SELECT DISTINCT run_id FROM articles").fetchall() == [(2,)]
        assert con.execute("SELECT DISTINCT run_id FROM documents").fetchall() == [(1,)]


def test_a_failed_analysis_keeps_its_document_and_reanalysis_clears_the_error(clean, tmp_path):
    with open_store(clean[0], read_only=True) as con:
        ids = [i for (i,) in con.execute("SELECT id FROM documents ORDER BY id LIMIT 2").fetchall()]
        documents = load_documents(con, ids)
        analyses = [load_analysis(con, i) for i in ids]
    failure = Failure(documents[1].source, "events", "internal error", documents[1].id)
    db = tmp_path / "veille.duckdb"
    with open_store(db) as con:
        written = write_batch(con, 1, Work(tuple(documents)), [analyses[0], failure])
        assert (written.stored, written.failed) == (2, 1)
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        assert con.execute("SELECT id FROM articles").fetchall() == [(ids[0],)]
        assert con.execute("SELECT stage, document_id FROM errors").fetchall() == [
            ("events", ids[1])
        ]
        again = Work(tuple(documents), reanalyse=frozenset(ids))
        written = write_batch(con, 2, again, analyses)
        assert (written.stored, written.reanalysed, written.failed) == (0, 2, 0)
        assert con.execute("SELECT count(*) FROM errors").fetchone() == (0,)
        assert sorted(con.execute("SELECT id FROM articles").fetchall()) == [(i,) for i in ids]


def test_kill_9_mid_ingest_then_the_same_command_gives_the_clean_store(clean, inputs, tmp_path):
    db = tmp_path / "veille.duckdb"
    command = [sys.executable, "-m", "veille", "ingest", str(inputs), "--db", str(db)]
    command += ["--workers", "1", "--batch-size", "1", "--top", "0"]
    verbose = [*command[:3], "--verbose", *command[3:]]
    killed = subprocess.Popen(verbose, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert killed.stderr is not None
    for line in killed.stderr:
        if "batch committed" in line:
            os.kill(killed.pid, signal.SIGKILL)
            break
    assert killed.wait(timeout=60) == -signal.SIGKILL
    with open_store(db, read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM documents").fetchone()
        assert stored is not None and 1 <= stored[0] < DOCUMENTS
        assert con.execute("SELECT status, finished_at FROM runs").fetchall() == [("running", None)]

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 1, rerun.stderr  # the bad inputs failed again
    assert "Traceback" not in rerun.stderr
    assert "skipped as already present" in rerun.stdout
    assert contents(db) == contents(clean[0])
    with open_store(db, read_only=True) as con:
        assert con.execute("SELECT id, status FROM runs ORDER BY id").fetchall() == [
            (1, "running"),
            (2, "done"),
        ]


def _below(pid: int) -> set[int]:
    """Every process below ``pid`` (Linux /proc)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return set()
    found = set()
    for child in map(int, children):
        found |= {child, *_below(child)}
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_kill_9_leaves_no_worker_behind(inputs, tmp_path):
    """The pool's workers are children of its fork server, which outlives the ingest while
    they run: they must notice the ingest is gone, and end, and the server with them."""
    db = tmp_path / "veille.duckdb"
    command = [sys.executable, "-m", "veille", "--verbose", "ingest", str(inputs)]
    command += ["--db", str(db), "--workers", "2", "--batch-size", "1", "--top", "0"]
    killed = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert killed.stderr is not None
    pool: set[int] = set()
    for line in killed.stderr:
        pool |= _below(killed.pid)
        if "batch committed" in line:
            pool |= _below(killed.pid)
            os.kill(killed.pid, signal.SIGKILL)
            break
    assert killed.wait(timeout=60) == -signal.SIGKILL
    assert len(pool) >= 3  # the fork server and two workers (and the resource tracker)
    deadline = time.monotonic() + 20
    while any(_running(p) for p in pool) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in pool if _running(p)]
