"""Event precision, recall and F1 against the event gold, and date accuracy.

A predicted event matches a gold one in the same sentence (their sentence spans overlap)
when the CAMEO root is the same and so is the dyad: source and target countries, each
equal or both unknown. Root+dyad is the headline measure; the full-code measure also
requires the same CAMEO code. Matching is one-to-one and maximum (no
prediction is spent on one gold event when another needs it). Root 01 (public
statements) is left out on both sides, as the gold does. Date accuracy is the share of
root+dyad matches whose date (value) equals the gold's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from veille.eval import Score, align, load_dated_gold
from veille.pipeline import analyze_many


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    cameo: str
    source_country: str | None
    target_country: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class EventReport:
    articles: int
    root_dyad: Score
    full_code: Score
    root_only: Score
    dates_correct: int

    @property
    def date_accuracy(self) -> float:
        return self.dates_correct / self.root_dyad.tp if self.root_dyad.tp else 0.0


def _matches(gold: list[_Item], predicted: list[_Item], level: str) -> list[tuple[_Item, _Item]]:
    """A maximum one-to-one matching (augmenting paths), so that a prediction taken by
    one gold event cannot leave another gold event it alone could match unmatched."""
    fits = [[i for i, p in enumerate(predicted) if _fits(g, p, level)] for g in gold]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for i in fits[g]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    return sorted(((gold[g], predicted[i]) for i, g in owner.items()), key=lambda m: m[0].start)


def _fits(g: _Item, p: _Item, level: str) -> bool:
    if not (p.start < g.end and g.start < p.end) or p.cameo[:2] != g.cameo[:2]:
        return False
    if level == "full" and p.cameo != g.cameo:
        return False
    return level == "root" or (
        p.source_country == g.source_country and p.target_country == g.target_country
    )


def evaluate(gold_dir: Path, corpus: Path) -> EventReport:
    golds, texts, documents = load_dated_gold(gold_dir, corpus)
    counts = {level: [0, 0, 0] for level in ("dyad", "full", "root")}  # tp, gold, predicted
    dates = 0
    for gold, analysis in zip(golds, analyze_many(documents), strict=True):
        text = texts[gold["id"]]
        mapping = align(text, analysis.article.text)
        gold_items = [
            _Item(
                e["start"],
                e["end"],
                e["cameo"],
                e.get("source_country"),
                e.get("target_country"),
                e.get("date"),
            )
            for e in gold["events"]
            if not e["cameo"].startswith("01")
        ]
        predicted = [
            _Item(
                mapping[v.start],
                mapping[v.end - 1] + 1,
                v.cameo,
                v.source_country,
                v.target_country,
                v.date,
            )
            for v in analysis.events
            if v.root != "01"
        ]
        for level in counts:
            pairs = _matches(gold_items, predicted, level)
            counts[level][0] += len(pairs)
            counts[level][1] += len(gold_items)
            counts[level][2] += len(predicted)
            if level == "dyad":
                dates += sum(g.date == p.date for g, p in pairs)
    scores = {
        level: Score(tp, predicted - tp, gold - tp)
        for level, (tp, gold, predicted) in counts.items()
    }
    return EventReport(len(golds), scores["dyad"], scores["full"], scores["root"], dates)
