"""Speakers: who speaks through a reporting verb or a source phrase, and to whom."""

from __future__ import annotations

from veille import data
from veille.data import fold
from veille.model import Entity
from veille.nlp import Token
from veille.quotes.base import (
    _CLITICS,
    _QUE,
    _SUBJECT_DEPS,
    PRONOUN_WINDOW,
    _complement,
    _Index,
)


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
        # "tout en précisant que": the parser hangs the verb off "tout" as a fixed phrase.
        climbs = head.dep in ("conj", "xcomp", "advcl", "acl", "obj", "nmod", "fixed") or (
            head.dep == "advmod" and head.pos != "VERB"
        )
        if not climbs or head.head == head.i:
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
    # condoléances, il parle d'un « acte lâche »". A chain of the same pronoun as subject
    # reaches further back ("Montebourg … . Depuis des années, il défend … . Il annonce …");
    # an unnamed body as subject in between ("Le nouveau gouvernement s'est donné … . Il a
    # déclaré …") is the antecedent, and no named speaker is.
    earlier: list[tuple[int, str | None]] = [
        (i, entity)
        for i, entity in index.speakers
        if i < token.i and token.sent - index.tokens[i].sent <= PRONOUN_WINDOW
    ]
    pronoun = token.text.lower().lstrip("-")
    bodies = data.name_lists()["institution"]
    reach = token.sent - 1
    for i in range(token.i - 1, -1, -1):
        token_i = index.tokens[i]
        if token_i.sent < reach:
            break
        if index.quoted(i):
            continue
        entity = index.entity_of.get(i)
        subject = token_i.dep in _SUBJECT_DEPS or (
            # "Le député Paul Morel a pris …": the name in apposition to the subject
            index.tokens[token_i.head].dep in _SUBJECT_DEPS
            and token_i.dep in ("appos", "flat:name")
        )
        if not subject:
            continue
        if entity is not None and entity.type == "PER":
            earlier.append((i, entity.id))
            break
        if entity is None and token_i.text.lower() == pronoun:
            reach = max(token_i.sent - 1, token.sent - PRONOUN_WINDOW)
        elif entity is None and token_i.pos == "NOUN" and fold(token_i.text) in bodies:
            earlier.append((i, None))
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
    span = set(index.descendants(subject.i)) | set(range(subject.i, verb.i))
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
            for i in sorted(index.descendants(subject.i))
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
    """The speaker named in "selon X": a person first, then an organisation or place; not
    the one spoken to ("selon ce que certains ont confié au Canard enchaîné")."""
    found = []
    addressed = None
    for i in range(start, end):
        entity = index.entity_of.get(i)
        if entity is None or entity is addressed:
            continue
        if index.tokens[i - 1].text.lower() in ("à", "au", "aux"):
            addressed = entity
            continue
        found.append(entity)
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
