"""What a feed or a sitemap lists: article links with their titles and dates (pure).

Feeds (RSS 0.9x/2.0, RSS 1.0 = RDF, Atom) go through feedparser, which copes with the
broken XML real feeds serve; sitemaps (``<urlset>``, and ``<sitemapindex>`` listing
other sitemaps, gzip'd or not) are read with lxml, entities and network access off.
"""

from __future__ import annotations

import gzip
import io
import logging
import re
import time
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from veille.errors import InputError
from veille.watch.urls import check_url

LOGGER = logging.getLogger(__name__)

# The sitemaps protocol caps a sitemap at 50,000 URLs and 50 MB uncompressed.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
MAX_SITEMAP_URLS = 50_000
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """An article a feed or sitemap lists."""

    link: str
    title: str | None = None
    # YYYY-MM-DD (or YYYY-MM, YYYY): the date the feed gives, used when the page has none.
    published: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Discovery:
    """A parsed feed or sitemap: its kind, its entries, the sitemaps an index lists."""

    kind: str  # rss | atom | rdf | sitemap | sitemapindex
    entries: tuple[Entry, ...] = ()
    sitemaps: tuple[str, ...] = ()
    # Entries left out (no link, not http(s)), for the log.
    dropped: int = 0


def parse_listing(body: bytes, url: str, content_type: str | None = None) -> Discovery:
    """The entries of a feed or sitemap ``body`` fetched from ``url``, or
    :class:`InputError` naming ``url`` when it is neither (malformed, empty, HTML)."""
    if body.startswith(_GZIP_MAGIC):
        body = _gunzip(body, url)
    if not body.strip():
        raise InputError(url, "empty feed (no content)")
    root = _xml_root(body)
    if root is not None and _local(root.tag) in ("urlset", "sitemapindex"):
        return _sitemap(root, url)
    return _feed(body, url, content_type)


def _gunzip(body: bytes, url: str) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            data = fh.read(MAX_SITEMAP_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(url, f"broken gzip data ({exc})") from None
    if len(data) > MAX_SITEMAP_BYTES:
        raise InputError(url, f"over {MAX_SITEMAP_BYTES:,} bytes once decompressed")
    return data


_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
}


def _xml_root(body: bytes) -> Any:
    head = body.lstrip()[:2048].lower()
    if b"urlset" not in head and b"sitemapindex" not in head:
        return None
    try:
        return etree.fromstring(body, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError:
        return None


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _sitemap(root: Any, url: str) -> Discovery:
    kind = "sitemap" if _local(root.tag) == "urlset" else "sitemapindex"
    links: list[Entry] = []
    dropped = 0
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        fields = {_local(child.tag): (child.text or "").strip() for child in node.iter()}
        link = _absolute(url, fields.get("loc"))
        if link is None:
            dropped += 1
            continue
        # A Google News sitemap dates the article; lastmod dates the page's last change.
        date = _w3c_date(fields.get("publication_date") or fields.get("lastmod"))
        links.append(Entry(link=link, title=fields.get("title") or None, published=date))
        if len(links) >= MAX_SITEMAP_URLS:
            LOGGER.warning("%s: more than %d URLs, the rest ignored", url, MAX_SITEMAP_URLS)
            break
    if kind == "sitemapindex":
        return Discovery(kind=kind, sitemaps=tuple(e.link for e in links), dropped=dropped)
    return Discovery(kind=kind, entries=tuple(links), dropped=dropped)


def _absolute(base: str, link: str | None) -> str | None:
    """``link`` resolved against the listing's URL, or None when it is no http(s) URL."""
    try:
        return check_url(urljoin(base, link)) if link else None
    except InputError:
        return None


_W3C = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _w3c_date(value: str | None) -> str | None:
    match = _W3C.match(value or "")
    return match.group(0) if match else None


# feedparser's versions: rss090 and rss10 are RDF, atom03/atom10 Atom, rss091…rss20 RSS.
def _kind(version: str) -> str:
    if version in ("rss090", "rss10"):
        return "rdf"
    return "atom" if version.startswith("atom") else "rss"


def _feed(body: bytes, url: str, content_type: str | None) -> Discovery:
    import feedparser  # loaded by the commands that follow feeds only

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # A BytesIO, never bytes or str: feedparser would take a string for a URL or a path.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    version = str(parsed.get("version") or "")
    entries: list[Entry] = []
    dropped = 0
    for item in parsed.entries:
        link = _absolute(
            url,
            item.get("link")
            or next((ln.get("href") for ln in item.get("links", ()) if ln.get("href")), None),
        )
        if link is None:
            dropped += 1
            continue
        when = item.get("published_parsed") or item.get("updated_parsed")
        title = " ".join(str(item.get("title") or "").split()) or None
        entries.append(
            Entry(
                link=link, title=title, published=time.strftime("%Y-%m-%d", when) if when else None
            )
        )
    bozo = bool(parsed.get("bozo"))
    if not entries and (bozo or not version):
        head = body.lstrip()[:512].lower()
        if head.startswith((b"<!doctype html", b"<html")):
            raise InputError(url, "an HTML page, not a feed (RSS, Atom, RDF) or a sitemap")
        if bozo:
            reason = _first_line(parsed.get("bozo_exception"))
            raise InputError(url, f"malformed feed ({reason})")
        raise InputError(url, "neither a feed (RSS, Atom, RDF) nor a sitemap")
    if bozo:
        LOGGER.info("%s: lenient parse (%s)", url, _first_line(parsed.get("bozo_exception")))
    return Discovery(kind=_kind(version), entries=tuple(entries), dropped=dropped)


def _first_line(exc: object) -> str:
    text = str(exc or "unknown error").strip().splitlines()
    return text[0] if text else "unknown error"
