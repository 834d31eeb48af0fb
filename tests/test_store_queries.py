"""The store's query and export commands, run as a user runs them (real subprocesses on a
real DuckDB file): filters keep what they say, formats agree, bad filters are one line."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import duckdb
import pytest

from veille.export import EVENT_COLUMNS, MENTION_COLUMNS
from veille.store import IngestOptions, ingest

from .conftest import REFERENCE, WIKINEWS

pytestmark = pytest.mark.slow

VEILLE = [sys.executable, "-m", "veille"]


@pytest.fixture(scope="module")
def db(nlp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("queries")
    with WIKINEWS.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    chosen = [r for r in records if any(w in r["text"] for w in ("Russie", "Chine"))][:6]
    (folder / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in chosen) + "\n", encoding="utf-8"
    )
    shutil.copy(REFERENCE, folder / REFERENCE.name)
    path = folder / "veille.duckdb"
    ingest([str(folder)], path, IngestOptions(workers=1))
    return path


def run(db, *args):
    result = subprocess.run(
        [*VEILLE, *args, "--db", str(db)], capture_output=True, text=True, timeout=120, check=False
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def rows(db, *args):
    result = run(db, *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def scalar(db, sql):
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


def test_event_filters_keep_what_they_say(db):
    everything = rows(db, "events", "--limit", "0")
    assert len(everything) == scalar(db, "SELECT count(*) FROM events")
    russian = rows(db, "events", "--actor", "RUS", "--limit", "0")
    assert russian and len(russian) < len(everything)
    for event in russian:
        actors = (event["source_actor"] or "", event["target_actor"] or "")
        assert any(a.startswith("RUS") for a in actors) or "RUS" in _countries(db, event)
    meetings = rows(db, "events", "--code", "04", "--since", "2023-01", "--until", "2023-12")
    assert meetings and all(e["cameo"].startswith("04") for e in meetings)
    assert all("2023-01" <= e["date"][:7] <= "2023-12" for e in meetings)
    cooperative = rows(db, "events", "--quad", "1-2", "--limit", "0")
    assert all(e["quad_class"] in (1, 2) for e in cooperative)
    by_name = rows(db, "events", "--source-actor", "gerasimov")  # case and accents aside
    assert by_name and all(e["source_name"] == "Valery Gerasimov" for e in by_name)
    article = everything[0]["article_id"]
    of_article = rows(db, "events", "--article", article[:8], "--limit", "0")
    assert of_article and {e["article_id"] for e in of_article} == {article}
    in_moscow = rows(db, "events", "--place", "Moscou")
    assert in_moscow and all(e["place"] == "Moscou" for e in in_moscow)


def _countries(db, event):
    with duckdb.connect(str(db), read_only=True) as con:
        found = con.execute(
            "SELECT source_country, target_country FROM events WHERE article_id = ? "
            "AND trigger = ? AND cameo = ?",
            [event["article_id"], event["trigger"], event["cameo"]],
        ).fetchall()
    return {c for pair in found for c in pair if c}


def test_formats_agree(db):
    as_json = rows(db, "events", "--actor", "CHN")
    as_csv = run(db, "events", "--actor", "CHN", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["trigger"] for r in table] == [r["trigger"] for r in as_json]
    as_table = run(db, "events", "--actor", "CHN")
    assert as_table.returncode == 0 and f"Events ({len(as_json)};" in as_table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("events", "--quad", "7"), "--quad 7"),
        (("events", "--since", "2023/01"), "--since 2023/01"),
        (("events", "--until", "2016-13"), "--until 2016-13"),
        (("events", "--code", "attack"), "--code attack"),
        (("show", "zzzzzz"), "no such article"),
    ],
)
def test_bad_filters_are_one_line(db, args, message):
    result = run(db, *args)
    assert result.returncode == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_missing_store_is_one_line(tmp_path):
    result = run(tmp_path / "none.duckdb", "stats")
    assert result.returncode == 1 and "no such database" in result.stderr


def test_quotes_match_speakers_and_words_without_accents(db):
    said = rows(db, "quotes", "--speaker", "GERASIMOV", "--contains", "stabilite")
    assert said and all(q["speaker"] == "Valery Gerasimov" for q in said)
    assert all("stabilité" in q["text"] for q in said)


def test_actors_and_dyads(db):
    russians = rows(db, "actors", "--country", "RUS", "--top", "0")
    assert russians and all(a["country"] == "RUS" for a in russians)
    gerasimov = next(a for a in russians if a["name"] == "Valery Gerasimov")
    assert gerasimov["as_source"] >= 1 and gerasimov["mentions"] >= 2
    monthly = rows(db, "dyads", "--monthly", "--top", "0")
    assert monthly and all({"month", "source", "target", "events"} <= set(d) for d in monthly)
    total = sum(d["events"] for d in rows(db, "dyads", "--top", "0"))
    assert total == scalar(
        db,
        "SELECT count(*) FROM event_clusters "
        "WHERE source_country IS NOT NULL AND target_country IS NOT NULL",
    )


def test_search_and_show(db):
    found = rows(db, "search", "coopération militaire")
    assert found and "Gerasimov" in run(db, "show", found[0]["article_id"][:8]).stdout
    assert rows(db, "search", "xylophone") == []
    shown = json.loads(run(db, "show", found[0]["article_id"], "--format", "json").stdout)
    assert shown["article"]["id"] == found[0]["article_id"] and shown["events"]


def test_stats_are_the_table_counts(db):
    counts = json.loads(run(db, "stats", "--format", "json").stdout)
    assert set(counts) == {
        "documents",
        "articles",
        "entities",
        "quotes",
        "events",
        "event_clusters",
        "errors",
    }
    for table, count in counts.items():
        assert count == scalar(db, f"SELECT count(*) FROM {table}")
    assert 0 < counts["event_clusters"] <= counts["events"]


GDELT_TYPES = {
    "GLOBALEVENTID": "BIGINT",
    "Day": "INTEGER",
    "MonthYear": "INTEGER",
    "Year": "INTEGER",
    "FractionDate": "DOUBLE",
    "IsRootEvent": "INTEGER",
    "QuadClass": "INTEGER",
    "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER",
    "NumSources": "INTEGER",
    "NumArticles": "INTEGER",
    "AvgTone": "DOUBLE",
    "ActionGeo_Type": "INTEGER",
    "ActionGeo_Lat": "DOUBLE",
    "ActionGeo_Long": "DOUBLE",
    "DATEADDED": "BIGINT",
}


def test_gdelt_export_reads_as_gdelt(db, tmp_path):
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    assert run(db, "export", "--format", "gdelt", "--events", str(events)).returncode == 0
    assert run(db, "export", "--format", "gdelt", "--mentions", str(mentions)).returncode == 0
    columns = {c: GDELT_TYPES.get(c, "VARCHAR") for c in EVENT_COLUMNS}
    with duckdb.connect() as con:
        read = con.execute(
            "SELECT * FROM read_csv(?, delim = '\t', header = false, quote = '', columns = ?)",
            [str(events), columns],
        ).fetchall()
        table = [dict(zip(EVENT_COLUMNS, r, strict=True)) for r in read]
        mention_rows = con.execute(
            "SELECT * FROM read_csv(?, delim = '\t', header = false, quote = '', "
            "all_varchar = true)",
            [str(mentions)],
        ).fetchall()
    assert len(table) == scalar(db, "SELECT count(*) FROM event_clusters")
    assert sum(r["NumMentions"] for r in table) == scalar(db, "SELECT count(*) FROM events")
    assert all(len(r) == len(MENTION_COLUMNS) for r in mention_rows)
    assert len(mention_rows) == scalar(db, "SELECT count(*) FROM event_mentions")
    placed = [r for r in table if r["ActionGeo_Type"]]
    assert placed and all(len(r["ActionGeo_CountryCode"]) == 2 for r in placed)  # FIPS
    moscow = [r for r in placed if r["ActionGeo_FullName"].startswith("Moscou")]
    assert moscow and all(r["ActionGeo_CountryCode"] == "RS" for r in moscow)


def test_table_exports(db, tmp_path):
    quotes = tmp_path / "quotes.jsonl"
    assert run(db, "export", "--format", "jsonl", "--quotes", str(quotes)).returncode == 0
    lines = quotes.read_text(encoding="utf-8").splitlines()
    assert len(lines) == scalar(db, "SELECT count(*) FROM quotes")
    assert all("speaker_name" in json.loads(line) for line in lines)
    folder = tmp_path / "events"
    assert run(db, "export", "--format", "parquet", "--events", str(folder)).returncode == 0
    months = sorted(p.name for p in folder.iterdir())
    assert months and all(m.startswith("month=") for m in months)
    with duckdb.connect() as con:
        row = con.execute(
            "SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
            [str(folder / "*" / "*.parquet")],
        ).fetchone()
    assert row is not None and row[0] == scalar(db, "SELECT count(*) FROM events")
    bad = run(db, "export", "--format", "gdelt", "--quotes", str(tmp_path / "x"))
    assert bad.returncode == 1 and "GDELT" in bad.stderr


def test_paging_and_sorting(db):
    from veille.errors import QueryError
    from veille.store import open_store
    from veille.store import queries as q

    with open_store(db, read_only=True) as con:
        everything = q.events(con, limit=None).rows
        pages = [q.events(con, limit=5, offset=start).rows for start in range(0, 30, 5)]
        assert [row for page in pages for row in page] == everything[:30]
        scores = [r["goldstein"] for r in q.events(con, limit=None, sort="goldstein").records()]
        assert scores == sorted(scores)
        assert len(scores) == len(everything)
        reverse = q.events(con, limit=None, sort="-goldstein").records()
        assert [r["goldstein"] for r in reverse] == sorted(scores, reverse=True)
        names = [r["name"] for r in q.actors(con, top=None, sort="name").records()]
        assert names == sorted(names)
        with pytest.raises(QueryError, match="sort colour"):
            q.events(con, sort="colour")
        with pytest.raises(QueryError, match="offset"):
            q.quotes(con, offset=-1)


def test_dyads_by_pair_and_period(db):
    from veille.store import open_store
    from veille.store import queries as q

    with open_store(db, read_only=True) as con:
        pair = q.dyads(con, source="rus", target="CHN", top=None).records()
        assert pair
        assert {(r["source"], r["target"]) for r in pair} == {("RUS", "CHN")}
        monthly = q.dyads(con, monthly=True, source="RUS", target="CHN", top=None).records()
        assert sum(r["events"] for r in monthly) == pair[0]["events"]
        month = monthly[0]["month"]
        one = q.dyads(con, source="RUS", target="CHN", since=month, until=month).records()
        assert one[0]["events"] == monthly[0]["events"]
        # A month's events are records dated in it: the reference's RUS→CHN acts, dated
        # by a report of June 2023, count in June (not in the May their interval opens in).
        assert "2023-06" in {r["month"] for r in monthly}
        for row in monthly:
            told = q.events(
                con, source_actor="RUS", target_actor="CHN", since=row["month"], until=row["month"]
            )
            assert told.rows, row
        (article,) = con.execute(
            "SELECT id FROM articles WHERE ends_with(source, ?)", [REFERENCE.name]
        ).fetchone()
        quotes = q.quotes(con, article=article[:8], limit=None).records()
        everything = q.quotes(con, limit=None).records()
        assert 0 < len(quotes) < len(everything)
