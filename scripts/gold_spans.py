"""Turn a draft of located items (JSON, reading order) into a gold file with offsets.

Usage: python scripts/gold_spans.py CORPUS.jsonl DRAFT.json OUT.json --field FIELD
       [--list NAME] [--annotator NAME]

DRAFT.json: {"id": "<article id>", "<list>": [{..., "<field>": "<exact text>",
"context"?: "<words just before it>"}, ...]} in reading order. Each item's FIELD text is
searched from the start of the previous item (items may share a sentence); ``start`` and
``end`` are added. Used for the timex gold (--field text --list timex) and the event
gold (--field sentence --list events).
"""

from __future__ import annotations

import sys

from goldfile import locate, option, read_draft, write_gold


def main(argv: list[str]) -> int:
    corpus, draft, out = argv[:3]
    field = option(argv, "--field")
    if field is None:
        sys.exit("usage: gold_spans.py CORPUS DRAFT OUT --field FIELD [--list NAME]")
    name = option(argv, "--list", field) or field
    annotator = option(argv, "--annotator", "unknown")
    spec, record = read_draft(corpus, draft)
    text = record["text"]
    items = []
    for item, start in locate(text, spec[name], field, draft):
        entry = {k: v for k, v in item.items() if k != "context"}
        entry["start"], entry["end"] = start, start + len(item[field])
        items.append(entry)
    write_gold(out, spec["id"], text, annotator, name, items, published=record.get("date"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
