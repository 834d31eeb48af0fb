"""The corpus store: one DuckDB file holding every document given to veille, its
analysis, the errors and the runs.

>>> from veille.store import ingest, open_store
>>> report = ingest(["corpus/"], "veille.duckdb")          # doctest: +SKIP
>>> con = open_store("veille.duckdb", read_only=True)      # doctest: +SKIP
>>> con.sql("SELECT cameo, count(*) FROM events GROUP BY ALL").fetchall()  # doctest: +SKIP
"""

from __future__ import annotations

from veille.store.ingest import IngestOptions, Report, ingest
from veille.store.overview import Overview, overview
from veille.store.rows import load_analysis, load_documents
from veille.store.schema import MIGRATIONS, SCHEMA_VERSION, open_store

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "IngestOptions",
    "Overview",
    "Report",
    "ingest",
    "load_analysis",
    "load_documents",
    "open_store",
    "overview",
]
