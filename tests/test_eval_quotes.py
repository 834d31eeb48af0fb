"""The quote scorer itself: overlap, matching, speaker comparison."""

from __future__ import annotations

from veille.eval.quotes import Span, match, overlap, same_speaker

TEXT = "Il a dit que la réforme sera votée demain, puis il est parti vers Paris ce soir."


def span(fragment, kind="indirect", speaker=None):
    start = TEXT.index(fragment)
    return Span(kind, start, start + len(fragment), speaker)


def test_overlap_is_relative_to_the_longer_span():
    gold = span("la réforme sera votée demain")
    assert overlap(TEXT, gold, gold) == 1.0
    assert overlap(TEXT, gold, span("la réforme")) == 2 / 5
    assert overlap(TEXT, gold, span("puis il est parti")) == 0.0


def test_matching_is_one_to_one_best_first():
    gold = [span("la réforme sera votée demain")]
    predicted = [span("la réforme"), span("la réforme sera votée")]
    assert match(TEXT, gold, predicted) == [(gold[0], predicted[1])]
    assert match(TEXT, gold, [span("demain")]) == []


def test_same_speaker():
    assert same_speaker("Valery Gerasimov", "Gerasimov")
    assert same_speaker("Pékin", "pekin")
    assert same_speaker(None, None)
    assert not same_speaker("Xi Jinping", None)
    assert not same_speaker("Xi Jinping", "Liu Zhenli")
