"""The store's query commands: ``veille events``, ``quotes``, ``actors``, ``dyads``,
``search``, ``show``, ``stats`` and ``export``. Each opens the store read-only, so it
runs beside an ingest (between two of its batches)."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from veille.cli import app, err, out, render_analysis
from veille.errors import QueryError
from veille.store import open_store
from veille.store import queries as q
from veille.store.search import search as search_articles

READ_WAIT = 10.0  # seconds to wait for an ingest to release the file between two batches


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


Db = Annotated[Path, typer.Option("--db", help="The DuckDB file of the store.")]
FormatOption = Annotated[QueryFormat, typer.Option("--format", "-f")]
Limit = Annotated[int, typer.Option(min=0, help="Rows at most (0: all).")]
DEFAULT_DB = Path("veille.duckdb")
# Columns cut short in a table (the full text is in --format json or csv).
_LONG = {"sentence": 120, "text": 160, "snippet": 160}


def _open(db: Path) -> Any:
    # A missing file is open_store's error: "no such database (create it with …)".
    return open_store(db, read_only=True, wait=READ_WAIT)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


# What a table shows of each query (a terminal is narrow); JSON and CSV have every column.
_TABLE_COLUMNS = {
    "Events": ("date", "cameo", "source", "target", "place", "trigger", "num_articles"),
    "Quotes": ("published", "speaker", "kind", "text"),
}


def _for_table(result: q.Result, title: str) -> q.Result:
    records = result.records()
    for record in records:
        for side in ("source", "target"):
            if f"{side}_actor" in record:
                parts = (record[f"{side}_actor"], record[f"{side}_name"])
                record[side] = " ".join(p for p in parts if p)
    columns = _TABLE_COLUMNS.get(title, result.columns)
    return q.Result(columns, [tuple(r.get(c) for c in columns) for r in records])


def emit(result: q.Result, fmt: QueryFormat, title: str) -> None:
    """Print a query's rows as a table (its main columns), a JSON array of objects, or CSV
    with a header (every column)."""
    if fmt is QueryFormat.json:
        records = [{k: _plain(v) for k, v in r.items()} for r in result.records()]
        out.file.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[_plain(v) for v in row] for row in result.rows])
        return
    result = _for_table(result, title)
    table = Table(title=f"{title} ({len(result.rows)}; --format json or csv for every column)")
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        cells = []
        for column, value in zip(result.columns, row, strict=True):
            text = "" if value is None else str(_plain(value))
            limit = _LONG.get(column)
            cells.append(text[: limit - 1] + "…" if limit and len(text) > limit else text)
        table.add_row(*cells)
    out.print(table)


@app.command("events")
def events_command(
    actor: Annotated[str | None, typer.Option(help="Source or target: code (RUS) or name.")] = None,
    source_actor: Annotated[str | None, typer.Option(help="Source: code or name.")] = None,
    target_actor: Annotated[str | None, typer.Option(help="Target: code or name.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or its start (04, 042).")] = None,
    quad: Annotated[str | None, typer.Option(help="QuadClass: 1, 3-4 or 1,4.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (2023, 2023-01).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, included.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name (Moscou) or country (RUS).")] = None,
    article: Annotated[
        str | None, typer.Option(help="Article id, its first 6+ characters, or own id.")
    ] = None,
    db: Db = DEFAULT_DB,
    limit: Limit = 100,
    format: FormatOption = QueryFormat.table,
) -> None:
    """Event records of the store, newest first, with the event (cluster) each tells.

    Example: veille events --actor RUS --code 04 --since 2023-01
    """
    with _open(db) as con:
        result = q.events(
            con,
            actor=actor,
            source_actor=source_actor,
            target_actor=target_actor,
            code=code,
            quad=quad,
            since=since,
            until=until,
            place=place,
            article=article,
            limit=limit or None,
        )
    emit(result, format, "Events")


@app.command("quotes")
def quotes_command(
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    addressee: Annotated[str | None, typer.Option(help="Part of the addressee's name.")] = None,
    contains: Annotated[str | None, typer.Option(help="Words in the quotation.")] = None,
    db: Db = DEFAULT_DB,
    limit: Limit = 100,
    format: FormatOption = QueryFormat.table,
) -> None:
    """Quotations with their speakers; names and words match without case or accents.

    Example: veille quotes --speaker Gerasimov --contains stabilité
    """
    with _open(db) as con:
        result = q.quotes(
            con, speaker=speaker, addressee=addressee, contains=contains, limit=limit or None
        )
    emit(result, format, "Quotes")


@app.command("actors")
def actors_command(
    country: Annotated[str | None, typer.Option(help="Only actors of this country (CHN).")] = None,
    top: Annotated[int, typer.Option(min=0, help="Actors at most (0: all).")] = 20,
    db: Db = DEFAULT_DB,
    format: FormatOption = QueryFormat.table,
) -> None:
    """People, organisations and countries across articles: mentions, events as source and
    as target, mean Goldstein score of their events.

    Example: veille actors --country CHN --top 20
    """
    with _open(db) as con:
        result = q.actors(con, country=country, top=top or None)
    emit(result, format, "Actors")


@app.command("dyads")
def dyads_command(
    monthly: Annotated[bool, typer.Option("--monthly", help="One row per dyad and month.")] = False,
    top: Annotated[int, typer.Option(min=0, help="Rows at most (0: all).")] = 50,
    db: Db = DEFAULT_DB,
    format: FormatOption = QueryFormat.table,
) -> None:
    """Events per dyad of countries (each real event once) and their mean Goldstein score.

    Example: veille dyads --monthly
    """
    with _open(db) as con:
        result = q.dyads(con, monthly=monthly, top=top or None)
    emit(result, format, "Dyads")


@app.command("search")
def search_command(
    text: Annotated[str, typer.Argument(help="Words to look for (French stemming).")],
    db: Db = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, help="Articles at most.")] = 20,
    format: FormatOption = QueryFormat.table,
) -> None:
    """Full-text search over the stored articles (BM25), best first.

    Example: veille search "coopération militaire"
    """
    with _open(db) as con:
        result = search_articles(con, text, limit=limit)
    emit(result, format, f"Articles matching {text!r}")


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@app.command("show")
def show_command(
    article: Annotated[str, typer.Argument(help="Article id, its first characters, or own id.")],
    db: Db = DEFAULT_DB,
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
) -> None:
    """One stored article with its analysis, as `veille extract --format text` prints it.

    Example: veille show 8612d1fe
    """
    from veille.store.rows import load_analysis

    with _open(db) as con:
        found = q.article_ids(con, article)
        if not found:
            raise QueryError(f"{article}: no such article in {db}")
        if len(found) > 1:
            raise QueryError(f"{article}: {len(found)} articles start so; give more characters")
        analysis = load_analysis(con, found[0])
    if analysis is None:
        raise QueryError(f"{article}: no such article in {db}")
    if format is ShowFormat.json:
        out.file.write(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    render_analysis(analysis)


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("stats")
def stats_command(
    db: Db = DEFAULT_DB,
    format: Annotated[StatsFormat, typer.Option("--format", "-f")] = StatsFormat.table,
) -> None:
    """How many documents, articles, entities, quotes, events, event clusters and errors.

    Example: veille stats --format json
    """
    with _open(db) as con:
        counts = q.stats(con)
    if format is StatsFormat.json:
        out.file.write(json.dumps(counts) + "\n")
        return
    table = Table(title=str(db))
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in counts.items():
        table.add_row(name, f"{count:,}")
    out.print(table)


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"


@app.command("export")
def export_command(
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="File (folder for parquet).")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    events: Annotated[bool, typer.Option("--events", help="Events (the default).")] = False,
    mentions: Annotated[bool, typer.Option("--mentions", help="Event mentions.")] = False,
    quotes: Annotated[bool, typer.Option("--quotes", help="Quotations.")] = False,
    articles: Annotated[bool, typer.Option("--articles", help="Articles.")] = False,
    db: Db = DEFAULT_DB,
) -> None:
    """Write a table of the store: GDELT 2.0 TSV (events, mentions), JSON Lines, CSV, or
    Parquet partitioned by month.

    Example: veille export --format gdelt --events events.tsv
    """
    from veille.export import export_store

    chosen = [
        n for n, on in (("mentions", mentions), ("quotes", quotes), ("articles", articles)) if on
    ]
    if events:
        chosen.insert(0, "events")
    if len(chosen) > 1:
        raise QueryError("export: choose one of --events, --mentions, --quotes, --articles")
    what = chosen[0] if chosen else "events"
    with _open(db) as con:
        written = export_store(con, what, format.value, out_path)
    err.print(f"{written:,} {what} written to {out_path} ({format.value})", highlight=False)
