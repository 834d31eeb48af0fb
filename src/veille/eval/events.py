"""Event precision, recall and F1 against the event gold, and date accuracy.

A predicted event matches a gold one in the same sentence (their sentence spans overlap)
when the CAMEO root is the same and so is the dyad: source and target countries, each
equal or both unknown. Root+dyad is the headline measure; the full-code measure also
requires the same CAMEO code. Matching is one-to-one and maximum (no
prediction is spent on one gold event when another needs it). Root 01 (public
statements) is left out on both sides, as the gold does. Date accuracy is the share of
root+dyad matches whose date (value) equals the gold's; place agreement the share whose
place agrees (both none, or one name holds the other: "Hawija" in "la poche d'Hawija").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.data import fold
from veille.eval import Score, align, load_dated_gold
from veille.model import Event
from veille.pipeline import analyze_many


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    cameo: str
    source_country: str | None
    target_country: str | None
    date: str | None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class EventReport:
    articles: int
    root_dyad: Score
    full_code: Score
    root_only: Score
    dates_correct: int
    places_correct: int = 0
    by_root: dict[str, Score] = field(default_factory=dict)  # root + dyad, per CAMEO root
    # Not in the repr: a failing gate prints the report, and the held-out set's errors
    # are not to be read.
    errors: list[dict[str, Any]] = field(default_factory=list, repr=False)

    @property
    def date_accuracy(self) -> float:
        return self.dates_correct / self.root_dyad.tp if self.root_dyad.tp else 0.0

    @property
    def place_agreement(self) -> float:
        return self.places_correct / self.root_dyad.tp if self.root_dyad.tp else 0.0


def _matches(gold: list[_Item], predicted: list[_Item], level: str) -> list[tuple[_Item, _Item]]:
    """A maximum one-to-one matching (augmenting paths), so that a prediction taken by
    one gold event cannot leave another gold event it alone could match unmatched. Each
    gold event tries first the predictions that share more of its code ("115" before
    "116" for a gold "115"), so that of two records of one root in a sentence, each is
    paired with its own event."""
    fits = [
        sorted(
            (i for i, p in enumerate(predicted) if _fits(g, p, level)),
            key=lambda i: -_shared(g.cameo, predicted[i].cameo),
        )
        for g in gold
    ]
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


def _shared(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


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
    roots: dict[str, Score] = {}
    errors: list[dict[str, Any]] = []
    dates = places = 0
    for gold, analysis in zip(golds, analyze_many(documents), strict=True):
        text = texts[gold["id"]]
        mapping = align(text, analysis.article.text)
        gold_events = [e for e in gold["events"] if not e["cameo"].startswith("01")]
        gold_items = [
            _Item(
                e["start"],
                e["end"],
                e["cameo"],
                e.get("source_country"),
                e.get("target_country"),
                e.get("date"),
                e.get("place"),
            )
            for e in gold_events
        ]
        events = [v for v in analysis.events if v.root != "01"]
        predicted = [
            _Item(
                mapping[v.start],
                mapping[v.end - 1] + 1,
                v.cameo,
                v.source_country,
                v.target_country,
                v.date,
                v.location.name if v.location else None,
            )
            for v in events
        ]
        for level in counts:
            pairs = _matches(gold_items, predicted, level)
            counts[level][0] += len(pairs)
            counts[level][1] += len(gold_items)
            counts[level][2] += len(predicted)
            if level == "dyad":
                dates += sum(g.date == p.date for g, p in pairs)
                places += sum(_same_place(g.place, p.place) for g, p in pairs)
                matched = {id(g) for g, _ in pairs} | {id(p) for _, p in pairs}
                for root, score in _per_root(gold_items, predicted, matched).items():
                    roots[root] = roots.get(root, Score(0, 0, 0)) + score
                names = {e.id: e.name for e in analysis.entities}
                errors += _errors(
                    gold["id"], text, gold_events, gold_items, events, predicted, matched, names
                )
    scores = {
        level: Score(tp, predicted - tp, gold - tp)
        for level, (tp, gold, predicted) in counts.items()
    }
    return EventReport(
        len(golds),
        scores["dyad"],
        scores["full"],
        scores["root"],
        dates,
        places,
        dict(sorted(roots.items())),
        errors,
    )


def _same_place(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is predicted
    gold, predicted = fold(gold), fold(predicted)
    return gold in predicted or predicted in gold


def _per_root(gold: list[_Item], predicted: list[_Item], matched: set[int]) -> dict[str, Score]:
    """Root + dyad counts by CAMEO root: a gold event counts for its root, a prediction for
    its own."""
    scores: dict[str, Score] = {}
    for item in gold:
        hit = id(item) in matched
        scores[item.cameo[:2]] = scores.get(item.cameo[:2], Score(0, 0, 0)) + Score(
            int(hit), 0, int(not hit)
        )
    for item in predicted:
        if id(item) not in matched:
            scores[item.cameo[:2]] = scores.get(item.cameo[:2], Score(0, 0, 0)) + Score(0, 1, 0)
    return scores


def _errors(
    article: str,
    text: str,
    gold_events: list[dict[str, Any]],
    gold: list[_Item],
    events: list[Event],
    predicted: list[_Item],
    matched: set[int],
    names: dict[str, str],
) -> list[dict[str, Any]]:
    """The unmatched gold events ("missed") and predictions ("spurious"), each with its
    sentence and what the other side has in that sentence, for ``--errors``."""
    rows: list[dict[str, Any]] = []
    for record, item in zip(gold_events, gold, strict=True):
        if id(item) in matched:
            continue
        near = [
            (event, other)
            for event, other in zip(events, predicted, strict=True)
            if other.start < item.end and item.start < other.end
        ]
        same_root = [pair for pair in near if pair[1].cameo[:2] == item.cameo[:2]]
        reason = "other dyad" if same_root else "other root" if near else "no event in sentence"
        rows.append(
            {
                "article": article,
                "kind": "missed",
                "reason": reason,
                "sentence": text[item.start : item.end],
                "gold": {k: record.get(k) for k in _GOLD_FIELDS},
                "predicted": [_brief(event, names) for event, _ in same_root or near],
            }
        )
    for event, item in zip(events, predicted, strict=True):
        if id(item) in matched:
            continue
        told = [g for g in gold if g.start < item.end and item.start < g.end]
        rows.append(
            {
                "article": article,
                "kind": "spurious",
                "reason": "unmatched in a gold sentence" if told else "no gold event in sentence",
                "sentence": event.sentence,
                "predicted": [_brief(event, names)],
            }
        )
    return rows


_GOLD_FIELDS = (
    "cameo",
    "trigger",
    "source",
    "source_country",
    "target",
    "target_country",
    "date",
    "place",
)


def _brief(event: Event, names: dict[str, str]) -> dict[str, Any]:
    return {
        "cameo": event.cameo,
        "trigger": event.trigger,
        "source": names.get(event.source or "", event.source_actor),
        "source_country": event.source_country,
        "target": names.get(event.target or "", event.target_actor),
        "target_country": event.target_country,
        "date": event.date,
        "place": event.location.name if event.location else None,
    }
