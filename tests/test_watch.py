"""``veille watch`` and ``veille fetch`` against a real HTTP server on 127.0.0.1 serving
feeds, sitemaps, robots.txt and French article pages, into real DuckDB stores."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import replace

import duckdb
import httpx
import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.errors import StoreBusy
from veille.watch import (
    CollectOptions,
    FeedSource,
    Fetcher,
    FetchOptions,
    RetryPolicy,
    canonical_url,
    run_round,
    watch,
)

from .conftest import ROOT
from .feedserver import article_page, atom, feed_server, reference_page, rss, sitemap, wikinews

pytestmark = pytest.mark.slow

# Tried again at the next round (no back-off), given up after 3 permanent failures.
NOW = RetryPolicy(base=0)
OPTIONS = CollectOptions(retry=NOW, batch_size=4)


@pytest.fixture
def server():
    with feed_server() as srv:
        srv.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        yield srv


@pytest.fixture
def client():
    with httpx.Client() as c:
        yield c


def fetcher(client, **options):
    return Fetcher(
        client, FetchOptions(**({"delay": 0.0, "backoff": 0.0, "timeout": 3.0} | options))
    )


def rows(db, sql, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def entries(db):
    return dict(rows(db, "SELECT url, status FROM watch_entries"))


def test_rounds_store_new_entries_once_across_feeds_and_sitemaps(server, client, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    records = wikinews(4)
    for i, record in enumerate(records):
        server.serve(f"/art/{i}", article_page(record, dated=i != 0))
    server.serve("/ref", reference_page())
    u = server.url
    # Article 0 is in both feeds, with campaign parameters; its page carries no date.
    server.serve(
        "/rss.xml",
        rss(
            [
                (u("/art/0?utm_source=rss&utm_medium=feed"), "zero", "2012-05-25"),
                (u("/art/1"), "un", None),
                (u("/ref#top"), "ref", "2023-06-10"),
            ]
        ),
        content_type="application/rss+xml",
        etag='"rss-1"',
    )
    server.serve(
        "/atom.xml",
        atom([(u("/art/0?utm_campaign=x"), "zero", None), (u("/art/2"), "deux", None)]),
        content_type="application/atom+xml",
    )
    server.serve(
        "/sitemap.xml.gz",
        sitemap([u("/art/3"), u("/art/1/")], gz=True),
        content_type="application/gzip",
    )
    server.serve(
        "/index.xml", sitemap([u("/sitemap.xml.gz")], index=True), content_type="application/xml"
    )
    sources = [FeedSource(url=u(p)) for p in ("/rss.xml", "/atom.xml", "/index.xml")]
    watcher = fetcher(client)

    first = run_round(db, sources, watcher, OPTIONS)
    assert (first.feeds_ok, first.feeds_failed) == (4, 0)  # the index and its sitemap
    assert first.new_entries == 5 and first.pages.stored == 5 and first.ok
    stored = dict(rows(db, "SELECT source, published FROM documents"))
    assert set(stored) == {u(f"/art/{i}") for i in range(4)} | {u("/ref")}
    assert stored[u("/art/0")] == "2012-05-25"  # from the feed: the page gives none
    assert rows(db, "SELECT count(*) FROM articles") == [(5,)]
    assert len(server.hits("/art/0")) == 1 and len(server.hits("/robots.txt")) == 1
    assert rows(db, "SELECT command, status, stored FROM runs") == [("watch", "done", 5)]

    second = run_round(db, sources, watcher, OPTIONS)
    assert second.new_entries == 0 and second.pages.stored == 0 and second.ok
    assert second.feeds_not_modified == 1  # the RSS feed answered 304 to If-None-Match
    assert server.hits("/rss.xml")[-1].headers.get("if-none-match") == '"rss-1"'
    assert rows(db, "SELECT count(*) FROM documents") == [(5,)]
    assert len(server.hits("/art/0")) == 1  # no page downloaded again
    feeds = dict(rows(db, "SELECT url, last_status FROM feeds"))
    assert feeds[u("/rss.xml")] == "not-modified" and feeds[u("/sitemap.xml.gz")] == "ok"


def test_same_text_in_another_layout_is_one_document(server, client, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    (record,) = wikinews(1, start=5)
    server.serve("/a", article_page(record))
    server.serve("/amp/a", article_page(record).replace("© Exemple", "© Exemple AMP"))
    server.serve("/f.xml", rss([(server.url("/a"), "a", None), (server.url("/amp/a"), "a", None)]))
    report = run_round(db, [FeedSource(url=server.url("/f.xml"))], fetcher(client), OPTIONS)
    assert (report.pages.stored, report.pages.duplicates) == (1, 1)
    assert sorted(entries(db).values()) == ["duplicate", "stored"]
    (doc,) = rows(db, "SELECT id FROM documents")
    assert {d for (d,) in rows(db, "SELECT document_id FROM watch_entries")} == {doc[0]}


def test_failing_pages_stay_pending_and_are_stored_later(server, client, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    records = wikinews(2, start=6)
    server.serve("/oops", "erreur", status=500, content_type="text/plain")
    server.serve("/slow", article_page(records[0]), delay=2.0)
    server.serve("/f.xml", rss([(server.url(p), p, None) for p in ("/later", "/oops", "/slow")]))
    sources = [FeedSource(url=server.url("/f.xml"))]
    watcher = fetcher(client, timeout=0.5, retries=1)

    first = run_round(db, sources, watcher, OPTIONS)
    assert first.pages.stored == 0 and first.pages.retry_later == 3 and not first.ok
    assert entries(db) == {server.url(p): "pending" for p in ("/later", "/oops", "/slow")}
    reasons = dict(rows(db, "SELECT url, last_error FROM watch_entries"))
    assert reasons[server.url("/later")] == "HTTP 404 Not Found"
    assert reasons[server.url("/oops")] == "HTTP 500 Internal Server Error"
    assert "timed out" in reasons[server.url("/slow")]
    assert len(server.hits("/oops")) == 2  # retried once within the round
    errors = {(s, stage) for s, stage, _ in rows(db, "SELECT source, stage, message FROM errors")}
    assert (server.url("/oops"), "fetch") in errors

    server.serve("/later", article_page(records[1]))
    server.serve("/oops", article_page(records[0]).replace("Exemple", "Autre"))
    server.serve("/slow", article_page(records[0]).replace("Exemple", "Lent"))
    second = run_round(db, sources, watcher, OPTIONS)
    assert second.pages.stored == 2 and second.pages.duplicates == 1 and second.ok
    assert second.pending == 0
    assert sorted(entries(db).values()) == ["duplicate", "stored", "stored"]


def test_max_pages_spreads_a_large_listing_over_rounds_oldest_first(server, client, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    records = wikinews(3, start=20)
    for i, record in enumerate(records):
        server.serve(f"/m/{i}", article_page(record))
    server.serve("/m.xml", sitemap([server.url(f"/m/{i}") for i in range(3)]))
    sources = [FeedSource(url=server.url("/m.xml"))]
    options = replace(OPTIONS, max_pages=2)

    first = run_round(db, sources, fetcher(client), options)
    assert first.pages.attempted == 2 and first.pages.stored == 2 and first.deferred == 1
    assert first.pending == 1 and first.ok
    second = run_round(db, sources, fetcher(client), options)
    assert second.pages.stored == 1 and second.deferred == 0 and second.pending == 0
    assert sorted(entries(db).values()) == ["stored"] * 3
    assert [len(server.hits(f"/m/{i}")) for i in range(3)] == [1, 1, 1]


@contextmanager
def held(db, seconds):
    """Another process holding the store open for ``seconds`` (or until the block ends)."""
    code = "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
    code += "print('held', flush=True); time.sleep(float(sys.argv[2]))"
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_watch_loop_skips_rounds_while_another_process_holds_the_store(
    server, client, tmp_path, nlp
):
    db = tmp_path / "veille.duckdb"
    (record,) = wikinews(1, start=24)
    server.serve("/b/0", article_page(record))
    server.serve("/b.xml", rss([(server.url("/b/0"), "b", None)]))
    sources = [FeedSource(url=server.url("/b.xml"))]
    options = replace(OPTIONS, wait=0.2)
    watcher = fetcher(client)
    reports = []

    def on_round(report):
        reports.append(report)
        watcher.stop.set()

    with held(db, 2.5) as holder:
        started = time.monotonic()
        last = watch(db, sources, watcher, options, every=0.5, on_round=on_round)
        holder.wait(timeout=30)
    assert time.monotonic() - started > 2.0  # rounds were skipped while the file was held
    assert last is reports[0] and last.pages.stored == 1 and last.ok
    assert rows(db, "SELECT status FROM runs") == [("done",)]

    with held(db, 10), pytest.raises(StoreBusy):  # --once: the busy store is the answer
        watch(db, sources, fetcher(client), options, every=0.5, once=True)


def test_robots_redirects_sizes_and_types_are_refused_with_reasons(server, client, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    (record,) = wikinews(1, start=8)
    big = article_page(record) + "<!--" + "x" * 300_000 + "-->"
    server.serve("/private/a", article_page(record))
    server.serve("/loop1", status=302, headers={"Location": "/loop2"})
    server.serve("/loop2", status=302, headers={"Location": "/loop1"})
    server.serve("/big", big)
    server.serve("/big-unannounced", big, length=False)
    server.serve("/doc.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    server.serve("/photo.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
    paths = ["/private/a", "/loop1", "/big", "/big-unannounced", "/doc.pdf", "/photo.jpg"]
    server.serve("/f.xml", rss([(server.url(p), p, None) for p in paths]))
    sources = [FeedSource(url=server.url("/f.xml"))]
    watcher = fetcher(client, max_bytes=200_000)

    for _ in range(3):  # permanent failures are given up on the third attempt
        report = run_round(db, sources, watcher, OPTIONS)
    assert report.pages.failed == 6 and not report.ok
    found = {
        url: (status, error)
        for url, status, error in rows(db, "SELECT url, status, last_error FROM watch_entries")
    }
    reason = {p: found[server.url(p)][1] for p in paths}
    assert {status for status, _ in found.values()} == {"failed"}
    assert reason["/private/a"] == "disallowed by robots.txt"
    assert reason["/loop1"].startswith("redirect loop (")
    assert reason["/big"].startswith("too large (")
    assert reason["/big-unannounced"] == "too large (over the limit of 200,000 bytes)"
    assert reason["/doc.pdf"] == "not an HTML page (application/pdf)"
    assert reason["/photo.jpg"] == "not an HTML page (image/jpeg)"
    assert server.hits("/private/a") == []  # never asked for
    assert len(server.hits("/robots.txt")) == 3  # once a round
    assert rows(db, "SELECT count(*) FROM documents") == [(0,)]
    run_round(db, sources, watcher, OPTIONS)  # given up: not downloaded again
    assert len(server.hits("/doc.pdf")) == 3


def test_robots_unreachable_keeps_entries_pending(server, client, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    (record,) = wikinews(1, start=9)
    server.serve("/robots.txt", "panne", status=503, content_type="text/plain")
    server.serve("/a", article_page(record))
    server.serve("/f.xml", rss([(server.url("/a"), "a", None)]))
    sources = [FeedSource(url=server.url("/f.xml"))]
    report = run_round(db, sources, fetcher(client, retries=0), OPTIONS)
    # The feed itself is on that site too: not read, reported, nothing lost.
    assert report.feeds_failed == 1 and "robots.txt unreachable" in report.feed_failures[0].message
    server.serve("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    report = run_round(db, sources, fetcher(client), OPTIONS)
    assert report.pages.stored == 1 and report.ok


def test_a_malformed_feed_is_reported_and_the_others_go_on(server, client, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    (record,) = wikinews(1, start=10)
    server.serve("/a", article_page(record))
    server.serve("/good.xml", rss([(server.url("/a"), "a", None)]))
    server.serve(
        "/bad.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti',
        content_type="application/rss+xml",
    )
    server.serve("/page.html", "<!DOCTYPE html><html><body>pas un flux</body></html>")
    sources = [
        FeedSource(url=server.url(p)) for p in ("/bad.xml", "/gone.xml", "/page.html", "/good.xml")
    ]
    report = run_round(db, sources, fetcher(client), OPTIONS)
    assert (report.feeds_ok, report.feeds_failed) == (1, 3) and report.pages.stored == 1
    messages = {f.source: f.message for f in report.feed_failures}
    assert messages[server.url("/bad.xml")].startswith("malformed feed")
    assert messages[server.url("/gone.xml")] == "HTTP 404 Not Found"
    assert messages[server.url("/page.html")].startswith("an HTML page")
    stored_errors = rows(db, "SELECT source FROM errors WHERE stage = 'feed'")
    assert {s for (s,) in stored_errors} == set(messages)
    assert dict(rows(db, "SELECT url, last_status FROM feeds"))[server.url("/bad.xml")] == "failed"


def test_a_crash_mid_round_resumes_without_duplicates(server, client, tmp_path, nlp, monkeypatch):
    import veille.watch.collect as collect

    db = tmp_path / "veille.duckdb"
    records = wikinews(3, start=11)
    for i, record in enumerate(records):
        server.serve(f"/c/{i}", article_page(record))
    server.serve("/f.xml", rss([(server.url(f"/c/{i}"), str(i), None) for i in range(3)]))
    sources = [FeedSource(url=server.url("/f.xml"))]
    real = collect.write_batch
    calls = []

    def crash_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise SystemExit("killed")  # as a kill mid-batch: nothing of it commits
        return real(*args, **kwargs)

    monkeypatch.setattr(collect, "write_batch", crash_on_second)
    with pytest.raises(SystemExit):
        run_round(db, sources, fetcher(client), CollectOptions(retry=NOW, batch_size=1))
    monkeypatch.setattr(collect, "write_batch", real)
    assert rows(db, "SELECT count(*) FROM documents") == [(1,)]
    assert sorted(entries(db).values()) == ["pending", "pending", "stored"]
    assert rows(db, "SELECT status FROM runs") == [("interrupted",)]

    report = run_round(db, sources, fetcher(client), OPTIONS)
    assert report.pages.stored == 2 and report.new_entries == 0
    assert rows(db, "SELECT count(*), count(DISTINCT source) FROM documents") == [(3, 3)]
    assert set(entries(db).values()) == {"stored"}


# -- the command line ------------------------------------------------------------------


def test_watch_once_cli_exit_status_and_summary(server, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    (record,) = wikinews(1, start=14)
    server.serve("/a", article_page(record))
    server.serve("/f.xml", rss([(server.url("/a"), "a", None)]))
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# test\n{server.url('/f.xml')}  Exemple  fr\nnot-a-url\n")
    runner = CliRunner()
    args = ["watch", str(feeds), "--db", str(db), "--once", "--delay", "0"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output  # the bad line
    assert f"error: {feeds}:3: not an http(s) URL: 'not-a-url'" in result.stderr
    assert "round 1" in result.stdout and "1 new entries" in result.stdout
    assert "1 stored" in result.stdout and "Traceback" not in result.output
    assert rows(db, "SELECT name, language FROM feeds") == [("Exemple", "fr")]

    feeds.write_text(f"{server.url('/f.xml')}\n")
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "0 new entries" in result.stdout and "0 stored" in result.stdout

    feeds.write_text("# nothing\n")
    assert runner.invoke(app, args).exit_code == 2
    missing = runner.invoke(app, ["watch", str(tmp_path / "none.txt"), "--db", str(db), "--once"])
    assert missing.exit_code == 2 and "cannot read the feeds file" in missing.stderr
    bad_every = runner.invoke(app, [*args[:-3], "--every", "soon"])
    assert bad_every.exit_code == 2 and "not an interval" in bad_every.output


def test_fetch_cli_prints_analysis_json_and_stores(server, tmp_path, nlp):
    db = tmp_path / "veille.duckdb"
    (record,) = wikinews(1, start=15)
    server.serve("/a", article_page(record))
    runner = CliRunner()
    good, bad = server.url("/a?utm_source=x"), server.url("/absent")
    result = runner.invoke(app, ["fetch", good, bad, "ftp://x", "--delay", "0"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["schema"] == "veille.analysis/1"
    assert lines[0]["article"]["source"] == server.url("/a")
    assert lines[0]["article"]["title"] == record["title"]
    assert lines[1] == {"error": "HTTP 404 Not Found", "source": bad, "stage": "fetch"}
    assert lines[2]["source"] == "ftp://x" and "not an http(s) URL" in lines[2]["error"]
    assert f"error: {bad}: HTTP 404 Not Found" in result.stderr
    assert not db.exists()  # nothing stored without --store

    stored = runner.invoke(app, ["fetch", good, "--store", "--db", str(db), "--delay", "0"])
    assert stored.exit_code == 0, stored.output
    assert "stored" in stored.stdout and canonical_url(good) in stored.stdout
    assert rows(db, "SELECT command, stored FROM runs") == [("fetch", 1)]
    again = runner.invoke(app, ["fetch", good, "--store", "--db", str(db), "--delay", "0"])
    assert again.exit_code == 0 and "already stored" in again.stdout
    assert rows(db, "SELECT count(*) FROM documents") == [(1,)]


def _veille(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen(
        [sys.executable, "-m", "veille", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for_documents(db, count, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            found = rows(db, "SELECT count(*) FROM documents")[0][0]
        except duckdb.Error:  # not created yet, or held by the writer for a moment
            found = 0
        if found >= count:
            return
        time.sleep(0.2)
    raise AssertionError("no document stored in time")


def test_watch_loop_ends_cleanly_on_sigint_and_resumes_after_kill_9(server, tmp_path):
    db = tmp_path / "veille.duckdb"
    records = wikinews(4, start=16)
    for i, record in enumerate(records):  # slow pages: the round is still going when stopped
        server.serve(f"/s/{i}", article_page(record), delay=0.6)
    server.serve("/f.xml", rss([(server.url(f"/s/{i}"), str(i), None) for i in range(4)]))
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(server.url("/f.xml") + "\n")
    common = [str(feeds), "--db", str(db), "--delay", "0", "--batch-size", "1"]

    killed = _veille("watch", *common, "--every", "1s")
    _wait_for_documents(db, 1, killed)
    killed.kill()  # kill -9 mid-round
    killed.communicate(timeout=30)
    before = rows(db, "SELECT count(*) FROM documents")[0][0]
    assert before < 4

    loop = _veille("watch", *common, "--every", "1s")
    _wait_for_documents(db, before + 1, loop)
    loop.send_signal(signal.SIGINT)
    stdout, stderr = loop.communicate(timeout=60)
    assert loop.returncode == 0, stderr
    assert "stopping after the articles in hand" in stderr and "Traceback" not in stderr
    assert "round 1" in stdout
    runs = rows(db, "SELECT status, finished_at IS NOT NULL FROM runs ORDER BY id")
    assert runs[0] == ("running", False)  # the killed one
    assert all(finished for _, finished in runs[1:])
    ((documents, distinct),) = rows(db, "SELECT count(*), count(DISTINCT source) FROM documents")
    assert documents == distinct >= before + 1  # no duplicate
    stored = {u for u, s in entries(db).items() if s == "stored"}
    assert stored == {s for (s,) in rows(db, "SELECT source FROM documents")}
    assert set(entries(db)) == {server.url(f"/s/{i}") for i in range(4)}
