"""Light coreference for event actors: what a pronoun, a bare role noun or "le pays"
stands for, and whom an act with no stated target is addressed to.

Rules of recency and agreement only (no model):

- an object clitic ("lui", "l'", "le", "la", "les", "leur") stands for the last actor
  named before it, this sentence or the one before, that is not the subject of its own
  clause ("le Royaume-Uni a protégé Pinochet en refusant de l'extrader");
- the addressee of an act with no stated target is among the names before it
  (``antecedents``; the caller keeps the first that is not the source);
- a bare definite role noun ("le gouvernement") stands for the last mention of the same
  noun that names a country ("le gouvernement français");
- "le pays" with no complement stands for the country last named (the article's
  country if none is).

The functions return tokens (or a country code); ``phrases`` and ``actors`` turn them into
actors.
"""

from __future__ import annotations

from veille import data
from veille.data import fold
from veille.events.base import (
    _PASSIVE_SUBJECT,
    _SUBJECT_DEPS,
    _articled,
    _case,
    _heads,
    _Index,
    _subtree,
)
from veille.nlp import Token

# Object clitics and their number ("le", "la", "les" are pronouns only when tagged so).
_OBJECT_CLITICS = {
    "lui": "Sing",
    "l'": "Sing",
    "l’": "Sing",
    "le": "Sing",
    "la": "Sing",
    "les": "Plur",
    "leur": "Plur",
}
# Prepositions of a place where something happens: "à Londres" names no antecedent actor.
_LOCATIVE = frozenset({"a", "au", "aux", "en", "dans", "pres", "vers", "depuis"})
# How many sentences back an antecedent may lie: the sentence before, as ``_antecedent``.
_REACH = 1


# How far back the addressee of an act may be named: two sentences before (on the dev
# gold, one sentence scores 0.388 root+dyad F1, two 0.392; held out 0.328 both).
_ADDRESSEE_REACH = 2


def is_object_clitic(token: Token) -> bool:
    return (
        token.pos == "PRON"
        and token.dep in ("obj", "iobj", "obl:arg")
        and fold(token.text) in _OBJECT_CLITICS
    )


# Stressed pronouns after a preposition ("pour lui", "contre elle", "avec eux") and their
# number: they stand for someone named before, as an object clitic does.
_STRESSED = {"lui": "Sing", "elle": "Sing", "eux": "Plur", "elles": "Plur"}


def is_stressed_complement(index: _Index, token: Token) -> bool:
    """ "s'est engagé pour lui", "a porté plainte contre elle": a stressed pronoun with a
    preposition of its own."""
    return (
        token.pos == "PRON"
        and fold(token.text) in _STRESSED
        and token.dep not in _SUBJECT_DEPS
        and not is_object_clitic(token)
        and bool(index.kids(token.i, "case"))
        and not any(fold(c.text) in ("entre", "selon") for c in index.kids(token.i, "case"))
        and not any(fold(w.text) == "entre" for w in index.tokens[token.i - 2 : token.i])
    )


def object_antecedent(index: _Index, pronoun: Token) -> Token | None:
    """The last actor named before an object clitic, of its number, that is not the subject
    of the clause the pronoun is in, this sentence or the one before; none when a thing
    object comes first ("ont poursuivi le cargo, avant de l'arraisonner")."""
    word = fold(pronoun.text)
    number = _OBJECT_CLITICS.get(word) or _STRESSED[word]
    # A direct object clitic ("l'", "les") may stand for a thing; "lui", "leur" and a
    # stressed pronoun for people.
    direct = word not in ("lui", "leur") and word not in _STRESSED
    stressed = word in _STRESSED and not is_object_clitic(pronoun)
    clause = index.tokens[pronoun.head]  # (a stressed one: the word it hangs off)
    subjects = subject_words(index, pronoun)
    for token in before(index, pronoun):
        # The doer of this sentence's clauses is not the one they act on (but the subject
        # of the sentence before may be: "Assange est arrivé. L'Équateur lui a accordé").
        subject = token.dep in _SUBJECT_DEPS or token.dep == _PASSIVE_SUBJECT
        if stressed and subject and token.head != clause.i:
            pass  # "… après que des plaintes ont été déposées contre lui": the main subject
        elif token.i in subjects or (subject and token.sent == pronoun.sent):
            continue
        if _case(index, name_head(index, token)) in _LOCATIVE:
            continue
        entity = index.entity_of.get(token.i)
        if entity is not None and entity.type in ("PER", "ORG", "GPE"):
            head = name_head(index, token)
            if head.number and head.number != number and entity.type != "PER":
                continue
            return head
        if _people(token) and token.number == number:
            return token  # "le général Pinochet … l'extrader", "des civils … les laisser"
        if token.pos == "NOUN" and token.dep == "obj" and token.number == number and direct:
            return None  # "ont poursuivi le cargo …, avant de l'arraisonner": a thing
    return None


def country_antecedent(index: _Index, noun: Token, without: int | None = None) -> str | None:
    """ "le pays" with no complement or adjective (but ``without``, one that is no part of
    the phrase): the country named last before it, in the article (a country stays the
    topic until another is named); its ISO code."""
    if fold(noun.lemma) != "pays" or noun.pos != "NOUN":
        return None
    definite = any(fold(d.text) in ("le", "ce") for d in index.kids(noun.i, "det"))
    if not definite and _case(index, noun) not in ("du", "au"):
        return None  # ("du pays", "au pays": the article is in the preposition)
    if any(k.i != without for k in index.kids(noun.i, "amod", "nmod")):
        return None  # "le pays voisin", "le pays de Galles"
    # Country names as the gazetteer found them ("la Turquie", not the city "Ankara").
    named = [
        (p.start, p.key)
        for p in index.parsed.places
        if p.label == "country" and p.key and index.tokens[p.start].sent < noun.sent
    ]
    # With none named before, the country the article is about.
    return max(named)[1] if named else index.home


def before(index: _Index, pronoun: Token, reach: int = _REACH) -> list[Token]:
    """The tokens before the pronoun, nearest first, back to the start of the sentence
    ``reach`` sentences before."""
    found = []
    for i in range(pronoun.i - 1, -1, -1):
        token = index.tokens[i]
        if index.gap(pronoun, token) > reach:
            break
        found.append(token)
    return found


def subject_words(index: _Index, token: Token) -> set[int]:
    """The words of the subjects of ``token``'s own clause and of the clauses above it."""
    found: set[int] = set()
    for head in (token, *_heads(index, token, 6)):
        for subject in index.kids(head.i, *_SUBJECT_DEPS, _PASSIVE_SUBJECT):
            found.update(_subtree(index, subject.i))
    return found


def name_head(index: _Index, token: Token) -> Token:
    """The head word of the name a token is part of ("Royaume" of "Royaume-Uni")."""
    entity = index.entity_of.get(token.i)
    while (
        token.head != token.i
        and token.dep in ("flat:name", "conj", "amod", "appos")
        and index.entity_of.get(token.head) is entity
        and entity is not None
    ):
        token = index.tokens[token.head]
    return token


def _people(token: Token) -> bool:
    lists = data.name_lists()
    lemma = fold(token.lemma)
    return token.pos == "NOUN" and (
        lemma in lists["people"] or lemma in lists["institution"] or lemma in data.role_head_words()
    )


def preceding(index: _Index, trigger: Token) -> list[Token]:
    """The words before ``trigger``, nearest first, as far back as an addressee may be."""
    return before(index, trigger, _ADDRESSEE_REACH)


def antecedents(index: _Index, trigger: Token) -> list[Token]:
    """The actors named before ``trigger``, nearest first, in its sentence or the one
    before: the head words of names (places of an act left out: "à Bruxelles")."""
    found: list[Token] = []
    seen: set[int] = set()
    for token in before(index, trigger, _ADDRESSEE_REACH):
        entity = index.entity_of.get(token.i)
        # Names only: nouns of people and bodies ("les militaires") were tried as well and
        # mostly found the source's own side again.
        if entity is None or id(entity) in seen or entity.type not in ("PER", "ORG", "GPE"):
            continue
        seen.add(id(entity))
        head = name_head(index, token)
        if _case(index, head) not in _LOCATIVE:
            found.append(head)
    return found


# How many sentences back a bare role noun may find its fuller mention: the article (on
# the dev gold, "le gouvernement" four sentences after "le gouvernement français"; 3 and
# 100 score the same otherwise).
_ROLE_REACH = 100


def role_antecedents(index: _Index, noun: Token) -> list[Token]:
    """ "le gouvernement français … . Cette demande a été rejetée par le gouvernement": a
    bare definite role or body noun (no adjective, no complement) stands for the last
    mention of the same noun before it, up to ``_ROLE_REACH`` sentences back; nearest first
    (the caller keeps the first that names a country)."""
    if noun.pos != "NOUN" or not _people(noun):
        return []
    if not _articled(index, noun):
        return []
    if index.kids(noun.i, "amod", "nmod", "appos", "flat:name"):
        return []
    found = []
    for i in range(noun.i - 1, -1, -1):
        token = index.tokens[i]
        if index.gap(noun, token) > _ROLE_REACH:
            break
        if token.pos == "NOUN" and token.lemma == noun.lemma:
            found.append(token)
    return found


def cleft_focus(index: _Index, token: Token) -> bool:
    """ "C'est lui qui était visé", "ce sont eux qui ont tiré": the word a cleft sentence
    sets off (its copula "être" and subject "ce"), which the "qui" after it stands for."""
    if token.pos not in ("PRON", "NOUN", "PROPN"):
        return False
    kids = [index.tokens[c] for c in index.children.get(token.i, [])]
    return any(k.dep == "cop" for k in kids) and any(
        k.dep in _SUBJECT_DEPS and fold(k.text) in ("c'", "c’", "ce") for k in kids
    )
