"""The watch's pure parts and its fetcher, without a network: URLs, the feeds file,
feed and sitemap parsing, the retry policy, and the polite fetcher over
``httpx.MockTransport``."""

from __future__ import annotations

import gzip
import threading
import time
from datetime import datetime

import httpx
import pytest

from veille.errors import InputError
from veille.watch import (
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchError,
    FetchOptions,
    RetryPolicy,
    canonical_url,
    clean_link,
    parse_feeds,
    parse_interval,
)
from veille.watch.discover import parse_listing
from veille.watch.state import DueEntry

from .feedserver import atom, rss, sitemap

# -- URLs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("https://Exemple.FR:443/a/b/?utm_source=rss&utm_medium=x", "https://exemple.fr/a/b"),
        ("http://exemple.fr:80/a?b=2&a=1#commentaires", "http://exemple.fr/a?a=1&b=2"),
        ("http://exemple.fr", "http://exemple.fr/"),
        (
            "http://exemple.fr:8080/a?fbclid=1&gclid=2&xtor=RSS-3208&id=7",
            "http://exemple.fr:8080/a?id=7",
        ),
        ("https://exemple.fr/a?UTM_Campaign=x", "https://exemple.fr/a"),
    ],
)
def test_canonical_url(given, canonical):
    assert canonical_url(given) == canonical


def test_clean_link_keeps_the_page_as_given():
    link = "https://Exemple.fr/a/?b=2&utm_source=rss&a=1#x"
    assert clean_link(link) == "https://Exemple.fr/a/?b=2&a=1"


@pytest.mark.parametrize(
    "bad", ["ftp://exemple.fr/a", "exemple.fr/a", "http://", "http://x:99999/"]
)
def test_bad_urls_are_refused(bad):
    with pytest.raises(InputError):
        canonical_url(bad)


# -- the feeds file and --every ----------------------------------------------------------


def test_feeds_file_lines_names_languages_comments_and_bad_lines():
    text = (
        "# my feeds\n"
        "https://www.lemonde.fr/rss/une.xml   Le Monde   fr\n"
        "\n"
        "https://exemple.fr/sitemap.xml.gz\tExemple\n"
        "ftp://exemple.fr/feed   Bad\n"
        "https://exemple.fr/feed.xml fr  # inline comment\n"
        "https://WWW.lemonde.fr/rss/une.xml?utm_source=x\n"
    )
    sources, errors = parse_feeds(text, "feeds.txt")
    assert [(s.url, s.name, s.language, s.line) for s in sources] == [
        ("https://www.lemonde.fr/rss/une.xml", "Le Monde", "fr", 2),
        ("https://exemple.fr/sitemap.xml.gz", "Exemple", None, 4),
        ("https://exemple.fr/feed.xml", None, "fr", 6),
    ]
    assert [str(e) for e in errors] == [
        "feeds.txt:5: not an http(s) URL: 'ftp://exemple.fr/feed'",
        "feeds.txt:7: the same feed as line 2: https://WWW.lemonde.fr/rss/une.xml?utm_source=x",
    ]


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("90", 90)]
)
def test_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("bad", ["", "15 minutes", "m15", "0s", "1x"])
def test_bad_interval(bad):
    with pytest.raises(ValueError):
        parse_interval(bad)


# -- feeds and sitemaps ------------------------------------------------------------------

ITEMS = [("http://x.test/a?utm_source=rss", "Un titre", "2023-06-10"), ("/b", "Relatif", None)]


def test_rss_and_atom_entries_with_dates_and_relative_links():
    for body, kind in ((rss(ITEMS), "rss"), (atom(ITEMS), "atom")):
        found = parse_listing(body.encode(), "http://x.test/feed.xml")
        assert found.kind == kind
        assert [e.link for e in found.entries] == [
            "http://x.test/a?utm_source=rss",
            "http://x.test/b",
        ]
        assert found.entries[0].title == "Un titre"
        assert found.entries[0].published == "2023-06-10"


def test_rdf_feed():
    body = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="http://x.test/"><title>t</title><link>http://x.test/</link>'
        "<description>d</description></channel>"
        '<item rdf:about="http://x.test/c"><title>C</title><link>http://x.test/c</link>'
        "<dc:date>2023-06-12T10:00:00Z</dc:date></item></rdf:RDF>"
    )
    found = parse_listing(body.encode(), "http://x.test/rdf")
    assert found.kind == "rdf"
    assert [(e.link, e.published) for e in found.entries] == [("http://x.test/c", "2023-06-12")]


def test_sitemaps_plain_gzip_and_index():
    found = parse_listing(
        sitemap(["http://x.test/a", "http://x.test/b"], gz=True), "http://x.test/s.xml.gz"
    )
    assert found.kind == "sitemap"
    assert [e.link for e in found.entries] == ["http://x.test/a", "http://x.test/b"]
    index = parse_listing(sitemap(["http://x.test/s1.xml"], index=True), "http://x.test/index.xml")
    assert index.kind == "sitemapindex" and index.sitemaps == ("http://x.test/s1.xml",)
    news = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        b' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://x.test/n</loc>'
        b"<lastmod>2023-07-01T10:00:00+02:00</lastmod><news:news><news:publication_date>"
        b"2023-06-30</news:publication_date><news:title>N</news:title></news:news></url></urlset>"
    )
    (entry,) = parse_listing(news, "http://x.test/news.xml").entries
    assert (entry.title, entry.published) == ("N", "2023-06-30")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti', "malformed feed"),
        (b"<!DOCTYPE html><html><body><p>hello</p></body></html>", "an HTML page"),
        (b"", "empty feed"),
        (b"\x1f\x8b\x08\x00broken", "broken gzip"),
    ],
)
def test_bad_feeds_are_named(body, reason):
    with pytest.raises(InputError, match=reason) as caught:
        parse_listing(body, "http://x.test/feed")
    assert caught.value.source == "http://x.test/feed"


# -- retry policy ----------------------------------------------------------------------


def test_retry_policy_backs_off_then_gives_up():
    policy = RetryPolicy(base=60, cap=600, transient_attempts=4, permanent_attempts=2)
    now = datetime(2024, 1, 1)
    waits = []
    for attempts in range(3):
        entry = DueEntry(url="u", link="u", published=None, attempts=attempts)
        outcome = policy.outcome(entry, "HTTP 503", transient=True, now=now)
        assert outcome.status == "pending" and outcome.attempts == attempts + 1
        waits.append((outcome.next_attempt_at - now).total_seconds())
    assert waits == [60, 120, 240]
    last = DueEntry(url="u", link="u", published=None, attempts=3)
    assert policy.outcome(last, "HTTP 503", transient=True, now=now).status == "failed"
    first = DueEntry(url="u", link="u", published=None, attempts=0)
    slow = policy.outcome(first, "HTTP 429", transient=True, retry_after=3600, now=now)
    assert (slow.next_attempt_at - now).total_seconds() == 3600
    assert policy.outcome(first, "HTTP 404", transient=False, now=now).status == "pending"
    second = DueEntry(url="u", link="u", published=None, attempts=1)
    gone = policy.outcome(second, "HTTP 404", transient=False, now=now)
    assert (gone.status, gone.error, gone.next_attempt_at) == ("failed", "HTTP 404", None)


# -- the fetcher over MockTransport --------------------------------------------------------

PAGE = b"<html><body><p>Bonjour.</p></body></html>"


def fetcher_for(handler, **options) -> tuple[Fetcher, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    client = httpx.Client(transport=httpx.MockTransport(record))
    defaults = {"delay": 0.0, "backoff": 0.0, "timeout": 2.0}
    return Fetcher(client, FetchOptions(**(defaults | options))), seen


def site(routes):
    """A handler answering from ``routes`` (path → Response or callable); 404 elsewhere."""

    def handler(request: httpx.Request) -> httpx.Response:
        found = routes.get(request.url.path)
        if callable(found):
            return found(request)
        return found if found is not None else httpx.Response(404)

    return handler


def html(body: bytes = PAGE, **headers) -> httpx.Response:
    return httpx.Response(200, content=body, headers={"content-type": "text/html", **headers})


def test_user_agent_and_robots_read_once_per_round():
    fetcher, seen = fetcher_for(
        site({"/robots.txt": httpx.Response(404), "/a": html(), "/b": html()})
    )
    assert fetcher.get("http://x.test/a").body == PAGE
    fetcher.get("http://x.test/b")
    assert [r.url.path for r in seen] == ["/robots.txt", "/a", "/b"]
    assert all(r.headers["user-agent"] == DEFAULT_USER_AGENT for r in seen)
    assert DEFAULT_USER_AGENT.startswith("veille/")
    fetcher.new_round()
    fetcher.get("http://x.test/a")
    assert [r.url.path for r in seen].count("/robots.txt") == 2


def test_robots_disallow_and_crawl_delay():
    robots = httpx.Response(200, text="User-agent: veille\nDisallow: /private/\nCrawl-delay: 1\n")
    fetcher, seen = fetcher_for(site({"/robots.txt": robots, "/a": html(), "/private/p": html()}))
    with pytest.raises(FetchError, match=r"disallowed by robots\.txt") as caught:
        fetcher.get("http://x.test/private/p")
    assert not caught.value.transient
    assert "/private/p" not in [r.url.path for r in seen]
    started = time.monotonic()
    fetcher.get("http://x.test/a")
    fetcher.get("http://x.test/a")
    assert time.monotonic() - started >= 0.9  # Crawl-delay between the two


def test_robots_unreachable_keeps_the_site_off_limits_for_the_round():
    fetcher, seen = fetcher_for(site({"/robots.txt": httpx.Response(503), "/a": html()}), retries=0)
    with pytest.raises(FetchError, match=r"robots\.txt unreachable") as caught:
        fetcher.get("http://x.test/a")
    assert caught.value.transient
    assert [r.url.path for r in seen] == ["/robots.txt"]


def test_429_and_5xx_retried_with_retry_after():
    answers = iter([httpx.Response(429, headers={"retry-after": "0"}), httpx.Response(502), html()])
    fetcher, seen = fetcher_for(
        site({"/robots.txt": httpx.Response(404), "/a": lambda r: next(answers)})
    )
    assert fetcher.get("http://x.test/a").status == 200
    assert [r.url.path for r in seen].count("/a") == 3


def test_5xx_exhausted_and_long_retry_after_are_transient():
    fetcher, seen = fetcher_for(
        site(
            {
                "/robots.txt": httpx.Response(404),
                "/a": httpx.Response(500),
                "/b": httpx.Response(503, headers={"retry-after": "3600"}),
            }
        ),
        retries=2,
    )
    with pytest.raises(FetchError, match="HTTP 500") as caught:
        fetcher.get("http://x.test/a")
    assert caught.value.transient and [r.url.path for r in seen].count("/a") == 3
    with pytest.raises(FetchError, match="HTTP 503") as caught:
        fetcher.get("http://x.test/b")
    assert caught.value.retry_after == 3600  # too long to wait now: a later round
    assert [r.url.path for r in seen].count("/b") == 1


def test_conditional_feed_request():
    def feed(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"etag": '"v1"'})
        return httpx.Response(
            200, content=b"<rss/>", headers={"etag": '"v1"', "last-modified": "x"}
        )

    fetcher, seen = fetcher_for(site({"/robots.txt": httpx.Response(404), "/feed": feed}))
    first = fetcher.get("http://x.test/feed", kind="feed")
    assert (first.status, first.etag, first.last_modified) == (200, '"v1"', "x")
    again = fetcher.get("http://x.test/feed", kind="feed", etag='"v1"', last_modified="x")
    assert again.not_modified
    assert seen[-1].headers["if-modified-since"] == "x"


def test_redirects_followed_loops_and_chains_refused():
    moved = lambda to: httpx.Response(301, headers={"location": to})  # noqa: E731
    routes = {
        "/robots.txt": httpx.Response(404),
        "/old": moved("/new"),
        "/new": html(),
        "/l1": moved("/l2"),
        "/l2": moved("/l1"),
    }
    routes |= {f"/c{i}": moved(f"/c{i + 1}") for i in range(10)}
    fetcher, _ = fetcher_for(site(routes), max_redirects=5)
    assert fetcher.get("http://x.test/old").url == "http://x.test/new"
    with pytest.raises(
        FetchError,
        match=r"redirect loop \(http://x.test/l1 → http://x.test/l2 → http://x.test/l1\)",
    ):
        fetcher.get("http://x.test/l1")
    with pytest.raises(FetchError, match="too many redirects"):
        fetcher.get("http://x.test/c0")


def test_size_limit_with_and_without_content_length_and_types():
    big = b"<html><body>" + b"x" * 50_000 + b"</body></html>"

    def streamed(request: httpx.Request) -> httpx.Response:
        chunks = (big[i : i + 4096] for i in range(0, len(big), 4096))
        return httpx.Response(200, content=chunks, headers={"content-type": "text/html"})

    routes = {
        "/robots.txt": httpx.Response(404),
        "/big": html(big),
        "/stream": streamed,
        "/doc.pdf": httpx.Response(
            200, content=b"%PDF-1.4", headers={"content-type": "application/pdf"}
        ),
        "/img": httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}),
        "/txt": httpx.Response(
            200, content=b"Bonjour", headers={"content-type": "text/plain; charset=utf-8"}
        ),
    }
    fetcher, _ = fetcher_for(site(routes), max_bytes=10_000)
    with pytest.raises(FetchError, match=r"too large \(50,026 bytes, limit 10,000\)"):
        fetcher.get("http://x.test/big")
    with pytest.raises(FetchError, match=r"too large \(over the limit of 10,000 bytes"):
        fetcher.get("http://x.test/stream")
    for path, kind in (("/doc.pdf", "application/pdf"), ("/img", "image/png")):
        with pytest.raises(FetchError, match=f"not an HTML page .{kind}") as caught:
            fetcher.get(f"http://x.test{path}")
        assert not caught.value.transient
    assert fetcher.get("http://x.test/txt").content_type == "text/plain"


def test_timeouts_and_connection_errors_are_transient():
    def fail(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.url.path == "/slow":
            raise httpx.ReadTimeout("slow", request=request)
        raise httpx.ConnectError("refused", request=request)

    fetcher, seen = fetcher_for(fail, retries=1)
    with pytest.raises(FetchError, match="timed out") as caught:
        fetcher.get("http://x.test/slow")
    assert caught.value.transient
    assert [r.url.path for r in seen].count("/slow") == 1  # a timeout is not retried at once
    with pytest.raises(FetchError, match="connection failed") as caught:
        fetcher.get("http://x.test/down")
    assert caught.value.transient
    assert [r.url.path for r in seen].count("/down") == 2


def test_at_most_per_host_requests_at_once():
    lock = threading.Lock()
    running = {"now": 0, "max": 0}

    def slow(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        with lock:
            running["now"] += 1
            running["max"] = max(running["max"], running["now"])
        time.sleep(0.05)
        with lock:
            running["now"] -= 1
        return html()

    fetcher, _ = fetcher_for(slow, per_host=2)
    threads = [threading.Thread(target=fetcher.get, args=(f"http://x.test/{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert running["max"] == 2


def test_gzip_sitemap_body_is_limited():
    body = gzip.compress(b"<urlset>" + b" " * 100 + b"</urlset>")
    assert parse_listing(body, "http://x.test/s.xml.gz").entries == ()
