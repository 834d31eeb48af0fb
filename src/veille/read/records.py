"""JSON and JSON Lines records: ``text`` required; ``id``, ``title``, ``date`` or
``published``, ``url`` or ``source`` optional."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from veille.errors import InputError
from veille.model import Document, sha256_hex
from veille.read.decode import normalize

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def parse_records(text: str, source: str, *, lines: bool) -> Iterator[Document | InputError]:
    """Yield one Document per record, or an InputError for a bad record (the rest go on)."""
    if lines:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{source}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
                continue
            yield _record(data, where, line)
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(source, f"malformed JSON ({exc.msg} at line {exc.lineno})")
        return
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items, start=1):
        where = source if len(items) == 1 else f"{source}[{n}]"
        yield _record(item, where, json.dumps(item, ensure_ascii=False, sort_keys=True))


def _record(data: Any, where: str, raw: str) -> Document | InputError:
    if not isinstance(data, dict):
        return InputError(where, "a record must be a JSON object with a 'text' field")
    text = data.get("text")
    if not isinstance(text, str):
        return InputError(where, "record without 'text' (a string field is required)")
    if not text.strip():
        return InputError(where, "empty document (the 'text' field is blank)")
    published = data.get("published") or data.get("date")
    if published is not None:
        match = _DATE.match(str(published))
        published = match.group(0) if match else None
    title = data.get("title")
    source = data.get("url") or data.get("source") or data.get("url_or_source")
    external = data.get("id")
    return Document(
        id=sha256_hex(raw),
        source=str(source) if source else where,
        text=normalize(text),
        title=normalize(str(title)) if title else None,
        published=published,
        external_id=str(external) if external is not None else None,
        format="record",
        raw=raw.encode("utf-8"),
    )
