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

import hashlib
import json
import sys


def main(argv: list[str]) -> int:
    corpus, draft, out = argv[:3]
    field = argv[argv.index("--field") + 1]
    name = argv[argv.index("--list") + 1] if "--list" in argv else field
    annotator = argv[argv.index("--annotator") + 1] if "--annotator" in argv else "unknown"
    with open(draft, encoding="utf-8") as fh:
        spec = json.load(fh)
    with open(corpus, encoding="utf-8") as fh:
        record = next(r for r in map(json.loads, fh) if r["id"] == spec["id"])
    text = record["text"]
    items = []
    cursor = 0
    for n, item in enumerate(spec[name], start=1):
        if item.get("context"):
            at = text.find(item["context"], cursor)
            if at < 0:
                sys.exit(f"{draft}: item {n}: context {item['context']!r} not found")
            cursor = at
        start = text.find(item[field], cursor)
        if start < 0:
            sys.exit(f"{draft}: item {n}: {field} not found after {cursor}: {item[field][:60]!r}")
        entry = {k: v for k, v in item.items() if k != "context"}
        entry["start"], entry["end"] = start, start + len(item[field])
        items.append(entry)
        cursor = start
    result = {
        "id": spec["id"],
        "published": record.get("date"),
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "annotator": annotator,
        name: items,
    }
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"{out}: {len(items)} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
