"""WARC and WARC.gz archives (web crawls): each HTML response becomes a Document.

A crawl holds much besides articles: requests, metadata, redirects, images, scripts.
Those records are skipped and counted by reason, so a run can say what it left out.
The archive is streamed record by record; a multi-gigabyte crawl never sits in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from veille.errors import InputError
from veille.model import Document

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")

# What the reader does with one HTML payload: decode, extract, check (``read_bytes``).
Reader = Callable[[bytes, str], Iterator[Document | InputError]]


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: Path, read: Reader, skipped: Counter[str] | None = None
) -> Iterator[Document | InputError]:
    """Every HTML response of the archive at ``path``, read by ``read(payload, url)``.

    Records that are not a successful HTML response are counted in ``skipped`` under
    their reason ("WARC request record", "WARC response: image/jpeg", …).
    """
    tally: Counter[str] = skipped if skipped is not None else Counter()
    records = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                records += 1
                reason = skip_reason(record)
                if reason is not None:
                    tally[reason] += 1
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or str(path)
                try:
                    payload = record.content_stream().read()
                except Exception as exc:  # a badly encoded payload (chunks, gzip)
                    yield InputError(url, f"unreadable WARC payload in {path} ({exc})")
                    continue
                if getattr(record.raw_stream, "limit", 0):
                    # warcio stops silently where the file ends; half a page is no article.
                    yield InputError(url, f"truncated WARC record in {path}")
                    continue
                yield from read(payload, url)
    except Exception as exc:  # warcio raises assorted errors on damaged archives
        yield InputError(str(path), f"broken WARC archive ({_reason(exc)})")
        return
    if not records:
        yield InputError(str(path), "no WARC record in this file (not a WARC archive?)")


def count_warc(path: Path) -> int:
    """How many records of the archive would become documents (headers only)."""
    count = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                count += skip_reason(record) is None
    except Exception:  # damaged: read_warc reports it
        pass
    return count


def skip_reason(record: Any) -> str | None:
    """Why a WARC record is not an article page, or ``None`` when it is one."""
    if record.rec_type != "response":
        return f"WARC {record.rec_type} record"
    http = record.http_headers
    if http is None:
        return "WARC response without HTTP headers"
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return f"WARC response with HTTP status {status or '?'}"
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type and content_type not in _HTML_TYPES:
        return f"WARC response: {content_type}"
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ArchiveLoadFailed | OSError | EOFError):
        return " ".join(str(exc).split())[:200] or exc.__class__.__name__
    return "a damaged or truncated record"
