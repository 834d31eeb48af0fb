"""Turn a draft list of mentions (type + surface, in reading order) into gold offsets.

Usage: python scripts/gold_offsets.py CORPUS.jsonl DRAFT.tsv OUT.json [--annotator NAME]

DRAFT.tsv has one mention per line, ``TYPE<TAB>surface``, in the order the mentions
appear in the record's text; each surface is searched from the end of the previous
one, so repeated names are placed on their successive occurrences. A line may carry
a third column, a few words of left context, when the surface also occurs earlier
inside a word or a name that must be skipped. The first line of DRAFT.tsv is
``# id <article id>``.
"""

from __future__ import annotations

import re
import sys

from goldfile import option, read_record, write_gold


def main(argv: list[str]) -> int:
    corpus, draft, out = argv[:3]
    annotator = option(argv, "--annotator", "unknown")
    with open(draft, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    header = lines[0].split()
    if header[:2] != ["#", "id"]:
        sys.exit(f"{draft}: first line must be '# id <article id>'")
    doc_id = header[2]
    record = read_record(corpus, doc_id)
    text = record["text"]
    mentions = []
    cursor = 0
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        label, surface = parts[0].strip(), parts[1].strip()
        if label not in {"PER", "LOC", "ORG"}:
            sys.exit(f"{draft}:{n}: unknown type {label!r}")
        if len(parts) > 2 and parts[2].strip():
            ctx = text.find(parts[2].strip(), cursor)
            if ctx < 0:
                sys.exit(f"{draft}:{n}: context {parts[2]!r} not found after offset {cursor}")
            cursor = ctx
        # Whole-word search: the surface must not be glued to letters on either side.
        pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
        match = pattern.search(text, cursor)
        if match is None:
            sys.exit(f"{draft}:{n}: {surface!r} not found after offset {cursor}")
        mentions.append(
            {"start": match.start(), "end": match.end(), "text": surface, "type": label}
        )
        cursor = match.end()
    write_gold(out, doc_id, text, annotator, "mentions", mentions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
