"""The watch's state in the store: the feeds (``feeds``) and the articles they listed
(``watch_entries``), read and written over a connection the caller opened.

An entry is recorded before its page is downloaded, so a crash loses nothing: the next
round finds it pending. Entries are keyed by canonical URL (one row per article, however
many feeds list it); stored ones point at their document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pyarrow as pa

from veille.store.rows import registered

PENDING = "pending"
STORED = "stored"
DUPLICATE = "duplicate"  # same content as a stored document (``document_id``)
FAILED = "failed"  # given up: see ``last_error``


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedState:
    """What the last round learnt of a feed: validators for a conditional request, and
    the sitemaps an index listed."""

    etag: str | None = None
    last_modified: str | None = None
    children: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedRecord:
    """A feed's row after a round."""

    url: str
    name: str | None
    language: str | None
    parent: str | None
    kind: str | None
    etag: str | None
    last_modified: str | None
    status: str  # ok | not-modified | failed
    error: str | None
    new_entries: int


@dataclass(frozen=True, slots=True, kw_only=True)
class NewEntry:
    url: str  # canonical
    link: str
    feed: str | None
    title: str | None
    published: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DueEntry:
    """A pending article to download now."""

    url: str
    link: str
    published: str | None
    attempts: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What became of an entry this round."""

    url: str
    status: str
    attempts: int
    error: str | None = None
    next_attempt_at: datetime | None = None
    document_id: str | None = None
    content_hash: str | None = None


def feed_states(con: duckdb.DuckDBPyConnection) -> dict[str, FeedState]:
    rows = con.execute("SELECT url, etag, last_modified, parent FROM feeds").fetchall()
    children: dict[str, list[str]] = {}
    for url, _, _, parent in rows:
        if parent:
            children.setdefault(parent, []).append(url)
    return {
        url: FeedState(etag=etag, last_modified=modified, children=tuple(children.get(url, ())))
        for url, etag, modified, _ in rows
    }


def save_feeds(
    con: duckdb.DuckDBPyConnection, records: Sequence[FeedRecord], now: datetime
) -> None:
    """Each feed's row updated (validators kept when the feed failed), or added."""
    for r in records:
        found = con.execute("SELECT count(*) FROM feeds WHERE url = ?", [r.url]).fetchone()
        if found and found[0]:
            con.execute(
                "UPDATE feeds SET name = coalesce(?, name), language = coalesce(?, language), "
                "parent = ?, kind = coalesce(?, kind), etag = CASE WHEN ? = 'ok' THEN ? "
                "ELSE etag END, last_modified = CASE WHEN ? = 'ok' THEN ? ELSE last_modified "
                "END, last_fetched = ?, last_status = ?, last_error = ?, "
                "entries = entries + ? WHERE url = ?",
                [
                    r.name,
                    r.language,
                    r.parent,
                    r.kind,
                    r.status,
                    r.etag,
                    r.status,
                    r.last_modified,
                    now,
                    r.status,
                    r.error,
                    r.new_entries,
                    r.url,
                ],
            )
        else:
            ok = r.status == "ok"
            con.execute(
                "INSERT INTO feeds (url, name, language, parent, kind, etag, last_modified, "
                "last_fetched, last_status, last_error, entries, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    r.url,
                    r.name,
                    r.language,
                    r.parent,
                    r.kind,
                    r.etag if ok else None,
                    r.last_modified if ok else None,
                    now,
                    r.status,
                    r.error,
                    r.new_entries,
                    now,
                ],
            )


def add_entries(
    con: duckdb.DuckDBPyConnection, entries: Sequence[NewEntry], run_id: int, now: datetime
) -> list[NewEntry]:
    """Record the entries whose canonical URL is new to the store; return those."""
    first: dict[str, NewEntry] = {}
    for entry in entries:
        first.setdefault(entry.url, entry)  # the first feed that lists it names it
    unique = list(first.values())
    if not unique:
        return []
    table = pa.table(
        {
            "url": [e.url for e in unique],
            "link": [e.link for e in unique],
            "feed": pa.array([e.feed for e in unique], pa.string()),
            "title": pa.array([e.title for e in unique], pa.string()),
            "published": pa.array([e.published for e in unique], pa.string()),
        }
    )
    with registered(con, "found_entries", table):
        known = {
            row[0]
            for row in con.execute(
                "SELECT url FROM watch_entries WHERE url IN (SELECT url FROM found_entries)"
            ).fetchall()
        }
        con.execute(
            "INSERT INTO watch_entries (url, link, feed, title, published, status, attempts, "
            "found_at, updated_at, run_id) "
            "SELECT url, link, feed, title, published, ?, 0, ?, ?, ? FROM found_entries f "
            "WHERE NOT EXISTS (SELECT 1 FROM watch_entries w WHERE w.url = f.url)",
            [PENDING, now, now, run_id],
        )
    return [e for e in unique if e.url not in known]


def settle_known(con: duckdb.DuckDBPyConnection, now: datetime) -> int:
    """Pending entries whose URL the store already holds as a document's source (stored
    by a run that crashed before it could say so, or by ``veille ingest``) are stored."""
    before = _count(con, PENDING)
    con.execute(
        "UPDATE watch_entries w SET status = ?, document_id = d.id, updated_at = ? "
        "FROM (SELECT source, min(id) AS id FROM documents GROUP BY source) d "
        "WHERE w.status = ? AND d.source = w.url",
        [STORED, now, PENDING],
    )
    return before - _count(con, PENDING)


def due_entries(
    con: duckdb.DuckDBPyConnection, now: datetime, urls: Sequence[str] | None = None
) -> list[DueEntry]:
    """Pending entries whose back-off has passed (or, given ``urls``, those entries
    whatever their back-off), oldest first."""
    if urls is not None:
        with registered(con, "asked_urls", pa.table({"url": list(urls)})):
            rows = con.execute(
                "SELECT url, link, published, attempts FROM watch_entries "
                "WHERE status = ? AND url IN (SELECT url FROM asked_urls) ORDER BY found_at, url",
                [PENDING],
            ).fetchall()
    else:
        rows = con.execute(
            "SELECT url, link, published, attempts FROM watch_entries WHERE status = ? "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY found_at, url",
            [PENDING, now],
        ).fetchall()
    return [DueEntry(url=u, link=ln, published=p, attempts=a) for u, ln, p, a in rows]


def entry_status(con: duckdb.DuckDBPyConnection, url: str) -> tuple[str, str | None] | None:
    row = con.execute(
        "SELECT status, document_id FROM watch_entries WHERE url = ?", [url]
    ).fetchone()
    return (row[0], row[1]) if row else None


def stored_hashes(con: duckdb.DuckDBPyConnection, hashes: Sequence[str]) -> dict[str, str]:
    """Which of ``hashes`` (article texts) a stored entry has: hash → its document id."""
    if not hashes:
        return {}
    with registered(con, "page_hashes", pa.table({"h": list(hashes)})):
        rows = con.execute(
            "SELECT content_hash, min(document_id) FROM watch_entries WHERE status = ? "
            "AND content_hash IN (SELECT h FROM page_hashes) GROUP BY content_hash",
            [STORED],
        ).fetchall()
    return {h: d for h, d in rows}


def record_outcomes(
    con: duckdb.DuckDBPyConnection, outcomes: Sequence[Outcome], now: datetime
) -> None:
    if not outcomes:
        return
    table = pa.table(
        {
            "url": [o.url for o in outcomes],
            "status": [o.status for o in outcomes],
            "attempts": pa.array([o.attempts for o in outcomes], pa.int32()),
            "last_error": pa.array([o.error for o in outcomes], pa.string()),
            "next_attempt_at": pa.array([o.next_attempt_at for o in outcomes], pa.timestamp("us")),
            "document_id": pa.array([o.document_id for o in outcomes], pa.string()),
            "content_hash": pa.array([o.content_hash for o in outcomes], pa.string()),
        }
    )
    with registered(con, "entry_outcomes", table):
        con.execute(
            "UPDATE watch_entries w SET status = o.status, attempts = o.attempts, "
            "last_error = o.last_error, next_attempt_at = o.next_attempt_at, "
            "document_id = coalesce(o.document_id, w.document_id), "
            "content_hash = coalesce(o.content_hash, w.content_hash), updated_at = ? "
            "FROM entry_outcomes o WHERE w.url = o.url",
            [now],
        )


def pending_count(con: duckdb.DuckDBPyConnection) -> int:
    return _count(con, PENDING)


def _count(con: duckdb.DuckDBPyConnection, status: str) -> int:
    row = con.execute("SELECT count(*) FROM watch_entries WHERE status = ?", [status]).fetchone()
    return int(row[0]) if row else 0
