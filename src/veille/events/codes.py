"""The CAMEO codebook, the CAMEO→PLOVER table and the French event lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from veille import data


@dataclass(frozen=True, slots=True)
class Code:
    cameo: str
    name: str
    root: str
    goldstein: float


@cache
def codebook() -> dict[str, Code]:
    return {
        row["cameo_code"]: Code(
            row["cameo_code"], row["name"], row["root_code"], float(row["goldstein"] or 0)
        )
        for row in data.read_table("cameo_event_codes.tsv")
    }


@cache
def plover() -> dict[str, str]:
    """CAMEO code → PLOVER event type (CAMEO2PLOVER-2021, CC BY-SA 4.0)."""
    result = {}
    for line in data.read_text("cameo2plover.txt").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line.strip())
        if match:
            result[match.group(1)] = match.group(2)
    return result


@cache
def lexicon() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(lemma, POS) → [(required complement lemma or "", code)], specific entries first."""
    table: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in data.read_rows("event_lexicon.tsv"):
        lemma, pos, code = row[0], row[1], row[2]
        with_ = row[3] if len(row) > 3 else ""
        table.setdefault((lemma, pos), []).append((with_, code))
    for entries in table.values():
        entries.sort(key=lambda e: e[0] == "")
    return table


@cache
def verb_entry_objects() -> dict[str, frozenset[str]]:
    """Verb lemma → the complement lemmas its lexicon entries require."""
    found: dict[str, set[str]] = {}
    for (lemma, pos), entries in lexicon().items():
        if pos == "VERB":
            found.setdefault(lemma, set()).update(w for w, _ in entries if w)
    return {lemma: frozenset(words) for lemma, words in found.items()}


@cache
def noun_entry_objects() -> dict[str, frozenset[str]]:
    """Noun lemma → the complement lemmas its lexicon entries require ("procédure" →
    "sanction")."""
    found: dict[str, set[str]] = {}
    for (lemma, pos), entries in lexicon().items():
        if pos == "NOUN":
            found.setdefault(lemma, set()).update(w for w, _ in entries if w)
    return {lemma: frozenset(words) for lemma, words in found.items()}


def quad_class(root: str) -> int:
    number = int(root)
    return 1 if number <= 4 else 2 if number <= 8 else 3 if number <= 13 else 4


def plover_of(code: str) -> str | None:
    table = plover()
    for length in (len(code), 3, 2):
        if code[:length] in table:
            return table[code[:length]]
    return None
