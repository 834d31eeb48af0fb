"""What the web UI and the REST API ask beyond the CLI's queries: the article list, the
actor network, event places, and counts for paging.

Like :mod:`veille.store.queries`, each function takes an open connection and bound
filters and returns a :class:`~veille.store.queries.Result` (or plain records).
"""

from __future__ import annotations

from typing import Any

import duckdb

from veille.errors import QueryError
from veille.store.queries import Result, _order, _page, _run, _Where
from veille.store.schema import load_extension
from veille.store.search import INDEX_SCHEMA, has_index

_ARTICLE_SORTS = {"published": "a.published", "title": "a.title", "score": "score"}


def articles(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    language: str | None = None,
    text: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
    sort: str | None = None,
) -> tuple[Result, int]:
    """Stored articles, newest first, with their counts of events and quotes; and how
    many articles match in all (for paging). ``text`` is a full-text search (BM25,
    best first unless ``sort`` says otherwise)."""
    where = _Where()
    where.period("a.published", since, until)
    if language:
        where.add("a.language = ?", language.lower())
    score = "NULL"
    if text and text.strip():
        if has_index(con):
            load_extension(con, "fts")
            score = f"{INDEX_SCHEMA}.match_bm25(a.id, ?)"
            where.params.insert(0, text)
            where.add("score IS NOT NULL")
        else:  # a store ingested before the index existed: a plain scan
            where.add("contains(lower(strip_accents(a.text)), lower(strip_accents(?)))", text)
    default = "-score" if score != "NULL" else "-published"
    order = _order(sort, _ARTICLE_SORTS, default)
    base = f"""
        FROM (
            SELECT a.id, a.published, a.title, a.language, a.source, a.external_id,
                   length(a.text) AS chars, left(a.text, 120) AS opening, {score} AS score
            FROM articles a
        ) a{where.sql()}
    """
    paging = f"ORDER BY {order}, a.id{_page(limit, offset)}"
    if score == "NULL":
        found = _run(con, f"SELECT * {base} {paging}", where.params)
        total = _count(con, base, where.params)
    else:
        # A search scores every article (BM25 over the whole index), the cost of the
        # query: the page and the count of all matches come from that one pass. Only a
        # page past the end needs the count on its own.
        paged = _run(con, f"SELECT *, count(*) OVER () AS total {base} {paging}", where.params)
        found = Result(paged.columns[:-1], [row[:-1] for row in paged.rows])
        if paged.rows:
            total = int(paged.rows[0][-1])
        else:
            total = _count(con, base, where.params) if offset else 0
    counts = _counts(con, [row[0] for row in found.rows])
    rows = [(*row, *counts.get(row[0], (0, 0))) for row in found.rows]
    return Result((*found.columns, "events", "quotes"), rows), total


def _count(con: duckdb.DuckDBPyConnection, base: str, params: list[Any]) -> int:
    row = con.execute(f"SELECT count(*) {base}", params).fetchone()
    return int(row[0]) if row else 0


def _counts(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, tuple[int, int]]:
    """Events and quotes of each article of a page, read by the page's ids."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = con.execute(
        f"""
        SELECT id, (SELECT count(*) FROM events WHERE article_id = x.id),
                   (SELECT count(*) FROM quotes WHERE article_id = x.id)
        FROM (SELECT unnest([{marks}]) AS id) x
        """,
        ids,
    ).fetchall()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def _event_filter(since: str | None, until: str | None, quad: str | None) -> _Where:
    where = _Where()
    where.period("date", since, until)
    where.quad("quad_class", quad)
    return where


def network(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    quad: str | None = None,
    level: str = "country",
    top: int = 40,
) -> dict[str, list[dict[str, Any]]]:
    """Actors and who acted with whom: nodes are countries (``level="country"``) or
    actor codes (``"actor"``), sized by their event mentions (records); edges join two
    of them, either way round, with their events counted once (clusters), their
    mentions and the mean Goldstein score. Events inside one country are left out."""
    if level not in ("country", "actor"):
        raise QueryError(f"--level {level}: not a network level (country or actor)")
    side = "country" if level == "country" else "actor"
    where = _event_filter(since, until, quad)
    where.add(f"source_{side} IS NOT NULL AND target_{side} IS NOT NULL")
    where.add(f"source_{side} <> target_{side}")
    sql = f"""
        WITH e AS (
            SELECT cluster_id, source_{side} AS s, target_{side} AS t, goldstein,
                   source_name, target_name
            FROM events{where.sql()}
        ),
        ends AS (
            SELECT s AS code, source_name AS name FROM e
            UNION ALL SELECT t, target_name FROM e
        ),
        nodes AS (
            SELECT code, count(*) AS mentions, mode(name) AS name FROM ends GROUP BY code
            ORDER BY mentions DESC, code LIMIT {int(top)}
        )
        SELECT least(s, t) AS a, greatest(s, t) AS b, count(DISTINCT cluster_id) AS events,
               count(*) AS mentions, round(avg(goldstein), 2) AS mean_goldstein
        FROM e
        WHERE s IN (SELECT code FROM nodes) AND t IN (SELECT code FROM nodes)
        GROUP BY ALL ORDER BY events DESC, a, b
    """
    edges = _run(con, sql, where.params).records()
    node_sql = sql.split("SELECT least")[0] + "SELECT code, name, mentions FROM nodes"
    nodes = _run(con, node_sql, where.params).records()
    if level == "country":
        from veille.data import countries

        names = countries()
        for node in nodes:
            known = names.get(node["code"])
            node["name"] = known.name if known else node["code"]
    linked = {e["a"] for e in edges} | {e["b"] for e in edges}
    return {"nodes": [n for n in nodes if n["code"] in linked], "edges": edges}


def places(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    quad: str | None = None,
    top: int = 500,
) -> Result:
    """Places where events happened, with coordinates: events (clusters), mentions
    (records) and the mean Goldstein score, the busiest first."""
    where = _event_filter(since, until, quad)
    where.add("location_lat IS NOT NULL AND location_lon IS NOT NULL")
    sql = f"""
        SELECT location_name AS place, location_country AS country,
               round(avg(location_lat), 4) AS lat, round(avg(location_lon), 4) AS lon,
               count(DISTINCT cluster_id) AS events, count(*) AS mentions,
               round(avg(goldstein), 2) AS mean_goldstein
        FROM events{where.sql()}
        GROUP BY location_name, location_country
        ORDER BY events DESC, place LIMIT {int(top)}
    """
    return _run(con, sql, where.params)
