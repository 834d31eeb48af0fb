"""A polite HTTP fetcher for feeds and article pages, over an injected ``httpx.Client``.

Polite: a descriptive User-Agent; robots.txt read once per site and round and obeyed
(its Crawl-delay too); at most ``per_host`` requests at once to a host, started at least
``delay`` seconds apart; 429 and 5xx answers retried with exponential back-off, honouring
Retry-After; conditional requests (ETag, Last-Modified) for feeds. Careful: timeouts on
connect and on each read, a whole-transfer deadline, a size limit enforced while the
body streams in (whatever Content-Length says), redirects followed by hand so that each
hop is checked against robots.txt and a loop is named as one.

Each failure is a :class:`FetchError` that says whether it is worth retrying later
(``transient``: timeouts, connection errors, 429, 5xx, robots.txt unreachable) or not
(404, 410, a PDF, a page too large, robots.txt disallow, a redirect loop).
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
import urllib.robotparser
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urljoin

import httpx

from veille import __version__
from veille.errors import VeilleError
from veille.watch.urls import SCHEMES, host_of, origin_of

LOGGER = logging.getLogger(__name__)

# The project has no public home yet, so no URL is invented here: the agent says what it
# is, and `--user-agent` adds the operator's contact (a URL or an e-mail), which site
# owners expect from a crawler.
DEFAULT_USER_AGENT = f"veille/{__version__} (news monitoring; python-httpx)"

# Page types analysed; anything else (PDF, images, JSON) is refused with its type.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Google reads the first 500 KiB of a robots.txt; so do we.
MAX_ROBOTS_BYTES = 500 * 1024
# A Crawl-delay above this is read as this: a site asking for one request an hour would
# otherwise stall a round.
MAX_CRAWL_DELAY = 60.0
# A body that trickles in is dropped after this many times the read timeout in all.
DEADLINE_FACTOR = 3.0

Kind = Literal["page", "feed"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchOptions:
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0  # seconds to connect, and between two reads
    max_bytes: int = 5 * 1024 * 1024  # largest page or feed body, decoded
    per_host: int = 2  # requests at once to one host
    delay: float = 1.0  # seconds between the starts of two requests to one host
    retries: int = 2  # further tries of a 429 or 5xx answer within a round
    backoff: float = 2.0  # seconds before the first retry, doubled at each
    max_retry_after: float = 120.0  # a longer Retry-After waits for a later round
    max_redirects: int = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for a feed not modified
    content_type: str | None = None  # media type in lower case, no parameters
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(VeilleError):
    """A URL could not be fetched: the URL, the reason in one line, and whether a later
    round may succeed (``transient``), after ``retry_after`` seconds if the server said."""

    def __init__(
        self,
        url: str,
        reason: str,
        *,
        transient: bool,
        retry_after: float | None = None,
        retry_now: bool = False,
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after
        # Worth another try within the round (429, 5xx, a refused connection); a timeout
        # is not: it has cost its wait already, and the next round tries again.
        self.retry_now = retry_now


class _Unreachable:
    """robots.txt could not be read (5xx, 429, no answer): the site is off limits for
    the round, as Google treats it."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


class Fetcher:
    """Polite GETs through ``client`` (its own redirects and timeouts are not used).

    Thread-safe: pages are fetched from a small thread pool. ``stop`` cuts back-off
    waits short when the user interrupts. Call :meth:`new_round` before each round so
    that robots.txt is read again.
    """

    def __init__(
        self,
        client: httpx.Client,
        options: FetchOptions | None = None,
        *,
        stop: threading.Event | None = None,
    ) -> None:
        self.client = client
        self.options = options or FetchOptions()
        self.stop = stop or threading.Event()
        self._lock = threading.Lock()
        self._robots: dict[str, urllib.robotparser.RobotFileParser | _Unreachable] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        token = self.options.user_agent.split("/", 1)[0].split()
        self._agent = token[0] if token else "veille"

    def new_round(self) -> None:
        with self._lock:
            self._robots.clear()

    def get(
        self,
        url: str,
        *,
        kind: Kind = "page",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Response:
        """The body of ``url`` after redirects, or :class:`FetchError`. A feed sent with
        ``etag``/``last_modified`` may come back 304 (``Response.not_modified``)."""
        headers = {"User-Agent": self.options.user_agent}
        if kind == "feed":
            headers["Accept"] = (
                "application/rss+xml, application/atom+xml, application/rdf+xml, "
                "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
            )
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        else:
            headers["Accept"] = "text/html, application/xhtml+xml, text/plain;q=0.8"
        chain = [url]
        current = url
        for _ in range(self.options.max_redirects + 1):
            self._check_robots(current)
            response = self._retrying(current, headers, kind)
            if isinstance(response, Response):
                return response
            target = urljoin(current, response)
            if target.split(":", 1)[0].lower() not in SCHEMES:
                raise FetchError(url, f"redirected to a non-http URL ({target})", transient=False)
            if target in chain:
                loop = " → ".join([*chain[chain.index(target) :], target])
                raise FetchError(url, f"redirect loop ({loop})", transient=False)
            chain.append(target)
            current = target
        raise FetchError(
            url,
            f"too many redirects (more than {self.options.max_redirects}, last {current})",
            transient=False,
        )

    # -- robots.txt -----------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets veille fetch ``url`` (read it first if needed);
        :class:`FetchError` if robots.txt cannot be read this round."""
        try:
            self._check_robots(url)
        except FetchError as exc:
            if exc.transient:
                raise
            return False
        return True

    def _check_robots(self, url: str) -> None:
        origin = origin_of(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one read per site, however many threads ask at once
            with self._lock:
                rules = self._robots.get(origin)
            if rules is None:
                rules = self._read_robots(origin)
                with self._lock:
                    self._robots[origin] = rules
        if isinstance(rules, _Unreachable):
            raise FetchError(
                url, f"robots.txt unreachable ({rules.reason}); tried again later", transient=True
            )
        if not rules.can_fetch(self._agent, url):
            raise FetchError(url, "disallowed by robots.txt", transient=False)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | _Unreachable:
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        headers = {"User-Agent": self.options.user_agent, "Accept": "text/plain"}
        url = f"{origin}/robots.txt"
        try:
            for _ in range(self.options.max_redirects + 1):
                found = self._retrying(url, headers, "robots")
                if isinstance(found, Response):
                    break
                url = urljoin(url, found)
            else:
                return _Unreachable("too many redirects")
        except FetchError as exc:
            if exc.transient:
                LOGGER.warning("%s/robots.txt: %s", origin, exc.reason)
                return _Unreachable(exc.reason)
            # Google's rule: a robots.txt that is missing (4xx but 429) allows everything.
            rules.parse([])
            return rules
        text = found.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        delay = rules.crawl_delay(self._agent)
        if delay:
            with self._lock:
                self._delays[host_of(origin)] = min(float(delay), MAX_CRAWL_DELAY)
        return rules

    # -- one request, its retries, its host slot -------------------------------------

    def _retrying(self, url: str, headers: dict[str, str], kind: str) -> Response | str:
        """One hop: a Response, or the Location a redirect points to."""
        attempt = 0
        while True:
            try:
                with self._slot(host_of(url)):
                    return self._once(url, headers, kind)
            except FetchError as exc:
                wait = self.options.backoff * 2**attempt
                if exc.retry_after is not None:
                    wait = max(wait, exc.retry_after)
                if (
                    not exc.retry_now
                    or attempt >= self.options.retries
                    or wait > self.options.max_retry_after
                ):
                    raise
                LOGGER.info("%s: %s; retrying in %.1f s", url, exc.reason, wait)
                if self.stop.wait(wait):
                    raise
                attempt += 1

    @contextmanager
    def _slot(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.options.per_host))
        with slot:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start.get(host, now))
                delay = max(self.options.delay, self._delays.get(host, 0.0))
                self._next_start[host] = start + delay
            if start > now:
                time.sleep(start - now)
            yield

    def _once(self, url: str, headers: dict[str, str], kind: str) -> Response | str:
        options = self.options
        timeout = httpx.Timeout(options.timeout)
        try:
            with self.client.stream(
                "GET", url, headers=headers, timeout=timeout, follow_redirects=False
            ) as answer:
                return self._read(url, answer, kind)
        except httpx.TimeoutException as exc:
            raise FetchError(
                url, f"timed out (no answer within {options.timeout:g} s)", transient=True
            ) from exc
        except httpx.TransportError as exc:
            detail = str(exc).strip().splitlines()
            reason = f"{exc.__class__.__name__}: {detail[0]}" if detail else exc.__class__.__name__
            raise FetchError(
                url, f"connection failed ({reason})", transient=True, retry_now=True
            ) from exc

    def _read(self, url: str, answer: httpx.Response, kind: str) -> Response | str:
        status = answer.status_code
        if status in REDIRECTS:
            location: str | None = answer.headers.get("location")
            if not location:
                raise FetchError(url, f"HTTP {status} redirect without a Location", transient=False)
            return location
        etag = answer.headers.get("etag")
        last_modified = answer.headers.get("last-modified")
        if status == 304:
            return Response(url=url, status=304, etag=etag, last_modified=last_modified)
        if status >= 400 or status < 200:
            phrase = answer.reason_phrase or ""
            transient = status == 429 or status >= 500
            raise FetchError(
                url,
                f"HTTP {status} {phrase}".strip(),
                transient=transient,
                retry_after=_retry_after(answer.headers.get("retry-after")),
                retry_now=transient,
            )
        media = answer.headers.get("content-type", "").split(";", 1)[0].strip().lower() or None
        if kind == "page" and media is not None and media not in HTML_TYPES | TEXT_TYPES:
            raise FetchError(url, f"not an HTML page ({media})", transient=False)
        body = self._body(url, answer)
        return Response(
            url=str(answer.url),
            status=status,
            content_type=media,
            body=body,
            etag=etag,
            last_modified=last_modified,
        )

    def _body(self, url: str, answer: httpx.Response) -> bytes:
        limit = self.options.max_bytes
        declared = answer.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(
                url, f"too large ({int(declared):,} bytes, limit {limit:,})", transient=False
            )
        allowed = self.options.timeout * DEADLINE_FACTOR
        deadline = time.monotonic() + allowed
        chunks: list[bytes] = []
        size = 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > limit:  # however the length was announced, or not
                raise FetchError(
                    url, f"too large (over the limit of {limit:,} bytes)", transient=False
                )
            if time.monotonic() > deadline:
                raise FetchError(
                    url,
                    f"too slow (body not received within {allowed:g} s)",
                    transient=True,
                )
            chunks.append(chunk)
        return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks to wait (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
