"""Watching the news: feeds and sitemaps followed, politely, into the store.

>>> import httpx
>>> from veille.watch import CollectOptions, Fetcher, read_feeds, watch
>>> sources, bad_lines = read_feeds("feeds.txt")                       # doctest: +SKIP
>>> with httpx.Client() as client:                                    # doctest: +SKIP
...     watch("veille.duckdb", sources, Fetcher(client), CollectOptions(), every=900, once=True)

Modules, each with one job: :mod:`~veille.watch.feedsfile` (the feeds file, intervals),
:mod:`~veille.watch.urls` (canonical URLs), :mod:`~veille.watch.discover` (feeds and
sitemaps parsed), :mod:`~veille.watch.http` (the polite fetcher), :mod:`~veille.watch.pages`
(a page as a Document), :mod:`~veille.watch.state` (the store's watch tables),
:mod:`~veille.watch.listings` (a round's feeds), :mod:`~veille.watch.collect` (pages
downloaded, analysed, stored), :mod:`~veille.watch.round` (a round, the loop, fetch).
"""

from __future__ import annotations

from veille.watch.collect import Collected, CollectOptions, RetryPolicy
from veille.watch.feedsfile import FeedSource, parse_feeds, parse_interval, read_feeds
from veille.watch.http import DEFAULT_USER_AGENT, Fetcher, FetchError, FetchOptions, Response
from veille.watch.round import RoundReport, fetch_and_store, fetch_documents, run_round, watch
from veille.watch.urls import canonical_url, clean_link

__all__ = [
    "DEFAULT_USER_AGENT",
    "CollectOptions",
    "Collected",
    "FeedSource",
    "FetchError",
    "FetchOptions",
    "Fetcher",
    "Response",
    "RetryPolicy",
    "RoundReport",
    "canonical_url",
    "clean_link",
    "fetch_and_store",
    "fetch_documents",
    "parse_feeds",
    "parse_interval",
    "read_feeds",
    "run_round",
    "watch",
]
