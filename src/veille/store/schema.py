"""The store's schema as numbered, append-only migrations, and :func:`open_store`.

A migration is never edited once released: a change to the schema is a new migration at
the end of :data:`MIGRATIONS` (``tests/test_store_schema.py`` pins both the migrations'
text and the schema they produce). Opening a store for writing applies the pending ones,
each in its own transaction, and records it in ``schema_migrations``.

No table has a primary key or index: DuckDB keeps ART indexes in memory and rewrites them
at each checkpoint (measured here: per-batch commits slowed from 50 to 200 ms over 400
batches with a key on ``documents.id``). The writer keeps ids unique itself, inside each
batch's transaction (:mod:`veille.store.write`).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import metadata
from pathlib import Path

import duckdb

from veille.errors import StoreBusy, StoreError

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


_INITIAL = """
CREATE TABLE runs (
    id INTEGER NOT NULL,
    command VARCHAR NOT NULL,          -- ingest | reanalyse
    veille_version VARCHAR NOT NULL,
    model VARCHAR NOT NULL,            -- spaCy model name and version
    spacy_version VARCHAR NOT NULL,
    inputs VARCHAR[] NOT NULL,
    workers INTEGER NOT NULL,
    batch_size INTEGER NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,             -- NULL: still running, or killed
    status VARCHAR NOT NULL,           -- running | done | interrupted
    documents_read INTEGER NOT NULL DEFAULT 0,
    stored INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    reanalysed INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    archive_records_skipped INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
    id VARCHAR NOT NULL,               -- sha256 of the raw input, hex
    source VARCHAR NOT NULL,           -- path, path:line, or URL
    format VARCHAR NOT NULL,           -- text | html | record
    external_id VARCHAR,
    title VARCHAR,
    published VARCHAR,
    text VARCHAR NOT NULL,
    lead VARCHAR,
    captions VARCHAR[] NOT NULL,
    extras VARCHAR[] NOT NULL,
    raw BLOB,                          -- file bytes, JSON record line, or HTTP payload
    run_id INTEGER NOT NULL,
    stored_at TIMESTAMP NOT NULL
);

CREATE TABLE articles (
    id VARCHAR NOT NULL,               -- = documents.id
    source VARCHAR NOT NULL,
    external_id VARCHAR,
    title VARCHAR,
    published VARCHAR,                 -- YYYY, YYYY-MM or YYYY-MM-DD
    language VARCHAR,
    text VARCHAR NOT NULL,
    tone_score DOUBLE,
    tone_positive DOUBLE,
    tone_negative DOUBLE,
    warnings VARCHAR[] NOT NULL,
    schema VARCHAR NOT NULL,           -- veille.analysis/1
    run_id INTEGER NOT NULL,
    analysed_at TIMESTAMP NOT NULL
);

CREATE TABLE blocks (
    article_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    role VARCHAR NOT NULL,             -- title | byline | caption | body
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

CREATE TABLE removed_blocks (
    article_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    role VARCHAR NOT NULL,             -- credit | related | boilerplate
    text VARCHAR NOT NULL
);

CREATE TABLE entities (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,               -- unique within the article (e1, e2, ...)
    seq INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,             -- PER | ORG | LOC | GPE | MISC
    country VARCHAR,
    sector VARCHAR,
    actor_code VARCHAR,
    roles VARCHAR[] NOT NULL,
    lat DOUBLE,                        -- geo of places; NULL otherwise
    lon DOUBLE,
    geo_country VARCHAR,
    geonames_id BIGINT
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

CREATE TABLE quotes (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    kind VARCHAR NOT NULL,             -- direct | indirect | mixed
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker VARCHAR,                   -- entities.id of the same article
    addressee VARCHAR,
    verb VARCHAR,
    medium VARCHAR
);

CREATE TABLE timex (
    article_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value VARCHAR NOT NULL,
    precision VARCHAR NOT NULL
);

CREATE TABLE events (
    id VARCHAR NOT NULL,               -- article id ':' event id: unique in the store
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,         -- unique within the article (v1, v2, ...)
    seq INTEGER NOT NULL,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover VARCHAR,
    source VARCHAR,                    -- entities.id of the same article
    target VARCHAR,
    source_actor VARCHAR,
    target_actor VARCHAR,
    source_country VARCHAR,
    target_country VARCHAR,
    negated BOOLEAN NOT NULL,
    date VARCHAR,
    precision VARCHAR,
    date_from VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    trigger VARCHAR NOT NULL,
    sentence VARCHAR NOT NULL,
    start INTEGER NOT NULL,            -- offsets of the sentence in articles.text
    "end" INTEGER NOT NULL,
    block_role VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL
);

CREATE TABLE errors (
    source VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,            -- read | clean | entities | quotes | ...
    message VARCHAR NOT NULL,
    document_id VARCHAR,               -- NULL when the input could not be read
    first_run INTEGER NOT NULL,
    last_run INTEGER NOT NULL
);
"""

_CLUSTERS = """
ALTER TABLE events ADD COLUMN location_geonames_id BIGINT;
ALTER TABLE events ADD COLUMN source_name VARCHAR;  -- the entities' names, for queries
ALTER TABLE events ADD COLUMN target_name VARCHAR;
ALTER TABLE events ADD COLUMN cluster_id BIGINT;    -- event_clusters.id: the event it tells
ALTER TABLE events ADD COLUMN outlet VARCHAR;       -- the article's site, when its source is a URL

CREATE TABLE event_clusters (          -- one real event, told by one or more records
    id BIGINT NOT NULL,
    root VARCHAR NOT NULL,
    cameo VARCHAR NOT NULL,            -- the most specific code its records give
    source_country VARCHAR,
    target_country VARCHAR,
    first_day DATE,                    -- the days the event lies in, narrowed by its records
    last_day DATE,
    place VARCHAR,
    place_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    lead_event VARCHAR NOT NULL,       -- events.id of the record carrying its code
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    added_at TIMESTAMP NOT NULL,       -- when the first record of it was stored
    run_id INTEGER NOT NULL
);

-- Each record (an article's sentence) that tells an event, as GDELT's Mentions table.
CREATE VIEW event_mentions AS
SELECT v.cluster_id, v.id AS event, v.article_id, v.sentence, v.start, v."end", v.trigger,
       v.outlet, d.stored_at AS added_at
FROM events v
JOIN documents d ON d.id = v.article_id
WHERE v.cluster_id IS NOT NULL;
"""

_WATCH = """
CREATE TABLE feeds (                   -- a feed or sitemap followed by `veille watch`
    url VARCHAR NOT NULL,              -- as the feeds file gives it (or a child sitemap's)
    name VARCHAR,
    language VARCHAR,                  -- ISO 639-1, as the feeds file declares it
    parent VARCHAR,                    -- feeds.url of the sitemap index that lists it
    kind VARCHAR,                      -- rss | atom | rdf | sitemap | sitemapindex (last seen)
    etag VARCHAR,                      -- sent back as If-None-Match
    last_modified VARCHAR,             -- sent back as If-Modified-Since
    last_fetched TIMESTAMP,
    last_status VARCHAR,               -- ok | not-modified | failed
    last_error VARCHAR,
    entries INTEGER NOT NULL DEFAULT 0, -- articles first found through it
    added_at TIMESTAMP NOT NULL
);

CREATE TABLE watch_entries (           -- one article found by `veille watch` or `veille fetch`
    url VARCHAR NOT NULL,              -- canonical URL: unique; documents.source once stored
    link VARCHAR NOT NULL,             -- the URL downloaded (tracking parameters removed)
    feed VARCHAR,                      -- feeds.url where first found; NULL from `veille fetch`
    title VARCHAR,                     -- the entry's own title and date
    published VARCHAR,
    status VARCHAR NOT NULL,           -- pending | stored | duplicate | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error VARCHAR,
    next_attempt_at TIMESTAMP,         -- pending: not downloaded again before
    document_id VARCHAR,               -- documents.id once stored (or the one it duplicates)
    content_hash VARCHAR,              -- sha256 of the extracted text
    found_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    run_id INTEGER NOT NULL            -- the run that found it
);
"""

# Append only. Never edit or reorder a released migration.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _INITIAL),
    Migration(2, "event clusters and mentions; event place geonames id", _CLUSTERS),
    Migration(3, "watched feeds and their entries", _WATCH),
)

SCHEMA_VERSION = MIGRATIONS[-1].version

_BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""

# Documents per ingest batch: the unit the ingest reads, hands to its workers (in chunks)
# and accounts for. Batches analysed within COMMIT_SECONDS of the last commit are held and
# committed together, in one transaction. (Here, not in ingest.py, so that the command
# line reads it without importing the pipeline.)
BATCH_SIZE = 32
# Bundled corpus, the writer's CPU with the analysis taken out (301 articles, batches of
# 32): 3.1-3.3 s committing each batch, 1.6-1.7 s committing three batches at a time. On 2
# cores that CPU is taken from the workers. A commit every few seconds keeps that cost
# down whatever the machine's speed, bounds what a kill loses to the last seconds of
# analysis, and lets readers in between.
COMMIT_SECONDS = 3.0
# A reader (notebook, web server) may hold the file when a batch is ready; how long the
# writer waits for it before giving up with "database is busy".
WAIT_SECONDS = 60.0

# How long to sleep between two attempts to open a file another process holds.
_RETRY_SECONDS = 0.05


def open_store(
    path: str | Path, *, read_only: bool = False, wait: float = 0.0, threads: int | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the store at ``path``; for writing, create it or apply pending migrations.

    DuckDB lets one process write a file, or several read it, never both: while another
    process holds it, retry for ``wait`` seconds, then raise :class:`StoreBusy`.
    ``threads`` bounds DuckDB's threads (default: one per core).
    """
    name = str(path)
    if read_only and not Path(name).exists():
        raise StoreError(f"{name}: no such database (create it with `veille ingest`)")
    config: dict[str, str | bool | int | float | list[str]] = dict(CONNECTION_CONFIG)
    if threads is not None:
        config["threads"] = threads
    deadline = time.monotonic() + wait
    while True:
        try:
            con = duckdb.connect(name, read_only=read_only, config=config)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise StoreError(f"{name}: cannot open the database ({_first_line(exc)})") from None
            if time.monotonic() >= deadline:
                raise StoreBusy(name) from None
            time.sleep(_RETRY_SECONDS)
        except duckdb.Error as exc:
            raise StoreError(f"{name}: not a DuckDB database ({_first_line(exc)})") from None
    try:
        if read_only:
            _check_version(con, name)
        else:
            migrate(con, name)
    except BaseException:
        con.close()
        raise
    return con


def describe(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The schema as lines ``table.column TYPE [NOT NULL] [DEFAULT …]``, in table order."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type, is_nullable, column_default "
        "FROM information_schema.columns WHERE table_schema = 'main' "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    lines = []
    for table, column, kind, nullable, default in rows:
        line = f"{table}.{column} {kind}"
        line += "" if nullable == "YES" else " NOT NULL"
        line += f" DEFAULT {default}" if default is not None else ""
        lines.append(line)
    return lines


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The last migration applied to the store (0 for an empty database)."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(
    con: duckdb.DuckDBPyConnection,
    name: str = "store",
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> int:
    """Apply the pending migrations, each in one transaction; return the schema version."""
    current = _check_version(con, name)
    if current == 0:
        _require_empty(con, name)
    for migration in migrations:
        if migration.version <= current:
            continue
        LOGGER.info("%s: migration %d (%s)", name, migration.version, migration.name)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_BOOTSTRAP)
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [migration.version, migration.name, datetime.now(UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        current = migration.version
    return current


# DuckDB checks an extension's signature at every LOAD: 45-100 ms for fts's 24 MB file, paid
# by every request of `veille serve`, which opens the store anew each time (so an ingest can
# write in between). veille instead checks the file once per process against the SHA-256
# that pip recorded when it installed the wheel (:func:`_verified`), and lets DuckDB skip
# its own check (0.7 ms a load). No other extension can be loaded this way: veille never
# runs SQL it did not write (filters are bound parameters).
CONNECTION_CONFIG = (("allow_unsigned_extensions", "true"),)


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Load a DuckDB extension shipped by a ``duckdb-ext-<name>`` package, with no download.

    ``INSTALL`` fetches extensions from the network, which veille never needs at run time;
    ``duckdb-ext-fts`` (a pinned dependency) carries ``fts`` for this DuckDB version.
    """
    con.execute(f"LOAD '{_verified(name)}'")


@cache
def _verified(name: str) -> Path:
    """The extension file of ``duckdb-ext-<name>`` for this DuckDB, once its SHA-256 matches
    the wheel's RECORD (what pip checked at install)."""
    version = duckdb.__version__
    package = f"duckdb-ext-{name}"
    try:
        files = metadata.files(package) or []
    except metadata.PackageNotFoundError:
        files = []
    suffix = f"/{name}.duckdb_extension"
    found = [f for f in files if str(f).startswith(f"duckdb_ext/extensions/v{version}/")]
    found = [f for f in found if str(f).endswith(suffix)]
    if not found:
        raise StoreError(
            f"DuckDB extension {name!r} for DuckDB {version} is not installed "
            f"(pip install {package} at the matching version)"
        )
    entry = found[0]
    path = Path(str(entry.locate()))
    if entry.hash is None or entry.hash.mode != "sha256":
        raise StoreError(f"{path}: no SHA-256 in the {package} wheel's record; reinstall it")
    digest = hashlib.sha256(path.read_bytes()).digest()
    if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != entry.hash.value:
        raise StoreError(f"{path}: differs from the file {package} installed; reinstall it")
    return path


def _check_version(con: duckdb.DuckDBPyConnection, name: str) -> int:
    version = schema_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{name}: made by a newer veille (schema {version}, this veille knows up to "
            f"{SCHEMA_VERSION}); upgrade veille"
        )
    return version


def _require_empty(con: duckdb.DuckDBPyConnection, name: str) -> None:
    found = con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()
    if found and found[0]:
        raise StoreError(f"{name}: a DuckDB database with other tables, not a veille store")


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
