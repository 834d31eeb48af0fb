"""Speech clauses: an attribution and the content it reports, sentence by sentence."""

from __future__ import annotations

from collections.abc import Sequence

from veille import data
from veille.data import fold
from veille.nlp import Token
from veille.quotes.base import (
    _CLITICS,
    _QUE,
    _SUBJECT_DEPS,
    QUE_WINDOW,
    SOURCE_WINDOW,
    TAIL_WINDOW,
    Clause,
    _content_end,
    _Index,
    _is_clause,
    _is_role,
    _reporting_lemma,
)
from veille.quotes.speakers import (
    _addressee,
    _entity_in,
    _pronoun,
    _speaker,
    _title_holder,
)


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
        # "…, selon X." / "… entendus selon l'agence Belga": the source closes the sentence
        # or the clause ("… un danger selon plusieurs observateurs et porterait …").
        rest = tokens[i + found[1] : end]
        phrase_end = next(
            (k for k, t in enumerate(rest) if t.text in (",", ";") or t.text in ("et", "mais")),
            len(rest),
        )
        if phrase_end == 0 or any(
            t.verb_form == "Fin" and not t.dep.startswith("aux") for t in rest[:phrase_end]
        ):
            continue
        last = i - 1 if tokens[i - 1].text != "," else i - 2
        return [
            Clause(
                content_start=tokens[start].start,
                content_end=tokens[last].end,
                verb=found[0],
                speaker=_entity_in(index, i + found[1], i + found[1] + phrase_end),
                medium=_medium(index, i + found[1], i + found[1] + phrase_end),
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
        if fold(token.text) in data.quote_words()["speaker_noun"]:
            return True  # "pour certains analystes, …"
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
