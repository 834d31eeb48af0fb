"""Assignment: quoted spans placed in speech clauses; direct, mixed and indirect quotes."""

from __future__ import annotations

from veille import data
from veille.clean import Marked
from veille.data import fold
from veille.model import QuoteKind
from veille.nlp import Token
from veille.quotes.base import (
    _SUBJECT_DEPS,
    DIRECT_COVERAGE,
    MIN_UNATTRIBUTED_WORDS,
    Clause,
    _content_end,
    _Found,
    _Index,
    _is_clause,
    _letters,
    _overlaps,
    _reporting_lemma,
    _trimmed,
)
from veille.quotes.speakers import (
    _resolve_subject,
    _speaker,
)


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
    phrase = sorted(index.descendants(child.i))
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


def _voice(index: _Index, start: int, end: int) -> str | None:
    """ "le Rwanda a répondu par la voix du lieutenant-colonel René Ngendahimana": the person
    the text gives as the voice of an organisation or country speaks."""
    text = fold(index.text(index.tokens[start].start, index.tokens[max(end - 1, start)].end))
    at = text.find("par la voix d")
    if at < 0:
        return None
    offset = index.tokens[start].start + at
    for i in range(index.token_at(offset), end):
        entity = index.entity_of.get(i)
        if entity is not None and entity.type == "PER":
            return entity.id
    return None


def _colon_speaker(index: _Index, span: Marked) -> Clause | None:
    """ "Emmanuel Macron a émis un tweet : « … »": after a colon, the quotation is the words
    of the subject of the clause that introduces it, when that subject is named. The colon
    may end the paragraph before the quotation ("a commenté ainsi ce vote :" ¶ « … »)."""
    colon = index.token_at(span.open_at) - 1
    while colon >= 0 and index.tokens[colon].pos == "SPACE":
        colon -= 1
    if colon < 0 or index.tokens[colon].text != ":":
        return None
    sentence_start = index.parsed.sents[index.tokens[colon].sent][0]
    voice = _voice(index, sentence_start, colon)
    if voice is not None:
        index.speakers.append((colon, voice))
        return Clause(span.start, span.end, None, voice, source="colon")
    # The root, whatever the tagger made of it ("raconte" tagged ADJ): its subject speaks.
    roots = [t for t in index.tokens[sentence_start:colon] if t.dep == "ROOT" and t.pos != "PUNCT"]
    if not roots:
        return None
    speaker = _speaker(index, roots[0], sentence_start, colon)
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
