"""The ``veille`` command: validate, call the core, render. Only this module prints."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from veille import __version__
from veille.errors import InputError, StoreBusy, VeilleError
from veille.model import Analysis, Document, json_schema
from veille.read.decode import DEFAULT_MAX_CHARS
from veille.store.schema import BATCH_SIZE, WAIT_SECONDS

if TYPE_CHECKING:
    # The pipeline, the readers and the ingest load in the commands that use them, so
    # that the query commands start fast.
    from veille.pipeline import Failure
    from veille.store.run import Report
    from veille.store.write import Written

app = typer.Typer(
    help="veille: auditable event data from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score veille against hand-annotated gold sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


class Engine(StrEnum):
    local = "local"
    spark = "spark"


class TableFormat(StrEnum):
    table = "table"
    json = "json"


Paths = Annotated[
    list[str], typer.Argument(help="Files, directories, globs, or - for standard input.")
]
DEFAULT_CORPUS = Path("corpus/fr-wikinews.jsonl")
TableFormatOption = Annotated[TableFormat, typer.Option("--format", "-f")]
GoldDir = Annotated[Path, typer.Argument(help="Folder of gold JSON files.")]
GoldCorpus = Annotated[Path, typer.Option(help="JSON Lines file holding the gold articles' texts.")]
MaxChars = Annotated[
    int, typer.Option("--max-chars", help="Refuse a document with more characters of text.")
]


def _version(value: bool) -> None:
    if value:
        out.print(f"veille {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )


def analyses(paths: list[str], max_chars: int) -> Iterator[Analysis | Failure]:
    """Every input analysed, in input order; unreadable ones become Failures in place."""
    from veille.pipeline import Failure, analyze_many
    from veille.read import read_paths

    items = iter(read_paths(paths, max_chars=max_chars))
    while True:
        chunk = list(islice(items, 64))
        if not chunk:
            return
        documents = [item for item in chunk if isinstance(item, Document)]
        results = iter(analyze_many(documents, on_error="return"))
        for item in chunk:
            if isinstance(item, InputError):
                yield Failure(item.source, "read", item.reason)
            else:
                yield next(results)


def _report(failure: Failure) -> None:
    err.print(f"error: {failure}", markup=False, highlight=False)


@app.command()
def extract(
    paths: Paths,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
) -> None:
    """Analyse documents and print their Analysis.

    Example: veille extract corpus/reference-fr-2023-06.txt --format text
    """
    failed = 0
    collected: list[dict[str, Any]] = []
    for result in analyses(paths, max_chars):
        if not isinstance(result, Analysis):
            failed += 1
            _report(result)
            record = {"error": result.message, "source": result.source, "stage": result.stage}
        else:
            record = result.to_dict()
            for warning in result.warnings:
                err.print(f"warning: {result.article.source}: {warning}", markup=False)
        if format is Format.jsonl:
            out.file.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif format is Format.text:
            if isinstance(result, Analysis):
                render_analysis(result)
        else:
            collected.append(record)
    if format is Format.json:
        document: Any = collected[0] if len(collected) == 1 else collected
        out.file.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)


def render_analysis(analysis: Analysis) -> None:
    """A readable summary: blocks by role, what was removed, the entities."""
    article = analysis.article
    out.rule(f"[bold]{article.title or article.source}")
    out.print(
        f"source: {article.source}   published: {article.published or '?'}   "
        f"language: {article.language or '?'}   id: {article.id[:12]}",
        highlight=False,
    )
    for warning in analysis.warnings:
        out.print(f"[yellow]warning:[/] {warning}")
    for block in article.blocks:
        out.print(f"[bold cyan]{block.role:>8}[/] {block.text}", highlight=False)
    for removed in article.removed:
        out.print(f"[dim]{'removed':>8} ({removed.role}) {removed.text}[/]", highlight=False)
    if not analysis.entities:
        return
    table = Table(title="Entities", show_lines=False)
    for column in ("id", "name", "type", "actor", "roles", "mentions"):
        table.add_column(column)
    for e in analysis.entities:
        table.add_row(
            e.id,
            e.name,
            e.type,
            e.actor_code or "",
            "; ".join(e.roles),
            str(len(e.mentions)),
        )
    out.print(table)


@app.command()
def summary(
    paths: Paths,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    top: Annotated[int, typer.Option(help="How many actors and entities to list.")] = 15,
) -> None:
    """Analyse a corpus and print a summary: languages, entities, actors, quotes, speakers.

    Example: veille summary corpus/
    """
    languages: Counter[str] = Counter()
    types: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    names: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    articles = failed = 0
    with err.status("analysing…") as status:
        for result in analyses(paths, max_chars):
            if not isinstance(result, Analysis):
                failed += 1
                _report(result)
                continue
            articles += 1
            status.update(f"analysing… {articles} articles")
            languages[result.article.language or "unknown"] += 1
            for entity in result.entities:
                types[entity.type] += 1
                names[(entity.name, entity.type)] += len(entity.mentions)
                if entity.actor_code:
                    actors[entity.actor_code] += len(entity.mentions)
            for quote in result.quotes:
                kinds[quote.kind] += 1
                speaker = result.entity(quote.speaker) if quote.speaker else None
                speakers[speaker.name if speaker else "(no speaker)"] += 1
    out.print(f"[bold]{articles}[/] articles analysed, [bold]{failed}[/] failed")
    _counter_table("Articles per language", "language", languages)
    _counter_table("Entities per type", "type", types)
    _counter_table(f"Top {top} actors (mentions)", "actor code", actors, top)
    table = Table(title=f"Top {top} entities (mentions)")
    for column in ("entity", "type", "mentions"):
        table.add_column(column)
    for (name, kind), count in names.most_common(top):
        table.add_row(name, kind, str(count))
    out.print(table)
    _counter_table("Quotes per kind", "kind", kinds)
    _counter_table(f"Top {top} speakers (quotes)", "speaker", speakers, top)
    if failed:
        raise typer.Exit(1)


def _counter_table(title: str, label: str, counts: Counter[str], top: int | None = None) -> None:
    table = Table(title=title)
    table.add_column(label)
    table.add_column("count", justify="right")
    for key, count in counts.most_common(top):
        table.add_row(key, str(count))
    out.print(table)


# Exit status of `veille ingest` when the database is held by another process:
# sysexits' EX_TEMPFAIL, "try again later".
EXIT_BUSY = 75


class _Rate(ProgressColumn):
    """Documents per second, once rich has measured it."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:5.1f} docs/s" if speed else "  …  docs/s", style="cyan")


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, globs, .jsonl, .html, .txt, WARC(.gz) archives."),
    ] = None,
    db: Annotated[Path, typer.Option("--db", help="The DuckDB file of the store.")] = Path(
        "veille.duckdb"
    ),
    workers: Annotated[
        int, typer.Option(min=1, help="Analysing processes (default: the machine's cores).")
    ] = os.cpu_count() or 1,
    batch_size: Annotated[
        int,
        typer.Option(
            min=1,
            help="Documents per batch, read and accounted together; the batches done within "
            "3 s commit in one transaction.",
        ),
    ] = BATCH_SIZE,
    reanalyse: Annotated[
        bool,
        typer.Option(
            "--reanalyse",
            help="Analyse stored documents again and replace their rows (with no PATH: all).",
        ),
    ] = False,
    wait: Annotated[
        float, typer.Option(help="Seconds to wait for another process to release the file.")
    ] = WAIT_SECONDS,
    top: Annotated[int, typer.Option(help="Dyads and speakers listed at the end (0: none).")] = 10,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    engine: Annotated[
        Engine, typer.Option(help="local: this machine, into --db; spark: a Parquet result.")
    ] = Engine.local,
    master: Annotated[
        str | None,
        typer.Option(help="Spark master: local[*], spark://host:7077, yarn (default: Spark's)."),
    ] = None,
    out_dir: Annotated[
        str | None, typer.Option("--out", help="Spark: the folder of the Parquet result.")
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Spark: replace the result in --out.")
    ] = False,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Spark: analysis tasks (default: 4 per core).")
    ] = None,
    conf: Annotated[
        list[str] | None, typer.Option(help="Spark: a KEY=VALUE setting (repeatable).")
    ] = None,
) -> None:
    """Analyse documents into the corpus store; what is stored already is skipped. With
    --engine spark, analyse on Apache Spark into a Parquet result (--out), which
    `veille load` brings into a store.

    Exit status: 0 all stored, 1 some inputs failed (each is an `errors` row, the others
    are stored), 2 bad usage, 75 the database is busy (retry later).

    Example: veille ingest corpus/ --db veille.duckdb --workers 2
    """
    if not paths and not reanalyse:
        err.print("error: give files to ingest, or --reanalyse to analyse the store again")
        raise typer.Exit(2)
    if engine is Engine.spark:
        from veille.cli.spark import ingest_spark

        if reanalyse or out_dir is None:
            err.print(
                "error: --engine spark writes a Parquet result: give --out DIR, no --reanalyse"
            )
            raise typer.Exit(2)
        ingest_spark(paths or [], out_dir, master, partitions, overwrite, conf or [], max_chars)
        return
    from veille.store import IngestOptions, ingest, open_store, overview

    options = IngestOptions(
        workers=workers, batch_size=batch_size, reanalyse=reanalyse, max_chars=max_chars, wait=wait
    )
    columns = (
        TextColumn("[bold]ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=None)

        def on_progress(report: Report, written: Written) -> None:
            for failure in written.failures:
                progress.console.print(f"error: {failure}", markup=False, highlight=False)
            total = max(report.total or 0, report.documents_read) or None
            progress.update(task, completed=report.documents_read, total=total)

        report = ingest(paths or [], db, options, on_progress=on_progress)
    _print_report(report, db)
    if top:
        with open_store(db, read_only=True, wait=wait) as con:
            _print_overview(db, overview(con, top), top)
    if report.failed:
        raise typer.Exit(1)


def _print_report(report: Report, db: Path) -> None:
    rate = report.documents_read / report.seconds if report.seconds else 0.0
    out.print(
        f"run {report.run_id} into {db}: {report.documents_read:,} documents read in "
        f"{report.seconds:.1f} s ({rate:.1f}/s): [bold]{report.stored:,}[/] stored, "
        f"{report.skipped:,} skipped as already present, "
        + (f"{report.reanalysed:,} re-analysed, " if report.reanalysed else "")
        + f"[bold]{report.failed:,}[/] failed; {report.events:,} events, "
        f"{report.quotes:,} quotes",
        highlight=False,
    )
    for reason, count in sorted(report.archive_skipped.items()):
        out.print(f"  not an article, skipped: {count:,} × {reason}", highlight=False)


def _print_overview(db: Path, found: Any, top: int) -> None:
    counts = ", ".join(f"{n:,} {table}" for table, n in found.counts.items())
    out.print(f"store {db}: {counts}", highlight=False)
    table = Table(title=f"Top {top} dyads (events, each told once however many reports)")
    for column in ("source actor", "target actor", "events"):
        table.add_column(column, justify="right" if column == "events" else "left")
    for source, target, count in found.dyads:
        table.add_row(source, target, str(count))
    out.print(table)
    table = Table(title=f"Top {top} quoted speakers")
    for column in ("speaker", "quotes", "articles"):
        table.add_column(column, justify="left" if column == "speaker" else "right")
    for name, count, articles in found.speakers:
        table.add_row(name, str(count), str(articles))
    out.print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Analysis contract.

    Example: veille schema > analysis.schema.json
    """
    out.file.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


@eval_app.command("entities")
def eval_entities(
    gold_dir: GoldDir,
    corpus: GoldCorpus = DEFAULT_CORPUS,
    baseline: Annotated[bool, typer.Option(help="Also score the bare fr_core_news_md NER.")] = True,
    format: TableFormatOption = TableFormat.table,
) -> None:
    """Mention-level P/R/F1 of PER, LOC, ORG against a gold set.

    Example: veille eval entities tests/gold/entities
    """
    from veille.eval.entities import evaluate

    report = _evaluate(evaluate, gold_dir, corpus, baseline=baseline)
    rows = [
        (system, label, score)
        for system, scores in report.systems.items()
        for label, score in scores.items()
    ]
    if format is TableFormat.json:
        data = {s: {k: v.as_dict() for k, v in sc.items()} for s, sc in report.systems.items()}
        out.file.write(json.dumps({"articles": report.articles, **data}, indent=2) + "\n")
        return
    title = f"Entity mentions, {report.articles} articles ({gold_dir})"
    out.print(_score_table(title, ("system", "type"), [((s, t), sc) for s, t, sc in rows]))


@eval_app.command("quotes")
def eval_quotes(
    gold_dir: GoldDir,
    corpus: GoldCorpus = DEFAULT_CORPUS,
    format: TableFormatOption = TableFormat.table,
) -> None:
    """Quote P/R/F1 (token overlap >= 0.3) and speaker accuracy, overall and by kind.

    Example: veille eval quotes tests/gold/quotes
    """
    from veille.eval.quotes import evaluate

    report = _evaluate(evaluate, gold_dir, corpus)
    if format is TableFormat.json:
        data = {
            "articles": report.articles,
            "speaker_accuracy": round(report.speaker_accuracy, 4),
            "speaker_matched": report.speaker_total,
            **{kind: score.as_dict() for kind, score in report.scores.items()},
        }
        out.file.write(json.dumps(data, indent=2) + "\n")
        return
    title = f"Quotes, {report.articles} articles ({gold_dir})"
    out.print(_score_table(title, ("kind",), [((k,), sc) for k, sc in report.scores.items()]))
    out.print(
        f"speaker accuracy on {report.speaker_total} matched quotes: "
        f"{report.speaker_accuracy:.3f}; "
        f"kind agreement {report.kind_correct}/{report.speaker_total}"
    )


@eval_app.command("timex")
def eval_timex(
    gold_dir: GoldDir,
    corpus: GoldCorpus = DEFAULT_CORPUS,
    format: TableFormatOption = TableFormat.table,
) -> None:
    """Time expressions: detection P/R/F1 and value accuracy.

    Example: veille eval timex tests/gold/timex
    """
    from veille.eval.timex import evaluate

    report = _evaluate(evaluate, gold_dir, corpus)
    data = {
        "articles": report.articles,
        "expressions": report.gold,
        "value_accuracy": round(report.value_accuracy, 4),
        "value_accuracy_on_found": round(report.value_accuracy_matched, 4),
        "detection": report.detection.as_dict(),
    }
    if format is TableFormat.json:
        out.file.write(json.dumps(data, indent=2) + "\n")
        return
    table = Table(title=f"Time expressions, {report.articles} articles ({gold_dir})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("gold expressions", str(report.gold))
    table.add_row("value accuracy", f"{report.value_accuracy:.3f}")
    table.add_row("value accuracy on found", f"{report.value_accuracy_matched:.3f}")
    for name in ("precision", "recall", "f1"):
        table.add_row(f"detection {name}", f"{getattr(report.detection, name):.3f}")
    out.print(table)


@eval_app.command("events")
def eval_events(
    gold_dir: GoldDir,
    corpus: GoldCorpus = DEFAULT_CORPUS,
    format: TableFormatOption = TableFormat.table,
    by_root: Annotated[
        bool, typer.Option("--by-root", help="Also root + dyad P/R/F1 for each CAMEO root.")
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            help="Write each missed gold event and each spurious record, with its sentence "
            "and what the other side holds there, to this JSON Lines file.",
        ),
    ] = None,
) -> None:
    """Event P/R/F1 at root level with the dyad, at full-code level, and date accuracy.

    Example: veille eval events tests/gold/events --by-root --errors errors.jsonl
    """
    from veille.eval.events import evaluate

    report = _evaluate(evaluate, gold_dir, corpus)
    if errors is not None:
        try:
            with errors.open("w", encoding="utf-8") as file:
                for row in report.errors:
                    file.write(json.dumps(row, ensure_ascii=False) + "\n")
        except OSError as exc:
            err.print(f"error: {errors}: cannot write ({exc.strerror})", markup=False)
            raise typer.Exit(1) from None
    levels = {
        "root + dyad": report.root_dyad,
        "full code + dyad": report.full_code,
        "root only": report.root_only,
    }
    if format is TableFormat.json:
        data = {
            "articles": report.articles,
            "date_accuracy": round(report.date_accuracy, 4),
            "place_agreement": round(report.place_agreement, 4),
            **{name: score.as_dict() for name, score in levels.items()},
        }
        if by_root:
            data["by_root"] = {root: sc.as_dict() for root, sc in report.by_root.items()}
        out.file.write(json.dumps(data, indent=2) + "\n")
        return
    title = f"Events, {report.articles} articles ({gold_dir})"
    out.print(_score_table(title, ("level",), [((n,), sc) for n, sc in levels.items()]))
    out.print(f"date accuracy on root + dyad matches: {report.date_accuracy:.3f}")
    out.print(f"place agreement on root + dyad matches: {report.place_agreement:.3f}")
    if by_root:
        from veille.events import codebook

        names = {code: entry.name for code, entry in codebook().items()}
        rows: list[tuple[tuple[str, ...], Any]] = [
            ((root, names.get(root, "")), sc) for root, sc in report.by_root.items()
        ]
        out.print(_score_table("Root + dyad by CAMEO root", ("root", "name"), rows))


@eval_app.command("duplicates")
def eval_duplicates(
    gold_dir: GoldDir,
    corpus: GoldCorpus = DEFAULT_CORPUS,
    format: TableFormatOption = TableFormat.table,
) -> None:
    """Event clustering P/R/F1 on gold pairs of reports of the same (or another) event.

    Example: veille eval duplicates tests/gold/duplicates
    """
    from veille.eval.duplicates import evaluate

    report = _evaluate(evaluate, gold_dir, corpus)
    levels = {"all pairs": report.overall, "pairs both found": report.on_covered}
    if format is TableFormat.json:
        data = {
            "pairs": report.pairs,
            "positives": report.positives,
            "covered": report.covered,
            **{name: score.as_dict() for name, score in levels.items()},
        }
        out.file.write(json.dumps(data, indent=2) + "\n")
        return
    title = (
        f"Same-event pairs, {report.pairs} pairs ({report.positives} same) "
        f"over {report.articles} articles ({gold_dir})"
    )
    out.print(_score_table(title, ("pairs",), [((n,), sc) for n, sc in levels.items()]))
    out.print(f"pairs whose two sentences both yielded an event of the root: {report.covered}")


def _score_table(
    title: str, keys: tuple[str, ...], rows: list[tuple[tuple[str, ...], Any]]
) -> Table:
    """A table of scores: the key columns, then precision, recall, F1, gold and found."""
    table = Table(title=title)
    for column in keys:
        table.add_column(column)
    for column in ("precision", "recall", "F1", "gold", "found"):
        table.add_column(column, justify="right")
    for key, score in rows:
        table.add_row(
            *key,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.gold),
            str(score.found),
        )
    return table


def _evaluate(evaluate: Any, gold_dir: Path, corpus: Path, **options: Any) -> Any:
    """Check the inputs of an ``eval`` command, run it, turn a bad gold file into an error."""
    _require_dir(gold_dir)
    _require_file(corpus)
    try:
        return evaluate(gold_dir, corpus, **options)
    except (ValueError, KeyError) as exc:
        err.print(f"error: {gold_dir}: bad gold file ({exc})", markup=False)
        raise typer.Exit(1) from None


def _require_dir(path: Path) -> None:
    if not path.is_dir():
        err.print(f"error: {path}: not a directory", markup=False)
        raise typer.Exit(2)


def _require_file(path: Path) -> None:
    if not path.is_file():
        err.print(f"error: {path}: no such file", markup=False)
        raise typer.Exit(2)


def main(argv: Iterable[str] | None = None) -> None:
    """Entry point of the ``veille`` script."""
    try:
        app(args=list(argv) if argv is not None else None)
    except StoreBusy as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(EXIT_BUSY)
    except VeilleError as exc:
        err.print(f"error: {exc}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


# The store's query commands register themselves on ``app``.
from veille.cli import queries as _queries  # noqa: E402, F401
from veille.cli import serve as _serve  # noqa: E402, F401
from veille.cli import spark as _spark  # noqa: E402, F401
from veille.cli import watch as _watch  # noqa: E402, F401
