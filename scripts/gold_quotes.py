"""Turn a quote draft (JSON list in reading order) into gold offsets.

Usage: python scripts/gold_quotes.py CORPUS.jsonl DRAFT.json OUT.json [--annotator NAME]

DRAFT.json: {"id": "<article id>", "quotes": [{"kind", "text", "speaker", "speaker_text",
"addressee"?, "context"?}, ...]} in reading order. Each ``text`` is searched from the end
of the previous quote; ``context`` (optional) is a few words just before the quote, for
when its text also occurs earlier.
"""

from __future__ import annotations

import hashlib
import json
import sys

KINDS = {"direct", "indirect", "mixed"}


def main(argv: list[str]) -> int:
    corpus, draft, out = argv[:3]
    annotator = argv[argv.index("--annotator") + 1] if "--annotator" in argv else "unknown"
    with open(draft, encoding="utf-8") as fh:
        spec = json.load(fh)
    with open(corpus, encoding="utf-8") as fh:
        record = next(r for r in map(json.loads, fh) if r["id"] == spec["id"])
    text = record["text"]
    quotes = []
    cursor = 0
    for n, quote in enumerate(spec["quotes"], start=1):
        if quote.get("kind") not in KINDS:
            sys.exit(f"{draft}: quote {n}: kind must be one of {sorted(KINDS)}")
        if quote.get("context"):
            at = text.find(quote["context"], cursor)
            if at < 0:
                sys.exit(f"{draft}: quote {n}: context {quote['context']!r} not found")
            cursor = at
        start = text.find(quote["text"], cursor)
        if start < 0:
            sys.exit(
                f"{draft}: quote {n}: text not found after offset {cursor}: {quote['text'][:60]!r}"
            )
        end = start + len(quote["text"])
        entry = {
            "kind": quote["kind"],
            "start": start,
            "end": end,
            "text": quote["text"],
            "speaker": quote.get("speaker"),
            "speaker_text": quote.get("speaker_text"),
        }
        if quote.get("addressee"):
            entry["addressee"] = quote["addressee"]
        quotes.append(entry)
        cursor = start + 1
    result = {
        "id": spec["id"],
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "annotator": annotator,
        "quotes": sorted(quotes, key=lambda q: q["start"]),
    }
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"{out}: {len(quotes)} quotes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
