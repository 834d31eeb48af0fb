"""Reading the feeds of a round: each feed (or sitemap) fetched conditionally and parsed
into entries; a sitemap index's sitemaps read too (one level deep). A feed that fails is
a result with its reason, never an exception: the other feeds go on."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from veille.errors import InputError
from veille.watch.discover import parse_listing
from veille.watch.feedsfile import FeedSource
from veille.watch.http import Fetcher, FetchError
from veille.watch.state import FeedRecord, FeedState, NewEntry
from veille.watch.urls import canonical_url, clean_link

LOGGER = logging.getLogger(__name__)

# Sitemaps read from one index per round; an index of a whole site's archive lists
# thousands, and the newest are listed first by every CMS measured here.
MAX_CHILD_SITEMAPS = 50

OK = "ok"
NOT_MODIFIED = "not-modified"
FAILED = "failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedResult:
    """One feed (or child sitemap) read this round."""

    url: str
    name: str | None
    language: str | None
    parent: str | None
    status: str  # ok | not-modified | failed
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    entries: tuple[NewEntry, ...] = ()
    children: tuple[str, ...] = ()

    def record(self, new_entries: int) -> FeedRecord:
        return FeedRecord(
            url=self.url,
            name=self.name,
            language=self.language,
            parent=self.parent,
            kind=self.kind,
            etag=self.etag,
            last_modified=self.last_modified,
            status=self.status,
            error=self.error,
            new_entries=new_entries,
        )


def read_source(
    fetcher: Fetcher, source: FeedSource, states: dict[str, FeedState]
) -> list[FeedResult]:
    """The source's result, then (for a sitemap index) its sitemaps' results."""
    main = _read(fetcher, source, source.url, states.get(source.url), parent=None)
    results = [main]
    if main.status == FAILED:
        return results
    children = main.children
    if main.status == NOT_MODIFIED:  # the index is as it was: its sitemaps may not be
        known = states.get(source.url)
        children = known.children if known else ()
    for child in children[:MAX_CHILD_SITEMAPS]:
        if fetcher.stop.is_set():
            break
        results.append(_read(fetcher, source, child, states.get(child), parent=source.url))
    return results


def _read(
    fetcher: Fetcher,
    source: FeedSource,
    url: str,
    state: FeedState | None,
    *,
    parent: str | None,
) -> FeedResult:
    state = state or FeedState()
    base = FeedResult(
        url=url, name=source.name, language=source.language, parent=parent, status=FAILED
    )
    try:
        response = fetcher.get(url, kind="feed", etag=state.etag, last_modified=state.last_modified)
        if response.not_modified:
            LOGGER.info("%s: not modified", url)
            return replace(base, status=NOT_MODIFIED)
        found = parse_listing(response.body, response.url, response.content_type)
    except (FetchError, InputError) as exc:
        LOGGER.warning("%s", exc)
        return replace(base, error=exc.reason)
    if found.dropped:
        LOGGER.info("%s: %d entries without a usable link", url, found.dropped)
    children = found.sitemaps
    if children and parent is not None:
        LOGGER.warning("%s: a sitemap index inside an index; its sitemaps are not read", url)
        children = ()
    entries = []
    for entry in found.entries:
        try:
            key, link = canonical_url(entry.link), clean_link(entry.link)
        except InputError:
            continue
        entries.append(
            NewEntry(url=key, link=link, feed=url, title=entry.title, published=entry.published)
        )
    return replace(
        base,
        status=OK,
        kind=found.kind,
        etag=response.etag,
        last_modified=response.last_modified,
        entries=tuple(entries),
        children=children,
    )
