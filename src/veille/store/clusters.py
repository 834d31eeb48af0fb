"""Event clusters in the store: each batch's event records joined to the events they tell.

Runs inside the batch's transaction (:mod:`veille.store.write`), after its rows are
written: the clusters that the batch's records could join (same roots, overlapping
dates) are read back, :func:`veille.dedup.cluster` places the records, and the clusters
it changed are written anew with an ``event_mentions`` row per new record. Clustering
batch by batch gives what one pass over the same records in the same order gives, so a
store resumed after a crash holds the clusters a clean run makes.

A re-analysed article first loses its records' mentions; the clusters they were in are
dissolved and their other records placed again with the batch's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import duckdb
import pyarrow as pa

from veille.dedup import Cluster, Report, cluster, interval, outlet_of, report_of
from veille.model import Analysis

_CLUSTER_COLUMNS = (
    "id, root, cameo, source_country, target_country, first_day, last_day, place, "
    "place_country, lat, lon, lead_event, num_mentions, num_articles, num_sources"
)


def cluster_batch(
    con: duckdb.DuckDBPyConnection,
    analyses: Sequence[Analysis],
    replaced: Sequence[str],
    run_id: int,
    now: datetime,
) -> None:
    """Place the events of ``analyses`` (just written) into the store's clusters."""
    reports = [report_of(a.article, e) for a in analyses for e in a.events]
    if replaced:
        reports = _dissolve(con, replaced) + reports
    if not reports:
        return
    existing = _candidates(con, reports)
    known = {r.key for c in existing for r in c.reports}
    row = con.execute("SELECT coalesce(max(id), 0) + 1 FROM event_clusters").fetchone()
    changed = cluster(reports, existing, next_id=int(row[0]) if row else 1)
    if not changed:
        return
    ids = pa.table({"id": pa.array([c.id for c in changed], pa.int64())})
    con.register("changed_clusters", ids)
    try:
        added = dict(
            con.execute(
                "SELECT id, added_at FROM event_clusters "
                "WHERE id IN (SELECT id FROM changed_clusters)"
            ).fetchall()
        )
        con.execute("DELETE FROM event_clusters WHERE id IN (SELECT id FROM changed_clusters)")
    finally:
        con.unregister("changed_clusters")
    _insert(con, "event_clusters", _cluster_table(changed, added, run_id, now))
    mentions = [(c.id, r) for c in changed for r in c.reports if r.key not in known]
    _insert(con, "event_mentions", _mention_table(mentions, {}, now))


def recluster(con: duckdb.DuckDBPyConnection, run_id: int) -> int:
    """Cluster every stored event record again, from nothing, in the order their
    documents were stored (as the ingests that stored them did); one transaction.
    Returns the number of clusters. A re-analysis ends with it, so that re-analysing
    with the same pipeline gives back the same clusters."""
    rows = con.execute(
        "SELECT v.id, v.article_id, a.source, v.cameo, v.source_country, v.target_country, "
        "v.date, v.date_from, a.published, v.location_name, v.location_country, "
        "v.location_lat, v.location_lon, d.stored_at "
        "FROM events v JOIN articles a ON a.id = v.article_id "
        "JOIN documents d ON d.id = v.article_id ORDER BY d.rowid, v.seq"
    ).fetchall()
    reports = [
        Report(key, article, outlet_of(source), *rest[:-1]) for key, article, source, *rest in rows
    ]
    stored = {row[0]: row[-1] for row in rows}
    clusters = cluster(reports)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_mentions")
        con.execute("DELETE FROM event_clusters")
        added = {c.id: min(stored[r.key] for r in c.reports) for c in clusters}
        _insert(con, "event_clusters", _cluster_table(clusters, added, run_id, datetime.min))
        _insert(
            con,
            "event_mentions",
            _mention_table([(c.id, r) for c in clusters for r in c.reports], stored),
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(clusters)


def _candidates(con: duckdb.DuckDBPyConnection, reports: list[Report]) -> list[Cluster]:
    """The stored clusters the reports could join: their roots, and dates overlapping
    the reports' (or undated)."""
    roots = sorted({r.cameo[:2] for r in reports})
    spans = [interval(r) for r in reports]
    undated = any(first is None for first, _ in spans)
    firsts = [f for f, _ in spans if f is not None]
    lasts = [last for _, last in spans if last is not None]
    low = min(firsts, default=date.max)
    high = max(lasts, default=date.min)
    rows = con.execute(
        f"SELECT {_CLUSTER_COLUMNS} FROM event_clusters "
        "WHERE list_contains(?, root) AND (first_day IS NULL OR ? "
        "OR (first_day <= ? AND last_day >= ?)) ORDER BY id",
        [roots, undated, high, low],
    ).fetchall()
    clusters = {row[0]: _from_row(row) for row in rows}
    if not clusters:
        return []
    table = pa.table({"id": pa.array(list(clusters), pa.int64())})
    con.register("candidate_clusters", table)
    try:
        mentions = con.execute(
            "SELECT cluster_id, event, article_id, outlet FROM event_mentions "
            "WHERE cluster_id IN (SELECT id FROM candidate_clusters) ORDER BY cluster_id, event"
        ).fetchall()
    finally:
        con.unregister("candidate_clusters")
    for cluster_id, key, article, outlet in mentions:
        c = clusters[cluster_id]
        c.reports.append(_known(key, article, outlet, c.cameo))
    return list(clusters.values())


def _known(key: str, article: str, outlet: str | None, cameo: str) -> Report:
    """A stored record, as much of it as a cluster needs: which article and outlet."""
    return Report(key, article, outlet, cameo, None, None, None, None, None)


def _from_row(row: tuple) -> Cluster:  # type: ignore[type-arg]
    (cid, root, cameo, source, target, first, last, place, country, lat, lon, lead) = row[:12]
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


def _dissolve(con: duckdb.DuckDBPyConnection, replaced: Sequence[str]) -> list[Report]:
    """Remove the clusters holding records of re-analysed articles; return their other
    records, in the order they were stored, to be placed again."""
    con.register("replaced_articles", pa.table({"id": list(replaced)}))
    try:
        con.execute(
            "CREATE TEMP TABLE dissolved AS SELECT DISTINCT cluster_id AS id FROM event_mentions "
            "WHERE article_id IN (SELECT id FROM replaced_articles)"
        )
        rows = con.execute(
            "SELECT v.id, v.article_id, a.source, v.cameo, v.source_country, v.target_country, "
            "v.date, v.date_from, a.published, v.location_name, v.location_country, "
            "v.location_lat, v.location_lon "
            "FROM event_mentions m JOIN events v ON v.id = m.event "
            "JOIN articles a ON a.id = v.article_id "
            "WHERE m.cluster_id IN (SELECT id FROM dissolved) "
            "AND m.article_id NOT IN (SELECT id FROM replaced_articles) "
            "ORDER BY m.added_at, m.cluster_id, m.event"
        ).fetchall()
        con.execute("DELETE FROM event_mentions WHERE cluster_id IN (SELECT id FROM dissolved)")
        con.execute("DELETE FROM event_clusters WHERE id IN (SELECT id FROM dissolved)")
        con.execute("DROP TABLE dissolved")
    finally:
        con.unregister("replaced_articles")
    return [Report(key, article, outlet_of(source), *rest) for key, article, source, *rest in rows]


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


def _mention_table(
    mentions: list[tuple[int, Report]],
    stored: dict[str, datetime],
    now: datetime = datetime.min,
) -> pa.Table:
    return pa.table(
        {
            "cluster_id": pa.array([c for c, _ in mentions], pa.int64()),
            "event": [r.key for _, r in mentions],
            "article_id": [r.article for _, r in mentions],
            "outlet": pa.array([r.outlet for _, r in mentions], pa.string()),
            "added_at": pa.array([stored.get(r.key, now) for _, r in mentions], pa.timestamp("us")),
        }
    )


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    if not rows.num_rows:
        return
    view = f"new_{table}"
    con.register(view, rows)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view}")
    finally:
        con.unregister(view)
