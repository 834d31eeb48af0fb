"""The feeds file of ``veille watch`` and its ``--every`` interval.

One feed a line: ``URL [name] [language]``, separated by spaces or tabs. The URL is an
RSS, Atom or RDF feed, or a sitemap (``<urlset>`` or ``<sitemapindex>``, ``.xml.gz``
too). The language, when given, is the last word and a two-letter ISO 639-1 code in
lower case; the words between are the name. ``#`` starts a comment (at the start of a
line, or after a space); blank lines are ignored::

    # name and language are optional
    https://www.lemonde.fr/rss/une.xml        Le Monde     fr
    https://exemple.fr/sitemap_index.xml.gz   Exemple
    https://fr.wikinews.org/w/index.php?title=Spécial:Nouvelles_pages&feed=atom

A bad line is reported with the file and line number; the other lines are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from veille.errors import InputError
from veille.watch.urls import canonical_url, check_url


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedSource:
    """A feed or sitemap to follow, as the feeds file names it."""

    url: str
    name: str | None = None
    language: str | None = None
    line: int = 0


_LANGUAGE = re.compile(r"[a-z]{2}")
_COMMENT = re.compile(r"(?:^|\s)#.*$")


def parse_feeds(text: str, origin: str) -> tuple[list[FeedSource], list[InputError]]:
    """The feeds of a feeds file's ``text`` and the errors of its bad lines (each naming
    ``origin:line``)."""
    sources: list[FeedSource] = []
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        where = f"{origin}:{number}"
        url, *rest = line.split()
        try:
            url = check_url(url)
        except InputError as exc:
            errors.append(InputError(where, f"{exc.reason}: {url!r}"))
            continue
        key = canonical_url(url)
        if key in seen:
            errors.append(InputError(where, f"the same feed as line {seen[key]}: {url}"))
            continue
        seen[key] = number
        language = rest.pop() if rest and _LANGUAGE.fullmatch(rest[-1]) else None
        name = " ".join(rest) or None
        sources.append(FeedSource(url=url, name=name, language=language, line=number))
    return sources, errors


def read_feeds(path: str | Path) -> tuple[list[FeedSource], list[InputError]]:
    """:func:`parse_feeds` on a file; an unreadable file raises :class:`InputError`."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the feeds file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), "the feeds file is not UTF-8 text") from None
    return parse_feeds(text, str(path))


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``1h``, ``1h30m``, ``2d`` (a bare number is seconds).

    >>> parse_interval("1h30m")
    5400.0
    """
    value = text.strip().lower()
    try:
        seconds = float(value)
    except ValueError:
        pos = 0
        seconds = 0.0
        for match in _INTERVAL.finditer(value):
            if match.start() != pos:
                break
            seconds += float(match.group(1)) * _UNITS[match.group(2)]
            pos = match.end()
        if pos != len(value) or not value:
            raise ValueError(f"{text!r}: not an interval (say 30s, 15m, 1h or 1h30m)") from None
    if seconds <= 0:
        raise ValueError(f"{text!r}: the interval must be longer than zero")
    return seconds
