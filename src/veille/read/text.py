"""Plain text, with optional header lines (``date``, ``title``, ``source``/``url``) on top.

A header line may carry more than its value: the reference article begins with
`` date 2023-06 Photo par ALEXEI …`` — the date, then a photo credit glued to it. The
rest of such a line is kept as ``Document.lead``, a block for the cleaner to classify.
"""

from __future__ import annotations

import re

from veille.model import Document, sha256_hex

_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_HEADER = re.compile(r"^\s*(date|published|titre|title|source|url)\s*:?\s+(.*)$", re.IGNORECASE)
_DATE_VALUE = re.compile(rf"^({_DATE})(?:[T ][\d:.+Z-]*)?\b\s*(.*)$")


def parse_text(raw_text: str, source: str, raw_id: str | None = None) -> Document:
    """Split header lines from the text and return the :class:`Document`."""
    lines = raw_text.split("\n")
    fields: dict[str, str] = {}
    leads: list[str] = []
    body_from = 0
    for i, line in enumerate(lines):
        if not line.strip():
            if fields:
                continue
            body_from = i + 1
            continue
        match = _HEADER.match(line)
        if match is None:
            body_from = i
            break
        key, value = match.group(1).lower(), match.group(2).strip()
        rest = ""
        if key in ("date", "published"):
            dated = _DATE_VALUE.match(value)
            if dated is None:
                body_from = i
                break
            value, rest = dated.group(1), dated.group(2)
            key = "date"
        elif key in ("source", "url"):
            value, _, rest = value.partition(" ")
            key = "source"
        else:
            key = "title"
        if key in fields:
            body_from = i
            break
        fields[key] = value
        if rest.strip():
            leads.append(rest.strip())
        body_from = i + 1
    else:
        body_from = len(lines)
    body = "\n".join(lines[body_from:])
    return Document(
        id=raw_id or sha256_hex(raw_text),
        source=fields.get("source") or source,
        text=body,
        title=fields.get("title"),
        published=fields.get("date"),
        lead="\n".join(leads) or None,
        format="text",
    )
