"""What a store holds, in a few numbers: the summary ``veille ingest`` prints at the end."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from veille.store.queries import STAT_TABLES, stats


@dataclass(frozen=True, slots=True)
class Overview:
    counts: dict[str, int]
    # (source actor, target actor, events), most frequent first
    dyads: list[tuple[str, str, int]]
    # (speaker's name, quotes, articles), most quoted first
    speakers: list[tuple[str, int, int]]


def overview(con: duckdb.DuckDBPyConnection, top: int = 10) -> Overview:
    """Row counts, the ``top`` most frequent actor dyads and the most quoted speakers."""
    counts = stats(con, (*STAT_TABLES, "runs"))
    # Events, not reports: each cluster counts once, with the actors of its lead record.
    dyads = con.execute(
        "SELECT v.source_actor, v.target_actor, count(*) AS n FROM event_clusters c "
        "JOIN events v ON v.id = c.lead_event "
        "WHERE v.source_actor IS NOT NULL AND v.target_actor IS NOT NULL "
        "GROUP BY ALL ORDER BY n DESC, v.source_actor, v.target_actor LIMIT ?",
        [top],
    ).fetchall()
    speakers = con.execute(
        "SELECT e.name, count(*) AS n, count(DISTINCT q.article_id) AS articles "
        "FROM quotes q JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker "
        "GROUP BY e.name ORDER BY n DESC, e.name LIMIT ?",
        [top],
    ).fetchall()
    return Overview(
        counts=counts,
        dyads=[(str(s), str(t), int(n)) for s, t, n in dyads],
        speakers=[(str(name), int(n), int(a)) for name, n, a in speakers],
    )
