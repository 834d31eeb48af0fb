"""Who does an act: the subject of the trigger's clause (repaired where the parser errs:
a shared auxiliary, a gerund, a name before the verb) and the doer of an act noun (its
"de" complement, the subject of the verb it is the object of, unless that verb only speaks
of it)."""

from __future__ import annotations

from veille import data
from veille.data import fold
from veille.events.base import (
    _DE,
    _PASSIVE_SUBJECT,
    _SUBJECT_DEPS,
    _Actor,
    _case,
    _has_auxiliary,
    _heads,
    _Index,
    _subtree,
    _verb_of,
)
from veille.events.codes import lexicon, noun_entry_objects
from veille.events.phrases import (
    _actor_of,
    _adjective_actor,
    _from_entity,
    possessor,
    title_places,
)
from veille.events.triggers import _trigger
from veille.nlp import Token


def _clause_subject(index: _Index, verb: Token) -> _Actor:
    """The subject of the verb, or of the verb it hangs off ("a refusé de condamner",
    "a fait cette remarque lors d'une vidéoconférence")."""
    head = _verb_of(index, verb)
    if _gerund(index, head):
        return _gerund_subject(index, head)
    for _ in range(4):
        subjects = index.kids(head.i, *_SUBJECT_DEPS)
        caused = _caused(index, head) if not subjects else None
        if caused is not None:
            return caused
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


def _caused(index: _Index, act: Token) -> _Actor | None:
    """ "Ces éléments ont poussé François Bayrou à critiquer …", "a forcé l'armée à se
    retirer": the doer of an infinitive after a verb that makes someone act is that verb's
    object."""
    if act.verb_form != "Inf" or act.head == act.i or act.dep not in _INFINITIVE_DEPS:
        return None
    if act.dep != "xcomp" and not any(
        fold(m.text) in ("a", "de", "d'", "d’") for m in index.kids(act.i, "mark")
    ):
        return None  # "a conduit ses troupes pour attaquer": the subject's own purpose
    cause = index.tokens[act.head]
    if act.dep == "acl" and cause.dep == "obj" and cause.head != cause.i:
        # "ont conduit la semaine dernière l'Union européenne à condamner": the parser may
        # hang the infinitive on the one made to act.
        made = _actor_of(index, cause, act.i)
        cause = index.tokens[cause.head]
        return made if made.named and fold(cause.lemma) in _MAKING_ACT else None
    if fold(cause.lemma) not in _MAKING_ACT:
        return None
    for thing in index.kids(cause.i, "obj"):
        actor = _actor_of(index, thing)
        if actor.named:
            return actor
    return None


# How the parser hangs the infinitive of "pousser X à", "conduire X à" ("à" and "de" may
# make it an adverbial clause, "qui ont conduit le Conseil de sécurité à exprimer", or a
# clause on X).
_INFINITIVE_DEPS = frozenset({"xcomp", "advcl", "obl:arg", "ccomp", "acl"})
# Verbs by which one makes someone do something, whose object does the act (folded).
_MAKING_ACT = frozenset(
    {"pousser", "inciter", "encourager", "forcer", "obliger", "contraindre", "amener",
     "autoriser", "aider", "conduire", "decider"}
)  # fmt: skip


def _shared_auxiliary(index: _Index, verb: Token) -> Token | None:
    """ "la Turquie a renforcé les contrôles et interpellé cinquante membres": a past
    participle after "et" with no auxiliary of its own shares the one before it (the
    parser may hang it anywhere); that auxiliary."""
    if verb.verb_form != "Part" or verb.tense != "Past":
        return None
    kids = [index.tokens[c] for c in index.children.get(verb.i, [])]
    if _has_auxiliary(index, verb) or not any(
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
    opened = noun.dep == "nmod" and fold(index.tokens[noun.head].lemma) in _OPENINGS
    agent = None if opened else noun_agent(index, noun)
    if agent is not None:
        return _actor_of(index, agent)  # "l'arrestation de l'opposant par la police"
    # "l'offensive de la Russie"; "les assauts répétés de l'armée syrienne", where the
    # parser hangs the complement off the participle.
    complements = index.kids(noun.i, "nmod") + [
        c for p in index.kids(noun.i, "acl", "amod") for c in index.kids(p.i, "obl:arg", "nmod")
    ]
    # "des intimidations de la part d'hommes du collectif": the doer is the complement of
    # "part", named by a role or not.
    for part in complements:
        if fold(part.lemma) == "part" and _case(index, part) in _DE:
            for doer in index.kids(part.i, "nmod"):
                actor = _actor_of(index, doer) if _case(index, doer) in _DE else _Actor()
                if actor.actor_code is not None or actor.party:
                    return actor
    patient_noun = fold(noun.lemma) in data.name_lists()["patient_noun"]
    needed = noun_entry_objects().get(noun.lemma.lower(), frozenset())
    left = left_behind(index, noun, code)
    titles = title_places(index, noun)
    for child in [] if patient_noun else complements:
        if titles and id(index.entity_of.get(child.i)) in titles:
            continue  # "les accords de Minsk": where they were made, not whose
        if child.lemma.lower() in needed and (child.lemma.lower(), "NOUN") in lexicon():
            # "la procédure de sanction contre la Pologne": what, not whose; but "le
            # déploiement de la mission de l'Union africaine": the mission's.
            for owner in index.kids(child.i, "nmod"):
                actor = _actor_of(index, owner) if _case(index, owner) in _DE else _Actor()
                if actor.actor_code is not None:
                    return actor
            continue
        if left is not None and child.i == left.i:
            continue  # "la sortie de la CPI": what is left, not who leaves
        if _case(index, child) in _DE:
            actor = _actor_of(index, child, left.i if left is not None else None)
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
    if undergoer(index, noun) is not None:
        return _Actor()  # "le ministre fait l'objet d'une enquête": it is done to him
    possessive = [t for t in index.kids(noun.i, "det") if t.lemma in ("son", "leur")]
    if possessive and patient_noun and noun.dep not in (*_SUBJECT_DEPS, _PASSIVE_SUBJECT):
        possessive = []  # "sa destitution": whom it was done to, not who did it
    if possessive and noun.dep in (*_SUBJECT_DEPS, _PASSIVE_SUBJECT):
        # "Poutine est arrivé à Pékin. Sa visite …": the one named before (but "Son
        # arrestation …" is of whom it was done to).
        return _Actor() if patient_noun else possessor(index, possessive[0])
    if noun.dep == "nmod" and fold(index.tokens[noun.head].lemma) in _QUANTITIES:
        noun = index.tokens[noun.head]  # "Le double attentat a été revendiqué par …"
    author = author_of(index, noun)
    if author is not None:
        return author
    occasion = _occasion_agent(index, noun)
    if occasion is not None:
        return _actor_of(index, occasion)
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


def author_of(index: _Index, noun: Token) -> _Actor | None:
    """ "les talibans, auteurs de l'attaque", "le groupe est l'auteur de l'attentat",
    "259 Palestiniens (en majorité des auteurs d'attaques)", "la branche est responsable
    de plusieurs attentats": the one the word of authorship is said of did the act."""
    if noun.dep not in ("nmod", "obl:arg") or noun.head == noun.i or _case(index, noun) not in _DE:
        return None
    author = index.tokens[noun.head]
    if fold(author.lemma) not in _AUTHORS:
        return None
    actor = _actor_of(index, author, noun.i)
    for _ in range(3):
        if actor.named:
            return actor
        if index.kids(author.i, "cop"):
            # "X est l'auteur de …", "la branche a prêté allégeance … et est responsable
            # de plusieurs attentats"
            return _clause_subject(index, author)
        apposed = author.dep == "conj" and not index.kids(author.i, "cc")
        if not (apposed or author.dep in ("nmod", "appos")) or author.head == author.i:
            return None
        # "259 Palestiniens (en majorité des auteurs d'attaques)": the people the authors
        # are; the head word's own name (the parser may hang anything else on it).
        author = index.tokens[author.head]
        actor = _head_actor(index, author)
    return None


def _occasion_agent(index: _Index, noun: Token) -> Token | None:
    """ "Les interpellations ont eu lieu lors d'une vingtaine de raids menés par les
    autorités turques": an act that took place during operations someone carried out is
    theirs (the "par" phrase of the operations)."""
    if noun.dep not in _SUBJECT_DEPS or noun.head == noun.i:
        return None
    verb = index.tokens[noun.head]
    place = fold(verb.lemma) == "avoir" and any(
        fold(o.lemma) == "lieu" for o in index.kids(verb.i, "obj")
    )
    if not place and fold(verb.lemma) not in _TAKING_PLACE:
        return None
    phrases = index.kids(verb.i, "obl:mod", "obl", "obl:arg")
    phrases += [p for a in index.kids(verb.i, "advmod") for p in index.kids(a.i, "obl:arg")]
    for phrase in phrases:
        when = {fold(phrase.text), _case(index, phrase)} | {fold(index.tokens[phrase.head].text)}
        if not when & _DURING:
            continue
        for occasion in (phrase, *index.kids(phrase.i, "nmod")):
            agent = noun_agent(index, occasion)
            if agent is not None:
                return agent
    return None


# Verbs of an act taking place (folded lemmas), and words of the time of another act.
_TAKING_PLACE = frozenset({"derouler", "survenir", "intervenir", "produire"})
_DURING = frozenset({"lors", "pendant", "durant", "cours"})


def _head_actor(index: _Index, token: Token) -> _Actor:
    """The actor a noun names by its own word: a name ("les talibans, auteurs de …" where
    the name is the head) or a people's name ("les Palestiniens"); not the phrase, nor the
    words listed with it ("259 Palestiniens (…), 40 Israéliens … ont perdu la vie": the
    dead, not the authors)."""
    entity = index.entity_of.get(token.i)
    if entity is not None and entity.type in ("PER", "ORG", "GPE"):
        return _from_entity(entity)
    country = data.place_adjectives().get(fold(token.text))
    if country is not None and token.pos in ("NOUN", "PROPN"):
        return _Actor(code=country, country=country)
    return _Actor()


# Words of authorship of an act (folded lemmas): "les auteurs de l'attentat".
_AUTHORS = frozenset(
    {"auteur", "responsable", "commanditaire", "instigateur", "organisateur", "perpetrateur"}
)


def _leaving(code: str) -> bool:
    """Leaving an organisation or a treaty (160), withdrawing troops (087x)."""
    return code == "160" or code.startswith("087")


def left_behind(index: _Index, noun: Token, code: str) -> Token | None:
    """ "la sortie du Royaume-Uni de l'Union européenne", "le retrait de la CPI", "le
    retrait des troupes américaines d'Afghanistan": what a noun of leaving says is left, a
    "de" complement (or the "de" complement of the leaver, where the parser hangs it)
    naming an organisation or a treaty (160) or a place (087x); the first "de" complement
    of another kind is the one who leaves."""
    if not _leaving(code):
        return None
    complements = [t for t in index.kids(noun.i, "nmod") if _case(index, t) in _DE]
    complements.sort(key=lambda t: t.i)
    if complements:
        first = complements[0]
        nested = index.kids(first.i, "nmod", "obl:arg") + [
            c for a in index.kids(first.i, "amod") for c in index.kids(a.i, "obl:arg")
        ]
        name = index.entity_of.get(first.i)
        complements += sorted(
            (
                t
                for t in nested
                if _case(index, t) in _DE and (name is None or index.entity_of.get(t.i) is not name)
            ),
            key=lambda t: t.i,
        )
    needed = noun_entry_objects().get(noun.lemma.lower(), frozenset())
    for complement in complements:
        entity = index.entity_of.get(complement.i)
        if code == "160":
            if complement.lemma.lower() in needed or fold(complement.lemma) in _LEFT_BODIES:
                return complement
            if entity is not None and entity.type == "ORG":
                return complement
        elif entity is not None and entity.type in ("GPE", "LOC"):
            return complement  # "d'Afghanistan": the troops leave the country
    return None


# What one leaves (160) named by a common noun, folded: "la sortie de l'accord".
_LEFT_BODIES = frozenset(
    {"accord", "traite", "convention", "pacte", "protocole", "statut", "organisation",
     "alliance", "union", "zone", "cour", "coalition", "charte"}
)  # fmt: skip


def undergoer(index: _Index, noun: Token) -> Token | None:
    """ "le ministre fait l'objet d'une enquête", "a été la cible d'une attaque", "a été
    victime d'une agression", "est visé par une enquête": the subject of the clause that
    says the act is done to it (the parser may hang the act on the verb or on a nearer
    noun)."""
    if _case(index, noun) == "par" and noun.dep in ("obl:agent", "obl:mod", "obl:arg"):
        verb = index.tokens[noun.head]
        if fold(verb.lemma) in _AIMED and index.kids(verb.i, "aux:pass"):
            subjects = index.kids(verb.i, _PASSIVE_SUBJECT)
            return subjects[0] if subjects else None
        return None
    if _case(index, noun) not in _DE:
        return None
    kid = noun
    for head in _heads(index, noun, 3):
        if kid.dep not in ("nmod", "obl:arg", "obl:mod"):
            return None
        objects = [head] if fold(head.lemma) in _UNDERGONE else []
        if head.pos == "VERB" and fold(head.lemma) == "faire":
            objects = [o for o in index.kids(head.i, "obj") if fold(o.lemma) == "objet"]
        if objects:
            holder = objects[0]
            subjects = index.kids(holder.i, *_SUBJECT_DEPS, _PASSIVE_SUBJECT)
            if not subjects and holder.dep == "obj" and holder.head != holder.i:
                subjects = index.kids(holder.head, *_SUBJECT_DEPS, _PASSIVE_SUBJECT)
            return subjects[0] if subjects else None
        kid = head
    return None


# What one is of an act done to one: "l'objet d'une enquête", "la cible d'une attaque",
# "victime d'une agression" (folded).
_UNDERGONE = frozenset({"objet", "cible", "victime"})
# Verbs whose passive subject an act is aimed at: "est visé par une enquête" (folded).
_AIMED = frozenset({"viser", "vise", "cibler", "cible", "toucher", "touche", "concerner"})


def noun_agent(index: _Index, noun: Token) -> Token | None:
    """ "l'arrestation de l'opposant par la police", "les frappes menées par la coalition":
    the "par" complement of an act noun, or of a participle on it that tells the act was
    carried out (not "l'attaque condamnée par la France", "des négociations parrainées
    par la Turquie"), when it names an actor (not "une attaque par drone")."""
    phrases = [t for t in index.kids(noun.i, "nmod") if _case(index, t) == "par"]
    if not phrases and noun.head != noun.i and noun.dep == "nmod":
        # "à la suite d'une mission en Inde par l'Université de …": the parser may hang
        # the "par" phrase right after the act's phrase on the word that phrase hangs on.
        end = max(_subtree(index, noun.i))
        phrases = [
            t
            for t in index.kids(noun.head, "nmod")
            if _case(index, t) == "par" and min(_subtree(index, t.i)) == end + 1
        ]
    for participle in index.kids(noun.i, "acl", "amod"):
        if participle.verb_form != "Part" or participle.tense != "Past":
            continue
        if fold(participle.lemma) not in CARRIED_OUT:
            continue  # "des négociations parrainées par la Turquie": not theirs
        phrases += [
            t
            for t in index.kids(participle.i, "obl:agent", "obl:arg", "obl:mod")
            if _case(index, t) == "par"
        ]
    for phrase in phrases:
        actor = _actor_of(index, phrase)
        if actor.named and not actor.site:
            return phrase
    return None


# Verbs (folded lemmas) of carrying out an act: "l'attaque perpétrée par", "les frappes
# menées par", "les sanctions imposées par", "l'enquête ouverte par": the agent did it.
# (With the feminine participles the lemmatizer leaves as written: "menée", "ouverte".)
CARRIED_OUT = frozenset(
    {"mener", "conduire", "lancer", "perpetrer", "commettre", "organiser", "orchestrer",
     "effectuer", "realiser", "executer", "operer", "declencher", "ordonner", "decider",
     "decreter", "imposer", "infliger", "adopter", "prendre", "ouvrir", "diligenter",
     "revendiquer", "entreprendre", "engager", "livrer", "porter", "proferer", "formuler",
     "fournir", "apporter", "accorder", "octroyer", "verser", "deployer", "exercer",
     "lancee", "menee", "conduite", "perpetree", "commise", "organisee", "effectuee",
     "ouverte", "imposee", "prise", "ordonnee", "revendiquee", "formulee", "fournie",
     "apportee", "accordee", "octroyee", "versee", "deployee", "exercee"}
)  # fmt: skip


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
