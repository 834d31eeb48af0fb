"""Shared fixtures: paths, the spaCy model loaded once per session, the reference analysis."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REFERENCE = CORPUS / "reference-fr-2023-06.txt"
WIKINEWS = CORPUS / "fr-wikinews.jsonl"
FIXTURES = ROOT / "tests" / "golden" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from veille import nlp as veille_nlp

    return veille_nlp.load()


@pytest.fixture(scope="session")
def reference(nlp):
    import veille
    from veille.read import read_paths

    (document,) = list(read_paths([str(REFERENCE)]))
    return veille.analyze(document)


@pytest.fixture(scope="session")
def html_page(nlp):
    import veille
    from veille.read import read_paths

    (document,) = list(read_paths([str(FIXTURES / "canada-frappes-fr.html")]))
    return veille.analyze(document)
