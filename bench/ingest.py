"""Benchmarks of the corpus store (run by ``bench/run.py``; never in CI).

- ``ingest``: ``ingest()`` into a new DuckDB file against the bare analysis of the same
  documents by the same worker pool, nothing stored; the target is a ratio of 0.8 or
  more (storage must not be the bottleneck).
- ``memory``: ``veille ingest`` of a synthetic corpus (the bundled articles resampled,
  10,000 by default) in a subprocess, its resident memory sampled every half second;
  the target is a main process that stays under 2 GB.
- ``readers``: while ``veille ingest`` writes, another process opens the store read-only
  every 0.1 s; how many opens succeed, and how long a reader retrying waits.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "fr-wikinews.jsonl"


def synthetic_corpus(path: Path, articles: int, seed: int = 0) -> Path:
    """``articles`` records drawn at random from the bundled corpus, each with its own id
    (so each is a new document to the store: its id hashes the record line)."""
    with CORPUS.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            record = dict(rng.choice(records))
            record["id"] = f"synthetic-{number}-{record['id']}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def ingest_throughput(articles: int, workers: int) -> dict[str, float]:
    """Documents/s of ``ingest()`` and of the bare analysis, both from a cold pool."""
    from veille.model import Document
    from veille.read import read_paths
    from veille.store import IngestOptions, ingest
    from veille.store.run import BATCH_SIZE
    from veille.store.workers import analyse_batches

    with tempfile.TemporaryDirectory() as tmp:
        corpus = synthetic_corpus(Path(tmp) / "corpus.jsonl", articles)
        documents = [d for d in read_paths([str(corpus)]) if isinstance(d, Document)]
        batches = [documents[i : i + BATCH_SIZE] for i in range(0, len(documents), BATCH_SIZE)]
        started = time.perf_counter()
        analysed = sum(
            len(r) for _, r in analyse_batches(((None, b) for b in batches), workers=workers)
        )
        bare = time.perf_counter() - started
        db = Path(tmp) / "veille.duckdb"
        report = ingest([str(corpus)], db, IngestOptions(workers=workers))
        size = db.stat().st_size
    return {
        "articles": analysed,
        "bare seconds": bare,
        "bare docs/s": analysed / bare,
        "ingest seconds": report.seconds,
        "ingest docs/s": report.stored / report.seconds,
        "ratio": (report.stored / report.seconds) / (analysed / bare),
        "write seconds": report.write_seconds,
        "database MB": size / 2**20,
    }


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(p) for p in found]


def ingest_memory(articles: int, workers: int) -> dict[str, object]:
    """Peak and sampled resident memory of a ``veille ingest`` subprocess (Linux /proc)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = synthetic_corpus(Path(tmp) / "corpus.jsonl", articles)
        db = Path(tmp) / "veille.duckdb"
        command = [sys.executable, "-m", "veille", "ingest", str(corpus), "--db", str(db)]
        command += ["--workers", str(workers), "--top", "0"]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        samples: list[tuple[float, float, float]] = []
        while process.poll() is None:
            main = _rss_mb(process.pid)
            pool = sum(_rss_mb(child) for child in _children(process.pid))
            samples.append((time.perf_counter() - started, main, pool))
            time.sleep(0.5)
        seconds = time.perf_counter() - started
        summary = process.stdout.read().decode() if process.stdout else ""
        size = db.stat().st_size if db.exists() else 0
    tenth = max(1, len(samples) // 10)
    return {
        "articles": articles,
        "seconds": seconds,
        "docs/s": articles / seconds,
        "exit status": process.returncode,
        "peak main MB": max((m for _, m, _ in samples), default=0.0),
        "peak workers MB": max((w for _, _, w in samples), default=0.0),
        "main MB over time": [round(m) for _, m, _ in samples[::tenth]],
        "database MB": size / 2**20,
        "summary": summary.strip().splitlines()[0] if summary.strip() else "",
    }


def concurrent_readers(articles: int, workers: int) -> dict[str, object]:
    """While an ingest writes, a reader opens the store read-only every 0.1 s."""
    from veille.errors import StoreBusy
    from veille.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = synthetic_corpus(Path(tmp) / "corpus.jsonl", articles)
        db = Path(tmp) / "veille.duckdb"
        command = [sys.executable, "-m", "veille", "ingest", str(corpus), "--db", str(db)]
        command += ["--workers", str(workers), "--top", "0"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        opened = busy = 0
        waits: list[float] = []
        while not db.exists() and process.poll() is None:
            time.sleep(0.05)
        while process.poll() is None:
            try:
                with open_store(db, read_only=True) as con:
                    con.execute("SELECT count(*) FROM events").fetchone()
                opened += 1
            except StoreBusy:
                busy += 1
                started = time.perf_counter()
                try:
                    open_store(db, read_only=True, wait=30).close()
                    waits.append(time.perf_counter() - started)
                except StoreBusy:
                    waits.append(float("inf"))
            time.sleep(0.1)
    return {
        "attempts": opened + busy,
        "opened at once": opened,
        "busy": busy,
        "longest wait of a retrying reader (s)": max(waits, default=0.0),
        "ingest exit status": process.returncode,
    }
