"""Evaluation against hand-annotated gold sets (``tests/gold/``): ``veille eval …``.

Sits beside the front ends: it calls the core like the CLI does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from veille.model import Document


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def found(self) -> int:
        return self.tp + self.fp

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def align(raw: str, cleaned: str) -> list[int]:
    """For each character of ``cleaned``, its offset in ``raw``.

    Cleaning only collapses whitespace and drops whole blocks, so a walk that skips raw
    characters until the next cleaned one matches maps every character exactly.
    """
    mapping = []
    j = 0
    for ch in cleaned:
        if ch.isspace():
            mapping.append(min(j, len(raw)))
            while j < len(raw) and raw[j].isspace():
                j += 1
            continue
        while j < len(raw) and raw[j] != ch:
            j += 1
        mapping.append(j)
        j += 1
    mapping.append(min(j, len(raw)))
    return mapping


def load_texts(corpus: Path) -> dict[str, str]:
    """Record id → text of a JSON Lines corpus."""
    texts = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    return texts


def load_dated_gold(
    gold_dir: Path, corpus: Path
) -> tuple[list[dict[str, Any]], dict[str, str], list[Document]]:
    """Gold files with a ``published`` date, the corpus texts, and one Document per gold
    article carrying that date (time expressions and events are resolved against it)."""
    from veille.model import Document

    texts = load_texts(corpus)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    documents = [
        Document.from_text(texts[g["id"]], published=g.get("published"), source=g["id"])
        for g in golds
    ]
    return golds, texts, documents
