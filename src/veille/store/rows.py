"""Records to columnar rows and back: a batch of Analyses becomes one Arrow table per
store table, written with one ``INSERT … SELECT`` each (DuckDB takes Arrow at about a
million rows/s, ``executemany`` at about two thousand: DESIGN's pitfalls).

The columns are those of :mod:`veille.store.schema`; :func:`load_analysis` reads an
Analysis back, equal to the one stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from functools import cache
from typing import Any

import duckdb
import pyarrow as pa

from veille.dedup import outlet_of
from veille.model import (
    Analysis,
    Article,
    Block,
    Document,
    Entity,
    Event,
    Geo,
    Mention,
    Quote,
    RemovedBlock,
    Timex,
    Tone,
)

Columns = dict[str, list[Any]]

# The tables derived from an Analysis, in the order they are written.
DERIVED = (
    "articles",
    "blocks",
    "removed_blocks",
    "entities",
    "mentions",
    "quotes",
    "timex",
    "events",
)


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[str]:
    """An Arrow table visible to SQL as ``name`` for the duration of the block."""
    con.register(name, table)
    try:
        yield name
    finally:
        con.unregister(name)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back if it raises (unless
    the failure already ended it, as a failed COMMIT does)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        with suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise


def insert_table(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    """Append an Arrow table to a store table, columns matched by name."""
    if rows.num_rows:
        with registered(con, f"new_{table}", rows) as view:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view}")


@cache
def store_schema(table: str) -> pa.Schema:
    """The Arrow schema of a store table, as DuckDB gives it for the migrated schema (so
    that the store's migrations stay the one definition of the columns)."""
    from veille.store.schema import migrate

    with duckdb.connect(":memory:") as con:
        migrate(con, ":memory:")
        return con.execute(f"SELECT * FROM {table} LIMIT 0").fetch_arrow_table().schema


def conform(table: str, rows: pa.Table | None) -> pa.Table:
    """``rows`` (a builder's table, its types inferred) in the store table's columns and
    types: columns in order, cast, and the store's own columns it lacks (an event's
    ``cluster_id``) null."""
    schema = store_schema(table)
    if rows is None or not rows.num_rows:
        return schema.empty_table()
    columns = [
        rows.column(f.name).cast(f.type)
        if f.name in rows.column_names
        else pa.nulls(rows.num_rows, f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


class Batch:
    """Column lists for each table, filled record by record, turned into Arrow tables."""

    def __init__(self) -> None:
        self.columns: dict[str, Columns] = defaultdict(lambda: defaultdict(list))

    def add(self, table: str, **values: Any) -> None:
        columns = self.columns[table]
        for name, value in values.items():
            columns[name].append(value)

    def tables(self) -> dict[str, pa.Table]:
        return {name: pa.Table.from_pydict(dict(cols)) for name, cols in self.columns.items()}


def document_rows(documents: Iterable[Document], run_id: int, now: datetime) -> Batch:
    batch = Batch()
    for doc in documents:
        batch.add(
            "documents",
            id=doc.id,
            source=doc.source,
            format=doc.format,
            external_id=doc.external_id,
            title=doc.title,
            published=doc.published,
            text=doc.text,
            lead=doc.lead,
            captions=list(doc.captions),
            extras=list(doc.extras),
            raw=doc.raw,
            run_id=run_id,
            stored_at=now,
        )
    return batch


def analysis_rows(analyses: Iterable[Analysis], run_id: int, now: datetime) -> Batch:
    """The rows of every derived table for ``analyses``."""
    batch = Batch()
    for analysis in analyses:
        _add_analysis(batch, analysis, run_id, now)
    return batch


def _add_analysis(batch: Batch, analysis: Analysis, run_id: int, now: datetime) -> None:
    article = analysis.article
    aid = article.id
    tone = analysis.tone
    batch.add(
        "articles",
        id=aid,
        source=article.source,
        external_id=article.external_id,
        title=article.title,
        published=article.published,
        language=article.language,
        text=article.text,
        tone_score=tone.score if tone else None,
        tone_positive=tone.positive if tone else None,
        tone_negative=tone.negative if tone else None,
        warnings=list(analysis.warnings),
        schema=analysis.schema,
        run_id=run_id,
        analysed_at=now,
    )
    for seq, block in enumerate(article.blocks):
        batch.add("blocks", article_id=aid, seq=seq, **block.to_dict())
    for seq, removed in enumerate(article.removed):
        batch.add("removed_blocks", article_id=aid, seq=seq, role=removed.role, text=removed.text)
    for seq, entity in enumerate(analysis.entities):
        _add_entity(batch, aid, seq, entity)
    for seq, quote in enumerate(analysis.quotes):
        batch.add("quotes", article_id=aid, seq=seq, **quote.to_dict())
    for seq, timex in enumerate(analysis.timex):
        batch.add("timex", article_id=aid, seq=seq, **timex.to_dict())
    for seq, event in enumerate(analysis.events):
        _add_event(batch, aid, seq, event, analysis)


def _add_entity(batch: Batch, aid: str, seq: int, entity: Entity) -> None:
    geo = entity.geo
    batch.add(
        "entities",
        article_id=aid,
        id=entity.id,
        seq=seq,
        name=entity.name,
        type=entity.type,
        country=entity.country,
        sector=entity.sector,
        actor_code=entity.actor_code,
        roles=list(entity.roles),
        lat=geo.lat if geo else None,
        lon=geo.lon if geo else None,
        geo_country=geo.country if geo else None,
        geonames_id=geo.geonames_id if geo else None,
    )
    for number, mention in enumerate(entity.mentions):
        batch.add("mentions", article_id=aid, entity_id=entity.id, seq=number, **mention.to_dict())


def _add_event(batch: Batch, aid: str, seq: int, event: Event, analysis: Analysis) -> None:
    values = event.to_dict()
    source = analysis.entity(event.source) if event.source else None
    target = analysis.entity(event.target) if event.target else None
    location = values.pop("location")
    values["event_id"] = values.pop("id")
    batch.add(
        "events",
        id=event_key(aid, event.id),
        article_id=aid,
        seq=seq,
        location_name=location["name"] if location else None,
        location_country=location["country"] if location else None,
        location_lat=location["lat"] if location else None,
        location_lon=location["lon"] if location else None,
        location_geonames_id=location["geonames_id"] if location else None,
        outlet=outlet_of(analysis.article.source),
        source_name=source.name if source else None,
        target_name=target.name if target else None,
        **values,
    )


def event_key(article_id: str, event_id: str) -> str:
    """The store-wide id of an event: its article's id and its id within the article."""
    return f"{article_id}:{event_id}"


def error_rows(failures: Iterable[tuple[str, str, str, str | None]], run_id: int) -> Batch:
    """``(source, stage, message, document_id)`` tuples as ``errors`` rows."""
    batch = Batch()
    for source, stage, message, document_id in failures:
        batch.add(
            "errors",
            source=source,
            stage=stage,
            message=message,
            document_id=document_id,
            first_run=run_id,
            last_run=run_id,
        )
    return batch


_DOCUMENT_COLUMNS = (
    "id, source, format, external_id, title, published, text, lead, captions, extras, raw"
)


def load_documents(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Document]:
    """The stored Documents with ``ids``, in that order (absent ids are left out)."""
    table = pa.table({"id": list(ids), "position": list(range(len(ids)))})
    with registered(con, "wanted_documents", table):
        rows = con.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents "
            "JOIN wanted_documents USING (id) ORDER BY position"
        ).fetchall()
    return [
        Document(
            id=row[0],
            source=row[1],
            format=row[2],
            external_id=row[3],
            title=row[4],
            published=row[5],
            text=row[6],
            lead=row[7],
            captions=tuple(row[8]),
            extras=tuple(row[9]),
            raw=row[10],
        )
        for row in rows
    ]


def load_analysis(con: duckdb.DuckDBPyConnection, article_id: str) -> Analysis | None:
    """The Analysis stored for ``article_id``, as it was before storing; ``None`` if absent."""
    found = _dicts(con, "SELECT * FROM articles WHERE id = ?", article_id)
    if not found:
        return None
    row = found[0]

    def rows(table: str) -> list[dict[str, Any]]:
        return _dicts(con, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY seq", article_id)

    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in rows("mentions"):
        mentions[m["entity_id"]].append(Mention(text=m["text"], start=m["start"], end=m["end"]))
    article = Article(
        id=row["id"],
        source=row["source"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
        text=row["text"],
        blocks=tuple(Block.from_dict(_strip(b)) for b in rows("blocks")),
        removed=tuple(RemovedBlock.from_dict(_strip(b)) for b in rows("removed_blocks")),
        external_id=row["external_id"],
    )
    tone = None
    if row["tone_score"] is not None:
        tone = Tone(
            score=row["tone_score"], positive=row["tone_positive"], negative=row["tone_negative"]
        )
    return Analysis(
        article=article,
        entities=tuple(_entity(e, mentions[e["id"]]) for e in rows("entities")),
        quotes=tuple(Quote.from_dict(_strip(q)) for q in rows("quotes")),
        timex=tuple(Timex.from_dict(_strip(t)) for t in rows("timex")),
        events=tuple(_event(e) for e in rows("events")),
        tone=tone,
        warnings=tuple(row["warnings"]),
        schema=row["schema"],
    )


def iter_dicts(
    con: duckdb.DuckDBPyConnection, sql: str, *params: Any, chunk: int = 10_000
) -> Iterator[dict[str, Any]]:
    """The rows of a query as dicts by column name, fetched ``chunk`` rows at a time."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description or ()]
    while batch := cursor.fetchmany(chunk):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[dict[str, Any]]:
    return list(iter_dicts(con, sql, *params))


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("article_id", "seq")}


def _entity(row: dict[str, Any], mentions: list[Mention]) -> Entity:
    geo = None
    if row["lat"] is not None:
        geo = Geo(
            lat=row["lat"],
            lon=row["lon"],
            country=row["geo_country"],
            geonames_id=row["geonames_id"],
        )
    return Entity(
        id=row["id"],
        name=row["name"],
        type=row["type"],
        country=row["country"],
        sector=row["sector"],
        actor_code=row["actor_code"],
        roles=tuple(row["roles"]),
        geo=geo,
        mentions=tuple(mentions),
    )


def _event(row: dict[str, Any]) -> Event:
    values = _strip(row)
    for derived in ("source_name", "target_name", "cluster_id", "outlet"):  # the store's own
        values.pop(derived)
    values["id"] = values.pop("event_id")
    place = {
        key: values.pop(f"location_{key}")
        for key in ("name", "country", "lat", "lon", "geonames_id")
    }
    values["location"] = place if place["name"] is not None else None
    return Event.from_dict(values)
