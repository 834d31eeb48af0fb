"""Shared records of the quote stage: the index over a parse, speech clauses, tuned
numbers, and the small helpers every part uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from veille import data
from veille.clean import Marked
from veille.data import fold
from veille.model import Entity, QuoteKind
from veille.nlp import Parsed, ParseIndex, Token

# A marked span this short with no attribution is a term or a scare quote
# (« sans limites », « Obamacare »), not speech.
MIN_UNATTRIBUTED_WORDS = 5
# A marked span covering this share of its clause's content is the whole quote
# (direct); less, and the clause mixes reported and quoted words (mixed).
DIRECT_COVERAGE = 0.8
# How far (tokens) a que-clause or an infinitive may sit from its reporting verb.
QUE_WINDOW = 10
# The longest attribution at a sentence's end, in tokens
# (", a déclaré Gerasimov à Liu, selon une vidéo publiée par le ministère russe de la Défense").
TAIL_WINDOW = 25
# The longest source phrase after "selon", in tokens ("Selon les résultats partiels
# transmis par la Haute autorité de la primaire socialiste en France en vue de …,").
SOURCE_WINDOW = 30
# How many sentences back a pronoun speaker may take the last speaker.
PRONOUN_WINDOW = 4
# Verbs whose infinitive complement is reported speech ("a annoncé vouloir …").
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_QUE = frozenset({"que", "qu’", "qu'", "qu"})
_CLITICS = frozenset({"-il", "-elle", "-ils", "-elles", "-on"})

_Found = tuple[QuoteKind, int, int, "Clause"]


@dataclass(slots=True)
class Clause:
    content_start: int  # characters
    content_end: int
    verb: str | None
    speaker: str | None
    addressee: str | None = None
    medium: str | None = None
    marked: list[Marked] = field(default_factory=list)
    source: str = "verb"  # verb | tail | prep | colon
    verb_at: int = -1  # character offset of the reporting verb in a que/infinitive clause


class _Index(ParseIndex):
    """The parse index with what the quote stage keeps while it reads."""

    def __init__(self, parsed: Parsed, entities: Sequence[Entity]) -> None:
        super().__init__(parsed, entities)
        self.entities = entities
        self.speakers: list[tuple[int, str]] = []  # (verb token, entity id) found so far
        self.marked: list[Marked] = []

    def quoted(self, i: int) -> bool:
        """Token ``i`` lies inside quotation marks."""
        start = self.tokens[i].start
        return any(m.start <= start < m.end for m in self.marked)

    def text(self, start: int, end: int) -> str:
        return self.parsed.text[start:end]


def _reporting_lemma(index: _Index, token: Token) -> str | None:
    # Auxiliaries and participles modifying a noun ("une vidéo publiée par …") report nothing.
    # A sentence's root tagged NOUN is the tagger's error ("Le Canard pointe que …").
    verbal = token.pos in ("VERB", "AUX") or (token.pos == "NOUN" and token.dep == "ROOT")
    if not verbal or token.dep.startswith("aux") or token.dep in ("acl", "amod"):
        return None
    locutions = data.reporting_locutions().get(token.lemma)
    if locutions:
        following = tuple(t.text.lower() for t in index.tokens[token.i + 1 : token.i + 3])
        for rest, locution in locutions:
            if following[: len(rest)] == rest:
                return locution
    # The lemmatizer misses some forms ("reconnait" → "reconner"): try the word itself.
    lemma = data.reporting_lemma(token.lemma) or data.reporting_lemma(token.text.lower())
    if lemma is None:
        return None
    reflexive = any(
        index.tokens[i].text.lower() in ("se", "s’", "s'") for i in index.children.get(token.i, [])
    )
    if reflexive and lemma not in data.reflexive_reporting_verbs():
        return None
    return lemma


def _content_end(tokens: Sequence[Token], start: int, end: int) -> int:
    """The sentence without its final punctuation and whitespace."""
    while end > start and (
        tokens[end - 1].pos in ("PUNCT", "SPACE") and tokens[end - 1].text not in '»”"'
    ):
        end -= 1
    return end


def _is_clause(index: _Index, start: int, end: int) -> bool:
    """Reported content says something: three words or more, with a finite verb or an
    infinitive ("Les personnes torturées" or "Ainsi" are not contents)."""
    if len(index.text(start, end).split()) < 3:
        return False
    first, last = index.token_at(start), index.token_at(end - 1)
    return any(t.verb_form in ("Fin", "Inf") for t in index.tokens[first : last + 1])


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _trimmed(index: _Index, start: int, end: int) -> tuple[int, int]:
    text = index.parsed.text
    while start < end and (text[start].isspace() or text[start] in ",:;–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return start, end


def _overlaps(found: list[_Found], start: int, end: int) -> bool:
    return any(s < end and start < e for _, s, e, _ in found)


def _complement(index: _Index, i: int) -> bool:
    """A name introduced by "de" ("l'entourage d'Emmanuel Macron") qualifies the subject;
    it does not speak."""
    entity = index.entity_of.get(i)
    while i > 0 and entity is not None and index.entity_of.get(i - 1) is entity:
        i -= 1  # the first word of the name
    return any(
        index.tokens[c].dep == "case" and fold(index.tokens[c].text) in ("de", "d'", "du", "des")
        for c in index.children.get(i, [])
    ) or fold(index.tokens[i - 1].text) in ("de", "d'", "du", "des")


def _is_role(token: Token) -> bool:
    return fold(token.text) in data.role_head_words()
