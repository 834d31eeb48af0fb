"""A real uvicorn server on 127.0.0.1 and a free port, in a thread, for the API and
browser tests; and a small store to serve."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REFERENCE, WIKINEWS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(app) -> Iterator[str]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def small_store(folder: Path, articles: int = 12) -> Path:
    """The reference article and some Wikinews articles about Russia or China, ingested."""
    from veille.store import IngestOptions, ingest

    with WIKINEWS.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    chosen = [r for r in records if any(w in r["text"] for w in ("Russie", "Chine"))][:articles]
    (folder / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in chosen) + "\n", encoding="utf-8"
    )
    shutil.copy(REFERENCE, folder / REFERENCE.name)
    path = folder / "veille.duckdb"
    inputs = [str(folder / "news.jsonl"), str(folder / REFERENCE.name)]
    ingest(inputs, path, IngestOptions(workers=1))
    return path
