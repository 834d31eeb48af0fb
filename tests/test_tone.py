"""Article tone from the French sentiment lexicon."""

from __future__ import annotations

import pytest

from veille import nlp as veille_nlp
from veille.tone import article_tone, lexicon

pytestmark = pytest.mark.slow


def test_lexicon_loaded():
    assert lexicon()["excellent"] > 0 > lexicon()["terrible"]


def test_signs_and_negation(nlp):
    bad = article_tone(
        veille_nlp.parse("Une attaque terrible et meurtrière, une situation horrible.")
    )
    good = article_tone(veille_nlp.parse("Un accord excellent, une réussite formidable."))
    negated = article_tone(veille_nlp.parse("Le bilan n'est pas terrible."))
    assert bad.score < 0 < good.score
    assert bad.negative > 0 and good.positive > 0
    assert negated.score > 0
    assert bad.score == pytest.approx(bad.positive - bad.negative, abs=0.01)


def test_reference_has_a_tone(reference):
    assert reference.tone is not None
    assert -10 < reference.tone.score < 10
