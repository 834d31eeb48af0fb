"""Full-text search over the stored articles, with DuckDB's ``fts`` extension.

The extension comes from the ``duckdb-ext-fts`` package (pinned beside ``duckdb``), whose
wheel carries the compiled extension: veille loads that file
(:func:`veille.store.schema.load_extension`), so nothing is downloaded. The index (BM25
over titles and texts, French stemmer, accents folded) is rebuilt at the end of each
ingest that changed articles; a search on a store with no index says so.
"""

from __future__ import annotations

import re

import duckdb

from veille.errors import QueryError, StoreError
from veille.store.queries import Result
from veille.store.schema import load_extension

INDEX_SCHEMA = "fts_main_articles"
SNIPPET_CHARS = 160


def build_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the article index; call it in a writer connection."""
    load_extension(con, "fts")
    con.execute(
        "PRAGMA create_fts_index('articles', 'id', 'title', 'text', stemmer = 'french', "
        "stopwords = 'none', ignore = '(\\.|[^a-z0-9àâäçéèêëîïôöùûüÿœæ])+', "
        "strip_accents = 1, lower = 1, overwrite = 1)"
    )


def has_index(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ?", [INDEX_SCHEMA]
    ).fetchone()
    return bool(row and row[0])


def search(con: duckdb.DuckDBPyConnection, text: str, *, limit: int = 20) -> Result:
    """Articles matching ``text`` by BM25, best first, with a snippet around the first
    word found."""
    if not text.strip():
        raise QueryError("search: give some words to look for")
    if not has_index(con):
        raise StoreError("the store has no search index yet: run `veille ingest` to build it")
    load_extension(con, "fts")
    rows = con.execute(
        f"""
        SELECT * FROM (
            SELECT id, published, title, text, {INDEX_SCHEMA}.match_bm25(id, ?) AS score
            FROM articles
        ) WHERE score IS NOT NULL
        ORDER BY score DESC, published DESC NULLS LAST
        LIMIT ?
        """,
        [text, limit],
    ).fetchall()
    found = [
        (article, published, title, _snippet(body, text), round(float(score), 3))
        for article, published, title, body, score in rows
    ]
    return Result(("article_id", "published", "title", "snippet", "score"), found)


def _snippet(body: str, query: str) -> str:
    words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 2]
    lowered = body.lower()
    hits = [lowered.find(w[: max(4, len(w) - 2)]) for w in words]
    at = min((h for h in hits if h >= 0), default=0)
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = " ".join(body[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(body) else "")
