"""The store's schema (pinned), its migrations (append only), and opening a store that is
not ours, too new, or held by another process (real DuckDB files, real processes)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import time

import duckdb
import pytest

from veille.errors import StoreBusy, StoreError
from veille.store.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    describe,
    load_extension,
    migrate,
    open_store,
)

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def pinned(name):
    lines = (GOLDEN / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_schema_is_pinned(tmp_path):
    with open_store(tmp_path / "veille.duckdb") as con:
        assert describe(con) == pinned("store_schema.txt"), (
            "the store schema changed: add a migration, then update tests/golden/store_schema.txt"
        )


def test_released_migrations_never_change():
    found = [
        f"{m.version}\t{m.name}\t{hashlib.sha256(m.sql.encode()).hexdigest()}" for m in MIGRATIONS
    ]
    released = pinned("store_migrations.txt")
    assert found[: len(released)] == released, "a released migration was edited: add a new one"
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


@pytest.mark.parametrize("applied", range(len(MIGRATIONS)))
def test_opening_an_older_store_migrates_it(tmp_path, applied):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        migrate(con, "old", MIGRATIONS[:applied])
    with open_store(path) as con:
        assert describe(con) == pinned("store_schema.txt")
        versions = con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
        assert [v for (v,) in versions] == [m.version for m in MIGRATIONS]


def test_reopening_applies_nothing(tmp_path):
    path = tmp_path / "veille.duckdb"
    open_store(path).close()
    with open_store(path) as con:
        assert con.execute("SELECT count(*) FROM schema_migrations").fetchone() == (
            len(MIGRATIONS),
        )


def test_a_store_from_a_newer_veille_is_refused(tmp_path):
    path = tmp_path / "veille.duckdb"
    with open_store(path) as con:
        con.execute("INSERT INTO schema_migrations VALUES (?, 'future', now()::TIMESTAMP)", [99])
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer veille"):
            open_store(path, read_only=read_only)


def test_other_files_are_refused(tmp_path):
    foreign = tmp_path / "other.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE sales (id INTEGER)")
    with pytest.raises(StoreError, match="not a veille store"):
        open_store(foreign)
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n" * 100)
    with pytest.raises(StoreError, match=str(text)):
        open_store(text)
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


class Holder:
    """Another process holding the store open (for writing, or read-only) until closed."""

    def __init__(self, path, read_only):
        code = (
            "import duckdb, sys; "
            f"con = duckdb.connect({str(path)!r}, read_only={read_only}); "
            "print('open', flush=True); sys.stdin.read()"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "open"

    def close(self):
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "veille.duckdb"
    open_store(path).close()
    return path


def test_while_a_process_writes_nobody_else_opens_the_file(store):
    holder = Holder(store, read_only=False)
    try:
        for read_only in (False, True):
            started = time.monotonic()
            with pytest.raises(StoreBusy) as caught:
                open_store(store, read_only=read_only, wait=0.3)
            assert time.monotonic() - started >= 0.3
            assert str(caught.value) == (
                f"database {store} is busy (another process has it open); retry when it finishes"
            )
    finally:
        holder.close()


def test_readers_share_the_file_and_the_writer_waits_for_them(store):
    holder = Holder(store, read_only=True)
    try:
        with open_store(store, read_only=True) as con:
            assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
        with pytest.raises(StoreBusy):
            open_store(store, wait=0.2)
        release = threading.Timer(0.5, holder.close)
        release.start()
        started = time.monotonic()
        with open_store(store, wait=30) as con:
            assert time.monotonic() - started >= 0.4
            assert con.execute("SELECT max(version) FROM schema_migrations").fetchone() == (
                SCHEMA_VERSION,
            )
        release.join()
    finally:
        if holder.process.poll() is None:
            holder.close()


def test_cli_says_busy_in_one_line_and_exits_75(store, tmp_path):
    page = tmp_path / "article.txt"
    page.write_text("Le ministre a parlé à Paris.", encoding="utf-8")
    command = [sys.executable, "-m", "veille", "ingest", str(page), "--db", str(store)]
    holder = Holder(store, read_only=False)
    try:
        result = subprocess.run(
            [*command, "--wait", "0.2"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        holder.close()
    assert result.returncode == 75
    assert result.stderr.strip() == (
        f"error: database {store} is busy (another process has it open); retry when it finishes"
    )


def test_full_text_search_loads_without_a_download():
    with duckdb.connect() as con:
        load_extension(con, "fts")
        con.execute("CREATE TABLE t AS SELECT 1 AS id, 'les sanctions occidentales' AS body")
        con.execute("PRAGMA create_fts_index('t', 'id', 'body', stemmer = 'french')")
        found = con.execute(
            "SELECT id FROM (SELECT id, fts_main_t.match_bm25(id, 'sanction') AS score FROM t) "
            "WHERE score IS NOT NULL"
        ).fetchall()
    assert found == [(1,)]


def test_extensions_come_checked_from_their_wheel():
    from veille.errors import StoreError
    from veille.store.schema import _verified

    path = _verified("fts")
    assert path.name == "fts.duckdb_extension"
    assert path.is_file()
    with pytest.raises(StoreError, match="duckdb-ext-spatial"):
        _verified("spatial")
