"""What the gold-conversion scripts share: the corpus record, options, the output file."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from typing import Any


def read_record(corpus: str, doc_id: str) -> dict[str, Any]:
    """The JSON Lines record of ``doc_id``."""
    with open(corpus, encoding="utf-8") as fh:
        return next(r for r in map(json.loads, fh) if r["id"] == doc_id)


def read_draft(corpus: str, draft: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """An annotator's draft file and the corpus record of the article it is about."""
    with open(draft, encoding="utf-8") as fh:
        spec = json.load(fh)
    return spec, read_record(corpus, spec["id"])


def option(argv: list[str], name: str, default: str | None = None) -> str | None:
    """The value after ``name`` in ``argv``, else ``default``."""
    return argv[argv.index(name) + 1] if name in argv else default


def write_gold(
    out: str,
    doc_id: str,
    text: str,
    annotator: str | None,
    key: str,
    items: list[dict[str, Any]],
    **extra: Any,
) -> None:
    """Write a gold file: id, ``extra`` fields, the text's sha256, annotator, items."""
    result = {
        "id": doc_id,
        **extra,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "annotator": annotator,
        key: items,
    }
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"{out}: {len(items)} {key}")


def locate(
    text: str, items: list[dict[str, Any]], field: str, draft: str, step: int = 0
) -> Iterator[tuple[dict[str, Any], int]]:
    """Each item with the offset of its ``field`` text, searched in reading order from the
    previous item's start plus ``step`` (after the item's "context" words when given)."""
    cursor = 0
    for n, item in enumerate(items, start=1):
        if item.get("context"):
            at = text.find(item["context"], cursor)
            if at < 0:
                sys.exit(f"{draft}: item {n}: context {item['context']!r} not found")
            cursor = at
        start = text.find(item[field], cursor)
        if start < 0:
            sys.exit(f"{draft}: item {n}: {field} not found after {cursor}: {item[field][:60]!r}")
        yield item, start
        cursor = start + step
