"""Article URLs: the link to download, and the canonical form that names an article.

One article reached from two feeds, or with a campaign's ``utm_*`` parameters, must be
one entry and one document. :func:`clean_link` drops what never chooses the page
(tracking parameters, the fragment); :func:`canonical_url` also normalises what servers
treat alike (scheme and host case, default ports, a trailing slash, the order of the
query's parameters), so that it can serve as the article's key and ``source``.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from veille.data import read_text
from veille.errors import InputError

SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@cache
def _tracking() -> tuple[frozenset[str], tuple[str, ...]]:
    names: set[str] = set()
    prefixes: list[str] = []
    for line in read_text("tracking_params.txt").splitlines():
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        if line.endswith("*"):
            prefixes.append(line[:-1])
        else:
            names.add(line)
    return frozenset(names), tuple(prefixes)


def is_tracking(name: str) -> bool:
    """Whether a query parameter only tracks a click (``utm_source``, ``fbclid``, ``xtor``)."""
    names, prefixes = _tracking()
    key = name.lower()
    return key in names or key.startswith(prefixes)


def check_url(url: str) -> str:
    """``url`` stripped of spaces, or :class:`InputError` if it is no http(s) URL."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a bad port
    except ValueError as exc:
        raise InputError(url, f"not a valid URL ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(url, "not an http(s) URL")
    if not parts.hostname:
        raise InputError(url, "URL without a host")
    return url


def clean_link(url: str) -> str:
    """The URL to download: no fragment, no tracking parameter; otherwise as given."""
    parts = urlsplit(check_url(url))
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)
    ]
    return urlunsplit(parts._replace(query=urlencode(query, doseq=True), fragment=""))


def canonical_url(url: str) -> str:
    """The article's name: :func:`clean_link`, with the scheme and host in lower case, no
    default port, no trailing slash (but the root's), and the query's parameters sorted.

    >>> canonical_url("HTTPS://Exemple.FR:443/monde/article/?utm_source=rss&b=2&a=1#top")
    'https://exemple.fr/monde/article?a=1&b=2'
    """
    parts = urlsplit(clean_link(url))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def host_of(url: str) -> str:
    """The host and port a politeness limit applies to (``exemple.fr``, ``127.0.0.1:8080``)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    scheme = parts.scheme.lower()
    return host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"


def origin_of(url: str) -> str:
    """``scheme://host[:port]``: where the site's robots.txt lives."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{host_of(url)}"
