"""Event clusters in the store: each batch's event records joined to the events they tell.

Runs inside the batch's transaction (:mod:`veille.store.write`), before its events are
written: the clusters that the batch's records could join (same roots, overlapping
dates) are read back, :func:`veille.dedup.cluster` places the records, the clusters it
changed are written anew, and each record's ``cluster_id`` goes into its ``events`` row
(``event_mentions`` is a view over them). Clustering batch by batch gives what one pass
over the same records in the same order gives, so a store resumed after a crash holds
the clusters a clean run makes.

A re-analysed article's old records are gone by then; the clusters they were in are
dissolved and their other records placed again with the batch's. A re-analysis ends
with :func:`recluster`, which places every record again from nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

from veille.dedup import Cluster, Report, cluster, interval, report_of
from veille.model import Analysis
from veille.store.rows import insert_table, registered, transaction

_CLUSTER_COLUMNS = (
    "id, root, cameo, source_country, target_country, first_day, last_day, place, "
    "place_country, lat, lon, lead_event"
)
# A stored record as dedup.Report wants it (the key, then Report's fields in order).
_REPORT_SQL = (
    "SELECT v.id, v.article_id, v.outlet, v.cameo, v.source_country, v.target_country, "
    "v.date, v.date_from, a.published, v.location_name, v.location_country, "
    "v.location_lat, v.location_lon FROM events v JOIN articles a ON a.id = v.article_id "
)


def cluster_batch(
    con: duckdb.DuckDBPyConnection,
    analyses: Sequence[Analysis],
    replaced: Sequence[str],
    run_id: int,
    now: datetime,
) -> dict[str, int]:
    """Place the events of ``analyses`` (about to be written) into the store's clusters;
    return each new record's cluster id, by its store id."""
    reports = [report_of(a.article, e) for a in analyses for e in a.events]
    placed_again = _dissolve(con) if replaced else []
    assigned = _place(con, placed_again + reports, run_id, now)
    if placed_again:
        _set_clusters(con, {r.key: assigned[r.key] for r in placed_again})
    return assigned


def cluster_stored(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], run_id: int, now: datetime
) -> int:
    """Place the event records of ``article_ids``, already written with no cluster (as
    ``veille load`` writes them), into the store's clusters, in storage order, as an
    ingest batch of those articles would have; recount the clusters; return how many
    records were placed. Call it inside the batch's transaction."""
    with registered(con, "placed_articles", pa.table({"id": list(article_ids)})):
        rows = con.execute(
            _REPORT_SQL + "JOIN documents d ON d.id = v.article_id "
            "WHERE v.article_id IN (SELECT id FROM placed_articles) ORDER BY d.rowid, v.seq"
        ).fetchall()
    assigned = _place(con, [_report(row) for row in rows], run_id, now)
    _set_clusters(con, assigned)
    recount(con, list(assigned.values()))
    return len(assigned)


def _place(
    con: duckdb.DuckDBPyConnection, reports: list[Report], run_id: int, now: datetime
) -> dict[str, int]:
    """Put ``reports`` into the stored clusters they fit (or new ones) and write the
    clusters that changed; return each report's cluster id, by its key."""
    if not reports:
        return {}
    existing = _candidates(con, reports)
    row = con.execute("SELECT coalesce(max(id), 0) + 1 FROM event_clusters").fetchone()
    changed = cluster(reports, existing, next_id=int(row[0]) if row else 1)
    ids = pa.table({"id": pa.array([c.id for c in changed], pa.int64())})
    with registered(con, "changed_clusters", ids):
        added = dict(
            con.execute(
                "SELECT id, added_at FROM event_clusters "
                "WHERE id IN (SELECT id FROM changed_clusters)"
            ).fetchall()
        )
        con.execute("DELETE FROM event_clusters WHERE id IN (SELECT id FROM changed_clusters)")
    insert_table(con, "event_clusters", _cluster_table(changed, added, run_id, now))
    return {r.key: c.id for c in changed for r in c.reports}


def recount(con: duckdb.DuckDBPyConnection, cluster_ids: Sequence[int]) -> None:
    """Count the mentions, articles and outlets of these clusters from their records (once
    the batch's events are written)."""
    if not cluster_ids:
        return
    with registered(
        con, "recounted", pa.table({"id": pa.array(sorted(set(cluster_ids)), pa.int64())})
    ):
        con.execute(
            "UPDATE event_clusters c SET num_mentions = s.n, num_articles = s.articles, "
            "num_sources = s.sources FROM ("
            "SELECT cluster_id, count(*) AS n, count(DISTINCT article_id) AS articles, "
            "count(DISTINCT coalesce(outlet, article_id)) AS sources FROM events "
            "WHERE cluster_id IN (SELECT id FROM recounted) GROUP BY cluster_id) s "
            "WHERE c.id = s.cluster_id"
        )


def recluster(con: duckdb.DuckDBPyConnection, run_id: int) -> int:
    """Cluster every stored event record again, from nothing, in the order their
    documents were stored (as the ingests that stored them did), in one transaction;
    return the number of clusters. Re-analysing with the same pipeline thus gives back
    the same clusters."""
    rows = con.execute(
        _REPORT_SQL.replace("SELECT v.id,", "SELECT d.stored_at, v.id,")
        + "JOIN documents d ON d.id = v.article_id ORDER BY d.rowid, v.seq"
    ).fetchall()
    stored = {row[1]: row[0] for row in rows}
    clusters = cluster([_report(row[1:]) for row in rows])
    added = {c.id: min(stored[r.key] for r in c.reports) for c in clusters}
    with transaction(con):
        con.execute("DELETE FROM event_clusters")
        insert_table(con, "event_clusters", _cluster_table(clusters, added, run_id, datetime.min))
        _set_clusters(con, {r.key: c.id for c in clusters for r in c.reports})
    return len(clusters)


def _report(row: Sequence[Any]) -> Report:
    return Report(*row)


def _candidates(con: duckdb.DuckDBPyConnection, reports: list[Report]) -> list[Cluster]:
    """The stored clusters the reports could join: their roots, and dates overlapping
    the reports' (or undated)."""
    roots = sorted({r.cameo[:2] for r in reports})
    spans = [interval(r) for r in reports]
    undated = any(first is None for first, _ in spans)
    low = min((f for f, _ in spans if f is not None), default=date.max)
    high = max((last for _, last in spans if last is not None), default=date.min)
    rows = con.execute(
        f"SELECT {_CLUSTER_COLUMNS} FROM event_clusters "
        "WHERE list_contains(?, root) AND (first_day IS NULL OR ? "
        "OR (first_day <= ? AND last_day >= ?)) ORDER BY id",
        [roots, undated, high, low],
    ).fetchall()
    # Their records are not read: a batch's own records are the only ones that can share
    # an article with it, and the counts are recounted in SQL once the batch is written.
    return [_from_row(row) for row in rows]


def _from_row(row: tuple) -> Cluster:  # type: ignore[type-arg]
    cid, root, cameo, source, target, first, last, place, country, lat, lon, lead = row
    return Cluster(
        id=int(cid),
        root=root,
        cameo=cameo,
        source_country=source,
        target_country=target,
        first=first,
        last=last,
        place=place,
        place_country=country,
        lat=lat,
        lon=lon,
        lead=lead,
    )


def _dissolve(con: duckdb.DuckDBPyConnection) -> list[Report]:
    """Remove the clusters that held records of re-analysed articles (whose rows are
    already deleted: the clusters now count more mentions than records); return their
    other records, in storage order, to place again."""
    # A cluster lost records when its num_mentions exceeds the records that remain.
    lost = con.execute(
        "SELECT c.id FROM event_clusters c LEFT JOIN "
        "(SELECT cluster_id, count(*) AS n FROM events GROUP BY ALL) v ON v.cluster_id = c.id "
        "WHERE coalesce(v.n, 0) < c.num_mentions"
    ).fetchall()
    if not lost:
        return []
    table = pa.table({"id": pa.array([r[0] for r in lost], pa.int64())})
    with registered(con, "lost_clusters", table):
        rows = con.execute(
            _REPORT_SQL + "JOIN documents d ON d.id = v.article_id "
            "WHERE v.cluster_id IN (SELECT id FROM lost_clusters) ORDER BY d.rowid, v.seq"
        ).fetchall()
        con.execute("DELETE FROM event_clusters WHERE id IN (SELECT id FROM lost_clusters)")
        con.execute(
            "UPDATE events SET cluster_id = NULL WHERE cluster_id IN (SELECT id FROM lost_clusters)"
        )
    return [_report(row) for row in rows]


def _set_clusters(con: duckdb.DuckDBPyConnection, assigned: dict[str, int]) -> None:
    """Write the cluster ids of records already in ``events``."""
    if not assigned:
        return
    table = pa.table(
        {"id": list(assigned), "cluster_id": pa.array(list(assigned.values()), pa.int64())}
    )
    with registered(con, "assigned_clusters", table):
        con.execute(
            "UPDATE events SET cluster_id = a.cluster_id FROM assigned_clusters a "
            "WHERE events.id = a.id"
        )


def _cluster_table(
    clusters: list[Cluster], added: dict[int, datetime], run_id: int, now: datetime
) -> pa.Table:
    return pa.table(
        {
            "id": pa.array([c.id for c in clusters], pa.int64()),
            "root": [c.root for c in clusters],
            "cameo": [c.cameo for c in clusters],
            "source_country": pa.array([c.source_country for c in clusters], pa.string()),
            "target_country": pa.array([c.target_country for c in clusters], pa.string()),
            "first_day": pa.array([c.first for c in clusters], pa.date32()),
            "last_day": pa.array([c.last for c in clusters], pa.date32()),
            "place": pa.array([c.place for c in clusters], pa.string()),
            "place_country": pa.array([c.place_country for c in clusters], pa.string()),
            "lat": pa.array([c.lat for c in clusters], pa.float64()),
            "lon": pa.array([c.lon for c in clusters], pa.float64()),
            "lead_event": [c.lead for c in clusters],
            "num_mentions": pa.array([c.num_mentions for c in clusters], pa.int32()),
            "num_articles": pa.array([c.num_articles for c in clusters], pa.int32()),
            "num_sources": pa.array([c.num_sources for c in clusters], pa.int32()),
            "added_at": pa.array([added.get(c.id, now) for c in clusters], pa.timestamp("us")),
            "run_id": pa.array([run_id] * len(clusters), pa.int32()),
        }
    )
