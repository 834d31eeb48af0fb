"""Imported once by the worker pool's fork server (see :mod:`veille.store.workers`): the
spaCy model and veille's data are loaded and warmed here, then every worker forks from
this process with them in place, instead of loading its own copy."""

from __future__ import annotations

import logging

LOGGER = logging.getLogger(__name__)

try:
    from veille import nlp
    from veille.pipeline import analyze_many

    nlp.load()
    # One short article through every stage loads the data they use on first call (the
    # city index, the people tables, the codebook, the language detector).
    list(
        analyze_many(
            ["Le ministre français a rencontré lundi son homologue allemand à Berlin."],
            on_error="return",
        )
    )
except Exception:  # each worker then loads for itself, and reports the fault in one line
    LOGGER.exception("could not preload the model in the fork server")
