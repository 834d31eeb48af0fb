"""Model-dependent quality is gated by the gold sets with F1 floors (eval_baseline.json)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from veille.eval.entities import evaluate

from .conftest import ROOT, WIKINEWS

pytestmark = pytest.mark.slow

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


@pytest.mark.parametrize("gold", sorted(BASELINE["entities"]))
def test_entity_f1_floor(gold, nlp):
    floors = BASELINE["entities"][gold]
    report = evaluate(ROOT / gold, WIKINEWS, baseline=True)
    veille_f1 = report.systems["veille"]["all"].f1
    bare_f1 = report.systems["fr_core_news_md"]["all"].f1
    assert veille_f1 >= floors["veille_f1"], f"veille entity F1 {veille_f1:.3f} on {gold}"
    assert veille_f1 - bare_f1 >= BASELINE["entities_margin_over_bare_model"]
    for label in ("PER", "LOC", "ORG"):
        assert (
            report.systems["veille"][label].f1 >= report.systems["fr_core_news_md"][label].f1 - 0.02
        )


def test_gold_files_are_well_formed():
    from veille.eval.entities import load_gold

    for gold in BASELINE["entities"]:
        articles = load_gold(ROOT / gold, WIKINEWS)
        assert len(articles) >= 13
        for article in articles:
            spans = sorted(article.mentions)
            for (_, e1, _), (s2, _, _) in itertools.pairwise(spans):
                assert e1 <= s2, f"overlapping gold mentions in {article.id}"


@pytest.mark.parametrize("gold", sorted(BASELINE["quotes"]))
def test_quote_floors(gold, nlp):
    from veille.eval.quotes import evaluate as evaluate_quotes

    floors = BASELINE["quotes"][gold]
    report = evaluate_quotes(ROOT / gold, WIKINEWS)
    assert report.scores["all"].f1 >= floors["f1"], f"quote F1 on {gold}"
    assert report.speaker_accuracy >= floors["speaker_accuracy"], f"speaker accuracy on {gold}"
    assert report.scores["indirect"].f1 >= floors["indirect_f1"], f"indirect F1 on {gold}"


def test_quote_gold_is_well_formed():
    from veille.eval.quotes import KINDS, load_gold

    for gold in BASELINE["quotes"]:
        articles = load_gold(ROOT / gold, WIKINEWS)
        assert len(articles) >= 14
        for _, text, spans in articles:
            for span in spans:
                assert span.kind in KINDS
                assert text[span.start : span.end].strip()


def test_timex_value_accuracy_floor(nlp):
    from veille.eval.timex import evaluate as evaluate_timex

    floors = BASELINE["timex"]["tests/gold/timex"]
    report = evaluate_timex(ROOT / "tests/gold/timex", WIKINEWS)
    assert report.gold >= 150
    assert report.value_accuracy >= floors["value_accuracy"]


@pytest.mark.parametrize(
    "gold, articles",
    [
        ("tests/gold/events", 40),
        ("tests/gold/events-train", 45),
        ("tests/gold/events-heldout", 24),
    ],
)
def test_event_floors(nlp, gold, articles):
    from veille.eval.events import evaluate as evaluate_events

    floors = BASELINE["events"][gold]
    report = evaluate_events(ROOT / gold, WIKINEWS)
    assert report.articles >= articles
    assert report.root_dyad.f1 >= floors["root_dyad_f1"]
    assert report.root_only.f1 >= floors["root_f1"]
    assert report.date_accuracy >= floors["date_accuracy"]


def test_duplicate_floors(nlp):
    """Clustering the reports of one event: the gold pairs, scored where both events were
    extracted (clustering itself) and over all pairs (with extraction's misses)."""
    from veille.eval.duplicates import evaluate as evaluate_duplicates

    floors = BASELINE["duplicates"]["tests/gold/duplicates"]
    report = evaluate_duplicates(ROOT / "tests/gold/duplicates", WIKINEWS)
    assert report.positives >= 40 and report.pairs - report.positives >= 25
    assert report.on_covered.f1 >= floors["covered_f1"]
    assert report.on_covered.precision >= floors["covered_precision"]
    assert report.overall.f1 >= floors["overall_f1"]
