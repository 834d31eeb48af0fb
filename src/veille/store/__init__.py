"""The corpus store: one DuckDB file holding every document given to veille, its
analysis, the errors and the runs.

>>> from veille.store import ingest, open_store
>>> report = ingest(["corpus/"], "veille.duckdb")          # doctest: +SKIP
>>> con = open_store("veille.duckdb", read_only=True)      # doctest: +SKIP
>>> con.sql("SELECT cameo, count(*) FROM events GROUP BY ALL").fetchall()  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from veille.store.schema import MIGRATIONS, SCHEMA_VERSION, open_store

if TYPE_CHECKING:
    from veille.store.rows import load_analysis, load_documents
    from veille.store.run import IngestOptions, Report, ingest
    from veille.store.totals import Overview, overview

# Loaded on first use: ingest needs the pipeline, rows need pyarrow; a query needs neither.
_LAZY = {
    "IngestOptions": "run",
    "Report": "run",
    "ingest": "run",
    "Overview": "totals",
    "overview": "totals",
    "load_analysis": "rows",
    "load_documents": "rows",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"veille.store.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'veille.store' has no attribute {name!r}")


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
