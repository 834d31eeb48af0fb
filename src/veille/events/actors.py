"""Actors: source and target of an event from the parse (subjects, agents, objects,
complements, participles, gerunds, coordinated partners), localised to the article's country."""

from __future__ import annotations

import re

from veille import data
from veille.data import fold
from veille.events import coref
from veille.events.base import (
    _DE,
    _PASSIVE_SUBJECT,
    _SUBJECT_DEPS,
    _Actor,
    _case,
    _has_case,
    _heads,
    _Index,
    _subtree,
    _verb_of,
)
from veille.events.codes import lexicon, noun_entry_objects, verb_entry_objects
from veille.events.phrases import _actor_of, _adjective_actor, _from_entity, _regions
from veille.events.triggers import _trigger
from veille.model import Entity
from veille.nlp import Token


def _passive_participle(index: _Index, trigger: Token) -> bool:
    """ "ont été tués" (tagged ADJ), "est accusé" (être as copula), "la chef de l'État,
    accusée de corruption" (a participle on a noun): the act is done to the subject or
    the noun, not by it."""
    if trigger.pos == "ADJ":
        return True
    if trigger.verb_form != "Part" or trigger.tense == "Pres":
        return False  # "en accusant la Russie": a present participle is active
    kids = [index.tokens[c] for c in index.children.get(trigger.i, [])]
    if any(fold(k.text) in _REFLEXIVE for k in kids):
        return False  # "la Russie s'est opposée": a pronominal verb is active
    if any(k.dep in ("aux:pass", "cop") for k in kids):
        return True
    if any(k.dep.startswith("aux") for k in kids):
        return False
    return (
        trigger.dep in ("acl", "amod")
        or _detached(index, trigger) is not None
        or _opening(index, trigger) is not None
    )


_REFLEXIVE = frozenset({"se", "s'", "s’"})


def _said_of(index: _Index, patient: Token) -> Token | None:
    """ "…, ce qui a été critiqué": the "qui" of a "ce qui" clause stands for what the
    clause it follows tells; the verb of that clause."""
    if fold(patient.text) != "qui" or patient.pos != "PRON":
        return None
    relative = index.tokens[patient.head]
    if relative.dep != "acl:relcl" or relative.head == relative.i:
        return None
    that = index.tokens[relative.head]
    if fold(that.text) != "ce" or that.pos != "PRON" or that.head == that.i:
        return None
    verb = _verb_of(index, index.tokens[that.head])
    return verb if verb.pos in ("VERB", "AUX") and verb.i != relative.i else None


def _passive_infinitive(index: _Index, participle: Token) -> bool:
    """ "avant d'être abattue", "pour être jugés": a participle with the infinitive
    "être" as its passive auxiliary, in a clause that depends on another verb."""
    return (
        participle.dep in ("advcl", "xcomp", "ccomp")
        and participle.head != participle.i
        and any(k.verb_form == "Inf" for k in index.kids(participle.i, "aux:pass"))
    )


def _detached(index: _Index, participle: Token) -> Token | None:
    """ "la proposition du gouvernement français, accusé de sous-investissement": a past
    participle set off by a comma qualifies the noun before it (the parser may hang it
    off the main verb); that noun."""
    if (
        participle.tense != "Past"
        or participle.i < 2
        or index.tokens[participle.i - 1].text != ","
        or participle.dep not in ("advcl", "conj", "acl", "appos")
    ):
        return None
    noun = index.tokens[participle.i - 2]
    while noun.pos in ("ADJ", "PROPN") and noun.dep in ("amod", "flat:name") and noun.head < noun.i:
        noun = index.tokens[noun.head]
    return noun if noun.pos in ("NOUN", "PROPN") else None


def _object_after_aside(index: _Index, verb: Token) -> list[Token]:
    """ "On a arrêté, dans le cadre de l'enquête, trois employés": after a phrase set off
    by commas, the parser may make the object a conjunct of the verb (no "et" before it)
    or hang it off the comma."""
    found = []
    commas = [p for p in index.kids(verb.i, "punct") if p.text == "," and p.i > verb.i]
    hung = [k for p in commas for k in index.kids(p.i, "fixed", "conj", "dep", "obj")]
    for kid in index.kids(verb.i, "conj") + hung:
        if kid.pos not in ("NOUN", "PROPN") or kid.i < verb.i or index.kids(kid.i, "cc"):
            continue
        first = min(i for i in _subtree(index, kid.i) if index.tokens[i].pos != "PUNCT")
        if first > 0 and index.tokens[first - 1].text == ",":
            found.append(kid)
    return found


def _opening(index: _Index, participle: Token) -> Token | None:
    """ "Longtemps accusée de laxisme par ses alliés, la Turquie a …", "Chassé de la
    capitale par les troupes, le groupe contrôle …": a past participle that opens its
    sentence qualifies the main clause's subject, the actor right after the comma that
    closes the participle's clause (read from the words: the parser often makes the
    participle the root); that actor's word."""
    if participle.verb_form != "Part" or participle.tense != "Past":
        return None
    kids = [index.tokens[c] for c in index.children.get(participle.i, [])]
    if any(k.dep.startswith(("aux", "nsubj")) for k in kids):
        return None
    start, end = index.parsed.sents[participle.sent]
    tokens = index.tokens
    if any(t.pos not in ("ADV", "PUNCT", "SPACE") for t in tokens[start : participle.i]):
        return None
    for i in range(participle.i + 1, end - 1):
        if tokens[i].text != ",":
            continue
        k = i + 1
        while k < end and tokens[k].pos == "DET":
            k += 1
        if k >= end or tokens[k].pos not in ("NOUN", "PROPN"):
            continue
        entity = index.entity_of.get(k)
        last = k
        while entity is not None and last + 1 < end and index.entity_of.get(last + 1) is entity:
            last += 1
        if last + 1 < end and fold(tokens[last + 1].text) in (",", "et", "ou"):
            continue  # "accusé par la France, l'Allemagne et …": still the agents
        bodies = data.name_lists()["institution"] | data.name_lists()["org_anaphor"]
        actor = entity is not None and entity.type in ("PER", "ORG", "GPE")
        if actor or fold(tokens[k].lemma) in bodies or _people_word(tokens[k]):
            return tokens[k]
        return None
    return None


def _people_word(token: Token) -> bool:
    lemma = fold(token.lemma)
    return lemma in data.name_lists()["people"] or lemma in data.role_head_words()


def _actors(index: _Index, trigger: Token, code: str) -> tuple[_Actor, _Actor]:
    source, target = _parties(index, trigger, code)
    if code == "0831" and fold(trigger.lemma) in _FORCING:
        # "a été contraint à la démission par l'armée": the one forced out yields power.
        source, target = target, source
    if (
        code == "052"
        and trigger.dep == "parataxis"
        and not index.kids(trigger.i, *_SUBJECT_DEPS)
        and any(k.i > trigger.i for k in index.kids(trigger.i, "obj"))
    ):
        # "« … », s'est défendu le ministre": the parser takes the inverted speaker for
        # an object.
        source, target = target, _Actor()
    if fold(trigger.lemma) in _APPEARING:
        # "ont comparu devant un tribunal cairote": the court acts on the accused.
        judges = [t for t in index.kids(trigger.i, "obl:arg", "obl:mod", "obl", "nmod")]
        judges = [t for t in judges if _case(index, t) == "devant"]
        source, target = (_actor_of(index, judges[0]) if judges else _Actor()), source
    return source, target


def _parties(index: _Index, trigger: Token, code: str) -> tuple[_Actor, _Actor]:
    if _passive_participle(index, trigger):
        # A passive participle the tagger calls an adjective: "ont été tués", "les
        # manifestants interpellés": the patient is its subject or the noun it qualifies.
        patients = index.kids(trigger.i, *_SUBJECT_DEPS, _PASSIVE_SUBJECT)
        head = index.tokens[trigger.head]
        patient = patients[0] if patients else (head if trigger.dep in ("amod", "acl") else None)
        if patient is None:
            patient = _detached(index, trigger) or _opening(index, trigger)
        agents = [
            t
            for t in index.kids(trigger.i, "obl:agent", "obl:arg", "obl:mod")
            if _case(index, t) == "par"
        ]
        infinitive = _passive_infinitive(index, trigger)
        if not agents and infinitive and not index.kids(head.i, "aux:pass", _PASSIVE_SUBJECT):
            # "… de s'approcher du président avant d'être gazés par les forces de l'ordre":
            # the parser may hang the agent off the active verb governing the participle.
            agents = [t for t in index.kids(head.i, "obl:agent") if _case(index, t) == "par"]
        source = _actor_of(index, agents[0]) if agents else _Actor()
        # "1 300 djihadistes tués par l'armée irakienne": the patient is the noun without
        # the participle's own phrase (the agent is no part of it).
        without = trigger.i if patient is not None and patient.i == head.i else None
        target = _actor_of(index, patient, without) if patient is not None else _Actor()
        said = _said_of(index, patient) if patient is not None else None
        if said is not None:
            # "le président a annoncé un plan, ce qui a été critiqué": what is criticised
            # is a deed; the act is on its doer.
            target = _clause_subject(index, said)
        if patient is None and infinitive:
            # "une Palestinienne a attaqué … avant d'être abattue": the one the passive
            # infinitive happens to is the subject of the clause it depends on.
            target = _clause_subject(index, head)
        return source, target
    if trigger.pos == "VERB":
        subjects = index.kids(trigger.i, *_SUBJECT_DEPS)
        passive = index.kids(trigger.i, _PASSIVE_SUBJECT)
        if passive and any(fold(k.text) in _REFLEXIVE for k in index.kids(trigger.i, "expl:pass")):
            # "des milliers de personnes se sont rassemblées": a pronominal verb the parser
            # read as a passive; its subject does the act.
            subjects, passive, pronominal = passive, [], True
        else:
            pronominal = False
        # "a soutenu Duque": the parser sometimes makes a name object an xcomp.
        objects = (
            index.kids(trigger.i, "obj")
            or [t for t in index.kids(trigger.i, "xcomp") if t.pos in ("PROPN", "NOUN")]
            or _object_after_aside(index, trigger)
        )
        agents = [
            t
            for t in index.kids(trigger.i, "obl:agent", "obl:arg", "obl:mod")
            if _case(index, t) == "par"
        ]
        source = (
            _actor_of(index, agents[0]) if passive and agents else _clause_subject(index, trigger)
        )
        if pronominal:
            source = _actor_of(index, subjects[0])
        target = (
            _actor_of(index, passive[0])
            if passive
            else (_object_actor(index, trigger, objects[0]) if objects else _Actor())
        )
        if not subjects and not passive and source.actor_code is None:
            source = _clause_subject(index, trigger)
    else:
        source = _noun_source(index, trigger, code)
        target = _noun_patient(index, trigger)
        if not target.named:
            target = _beneficiary(index, trigger, code)
        if not target.named:
            target = _sufferer(index, trigger)
        needs = noun_entry_objects().get(trigger.lemma.lower(), frozenset())
        for needed in index.kids(trigger.i, "nmod"):
            if needed.lemma.lower() in needs and code == "160" and _case(index, needed) in _DE:
                # "la sortie du Royaume-Uni de l'Union européenne": what is left
                target = _actor_of(index, needed)
            if not target.named and needed.lemma.lower() in needs:
                # "une procédure de sanction contre la Pologne"
                target = _prepositional_target(index, needed, code)
    if not target.named:
        target = _prepositional_target(index, trigger, code)
    head = index.tokens[trigger.head]
    if (
        not target.named
        and trigger.pos == "NOUN"
        and head.pos == "VERB"
        and (trigger.dep in ("obj", "nsubj:pass") or trigger.dep.startswith("obl"))
    ):
        # "a commencé sa campagne militaire en Ukraine", "les accusations ont été formulées
        # contre le ministre": the verb's complements count.
        target = _prepositional_target(index, head, code)
    if not target.named and trigger.pos == "VERB":
        # "a accordé l'asile au fondateur de WikiLeaks", "apporte son soutien à X": the
        # one the act is for hangs off the verb's object; "a refusé la proposition du
        # gouvernement français": a verbal act on a thing is an act on its owner.
        entry_objects = verb_entry_objects().get(trigger.lemma.lower(), frozenset())
        for thing in index.kids(trigger.i, "obj"):
            found = _prepositional_target(index, thing, code)
            if not found.named and (
                code[:2] in ("10", "11", "12", "13") or thing.lemma.lower() in entry_objects
            ):
                # "a pris la défense du ministre", "exige la démission du président": the
                # one the entry's noun is of.
                found = _owner(index, thing)
            if found.named:
                target = found
                break
    if not target.named and trigger.pos == "VERB":
        # "a menacé d'envahir l'ambassade équatorienne", "appelle à libérer les otages":
        # the act spoken of has the target.
        for act in index.kids(trigger.i, "xcomp", "ccomp", "obl:arg"):
            if act.pos == "VERB" and act.verb_form == "Inf":
                things = index.kids(act.i, "obj")
                found = _actor_of(index, things[0]) if things else _Actor()
                for holder in (act, *things):
                    # "a promis de remettre le pouvoir au nouveau président"
                    if found.actor_code is None and not found.people:
                        found = _prepositional_target(index, holder, code)
                if found.actor_code is not None or found.people:
                    target = found
                    break
    if not target.named and trigger.pos == "NOUN" and code[:2] in ("18", "19", "20"):
        # "l'offensive a mis en déroute les djihadistes", "ces attentats ont provoqué la
        # mort de 28 personnes": what the violence did, it did to its verb's object.
        target = _struck(index, trigger)
    if not target.named and code[:2] in ("18", "19", "20"):
        target = _site_hit(index, trigger)
    if not target.named and _joint(code):
        target = _partner(index, trigger, source)
    if not target.named and code[:2] == "19" and _reciprocal(index, trigger):
        # "les rebelles syriens s'affrontent", "des combats entre factions rebelles": they
        # fight each other.
        between = _between(index, trigger)
        if between and not source.named:
            source = _actor_of(index, between[0])
        target = source
    if not target.named and trigger.pos == "NOUN" and not _has_case(index, trigger, "contre"):
        target = _other_actor(index, trigger, source)
    if (
        not target.named
        and source.named
        and code[:2] in _ADDRESSED
        and not _force(trigger)
        and not (code[:2] == "11" and _on_an_act(index, trigger))
    ):
        # "… la proposition du gouvernement français. Le collectif, qui exige 2,5
        # milliards": a demand, a criticism or a threat with no stated target is addressed
        # to the last other party named before it.
        # (Not a co-subject: "l'UE, l'ONU et Amnesty ont critiqué cette loi" is no
        # criticism of each other.)
        doers = coref.subject_words(index, trigger)
        for token in coref.antecedents(index, trigger):
            actor = _actor_of(index, token)
            if token.i in doers:
                continue
            if actor.actor_code is not None and not _same_actor(actor, source):
                target = actor
                break
        else:
            target = _other_side(index, trigger, source)
    if code == "164" and trigger.pos == "VERB" and not source.named:
        # "les négociations entre le gouvernement et les rebelles ont échoué": the parties.
        for talks in index.kids(trigger.i, *_SUBJECT_DEPS):
            sides = _between(index, talks)
            if sides:
                source = _actor_of(index, sides[0])
                others = index.kids(sides[0].i, "conj")
                target = _actor_of(index, others[0]) if others else target
    if target.entity is None and target.code and target.code.endswith("?"):
        # "son homologue chinois": the counterpart holds the source's sector.
        sector = source.entity.sector if source.entity is not None else None
        target = _Actor(code=(target.country or "") + (sector or ""), country=target.country)
    if source.entity is not None and source.entity is target.entity:
        target = _Actor()  # an actor does not act on itself here; the parse erred
    return source, target


def _on_an_act(index: _Index, trigger: Token) -> bool:
    """ "ont condamné cet attentat", "dénonce l'arrestation": disapproval of an act the
    text names is of whoever did it, not of the last party named before (a demand, "exige
    le retrait", is still addressed to someone)."""
    return any((thing.lemma.lower(), "NOUN") in lexicon() for thing in index.kids(trigger.i, "obj"))


def _site_hit(index: _Index, trigger: Token) -> _Actor:
    """ "une explosion a retenti dans une église copte", "un attentat contre un hôtel": the
    building violence happened in or against, a complement of the act or of the verb it
    is the subject of."""
    holders = [trigger]
    if trigger.pos == "NOUN" and trigger.dep in ("nsubj", _PASSIVE_SUBJECT):
        holders.append(index.tokens[trigger.head])
    for holder in holders:
        for child in index.kids(holder.i, "obl:mod", "obl:arg", "obl", "nmod"):
            site = child.pos == "NOUN" and fold(child.lemma) in data.name_lists()["site"]
            if site and _case(index, child) in ("dans", "contre", "sur") and child.i != trigger.i:
                # (the building, of the country it stands in; not a name in its phrase,
                # "l'église Saint-Georges située à Tanta")
                return _Actor(party=True, site=True, token=child.i)
    return _Actor()


# Verbs by which one is made to leave office ("contraint à la démission"), folded.
_FORCING = frozenset(
    {"contraindre", "contraint", "pousser", "pousse", "forcer", "force", "obliger", "oblige"}
)
# Appearing before a court: the accused is the subject ("ont comparu devant"), folded.
_APPEARING = frozenset({"comparaitre", "comparution"})


def _force(trigger: Token) -> bool:
    """The word names force ("une offensive prochaine", coded as a threat when announced):
    whom it is against is no addressee of words."""
    acts = lexicon().get((trigger.lemma.lower(), trigger.pos), ())
    return bool(acts) and all(code[:2] in ("15", "18", "19", "20") for _, code in acts)


# Acts addressed to someone, who may be named only before: demands, disapproval,
# rejection, threats.
_ADDRESSED = frozenset({"10", "11", "12", "13"})


def _other_side(index: _Index, trigger: Token, source: _Actor) -> _Actor:
    """ "… la proposition du gouvernement français. Le collectif [guyanais], qui exige":
    with no name before, a body named with a country other than the source's (a body of
    the source's own country is most often its own side)."""
    # (A party of no stated country is the article's, as ``_localised`` will make it.)
    country = source.country or (index.home if source.party else None)
    if country is None:
        return _Actor()
    bodies = data.name_lists()["institution"] | data.role_head_words()
    for token in coref.preceding(index, trigger):
        if token.pos != "NOUN" or fold(token.lemma) not in bodies:
            continue
        if not any(_adjective_actor(a).country for a in index.kids(token.i, "amod")):
            continue
        actor = _actor_of(index, token)
        if actor.country is not None and actor.country != country:
            return actor
    return _Actor()


def _object_actor(index: _Index, verb: Token, thing: Token) -> _Actor:
    """The actor the object names; the name of a document an entry requires is none: "ont
    signé une entente (AECG)" (but "a adressé une invitation … à Liu" is to Liu)."""
    if thing.lemma.lower() not in verb_entry_objects().get(verb.lemma.lower(), frozenset()):
        return _actor_of(index, thing)
    names = index.kids(thing.i, "appos")
    return _actor_of(index, thing, names[0].i if names else None)


def _noun_patient(index: _Index, noun: Token) -> _Actor:
    """ "l'arrestation de Bradley Manning": whom an act noun of ``patient_noun`` is done to."""
    if fold(noun.lemma) not in data.name_lists()["patient_noun"]:
        return _Actor()
    for child in index.kids(noun.i, "nmod"):
        if _case(index, child) in _DE:
            actor = _actor_of(index, child)
            if actor.named or actor.party:
                return actor
    return _Actor()


# Verbs whose subject receives what their object or "de" complement names ("bénéficie du
# soutien de la Turquie", "a reçu l'aide de", "a obtenu l'appui de").
_RECEIVING = frozenset({"beneficier", "recevoir", "obtenir", "profiter"})


def _beneficiary(index: _Index, noun: Token, code: str) -> _Actor:
    """ "il bénéficie du soutien de la Turquie", "l'armée tient grâce au soutien de la
    Russie": the one who receives the act."""
    verb = index.tokens[noun.head]
    if _case(index, noun) == "grace" and code[:2] in _HELP and verb.i != noun.i:
        return _clause_subject(index, verb)
    if (
        verb.i == noun.i
        or fold(verb.lemma) not in _RECEIVING
        or noun.dep not in ("obj", "obl:arg", "obl:mod")
    ):
        return _Actor()
    return _clause_subject(index, verb)


# Roots of help one owes something to ("grâce à l'aide de …"): cooperation, aid, yielding.
_HELP = frozenset({"05", "06", "07", "08"})


# Verbs whose subject lives through what their object names ("les attentats qu'a connus
# le pays", "les frappes qu'a subies la ville"), folded.
_SUFFERING = frozenset({"connaitre", "subir", "essuyer"})


def _sufferer(index: _Index, noun: Token) -> _Actor:
    """ "les trois attentats majeurs qu'a connus le pays": the one a relative clause says
    lived through the act."""
    for clause in index.kids(noun.i, "acl:relcl"):
        if fold(clause.lemma) in _SUFFERING:
            # "qu'a subis la Belgique": the subject after the verb may be parsed an object.
            objects = index.kids(clause.i, "obj")
            inverted = [o for o in objects if o.i > clause.i and o.pos != "PRON"]
            for subject in index.kids(clause.i, *_SUBJECT_DEPS) + inverted:
                actor = _actor_of(index, subject)
                if actor.named:
                    return actor
    return _Actor()


def _owner(index: _Index, thing: Token) -> _Actor:
    """ "la proposition du gouvernement français": the actor in its "de" complement."""
    for child in index.kids(thing.i, "nmod"):
        if _case(index, child) in _DE:
            actor = _actor_of(index, child)
            if actor.named:
                return actor
    return _Actor()


def _reciprocal(index: _Index, trigger: Token) -> bool:
    """ "s'affrontent", "se battent", "des combats entre factions rebelles"."""
    if trigger.pos == "NOUN":
        return bool(_between(index, trigger))
    return trigger.number == "Plur" and any(
        index.tokens[c].text.lower() in ("se", "s'", "s’")
        for c in index.children.get(trigger.i, [])
    )


# Nouns of what violence causes to people ("la mort de 28 personnes"), folded.
_HARM = frozenset({"mort", "deces", "blessure", "fuite", "deplacement"})


def _struck(index: _Index, noun: Token) -> _Actor:
    """The object of the verb a violent act noun is the subject of, or the people in its
    "de" complement when it names a harm ("la mort de 28 personnes")."""
    if noun.dep not in _SUBJECT_DEPS or noun.head == noun.i:
        return _Actor()
    for thing in index.kids(noun.head, "obj"):
        if fold(thing.lemma) in _HARM:
            sufferers = [c for c in index.kids(thing.i, "nmod") if _case(index, c) in _DE]
            thing = sufferers[0] if sufferers else thing
        actor = _actor_of(index, thing)
        if actor.actor_code is not None or actor.people:
            return actor
    return _Actor()


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
    subjects = index.kids(verb.i, *_SUBJECT_DEPS)
    for subject in [*subjects, *(c for s in subjects for c in index.kids(s.i, "conj"))]:
        actor = _actor_of(index, subject)
        if actor.entity is not None and actor.entity is not source.entity:
            return actor
    return _Actor()


_LOCALISED_TYPES = ("PER", "ORG")


def _localised(
    index: _Index, actor: _Actor, patient: bool = False, local: str | None = None
) -> _Actor:
    """An actor of no stated country belongs to the country the article is about: "les
    forces de sécurité", "un homme armé d'un couteau", or a person or organisation the
    article names without saying where from. Places, international bodies and regions keep
    what they have. People and bodies the text names by no name belong to the country of
    the place of the act, when the clause names one (``local``: "À Bruxelles, 60 personnes
    ont été interpellées" in an article about France)."""
    if actor.country is not None or index.home is None:
        return actor
    entity = actor.entity
    if entity is None:
        home = local or index.home
        if actor.unaligned:
            return actor
        if _someone(index, actor) and not (actor.site and patient):
            # (still someone: an act they do or undergo is no mere topic)
            return _Actor(party=actor.party, people=actor.people, unaligned=True, token=actor.token)
        regional = actor.code in _regions().values()
        # (a building is of the country it stands in, when violence is done to it)
        site = actor.site and patient
        if (actor.people or (actor.party and not patient) or site) or (
            actor.code is not None and not regional
        ):
            code = home + (actor.code or "")
            return _Actor(code=code, country=home, token=actor.token)
        return actor
    if entity.type not in _LOCALISED_TYPES:
        return actor
    if entity.actor_code and entity.actor_code[:3] in ("IGO", "NGO", "IMG", "INT", "MNC"):
        return actor
    if _introduced_as_ngo(index, entity):
        return actor  # "l'organisation non gouvernementale Transparency International"
    if entity.type == "PER" and _stateless_role(index, entity):
        return actor  # "Le porte-parole de l'État islamique, Abou Mohammed al-Adnani"
    code = index.home + (entity.sector or "")
    return _Actor(entity=entity, code=code, country=index.home, token=actor.token)


def _stateless_role(index: _Index, entity: Entity) -> bool:
    """The person is named in apposition to a role in an organisation that acts for no
    country ("Le porte-parole de l'État islamique, Abou Mohammed al-Adnani", "Jens
    Stoltenberg, secrétaire général de l'OTAN"): they belong to none either."""
    for mention in entity.mentions:
        name = index.tokens[index.token_at(mention.start)]
        while name.dep in ("flat:name", "nmod") and index.entity_of.get(name.head) is entity:
            name = index.tokens[name.head]
        roles = index.kids(name.i, "appos")
        if name.dep == "appos" and name.head != name.i:
            roles.append(index.tokens[name.head])
        for role in roles:
            # The words between the role and the name: "le membre de l'EI d'origine
            # française Rachid Kassim" states a country.
            span = range(min(role.i, name.i), max(role.i, name.i))
            if any(_adjective_actor(index.tokens[i]).country for i in span):
                continue
            for owner in index.kids(role.i, "nmod"):
                body = index.entity_of.get(owner.i)
                code = body.actor_code if body is not None else None
                if body is not None and body.type == "ORG" and code and code[:3] in _STATELESS:
                    return True
    return False


_STATELESS = frozenset({"IGO", "NGO", "IMG", "INT", "MNC"})


def _someone(index: _Index, actor: _Actor) -> bool:
    """ "une serveuse", "un homme", "une troisième personne": one person of no stated
    role, nationality or side; nothing says which country they belong to."""
    if actor.token is None or actor.code is not None:
        return False
    token = index.tokens[actor.token]
    if any(fold(k.text) in _WHICH for k in index.kids(token.i, "det", "amod")):
        return True  # "quel camp a initié le combat": the text does not know who
    return (
        token.pos == "NOUN"
        and token.number != "Plur"
        and fold(token.lemma) not in _COLLECTIVE
        and fold(token.lemma) not in data.role_head_words()
        and fold(token.lemma) not in data.name_lists()["institution"]
        and any(fold(d.text) in ("un", "une") for d in index.kids(token.i, "det"))
    )


_WHICH = frozenset({"quel", "quelle", "quels", "quelles"})
# Nouns of many people: "une foule" is no one person (folded).
_COLLECTIVE = frozenset({"foule", "population", "groupe", "famille", "communaute", "cortege"})


# "l'ONG Amnesty", "l'organisation non gouvernementale Transparency International" (folded
# text; a whole word, not the end of "Hong").
_NGO_BEFORE = re.compile(r"(?:\bong|\bnon[- ]gouvernementales?)\s*$")


def _introduced_as_ngo(index: _Index, entity: Entity) -> bool:
    """The article calls the organisation an NGO right before one of its names: it acts
    for no country (CAMEO's NGO)."""
    for mention in entity.mentions:
        before = fold(index.parsed.text[max(0, mention.start - 40) : mention.start])
        if _NGO_BEFORE.search(before):
            return True
    return False


def _clause_subject(index: _Index, verb: Token) -> _Actor:
    """The subject of the verb, or of the verb it hangs off ("a refusé de condamner",
    "a fait cette remarque lors d'une vidéoconférence")."""
    head = _verb_of(index, verb)
    if _gerund(index, head):
        return _gerund_subject(index, head)
    for _ in range(4):
        subjects = index.kids(head.i, *_SUBJECT_DEPS)
        if (
            subjects
            and subjects[0].text.lower() == "qui"
            and head.dep == "acl:relcl"
            and head.head != head.i
        ):
            # "le collectif, qui exige …": the noun the relative clause is about.
            return _doer(index, index.tokens[head.head])
        if subjects:
            # "l'EI a revendiqué": the parser may give the article as a second subject.
            # Of two, the nearest before the verb: "S'il va rencontrer … un certain nombre
            # d'ambassadeurs (…), il ne devrait pas rencontrer": "il".
            subjects.sort(key=lambda s: (s.i > head.i, abs(head.i - s.i)))
            actors = [_doer(index, s) for s in subjects if s.pos != "DET"]
            return next((a for a in actors if a.named), actors[0] if actors else _Actor())
        owner = index.tokens[head.head]
        if (
            head.dep == "acl"
            and head.verb_form == "Part"
            and head.tense == "Pres"
            and owner.i != head.i
            and owner.pos in ("NOUN", "PROPN")
            and index.tokens[head.i - 1].text != ","
        ):
            # "le président promettant de …", "les manifestants réclamant …": a present
            # participle on a noun says what that noun does (set off by a comma, it is the
            # main clause's: "n'en a pas fait une priorité, concentrant ses forces"); a
            # thing does nothing ("des documents visant à …").
            doer = _doer(index, owner)
            if doer.named:
                return doer
        if head.head == head.i or head.dep not in (
            "xcomp",
            "conj",
            "advcl",
            "ccomp",
            "acl",
            "obj",
            "nmod",
            "obl:arg",
            "obl:mod",
        ):
            break
        head = index.tokens[head.head]
    if (
        verb.pos == "VERB"
        and head.head == head.i
        and head.pos in ("NOUN", "PROPN")
        and head.i < verb.i
    ):
        # "Des Palestiniens ont, peu après, jeté des pierres": the parser made the subject
        # the root of the sentence.
        return _actor_of(index, head)
    if verb.pos == "VERB" and verb.dep == "ROOT":
        return _name_before(index, verb)
    shared = _shared_auxiliary(index, verb)
    if shared is not None:
        return _name_before(index, shared)
    return _Actor()


def _shared_auxiliary(index: _Index, verb: Token) -> Token | None:
    """ "la Turquie a renforcé les contrôles et interpellé cinquante membres": a past
    participle after "et" with no auxiliary of its own shares the one before it (the
    parser may hang it anywhere); that auxiliary."""
    if verb.verb_form != "Part" or verb.tense != "Past":
        return None
    kids = [index.tokens[c] for c in index.children.get(verb.i, [])]
    if any(k.dep.startswith("aux") for k in kids) or not any(
        k.dep == "cc" and fold(k.text) in ("et", "ou", "puis") for k in kids
    ):
        return None
    start = index.parsed.sents[verb.sent][0]
    for i in range(verb.i - 1, start - 1, -1):
        token = index.tokens[i]
        if token.pos == "AUX" and token.dep == "aux:tense" and token.verb_form == "Fin":
            return token
    return None


def _doer(index: _Index, subject: Token) -> _Actor:
    """The actor a subject names; an act noun's own doer ("les frappes de l'armée ont
    tué", "l'armée a mené des frappes qui ont permis de tuer"): who did the act did what
    it did."""
    actor = _actor_of(index, subject)
    if actor.named or subject.pos != "NOUN":
        return actor
    acts = lexicon().get((subject.lemma.lower(), "NOUN"), ())
    if not acts:
        return actor
    # (A noun that is itself a subject does not look for its clause's subject again.)
    clause = subject.dep not in _SUBJECT_DEPS
    doer = _noun_source(index, subject, acts[0][1], clause=clause)
    return doer if doer.named else actor


def _gerund(index: _Index, verb: Token) -> bool:
    """ "en accusant l'opposition": a present participle after "en"."""
    return (
        verb.verb_form == "Part"
        and verb.tense == "Pres"
        and any(fold(t.text) == "en" for t in index.kids(verb.i, "mark", "case"))
    )


def _gerund_subject(index: _Index, gerund: Token) -> _Actor:
    """A gerund's doer is the subject of the main clause: "Dilma Rousseff … déclare que
    cette destitution est un coup d'État en accusant l'opposition" (the parser may hang it
    inside the subordinate clause, whose subject is then no actor)."""
    for head in _heads(index, gerund, 8):
        # "X a été arrêté en tentant de fuir": the subject of a passive main clause too.
        for subject in index.kids(head.i, *_SUBJECT_DEPS, _PASSIVE_SUBJECT):
            actor = _actor_of(index, subject)
            if actor.named:
                return actor
    return _Actor()


def _name_before(index: _Index, verb: Token) -> _Actor:
    """ "le Canada et l'Union européenne ont signé …" parsed with no subject: the name
    right before the verb, with nothing but its own words, auxiliaries and adverbs between."""
    start = index.parsed.sents[verb.sent][0]
    for i in range(verb.i - 1, max(start, verb.i - 8) - 1, -1):
        token = index.tokens[i]
        entity = index.entity_of.get(i)
        if entity is not None and entity.type in ("PER", "ORG", "GPE"):
            return _from_entity(entity)
        if token.pos not in ("AUX", "ADV", "ADJ", "DET", "PROPN"):
            return _Actor()
    return _Actor()


def _noun_source(index: _Index, noun: Token, code: str, clause: bool = True) -> _Actor:
    """ "l'offensive de la Russie", "sa campagne militaire" (the clause's subject),
    "les sanctions économiques occidentales" (a region); "des manifestants" are their own
    actors."""
    lists = data.name_lists()
    if fold(noun.lemma) in lists["people"]:
        # "un kamikaze", "les assaillants": of no side the word tells.
        return _Actor(party=True, people=True, unaligned=fold(noun.lemma) in lists["unaligned"])
    # "l'offensive de la Russie"; "les assauts répétés de l'armée syrienne", where the
    # parser hangs the complement off the participle.
    complements = index.kids(noun.i, "nmod") + [
        c for p in index.kids(noun.i, "acl", "amod") for c in index.kids(p.i, "obl:arg", "nmod")
    ]
    patient_noun = fold(noun.lemma) in data.name_lists()["patient_noun"]
    needed = noun_entry_objects().get(noun.lemma.lower(), frozenset())
    for child in [] if patient_noun else complements:
        if child.lemma.lower() in needed and (
            (child.lemma.lower(), "NOUN") in lexicon() or code == "160"
        ):
            # "la procédure de sanction contre la Pologne", "la sortie de la CPI": what,
            # not whose.
            continue
        if _case(index, child) in _DE:
            actor = _actor_of(index, child)
            if actor.actor_code is not None:
                return actor
    for child in index.kids(noun.i, "amod"):
        actor = _adjective_actor(child)
        if actor.actor_code is not None:
            return actor
    if noun.dep in ("nmod", "appos") and _case(index, noun) == "en" and noun.head != noun.i:
        # "François Hollande, en déplacement à Avignon", "les ouvriers en grève": the act
        # is the state of the one the phrase qualifies.
        actor = _actor_of(index, index.tokens[noun.head])
        if actor.named:
            return actor
    possessive = [t for t in index.kids(noun.i, "det") if t.lemma in ("son", "leur")]
    if noun.dep == "nmod" and fold(index.tokens[noun.head].lemma) in _QUANTITIES:
        noun = index.tokens[noun.head]  # "Le double attentat a été revendiqué par …"
    if noun.dep == "nmod" and fold(index.tokens[noun.head].lemma) in _OPENINGS:
        # "Le parquet a annoncé l'ouverture d'une enquête": who opens it does it; "espère
        # l'ouverture d'une enquête par la procureure": she would.
        opening = index.tokens[noun.head]
        asked = index.tokens[opening.head]
        said = _trigger(index, asked) if asked.i != opening.i else None
        if fold(asked.lemma) in _WISHED or (said or "")[:2] in ("02", "03", "10"):
            return _Actor()  # "la FIDH espère l'ouverture d'une enquête": not opened
        for agent in index.kids(noun.i, "nmod") + index.kids(opening.i, "nmod", "acl"):
            if _case(index, agent) == "par":
                return _actor_of(index, agent)
        noun = opening
        possessive = possessive or [
            t for t in index.kids(noun.i, "det") if t.lemma in ("son", "leur")
        ]
    verb = index.tokens[noun.head]
    # What the governing verb does here ("dénoncer l'arrestation" speaks of it; "donner
    # l'assaut" is no ultimatum, whatever else "donner" may code). A change of policy,
    # 034x, is no act of the verb's own: "l'état d'urgence a été instauré par le
    # président" is the president's.
    coded = _trigger(index, verb) if verb.i != noun.i else None
    acts = [coded] if coded is not None and not coded.startswith("034") else []
    if noun.dep == _PASSIVE_SUBJECT and all(code.startswith("01") for code in acts):
        # "Le double attentat a été revendiqué (perpétré) par les Chabab": the agent; not
        # "… a été condamné par X", where X condemns.
        for agent in index.kids(verb.i, "obl:agent", "obl:arg", "obl:mod"):
            if _case(index, agent) == "par":
                return _actor_of(index, agent)
    # (A noun that is its verb's subject is the act itself: "l'attentat a tué …".)
    if code[:2] >= "14" and (fold(verb.text) in _TIME_WORDS or _case(index, noun) in _TIME_WORDS):
        # "il était très mentionné lors des attentats": the violence dates the clause; its
        # subject did not do it (but "a fait cette remarque lors d'une vidéoconférence":
        # who speaks at a meeting takes part in it).
        return _Actor()
    if acts and all(code[:2] in _SPOKEN or code in _PRAISE for code in acts) and not possessive:
        return _Actor()  # "Les États-Unis ont dénoncé l'arrestation de …": not theirs
    if noun.dep == "obl:agent" or (_case(index, noun) == "par" and index.kids(verb.i, "aux:pass")):
        return _Actor()  # "le pays est frappé par une série d'attentats": the subject is hit
    if code[:2] >= "14" and fold(verb.lemma) in _TOLD_OF and not possessive:
        return _Actor()  # "la préfecture, évoquant un attentat": told of, not done
    own = possessive or noun.dep == "obj" or noun.dep.startswith("obl")
    if verb.pos == "ADJ" and verb.dep == "xcomp" and verb.head != verb.i:
        verb = index.tokens[verb.head]  # "se dit favorable à la suppression": who says so
    if verb.i != noun.i and own and clause:
        return _clause_subject(index, verb)
    return _Actor()


# Nouns of the start of an act: "l'ouverture d'une enquête", "le lancement de l'offensive".
_OPENINGS = frozenset({"ouverture", "lancement", "declenchement"})
# Verbs of an opening wished for, asked for or planned, not done.
_WISHED = frozenset(
    {"esperer", "souhaiter", "vouloir", "attendre", "reclamer", "exiger", "demander",
     "appeler", "plaider", "proposer", "promettre", "envisager"}
)  # fmt: skip


# Verbs by which one speaks of, fears or sees an act, without doing it (folded lemmas):
# "évoquant un attentat", "rappelle les attaques de 2015", "craint une offensive".
_TOLD_OF = frozenset(
    {"evoquer", "mentionner", "rappeler", "commenter", "signaler", "rapporter", "relater",
     "decrire", "qualifier", "raconter", "temoigner", "craindre", "redouter", "regretter",
     "deplorer", "oublier", "filmer", "voir", "entendre", "apprendre", "expliquer",
     "analyser", "comparer", "imputer", "attribuer", "pleurer", "commemorer"}
)  # fmt: skip


# Words that count or group acts: "une série d'attaques", "le double attentat" (folded).
_QUANTITIES = frozenset(
    {"serie", "vague", "succession", "double", "centaine", "millier", "dizaine"}
)


# Roots of acts done with words about another act (appeals, demands, disapproval,
# rejection, threats): whoever speaks of an act did not do it.
_SPOKEN = frozenset({"02", "10", "11", "12", "13"})
# Praise and verbal defence speak of an act too: "le Quai d'Orsay a salué la libération
# des otages" (France released no one).
_PRAISE = frozenset({"051", "052"})


# Words that make a noun phrase a time ("lors de", "après", "depuis"), folded.
_TIME_WORDS = frozenset(
    {"lors", "apres", "avant", "pendant", "depuis", "durant", "suite", "malgre", "dans"}
)


def _prepositional_target(index: _Index, trigger: Token, code: str) -> _Actor:
    """ "avec son homologue chinois, Liu Zhenli", "contre son voisin", "à Liu", "en Ukraine"."""
    cases = {"avec", "contre", "a", "au", "aux", "aupres", "envers", "vers", "en", "sur"}
    if code[:2] in ("10", "02"):
        cases |= _DE  # "exige du gouvernement français"
    for child in index.kids(trigger.i, "obl:arg", "obl:mod", "nmod", "obl", "iobj"):
        case = _case(index, child)
        if child.dep == "iobj" and child.pos == "PRON":
            case = "a"  # "lui a accordé": a dative clitic is "à" someone
        if case in cases:
            actor = _actor_of(index, child)
            if actor.entity is None:
                actor = _apposed(index, child) or actor
            place = actor.entity is not None and actor.entity.type in ("GPE", "LOC")
            # "ont manifesté à Bruxelles", "à l'offensive à Deir ez-Zor": where, not whom
            # (but force "en Ukraine" is used on the country).
            where = not code.startswith(("042", "19", "03")) or (
                code.startswith("19") and not _country_name(index, child)
            )
            if place and case in ("a", "en") and where:
                continue
            resolved = child.pos == "PRON" and actor.entity is not None  # "lui": someone named
            if (actor.actor_code is not None or actor.people or resolved) and (
                case != "en" or actor.country
            ):
                return actor  # "sur des policiers", "contre le gouvernement"
    if code[:2] == "04":
        # "s'est entretenu par téléphone avec la chancelière allemande": the parser hangs
        # the partner on the means.
        for child in index.kids(trigger.i, "obl:mod", "obl"):
            for partner in index.kids(child.i, "nmod"):
                if _case(index, partner) == "avec":
                    actor = _actor_of(index, partner)
                    if actor.entity is None:
                        actor = _apposed(index, partner) or actor
                    if actor.actor_code is not None or actor.people:
                        return actor
    return _Actor()


def _country_name(index: _Index, token: Token) -> bool:
    """The phrase is a country's name ("en Ukraine"), not a city's."""
    return any(
        p.label == "country" and p.start <= i < p.end
        for p in index.parsed.places
        for i in _subtree(index, token.i)
    )


def _apposed(index: _Index, token: Token) -> _Actor | None:
    """ "avec son homologue chinois, Liu Zhenli": the name right after the phrase."""
    last = max(_subtree(index, token.i))
    if last + 2 < len(index.tokens) and index.tokens[last + 1].text == ",":
        entity = index.entity_of.get(last + 2)
        subject = index.tokens[last + 2].dep in (*_SUBJECT_DEPS, _PASSIVE_SUBJECT)
        if entity is not None and entity.type == "PER" and not subject:
            # (not "…, Donald Trump a annoncé": the subject of the next clause)
            return _from_entity(entity)
    return None


def _other_actor(index: _Index, trigger: Token, source: _Actor) -> _Actor:
    """A noun event with no stated target ("les sanctions … qui ont suivi", after "la
    Russie a commencé sa campagne"): the subject actor of the sentence, if another."""
    start, end = index.parsed.sents[trigger.sent]
    for token in index.tokens[start:end]:
        entity = index.entity_of.get(token.i)
        if (
            entity is not None
            and token.dep in _SUBJECT_DEPS
            and entity.type in ("GPE", "ORG", "PER")
            and entity is not source.entity
            and entity.country != source.country
        ):
            return _from_entity(entity)
    return _Actor()


def _same_actor(one: _Actor, other: _Actor) -> bool:
    if one.entity is not None or other.entity is not None:
        return one.entity is other.entity
    return one.actor_code == other.actor_code
