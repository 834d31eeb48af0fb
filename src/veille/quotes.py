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

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from veille import data
from veille.clean import Marked, find_marked
from veille.data import fold
from veille.model import Entity, Quote, QuoteKind
from veille.nlp import Parsed, Token

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


_Found = tuple[QuoteKind, int, int, "Clause"]


class _Index:
    """Character ↔ token look-ups and token → entity."""

    def __init__(self, parsed: Parsed, entities: Sequence[Entity]) -> None:
        self.parsed = parsed
        self.tokens = parsed.tokens
        self.starts = [t.start for t in parsed.tokens]
        self.children: dict[int, list[int]] = {}
        for t in parsed.tokens:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t.i)
        self.entity_of: dict[int, Entity] = {}
        for entity in entities:
            for m in entity.mentions:
                for i in range(self.token_at(m.start), self.token_at(m.end - 1) + 1):
                    self.entity_of.setdefault(i, entity)
        self.entities = entities
        self.speakers: list[tuple[int, str]] = []  # (verb token, entity id) found so far
        self.marked: list[Marked] = []

    def quoted(self, i: int) -> bool:
        """Token ``i`` lies inside quotation marks."""
        start = self.tokens[i].start
        return any(m.start <= start < m.end for m in self.marked)

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def text(self, start: int, end: int) -> str:
        return self.parsed.text[start:end]


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


# -- speech clauses -----------------------------------------------------------------------


def _clauses(index: _Index, start: int, end: int) -> list[Clause]:
    tokens = index.tokens
    end = _content_end(tokens, start, end)
    if end <= start:
        return []
    clauses: list[Clause] = []
    sentence_end = end
    tail = _tail_attribution(index, start, end)
    if tail is not None and tail.content_end <= tokens[start].start:
        tail = None
    if tail is not None:
        clauses.append(tail)
        end = index.token_at(tail.content_end - 1) + 1
    clauses.extend(_source_phrase(index, start, end, tail is None))
    for token in tokens[start:sentence_end]:
        verb = _reporting_lemma(index, token)
        if verb is None:
            continue
        limit = end
        if token.i >= end:
            # Inside the attribution, only a relative clause on the speaker reports more:
            # "…, a déclaré le policier X, qui affirme que …".
            if not any(
                index.tokens[c].text.lower() == "qui" for c in index.children.get(token.i, [])
            ):
                continue
            limit = sentence_end
        if any(m.start <= token.start < m.end for m in index.marked):
            continue  # speech reported inside a quotation is the speaker's own words
        clause = _verb_clause(index, token, verb, limit)
        if clause is not None:
            clauses.append(clause)
    return _cut(index, clauses)


def _cut(index: _Index, clauses: list[Clause]) -> list[Clause]:
    """A clause's content ends where the next attribution begins: "…, ajoutant que A,
    précisant que B" gives A and B, not "A, précisant que B"."""
    starts = sorted(c.verb_at for c in clauses if c.verb_at >= 0)
    for clause in clauses:
        for at in starts:
            if clause.content_start < at < clause.content_end:
                i = index.token_at(at)
                while i > 0 and (
                    index.tokens[i - 1].dep.startswith("aux")
                    or index.tokens[i - 1].pos in ("ADV", "CCONJ", "PUNCT", "PRON")
                    or index.tokens[i - 1].text in ("-t",)
                ):
                    i -= 1
                    if index.tokens[i].text in (",", ";"):
                        break
                clause.content_end = min(clause.content_end, index.tokens[max(i - 1, 0)].end)
                break
    return [c for c in clauses if c.content_end > c.content_start]


def _content_end(tokens: Sequence[Token], start: int, end: int) -> int:
    """The sentence without its final punctuation and whitespace."""
    while end > start and (
        tokens[end - 1].pos in ("PUNCT", "SPACE") and tokens[end - 1].text not in '»”"'
    ):
        end -= 1
    return end


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


def _tail_attribution(index: _Index, start: int, end: int) -> Clause | None:
    """ "…, a-t-il ajouté" / "…, a déclaré Gerasimov à Liu, selon une vidéo …" at the end.

    The attribution is the last comma-separated segment(s) of the sentence, outside any
    quotation marks: a reporting verb within its first words, optionally followed by a
    "selon …" source, and no que-clause or colon of its own.
    """
    tokens = index.tokens
    depth = 0
    segment_end = end  # the comma-delimited segment being read runs up to here
    for i in range(end - 1, start, -1):
        text = tokens[i].text
        if text in ("»", "”") and depth == 0 and i + 1 < end:
            # "« … » déclare à l'AFP Jean-Philippe Magnen": no comma after the quote.
            verb_token = _attribution_verb(index, tokens[i + 1 : segment_end])
            if verb_token is not None:
                return _tail_clause(index, start, i + 1, end, verb_token)
        if text in ("»", "”"):
            depth += 1
        elif text in ("«", "“"):
            depth -= 1
        if depth != 0 or text != ",":
            if end - i > TAIL_WINDOW and depth == 0:
                return None
            continue
        segment = tokens[i + 1 : segment_end]
        verb_token = _attribution_verb(index, segment)
        if verb_token is None:
            # An apposition, a relative clause or a source after the attribution
            # (", le porte-parole du ministère", ", qui affirme que …", ", selon une vidéo …")
            # belongs to it: look further left.
            first = fold(segment[0].text) if segment else ""
            verbs = [t for t in segment if t.pos == "VERB" and t.dep not in ("acl", "amod")]
            if first in ("qui", "selon", "d'") or not verbs:
                segment_end = i
                continue
            return None
        if _has_subject_before(index, verb_token, i + 1):
            return None  # "…, la haute autorité …, a annoncé les candidats": a predicate
        if any(
            t.text == ":" or t.text.lower() in _QUE
            for t in segment[: segment.index(verb_token) + 3]
        ):
            return None
        return _tail_clause(index, start, i, end, verb_token)
    return None


def _has_subject_before(index: _Index, verb: Token, segment_start: int) -> bool:
    return any(
        index.tokens[c].dep in _SUBJECT_DEPS and c < segment_start and not index.quoted(c)
        for c in index.children.get(verb.i, [])
    )


def _attribution_verb(index: _Index, segment: Sequence[Token]) -> Token | None:
    """The reporting verb opening an attribution: "a déclaré", "a-t-il ajouté",
    "explique", "a également indiqué" — finite or after its auxiliary, never "et soutenu"."""
    seen_aux = False
    for token in segment[:5]:
        if token.dep.startswith("aux") or token.text in ("-t",) or token.text.lower() in _CLITICS:
            seen_aux = seen_aux or token.dep.startswith("aux")
            continue
        if token.pos == "ADV":
            continue
        if _reporting_lemma(index, token) and (seen_aux or token.verb_form != "Part"):
            return token
        return None
    return None


def _tail_clause(index: _Index, start: int, comma: int, end: int, verb_token: Token) -> Clause:
    tokens = index.tokens
    segment_end = end
    second = _secondary_source(index, verb_token.i + 1, end)
    if second is not None:
        segment_end = second[0]
    return Clause(
        content_start=tokens[start].start,
        content_end=tokens[comma - 1].end,
        verb=_reporting_lemma(index, verb_token),
        speaker=_speaker(index, verb_token, comma + 1, segment_end),
        addressee=_addressee(index, verb_token, segment_end),
        medium=second[1] if second else None,
        source="tail",
    )


def _secondary_source(index: _Index, start: int, end: int) -> tuple[int, str | None] | None:
    """ ", selon une vidéo publiée par …" closing an attribution: (token, medium)."""
    preps = data.quote_words()["source_prep"]
    for i in range(start, end):
        if fold(index.tokens[i].text) in preps:
            return i, _medium(index, i + 1, end)
    return None


def _medium(index: _Index, start: int, end: int) -> str | None:
    """The phrase of a document or channel ("une vidéo publiée par …"), else None."""
    tokens = index.tokens
    media = data.quote_words()["medium"]
    head = next((t for t in tokens[start:end] if t.pos in ("NOUN", "PROPN")), None)
    if head is None or fold(head.text) not in media:
        return None
    last = end
    while last > start and tokens[last - 1].pos in ("PUNCT", "SPACE"):
        last -= 1
    return index.text(tokens[start].start, tokens[last - 1].end) if last > start else None


def _opener(index: _Index, i: int) -> tuple[str, int] | None:
    """A source preposition at token ``i``: ("selon" | "d'après" | "pour", tokens used)."""
    tokens = index.tokens
    word = fold(tokens[i].text).replace("’", "'")
    if word in ("selon", "d'apres", "pour"):
        return {"d'apres": "d'après"}.get(word, word), 1
    if word == "d'" and i + 1 < len(tokens) and fold(tokens[i + 1].text) == "apres":
        return "d'après", 2
    return None


def _titled_source(index: _Index, start: int, end: int) -> str | None:
    """ "Selon le président français, …": the holder of the title the phrase names."""
    head = next((index.tokens[j] for j in range(start, end) if _is_role(index.tokens[j])), None)
    return _title_holder(index, head, head) if head is not None else None


def _is_role(token: Token) -> bool:
    return fold(token.text) in data.role_head_words()


def _cites_data(index: _Index, start: int, end: int) -> bool:
    """ "selon les chiffres les plus récents": figures, rules or findings, not a speaker."""
    head = next((t for t in index.tokens[start:end] if t.pos in ("NOUN", "PROPN")), None)
    return head is not None and fold(head.text) in data.quote_words()["not_source"]


def _source_phrase(index: _Index, start: int, end: int, allow_tail: bool) -> list[Clause]:
    """ "Selon X, …", "D'après X, …", "Pour X, …" opening a clause (the sentence, or after a
    comma: "Ainsi, selon X, « … »"); "… selon X" ending the sentence."""
    tokens = index.tokens
    for i in range(start, end):
        if i > start and fold(tokens[i - 1].text) not in (",", "mais", "et", "car"):
            continue
        found = _opener(index, i)
        if found is None:
            continue
        opener, size = found
        if opener == "pour" and not _names_someone(index, i + size, end):
            continue
        window = range(i + size, min(end, i + SOURCE_WINDOW))
        comma = next((j for j in window if tokens[j].text == ","), None)
        if comma is None or comma + 1 >= end or _cites_data(index, i + size, comma):
            continue
        # "Selon un médecin local cité par AP, Herman Granados, on compte …": a name in
        # apposition belongs to the source phrase.
        named = index.entity_of.get(comma + 1)
        if named is not None and named.type == "PER":
            after = next(
                (j for j in range(comma + 1, min(end, comma + 6)) if tokens[j].text == ","), None
            )
            if after is not None and all(
                index.entity_of.get(j) is named for j in range(comma + 1, after)
            ):
                comma = after
        if not _is_clause(index, tokens[comma + 1].start, tokens[end - 1].end) and not any(
            tokens[j].text in ("«", "“", '"') for j in range(comma + 1, end)
        ):
            continue  # "…, selon l'armée, mobilisée dans la région": the source ends it
        return [
            Clause(
                content_start=tokens[comma + 1].start,
                content_end=tokens[end - 1].end,
                verb=opener,
                speaker=_entity_in(index, i + size, comma)
                or (_pronoun(index, tokens[i + size]) if comma == i + size + 1 else None)
                or _titled_source(index, i + size, comma),
                medium=_medium(index, i + size, comma),
                source="prep",
            )
        ]
    if not allow_tail:
        return []
    for i in range(end - 2, start + 2, -1):
        found = _opener(index, i)
        if found is None or found[0] == "pour" or _cites_data(index, i + found[1], end):
            continue
        # "…, selon X." / "… entendus selon l'agence Belga": the source closes the sentence.
        rest = tokens[i + found[1] : end]
        if any(t.verb_form == "Fin" and not t.dep.startswith("aux") for t in rest):
            continue
        last = i - 1 if tokens[i - 1].text != "," else i - 2
        return [
            Clause(
                content_start=tokens[start].start,
                content_end=tokens[last].end,
                verb=found[0],
                speaker=_entity_in(index, i + found[1], end),
                medium=_medium(index, i + found[1], end),
                source="prep",
            )
        ]
    return []


def _names_someone(index: _Index, start: int, end: int) -> bool:
    """ "Pour le ministre, …" or "Pour Amnesty, …", not "Pour la première fois, …"."""
    for i in range(start, min(end, start + 6)):
        token = index.tokens[i]
        if token.text == ",":
            return False
        entity = index.entity_of.get(i)
        if (entity is not None and entity.type in ("PER", "ORG")) or fold(
            token.text
        ) in data.role_head_words():
            return True
        if i == start and token.text.lower() in ("lui", "elle", "eux", "elles"):
            return True  # "Pour lui, « … »"
    return False


def _verb_clause(index: _Index, verb_token: Token, verb: str, end: int) -> Clause | None:
    """A reporting verb with a que-clause, an infinitive or a colon after it."""
    tokens = index.tokens
    if _impersonal(index, verb_token):
        return None
    words = data.quote_words()
    limit = min(end, verb_token.i + QUE_WINDOW)
    for i in range(verb_token.i + 1, limit):
        token = tokens[i]
        # "que" as a conjunction; the relative pronoun ("le parti que soutient X") and
        # compound conjunctions ("après que", "pour que") open no reported clause.
        # "expliquait alors que …": right after the verb, "alors" is an adverb.
        compound = (
            fold(tokens[i - 1].text) in words["not_reporting_que"] and i - 1 > verb_token.i + 1
        )
        if token.text.lower() in _QUE and token.pos == "SCONJ" and not compound:
            return _clause_from(index, verb_token, verb, i + 1, end, "verb")
        if token.text == ":":
            return _clause_from(index, verb_token, verb, i + 1, end, "colon")
        if token.verb_form == "Inf" and fold(verb) in words["infinitive_verb"]:
            # "a annoncé vouloir …", "a déclaré être « heureux … »", "a demandé à X de tenter …"
            first = i - 1 if tokens[i - 1].text == "«" else i
            return _clause_from(index, verb_token, verb, first, end, "verb")
        if (
            token.verb_form == "Fin"
            and not token.dep.startswith("aux")
            and token.dep != "cop"
            and token.i not in index.entity_of  # "sur France Inter": a name, not a verb
        ):
            return None
        if token.text in (".", ";"):
            return None
        if token.text == "«" and (i + 1 >= end or tokens[i + 1].verb_form != "Inf"):
            return None  # a quotation that is not an infinitive ("a annoncé « prendre … »")
    return None


def _impersonal(index: _Index, verb: Token) -> bool:
    """ "Il faut dire que …", "Rappelons que …", "On note que …": the writer speaks."""
    head = index.tokens[verb.head]
    if verb.verb_form == "Inf" and head.lemma in ("falloir", "pouvoir", "devoir", "aller"):
        return True
    subjects = [i for i in index.children.get(verb.i, []) if index.tokens[i].dep in _SUBJECT_DEPS]
    if any(index.tokens[i].text.lower() == "on" for i in subjects):
        return True
    return verb.verb_form == "Fin" and not subjects and verb.text.lower().endswith("ons")


def _clause_from(
    index: _Index, verb_token: Token, verb: str, start: int, end: int, source: str
) -> Clause | None:
    tokens = index.tokens
    while start < end and tokens[start].pos in ("SPACE",):
        start += 1
    if start >= end:
        return None
    sentence_start = index.parsed.sents[verb_token.sent][0]
    for i in range(start, end - 1):
        # "… qu'elle est impossible : « il est totalement impossible … »": the colon opens
        # a quotation of its own.
        if tokens[i].text == ":" and tokens[i + 1].text in ("«", "“", '"') and i > start:
            end = i
            break
    return Clause(
        content_start=tokens[start].start,
        content_end=tokens[end - 1].end,
        verb=verb,
        speaker=_speaker(index, verb_token, sentence_start, end),
        addressee=_addressee(index, verb_token, start),
        medium=None,
        source=source,
        verb_at=verb_token.start,
    )


# -- speakers -----------------------------------------------------------------------------


def _speaker(index: _Index, verb: Token, start: int, end: int) -> str | None:
    """The entity that speaks through ``verb`` and remember it for the pronouns after."""
    found = _find_speaker(index, verb, start, end)
    if found is not None:
        index.speakers.append((verb.i, found))
    return found


def _find_speaker(index: _Index, verb: Token, start: int, end: int) -> str | None:
    """Subject, clitic ("a-t-il ajouté"), inverted subject ("a déclaré Gerasimov à Liu"),
    the subject of the verb it is coordinated with, or the holder of a title."""
    tokens = index.tokens
    # "a-t-il ajouté": the clitic sits between the auxiliary and the participle.
    for token in tokens[max(start, verb.i - 2) : verb.i + 3]:
        if token.text.lower() in _CLITICS and token.i != verb.i:
            return _pronoun(index, token)
    head = verb
    for _ in range(4):
        # A subject inside the quotation or before the attribution is the parser's error.
        subjects = [
            i
            for i in index.children.get(head.i, [])
            if tokens[i].dep in _SUBJECT_DEPS and start <= i < head.i and not index.quoted(i)
        ]
        if subjects:
            return _resolve_subject(index, tokens[subjects[0]], verb)
        if head is verb:
            inverted = _inverted_subject(index, verb, end)
            if inverted is not None:
                return inverted
        # A participle or coordinated verb speaks for the subject of the verb it hangs off:
        # "Il a publié un communiqué … précisant que", "un rapport … affirmant que".
        if head.dep not in ("conj", "xcomp", "advcl", "acl", "obj", "nmod") or head.head == head.i:
            break
        head = tokens[head.head]
    return _nearest_name_before(index, verb, start)


def _nearest_name_before(index: _Index, verb: Token, start: int) -> str | None:
    """Last resort: a person named just before the verb in its clause ("…, et la ministre
    de la Culture Miri Regev, a demandé que …"), with no other verb in between."""
    for i in range(verb.i - 1, max(start, verb.i - 12) - 1, -1):
        token = index.tokens[i]
        if token.pos == "VERB" or token.text in (".", ";", ":", "»") or index.quoted(i):
            return None
        entity = index.entity_of.get(i)
        if entity is not None and entity.type == "PER" and not _complement(index, i):
            return entity.id
    return None


def _inverted_subject(index: _Index, verb: Token, end: int) -> str | None:
    """A name after the verb, outside an "à …" phrase (the addressee): "déclare à l'AFP
    Jean-Philippe Magnen", "a annoncé le ministère russe des Situations d'urgence"."""
    tokens = index.tokens
    candidates: list[Entity] = []
    addressee: Entity | None = None
    in_addressee = False
    skip = _locution_length(index, verb)
    for token in tokens[verb.i + 1 + skip : end]:
        if token.text in (":", "«", ";") or token.text.lower() in _QUE or token.pos == "VERB":
            break
        entity = index.entity_of.get(token.i)
        if token.text.lower() in ("à", "au", "aux"):
            in_addressee = True
            continue
        if in_addressee:
            if entity is not None:
                addressee = entity
                in_addressee = False
            elif token.text == ",":
                in_addressee = False
            continue
        if entity is None or entity is addressee or entity.type not in ("PER", "ORG", "GPE"):
            continue
        if tokens[token.i - 1].text.lower() in ("de", "du", "des", "d’", "d'"):
            continue
        candidates.append(entity)
    person = next((e for e in candidates if e.type == "PER"), None)
    chosen = person or (candidates[0] if candidates else None)
    return chosen.id if chosen is not None else None


def _locution_length(index: _Index, verb: Token) -> int:
    """Words of a reporting locution after its verb ("fait savoir" → 1)."""
    for rest, _ in data.reporting_locutions().get(verb.lemma, ()):
        following = tuple(t.text.lower() for t in index.tokens[verb.i + 1 : verb.i + 1 + len(rest)])
        if following == rest:
            return len(rest)
    return 0


def _pronoun(index: _Index, token: Token) -> str | None:
    """A pronoun speaker: the person ``entities`` attached it to, else the last speaker
    a few sentences back."""
    entity = index.entity_of.get(token.i)
    if entity is not None:
        return entity.id
    if token.text.lower().lstrip("-") in ("ils", "elles"):
        return _group_antecedent(index, token)
    if token.text.lower().lstrip("-") not in ("il", "elle", "lui"):
        return None
    # The nearest of the last speaker (a few sentences back) and the last person who was
    # the subject of a verb (this sentence or the one before): "Juncker a exprimé ses
    # condoléances, il parle d'un « acte lâche »".
    earlier = [
        (i, entity)
        for i, entity in index.speakers
        if i < token.i and token.sent - index.tokens[i].sent <= PRONOUN_WINDOW
    ]
    for i in range(token.i - 1, -1, -1):
        if token.sent - index.tokens[i].sent > 1:
            break
        entity = index.entity_of.get(i)
        token_i = index.tokens[i]
        subject = token_i.dep in _SUBJECT_DEPS or (
            # "Le député Paul Morel a pris …": the name in apposition to the subject
            index.tokens[token_i.head].dep in _SUBJECT_DEPS
            and token_i.dep in ("appos", "flat:name")
        )
        if entity is not None and entity.type == "PER" and subject and not index.quoted(i):
            earlier.append((i, entity.id))
            break
    return max(earlier)[1] if earlier else None


def _group_antecedent(index: _Index, token: Token) -> str | None:
    """ "ont-ils écrit" after "Les shebab ont revendiqué l'attaque": a plural pronoun
    speaks for the organisation that was last the subject of a verb, a sentence or two back."""
    for i in range(token.i - 1, -1, -1):
        if token.sent - index.tokens[i].sent > 2:
            break
        entity = index.entity_of.get(i)
        if (
            entity is not None
            and entity.type == "ORG"
            and index.tokens[i].dep in _SUBJECT_DEPS
            and not index.quoted(i)
        ):
            return entity.id
    return None


def _resolve_subject(index: _Index, subject: Token, verb: Token) -> str | None:
    entity = index.entity_of.get(subject.i)
    if entity is not None:
        return entity.id
    if subject.text.lower() == "qui" and verb.dep == "acl:relcl" and verb.head != verb.i:
        # "le policier Mohamed Abdulkadir, qui affirme que …": the antecedent speaks.
        return _resolve_subject(index, index.tokens[verb.head], verb)
    if subject.text.lower().lstrip("-") in ("il", "elle", "ils", "elles"):
        return _pronoun(index, subject)
    # "Le président de la Commission européenne, Jean-Claude Juncker, a déclaré", "L'une
    # des voix discordantes, Iouri Sineltchikov, a dénoncé": a name in the subject phrase
    # or in apposition before the verb; names after "de" only qualify it.
    span = set(_subtree(index, subject.i)) | set(range(subject.i, verb.i))
    if fold(subject.text) in data.quote_words()["medium"]:
        # "Un rapport de l'IGPN assurait que …": the document's author speaks.
        author = next(
            (
                index.entity_of[i]
                for i in sorted(span)
                if i in index.entity_of and not index.quoted(i)
            ),
            None,
        )
        if author is not None and author.type in ("PER", "ORG", "GPE"):
            return author.id
    named = [
        index.entity_of[i]
        for i in sorted(span)
        if i in index.entity_of and not _complement(index, i) and not index.quoted(i)
    ]
    person = next((e for e in named if e.type == "PER"), None)
    if person is not None:
        return person.id
    if subject.pos == "PRON":
        return None
    # A title alone ("le ministre a ajouté") is its holder; "le journal russe Novaïa
    # Gazeta" is that organisation; "l'hebdomadaire" the organisation named last.
    return (
        _title_holder(index, subject, verb)
        or next((e.id for e in named if e.type in ("ORG", "GPE")), None)
        or _organisation_anaphor(index, subject)
    )


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


def _subtree(index: _Index, root: int) -> list[int]:
    found, stack = [], [root]
    while stack:
        i = stack.pop()
        found.append(i)
        stack.extend(index.children.get(i, []))
    return found


def _title_holder(index: _Index, subject: Token, verb: Token) -> str | None:
    """ "le ministre a ajouté": the person of the article who holds that title, the one
    mentioned last before the verb when several do."""
    word = fold(subject.text)
    if word not in data.role_head_words():
        return None
    # The title as written, with its complements ("ministre du Redressement productif").
    phrase = fold(
        " ".join(
            index.tokens[i].text
            for i in sorted(_subtree(index, subject.i))
            if i >= subject.i and index.tokens[i].pos not in ("DET", "PUNCT")
        )
    ).replace("' ", "'")
    holders = [
        e
        for e in index.entities
        if e.type == "PER" and any(_same_title(phrase, word, fold(role)) for role in e.roles)
    ]
    before = [
        (max(m.start for m in e.mentions if m.start < verb.start), e)
        for e in holders
        if any(m.start < verb.start for m in e.mentions)
    ]
    if before:
        return max(before, key=lambda pair: pair[0])[1].id
    return holders[0].id if len(holders) == 1 else None


def _organisation_anaphor(index: _Index, subject: Token) -> str | None:
    """ "L'hebdomadaire a révélé …" after "Le Canard enchaîné …": a definite noun of the
    kind of an organisation names the last organisation named before it."""
    if fold(subject.text) not in data.name_lists()["org_anaphor"]:
        return None
    determiners = [
        index.tokens[i].text.lower()
        for i in index.children.get(subject.i, [])
        if index.tokens[i].dep == "det"
    ]
    if not determiners or determiners[0] not in ("le", "la", "l'", "l’", "cette", "ce"):
        return None
    for i in range(subject.i - 1, -1, -1):
        if subject.sent - index.tokens[i].sent > PRONOUN_WINDOW:
            break
        entity = index.entity_of.get(i)
        if entity is not None and entity.type == "ORG" and not index.quoted(i):
            return entity.id
    return None


def _same_title(phrase: str, word: str, role: str) -> bool:
    """ "le ministre" fits any minister; "le ministre de la Justice" only that one; "le
    président français" the president whose role names France."""
    if role.split()[:1] != [word]:
        return False
    if phrase == word or role.startswith(phrase) or phrase.startswith(role):
        return True
    words = phrase.split()
    countries = {data.adjectives()[w] for w in words if w in data.adjectives()}
    bare = " ".join(w for w in words if w not in data.adjectives())
    return bool(countries) and bare == word and _role_country(role) in countries


def _role_country(role: str) -> str | None:
    for word in role.split():
        if word in data.adjectives():
            return data.adjectives()[word]
    names = data.country_names()
    return next((names[w] for w in role.split() if w in names), None)


def _entity_in(index: _Index, start: int, end: int) -> str | None:
    """The speaker named in "selon X": a person first, then an organisation or place."""
    found = [index.entity_of[i] for i in range(start, end) if i in index.entity_of]
    for kind in ("PER", "ORG", "GPE"):
        for entity in found:
            if entity.type == kind:
                return entity.id
    return None


def _addressee(index: _Index, verb: Token, end: int) -> str | None:
    """ "a déclaré Gerasimov à Liu": a person or organisation after "à"."""
    tokens = index.tokens
    for i in range(verb.i + 1, min(end, verb.i + 6, len(tokens) - 1)):
        if tokens[i].text.lower() in ("à", "au", "aux"):
            entity = index.entity_of.get(i + 1)
            if entity is not None and entity.type in ("PER", "ORG"):
                return entity.id
        if tokens[i].text in (",", ":", "«") or tokens[i].text.lower() in _QUE:
            return None
    return None


# -- assignment -----------------------------------------------------------------------------


def _assign(index: _Index, clauses: list[Clause], marked: list[Marked]) -> list[_Found]:
    found: list[_Found] = []
    used: set[Marked] = set()
    by_size = sorted(clauses, key=lambda c: c.content_end - c.content_start)
    for span in marked:
        for clause in by_size:
            if clause.content_start <= span.end and span.start <= clause.content_end:
                clause.marked.append(span)
                used.add(span)
                break
    previous: Clause | None = None
    previous_end = -1
    for clause in sorted(clauses, key=lambda c: c.content_start):
        if clause.marked:
            for kind, start, end in _quoted(index, clause):
                found.append((kind, start, end, clause))
        else:
            start, end = _trimmed(index, clause.content_start, clause.content_end)
            if _is_clause(index, start, end) and not _overlaps(found, start, end):
                found.append(("indirect", start, end, clause))
        previous, previous_end = clause, clause.content_end
    del previous, previous_end
    found.extend(_unattributed(index, [m for m in marked if m not in used], found))
    return _dedupe(found)


def _quoted(index: _Index, clause: Clause) -> list[tuple[QuoteKind, int, int]]:
    content = _letters(index.text(clause.content_start, clause.content_end))
    quoted = sum(_letters(index.text(m.start, m.end)) for m in clause.marked)
    first = min(m.start for m in clause.marked)
    last = max(m.end for m in clause.marked)
    # After "que" or an infinitive, quoted words are embedded in indirect speech: mixed.
    embedded = clause.source == "verb" and first >= clause.content_start
    if not embedded and (
        content == 0 or quoted / content >= DIRECT_COVERAGE or first < clause.content_start
    ):
        return [("direct", m.start, m.end) for m in clause.marked]
    start, end = _trimmed(index, min(clause.content_start, first), max(clause.content_end, last))
    return [("mixed", start, end)]


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


def _unattributed(index: _Index, spans: list[Marked], found: list[_Found]) -> list[_Found]:
    """Marked spans no clause claims: the previous speaker's words when they follow a
    quote, an anonymous quotation when long enough, else a name or a scare quote."""
    naming = data.quote_words()["naming"]
    result: list[_Found] = []
    for span in spans:
        words = len(index.text(span.start, span.end).split())
        before = index.text(max(0, span.open_at - 30), span.open_at).split()
        if before and fold(before[-1].strip(",:")) in naming:
            continue
        governed = _governed_quote(index, span) or _predicate_quote(index, span)
        if governed is not None:
            if not _overlaps(found + result, governed[1], governed[2]):
                result.append(governed)
            continue
        opens_sentence = _opens_sentence(index, span)
        prior = [q for q in found + result if q[2] <= span.open_at]
        last = max(prior, key=lambda q: q[2], default=None)
        near = (
            last is not None
            and index.tokens[index.token_at(span.open_at)].sent
            - index.tokens[index.token_at(max(last[2] - 1, 0))].sent
            <= 2
        )
        introducer = _colon_speaker(index, span)
        follows = last is not None and _follows(index, last, span)
        if introducer is not None:
            result.append(("direct", span.start, span.end, introducer))
        elif follows and last is not None:
            # "… évoque un « ignoble attentat », « nous devons mener la guerre … »"
            result.append(("direct", span.start, span.end, last[3]))
        elif (after_colon := _after_colon(index, span)) is not None:
            if not _overlaps(found + result, after_colon[1], after_colon[2]):
                result.append(after_colon)
        elif opens_sentence and last is not None and near and last[3].speaker is not None:
            result.append(("direct", span.start, span.end, last[3]))
        elif words >= MIN_UNATTRIBUTED_WORDS and opens_sentence:
            result.append(
                ("direct", span.start, span.end, Clause(span.start, span.end, None, None))
            )
    return result


def _object_quote_verb(index: _Index, verb: Token) -> str | None:
    """A verb of ``np_quote_verb``; "y voir" needs its clitic ("y voit une « prime »")."""
    if verb.pos != "VERB":
        return None
    for entry in data.quote_words()["np_quote_verb"]:
        *clitic, lemma = entry.split()
        if fold(verb.lemma) != lemma:
            continue
        children = {index.tokens[i].text.lower() for i in index.children.get(verb.i, [])}
        if not clitic or clitic[0] in children:
            return verb.lemma
    return None


def _governed_quote(index: _Index, span: Marked) -> _Found | None:
    """Quoted words in the object of a speech verb: "parle d'un « montage »", "condamne ce
    « crime barbare »", "se dit « impatient … »" — the object phrase, as a mixed quote."""
    tokens = index.tokens
    token = tokens[index.token_at(span.start)]
    child = token
    for _ in range(6):
        head = tokens[child.head]
        if head.i == child.i:
            return None
        verb = _reporting_lemma(index, head) or _object_quote_verb(index, head)
        if verb is not None and head.i < token.i:
            break
        if head.pos in ("VERB", "AUX") and head.dep not in ("acl", "amod"):
            return None
        child = head
    else:
        return None
    # Said by someone: not the impersonal "on", not a bare participle ("Qualifié de « … »").
    children = [index.tokens[i] for i in index.children.get(head.i, [])]
    if any(c.dep in _SUBJECT_DEPS and c.text.lower() == "on" for c in children):
        return None
    has_aux = any(c.dep.startswith("aux") or c.dep in _SUBJECT_DEPS for c in children)
    if head.verb_form == "Part" and not has_aux:
        return None
    phrase = sorted(_subtree(index, child.i))
    first = min(phrase[0], index.token_at(span.open_at))
    while (
        first < len(tokens)
        and tokens[first].pos in ("ADP", "PUNCT")
        and tokens[first].text not in "«“"
    ):
        first += 1
    last = max(phrase[-1], index.token_at(span.end - 1))
    while last > first and tokens[last].pos == "PUNCT" and tokens[last].text not in '»”"':
        last -= 1
    start, end = tokens[first].start, tokens[last].end
    sentence_start = index.parsed.sents[head.sent][0]
    clause = Clause(
        content_start=start,
        content_end=end,
        verb=verb,
        speaker=_speaker(index, head, sentence_start, head.i),
        source="object",
    )
    return ("mixed", start, end, clause)


def _predicate_quote(index: _Index, span: Marked) -> _Found | None:
    """The quotation holds the verb of a named subject outside it: "le pape François
    « s'associe à la douleur »", "Theresa May « félicite chaleureusement » Emmanuel Macron".
    Direct when the quotation runs to the end of the sentence, else mixed from the mark."""
    tokens = index.tokens
    first, last = index.token_at(span.start), index.token_at(max(span.end - 1, span.start))
    for token in tokens[first : last + 1]:
        if token.pos not in ("VERB", "AUX", "ADJ") or token.dep not in ("ROOT", "conj"):
            continue
        subjects = [
            tokens[i]
            for i in index.children.get(token.i, [])
            if tokens[i].dep in _SUBJECT_DEPS and tokens[i].start < span.open_at
        ]
        if not subjects:
            continue
        speaker = _resolve_subject(index, subjects[0], token)
        if speaker is None:
            return None
        clause = Clause(span.start, span.end, None, speaker, source="predicate")
        sentence_end = _content_end(tokens, *index.parsed.sents[token.sent])
        rest = index.text(span.end, tokens[sentence_end - 1].end)
        if _letters(rest.strip('»”" ')) == 0:
            return ("direct", span.start, span.end, clause)
        start, end = _trimmed(
            index, tokens[index.token_at(span.open_at)].start, tokens[sentence_end - 1].end
        )
        return ("mixed", start, end, clause)
    return None


def _follows(index: _Index, last: _Found, span: Marked) -> bool:
    """The quotation comes right after the previous quote, a comma between them."""
    between = index.text(last[2], span.open_at)
    return between.strip(' »”"') == "," and last[3].speaker is not None


def _after_colon(index: _Index, span: Marked) -> _Found | None:
    """ "X nuance les effets de la crise : elle est plus ressentie … où « … »": the
    content after a colon, quoted words included, is the subject's reported speech."""
    tokens = index.tokens
    i = index.token_at(span.open_at)
    sentence_start, sentence_end = index.parsed.sents[tokens[i].sent]
    colon = next(
        (
            j
            for j in range(i - 1, sentence_start, -1)
            if tokens[j].text == ":" and not index.quoted(j)
        ),
        None,
    )
    if colon is None:
        return None
    roots = [t for t in tokens[sentence_start:colon] if t.pos == "VERB" and t.dep == "ROOT"]
    if not roots:
        return None
    speaker = _speaker(index, roots[0], sentence_start, colon)
    if speaker is None:
        return None
    end = _content_end(tokens, sentence_start, sentence_end)
    start, stop = _trimmed(index, tokens[colon + 1].start, tokens[end - 1].end)
    return ("mixed", start, stop, Clause(start, stop, None, speaker, source="colon"))


def _colon_speaker(index: _Index, span: Marked) -> Clause | None:
    """ "Emmanuel Macron a émis un tweet : « … »": after a colon, the quotation is the words
    of the subject of the clause that introduces it, when that subject is named."""
    i = index.token_at(span.open_at)
    if i == 0 or index.tokens[i - 1].text != ":":
        return None
    sentence_start = index.parsed.sents[index.tokens[i].sent][0]
    verbs = [t for t in index.tokens[sentence_start : i - 1] if t.pos == "VERB" and t.dep == "ROOT"]
    if not verbs:
        return None
    speaker = _speaker(index, verbs[0], sentence_start, i - 1)
    if speaker is None:
        return None
    return Clause(span.start, span.end, None, speaker, source="colon")


def _opens_sentence(index: _Index, span: Marked) -> bool:
    """The quote starts its sentence (after the mark) or follows a colon."""
    i = index.token_at(span.open_at)
    token = index.tokens[i]
    sentence_start = index.parsed.sents[token.sent][0]
    previous = index.tokens[i - 1] if i > 0 else None
    return i <= sentence_start + 1 or (previous is not None and previous.text == ":")


def _dedupe(found: list[_Found]) -> list[_Found]:
    """One quote per stretch of text: the longer of two overlapping ones wins."""
    result: list[_Found] = []
    for item in sorted(found, key=lambda q: -(q[2] - q[1])):
        if not _overlaps(result, item[1], item[2]):
            result.append(item)
    return result
