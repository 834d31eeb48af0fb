"""Questions an analyst asks of the store: events, quotes, actors, dyads, search, stats.

Each function takes an open connection and its filters and returns a :class:`Result`
(column names and rows) that the CLI prints as a table, JSON or CSV. Filters are bound
parameters, never pasted into the SQL. Dates compare at the precision the user gives:
``since="2023-01"`` keeps events of January 2023 and later, ``until="2023-03"`` keeps
those up to the end of March, an event dated "2023-03-14" falling in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import duckdb

from veille.dedup import span
from veille.errors import QueryError


@dataclass(frozen=True, slots=True)
class Result:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QUAD = re.compile(r"^[1-4](-[1-4])?(,[1-4](-[1-4])?)*$")
# How a user names an article (its four parameters are the name): its id, its first
# characters (six at least), or the id its input gave.
_ARTICLE = "external_id = ? OR id = ? OR (length(?) >= 6 AND starts_with(id, ?))"


def _fold_sql(expr: str) -> str:
    return f"lower(strip_accents({expr}))"


def _date_bound(name: str, value: str) -> str:
    if not _DATE.match(value) or span(value)[0] is None:
        raise QueryError(f"--{name} {value}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def quad_classes(value: str) -> list[int]:
    """ "2", "1-2", "1,4" → the QuadClasses they name."""
    if not _QUAD.match(value.replace(" ", "")):
        raise QueryError(f"--quad {value}: not a QuadClass (1-4, a range like 1-2, or 1,4)")
    found: set[int] = set()
    for part in value.replace(" ", "").split(","):
        low, _, high = part.partition("-")
        found.update(range(int(low), int(high or low) + 1))
    return sorted(found)


def _order(sort: str | None, allowed: dict[str, str], default: str) -> str:
    """The ORDER BY of ``sort``: a key of ``allowed``, "-" before it for descending."""
    key = sort or default
    column = allowed.get(key.lstrip("-"))
    if column is None:
        keys = ", ".join(sorted(allowed))
        raise QueryError(f"--sort {key}: not a sort key (one of {keys}, '-' first to reverse)")
    return f"{column} {'DESC' if key.startswith('-') else 'ASC'} NULLS LAST"


def _page(limit: int | None, offset: int = 0) -> str:
    if offset < 0:
        raise QueryError(f"--offset {offset}: not a row number (0 or more)")
    bounded = f" LIMIT {int(limit)}" if limit else ""
    return bounded + (f" OFFSET {int(offset)}" if offset else "")


class _Where:
    """Conditions and their parameters, built up filter by filter."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""

    def period(self, column: str, since: str | None, until: str | None) -> None:
        """``column`` (an ISO date string) within ``since`` … ``until``, each at its own
        precision."""
        if since:
            self.add(f"{column} >= ?", _date_bound("since", since))
        if until:
            self.add(f"{column} < ?", _after(_date_bound("until", until)))

    def quad(self, column: str, quad: str | None) -> None:
        if quad:
            classes = quad_classes(quad)
            self.add(f"{column} IN ({', '.join('?' * len(classes))})", *classes)


def _actor_condition(where: _Where, sides: tuple[str, ...], value: str) -> None:
    """A CAMEO code or country ("RUS", "RUSMIL", "IGOUNO") matches codes starting with
    it; anything else matches the actor's name, accents and case aside."""
    parts: list[str] = []
    for side in sides:
        if _CODE.match(value):
            parts.append(f"(starts_with(v.{side}_actor, ?) OR v.{side}_country = ?)")
            where.params.extend([value, value])
        else:
            parts.append(f"contains({_fold_sql(f'v.{side}_name')}, {_fold_sql('?')})")
            where.params.append(value)
    where.conditions.append("(" + " OR ".join(parts) + ")")


def events(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    source_actor: str | None = None,
    target_actor: str | None = None,
    code: str | None = None,
    quad: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    article: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
    sort: str | None = None,
) -> Result:
    """Event records, newest first (or by ``sort``: date, goldstein, cameo), with their
    cluster (the event they report)."""
    where = _Where()
    if actor:
        _actor_condition(where, ("source", "target"), actor)
    if source_actor:
        _actor_condition(where, ("source",), source_actor)
    if target_actor:
        _actor_condition(where, ("target",), target_actor)
    if code:
        if not code.isdigit():
            raise QueryError(f"--code {code}: not a CAMEO event code (digits, like 04 or 042)")
        where.add("starts_with(v.cameo, ?)", code)
    where.quad("v.quad_class", quad)
    where.period("v.date", since, until)
    if place:
        if _CODE.match(place) and len(place) == 3:
            where.add("v.location_country = ?", place)
        else:
            where.add(f"{_fold_sql('v.location_name')} = {_fold_sql('?')}", place)
    if article:
        where.add(f"v.article_id IN (SELECT id FROM articles WHERE {_ARTICLE})", *[article] * 4)
    order = _order(sort, _EVENT_SORTS, "-date")
    # Two steps: the filter scans one table; the events' clusters are then read by their
    # integer ids, which is cheap, where a join would scan every cluster.
    found = _run(
        con,
        f"""
        SELECT v.date, v.cameo, v.quad_class, v.goldstein, v.source_actor, v.source_name,
               v.target_actor, v.target_name, v.location_name AS place, v.negated, v.trigger,
               v.sentence, v.article_id, v.cluster_id
        FROM events v{where.sql()}
        ORDER BY {order}, v.article_id, v.seq{_page(limit, offset)}
        """,
        where.params,
    )
    clusters = sorted({row[-1] for row in found.rows if row[-1] is not None})
    articles: dict[int, int] = {}
    if clusters:
        listed = ", ".join(str(int(c)) for c in clusters)
        articles = dict(
            con.execute(
                f"SELECT id, num_articles FROM event_clusters WHERE id IN ({listed})"
            ).fetchall()
        )
    return Result(
        (*found.columns, "num_articles"),
        [(*row, articles.get(row[-1])) for row in found.rows],
    )


_EVENT_SORTS = {"date": "v.date", "goldstein": "v.goldstein", "cameo": "v.cameo"}


def _after(bound: str) -> str:
    """The first date string after everything ``bound`` covers: "2023-03" → "2023-04",
    "2023" → "2024", "2023-03-14" → "2023-03-15" (so that ``date < _after(until)``)."""
    last = span(bound)[1]
    assert last is not None  # bounds are checked by _date_bound
    return (last + timedelta(days=1)).isoformat()[: len(bound)]


def quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    addressee: str | None = None,
    contains: str | None = None,
    article: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
    sort: str | None = None,
) -> Result:
    """Quotations with their speakers, the newest articles first (or by ``sort``:
    published, speaker)."""
    where = _Where()
    if speaker:
        where.add(f"contains({_fold_sql('s.name')}, {_fold_sql('?')})", speaker)
    if addressee:
        where.add(f"contains({_fold_sql('a.name')}, {_fold_sql('?')})", addressee)
    if contains:
        where.add(f"contains({_fold_sql('q.text')}, {_fold_sql('?')})", contains)
    if article:
        where.add(f"q.article_id IN (SELECT id FROM articles WHERE {_ARTICLE})", *[article] * 4)
    order = _order(sort, {"published": "r.published", "speaker": "s.name"}, "-published")
    sql = f"""
        SELECT r.published, s.name AS speaker, a.name AS addressee, q.kind, q.verb, q.text,
               q.article_id
        FROM quotes q
        JOIN articles r ON r.id = q.article_id
        LEFT JOIN entities s ON s.article_id = q.article_id AND s.id = q.speaker
        LEFT JOIN entities a ON a.article_id = q.article_id AND a.id = q.addressee
        {where.sql()}
        ORDER BY {order}, q.article_id, q.seq{_page(limit, offset)}
    """
    return _run(con, sql, where.params)


def actors(
    con: duckdb.DuckDBPyConnection,
    *,
    country: str | None = None,
    name: str | None = None,
    top: int | None = 20,
    offset: int = 0,
    sort: str | None = None,
) -> Result:
    """Actors across articles (same name, type and code), most mentioned first (or by
    ``sort``: mentions, articles, events, name, goldstein): mentions, articles, events as
    source and as target, and the mean Goldstein of those events."""
    where = _Where()
    where.add("n.type IN ('PER', 'ORG', 'GPE')")
    if country:
        where.add("n.country = ?", country.upper())
    if name:
        where.add(f"contains({_fold_sql('n.name')}, {_fold_sql('?')})", name)
    order = _order(sort, _ACTOR_SORTS, "-mentions")
    sql = f"""
        WITH named AS (
            SELECT n.article_id, n.id, n.name, n.type, n.country, n.actor_code
            FROM entities n{where.sql()}
        ),
        said AS (
            SELECT article_id, entity_id, count(*) AS n FROM mentions GROUP BY ALL
        ),
        sides AS (
            SELECT article_id, source AS entity, 1 AS src, 0 AS tgt, goldstein
            FROM events WHERE source IS NOT NULL
            UNION ALL
            SELECT article_id, target, 0, 1, goldstein FROM events WHERE target IS NOT NULL
        ),
        acts AS (
            SELECT article_id, entity, sum(src) AS src, sum(tgt) AS tgt,
                   sum(goldstein) AS total, count(*) AS n
            FROM sides GROUP BY ALL
        )
        SELECT n.name, n.type, any_value(n.country) AS country,
               any_value(n.actor_code) AS actor_code,
               coalesce(sum(s.n), 0) AS mentions, count(DISTINCT n.article_id) AS articles,
               coalesce(sum(a.src), 0) AS as_source, coalesce(sum(a.tgt), 0) AS as_target,
               round(sum(a.total) / nullif(sum(a.n), 0), 2) AS mean_goldstein
        FROM named n
        LEFT JOIN said s ON s.article_id = n.article_id AND s.entity_id = n.id
        LEFT JOIN acts a ON a.article_id = n.article_id AND a.entity = n.id
        GROUP BY n.name, n.type
        ORDER BY {order}, n.name{_page(top, offset)}
    """
    return _run(con, sql, where.params)


_ACTOR_SORTS = {
    "mentions": "mentions",
    "articles": "articles",
    "events": "as_source + as_target",
    "name": "n.name",
    "goldstein": "mean_goldstein",
}


def dyads(
    con: duckdb.DuckDBPyConnection,
    *,
    monthly: bool = False,
    source: str | None = None,
    target: str | None = None,
    since: str | None = None,
    until: str | None = None,
    top: int | None = 50,
    offset: int = 0,
    sort: str | None = None,
) -> Result:
    """Events (clusters: one real event counted once) per dyad of countries, with the
    mean Goldstein score; per month too with ``monthly``. ``source`` and ``target`` are
    country codes. An event's month, and the day ``since``/``until`` bound, is the last
    day it can lie in: its own month for an event the text dates ("en mars" → March),
    the report's for one dated only by its report (whose interval opens a few days
    before publication, and would put a report of 1 June in May). This is the month
    its records' dates give, so a month's bar lists the records it counts."""
    month = "strftime(c.last_day, '%Y-%m') AS month, " if monthly else ""
    where = _Where()
    where.add("c.source_country IS NOT NULL AND c.target_country IS NOT NULL")
    if source:
        where.add("c.source_country = ?", source.upper())
    if target:
        where.add("c.target_country = ?", target.upper())
    if since:
        where.add("c.last_day >= CAST(? AS DATE)", _first_day(_date_bound("since", since)))
    if until:
        where.add("c.last_day < CAST(? AS DATE)", _first_day(_after(_date_bound("until", until))))
    sorts = dict(_DYAD_SORTS, **({"month": "month"} if monthly else {}))
    order = _order(sort, sorts, "-events")
    if monthly and not sort:
        order = "month DESC NULLS LAST, events DESC"
    sql = f"""
        SELECT {month}c.source_country AS source, c.target_country AS target,
               count(*) AS events, sum(c.num_mentions) AS mentions,
               round(avg(g.goldstein), 2) AS mean_goldstein
        FROM event_clusters c
        JOIN (SELECT cluster_id, avg(goldstein) AS goldstein FROM events GROUP BY ALL) g
          ON g.cluster_id = c.id
        {where.sql()}
        GROUP BY ALL
        ORDER BY {order}, source, target{_page(top, offset)}
    """
    return _run(con, sql, where.params)


_DYAD_SORTS = {"events": "events", "mentions": "mentions", "goldstein": "mean_goldstein"}


def _first_day(bound: str) -> str:
    """ "2023" → "2023-01-01", "2023-03" → "2023-03-01": a date DuckDB can cast."""
    first = span(bound)[0]
    assert first is not None  # bounds are checked by _date_bound
    return first.isoformat()


def article_ids(con: duckdb.DuckDBPyConnection, article: str) -> list[str]:
    """Ids of the articles ``article`` names: an id, its first characters (six at
    least), or the id the input gave (``external_id``)."""
    cursor = con.execute(f"SELECT id FROM articles WHERE {_ARTICLE} ORDER BY id", [article] * 4)
    return [r[0] for r in cursor.fetchall()]


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Result:
    cursor = con.execute(sql, params)
    columns = tuple(d[0] for d in cursor.description or ())
    return Result(columns, cursor.fetchall())


STAT_TABLES = ("documents", "articles", "entities", "quotes", "events", "event_clusters", "errors")


def stats(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = STAT_TABLES) -> dict[str, int]:
    """Row counts of the store's main tables (or of ``tables``)."""
    counts = {}
    for table in tables:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts
