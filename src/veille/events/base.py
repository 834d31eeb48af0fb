"""Shared records of the event stage: the index over a parse, actors, tuned numbers."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from veille.data import fold
from veille.model import Article, Entity
from veille.nlp import Parsed, Token

_SUBJECT_DEPS = frozenset({"nsubj", "expl:subj"})
_PASSIVE_SUBJECT = "nsubj:pass"
# Intentions of force are threats (13x), of anything else intents (03x).
_INTENT_OF_ROOT = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "09": "039",
    "18": "138",
    "19": "138",
    "20": "138",
    "17": "137",
    "16": "136",
    "15": "134",
    "14": "133",
}
# Confidence, from the evidence the record holds: a trigger alone is weak; named actors
# on both sides and a specific code make a record an analyst can use as is.
BASE_CONFIDENCE = 0.4


class _Index:
    def __init__(self, parsed: Parsed, article: Article, entities: Sequence[Entity]) -> None:
        self.parsed = parsed
        self.tokens = parsed.tokens
        self.article = article
        self.children: dict[int, list[int]] = {}
        for t in parsed.tokens:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t.i)
        self.home = _home_country(entities)
        self.entity_of: dict[int, Entity] = {}
        starts = [t.start for t in parsed.tokens]
        for entity in entities:
            for m in entity.mentions:
                first = bisect.bisect_right(starts, m.start) - 1
                last = bisect.bisect_right(starts, m.end - 1) - 1
                for i in range(max(first, 0), last + 1):
                    self.entity_of.setdefault(i, entity)

    def kids(self, i: int, *deps: str) -> list[Token]:
        return [self.tokens[c] for c in self.children.get(i, []) if self.tokens[c].dep in deps]


def _home_country(entities: Sequence[Entity]) -> str | None:
    """The country the article is about: the most mentioned one (people and
    organisations of no stated country are taken to be of it)."""
    counts: dict[str, int] = {}
    for entity in entities:
        if entity.type == "GPE" and entity.country:
            counts[entity.country] = counts.get(entity.country, 0) + len(entity.mentions)
    return max(counts, key=lambda c: counts[c]) if counts else None


@dataclass(slots=True)
class _Actor:
    entity: Entity | None = None
    code: str | None = None  # actor code when there is no entity ("SYRMIL", "WST")
    country: str | None = None
    party: bool = False  # a noun phrase names a party, but no entity, role or country

    @property
    def actor_code(self) -> str | None:
        if self.code is not None:
            return self.code
        return self.entity.actor_code if self.entity is not None else None


def _subtree(index: _Index, root: int) -> list[int]:
    found, stack = [], [root]
    while stack:
        i = stack.pop()
        found.append(i)
        stack.extend(
            c for c in index.children.get(i, []) if index.tokens[c].dep not in ("acl:relcl",)
        )
    return sorted(found)


def _case(index: _Index, token: Token) -> str:
    cases = index.kids(token.i, "case")
    return fold(cases[0].text) if cases else ""


def _has_case(index: _Index, token: Token, case: str) -> bool:
    return any(_case(index, index.tokens[c]) == case for c in index.children.get(token.i, []))
