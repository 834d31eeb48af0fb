"""Time-expression detection and value accuracy against the timex gold.

A predicted expression matches a gold one when their spans overlap (one-to-one, in text
order). Value accuracy is the share of gold expressions whose match has the same value
and precision; detection precision, recall and F1 are given beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from veille.eval import Score, align, load_dated_gold
from veille.pipeline import analyze_many


@dataclass(frozen=True, slots=True)
class TimexReport:
    articles: int
    detection: Score
    correct: int  # gold expressions found with the right value and precision
    gold: int

    @property
    def value_accuracy(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def value_accuracy_matched(self) -> float:
        return self.correct / self.detection.tp if self.detection.tp else 0.0


def evaluate(gold_dir: Path, corpus: Path) -> TimexReport:
    golds, texts, documents = load_dated_gold(gold_dir, corpus)
    tp = fp = fn = correct = total = 0
    for gold, analysis in zip(golds, analyze_many(documents), strict=True):
        text = texts[gold["id"]]
        mapping = align(text, analysis.article.text)
        predicted = [
            (mapping[t.start], mapping[t.end - 1] + 1, t.value, t.precision) for t in analysis.timex
        ]
        used: set[int] = set()
        for g in gold["timex"]:
            total += 1
            match = next(
                (
                    i
                    for i, p in enumerate(predicted)
                    if i not in used and p[0] < g["end"] and g["start"] < p[1]
                ),
                None,
            )
            if match is None:
                fn += 1
                continue
            used.add(match)
            tp += 1
            correct += predicted[match][2:] == (g["value"], g["precision"])
        fp += len(predicted) - len(used)
    return TimexReport(len(golds), Score(tp, fp, fn), correct, total)
