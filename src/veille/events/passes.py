"""Passes over the triggers of an article before records are made: words inside a
quotation or a title, acts only allowed, feared or imagined ("menacerait"), a noun that
restates or completes another trigger's act, appeals, threats and incitements that take the
code of the act they ask for, policy changes done rather than wanted."""

from __future__ import annotations

from veille import data
from veille.data import fold
from veille.events.base import (
    _PASSIVE_SUBJECT,
    _case,
    _heads,
    _Index,
    _subtree,
)
from veille.events.codes import noun_entry_objects, verb_entry_objects
from veille.events.context import _intended_change, _negated
from veille.events.doers import _OPENINGS
from veille.events.triggers import _trigger
from veille.nlp import Token

# Counts of acts or people ("une série d'attentats", "des centaines de manifestants").
_QUANTITIES = frozenset(
    {"serie", "vague", "succession", "double", "centaine", "millier", "dizaine", "foule"}
)
# Prepositions of a circumstance that took place ("dans un attentat", "lors de l'assaut").
_CIRCUMSTANCE = frozenset({"dans", "lors", "apres", "pendant", "durant", "suite"})


def _own_act(index: _Index, token: Token) -> bool:
    """« Nous n'avons rien cédé », a déclaré Juncker: an act the speaker of an attributed
    quotation tells of themselves ("je", "nous" as its subject) is theirs, and an event."""
    speaker = index.voice_at(token.start)
    if speaker is None:
        return False
    subjects = index.kids(token.i, "nsubj", "nsubj:pass")
    doers = subjects
    if not subjects and token.dep == "xcomp" and token.head != token.i:
        # "« le Royaume-Uni s'apprête à quitter l'Union européenne »": the subject of the
        # verb an infinitive completes is its own
        doers = index.kids(token.head, "nsubj", "nsubj:pass")
    if any(fold(t.text) in ("je", "j'", "nous") for t in doers):
        return True
    # … or of the country they speak for ("« les États-Unis se retireront de l'accord »,
    # a déclaré le président américain") …
    for t in doers:
        entity = index.entity_of.get(t.i)
        if entity is not None and entity.type == "GPE" and entity.country == speaker.country:
            return speaker.country is not None
    # … or suffers ("« ils viennent de m'appeler »": the act of another, told by whom it
    # was done to; by someone, not "les réunions d'aujourd'hui nous aideront").
    return any(
        fold(t.text) in ("me", "m'", "m’", "nous") and t.pos == "PRON"
        for t in index.kids(token.i, "obj", "iobj", "obl:arg", "expl:comp")
    ) and all(t.pos in ("PRON", "PROPN") or t.i in index.entity_of for t in subjects)


def _incitements(index: _Index, triggers: dict[int, str]) -> None:
    """ "ayant appelé aux massacres", "appelé à viser les chrétiens": an appeal to violence
    is a threat of it (138), not an appeal (02); so is a call to strike or to demonstrate
    ("les syndicats appellent à la grève") a threat to mobilise dissent (133)."""
    for i, code in list(triggers.items()):
        if not code.startswith("02"):
            continue
        for child in index.children.get(i, []):
            done = triggers.get(child, "")
            if done[:2] in ("18", "19", "20"):
                # the threat of the act called for: "aux massacres", "à viser les
                # chrétiens" (1383, unconventional), "à attaquer l'armée" (1384)
                triggers[i] = next(
                    (_THREAT_OF[c] for c in (done, done[:3], done[:2]) if c in _THREAT_OF), "138"
                )
            elif (
                triggers.get(child, "")[:2] == "14"
                and triggers[i].startswith("02")
                and _called_to(index, index.tokens[child])
            ):
                triggers[i] = "133"


def _called_to(index: _Index, act: Token) -> bool:
    """What an appeal calls to do: "à manifester", "à la grève" (not whom it addresses:
    "appelle les manifestants à cesser les violences")."""
    if act.verb_form == "Inf":
        return act.dep in ("xcomp", "ccomp", "obl:arg", "obl:mod")
    return act.dep.startswith("obl") and _case(index, act) in ("a", "au", "aux")


def _urged(index: _Index, triggers: dict[int, str]) -> None:
    """ "l'ONU a invité la population à rester chez elle": "inviter" someone to do what is
    no meeting urges them (020); an invitation is to a meeting or visit ("à se rendre à
    Paris", "à participer au sommet"), which the act's own trigger then carries."""
    for i, code in list(triggers.items()):
        if code != "036" or fold(index.tokens[i].lemma) not in ("inviter", "convier"):
            continue
        acts = index.kids(i, "xcomp")
        for addressee in index.kids(i, "obl:arg", "obj"):
            acts += index.kids(addressee.i, "acl")
        acts = [a for a in acts if a.verb_form == "Inf"]
        if acts and not any(
            triggers.get(k, "")[:2] == "04" for a in acts for k in _subtree(index, a.i)
        ):
            triggers[i] = "020"


def _appeals_for(index: _Index, triggers: dict[int, str]) -> None:
    """ "exige que l'armée quitte le pouvoir", "appelle à libérer les otages": an appeal or
    a demand takes the precise code of what it asks for (1041, 0253), when the lexicon
    entry left it general."""
    for i, code in list(triggers.items()):
        if code not in ("020", "100"):
            continue
        acts = [k for k in index.kids(i, "xcomp", "ccomp")]
        # "exige la suppression du Sénat", "appelle à l'abrogation de la loi"
        acts += [k for k in index.kids(i, "obj", "obl:arg") if triggers.get(k.i, "")[:3] == "034"]
        for addressee in index.kids(i, "obl:arg", "obj"):  # "demande aux camps de négocier"
            acts += [k for k in index.kids(addressee.i, "acl") if k.verb_form == "Inf"]
        asked = next((triggers[k.i] for k in acts if triggers.get(k.i) in _ASKED_FOR), None)
        if asked is not None:
            triggers[i] = _ASKED_FOR[asked][code == "100"]
        elif code == "020" and any(_support_for(index, k, triggers) for k in acts):
            # "appelle à voter pour Barack Obama", "appelle ses électeurs à soutenir le
            # candidat": calling on others to support someone rallies support (053), one
            # act the appeal carries.
            triggers[i] = "053"
            for k in acts:
                triggers.pop(k.i, None)


def _support_for(index: _Index, act: Token, triggers: dict[int, str]) -> bool:
    """The act asked for is support of someone: a vote for them, or support (051); not of
    a thing ("appelle à voter pour le projet de loi", "à soutenir la réforme")."""
    if fold(act.lemma) == "voter":
        ballots = index.kids(act.i, "obl:mod", "obl:arg", "obl")
        return any(_case(index, k) == "pour" and _someone(index, k) for k in ballots)
    return triggers.get(act.i) == "051" and any(
        _someone(index, o) for o in index.kids(act.i, "obj")
    )


# The appeal (02) and the demand (10) for an act: leaving power, releasing, a truce, a
# withdrawal, a meeting or negotiation.
_ASKED_FOR = {
    "0831": ("0241", "1041"),
    "0841": ("0253", "1053"),
    "0871": ("0256", "1056"),
    "0874": ("0256", "1056"),
    "040": ("026", "106"),
    "046": ("026", "106"),
    "0342": ("0242", "1042"),
    "0344": ("0244", "1044"),
}


def _pushed(index: _Index, triggers: dict[int, str]) -> None:
    """ "X a poussé le président à démissionner", "a contraint le chef de l'État à
    renoncer": someone who presses another to give up power demands a change in
    leadership (1041, the codebook's note: a demand to resign is coded as a demand, not as
    the yielding), one act the pressing verb carries. A thing that brings it about ("le
    scandale l'a poussé à la démission") or a passive with no doer ("a été contraint à la
    démission") tells only the yielding."""
    for i, code in list(triggers.items()):
        token = index.tokens[i]
        if code[:2] != "08":
            continue
        if fold(token.lemma) in _PRESSING:
            verb, act = token, None  # "a poussé le ministre à la démission"
        elif (
            token.dep in ("xcomp", "advcl")
            and token.verb_form == "Inf"
            and fold(index.tokens[token.head].lemma) in _PRESSING
        ):
            verb, act = index.tokens[token.head], token  # "a poussé le ministre à renoncer"
        else:
            continue
        if index.kids(verb.i, "aux:pass") or not index.kids(verb.i, "obj"):
            continue
        if not any(_someone(index, s) for s in index.kids(verb.i, "nsubj")):
            continue
        if code != "0831" and not _power(index, act):
            continue  # "l'armée a forcé les rebelles à se retirer": force, no words
        triggers[verb.i] = "1041"
        if act is not None:
            triggers.pop(act.i, None)


# Verbs by which someone presses another into an act, folded.
_PRESSING = frozenset({"pousser", "contraindre", "forcer", "obliger", "acculer"})


def _someone(index: _Index, subject: Token) -> bool:
    """The subject is an actor, not a thing: a pronoun, a name, a person or a body
    ("le président Macron", "l'opposition")."""
    if subject.pos == "PRON" or any(i in index.entity_of for i in _subtree(index, subject.i)):
        return True
    lists = data.name_lists()
    word = fold(subject.lemma)
    return word in lists["people"] or word in lists["person_title"] or word in _BODIES


def _power(index: _Index, act: Token | None) -> bool:
    """What is given up is power: "renoncer à se présenter (à sa réélection)"."""
    if act is None:
        return False
    words = {fold(index.tokens[i].lemma) for i in _subtree(index, act.i)}
    return bool(words & _OFFICE_WORDS)


# Parties named by a common noun that the name lists leave out (folded lemmas).
_BODIES = frozenset(
    {"opposition", "gouvernement", "parti", "armee", "parlement", "majorite", "candidat",
     "candidate"}
)  # fmt: skip
# What an office holder gives up in leaving power (folded lemmas).
_OFFICE_WORDS = frozenset(
    {"pouvoir", "presenter", "reelection", "candidature", "mandat", "poste", "fonction"}
)


def _threats_of(index: _Index, triggers: dict[int, str]) -> None:
    """ "a menacé de rompre les relations", "menace d'envahir le nord du pays", "a prévenu
    que l'armée interviendrait": a threat takes the codebook's code for what it threatens
    (1313, 1382, 1384), when the lexicon entry left it general (130)."""
    for i, code in list(triggers.items()):
        if code != "130":
            continue
        for act in index.kids(i, "xcomp", "ccomp"):
            threatened = triggers.get(act.i)
            if threatened is None:
                continue
            precise = next(
                (
                    _THREAT_OF[c]
                    for c in (threatened, threatened[:3], threatened[:2])
                    if c in _THREAT_OF
                ),
                None,
            )
            if precise is not None:
                triggers[i] = precise
                break


# The threat of an act, by the act's code (full, then its first three digits, then its
# root): reductions of relations 131x-136, administrative sanctions 132x, repression 137,
# protest 133, force 138x.
_THREAT_OF = {
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "16": "131",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "17": "137",
    "14": "133",
    "15": "138",
    "18": "1383",
    "20": "1383",
    "204": "1385",
    "191": "1381",
    "192": "1382",
    "19": "1384",
}


def _killed_by_attacks(index: _Index, triggers: dict[int, str]) -> None:
    """ "Deux attentats à la bombe ont tué 91 personnes", "des frappes qui ont permis de
    tuer", "le pays est frappé par une série d'attentats", "tué dans les combats":
    violence done by, or in, an attack told by its noun is that attack, and takes its code
    (a bombing 183, an air strike 195, fighting 190), not the residual 180 or 190."""
    for i, code in list(triggers.items()):
        if code[:2] not in ("18", "19") or code[:3] in ("181", "182"):
            continue
        verb = index.tokens[i]
        if verb.pos != "VERB":
            continue
        if verb.dep in ("xcomp", "ccomp") and verb.head != i:
            verb = index.tokens[verb.head]  # "ont permis de tuer": the doer of "permettre"
        doers = index.kids(verb.i, "nsubj")
        if verb.dep == "acl:relcl" and verb.head != verb.i:
            doers.append(index.tokens[verb.head])  # "la frappe, qui a tué"
        if index.kids(verb.i, "aux:pass"):
            # "le pays est frappé par une série d'attentats": the agent
            doers = [
                k
                for k in index.kids(verb.i, "obl:agent", "obl:arg", "obl")
                if _case(index, k) == "par"
            ]
        doers += [n for d in doers if fold(d.lemma) in _QUANTITIES for n in index.kids(d.i, "nmod")]
        # "tués dans des combats", "blessés lors des bombardements": the circumstance.
        doers += [
            k for k in index.kids(i, "obl", "obl:mod", "nmod") if _case(index, k) in _CIRCUMSTANCE
        ]
        # "tués lors de la répression", where the parser makes "lors" an adverb and the
        # act its complement.
        doers += [
            k
            for adverb in index.kids(i, "advmod")
            if fold(adverb.text) == "lors"
            for k in index.kids(adverb.i, "obl:arg", "obl:mod", "obl", "nmod")
        ]
        for doer in doers:
            done = triggers.get(doer.i, "")
            # (violent repression, 175, is violence too: "tués lors de la répression")
            if doer.i != i and (done[:2] in ("18", "19", "20") or done == "175"):
                triggers[i] = done
                break


def _in_role(index: _Index, token: Token) -> bool:
    head = index.tokens[token.head]
    if token.pos == "NOUN" and head.i != token.i and fold(head.text) in _IN_CHARGE:
        # "la secrétaire d'État chargée de l'aide aux victimes", "le ministre chargé des
        # négociations", "en charge des négociations": the remit of an office
        return True
    # ("le responsable des opérations" is a title; "il est responsable des attentats" not)
    return (
        token.pos == "NOUN"
        and head.i != token.i
        and head.pos != "ADJ"
        and not index.kids(head.i, "cop")
        and fold(head.text) in data.role_head_words()
    )


# Words giving an office its remit (folded): "chargé de", "en charge de".
_IN_CHARGE = frozenset({"charge", "chargee", "charges", "chargees"})


def _licensed(index: _Index, token: Token) -> bool:
    """ "ont le droit de manifester", "sera chargé de critiquer le gouvernement", "risquant
    l'encerclement", "s'il refuse": an act someone may or must do, fears, or supposes is
    not one done."""
    if any(fold(m.text) in ("si", "s'", "s’") for m in index.kids(token.i, "mark")):
        # "s'il refuse", "s'il était mis en examen": a condition; but "si elle a été
        # libérée, …" (a past tense) tells what happened.
        told = any(
            a.dep == "aux:tense" and a.tense == "Pres"
            for a in (index.tokens[c] for c in index.children.get(token.i, []))
        )
        return not told
    if _called_upon(index, token):
        return True  # "ils seront appelés à questionner les ministres": a duty, no appeal
    if _conditional(token):
        return True  # "une présidence Trump menacerait les droits", "si Fillon renonçait"
    head = index.tokens[token.head]
    if head.i == token.i:
        return False
    wish = fold(head.lemma) in data.name_lists()["intention"] | {"aimer"}
    if token.dep in ("xcomp", "obj", "obl:arg") and _conditional(head) and not wish:
        # (but "voudrait", "aimerait abolir la peine de mort" is a wish, an intention)
        return True  # "cela contraindrait les démocrates à négocier"
    if token.dep in ("obj", "obl:arg", "xcomp") and _feared(head):
        return True  # "la ville risquant l'encerclement", "pour éviter un affrontement"
    if token.verb_form == "Inf" and fold(head.lemma) == "pouvoir" and head.tense in ("Pres", "Fut"):
        # "un pays ne peut se retirer de l'accord que trois ans après", "les propriétaires
        # pourront contester": what one may do (but "a pu s'enfuir" tells what happened).
        return not index.kids(head.i, "aux:tense")
    if _required(index, token, head):
        return True  # "le texte doit encore être approuvé par le Parlement"
    if token.verb_form == "Inf" and token.dep == "conj" and head.verb_form == "Inf":
        # "il revient au Conseil de la valider et de proposer des recommandations": the
        # second infinitive is in the scope of what governs the first.
        head = index.tokens[head.head]
    if token.verb_form == "Inf" and fold(head.lemma) in _DUTIES:
        # "il revient au Conseil de proposer", "il appartient aux juges de trancher": a
        # task that falls to someone, not an act done.
        return any(fold(k.text) == "il" for k in index.kids(head.i, "nsubj", "expl"))
    return token.verb_form == "Inf" and fold(head.lemma) in _LICENCES


def _required(index: _Index, token: Token, head: Token) -> bool:
    """A passive infinitive governed by "devoir" in the indicative ("le texte doit être
    approuvé par le Parlement", "l'accord devra être ratifié"): a step a procedure
    requires of someone, not an act they did or said they would do."""
    if token.dep != "xcomp" or fold(head.lemma) != "devoir" or head.tense not in ("Pres", "Fut"):
        return False
    if fold(head.text).endswith(("ait", "aient")):
        return False  # "le contrat devrait être signé lors de la visite": an act expected
    return any(a.verb_form == "Inf" for a in index.kids(token.i, "aux:pass"))


def _called_upon(index: _Index, token: Token) -> bool:
    """ "Les élus seront appelés à questionner les ministres", "des élections seront
    appelées": "appeler" in the passive with no one who calls is what someone is to do
    or undergo (a duty, a vote held, a call for help), no appeal by an actor."""
    if fold(token.lemma) != "appeler" or not index.kids(token.i, "aux:pass"):
        return False
    return not any(
        _case(index, k) == "par" for k in index.kids(token.i, "obl:agent", "obl:arg", "obl:mod")
    )


def _conditional(verb: Token) -> bool:
    """A finite verb in the present conditional, what would happen: the future stem (the
    infinitive, less the "e" of "-re") with the endings of the imperfect ("menacerait",
    "contraindraient"; not the imperfect "tirait"). Modals ("pourrait", "devrait") are left
    to the intention rules, and the past conditional ("aurait tué", the press's alleged
    act) is told by its auxiliary, not by the participle."""
    if verb.pos != "VERB" or verb.verb_form != "Fin":
        return False
    lemma = fold(verb.lemma)
    if lemma.endswith("re"):
        stem = lemma[:-1]
    elif lemma.endswith(("er", "ir")):
        stem = lemma
    else:
        return False
    return fold(verb.text) in (stem + "ait", stem + "aient")


def _feared(verb: Token) -> bool:
    """A verb of fear or avoidance, its present participle too when the tagger left it
    as written, even as a noun ("ce dernier risquant l'encerclement")."""
    if fold(verb.lemma) in _FEARED:
        return True
    word = fold(verb.text)
    return word.endswith("ant") and word[:-3] + "er" in _FEARED


# Verbs whose object is an act feared, avoided or ruled in or out ("n'exclut pas une
# intervention militaire"), not done.
_FEARED = frozenset({"risquer", "craindre", "redouter", "eviter", "prevenir", "exclure"})
# Nouns and adjectives whose infinitive complement is an act allowed or assigned.
# Impersonal verbs whose infinitive is a task falling to someone ("il revient à").
_DUTIES = frozenset({"revenir", "appartenir", "incomber"})
_LICENCES = frozenset({"droit", "charge", "charger", "capable", "possibilite", "liberte"})


def _absorbed(index: _Index, i: int, triggers: dict[int, str]) -> bool:
    """One act, one record: "a adressé une invitation à se rendre" is one 036, and "a
    refusé de condamner" one negated 111 (the refused act carries the record)."""
    token = index.tokens[i]
    head = index.tokens[token.head]
    lists = data.name_lists()
    if (
        head.i != i
        and head.i in triggers
        and fold(token.lemma) in lists["people"]
        and (
            token.dep in ("obj", _PASSIVE_SUBJECT)
            or (token.dep == "nmod" and fold(head.lemma) in lists["patient_noun"])
        )
    ):
        # "Deux manifestants ont été tués", "l'arrestation de trois manifestants": the
        # victims of an act, not a protest.
        return True
    if (
        head.i != i
        and head.i in triggers
        and token.pos == "NOUN"
        and token.dep in ("obj", "obl:arg")
        and triggers[head.i][:2] in _ACTS_NOT_YET_DONE
    ):
        return True  # "ayant appelé aux massacres", "demande des négociations": the appeal
    if _spoken_of(index, token, triggers):
        return True
    if (
        head.i != i
        and triggers.get(head.i, "")[:2] == "14"
        and token.pos == "NOUN"
        and _case(index, token) == "pour"
    ):
        # "une manifestation pour la libération de militants": what a protest is for is
        # its aim, not an act done (but "contre l'arrestation de" one that was).
        return True
    # A noun object of a trigger of the same code ("adresser une invitation"); acts listed
    # together ("les assauts et les contre-attaques de l'armée") are each their own.
    if (
        head.i != i
        and head.i in triggers
        and token.dep != "conj"
        and triggers[head.i][:2] == triggers[i][:2]
    ):
        return True
    # A trigger whose infinitive complement is a trigger: the complement is the act
    # ("a refusé de condamner"), unless the governing verb is itself a verbal act on it:
    # "menacent de porter plainte" is a threat, "accuse la Chine de militariser" an
    # accusation, "appelle à cesser les combats" an appeal.
    for child in index.children.get(i, []):
        kid = index.tokens[child]
        if (
            child in triggers
            and kid.verb_form == "Inf"
            and kid.dep in ("xcomp", "acl", "ccomp")
            and triggers[i][:2] not in _VERBAL_ACTS
        ):
            return True
    if (
        head.i != i
        and head.i in triggers
        and token.verb_form == "Inf"
        and token.dep in ("xcomp", "acl", "ccomp")
        and triggers[head.i][:2] in _VERBAL_ACTS
    ):
        return True
    if head.i != i and head.i in triggers and _needed_by(head, token, triggers[head.i]):
        return True
    # The act inside an invitation or intention already coded by its governing noun (a
    # governing verb, "a promis de libérer", gives way to its act, coded as the intent).
    return (
        head.i in triggers
        and head.pos == "NOUN"
        and token.verb_form == "Inf"
        and triggers[head.i].startswith("03")
    )


def _needed_by(head: Token, token: Token, code: str) -> bool:
    """The noun a verb entry needs ("lever les sanctions", "exiger la démission") or the
    complement a noun entry needs ("une procédure de sanction", 1312): the trigger and its
    complement are one act. A claim ("a revendiqué l'attentat", 015) leaves the claimed act
    its own record."""
    if token.dep == "obj" and token.pos == "NOUN" and not code.startswith("01"):
        return token.lemma.lower() in verb_entry_objects().get(head.lemma.lower(), frozenset())
    if token.dep == "nmod" and head.pos == "NOUN":
        return token.lemma.lower() in noun_entry_objects().get(head.lemma.lower(), frozenset())
    return False


def _spoken_of(index: _Index, token: Token, triggers: dict[int, str]) -> bool:
    """ "menace d'utiliser l'article qui permet de suspendre les institutions", "exige que
    le président quitte le pouvoir", "demande aux deux camps de négocier": an act inside
    what an appeal, demand or threat speaks of, however deep, has not happened."""
    kid = token
    for head in _heads(index, token, 6):
        if kid.dep not in _INSIDE:
            return False
        if head.i in triggers:  # the nearest act above: is it words about this one?
            if triggers[head.i][:2] not in _ACTS_NOT_YET_DONE:
                return False
            if kid.i != token.i and kid.dep == "obj" and fold(kid.lemma) in _OPENINGS:
                return True  # "demande l'ouverture d'une enquête": not yet opened
            if kid.i == token.i:  # a finite clause ("exige que … quitte")
                return kid.dep == "ccomp" and token.verb_form == "Fin"
            # "demande aux deux camps de négocier": the parser hangs the act on the
            # addressee.
            addressed = kid.dep in ("obl:arg", "obj") and token.dep == "acl" and token.head == kid.i
            return kid.dep in ("xcomp", "ccomp") or (addressed and token.verb_form == "Inf")
        kid = head
    return False


# What an act spoken of hangs from, up to the verb that speaks of it.
_INSIDE = frozenset({"xcomp", "ccomp", "conj", "obj", "nmod", "acl", "acl:relcl", "obl:arg"})


# Roots of acts done with words about another act: appeals, demands, disapproval,
# threats, and prohibitions ("interdit aux ONG d'aider les réfugiés" is a ban, 172). (A
# refusal is not one: in "a refusé de condamner" the condemnation is the act, negated.)
_VERBAL_ACTS = frozenset({"02", "10", "11", "13", "17"})


# Appeals, demands and threats: the act they speak of has not happened, so it is no
# record of its own.
_ACTS_NOT_YET_DONE = frozenset({"02", "10", "13"})


def _policy_done(index: _Index, trigger: Token, code: str) -> bool:
    """A change of policy or of institutions (a 034x entry) done, not wanted: "a supprimé
    la taxe". (An entry whose word itself says the intent, "promettre une réforme", is
    always one.)"""
    if not code.startswith("034"):
        return False
    if any(fold(k.lemma) in _JOBS for k in index.kids(trigger.i, "nmod", "obj")):
        return True  # "a annoncé la suppression de 134 emplois": an employer's cuts
    head = index.tokens[trigger.head]
    asked = trigger.verb_form == "Inf" or trigger.dep in ("obj", "obl:arg")
    if asked and head.i != trigger.i and (_trigger(index, head) or "")[:3] in ("020", "100"):
        return False  # "appelle à abroger la loi": asked for, the appeal takes its code
    intents = data.name_lists().get("intention", frozenset())
    return fold(trigger.lemma) not in intents and not _intended_change(index, trigger)


# Jobs cut or created, folded: an employer's business, not a change of policy.
_JOBS = frozenset({"emploi", "poste", "effectif", "salarie", "job"})


def _proposed_changes(index: _Index, triggers: dict[int, str]) -> None:
    """ "a proposé la suppression de l'article 49.3", "promet une réforme des
    institutions": an intent (03) whose object is a change of policy or of institutions
    takes its code (0342, 0344)."""
    for i, code in list(triggers.items()):
        head = index.tokens[i].head
        if code.startswith("034") and head != i and triggers.get(head) in ("03", "030", "034"):
            triggers[head] = code


def _purpose(index: _Index, i: int, triggers: dict[int, str]) -> bool:
    """ "a menacé d'envoyer des troupes pour attaquer le Sud", "veut négocier afin de
    libérer les otages", "ont refusé de déposer les armes pour négocier": the end of an act
    that is itself only threatened, intended, refused or not done is not done either. (The
    end of an act done, "s'est rendu à Beyrouth afin d'y rencontrer des dirigeants", is
    often reached, and left.)"""
    token = index.tokens[i]
    if token.verb_form != "Inf":
        return False
    head = index.tokens[token.head]
    marks = {fold(m.text) for m in index.kids(i, "mark")}
    if "pour" in marks and token.dep in ("advcl", "acl"):
        means = head
        if means.pos == "NOUN" and means.dep == "obj":
            means = index.tokens[means.head]  # "déposer les armes pour négocier"
    elif fold(head.text) == "afin" and head.i != i:
        means = index.tokens[head.head]
    else:
        return False
    if means.i == i:
        return False
    if means.i in triggers and triggers[means.i][:2] in _NOT_DONE:
        return True  # "a menacé la Corée pour obtenir …"
    if means.pos == "VERB" and _negated(index, means):
        return True  # "n'a pas envoyé de troupes pour attaquer"
    outer = index.tokens[means.head]
    if means.verb_form != "Inf" or outer.i == means.i:
        return False
    return (outer.i in triggers and triggers[outer.i][:2] in _NOT_DONE) or fold(
        outer.lemma
    ) in data.name_lists()["intention"]


# Roots of acts told as not (yet) done: intents, refusals, threats.
_NOT_DONE = frozenset({"03", "12", "13"})
