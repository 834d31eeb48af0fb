"""Event deduplication against the gold pairs (``tests/gold/duplicates/pairs.jsonl``).

Each gold pair names two sentences (of one article or two) and says whether they report
the same real event, with the CAMEO root of that event. The articles of the pairs are
analysed, their events clustered as the store clusters them (in corpus order), and a
pair is predicted "same" when an event of that root in the first sentence and one in the
second fall in one cluster. Precision and recall are over the "same" pairs. A pair whose
sentences do not both yield an event of the root cannot be clustered at all; the report
counts those apart (``covered``), so that extraction misses and clustering errors are
told apart: ``on_covered`` scores the pairs where both events were found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.dedup import cluster, report_of
from veille.eval import Score, align
from veille.model import Analysis, Document
from veille.pipeline import analyze_many

PAIRS_FILE = "pairs.jsonl"


@dataclass(frozen=True, slots=True)
class DuplicateReport:
    pairs: int
    positives: int
    articles: int
    overall: Score  # every gold pair; an uncovered pair counts as "not the same"
    on_covered: Score  # only the pairs where both sentences yielded an event of the root
    covered: int


def _corpus(corpus: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            records[record["id"]] = record
    return records


def _keys_in(analysis: Analysis, raw: str, sentence: str, root: str) -> set[str]:
    """Keys of the events of ``root`` whose sentence overlaps the gold sentence."""
    start = raw.find(sentence)
    if start < 0:
        raise ValueError(f"sentence not found in {analysis.article.external_id}: {sentence[:60]}")
    end = start + len(sentence)
    mapping = align(raw, analysis.article.text)
    return {
        f"{analysis.article.id}:{e.id}"
        for e in analysis.events
        if e.root == root and mapping[e.start] < end and start < mapping[e.end - 1] + 1
    }


def evaluate(gold_dir: Path, corpus: Path) -> DuplicateReport:
    pairs = [
        json.loads(line)
        for line in (gold_dir / PAIRS_FILE).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    records = _corpus(corpus)
    wanted = {side["id"] for p in pairs for side in (p["a"], p["b"])}
    ids = [i for i in records if i in wanted]  # corpus order, as an ingest would go
    documents = [
        Document.from_text(
            records[i]["text"], published=records[i].get("date"), source=i, external_id=i
        )
        for i in ids
    ]
    analyses = dict(zip(ids, analyze_many(documents), strict=True))
    reports = [report_of(a.article, e) for a in analyses.values() for e in a.events]
    cluster_of = {r.key: c.id for c in cluster(reports) for r in c.reports}
    tp = fp = fn = 0
    covered_tp = covered_fp = covered_fn = covered = 0
    for pair in pairs:
        sides = [
            _keys_in(analyses[s["id"]], records[s["id"]]["text"], s["sentence"], pair["root"])
            for s in (pair["a"], pair["b"])
        ]
        clusters_a = {cluster_of[k] for k in sides[0]}
        clusters_b = {cluster_of[k] for k in sides[1]}
        same = bool(clusters_a & clusters_b)
        both = bool(sides[0] and sides[1])
        covered += both
        tp += same and pair["same"]
        fp += same and not pair["same"]
        fn += not same and pair["same"]
        if both:
            covered_tp += same and pair["same"]
            covered_fp += same and not pair["same"]
            covered_fn += not same and pair["same"]
    return DuplicateReport(
        pairs=len(pairs),
        positives=sum(bool(p["same"]) for p in pairs),
        articles=len(ids),
        overall=Score(tp, fp, fn),
        on_covered=Score(covered_tp, covered_fp, covered_fn),
        covered=covered,
    )
