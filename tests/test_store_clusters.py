"""Event clusters in the store: one real event told by several articles is one cluster
with several mentions, however the ingest batches them (real pipeline, real DuckDB)."""

from __future__ import annotations

import json

import pytest

from veille.dedup import cluster, report_of
from veille.store import IngestOptions, ingest, load_analysis, open_store

pytestmark = pytest.mark.slow

STORY = [
    ("a", "2023-03-22", "Vladimir Poutine a rencontré le président chinois Xi Jinping à Moscou."),
    ("b", "2023-03-23", "Xi Jinping a été reçu mardi par Vladimir Poutine à Moscou."),
    ("c", "2023-03-24", "Vladimir Poutine a rencontré le président chinois Xi Jinping à Moscou."),
    ("d", "2023-06-02", "La Russie a bombardé la ville ukrainienne de Kharkiv lundi."),
]
# Two of the meeting's reports come from one site: three articles, two sources.
URLS = {
    "a": "https://www.lemonde.fr/a",
    "b": "https://lemonde.fr/b",
    "c": "https://www.liberation.fr/c",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("story")
    lines = [
        json.dumps({"id": i, "date": day, "text": text, "url": URLS.get(i)}, ensure_ascii=False)
        for i, day, text in STORY
    ]
    (folder / "story.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _clusters(db):
    with open_store(db, read_only=True) as con:
        rows = con.execute(
            "SELECT c.id, c.root, c.num_mentions, c.num_articles, list(a.external_id ORDER BY 1), "
            "c.num_sources "
            "FROM event_clusters c JOIN event_mentions m ON m.cluster_id = c.id "
            "JOIN articles a ON a.id = m.article_id GROUP BY ALL ORDER BY c.id"
        ).fetchall()
        events = con.execute("SELECT count(*) FROM events").fetchone()
        mentions = con.execute("SELECT count(*) FROM event_mentions").fetchone()
    assert events == mentions  # every record tells exactly one event
    return rows


@pytest.mark.parametrize("batch_size", [1, 4])
def test_one_meeting_told_three_times_is_one_event(nlp, corpus, tmp_path, batch_size):
    db = tmp_path / "veille.duckdb"
    ingest([str(corpus)], db, IngestOptions(workers=1, batch_size=batch_size))
    rows = _clusters(db)
    meetings = [r for r in rows if r[1] == "04"]
    assert len(meetings) == 1, rows
    _, _, mentions, articles, ids, sources = meetings[0]
    assert articles == 3 and mentions >= 3 and set(ids) == {"a", "b", "c"}
    assert sources == 2  # lemonde.fr twice, liberation.fr
    strikes = [r for r in rows if set(r[4]) == {"d"}]
    assert strikes and all(r[1] != "04" for r in strikes)


def test_the_store_clusters_as_the_pure_functions_do(nlp, corpus, tmp_path):
    db = tmp_path / "veille.duckdb"
    ingest([str(corpus)], db, IngestOptions(workers=1, batch_size=1))
    with open_store(db, read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY rowid").fetchall()]
        analyses = [load_analysis(con, i) for i in ids]
    expected = cluster([report_of(a.article, e) for a in analyses for e in a.events])
    partition = {frozenset(r.key for r in c.reports) for c in expected}
    with open_store(db, read_only=True) as con:
        stored = con.execute(
            "SELECT list(event ORDER BY event) FROM event_mentions GROUP BY cluster_id"
        ).fetchall()
    assert {frozenset(keys) for (keys,) in stored} == partition
