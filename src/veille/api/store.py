"""The server's access to the DuckDB file: short read-only connections per request, and
one writer at a time for ``?store=true``.

The server never holds the file between requests, so ``veille ingest`` can write
between two of them (DuckDB allows one writing process or many readers). Inside the
server, DuckDB refuses a read-only and a read-write connection to the same file at
once, so readers share and a writer excludes them (a readers-writer lock).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from veille.store import open_store

# Seconds a request waits for an ingest to release the file before answering 503.
READ_WAIT = 10.0


class ReadWriteLock:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer and not self._readers)
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class Store:
    """The store file the server answers from."""

    def __init__(self, path: str | Path, wait: float = READ_WAIT) -> None:
        self.path = Path(path)
        self.wait = wait
        self.lock = ReadWriteLock()

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.lock.reading(), open_store(self.path, read_only=True, wait=self.wait) as con:
            yield con

    @contextmanager
    def write(self) -> Iterator[Path]:
        """Exclusive use of the file inside this server (the writer opens it itself)."""
        with self.lock.writing():
            yield self.path
