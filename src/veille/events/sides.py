"""Two-sided and joint acts: the sides an "entre" phrase names ("des affrontements entre
l'Inde et le Pakistan", "le traité fut signé entre l'Allemagne, la France et l'Italie"),
acts done to each other ("s'affrontent"), and the partner of a joint act."""

from __future__ import annotations

from veille.data import fold
from veille.events.base import (
    _PASSIVE_SUBJECT,
    _SUBJECT_DEPS,
    _Actor,
    _case,
    _Index,
    _subtree,
    _verb_of,
)
from veille.events.codes import lexicon
from veille.events.phrases import _actor_of, _from_entity, group_of
from veille.nlp import Token


def _reciprocal(index: _Index, trigger: Token) -> bool:
    """ "s'affrontent", "se battent", "des combats entre factions rebelles"."""
    if trigger.pos == "NOUN":
        return bool(_between(index, trigger))
    return trigger.number == "Plur" and any(
        index.tokens[c].text.lower() in ("se", "s'", "s’")
        for c in index.children.get(trigger.i, [])
    )


def _between(index: _Index, noun: Token) -> list[Token]:
    """ "des combats entre factions rebelles", "des combats ont eu lieu entre les
    factions": the "entre" phrases of the noun, or of the verb it is the subject of."""
    phrases = [t for t in index.kids(noun.i, "nmod") if _case(index, t) == "entre"]
    if not phrases and noun.dep in _SUBJECT_DEPS and noun.head != noun.i:
        verb = index.tokens[noun.head]
        phrases = [
            t for t in index.kids(verb.i, "obl:mod", "obl:arg", "obl") if _case(index, t) == "entre"
        ]
    return phrases


def two_sides(index: _Index, trigger: Token, code: str) -> list[Token]:
    """ "entre l'Inde et le Pakistan": the two sides an "entre" phrase of the act (or of the
    verb an act noun is the subject of) names, or the subject of a relative clause on the
    act noun and its "avec" partner, when both are actors; not the parties a mediator
    stands between (045)."""
    if code.startswith("045"):
        return []
    between = _between(index, trigger)
    if not between and trigger.pos == "VERB":
        # "un accord a été conclu entre …", "les négociations entre … ont repris"
        between = [
            t
            for t in index.kids(trigger.i, "obl:mod", "obl:arg", "obl")
            if _case(index, t) == "entre"
        ] + [
            t
            for s in index.kids(trigger.i, *_SUBJECT_DEPS, _PASSIVE_SUBJECT)
            if not index.kids(trigger.i, "obj")
            and any(a[1][:2] == code[:2] for a in lexicon().get((s.lemma.lower(), "NOUN"), ()))
            for t in index.kids(s.i, "nmod")
            if _case(index, t) == "entre"
        ]  # (the verb tells again the act its subject names: not "le conflit entre … a tué")
    if not between and trigger.pos == "NOUN":
        # "les affrontements que le pays connaît avec l'Inde", "les négociations que le
        # gouvernement mène avec les FARC": the subject of a relative clause and its partner.
        for clause in index.kids(trigger.i, "acl:relcl"):
            subjects = [s for s in index.kids(clause.i, *_SUBJECT_DEPS) if s.pos != "PRON"]
            partners = [
                t
                for t in index.kids(clause.i, "obl:mod", "obl:arg", "obl")
                if _case(index, t) == "avec"
            ]
            if subjects and partners:
                one, other = _actor_of(index, subjects[0]), _actor_of(index, partners[0])
                if one.named and other.named and not (one.site or other.site):
                    return [subjects[0], partners[0]]
        return []
    if not between:
        return []
    first = between[0]
    others = index.kids(first.i, "conj")
    if not others:
        # "entre le gouvernement colombien et les FARC", the second side parsed elsewhere:
        # the noun after the "et" that ends the first side's phrase.
        k = max(_subtree(index, first.i)) + 1
        end = index.parsed.sents[first.sent][1]
        if k < end and fold(index.tokens[k].text) == "et":
            k += 1
            while k < end and index.tokens[k].pos == "DET":
                k += 1
            if k < end and index.tokens[k].pos in ("NOUN", "PROPN"):
                others = [index.tokens[k]]
    if not others or (len(others) > 1 and trigger.pos == "VERB"):
        return []  # (a longer list of signatories: one record each, as listed)
    one, other = _actor_of(index, first), _actor_of(index, others[0])
    if not (one.named and other.named) or one.site or other.site:
        return []
    return [first, others[0]]


def _sides(index: _Index, phrase: Token) -> list[_Actor]:
    """The actors an "entre" phrase lists: its coordinated phrases, or the names read from
    the words ("entre l'Allemagne, la France, l'Italie et le Luxembourg": the parser
    scatters such lists)."""
    sides = [
        actor
        for actor in (_actor_of(index, t) for t in [phrase, *index.kids(phrase.i, "conj")])
        if actor.actor_code is not None or actor.people
    ]
    if len(sides) > 1:
        return sides  # "entre le gouvernement et les rebelles", as parsed
    tokens = index.tokens
    end = index.parsed.sents[phrase.sent][1]
    sides = []
    k = phrase.i
    while k < end and len(sides) < 12:
        entity = index.entity_of.get(k)
        if entity is None or entity.type not in ("PER", "ORG", "GPE"):
            break
        if not any(_same_actor(_from_entity(entity), side) for side in sides):
            sides.append(_from_entity(entity))
        while k + 1 < end and index.entity_of.get(k + 1) is entity:
            k += 1
        k += 1
        if k >= end or fold(tokens[k].text) not in (",", "et", "ou"):
            break
        k += 1
        if k < end and fold(tokens[k].text) in ("et", "ou"):
            k += 1
        if k < end and tokens[k].pos == "DET":
            k += 1
    return sides


def _joint(code: str) -> bool:
    """An act two parties do with each other (a meeting, a negotiation, an agreement,
    cooperation), not one they do together to a third: "la maire de Paris et le Conseil
    du culte musulman ont condamné cet attentat" is no condemnation of each other."""
    return code[:2] in ("04", "06") or code.startswith(("036", "057"))


def _partner(index: _Index, trigger: Token, source: _Actor) -> _Actor:
    """ "Vladimir Poutine et Xi Jinping posent … lors de leur rencontre": the other of two
    subjects (or coordinated subjects) is the other side of a joint act."""
    if source.entity is None:
        return _Actor()
    verb = _verb_of(index, trigger)
    for _ in range(2):
        # "le Japon et la Chine ont échoué à conclure un accord": the subjects of the verb
        # an infinitive with none of its own depends on.
        if index.kids(verb.i, *_SUBJECT_DEPS) or verb.verb_form != "Inf":
            break
        if verb.head == verb.i or verb.dep not in ("xcomp", "obl:arg", "ccomp", "advcl"):
            break
        verb = index.tokens[verb.head]
    subjects = [group_of(index, s) for s in index.kids(verb.i, *_SUBJECT_DEPS)]
    for subject in [*subjects, *(c for s in subjects for c in index.kids(s.i, "conj"))]:
        actor = _actor_of(index, subject)
        if actor.entity is not None and actor.entity is not source.entity:
            return actor
    return _Actor()


def _same_actor(one: _Actor, other: _Actor) -> bool:
    if one.entity is not None or other.entity is not None:
        return one.entity is other.entity
    return one.actor_code == other.actor_code
