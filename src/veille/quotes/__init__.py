"""Quotations and their speakers: direct, mixed (partial) and indirect speech.

Quote spans come from the quotation marks, not from the parse (DESIGN pitfalls:
guillemets break spaCy's segmentation, and the quoted clause's verb may hang off the
reporting verb as ``aux:tense``). Each sentence is read for its *speech clauses*: an
attribution (a reporting verb or "selon X") and the content it reports:

- a tail attribution: "…, a déclaré Gerasimov à Liu, selon une vidéo …", "…, a-t-il ajouté";
- a source phrase: "Selon X, …", "D'après X, …", "…, selon X", "Pour X, …";
- a reporting verb with a que-clause, an infinitive or a colon: "X a déclaré que …",
  "X a annoncé vouloir …", "X a déclaré : « … »".

Marked spans (« … », “ … ”, "…") are then placed in the clauses: one that covers its
clause's content is a direct quote; one inside a longer content makes the clause a
mixed quote; a clause with no marks is an indirect quote. Marked spans outside any
clause are quotes of the previous speaker when they follow one, and otherwise names,
titles or scare quotes (short, or after "intitulé"), which are not quotes.

The speaker is an entity of the Analysis: the subject of the reporting verb, the
inverted subject ("a déclaré Gerasimov"), the clitic of "a-t-il ajouté" (attached by
``entities`` to the person meant), the holder of a title ("le ministre a ajouté"), or an
organisation or place ("Pékin a affirmé"). When the article does not say, it is null.
"""

from __future__ import annotations

from collections.abc import Sequence

from veille.clean import find_marked
from veille.model import Entity, Quote
from veille.nlp import Parsed
from veille.quotes.assign import (
    _assign,
)
from veille.quotes.base import (
    Clause,
    _Index,
)
from veille.quotes.clauses import (
    _clauses,
)

__all__ = ["extract_quotes"]


def extract_quotes(parsed: Parsed, entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """The quotes of one parsed article, in text order, ids q1, q2, …"""
    index = _Index(parsed, entities)
    marked = find_marked(parsed.text)
    index.marked = marked
    clauses: list[Clause] = []
    for start, end in parsed.sents:
        clauses.extend(_clauses(index, start, end))
    found = _assign(index, clauses, marked)
    found.sort(key=lambda q: q[1])
    return tuple(
        Quote(
            id=f"q{n}",
            kind=kind,
            text=parsed.text[s:e],
            start=s,
            end=e,
            speaker=clause.speaker,
            addressee=clause.addressee,
            verb=clause.verb,
            medium=clause.medium,
        )
        for n, (kind, s, e, clause) in enumerate(found, start=1)
    )
