"""A real HTTP server on 127.0.0.1 and a free port, in a thread, serving feeds, sitemaps,
robots.txt and article pages that a test sets up and changes between rounds; it logs every
request (path and headers) so a test can say what was, or was never, asked for."""

from __future__ import annotations

import gzip
import html
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.conftest import FIXTURES, WIKINEWS
from tests.serving import free_port


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 when If-None-Match matches
    delay: float = 0.0  # seconds before the answer
    length: bool = True  # send Content-Length (else the body ends with the connection)
    fake_length: int | None = None  # announce this Content-Length (a lie)


@dataclass
class Hit:
    path: str
    headers: dict[str, str]


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Hit] = []
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Hit]:
        return [h for h in self.log if h.path == path]

    def serve(self, path: str, body: bytes | str = b"", **options) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path
            server.log.append(Hit(path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(path) or server.routes.get(urlsplit(path).path)
            if route is None:
                route = Route(body=b"<html><body>perdu</body></html>", status=404)
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            if route.etag:
                self.send_header("ETag", route.etag)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.fake_length is not None:
                self.send_header("Content-Length", str(route.fake_length))
            elif route.length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                for start in range(0, len(route.body), 65536):
                    self.wfile.write(route.body[start : start + 65536])
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a page too large): expected

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

    return Handler


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()
    port = free_port()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- content ---------------------------------------------------------------------------


def wikinews(count: int, start: int = 0) -> list[dict[str, str]]:
    """Records of the bundled Wikinews corpus (text, title, date)."""
    records = []
    with WIKINEWS.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if number >= start + count:
                break
            if number >= start:
                records.append(json.loads(line))
    return records


def article_page(record: dict[str, str], *, dated: bool = True) -> str:
    """A simple French news page around a corpus article (dated in its markup, or with
    no date at all: the paragraphs that give one are left out)."""
    kept = [p for p in record["text"].split("\n") if p.strip()]
    if not dated:
        kept = [p for p in kept if not _DATED.search(p)]
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in kept)
    meta = f'<meta property="article:published_time" content="{record["date"]}">' if dated else ""
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{html.escape(record['title'])}</title>{meta}</head><body>"
        f"<header><nav><a href='/'>Accueil</a></nav></header><article>"
        f"<h1>{html.escape(record['title'])}</h1>{paragraphs}</article>"
        f"<footer>© Exemple</footer></body></html>"
    )


_DATED = re.compile(
    r"\b(1[89]|20)\d\d\b|\b\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre)\b",
    re.IGNORECASE,
)


def reference_page() -> bytes:
    return (FIXTURES / "canada-frappes-fr.html").read_bytes()


def rss(items: list[tuple[str, str, str | None]], title: str = "Exemple") -> str:
    """An RSS 2.0 feed of (link, title, ISO date or None) items."""
    parts = []
    for link, name, date in items:
        when = ""
        if date:
            from datetime import datetime

            stamp = datetime.fromisoformat(date + "T08:00:00+00:00")
            when = f"<pubDate>{format_datetime(stamp)}</pubDate>"
        parts.append(
            f"<item><title>{html.escape(name)}</title><link>{html.escape(link)}</link>{when}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://exemple.test/</link>"
        f"<description>test</description>{''.join(parts)}</channel></rss>"
    )


def atom(items: list[tuple[str, str, str | None]]) -> str:
    entries = "".join(
        f'<entry><title>{html.escape(name)}</title><link href="{html.escape(link)}"/>'
        f"<id>{html.escape(link)}</id><updated>{date or '2020-01-01'}T08:00:00Z</updated></entry>"
        for link, name, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Exemple</title><id>urn:test</id><updated>2020-01-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    )


def sitemap(links: list[str], *, index: bool = False, gz: bool = False) -> bytes:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    body = "".join(f"<{item}><loc>{html.escape(link)}</loc></{item}>" for link in links)
    text = (
        f'<?xml version="1.0" encoding="UTF-8"?>'
        f'<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</{tag}>'
    ).encode()
    return gzip.compress(text) if gz else text
