"""Turn a quote draft (JSON list in reading order) into gold offsets.

Usage: python scripts/gold_quotes.py CORPUS.jsonl DRAFT.json OUT.json [--annotator NAME]

DRAFT.json: {"id": "<article id>", "quotes": [{"kind", "text", "speaker", "speaker_text",
"addressee"?, "context"?}, ...]} in reading order. Each ``text`` is searched from the end
of the previous quote; ``context`` (optional) is a few words just before the quote, for
when its text also occurs earlier.
"""

from __future__ import annotations

import sys

from goldfile import locate, option, read_draft, write_gold

KINDS = {"direct", "indirect", "mixed"}


def main(argv: list[str]) -> int:
    corpus, draft, out = argv[:3]
    annotator = option(argv, "--annotator", "unknown")
    spec, record = read_draft(corpus, draft)
    text = record["text"]
    quotes = []
    for n, quote in enumerate(spec["quotes"], start=1):
        if quote.get("kind") not in KINDS:
            sys.exit(f"{draft}: quote {n}: kind must be one of {sorted(KINDS)}")
    for quote, start in locate(text, spec["quotes"], "text", draft, step=1):
        entry = {
            "kind": quote["kind"],
            "start": start,
            "end": start + len(quote["text"]),
            "text": quote["text"],
            "speaker": quote.get("speaker"),
            "speaker_text": quote.get("speaker_text"),
        }
        if quote.get("addressee"):
            entry["addressee"] = quote["addressee"]
        quotes.append(entry)
    quotes.sort(key=lambda q: q["start"])
    write_gold(out, spec["id"], text, annotator, "quotes", quotes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
