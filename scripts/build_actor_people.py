"""Derive ``src/veille/data/actor_people.tsv`` from the Phoenix actor dictionaries.

The Phoenix/PETRARCH2 dictionaries (openeventdata/petrarch2, MIT) list world leaders,
ministers and officials with date-restricted CAMEO codes, in TABARI format::

    FRANCOIS_HOLLANDE
    +PRESIDENT_HOLLANDE
    \t[FRAGOV >120515]
    \t[FRAELI]

This script keeps the names of two words or more (a lone surname such as "HOLLANDE" is
also a country's name in French) and writes one row per name and code: the folded name
(lower case, no accents, words separated by spaces), the code, and the first and last
day it holds (ISO dates, empty when open). Run it from the repository root:

    python scripts/build_actor_people.py ../shared/data/phoenix_dictionaries
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")
OUT = Path("src/veille/data/actor_people.tsv")
HEADER = (
    "# name\tcode\tfrom\tto — people of the Phoenix actor dictionaries with their\n"
    "# date-restricted CAMEO codes. Derived by scripts/build_actor_people.py from\n"
    "# openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf,\n"
    "# Phoenix.Countries.actors.txt and Phoenix.International.actors.txt (CountryInfo.140130.txt,\n"
    "# Computational Event Data System Project; Copyright (c) 2014 Open Event Data Alliance,\n"
    "# MIT License). Names of two words or more, folded; dates are ISO days, empty when open.\n"
)
_CODE = re.compile(r"\[([A-Z0-9]+)(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\]")


def fold(name: str) -> str:
    text = name.replace("_", " ").replace("-", " ").lower()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


def iso(stamp: str) -> str:
    """ "120515" → "2012-05-15" (two-digit years above 30 are 19xx); "20120515" too."""
    if len(stamp) == 6:
        year = int(stamp[:2])
        stamp = f"{1900 + year if year > 30 else 2000 + year}{stamp[2:]}"
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"


def codes(line: str) -> list[tuple[str, str, str]]:
    """The (code, from, to) of one code line."""
    found = []
    for code, relation, first, second in _CODE.findall(line):
        if not first:
            found.append((code, "", ""))
        elif relation == ">":
            found.append((code, iso(first), ""))
        elif relation == "<":
            found.append((code, "", iso(first)))
        else:
            found.append((code, iso(first), iso(second) if second else iso(first)))
    return found


def entries(path: Path) -> list[tuple[list[str], list[tuple[str, str, str]]]]:
    """(names, codes) of each dictionary entry."""
    result: list[tuple[list[str], list[tuple[str, str, str]]]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t" or line.lstrip().startswith("["):
            if result:
                result[-1][1].extend(codes(line))
        elif line.startswith("+"):
            if result:
                result[-1][0].append(line[1:].strip())
        else:
            result.append(([line.strip()], []))
    return result


def main(folder: str, out: Path = OUT) -> None:
    rows: set[tuple[str, str, str, str]] = set()
    for name in FILES:
        for names, found in entries(Path(folder) / name):
            for raw in names:
                key = fold(raw)
                if len(key.split()) < 2 or not re.fullmatch(r"[a-z' ]+", key):
                    continue
                for code, first, last in found:
                    rows.add((key, code, first, last))
    out.write_text(HEADER + "".join("\t".join(r) + "\n" for r in sorted(rows)), encoding="utf-8")
    print(f"{out}: {len(rows)} rows")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/phoenix_dictionaries")
