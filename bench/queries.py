"""Query speed on a large store (run by ``bench/run.py queries``; never in CI).

The bundled corpus is ingested once; its event records are then resampled into a store
of N events (1,000,000 by default): each copy keeps a real record's codes, actors and
entities, with a new id and a day drawn over 2000-2024, and one event cluster and one
record of its own. The target: ``veille events`` filtered by actor and month answers in
under 100 ms.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "fr-wikinews.jsonl"

FILTERS = {"actor": "RUS", "since": "2016-03", "until": "2016-03"}


def _grow(db: Path, events: int) -> int:
    from veille.store import open_store

    with open_store(db) as con:
        row = con.execute("SELECT count(*) FROM events").fetchone()
        base = int(row[0]) if row else 0
        copies = -(-events // base)
        con.execute("DELETE FROM event_clusters")
        con.execute(
            f"""
            CREATE TEMP TABLE grown AS
            SELECT e.* REPLACE (
                       e.id || '#' || r.copy AS id,
                       strftime(DATE '2000-01-01' + CAST(hash(e.id, r.copy) % 9131 AS INTEGER),
                                '%Y-%m-%d') AS date,
                       'day' AS precision, 'text' AS date_from,
                       row_number() OVER () AS cluster_id)
            FROM events e, range({copies}) r(copy)
            LIMIT {events}
            """
        )
        con.execute("DELETE FROM events")
        con.execute("INSERT INTO events BY NAME SELECT * FROM grown")
        con.execute(
            "INSERT INTO event_clusters BY NAME SELECT cluster_id AS id, root, cameo, "
            "source_country, target_country, CAST(date AS DATE) AS first_day, "
            "CAST(date AS DATE) AS last_day, location_name AS place, "
            "location_country AS place_country, location_lat AS lat, location_lon AS lon, "
            "id AS lead_event, 1 AS num_mentions, 1 AS num_articles, 1 AS num_sources, "
            "now()::TIMESTAMP AS added_at, 1 AS run_id FROM grown"
        )
        con.execute("DROP TABLE grown")
        con.execute("CHECKPOINT")
        row = con.execute("SELECT count(*) FROM events").fetchone()
    return int(row[0]) if row else 0


def query_speed(events: int, workers: int) -> dict[str, object]:
    """`veille events` filtered by actor and month on N stored events: the query in
    process (median and 95th percentile of 30 runs) and the whole command."""
    from veille.store import IngestOptions, ingest, open_store
    from veille.store import queries as q

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "veille.duckdb"
        ingest([str(CORPUS)], db, IngestOptions(workers=workers))
        started = time.perf_counter()
        stored = _grow(db, events)
        grown = time.perf_counter() - started
        times, found = [], 0
        with open_store(db, read_only=True) as con:
            q.events(con, **FILTERS)  # first run: file pages into the OS cache
            for _ in range(30):
                started = time.perf_counter()
                found = len(q.events(con, **FILTERS, limit=None).rows)
                times.append(1000 * (time.perf_counter() - started))
            started = time.perf_counter()
            by_name = len(q.events(con, actor="Poutine", since="2016", limit=None).rows)
            name_ms = 1000 * (time.perf_counter() - started)
        command = [sys.executable, "-m", "veille", "events", "--db", str(db), "--format", "json"]
        command += [f"--{k}={v}" for k, v in FILTERS.items()]
        walls = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            walls.append(1000 * (time.perf_counter() - started))
        size = db.stat().st_size / 2**20
        shutil.rmtree(tmp, ignore_errors=True)
    times.sort()
    return {
        "events stored": stored,
        "store size (MB)": round(size),
        "seconds to build the store": round(grown, 1),
        "filter": " ".join(f"--{k} {v}" for k, v in FILTERS.items()),
        "events found": found,
        "query median (ms)": round(statistics.median(times), 1),
        "query p95 (ms)": round(times[int(0.95 * len(times)) - 1], 1),
        "--actor Poutine --since 2016 (by name, ms)": round(name_ms, 1),
        "events found by name": by_name,
        "whole command, median of 5 (ms; Python start and imports included)": round(
            statistics.median(walls)
        ),
    }
