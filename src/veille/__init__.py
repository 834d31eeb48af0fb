"""veille: auditable event data from news articles.

>>> import veille
>>> analysis = veille.analyze("Le président chinois Xi Jinping s'est rendu à Moscou.")
>>> [e.name for e in analysis.entities]
['Xi Jinping', 'Moscou']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from veille.errors import InputError, ModelError, VeilleError
from veille.model import Analysis, Document, Entity, json_schema

if TYPE_CHECKING:
    from veille.pipeline import Failure, analyze, analyze_many

__version__ = "0.1.0"

_PIPELINE = ("Failure", "analyze", "analyze_many")


def __getattr__(name: str) -> Any:
    # The pipeline (and the libraries it needs) loads on first use, so that commands
    # which only query a store start fast.
    if name in _PIPELINE:
        from veille import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'veille' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "Document",
    "Entity",
    "Failure",
    "InputError",
    "ModelError",
    "VeilleError",
    "__version__",
    "analyze",
    "analyze_many",
    "json_schema",
]
