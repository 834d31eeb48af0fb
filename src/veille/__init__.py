"""veille: auditable event data from news articles.

>>> import veille
>>> analysis = veille.analyze("Le président chinois Xi Jinping s'est rendu à Moscou.")
>>> [e.name for e in analysis.entities]
['Xi Jinping', 'Moscou']
"""

from __future__ import annotations

from veille.errors import InputError, ModelError, VeilleError
from veille.model import Analysis, Document, Entity, json_schema
from veille.pipeline import Failure, analyze, analyze_many

__version__ = "0.1.0"

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
