"""analyze and analyze_many: one core, same answers, model loaded once, failures kept."""

from __future__ import annotations

import json

import pytest

import veille
from veille import nlp as veille_nlp
from veille.model import Document
from veille.pipeline import Failure

from .conftest import WIKINEWS

pytestmark = pytest.mark.slow


def wikinews(n):
    with WIKINEWS.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh, strict=False)]


def test_analyze_many_equals_analyze(nlp):
    records = wikinews(6)
    docs = [Document.from_text(r["text"], title=r["title"], published=r["date"]) for r in records]
    many = list(veille.analyze_many(docs, batch_size=4))
    assert [a.article.id for a in many] == [d.id for d in docs]
    for doc, analysis in zip(docs, many, strict=True):
        assert veille.analyze(doc) == analysis


def test_model_loaded_once(nlp):
    before = veille_nlp.load.cache_info()
    list(veille.analyze_many(r["text"] for r in wikinews(3)))
    veille.analyze("Le président français s'est rendu à Berlin.")
    after = veille_nlp.load.cache_info()
    assert after.misses == before.misses == 1


def test_analyze_takes_metadata(nlp):
    analysis = veille.analyze(
        "Le ministre a parlé.", published="2024-03", title="Un titre", source="x"
    )
    assert analysis.article.published == "2024-03"
    assert analysis.article.title == "Un titre"
    assert analysis.article.source == "x"
    assert analysis.article.blocks[0].role == "title"


def test_non_french_article_gets_analysis_with_warning(nlp):
    text = "The government presented its budget on Friday. The opposition criticised the plan."
    analysis = veille.analyze(text)
    assert analysis.article.language == "en"
    assert analysis.entities == ()
    assert any("not supported" in w for w in analysis.warnings)


def test_failure_is_returned_in_place(nlp, monkeypatch):
    import veille.pipeline as pipeline

    real = pipeline.extract_entities

    def flaky(parsed, published=None):
        if "Boum" in parsed.text:
            raise RuntimeError("boom")
        return real(parsed, published)

    monkeypatch.setattr(pipeline, "extract_entities", flaky)
    results = list(
        veille.analyze_many(["Paris est calme.", "Boum à Lyon.", "Rome aussi."], on_error="return")
    )
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Analysis"]
    assert isinstance(results[1], Failure) and results[1].stage == "entities"
    assert len(list(veille.analyze_many(["Boum à Lyon.", "Rome."], on_error="skip"))) == 1
    with pytest.raises(RuntimeError):
        veille.analyze("Boum à Lyon.")


def test_rejects_wrong_types():
    with pytest.raises(TypeError):
        veille.analyze(42)  # type: ignore[arg-type]


def sentences(text):
    parsed = veille_nlp.parse(text)
    return [parsed.span_text(start, end) for start, end in parsed.sents]


def test_letter_before_a_sentence_opener_ends_the_sentence(nlp):
    assert sentences("Il a critiqué l'essai de la bombe H. La Corée du Sud a réagi.") == [
        "Il a critiqué l'essai de la bombe H.",
        "La Corée du Sud a réagi.",
    ]
    # Initials stay: after a preposition, or before a name.
    assert len(sentences("Il apportait son soutien à A. Montebourg ce matin.")) == 1
    assert len(sentences("Donald Trump a félicité E. Macron pour sa victoire.")) == 1


def test_several_processes_give_the_same_analyses_in_order(nlp):
    """With n_process > 1 each forked worker runs the whole pipeline on its chunks; the
    stream comes back in input order, equal to one process's."""
    import json

    from veille.model import Document
    from veille.pipeline import analyze_many

    from .conftest import WIKINEWS

    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:13]
    documents = [
        Document.from_text(r["text"], title=r.get("title"), published=r.get("published"))
        for r in map(json.loads, lines)
    ]
    one = [a.to_dict() for a in analyze_many(documents, batch_size=8)]
    two = [a.to_dict() for a in analyze_many(iter(documents), batch_size=8, n_process=2)]
    assert [a["article"]["id"] for a in two] == [d.id for d in documents]
    assert two == one
