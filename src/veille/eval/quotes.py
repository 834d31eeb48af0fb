"""Quote precision, recall and F1, and speaker accuracy, against the quote gold.

A predicted quote matches a gold quote when their word-token overlap is at least 0.3 of
the longer of the two (the threshold of the Gender Gap Tracker evaluation); matching is
one-to-one, best overlaps first. Precision and recall are given overall and by kind
(recall of the gold quotes of a kind, precision of the predicted quotes of that kind);
speaker accuracy is measured on matched quotes: the predicted speaker's name equals the
gold one (accents and case aside, or one name contains the other's words), or both are
null.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from veille.data import fold
from veille.eval import Score, align, load_texts
from veille.pipeline import analyze_many

KINDS = ("direct", "mixed", "indirect")
OVERLAP = 0.3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Span:
    kind: str
    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True, slots=True)
class QuoteReport:
    articles: int
    scores: dict[str, KindScore]  # "all" and each kind
    speaker_correct: int
    speaker_total: int
    kind_correct: int

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_total if self.speaker_total else 0.0


def load_gold(gold_dir: Path, corpus: Path) -> list[tuple[str, str, list[Span]]]:
    texts = load_texts(corpus)
    articles = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = texts[gold["id"]]
        spans = []
        for q in gold["quotes"]:
            if text[q["start"] : q["end"]] != q["text"]:
                raise ValueError(f"{path}: offsets of quote {q['text'][:40]!r} do not match")
            spans.append(Span(q["kind"], q["start"], q["end"], q.get("speaker")))
        articles.append((gold["id"], text, spans))
    return articles


def _words(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in _WORD.finditer(text, start, end)}


def overlap(text: str, a: Span, b: Span) -> float:
    wa, wb = _words(text, a.start, a.end), _words(text, b.start, b.end)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = set(fold(gold).split()), set(fold(predicted).split())
    return g == p or g <= p or p <= g


def match(text: str, gold: list[Span], predicted: list[Span]) -> list[tuple[Span, Span]]:
    pairs = sorted(
        (
            (overlap(text, g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for score, gi, pi in pairs:
        if score < OVERLAP:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gold[gi], predicted[pi]))
    return matched


def evaluate(gold_dir: Path, corpus: Path) -> QuoteReport:
    articles = load_gold(gold_dir, corpus)
    counts = {k: [0, 0, 0, 0] for k in ("all", *KINDS)}  # matched gold, gold, matched pred, pred
    speaker_correct = speaker_total = kind_correct = 0
    analyses = analyze_many(text for _, text, _ in articles)
    for (_, text, gold), analysis in zip(articles, analyses, strict=True):
        mapping = align(text, analysis.article.text)
        names = {e.id: e.name for e in analysis.entities}
        predicted = [
            Span(
                q.kind,
                mapping[q.start],
                mapping[q.end - 1] + 1,
                names.get(q.speaker) if q.speaker else None,
            )
            for q in analysis.quotes
        ]
        matched = match(text, gold, predicted)
        for g, p in matched:
            for key in ("all", g.kind):
                counts[key][0] += 1
            for key in ("all", p.kind):
                counts[key][2] += 1
            speaker_total += 1
            speaker_correct += same_speaker(g.speaker, p.speaker)
            kind_correct += g.kind == p.kind
        for g in gold:
            counts["all"][1] += 1
            counts[g.kind][1] += 1
        for p in predicted:
            counts["all"][3] += 1
            counts[p.kind][3] += 1
    scores = {key: _score(*c) for key, c in counts.items()}
    return QuoteReport(len(articles), scores, speaker_correct, speaker_total, kind_correct)


def _score(matched_gold: int, gold: int, matched_pred: int, predicted: int) -> KindScore:
    return KindScore(
        tp=matched_pred,
        fp=predicted - matched_pred,
        fn=gold - matched_gold,
        matched_gold=matched_gold,
    )


@dataclass(frozen=True, slots=True)
class KindScore(Score):
    """By kind, a gold quote of one kind may match a predicted quote of another, so the
    numerators differ: precision counts matched predictions of the kind, recall matched
    gold quotes of the kind."""

    matched_gold: int = 0

    @property
    def recall(self) -> float:
        total = self.matched_gold + self.fn
        return self.matched_gold / total if total else 0.0

    @property
    def gold(self) -> int:
        return self.matched_gold + self.fn
