"""Readers: one module per input format, each turning input into :class:`Document`.

:func:`read_paths` walks files, directories, globs and ``-`` (stdin) and yields either a
Document or an :class:`InputError` per input, in order, so a bad input never stops the
others.
"""

from __future__ import annotations

import dataclasses
import glob
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from veille.errors import InputError
from veille.model import Document, sha256_hex
from veille.read.decode import DEFAULT_MAX_CHARS, check_text, decode
from veille.read.records import parse_records
from veille.read.text import parse_text
from veille.read.warc import WARC_SUFFIXES, count_warc, is_warc, read_warc

__all__ = ["SUPPORTED", "count_documents", "expand_paths", "read_bytes", "read_paths"]

SUPPORTED = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson", *WARC_SUFFIXES)


def read_paths(
    paths: Iterable[str],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    skipped: Counter[str] | None = None,
) -> Iterator[Document | InputError]:
    """Every document named by ``paths`` (files, directories, globs, ``-``), in order.

    Archive records that hold no article (WARC requests, images, redirects) are counted
    in ``skipped`` by reason.
    """
    for name in paths:
        if name == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", max_chars=max_chars)
            continue
        for path in _expand(name):
            if isinstance(path, InputError):
                yield path
                continue
            if is_warc(path):
                yield from read_warc(
                    path,
                    lambda raw, url: read_bytes(raw, url, max_chars=max_chars, kind=".html"),
                    skipped,
                )
                continue
            try:
                raw = path.read_bytes()
            except OSError as exc:
                yield InputError(str(path), f"cannot read ({exc.strerror or exc})")
                continue
            yield from read_bytes(raw, str(path), max_chars=max_chars)


def expand_paths(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """The files ``paths`` name (directories and globs expanded, in the order
    :func:`read_paths` reads them), or an error for a name that gives none. Standard
    input (``-``) is not a file: the caller decides what to do with it."""
    for name in paths:
        yield from _expand(name)


def _expand(name: str) -> Iterator[Path | InputError]:
    path = Path(name)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and _supported(p))
        if not found:
            yield InputError(name, f"directory with no supported file ({', '.join(SUPPORTED)})")
        yield from found
    elif path.is_file():
        yield path
    elif any(ch in name for ch in "*?["):
        matches = sorted(Path(p) for p in glob.glob(name, recursive=True))
        files = [p for p in matches if p.is_file() and _supported(p)]
        if not files:
            yield InputError(name, "no supported file matches this pattern")
        yield from files
    else:
        yield InputError(name, "no such file or directory")


def _supported(path: Path) -> bool:
    return (path.suffix.lower() in SUPPORTED or is_warc(path)) and not path.name.startswith(".")


def count_documents(paths: Iterable[str]) -> int | None:
    """About how many documents ``paths`` hold, for a progress bar; ``None`` for stdin.

    A JSON Lines file counts its non-blank lines, a WARC archive its HTML responses
    (headers only), any other file one.
    """
    total = 0
    for name in paths:
        if name == "-":
            return None
        for path in _expand(name):
            if isinstance(path, InputError):
                continue
            if is_warc(path):
                total += count_warc(path)
            elif path.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with path.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def read_bytes(
    raw: bytes, source: str, *, max_chars: int = DEFAULT_MAX_CHARS, kind: str | None = None
) -> Iterator[Document | InputError]:
    """Decode and parse one input; ``kind`` is a suffix, guessed from ``source`` or content."""
    try:
        text = decode(raw, source)
    except InputError as exc:
        yield exc
        return
    suffix = (kind or Path(source).suffix).lower()
    if suffix not in SUPPORTED:
        suffix = _sniff(text)
    if suffix in (".json", ".jsonl", ".ndjson"):
        lines = suffix != ".json"
        for item in parse_records(text, source, lines=lines):
            if isinstance(item, Document):
                item = _checked(item, max_chars)
            yield item
        return
    # trafilatura loads with the first page, not with every command that imports veille.
    from veille.read.html import parse_html

    try:
        check_text(text, source, max_chars)
        raw_id = sha256_hex(raw)
        doc = (
            parse_html(text, source, raw_id)
            if suffix in (".html", ".htm")
            else parse_text(text, source, raw_id)
        )
    except InputError as exc:
        yield exc
        return
    yield _checked(dataclasses.replace(doc, raw=raw), max_chars)


def _checked(doc: Document, max_chars: int) -> Document | InputError:
    try:
        check_text(doc.text + (doc.lead or ""), doc.source, max_chars)
    except InputError as exc:
        return exc
    return doc


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return ".html"
    if head.startswith("{") and "\n{" in text:
        return ".jsonl"
    if head.startswith(("{", "[")):
        return ".json"
    return ".txt"
