"""veille's REST API and web UI: one FastAPI app over the store, started by
``veille serve``. The handlers call the same functions as the CLI (``veille.analyze``,
:mod:`veille.store.queries`); the UI is server-rendered templates and small scripts of
our own, every asset in the package, so it works offline.

>>> from veille.api import Settings, create_app
>>> app = create_app(Settings(db="veille.duckdb"))       # doctest: +SKIP
"""

from __future__ import annotations

from veille.api.app import Settings, create_app

__all__ = ["Settings", "create_app"]
