"""Actors: source and target of an event from the parse (subjects, agents, objects,
complements, participles, gerunds, coordinated partners); who does an act is found in
``doers``, the country of an actor of none stated in ``localise``."""

from __future__ import annotations

from veille import data
from veille.data import fold
from veille.events import coref
from veille.events.base import (
    _DE,
    _PASSIVE_SUBJECT,
    _SUBJECT_DEPS,
    _Actor,
    _articled,
    _case,
    _definite,
    _has_auxiliary,
    _has_case,
    _Index,
    _subtree,
    _verb_of,
)
from veille.events.codes import lexicon, noun_entry_objects, verb_entry_objects
from veille.events.doers import (
    CARRIED_OUT,
    _clause_subject,
    _noun_source,
    left_behind,
    noun_agent,
    undergoer,
)
from veille.events.phrases import (
    _actor_of,
    _adjective_actor,
    _from_entity,
    _org_anaphor,
    _org_antecedent,
    _party_noun,
    possessor,
)
from veille.events.sides import (
    _between,
    _joint,
    _partner,
    _reciprocal,
    _same_actor,
    _sides,
    two_sides,
)
from veille.events.triggers import _trigger
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
    if _has_auxiliary(index, trigger):
        return False
    return (
        trigger.dep in ("acl", "amod")
        or _detached(index, trigger) is not None
        or _opening(index, trigger) is not None
    )


_REFLEXIVE = frozenset({"se", "s'", "s’"})


def _seeing(index: _Index, verb: Token) -> Token | None:
    """The "se voir" an infinitive depends on ("s'est vu refuser l'accès"), if one."""
    if verb.verb_form != "Inf" or verb.dep != "xcomp" or verb.head == verb.i:
        return None
    head = index.tokens[verb.head]
    if fold(head.lemma) != "voir":
        return None
    reflexive = any(fold(k.text) in _REFLEXIVE for k in index.kids(head.i, *_CLITIC_DEPS))
    return head if reflexive else None


_CLITIC_DEPS = ("expl:comp", "expl:pv", "expl:pass", "expl", "obj", "iobj")


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
    # "a accordé, mardi dernier, l'asile à …": a noun with an article and no preposition
    # after an aside that opens right after the verb, which the parser made a complement.
    opened = verb.i + 1 < len(index.tokens) and index.tokens[verb.i + 1].text == ","
    caseless = [
        k
        for k in (index.kids(verb.i, "obl:mod", "obl") if opened else [])
        if not index.kids(k.i, "case", "mark")
        and any(fold(d.text) in _ARTICLES for d in index.kids(k.i, "det"))
        and fold(k.lemma) not in _TIME_NOUNS
    ]
    for kid in index.kids(verb.i, "conj") + hung + caseless:
        if kid.pos not in ("NOUN", "PROPN") or kid.i < verb.i or index.kids(kid.i, "cc"):
            continue
        first = min(i for i in _subtree(index, kid.i) if index.tokens[i].pos != "PUNCT")
        if first > 0 and index.tokens[first - 1].text == ",":
            found.append(kid)
    return found


_ARTICLES = frozenset({"le", "la", "l'", "les", "un", "une", "des"})  # folded
# Nouns of a time ("la semaine dernière", "le lendemain"), folded: no object.
_TIME_NOUNS = frozenset(
    {"semaine", "mois", "annee", "an", "jour", "journee", "matin", "soir", "soiree", "nuit",
     "veille", "lendemain", "week-end", "fois", "heure", "midi", "apres-midi", "printemps",
     "ete", "automne", "hiver", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
     "dimanche", "decennie", "siecle", "trimestre", "periode", "moment", "instant"}
)  # fmt: skip


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
    sides = two_sides(index, trigger, code)
    if sides:
        # "des affrontements entre l'Inde et le Pakistan", "un accord a été conclu entre
        # l'Iran et les États-Unis": one side acts on the other (the record the other way
        # round is made with the others of a list).
        return _actor_of(index, sides[0]), _actor_of(index, sides[1])
    source, target = _parties(index, trigger, code)
    if _joint(code) and trigger.pos == "VERB" and not source.named:
        # "le traité fut signé entre l'Allemagne, la France et l'Italie", "un accord a été
        # conclu entre le Canada et l'Union européenne": the sides (each the other's
        # partner when there are two; the others of a longer list come as listed).
        for phrase in _nominal_phrases(index, trigger):
            if _case(index, phrase) == "entre":
                listed = _sides(index, phrase)
                if listed:
                    source = listed[0]
                    source.token = phrase.i
                    target = listed[1] if len(listed) == 2 else _Actor()
                break
    if (
        not target.named
        and trigger.pos == "VERB"
        and fold(trigger.lemma) in _LEAVING
        and code.startswith(("16", "087"))
    ):
        # "s'est retiré de la CPI", "se sont retirées de Kherson": what is left (not a
        # treaty, whatever place names it: "l'accord de Paris").
        for place in index.kids(trigger.i, "obl:arg", "obl:mod", "obl"):
            actor = _actor_of(index, place) if _case(index, place) in _DE else _Actor()
            required = place.lemma.lower() in verb_entry_objects().get(
                ("se " if index.kids(trigger.i, "expl:comp", "expl:pv") else "") + trigger.lemma,
                frozenset(),
            )
            if required and _named_after_a_place(index, place, actor):
                break
            if actor.actor_code is not None:
                target = actor
                break
    if code == "0831" and fold(trigger.lemma) in _FORCING:
        # "a été contraint à la démission par l'armée": the one forced out yields power.
        source, target = target, source
    if code == "053":
        # "appelle à voter pour Barack Obama": the target of rallied support is whom it
        # is for, not those called on.
        supported = _supported(index, trigger)
        if supported is not None:
            target = _actor_of(index, supported)
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
        judges = [t for t in _nominal_phrases(index, trigger) if _case(index, t) == "devant"]
        source, target = (_actor_of(index, judges[0]) if judges else _Actor()), source
    if source.entity is not None and source.entity is target.entity:
        # "Chassé de la capitale par la mission de l'Union africaine, le groupe …": no
        # actor acts on itself; the patient's anaphor found the agent.
        target = _Actor()
    return source, target


def _nominal_phrases(index: _Index, verb: Token) -> list[Token]:
    """The noun phrases of the verb's complements and those nested in them, in text order:
    "ont comparu pour « incitation à la débauche » devant un tribunal cairote", where the
    parser hangs the court on the charge (not through a verb: a relative clause's phrases
    are its own)."""
    found: list[Token] = []
    stack = index.kids(verb.i, "obl:arg", "obl:mod", "obl", "nmod")
    while stack and len(found) < 24:
        phrase = stack.pop()
        found.append(phrase)
        stack.extend(
            k for k in index.kids(phrase.i, "nmod", "conj") if k.pos in ("NOUN", "PROPN", "PRON")
        )
    return sorted(found, key=lambda t: t.i)


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
        elif (
            patient is None
            and trigger.dep == "conj"
            and head.pos == "VERB"
            and index.kids(trigger.i, "aux:pass")
        ):
            # "des partisans ont tenté d'entrer mais ont été interceptés par la police": a
            # passive verb joined to a clause shares its subject, who undergoes the act.
            target = _clause_subject(index, head)
        lemma = patient.lemma.lower() if patient is not None else ""
        acts = [a for a in lexicon().get((lemma, "NOUN"), ()) if a[1][:2] == code[:2]]
        if patient is not None and patient.pos == "NOUN" and acts:
            # "les sanctions de l'UE contre la Russie ont été prolongées": the act the verb
            # tells again has the parties (not "des manifestations interdites", another).
            told = _parties(index, patient, acts[0][1])
            source = source if source.named else told[0]
            target = told[1]
        if (
            patient is not None
            and target.entity is not None
            and target.entity is source.entity
            and _org_anaphor(index, patient)
        ):
            # "Chassé de la capitale par la mission de l'Union africaine, le groupe …": the
            # group is another organisation than the agent.
            other = _org_antecedent(index, patient, skip=source.entity)
            target = _from_entity(other) if other is not None else _Actor()
        return source, target
    again: tuple[_Actor, _Actor] | None = None  # the parties of the act a noun names again
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
        seeing = _seeing(index, trigger)
        if seeing is not None:
            # "la Russie se verra imposer des sanctions par l'UE", "s'est vu refuser
            # l'entrée": the subject of "se voir" undergoes the act; its doer, if told, is
            # a "par" phrase (the parser may hang it on the object).
            agents = agents or [
                t
                for o in objects
                for t in index.kids(o.i, "nmod", "obl:mod")
                if _case(index, t) == "par"
            ]
            source = _actor_of(index, agents[0]) if agents else _Actor()
            subjects, passive = [], [s for s in index.kids(seeing.i, *_SUBJECT_DEPS)][:1]
            objects = objects if passive else []
        if code[:2] == "15":
            # "Daech mobilise d'importantes forces", "concentrant ses forces contre les
            # rebelles": what a show of force moves or alerts is the doer's own; whom it is
            # aimed at is a complement ("contre").
            objects = []
        target = (
            _actor_of(index, passive[0])
            if passive
            else (_object_actor(index, trigger, objects[0]) if objects else _Actor())
        )
        if not subjects and not passive and source.actor_code is None:
            source = _clause_subject(index, trigger)
        if not target.named and fold(trigger.lemma) in _ANSWERING:
            target = _answered(index, trigger, source)
    else:
        source = _noun_source(index, trigger, code)
        again = _told_before(index, trigger, code)
        if again is not None and not source.named:
            source = again[0]
        target = _noun_patient(index, trigger)
        done_to = undergoer(index, trigger)
        if not target.named and done_to is not None:
            target = _actor_of(index, done_to)  # "a été victime d'une agression"
        if not target.named:
            target = _beneficiary(index, trigger, code)
        if not target.named:
            target = _sufferer(index, trigger)
        left = left_behind(index, trigger, code)
        if left is not None:
            # "la sortie du Royaume-Uni de l'Union européenne": what is left
            target = _actor_of(index, left)
        if not target.named:
            target = _aimed_at(index, trigger)
        if not target.named and code[:2] == "09":
            target = _inquired_country(index, trigger)
        needs = noun_entry_objects().get(trigger.lemma.lower(), frozenset())
        for needed in index.kids(trigger.i, "nmod"):
            if not target.named and needed.lemma.lower() in needs:
                # "une procédure de sanction contre la Pologne"
                target = _prepositional_target(index, needed, code)
    if not target.named:
        target = _prepositional_target(index, trigger, code)
    if not target.named and code.startswith("045"):
        # "la médiation de la Norvège entre le gouvernement et les FARC": both sides are
        # its targets (the second is the first's ``members``).
        between = _between(index, trigger)
        target = _actor_of(index, between[0]) if between else target
    if not target.named and trigger.pos == "NOUN":
        # "l'attaque perpétrée par des talibans contre l'ambassade", "les menaces de la Corée
        # du Nord contre le Japon": the parser hangs the act's complement on a participle
        # of the noun or on the name of its doer.
        for holder in _noun_holders(index, trigger, source):
            target = _prepositional_target(index, holder, code, _NESTED_CASES)
            if target.named:
                break
    head = index.tokens[trigger.head]
    if (
        not target.named
        and trigger.pos == "NOUN"
        and head.pos == "VERB"
        and (
            trigger.dep in ("obj", "nsubj:pass")
            or trigger.dep.startswith("obl")
            or (trigger.dep == "nsubj" and _trigger(index, head) is None)
        )
    ):
        # "a commencé sa campagne militaire en Ukraine", "les accusations ont été formulées
        # contre le ministre", "des manifestations ont eu lieu contre le président" (a verb
        # that tells no act of its own): the verb's complements count.
        target = _prepositional_target(index, head, code)
    if not target.named and trigger.pos == "VERB":
        # "a accordé l'asile au fondateur de WikiLeaks", "apporte son soutien à X": the
        # one the act is for hangs off the verb's object; "a refusé la proposition du
        # gouvernement français": a verbal act on a thing is an act on its owner.
        entry_objects = verb_entry_objects().get(trigger.lemma.lower(), frozenset())
        for thing in index.kids(trigger.i, "obj") or _object_after_aside(index, trigger):
            found = _prepositional_target(index, thing, code)
            if not found.named and (
                code[:2] in ("10", "11", "12", "13")
                or (thing.lemma.lower() in entry_objects and code[:2] != "15")
            ):
                # "a pris la défense du ministre", "exige la démission du président": the
                # one the entry's noun is of.
                found = _owner(index, thing)
                if thing.lemma.lower() in entry_objects and _named_after_a_place(
                    index, thing, found
                ):
                    found = _Actor()  # "l'accord de Paris"
            if found.named:
                target = found
                break
        if not target.named:
            target = _dative_after_aside(index, trigger)
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
    if not target.named and again is not None and _party_told(again[1]):
        target = again[1]  # "… l'arrestation de 16 djihadistes. Les interpellations …"
    if not target.named and trigger.pos == "NOUN" and not _has_case(index, trigger, "contre"):
        target = _other_actor(index, trigger, source)
    if not target.named and trigger.pos == "VERB" and code[:2] in _ADDRESSED:
        # "a averti que le Royaume-Uni devra payer", "exige que l'armée se retire": the
        # one the reported clause is about.
        for clause in index.kids(trigger.i, "ccomp"):
            if not any(fold(m.text) in ("que", "qu'", "qu’") for m in index.kids(clause.i, "mark")):
                continue
            for subject in index.kids(clause.i, *_SUBJECT_DEPS, _PASSIVE_SUBJECT):
                actor = _actor_of(index, subject)
                if actor.actor_code is not None and not _same_actor(actor, source):
                    target = actor
                    break
            break
    if (
        not target.named
        and source.named
        and code[:2] in _ADDRESSED
        and not _force(trigger)
        and not (code[:2] == "11" and _on_an_act(index, trigger))
        and not _against_a_thing(index, trigger)
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
        counterpart = (target.country or "") + (sector or "")
        target = _Actor(code=counterpart, country=target.country, token=target.token)
    if source.entity is not None and source.entity is target.entity:
        target = _Actor()  # an actor does not act on itself here; the parse erred
    return source, target


def _told_before(index: _Index, noun: Token, code: str) -> tuple[_Actor, _Actor] | None:
    """ "Les talibans ont attaqué un hôtel. L'attaque a fait 14 morts", "… a annoncé
    l'arrestation de 16 djihadistes. Les interpellations ont eu lieu …": an act noun with
    the definite or demonstrative article, subject of its clause, names again the act the
    sentence before told by a verb or by a noun that is no subject (which would name
    another again); it has that act's parties."""
    if noun.dep not in (*_SUBJECT_DEPS, _PASSIVE_SUBJECT) or noun.sent == 0:
        return None
    if not _definite(index, noun):
        return None
    if index.kids(noun.i, "nmod", "amod", "acl"):
        return None  # "l'attaque de mardi", "l'attaque meurtrière": told anew
    if index.kids(noun.head, "cop"):
        return None  # "cette attaque n'a pas été la seule": spoken of, not told
    start, end = index.parsed.sents[noun.sent - 1]
    for token in reversed(index.tokens[start:end]):
        if token.pos not in ("VERB", "NOUN"):
            continue
        if token.pos == "NOUN" and token.dep in (*_SUBJECT_DEPS, _PASSIVE_SUBJECT):
            continue
        before = _trigger(index, token)
        lemma = fold(token.lemma)
        stem = lemma[:-2] if token.pos == "VERB" and lemma.endswith("er") else lemma
        if before is None or not (
            before == code or (fold(noun.lemma).startswith(stem) and before[:2] == code[:2])
        ):
            # The same act: the same code ("défait" 190, "l'offensive" 190) or the same
            # word ("a frappé" 190, "la frappe" 195); not another act of the same kind
            # told near it ("l'armée syrienne affronte l'État islamique").
            continue
        source, target = _parties(index, token, before)
        if source.named or target.named:
            return source, target
    return None


# Verbs of striking back, folded: their target is whoever struck first (see _answered).
_ANSWERING = frozenset({"riposter", "contre-attaquer", "repliquer"})


def _answered(index: _Index, trigger: Token, source: _Actor) -> _Actor:
    """ "Des Palestiniens ont jeté des pierres sur des policiers. Ces derniers ont riposté":
    one strikes back at the doer of the last act of force or protest told before, in the
    sentence or the one before it, by another than the one striking back."""
    sentence = index.parsed.sents[trigger.sent]
    start = index.parsed.sents[trigger.sent - 1][0] if trigger.sent else sentence[0]
    for token in reversed(index.tokens[start : trigger.i]):
        if token.pos not in ("VERB", "NOUN"):
            continue
        code = _trigger(index, token)
        if code is None or code[:2] not in _STRUCK_FIRST:
            continue
        doer = _parties(index, token, code)[0]
        if not doer.named:
            continue
        if doer.entity is not None and doer.entity is source.entity:
            continue
        if doer.code is not None and doer.code == source.code:
            continue
        return doer
    return _Actor()


# The roots of what one strikes back at: protest, force, violence.
_STRUCK_FIRST = frozenset({"14", "15", "17", "18", "19", "20"})


def _party_told(actor: _Actor) -> bool:
    """A party named as such, not a place or a building ("a attaqué un hôtel à Kaboul":
    where the act was, told again by "l'attaque" with no word of it)."""
    place = actor.entity is not None and actor.entity.type in ("GPE", "LOC")
    return actor.named and not actor.site and not place


def _on_an_act(index: _Index, trigger: Token) -> bool:
    """ "ont condamné cet attentat", "dénonce l'arrestation": disapproval of an act the
    text names is of whoever did it, not of the last party named before (a demand, "exige
    le retrait", is still addressed to someone)."""
    return any((thing.lemma.lower(), "NOUN") in lexicon() for thing in index.kids(trigger.i, "obj"))


def _against_a_thing(index: _Index, trigger: Token) -> bool:
    """ "s'est opposée par veto à six projets de résolution", "s'oppose à cette option":
    a verb whose "à" complement names a thing, no party, is aimed at that thing; it is
    addressed to no one named before."""
    if trigger.pos != "VERB":
        return False
    for thing in index.kids(trigger.i, "obl:arg"):
        if _case(index, thing) != "a" or thing.pos != "NOUN":
            continue
        if not _actor_of(index, thing).named:
            return True
    return False


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


def _supported(index: _Index, appeal: Token) -> Token | None:
    """Whom an appeal asks support for: the "pour" of "voter pour X", the object of
    "soutenir X" (the act hangs on the appeal or on its addressee)."""
    acts = index.kids(appeal.i, "xcomp", "ccomp")
    acts += [k for a in index.kids(appeal.i, "obl:arg", "obj") for k in index.kids(a.i, "acl")]
    for act in acts:
        if fold(act.lemma) == "voter":
            ballots = index.kids(act.i, "obl:mod", "obl:arg", "obl")
            chosen = [k for k in ballots if _case(index, k) == "pour"]
        else:
            chosen = index.kids(act.i, "obj")
        if chosen:
            return chosen[0]
    return None


# Verbs by which one is made to leave office ("contraint à la démission"), folded.
_FORCING = frozenset(
    {"contraindre", "contraint", "pousser", "pousse", "forcer", "force", "obliger", "oblige"}
)
# Verbs of leaving a place or a body, whose "de" complement is what is left (folded).
_LEAVING = frozenset({"retirer", "sortir", "partir", "desengager", "evacuer", "replier"})
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
    actor = _actor_of(index, thing, names[0].i if names else None)
    if _named_after_a_place(index, thing, actor):
        return _Actor()  # "ont quitté l'accord de Paris": where it was signed, no party
    return actor


def _named_after_a_place(index: _Index, thing: Token, actor: _Actor) -> bool:
    """ "l'accord de Paris", "le protocole de Kyoto": the place in a document's name."""
    if actor.entity is None or actor.entity.type not in ("GPE", "LOC") or _party_noun(thing):
        return False  # (not "les ambassadeurs de l'Allemagne")
    return thing.i not in index.entity_of and any(
        index.entity_of.get(k.i) is actor.entity and _case(index, k) in _DE
        for k in index.kids(thing.i, "nmod")
    )


def _noun_patient(index: _Index, noun: Token) -> _Actor:
    """ "l'arrestation de Bradley Manning": whom an act noun of ``patient_noun`` is done to;
    "l'attaque de l'ambassade par les rebelles": any act noun's, when a "par" phrase names
    its doer (the noun is read as a passive)."""
    patient_noun = fold(noun.lemma) in data.name_lists()["patient_noun"]
    if not patient_noun and noun_agent(index, noun) is None:
        return _Actor()
    possessive = [t for t in index.kids(noun.i, "det") if t.lemma in ("son", "leur")]
    if patient_noun and possessive:
        # "X a été libéré. Son arrestation …", "X demande l'annulation de sa destitution";
        # not the subject of the verb the act is the complement of ("la police a procédé
        # à son arrestation").
        verb = index.tokens[noun.head]
        doers: frozenset[int] = frozenset()
        if verb.i != noun.i and (noun.dep == "obj" or noun.dep.startswith("obl")):
            doers = frozenset(
                i for s in index.kids(verb.i, *_SUBJECT_DEPS) for i in _subtree(index, s.i)
            )
        return possessor(index, possessive[0], doers)
    for child in index.kids(noun.i, "nmod"):
        if _case(index, child) in _DE:
            actor = _actor_of(index, child)
            if actor.named or actor.party:
                return actor
    return _Actor()


def _aimed_at(index: _Index, noun: Token) -> _Actor:
    """ "plusieurs attentats ayant visé les forces de sécurité", "une offensive visant les
    rebelles": the object of an active participle of aiming on the act noun."""
    for participle in index.kids(noun.i, "acl"):
        if participle.verb_form != "Part" or fold(participle.lemma) not in _AIMING:
            continue
        if index.kids(participle.i, "aux:pass", _PASSIVE_SUBJECT):
            continue
        for thing in index.kids(participle.i, "obj"):
            actor = _actor_of(index, thing)
            if actor.named or actor.site:
                return actor
    return _Actor()


def _inquired_country(index: _Index, noun: Token) -> _Actor:
    """ "une enquête sur les violations des droits de l'homme survenues au Burundi": an
    inquiry into what happened in a country is on that country (the one country its "sur"
    phrase names)."""
    countries = set()
    for topic in index.kids(noun.i, "nmod"):
        if _case(index, topic) != "sur":
            continue
        for i in index.descendants(topic.i):  # (its relative clauses too: "survenues au …")
            entity = index.entity_of.get(i)
            if (
                entity is not None
                and entity.type == "GPE"
                and _country_name(index, index.tokens[i])
            ):
                countries.add(entity)
    if len(countries) != 1:
        return _Actor()
    return _from_entity(countries.pop())


# Verbs of aiming an act at someone (folded lemmas, with those the lemmatizer leaves).
_AIMING = frozenset({"viser", "cibler", "frapper", "toucher", "vise", "cible", "visee", "ciblee"})


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
    receiver = _clause_subject(index, verb)
    if not receiver.named and verb.verb_form == "Part" and verb.dep == "advcl":
        # "Bénéficiant du soutien de Merkel, Juncker avait été intronisé": a participle
        # clause says something of the main clause's subject, active or passive.
        main = index.tokens[verb.head]
        subjects = index.kids(main.i, *_SUBJECT_DEPS, _PASSIVE_SUBJECT)
        receiver = _actor_of(index, subjects[0]) if subjects else receiver
    return receiver


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


def _noun_holders(index: _Index, noun: Token, source: _Actor) -> list[Token]:
    """The words the parser may hang an act noun's own complements on: a participle on the
    noun ("les frappes menées par …") and the phrase naming its doer, the "de" or "par"
    complement of the noun or of that participle."""
    # (Not a tie: "des attentats liés à l'EI".)
    holders = [
        p
        for p in index.kids(noun.i, "acl", "amod")
        if p.verb_form == "Part" and fold(p.lemma) in CARRIED_OUT | {"diriger"}
    ]
    doers = [t for t in index.kids(noun.i, "nmod") if _case(index, t) in (*_DE, "par")]
    doers += [
        t
        for p in holders
        for t in index.kids(p.i, "obl:agent", "obl:mod", "obl:arg")
        if _case(index, t) == "par"
    ]
    if source.token is not None and source.token not in (t.i for t in doers):
        doers.append(index.tokens[source.token])
    # (Only a doer's own phrase: not "l'enquête du parquet", where "sur" is the inquiry's.)
    return holders + [d for d in doers if d.i != noun.i and _subtree_of(index, noun, d)]


def _subtree_of(index: _Index, noun: Token, token: Token) -> bool:
    return token.i in _subtree(index, noun.i)


# Prepositions of the target hung on a word inside the act noun's phrase: "contre",
# "envers", "à" someone, "avec" a partner, "en" a country force is used in (not "sur",
# which that word may take).
_NESTED_CASES = frozenset({"contre", "envers", "a", "au", "aux", "aupres", "avec", "en"})
_TARGET_CASES = frozenset(
    {"avec", "contre", "a", "au", "aux", "aupres", "envers", "vers", "en", "sur", "face"}
)
# Nouns of a compound preposition of the target: "à l'encontre de", "à l'égard de", "à
# l'endroit de" (folded).
_TOWARDS = frozenset({"encontre", "egard", "endroit"})


def _prepositional_target(
    index: _Index, trigger: Token, code: str, cases: frozenset[str] = _TARGET_CASES
) -> _Actor:
    """ "avec son homologue chinois, Liu Zhenli", "contre son voisin", "à Liu", "en Ukraine",
    "à l'encontre du Japon", "vis-à-vis de la Russie"."""
    if code[:2] in ("10", "02") and cases is _TARGET_CASES:
        cases |= _DE  # "exige du gouvernement français"
    if code[:2] == "05" and cases is _TARGET_CASES and trigger.pos == "VERB":
        cases |= {"pour"}  # "s'est engagé pour lui", "a milité pour Hollande"
    for child in index.kids(trigger.i, "obl:arg", "obl:mod", "nmod", "obl", "iobj", "amod"):
        case = _case(index, child)
        if child.dep == "iobj" and child.pos == "PRON":
            case = "a"  # "lui a accordé": a dative clitic is "à" someone
        if fold(child.lemma) in _LOCUTIONS and any(
            _case(index, k) in _DE for k in index.kids(child.i, "nmod")
        ):
            continue  # "à la suite de cette révélation et Matthias Fekl …": when, not whom
        if (fold(child.lemma) in _TOWARDS and case == "a") or fold(child.text) == "vis-a-vis":
            # "à l'encontre du Japon", "vis-à-vis de la Russie": the "de" phrase
            towards = [t for t in index.kids(child.i, "nmod", "obl:arg") if _case(index, t) in _DE]
            if not towards:
                continue
            child, case = towards[0], "contre"
        elif child.dep == "amod":
            continue
        if case == "face" and code[:2] != "15":
            continue  # "face à la sortie du Royaume-Uni": what one faces; a force, a foe
        if case in cases:
            actor = _actor_of(index, child)
            person = child.pos == "PRON" or (
                actor.entity is not None and actor.entity.type == "PER"
            )
            if case == "pour" and not person:
                continue  # "pour le soutien de la justice en Haïti": what for, not whom
            if actor.entity is None:
                actor = _apposed(index, child) or actor
            place = actor.entity is not None and actor.entity.type in ("GPE", "LOC")
            # "ont manifesté à Bruxelles", "à l'offensive à Deir ez-Zor": where, not whom
            # (but force "en Ukraine" is used on the country).
            where = not code.startswith(("042", "074", "19", "03")) or (
                code.startswith("19") and not _country_name(index, child)
            )
            # ("à la Syrie", "à l'Ukraine": a country with its article after "à" is whom
            # something is given or said to; one is "en Syrie", "au Mali".)
            dative = case == "a" and _articled(index, child) and _is_a_country(index, child)
            if place and case in ("a", "en") and where and not dative:
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


# Head nouns of prepositional locutions ("à la suite de", "au cours de", "au nom de", "au
# sein de", "en raison de"), folded: the phrase tells when, why or for whom, never to whom.
_LOCUTIONS = frozenset(
    {"suite", "cause", "occasion", "issue", "instar", "exception", "fin", "debut", "veille",
     "lendemain", "moment", "epoque", "lumiere", "titre", "nom", "sein", "tete", "cours",
     "raison", "marge", "cas", "depit", "vue", "hauteur", "initiative", "demande", "insu",
     "place", "lieu", "heure", "lors", "terme", "approche", "regard"}
)  # fmt: skip


def _dative_after_aside(index: _Index, verb: Token) -> _Actor:
    """ "transférer le contrôle de la province, dernier territoire dont elle avait la
    responsabilité, aux forces afghanes": after an aside set off by commas, an "à" phrase
    returns to the verb (the parser hangs it inside the aside)."""
    for thing in index.kids(verb.i, "obj"):
        for i in sorted(index.descendants(thing.i)):
            phrase = index.tokens[i]
            if (
                phrase.head == thing.i
                or phrase.pos not in ("NOUN", "PROPN")
                or _case(index, phrase) not in ("a", "au", "aux")
            ):
                continue
            first = min(_subtree(index, phrase.i))
            if first < 1 or index.tokens[first - 1].text != ",":
                continue
            actor = _actor_of(index, phrase)
            if actor.entity is not None and actor.entity.type in ("GPE", "LOC"):
                continue  # ", à Kaboul": where
            if actor.actor_code is not None or actor.people:
                return actor
    return _Actor()


def _is_a_country(index: _Index, token: Token) -> bool:
    """The word is (in) a country's name itself ("la Syrie"), not a phrase naming one."""
    return _in_a_country_name(index, token.i)


def _in_a_country_name(index: _Index, i: int) -> bool:
    return any(p.label == "country" and p.start <= i < p.end for p in index.parsed.places)


def _country_name(index: _Index, token: Token) -> bool:
    """The phrase is a country's name ("en Ukraine"), not a city's."""
    return any(_in_a_country_name(index, i) for i in _subtree(index, token.i))


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
    Russie a commencé sa campagne"): the subject actor of the sentence, if another. Not
    for the object of a verb that tells an act of its own ("les États-Unis ont refusé de
    condamner l'offensive de la Turquie"): its subject does that act, to the act."""
    head = index.tokens[trigger.head]
    if trigger.dep == "obj" and head.i != trigger.i and _trigger(index, head) is not None:
        return _Actor()
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
