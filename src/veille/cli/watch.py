"""``veille watch`` (feeds and sitemaps followed into the store) and ``veille fetch``
(single article URLs analysed, and stored on request)."""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from veille.cli import MaxChars, app, err, out, render_analysis
from veille.cli.queries import DEFAULT_DB, Db
from veille.read.decode import DEFAULT_MAX_CHARS
from veille.store.schema import WAIT_SECONDS

if TYPE_CHECKING:
    import httpx

    from veille.watch import CollectOptions, Fetcher, RoundReport

# Exit status when the user stopped a run a second time, mid-article: 128 + SIGINT.
EXIT_ABORTED = 130

UserAgent = Annotated[
    str | None,
    typer.Option(
        "--user-agent",
        help="User-Agent sent (default: veille/VERSION (news monitoring; python-httpx)); "
        "put your contact in it.",
    ),
]
Timeout = Annotated[
    float, typer.Option(min=0.1, help="Seconds to connect, and to wait between two reads.")
]
MaxBytes = Annotated[
    int, typer.Option("--max-bytes", min=1024, help="Largest page or feed accepted, in bytes.")
]
PerHost = Annotated[int, typer.Option(min=1, help="Requests at once to one host.")]
Delay = Annotated[
    float, typer.Option(min=0.0, help="Seconds between two requests to one host (or Crawl-delay).")
]
Wait = Annotated[
    float, typer.Option(help="Seconds to wait for another process to release the file.")
]
Workers = Annotated[int, typer.Option(min=1, help="Analysing processes (1: this one).")]
BatchSize = Annotated[
    int, typer.Option(min=1, help="Articles per transaction (a stop waits for one batch).")
]


class FetchFormat(StrEnum):
    json = "json"
    text = "text"


@app.command("watch")
def watch_command(
    feeds_file: Annotated[
        Path,
        typer.Argument(
            help="Feed or sitemap URLs, one a line; after the URL, a name and a language "
            "(both optional)."
        ),
    ],
    db: Db = DEFAULT_DB,
    every: Annotated[
        str, typer.Option(help="Time between the starts of two rounds: 30s, 15m, 1h.")
    ] = "15m",
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron).")] = False,
    user_agent: UserAgent = None,
    timeout: Timeout = 20.0,
    max_bytes: MaxBytes = 5 * 1024 * 1024,
    per_host: PerHost = 2,
    delay: Delay = 1.0,
    max_pages: Annotated[
        int | None,
        typer.Option(
            "--max-pages",
            min=1,
            help="Pages a round downloads at most; the rest wait, oldest first, for the "
            "next rounds (default: all that are due).",
        ),
    ] = None,
    workers: Workers = 1,
    batch_size: BatchSize = 8,
    wait: Wait = WAIT_SECONDS,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
) -> None:
    """Follow RSS/Atom/RDF feeds and sitemaps: each round reads them (conditionally),
    downloads the new articles politely (robots.txt, per-host limits, back-off), analyses
    and stores them like `veille ingest`. Pages that fail stay pending and are retried on
    later rounds. Ctrl-C (or SIGTERM) ends after the articles in hand are stored; a
    second Ctrl-C aborts at once.

    Exit status: 0 the last round went well; 1 something failed (a feed, a page, a line
    of FEEDS_FILE: each is named on stderr and kept in the `errors` table); 2 bad usage
    (no feed in FEEDS_FILE, a bad --every); 75 the database is busy (with --once; a loop
    skips a round that finds it busy); 130 aborted.

    Example: veille watch feeds.txt --db veille.duckdb --every 15m
    """
    from veille.watch import parse_interval, read_feeds
    from veille.watch import watch as watch_rounds

    try:
        interval = parse_interval(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from None
    from veille.errors import InputError

    try:
        sources, bad_lines = read_feeds(feeds_file)
    except InputError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    for problem in bad_lines:
        err.print(f"error: {problem}", markup=False, highlight=False)
    if not sources:
        err.print(f"error: {feeds_file}: no feed to watch", markup=False)
        raise typer.Exit(2)
    options = _collect_options(workers, batch_size, wait, max_chars, max_pages)
    rounds = 0

    def on_round(report: RoundReport) -> None:
        nonlocal rounds
        rounds += 1
        _print_round(rounds, report)

    with _client(user_agent, timeout) as client, _stopping() as stop:
        fetcher = _fetcher(client, user_agent, timeout, max_bytes, per_host, delay, stop)
        mode = "one round" if once else f"a round every {every}"
        err.print(f"watching {len(sources)} feeds into {db}, {mode}", markup=False)
        last = watch_rounds(
            db, sources, fetcher, options, every=interval, once=once, on_round=on_round
        )
    if stop.is_set():
        err.print(f"stopped after {rounds} rounds", markup=False)
    if last is None:  # every round found the database busy
        err.print(f"error: {db}: busy (another process has it open) at every round", markup=False)
        raise typer.Exit(75)
    if bad_lines or not last.ok:
        raise typer.Exit(1)


@app.command("fetch")
def fetch_command(
    urls: Annotated[list[str], typer.Argument(help="Article URLs (http or https).")],
    db: Db = DEFAULT_DB,
    store: Annotated[
        bool, typer.Option("--store/--no-store", help="Store the articles (like ingest).")
    ] = False,
    format: Annotated[
        FetchFormat,
        typer.Option("--format", "-f", help="json: one Analysis a line; text: a summary."),
    ] = FetchFormat.json,
    user_agent: UserAgent = None,
    timeout: Timeout = 20.0,
    max_bytes: MaxBytes = 5 * 1024 * 1024,
    per_host: PerHost = 2,
    delay: Delay = 1.0,
    wait: Wait = WAIT_SECONDS,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
) -> None:
    """Download article URLs (politely, as `veille watch` does) and print their Analysis,
    one JSON line per URL (an {"error", "source"} line for one that fails); with
    --store, store them instead and print what became of each. A URL already stored is
    not downloaded again.

    Exit status: 0 every URL analysed (or stored); 1 some failed (each named on stderr,
    the others go on); 2 bad usage; 75 the database is busy.

    Example: veille fetch https://www.example.fr/monde/article.html --format text
    """
    with _client(user_agent, timeout) as client:
        fetcher = _fetcher(client, user_agent, timeout, max_bytes, per_host, delay, None)
        if store:
            options = _collect_options(1, 8, wait, max_chars)
            failed = _fetch_store(db, urls, fetcher, options)
        else:
            failed = _fetch_print(urls, fetcher, format, max_chars)
    if failed:
        raise typer.Exit(1)


def _fetch_print(urls: list[str], fetcher: Fetcher, format: FetchFormat, max_chars: int) -> int:
    from veille.model import Analysis, Document
    from veille.pipeline import Failure, analyze_many
    from veille.watch import fetch_documents

    found = list(fetch_documents(urls, fetcher, max_chars=max_chars))
    results = iter(analyze_many([d for d in found if isinstance(d, Document)], on_error="return"))
    failed = 0
    for item in found:
        result = next(results) if isinstance(item, Document) else item
        if isinstance(result, Failure):
            failed += 1
            err.print(f"error: {result}", markup=False, highlight=False)
            if format is FetchFormat.json:
                line = {"error": result.message, "source": result.source, "stage": result.stage}
                out.file.write(json.dumps(line, ensure_ascii=False) + "\n")
            continue
        assert isinstance(result, Analysis)
        for warning in result.warnings:
            err.print(f"warning: {result.article.source}: {warning}", markup=False)
        if format is FetchFormat.json:
            out.file.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            render_analysis(result)
    return failed


def _fetch_store(db: Path, urls: list[str], fetcher: Fetcher, options: CollectOptions) -> int:
    from veille.errors import InputError
    from veille.watch import canonical_url, fetch_and_store

    report, skipped = fetch_and_store(db, urls, fetcher, options)
    outcomes = {o.url: o for o in report.pages.outcomes}
    failed = 0
    for url in urls:
        try:
            key = canonical_url(url)
        except InputError:
            key = url
        if url in skipped or key in skipped:
            note = skipped.get(url) or skipped[key]
            failed += note.startswith("error")
            _say(f"{note}: {url}" if note.startswith("already") else f"error: {url}: {note[7:]}")
            continue
        outcome = outcomes.get(key)
        if outcome is None:
            failed += 1
            _say(f"error: {url}: not downloaded (interrupted)")
        elif outcome.status in ("stored", "duplicate"):
            what = "stored" if outcome.status == "stored" else "same article as"
            out.print(f"{what} {(outcome.document_id or '')[:12]}  {key}", highlight=False)
        else:
            failed += 1
            later = "retried by veille watch" if outcome.status == "pending" else "given up"
            _say(f"error: {url}: {outcome.error} ({later})")
    pages = report.pages
    already = sum(note.startswith("already") for note in skipped.values())
    out.print(
        f"run {report.run_id} into {db}: {pages.stored} stored, {pages.duplicates} duplicates, "
        f"{already} already stored; "
        f"{pages.events} events, {pages.quotes} quotes",
        highlight=False,
    )
    return failed


def _say(line: str) -> None:
    stream = err if line.startswith("error") else out
    stream.print(line, markup=False, highlight=False)


def _print_round(number: int, report: RoundReport) -> None:
    pages = report.pages
    when = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    out.print(
        f"round {number} (run {report.run_id}, {when}, {report.seconds:.1f} s): feeds "
        f"[bold]{report.feeds_ok}[/] ok, {report.feeds_not_modified} not modified, "
        f"[bold]{report.feeds_failed}[/] failed; [bold]{report.new_entries}[/] new entries; "
        f"pages [bold]{pages.stored}[/] stored, {pages.duplicates} duplicates, "
        f"{pages.retry_later} to retry, [bold]{pages.failed}[/] given up; "
        + (f"{report.deferred} left for the next rounds (--max-pages); " if report.deferred else "")
        + f"{report.pending} pending in all; {pages.events} events, {pages.quotes} quotes"
        + ("; interrupted" if pages.interrupted else ""),
        highlight=False,
    )
    for failure in report.feed_failures:
        err.print(f"error: feed {failure}", markup=False, highlight=False)
    status = {o.url: o.status for o in pages.outcomes}
    for failure in pages.failures:
        later = {"pending": " (retried later)", "failed": " (given up)"}.get(
            status.get(failure.source, ""), ""
        )
        err.print(f"error: {failure}{later}", markup=False, highlight=False)


def _collect_options(
    workers: int, batch_size: int, wait: float, max_chars: int, max_pages: int | None = None
) -> CollectOptions:
    from veille.watch import CollectOptions

    return CollectOptions(
        workers=workers, batch_size=batch_size, wait=wait, max_chars=max_chars, max_pages=max_pages
    )


@contextmanager
def _client(user_agent: str | None, timeout: float) -> Iterator[httpx.Client]:
    import httpx

    from veille.watch import DEFAULT_USER_AGENT

    headers = {"User-Agent": user_agent or DEFAULT_USER_AGENT}
    with httpx.Client(headers=headers, timeout=timeout, follow_redirects=False) as client:
        yield client


def _fetcher(
    client: httpx.Client,
    user_agent: str | None,
    timeout: float,
    max_bytes: int,
    per_host: int,
    delay: float,
    stop: threading.Event | None,
) -> Fetcher:
    from veille.watch import DEFAULT_USER_AGENT, Fetcher, FetchOptions

    options = FetchOptions(
        user_agent=user_agent or DEFAULT_USER_AGENT,
        timeout=timeout,
        max_bytes=max_bytes,
        per_host=per_host,
        delay=delay,
    )
    return Fetcher(client, options, stop=stop)


@contextmanager
def _stopping() -> Iterator[threading.Event]:
    """An event set by the first SIGINT or SIGTERM; the second one aborts
    (KeyboardInterrupt: the batch in hand is rolled back, status 130)."""
    stop = threading.Event()

    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after the articles in hand (Ctrl-C again to abort)", markup=False)

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
