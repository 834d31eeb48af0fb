"""Speed of the REST API and the web UI (run by ``bench/run.py api``; never in CI).

The bundled corpus is ingested once; its articles are then resampled in SQL into a store
of N articles (10,000 by default): each copy of an article has every row of its analysis
(document, blocks, entities, mentions, quotes, timex, events) under a new id, events
clusters of its own, and its dates moved by a number of months that depends on the copy,
so that months spread over several years. ``veille serve`` then runs in a subprocess
and each endpoint is called over HTTP: 3 calls to warm up, then 20 timed. The targets
(the issue): ``POST /api/analyze`` of the reference article under 300 ms, list endpoints
(and the UI's pages) under 200 ms, both read at the 95th percentile.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REFERENCE = CORPUS / "reference-fr-2023-06.txt"

ANALYZE_MS = 300
LIST_MS = 200
WARM_UP = 3
TIMED = 20

# GET endpoints, in the table's order; "{article}" is an article of the grown store.
ENDPOINTS = (
    "/api/articles",
    "/api/articles?q=Moscou",
    "/api/articles?since=2016-01&until=2016-12",
    "/api/events",
    "/api/events?actor=RUS&since=2016-03&until=2016-03",
    "/api/quotes",
    "/api/quotes?speaker=Poutine",
    "/api/actors",
    "/api/dyads",
    "/api/dyads?monthly=true&source=RUS&target=CHN",
    "/api/network",
    "/api/places",
    "/api/search?q=Moscou",
    "/api/articles/{article}",
    "/articles",
    "/actors",
    "/map",
    "/timeline",
    "/quotes",
    "/articles/{article}",
)

# Months a copy's dates move by: copy 0 stays, the others spread over -72..+24.
_SHIFT = "((p.copy * 29 + 72) % 97) - 72"

# Every table holding rows of an article, and how a copy rewrites them (beyond the
# article id, which each of them changes).
_COPIES = {
    "documents": (
        "id",
        "t.* REPLACE (p.new_id AS id, t.external_id || p.suffix AS external_id, "
        "shift_date(t.published, p.months) AS published)",
    ),
    "articles": (
        "id",
        "t.* REPLACE (p.new_id AS id, t.external_id || p.suffix AS external_id, "
        "shift_date(t.published, p.months) AS published)",
    ),
    "blocks": ("article_id", "t.* REPLACE (p.new_id AS article_id)"),
    "removed_blocks": ("article_id", "t.* REPLACE (p.new_id AS article_id)"),
    "entities": ("article_id", "t.* REPLACE (p.new_id AS article_id)"),
    "mentions": ("article_id", "t.* REPLACE (p.new_id AS article_id)"),
    "quotes": ("article_id", "t.* REPLACE (p.new_id AS article_id)"),
    "timex": (
        "article_id",
        "t.* REPLACE (p.new_id AS article_id, shift_date(t.value, p.months) AS value)",
    ),
    "events": (
        "article_id",
        "t.* REPLACE (p.new_id AS article_id, p.new_id || ':' || t.event_id AS id, "
        "t.cluster_id + p.copy * {offset} AS cluster_id, "
        "shift_date(t.date, p.months) AS date)",
    ),
}


def grow_store(db: Path, articles: int) -> int:
    """Resample the store's articles into ``articles`` of them (see the module's
    docstring); the full-text index is rebuilt. Returns the articles stored."""
    from veille.store import open_store
    from veille.store.search import build_index

    with open_store(db) as con:
        row = con.execute("SELECT count(*), max(length(id)) FROM articles").fetchone()
        base = int(row[0]) if row else 0
        copies = -(-articles // base)
        width = len(str(copies - 1))
        row = con.execute("SELECT coalesce(max(id), 0) + 1 FROM event_clusters").fetchone()
        offset = int(row[0]) if row else 1
        # A date string moved by whole months at its own precision; anything else as is.
        con.execute(
            r"""
            CREATE OR REPLACE TEMP MACRO shift_date(s, m) AS CASE
              WHEN regexp_full_match(s, '\d{4}-\d{2}-\d{2}') AND try_cast(s AS DATE) IS NOT NULL
                THEN strftime(CAST(s AS DATE) + to_months(m), '%Y-%m-%d')
              WHEN regexp_full_match(s, '\d{4}-\d{2}') AND try_cast(s || '-01' AS DATE) IS NOT NULL
                THEN strftime(CAST(s || '-01' AS DATE) + to_months(m), '%Y-%m')
              WHEN regexp_full_match(s, '\d{4}') AND s > '0000'
                THEN strftime(CAST(s || '-01-01' AS DATE) + to_months(m), '%Y')
              ELSE s END
            """
        )
        # Every id gets a suffix of the same width, so that no id is the start of another
        # (an article is named by its id's first characters too).
        con.execute(
            f"""
            CREATE TEMP TABLE pick AS
            SELECT a.id AS old_id, r.copy,
                   '-' || lpad(CAST(r.copy AS VARCHAR), {width}, '0') AS suffix,
                   a.id || suffix AS new_id, {_SHIFT.replace("p.", "r.")} AS months
            FROM articles a, range({copies}) r(copy)
            ORDER BY r.copy, a.id
            LIMIT {articles}
            """
        )
        for table, (key, select) in _COPIES.items():
            con.execute(
                f"CREATE TEMP TABLE grown AS SELECT {select.format(offset=offset)} "
                f"FROM {table} t JOIN pick p ON p.old_id = t.{key}"
            )
            con.execute(f"DELETE FROM {table}")
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM grown")
            con.execute("DROP TABLE grown")
        # The clusters of each copy (those with an event in it), ids offset by the copy.
        con.execute(
            f"""
            CREATE TEMP TABLE grown AS
            SELECT c.* REPLACE (
                       c.id + p.copy * {offset} AS id,
                       c.first_day + to_months(p.months) AS first_day,
                       c.last_day + to_months(p.months) AS last_day,
                       split_part(c.lead_event, ':', 1) || p.suffix
                           || substr(c.lead_event, strpos(c.lead_event, ':')) AS lead_event)
            FROM event_clusters c
            JOIN (SELECT DISTINCT copy, suffix, months FROM pick) p
              ON c.id + p.copy * {offset} IN (SELECT cluster_id FROM events)
            """
        )
        con.execute("DELETE FROM event_clusters")
        con.execute("INSERT INTO event_clusters BY NAME SELECT * FROM grown")
        # The last copy may be partial: a cluster whose lead article was left out is led
        # by another of its events.
        con.execute(
            "UPDATE event_clusters c SET lead_event = "
            "(SELECT min(e.id) FROM events e WHERE e.cluster_id = c.id) "
            "WHERE lead_event NOT IN (SELECT id FROM events)"
        )
        con.execute("DROP TABLE grown")
        con.execute("DROP TABLE pick")
        build_index(con)
        con.execute("CHECKPOINT")
        row = con.execute("SELECT count(*) FROM articles").fetchone()
    return int(row[0]) if row else 0


def _one(con: Any, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    return row[0] if row else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(db: Path, timeout: float = 180.0) -> Iterator[str]:
    """``veille serve`` on a free port, this checkout's code; its URL once
    ``/api/health`` answers. The server is stopped on the way out."""
    import httpx

    port = _free_port()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", "veille", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                output = server.stdout.read().decode() if server.stdout else ""
                raise RuntimeError(f"veille serve exited ({server.returncode}): {output}")
            try:
                if httpx.get(f"{url}/api/health", timeout=5, trust_env=False).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"veille serve did not answer in {timeout:.0f} s")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _timed(call: Any) -> tuple[float, float]:
    """Median and 95th percentile (ms) of ``TIMED`` calls after ``WARM_UP`` ones."""
    for _ in range(WARM_UP):
        call()
    times = []
    for _ in range(TIMED):
        started = time.perf_counter()
        call()
        times.append(1000 * (time.perf_counter() - started))
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times)) - 1]


def measure(url: str, article: str) -> list[dict[str, object]]:
    """One row per endpoint: median and p95 in ms, the target and whether p95 meets it."""
    import httpx

    rows: list[dict[str, object]] = []

    def row(name: str, call: Any, target: int) -> None:
        median, p95 = _timed(call)
        rows.append(
            {
                "endpoint": name,
                "median ms": round(median, 1),
                "p95 ms": round(p95, 1),
                "target ms": target,
                "met": "yes" if p95 < target else "**no**",
            }
        )
        print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms", file=sys.stderr)

    with httpx.Client(base_url=url, timeout=60, trust_env=False) as client:

        def get(path: str) -> Any:
            def call() -> None:
                client.get(path).raise_for_status()

            return call

        body = {"text": REFERENCE.read_text(encoding="utf-8"), "published": "2023-06"}

        def analyze() -> None:
            client.post("/api/analyze", json=body).raise_for_status()

        row("POST /api/analyze (reference article)", analyze, ANALYZE_MS)
        for path in ENDPOINTS:
            shown = path.replace("{article}", "{id}")
            row(f"GET {shown}", get(path.replace("{article}", article)), LIST_MS)
    return rows


def api_speed(articles: int, workers: int) -> dict[str, object]:
    """``veille serve`` over HTTP: median and p95 (ms) of 20 calls per endpoint after 3.

    A target is met when the 95th percentile is under it."""
    from veille.store import IngestOptions, ingest, open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "veille.duckdb"
        started = time.perf_counter()
        ingest([str(CORPUS)], db, IngestOptions(workers=workers))
        ingested = time.perf_counter() - started
        started = time.perf_counter()
        stored = grow_store(db, articles)
        grown = time.perf_counter() - started
        with open_store(db, read_only=True) as con:
            counts = {
                table: _one(con, f"SELECT count(*) FROM {table}")
                for table in ("articles", "events", "event_clusters", "quotes", "entities")
            }
            first, last, months = con.execute(
                "SELECT min(published), max(published), count(DISTINCT left(published, 7)) "
                "FROM articles"
            ).fetchall()[0]
            # The article of the reader pages: the one with the most events.
            article = _one(
                con,
                "SELECT article_id FROM events GROUP BY ALL ORDER BY count(*) DESC, article_id "
                "LIMIT 1",
            )
        assert stored == articles, f"{stored} articles stored, {articles} wanted"
        size = db.stat().st_size / 2**20
        with serving(db) as url:
            rows = measure(url, article)
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "articles stored": counts["articles"],
        "events stored": counts["events"],
        "event clusters stored": counts["event_clusters"],
        "quotes stored": counts["quotes"],
        "entities stored": counts["entities"],
        "published": f"{first} to {last}, {months} months",
        "store size (MB)": round(size),
        "seconds to ingest the corpus": round(ingested, 1),
        "seconds to grow the store": round(grown, 1),
        "article of the reader pages": article,
        "target met when": "p95 under the target",
        "endpoints": rows,
    }
