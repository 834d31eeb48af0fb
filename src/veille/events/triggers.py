"""The trigger of an event: a verb or noun of the lexicon, with the complement an entry
needs, read through the tagger's slips (participles tagged as adjectives, present-tense
verbs left unlemmatised)."""

from __future__ import annotations

from veille import data
from veille.data import fold
from veille.events.base import (
    _ANY_SUBJECT,
    _DE,
    _SUBJECT_DEPS,
    _case,
    _has_auxiliary,
    _Index,
    _participle_lemma,
    _subtree,
)
from veille.events.codes import lexicon
from veille.nlp import Token

# Adverbs of degree make a participle an adjective.
_DEGREE = frozenset({"tres", "trop", "si", "assez", "fort", "peu", "tellement", "extremement"})
# Dependants that are no complement of an entry (see _trigger).
_AUXILIARIES = frozenset({"aux", "aux:pass", "aux:tense", "cop"})
# Verbs by which a party receives what another gives (see _received_from_a_state).
_RECEIVING = frozenset({"beneficier", "recevoir", "obtenir"})
# What strikes a country or a people without force (folded): "frappé par la chute des
# cours", "la crise qui frappe le pays".
_MISFORTUNES = frozenset(
    {"chute", "baisse", "hausse", "crise", "recession", "chomage", "inflation", "penurie",
     "famine", "maladie", "virus", "froid", "chaleur", "canicule", "secheresse", "pauvrete",
     "mesure", "interdiction", "taxe", "impot", "loi", "decision", "reforme", "scandale",
     "malediction", "drame", "deuil", "tragedie", "malheur", "difficulte", "depression"}
)  # fmt: skip
# Counts of acts: "une série d'attentats" (see _blow), folded.
_SERIES = frozenset({"serie", "vague", "succession", "multitude"})
# What fires at a target (see _struck).
_WEAPONS = frozenset({"tir", "balle", "missile", "roquette", "obus", "bombe", "drone", "mortier"})
# What one holds, not seizes: "occuper un poste, une fonction".
_OFFICES = frozenset({"poste", "fonction", "place", "rang", "position", "charge", "mandat"})
# Craft and gear named for their use: "avion de combat", "hélicoptère d'attaque" (see
# _trigger).
_GEAR = frozenset(
    {"avion", "helicoptere", "char", "vehicule", "drone", "navire", "sous-marin", "tenue",
     "car", "autocar", "bus", "agence"}
)  # fmt: skip
# What makes a fight or a war one of words, courts or trade: "la bataille juridique".
_FIGURATIVE = frozenset(
    {"juridique", "judiciaire", "politique", "electoral", "mediatique", "commercial",
     "economique", "ideologique", "procedural", "parlementaire", "culturel", "verbal"}
)  # fmt: skip
_FIGHTS = frozenset(
    {"bataille", "combat", "guerre", "lutte", "offensive", "attaque", "affrontement", "guerilla"}
)
# Tags the tagger gives a participle after its auxiliary (see _trigger).
_SLIPPED = frozenset({"ADV", "X", "PROPN", "PRON", "DET", "NUM"})
# Reflexive clitics of the first and second persons, by subject: "nous nous sommes arrêtés".
_REFLEXIVE_OF = {"je": ("me", "m'", "m’"), "j'": ("me", "m'", "m’"), "tu": ("te", "t'", "t’")}
_THIRD_PERSON = frozenset({"se", "s'", "s’"})
# The clitics of the other persons, as written (lower case).
_OTHER_PERSONS = frozenset({"me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})
# Prepositional complements of a verb that hold the word its entry needs: "mis en [garde
# [à vue]]", "condamné à [cinq ans [de prison]]" (see _trigger).
_HOLDERS = frozenset({"garde", "état", "an", "mois", "peine"})
# What electors are called to: "appelés aux urnes", "appelés à élire, à voter".
_POLLS = frozenset({"urne", "elire", "voter", "scrutin", "election"})


def _trigger(index: _Index, token: Token) -> str | None:
    """The CAMEO code ``token`` triggers, or None."""
    pos = token.pos
    lemma = token.lemma.lower()
    if (
        pos == "ADJ"
        and token.text.lower().endswith(("é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "is"))
        and not (token.text.lower().endswith(("que", "ques")) and not index.kids(token.i, "obj"))
    ):
        # "sera critique" is an adjective; "revendique l'attaque" a verb the tagger missed.
        # "a été condamné", "ont été tués": the tagger makes adjectives of passive participles.
        if _state(index, token):
            return None
        pos = "VERB"
        lemma = _participle_lemma(token.text.lower())
    if pos in _SLIPPED and index.kids(token.i, "aux:tense", "aux:pass"):
        # "ont violé le cessez-le-feu", the participle tagged an adverb; "ont massacré des
        # villageois", a pronoun
        pos = "VERB"
        if not lemma.endswith(("er", "ir", "re")):
            lemma = _participle_lemma(token.text.lower())
    if (
        pos == "NOUN"
        and token.dep == "ROOT"
        and index.kids(token.i, "nsubj")
        and not index.kids(token.i, "cop")
    ):
        # "l'aviation israélienne bombarde …": a root with a subject is a verb; but not one
        # with a copula: "les cheminots sont en grève" is the noun, a strike
        pos = "VERB"
    if pos not in ("VERB", "NOUN"):
        return None
    clitics = {index.tokens[c].text.lower() for c in index.children.get(token.i, [])}
    reflexive = bool(clitics & _THIRD_PERSON) or (
        bool(clitics & _OTHER_PERSONS) and _first_person_reflexive(index, token)
    )
    keys: list[tuple[str, str]] = []
    for form in _lemmas(token, lemma, pos):
        if reflexive:
            keys += [(f"se {form}", pos), (f"s'{form}", pos)]
        keys.append((form, pos))
    if pos == "VERB":
        reproof = _reproof(index, token, {fold(f) for f, _ in keys})
        if reproof is not None:
            return reproof
    table = lexicon()
    entries = [entry for key in keys for entry in table.get(key, ())]
    if not entries:
        return None  # most tokens: no need to read the filters below or the complements
    if (
        token.verb_form == "Part"
        and any(
            fold(t.text) in _DEGREE and t.i == token.i - 1 for t in index.kids(token.i, "advmod")
        )
        and not index.kids(token.i, "obl:agent")
    ):
        # "le référendum très contesté": a quality, not an act; "la décision a été très
        # critiquée par l'Allemagne" is one, its doer named.
        return None
    if pos == "NOUN" and not index.kids(token.i, "det") and _of_gear(index, token):
        return None  # "des avions de combat": a kind of aircraft, not a fight
    if lemma in ("appeler", "appelé") and _to_the_polls(index, token):
        return None  # "les Italiens étaient appelés aux urnes, à élire 630 députés": a vote
    if fold(lemma) in _FIGHTS and any(
        fold(a.lemma) in _FIGURATIVE for a in index.kids(token.i, "amod")
    ):
        return None  # "la bataille juridique", "une guerre commerciale": no force
    if fold(lemma) in _FIGHTS and pos == "NOUN" and _against_a_scourge(index, token):
        return None  # "le combat contre le terrorisme", "la guerre contre la drogue": a policy
    if lemma in ("appeler", "appelé") and token.tense != "Pres" and _bare_participle(index, token):
        # "le groupe appelé 13e division": named, not appealed to ("un discours appelant à
        # la paix", present, appeals)
        return None
    if lemma == "occuper" and any(
        fold(k.lemma) in _OFFICES for k in index.kids(token.i, "obj", "nsubj:pass")
    ):
        return None  # "occuper le poste de Premier ministre du pays": to hold an office
    if pos == "VERB" and lemma in ("frapper", "frappé") and not _blow(index, token):
        return None  # "le pays est frappé par la chute des cours du pétrole": no force
    if (lemma in ("viser", "visé") or lemma.startswith("cibl")) and not _struck(index, token):
        return None  # "la réforme vise à réduire …", "l'objectif vise …": an aim
    if {f for f, _ in keys} & {"rencontrer", "consulter"} and _met_a_thing(index, token):
        # "l'accord rencontre beaucoup d'opposition", "consulter un article": a difficulty
        # met, a text read; no one met or consulted
        return None
    if lemma == "déployer" and _displayed(index, token):
        return None  # "un écran géant était déployé", "ces dispositifs déployés": no force
    if lemma in ("financer", "financé") and _funds_a_thing(index, token):
        # "le programme, financé par la NASA", "pour financer sa campagne": spending on a
        # scheme, no aid given to a party
        return None
    if pos == "NOUN" and lemma == "entretien" and _interview(index, token):
        return None  # "dans son entretien, le ministre dresse un tableau": an interview
    if lemma == "menacer" and _endangered(index, token):
        return None  # "leur emploi, menacé par un plan social": in danger, no one threatened
    if reflexive and lemma == "abattre":
        return None  # "une série de taxes s'abat sur les Burundais": falls upon, no shot
    if reflexive and lemma in ("demander", "attendre", "appeler"):
        # "les analystes se demandent si …", "s'attendent à une hausse", "le parti
        # s'appelle Renaissance": they wonder, expect, are named; no one is asked
        return None
    if reflexive and lemma in ("réclamer", "arrêter"):
        # "les tueurs se sont réclamés de Daech": allegiance claimed, nothing demanded;
        # "le convoi s'est arrêté": it stopped, no one was arrested
        return None
    if lemma in ("proposer", "proposé") and any(
        fold(k.lemma) in _WARES for k in index.kids(token.i, "obj", "nsubj:pass")
    ):
        return None  # "Magento propose différents services": wares on sale, no offer
    if lemma in ("enlever", "enlevé") and _removed_a_thing(index, token):
        return None  # "enlever le marché", "enlever les barricades": won or removed
    if lemma in ("détenir", "détenu") and _share_held(index, token):
        return None  # "Amundi, détenu à 70 % par le Crédit agricole": owned, not held
    if lemma in ("arrêter", "détenir", "capturer", "capturé") and _a_thing(index, token):
        # "pour arrêter le carnage", "une somme détenue par des négociants": stopped or
        # held, no one arrested
        return None
    if lemma == "soutenir" and index.kids(token.i, "ccomp"):
        return None  # "le ministre soutient que la réforme est nécessaire": a claim

    if lemma in ("déplorer", "regretter") and _toll(index, token):
        # "l'Équateur déplore 21 morts", "regrette les pertes en vies humaines": a toll
        # counted or grief, no criticism
        return None
    if lemma == "sommet" and _top_of(index, token):
        return None  # "au sommet de l'État", "la tour, à son sommet": the top of a thing
    if lemma == "aide" and _means(index, token):
        return None  # "ont poursuivi le cargo à l'aide d'un avion": by means of, no aid
    if pos == "NOUN" and _case(index, token) == "selon":
        return None  # "selon une enquête de l'Associated Press": a source, not an act
    if (
        token.verb_form == "Part"
        and token.dep in ("amod", "acl")
        and all(code[:2] == "05" for _, code in entries)
        and not _dated(index, token)
        and not any(fold(m.text) == "en" for m in index.kids(token.i, "mark", "case"))
        and not any(_case(index, k) == "par" for k in index.kids(token.i, "obl:agent", "obl:mod"))
    ):
        # "une hausse soutenue", "un rythme soutenu", "des partis soutenant des bataillons":
        # a quality of the noun, no act of support (but the gerund "en s'alliant avec" is,
        # and so is a dated one: "la convention ratifiée en 1988")
        return None
    if lemma == "prévenir" and _inverted(index, token):
        return "130"  # "« … », a-t-il prévenu": a warning given, as "a averti"
    if (
        reflexive
        and lemma == "engager"
        and not index.kids(token.i, "xcomp")
        and any(
            _case(index, k) == "pour" and k.pos in ("PRON", "PROPN")
            for k in index.kids(token.i, "obl", "obl:arg", "obl:mod")
        )
    ):
        return "051"  # "s'est engagé pour lui", "pour Macron": campaigned for someone
    if reflexive and lemma == "défendre" and not _inverted(index, token):
        return None  # "« … », se défend le ministre" (words); "les soldats se sont défendus"
    if lemma == "défendre" and not reflexive and _defends_someone(index, token):
        return "052"  # "l'avocat l'a défendu", "a défendu son ministre": a person, in words
    if reflexive and lemma == "prononcer" and _vote_share(index, token):
        return None  # "se sont prononcés à 52 % en faveur de la sortie": a vote counted
    if fold(lemma) in _BALLOT_VERDICTS and _ballot_share(index, token):
        return None  # "le référendum approuve l'indépendance à 92,7 %": a result counted
    # Auxiliaries are no complement ("a gelé" is not "geler des avoirs"), nor is the doer
    # of a verb with an object ("les gouvernements ont reconnu leur implication"); the
    # subject of one without is what undergoes it ("une voiture a explosé").
    kids = [index.tokens[c] for c in index.children.get(token.i, [])]
    transitive = any(k.dep == "obj" for k in kids)
    complements = {
        k.lemma.lower()
        for k in kids
        if k.dep not in _AUXILIARIES and not (transitive and k.dep in _SUBJECT_DEPS)
    }
    if token.i + 1 < len(index.tokens):
        complements.add(index.tokens[token.i + 1].lemma.lower())
    if pos == "NOUN":
        # … and the noun a preposition right after a noun brings, which the parser may hang
        # on the verb: "a réaffirmé [leur opposition] [au projet]".
        after = _noun_after_preposition(index, token.i + 1)
        if after is not None:
            complements.add(after.lemma.lower())
    # The parser hangs a verb's complement on its object ("a suspendu [la présidente [de
    # ses fonctions]]", "accuse [le ministre [de corruption]]").
    complements.update(
        n.lemma.lower() for k in kids if k.dep == "obj" for n in index.kids(k.i, "nmod")
    )
    # … and the quality a verb of naming gives its object on the object's last word
    # ("a qualifié [le programme [du candidat [de dangereux]]]").
    complements.update(
        index.tokens[n].lemma.lower()
        for k in kids
        if k.dep == "obj"
        for n in _subtree(index, k.i)
        if index.tokens[n].pos == "ADJ" and _case(index, index.tokens[n]) in _DE
    )
    # … and a noun's second "de" complement on its first ("la sortie [du Portugal [de
    # l'Union européenne]]"), and a complement shared by nouns listed ("la réduction voire
    # l'interruption [d'aides]").
    if pos == "NOUN":
        complements.update(
            n.lemma.lower()
            for k in kids
            if k.dep in ("nmod", "conj")
            for n in index.kids(k.i, "nmod")
        )
    # A passive under a modal has its patient as the modal's subject: "onze accords ont
    # pu être trouvés", "la trêve doit être signée"; so has an infinitive with no object
    # an act it resumes or ends: "les négociations devraient reprendre" (not "le déficit
    # devrait baisser", a figure).
    if token.dep == "xcomp" and token.head != token.i:
        passive = any(k.dep == "aux:pass" for k in kids)
        complements.update(
            k.lemma.lower()
            for k in index.kids(token.head, *_SUBJECT_DEPS)
            if passive or (not transitive and (k.lemma.lower(), "NOUN") in table)
        )
    # So it hangs one on a prepositional complement: "mis en [garde [à vue]]" is an
    # arrest where "mis en garde" is a warning; "mis en [état [d'alerte]]", "[d'arrestation]";
    # "condamné à [cinq ans [de prison]]" a detention where "à cinq ans" says no more.
    holders = [k for k in kids if k.dep.startswith("obl")]
    holders += [n for k in kids if k.dep == "obj" for n in index.kids(k.i, "nmod")]
    complements.update(
        n.lemma.lower()
        for k in holders
        if k.lemma.lower() in _HOLDERS
        for n in index.kids(k.i, "nmod")
    )
    if (
        token.verb_form == "Part"
        and token.dep in ("acl", "amod")
        and token.head != token.i
        and any(_case(index, k) == "par" for k in kids if k.dep.startswith("obl"))
    ):
        # "le président Mohamed Morsi, renversé par l'armée": the noun a participle with
        # its agent qualifies (or the one it is in apposition to) is what is done to (not
        # "l'accord signé en 2015", a thing named by what was done to it).
        qualified = index.tokens[token.head]
        complements.add(qualified.lemma.lower())
        if qualified.dep in ("appos", "flat:name") and qualified.head != qualified.i:
            complements.add(index.tokens[qualified.head].lemma.lower())
    # An entry may need a subject ("quitter" with "sujet:troupe": troops leaving a country
    # withdraw); the doer, a complement of no other entry, is named so.
    complements.update(f"sujet:{k.lemma.lower()}" for k in kids if k.dep in _SUBJECT_DEPS)
    if (
        token.dep == "xcomp"
        and token.head != token.i
        and not any(k.dep in _ANY_SUBJECT for k in kids)
        and not any(k.dep == "aux:pass" for k in kids)
    ):
        # … which an infinitive shares with the verb it completes: "les troupes commencent à
        # quitter le pays".
        complements.update(
            f"sujet:{k.lemma.lower()}" for k in index.kids(token.head, *_SUBJECT_DEPS)
        )
    # … or an object ("prendre" with "obj:ville": "a pris la ville", not "a pris le bus
    # dans la ville"), or the subject of the passive.
    complements.update(f"obj:{k.lemma.lower()}" for k in kids if k.dep in ("obj", "nsubj:pass"))
    if (
        token.dep == "conj"
        and token.head != token.i
        and not any(k.dep in _SUBJECT_DEPS for k in kids)
    ):
        # "l'armée dicte son budget et a renversé le gouvernement": verbs joined share
        # their subject.
        complements.update(
            f"sujet:{k.lemma.lower()}" for k in index.kids(token.head, *_SUBJECT_DEPS)
        )
    if token.dep == "acl:relcl" and any(
        k.dep in _SUBJECT_DEPS and k.lemma.lower() == "qui" for k in kids
    ):
        # "les négociations qui ont échoué": the subject is the noun "qui" stands for.
        complements.add(f"sujet:{index.tokens[token.head].lemma.lower()}")
    # A plain verb made reflexive with its noun as subject is a middle voice: "les pressions
    # se sont accrues" is no one increasing pressure, as "a accru la pression" is.
    middle = reflexive and not any(table.get(k) for k in keys if k[0].startswith(("se ", "s'")))
    subjects = {k.lemma.lower() for k in kids if k.dep in _SUBJECT_DEPS} if middle else set()
    if fold(lemma) in _ORDERING:
        ordered = _ordered_act(index, token)
        if ordered is not None:
            return ordered
    for with_, code in entries:
        if with_ in subjects:
            continue
        if with_ == "volonté" and not any(
            _agrees_to_do(index, k) for k in index.kids(token.i, "obj") if k.lemma == with_
        ):
            continue  # "affirme sa volonté de négocier": the talks' own intent (036)
        if not with_ or with_ in complements:
            if code == "051" and _received_from_a_state(index, token):
                return "070"
            if lemma == "appeler" and code == "020" and not _to_something(index, token):
                # "a appelé son homologue chinois mardi": a telephone call; "celui qu'il
                # appelle le père de la démocratie": a name given
                return None if _relative_object(index, token) else "041"
            return code
    if lemma == "accepter" and _agrees_to_do(index, token):
        return "030"  # "26 pays ont accepté d'organiser des consultations": agreed to do
    return None


# Verbs of an authority ordering an act it has the power to have done (folded lemmas).
_ORDERING = frozenset({"ordonner", "decreter"})
# Roots of the acts an order may name that stay words: an order to appeal, demand or
# threaten is still one order.
_WORDS = frozenset({"01", "02", "10", "13"})


def _ordered_act(index: _Index, token: Token) -> str | None:
    """The code of the act an authority orders, named by the verb's noun object: "a
    ordonné la fermeture des médias" closes them (1721), "ordonne le retrait des troupes"
    withdraws them. The order is that act, done by whoever gave it (CAMEO codes the act,
    not the words: 100 is for orders to another party to do something)."""
    for obj in index.kids(token.i, "obj"):
        if obj.pos != "NOUN":
            continue
        code = _trigger(index, obj)
        if code is not None and code[:2] not in _WORDS:
            return code
    return None


def _agrees_to_do(index: _Index, token: Token) -> bool:
    """ "accepter de" do what holds no act of the lexicon ("a accepté de reprendre les
    négociations", "d'organiser des consultations" are the talks' own intent, 036)."""
    return any(
        k.verb_form == "Inf"
        and all(_trigger(index, index.tokens[n]) is None for n in _subtree(index, k.i))
        for k in index.kids(token.i, "xcomp", "acl")
    )


# What is met or consulted that is no party (folded lemmas): a difficulty, a text.
_MET_THINGS = frozenset(
    {"opposition", "difficulte", "probleme", "succes", "resistance", "obstacle", "echec",
     "hostilite", "ecueil", "echo", "article", "document", "site", "page", "texte",
     "fichier", "archive", "registre", "dossier", "liste", "carte", "resultat"}
)  # fmt: skip


# Scourges a policy fights (folded lemmas); and any "-isme" ("le terrorisme").
_SCOURGES = frozenset(
    {"corruption", "pauvrete", "criminalite", "fraude", "drogue", "trafic", "chomage",
     "impunite", "maladie", "epidemie", "changement", "rechauffement", "faim",
     "insecurite", "delinquance", "evasion", "blanchiment", "pollution", "discrimination"}
)  # fmt: skip


def _against_a_scourge(index: _Index, token: Token) -> bool:
    """A fight noun whose "contre" complement is a scourge, not a party."""
    for kid in index.kids(token.i, "nmod"):
        if _case(index, kid) == "contre":
            word = fold(kid.lemma)
            return word in _SCOURGES or (word.endswith("isme") and kid.pos == "NOUN")
    return False


def _of_gear(index: _Index, token: Token) -> bool:
    """The noun qualifies a vehicle or a tool ("des avions de combat"), also when the
    parser took the vehicle for another word ("un car de voyage", "car" a conjunction)."""
    if token.dep == "nmod" and fold(index.tokens[token.head].lemma) in _GEAR:
        return True
    if token.i < 2 or fold(index.tokens[token.i - 1].text) != "de":
        return False
    return fold(index.tokens[token.i - 2].text) in _GEAR


# What is deployed that is no force (folded lemmas): a display, a scheme, an effort.
_DISPLAYED = frozenset(
    {"ecran", "banderole", "drapeau", "affiche", "dispositif", "effort", "moyen", "mesure",
     "energie", "strategie", "programme", "politique", "plan", "reseau", "antenne",
     "technologie", "logiciel", "service", "parachute", "voile", "filet", "panneau"}
)  # fmt: skip


# Lands that receive aid as parties: "financer le pays", "la région" (folded).
_LANDS = frozenset({"pays", "etat", "region", "province", "ville", "commune", "territoire"})


def _acted_on(index: _Index, token: Token) -> Token | None:
    """What a verb acts on: its object, its passive subject, or the noun its participle
    qualifies ("le programme financé")."""
    found = index.kids(token.i, "obj", "nsubj:pass")
    if not found and token.dep in ("acl", "amod") and token.head != token.i:
        found = [index.tokens[token.head]]
    return found[0] if found else None


def _funds_a_thing(index: _Index, token: Token) -> bool:
    """What "financer" pays for is a thing (a programme, a campaign, an insurance): its
    object, its passive subject or the noun its participle qualifies is a common noun that
    names no party; aid (071) goes to a party ("finance les rebelles", "financé l'ONG")."""
    thing = _acted_on(index, token)
    if thing is None:
        return False
    if thing.pos != "NOUN":
        return False
    for name in [thing, *index.kids(thing.i, "appos", "flat:name", "nmod")]:
        entity = index.entity_of.get(name.i)
        if entity is not None and entity.type in ("PER", "ORG", "GPE"):
            return False  # "financer le groupe Hezbollah", "l'armée du Liban"
    lists = data.name_lists()
    lemma = fold(thing.lemma)
    return not (
        lemma in _LANDS
        or lemma in lists["people"]
        or lemma in lists["org_anaphor"]
        or lemma in lists["institution"]
        or lemma in data.role_head_words()
    )


def _displayed(index: _Index, token: Token) -> bool:
    """What "déployer" spreads is a thing or a scheme, not troops: its object, its passive
    subject, the noun its participle qualifies or the subject of the verb it hangs on
    ("ces dispositifs … devraient produire moins d'effets une fois déployés")."""
    patients = index.kids(token.i, "obj", "nsubj:pass")
    if not patients and token.head != token.i:
        head = index.tokens[token.head]
        patients = [head] if token.dep in ("acl", "amod") else index.kids(head.i, "nsubj")
        if not patients and head.dep == "conj" and head.head != head.i:
            patients = index.kids(head.head, "nsubj")  # "… ont connu … et devraient …"
    return bool(patients) and fold(patients[0].lemma) in _DISPLAYED


def _interview(index: _Index, token: Token) -> bool:
    """ "son entretien" with no one it was held with ("avec", "entre"): one person's
    interview, words to the press, not a meeting."""
    if any(_case(index, k) in ("avec", "entre") for k in index.kids(token.i, "nmod")):
        return False
    return any(fold(d.text) in ("son", "sa") for d in index.kids(token.i, "det"))


def _met_a_thing(index: _Index, token: Token) -> bool:
    """The object of "rencontrer" or "consulter" is a difficulty or a text."""
    objects = index.kids(token.i, "obj", "nsubj:pass")
    # "rencontre [beaucoup [d'opposition]]": the noun of a quantity
    objects += [
        n for a in index.kids(token.i, "advmod") for n in index.kids(a.i, "obl:arg", "nmod")
    ]
    return bool(objects) and fold(objects[0].lemma) in _MET_THINGS


def _endangered(index: _Index, token: Token) -> bool:
    """ "menacer" in the passive or as a participle with no "de" of what is threatened
    ("la population est menacée par l'épidémie", "leur emploi, menacé par un plan
    social"): a danger, not a threat (but "menacé de mort", "menacée de sanctions" are)."""
    auxiliaries = {k.dep for k in index.kids(token.i, *_AUXILIARIES)}
    bare = (
        token.verb_form == "Part"
        and token.tense == "Past"
        and not auxiliaries
        and token.dep in ("acl", "amod", "advcl", "appos")
    )
    if "aux:pass" not in auxiliaries and not bare:
        return False
    return not any(
        k.dep in ("xcomp", "ccomp")
        or (k.dep.startswith(("obl", "nmod")) and _case(index, k) in _DE)
        for k in (index.tokens[c] for c in index.children.get(token.i, []))
    )


# Words that date what they head: "en 1988", "le 18 mars 1962", "lundi".
_CALENDAR = frozenset(
    {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
     "samedi", "dimanche", "hier", "veille", "lendemain"}
)  # fmt: skip


def _dated(index: _Index, token: Token) -> bool:
    """A complement of the word gives a time: a year ("ratifiée en 1988"), a month or a
    day ("signés le 18 mars 1962")."""
    for kid in index.kids(token.i, "obl:mod", "obl", "nmod"):
        for i in _subtree(index, kid.i):
            word = index.tokens[i]
            if fold(word.lemma) in _CALENDAR:
                return True
            if word.pos == "NUM" and len(word.text) == 4 and word.text[:2] in ("19", "20"):
                return True
    return False


# What is stopped, held or captured (an image), not arrested (folded lemmas).
_THINGS = frozenset(
    {"carnage", "massacre", "combat", "guerre", "violence", "tuerie", "production",
     "construction", "travail", "programme", "processus", "projet", "progression",
     "avancee", "machine", "moteur", "vehicule", "traitement", "activite", "fabrication",
     "exportation", "vente", "somme", "dollar", "euro", "million", "milliard", "part",
     "action", "majorite", "record", "titre", "siege", "arme", "stock", "information",
     "donnee", "document", "preuve", "secret", "droit", "brevet", "capital", "compte",
     "fortune", "bien", "terre", "terrain", "participation", "cle", "passeport", "fonds",
     "tresor", "or", "argent", "carte", "licence", "monopole", "scene", "image", "moment",
     "instant", "photo", "video", "attention"}
)  # fmt: skip


def _a_thing(index: _Index, token: Token) -> bool:
    """The verb's object, or the noun its participle qualifies ("une somme détenue par"),
    is a thing ("arrêter le carnage", "détenir la majorité"), not a person."""
    held = index.kids(token.i, "obj", "nsubj:pass")
    if not held and token.dep in ("acl", "amod") and token.head != token.i:
        held = [index.tokens[token.head]]
    return bool(held) and held[0].pos == "NOUN" and fold(held[0].lemma) in _THINGS


# What a firm sells (folded): "propose différents services".
_WARES = frozenset(
    {"service", "produit", "gamme", "abonnement", "formule", "prestation", "logiciel",
     "application", "modele", "tarif", "forfait", "article", "menu", "vehicule"}
)  # fmt: skip
# Counts of people (folded): "une centaine de personnes".
_COUNTS = frozenset({"centaine", "dizaine", "millier", "vingtaine", "trentaine", "douzaine"})


def _removed_a_thing(index: _Index, token: Token) -> bool:
    """What "enlever" takes is a thing or a place, not a person: its object, its passive
    subject or the noun its participle qualifies is a common noun that names no one, or a
    country ("enlever le marché", "enlever les États clés")."""
    thing = _acted_on(index, token)
    if thing is None:
        return False
    if fold(thing.lemma) in _COUNTS:
        thing = next(iter(index.kids(thing.i, "nmod")), thing)  # "une centaine de personnes"
    entity = index.entity_of.get(thing.i)
    if entity is not None:
        return entity.type not in ("PER", "ORG")
    if thing.pos != "NOUN" or thing.text[:1].isupper():
        return False  # (a demonym: "un Français a été enlevé")
    lists = data.name_lists()
    lemma = fold(thing.lemma)
    return not (
        lemma in _COUNTS
        or lemma in lists["people"]
        or lemma in lists["person_title"]
        or lemma in data.role_head_words()
    )


def _share_held(index: _Index, token: Token) -> bool:
    """ "détient 30 % du capital", "détenu à 70 % par le Crédit agricole": a share owned."""
    shares = index.kids(token.i, "obj", "obl", "obl:arg", "obl:mod", "nsubj:pass")
    shares += [n for k in index.kids(token.i, "obj") for n in index.kids(k.i, "nmod")]
    return any(_percent(k) for k in shares)


def _to_something(index: _Index, token: Token) -> bool:
    """ "appeler" someone to do something or to come somewhere ("à la retenue", "à
    négocier", "à Paris", however far in the sentence), or to a clause: an appeal."""
    objects = index.kids(token.i, "obj", "iobj", "expl:comp")
    if not objects or index.kids(token.i, "xcomp", "ccomp"):
        return True  # (the parser may make "m'" of "m'appeler" an iobj or an expl:comp)
    end = index.parsed.sents[token.sent][1]
    for t in index.tokens[token.i + 1 : end]:
        if fold(t.text) in ("a", "au", "aux") and t.pos == "ADP":  # not the auxiliary "a"
            return True
        if t.pos == "VERB" and index.kids(t.i, "nsubj"):
            return False  # "m'appeler et ils vont ramener des emplois aux États-Unis"
    return False


def _relative_object(index: _Index, token: Token) -> bool:
    """The object is a relative "que": "celui qu'il appelle …"."""
    return any(fold(o.text) in ("que", "qu'", "qu’") for o in index.kids(token.i, "obj"))


# What a toll counts: "déplore 21 morts" (folded lemmas).
_CASUALTIES = frozenset(
    {"mort", "victime", "blesse", "deces", "perte", "disparu", "degat", "sinistre"}
)
# What has a top that is no summit meeting: "au sommet de l'État", "à son sommet".
_TOPPED = frozenset(
    {"etat", "pouvoir", "hierarchie", "tour", "montagne", "mont", "colline", "pyramide",
     "classement", "gloire", "carriere", "affiche", "immeuble", "batiment", "arbre", "pic"}
)  # fmt: skip


def _toll(index: _Index, token: Token) -> bool:
    """ "déplore 21 morts et 1 280 sinistrés": the object, or the next words (the parser
    may hang the count elsewhere), count casualties."""
    if any(fold(k.lemma) in _CASUALTIES for k in index.kids(token.i, "obj")):
        return True
    for word in index.tokens[token.i + 1 : token.i + 5]:
        if word.pos == "PUNCT" or word.sent != token.sent:
            return False
        if word.pos == "NOUN":
            return fold(word.lemma) in _CASUALTIES
    return False


def _top_of(index: _Index, token: Token) -> bool:
    """ "sommet" as the top of something: with a possessive ("à son sommet"), or of a
    thing that has a top ("au sommet de l'État"), not of the parties that meet ("le sommet
    de l'OTAN", "le sommet du G20")."""
    if any(fold(d.text) in ("son", "sa", "leur") for d in index.kids(token.i, "det")):
        return True
    return any(
        fold(k.lemma) in _TOPPED and _case(index, k) in _DE for k in index.kids(token.i, "nmod")
    )


def _received_from_a_state(index: _Index, token: Token) -> bool:
    """ "le groupe bénéficie du soutien de la Turquie": support a party receives from a
    state is aid (070), not words of praise (051)."""
    if token.pos != "NOUN":
        return False
    before = [t for t in index.tokens[max(0, token.i - 3) : token.i] if t.pos == "VERB"]
    if not any(fold(t.lemma) in _RECEIVING for t in before):
        return False
    for k in index.kids(token.i, "nmod"):
        entity = index.entity_of.get(k.i)
        if entity is not None and entity.type == "GPE" and _case(index, k) in ("de", "du", "des"):
            return True
    return False


def _state(index: _Index, token: Token) -> bool:
    """ "aux civils blessés", "dont 10 grièvement blessés": a participle the tagger calls an
    adjective, with no auxiliary, copula, agent or object, describes a state, not an act
    told ("revendique l'attaque" is a verb the tagger missed)."""
    kids = [index.tokens[c] for c in index.children.get(token.i, [])]
    return not any(
        k.dep.startswith("aux") or k.dep in ("cop", "obj") or _case(index, k) == "par" for k in kids
    )


def _struck(index: _Index, token: Token) -> bool:
    """ "viser" tells a target struck when an attack or an actor aims ("les talibans ont
    visé l'hôtel", "la frappe visait une position", "des attentats ayant visé les forces")
    or, passive with no agent, when someone was the target ("c'est lui qui était visé");
    not an aim ("vise à réduire", "l'objectif vise la suppression de postes", "les
    sanctions qui visent son économie")."""
    following = index.tokens[token.i + 1] if token.i + 1 < len(index.tokens) else None
    if index.kids(token.i, "xcomp", "ccomp") or (following and following.text == "à"):
        return False
    if index.kids(token.i, "aux:pass"):
        doers = index.kids(token.i, "obl:agent")
        if not doers:
            return True  # "c'est lui qui était visé"
    else:
        doers = index.kids(token.i, "nsubj")
        if token.dep in ("acl", "acl:relcl") and token.head != token.i:
            doers = [index.tokens[token.head]]
        if not doers:  # "appelé à viser la communauté copte"
            return token.verb_form == "Inf" and bool(index.kids(token.i, "obj"))
    doer = doers[0]
    if doer.pos == "PRON" or doer.i in index.entity_of:
        return True
    if fold(doer.lemma) in data.name_lists()["people"] or fold(doer.lemma) in _WEAPONS:
        return True  # "le véhicule a été visé par des tirs"
    if any(fold(a.lemma) in ("arme", "armer") for a in index.kids(doer.i, "amod", "acl")):
        return True  # "un groupe armé l'a ciblé", "des hommes armés ont visé le poste"
    code = _trigger(index, doer) if doer.pos == "NOUN" else None
    return code is not None and code[:2] in ("18", "19", "20")


def _blow(index: _Index, token: Token) -> bool:
    """ "frapper" tells force unless its doer is a misfortune, a hazard or an act of no
    violence ("le pays est frappé par la chute des cours", "la grève qui frappera la
    SNCF"), or its passive says what one is made subject to ("frappé d'une interdiction",
    "d'une amende"); "l'aviation a frappé", "frappé par une série d'attentats", "a été
    frappé à la tête" tell force."""
    kids = [index.tokens[c] for c in index.children.get(token.i, [])]
    agents = [k for k in kids if k.dep.startswith("obl") and _case(index, k) == "par"]
    passive = any(k.dep == "aux:pass" for k in kids) or (
        token.verb_form == "Part" and token.dep in ("acl", "amod")
    )
    if passive and not agents and any(_case(index, k) in _DE for k in kids):
        return False  # (the parser may make "d'interdiction" an object)
    if passive:
        doers = agents
    else:
        doers = [k for k in kids if k.dep == "nsubj"]
        if token.dep == "acl:relcl" and token.head != token.i:
            doers = [index.tokens[token.head]]
    if not doers:
        return True
    doer = doers[0]
    if fold(doer.lemma) in _SERIES:
        doer = next(iter(index.kids(doer.i, "nmod")), doer)
    if doer.pos != "NOUN" or doer.i in index.entity_of:
        return True
    lemma = fold(doer.lemma)
    if lemma in _MISFORTUNES or lemma in data.name_lists()["hazard"]:
        return False
    code = _trigger(index, doer)
    return code is None or code[:2] in ("18", "19", "20")


def _inverted(index: _Index, token: Token) -> bool:
    """A verb of speech placed after what is said: its subject follows it ("s'est défendu
    le ministre") or it hangs off the quotation ("se défend-il")."""
    subjects = index.kids(token.i, *_SUBJECT_DEPS)
    return token.dep == "parataxis" or any(s.i > token.i for s in subjects)


def _bare_participle(index: _Index, token: Token) -> bool:
    """A past participle with no auxiliary: "appelé X", "appelés à questionner"."""
    if token.verb_form != "Part" and token.pos != "ADJ":
        return False
    return not _has_auxiliary(index, token)


def _means(index: _Index, token: Token) -> bool:
    """ "à l'aide de" a thing: the locution of means (not "à l'aide de la Russie", the
    help of someone)."""
    after = index.tokens[token.i + 1] if token.i + 1 < len(index.tokens) else None
    if any(k.i in index.entity_of for k in index.kids(token.i, "nmod")):
        return False
    return (
        _case(index, token) == "a"
        and any(fold(d.text) in ("l'", "l’") for d in index.kids(token.i, "det"))
        and after is not None
        and fold(after.text) in ("de", "d'", "d’", "du", "des")
    )


def _first_person_reflexive(index: _Index, token: Token) -> bool:
    """A clitic of the subject's own person: "nous nous sommes arrêtés", "je me rends"."""
    kids = [index.tokens[c] for c in index.children.get(token.i, [])]
    subjects = {fold(k.text) for k in kids if k.dep in ("nsubj", "nsubj:pass")}
    for k in kids:
        if k.pos != "PRON" or k.dep not in ("obj", "iobj", "expl:comp", "expl:pv", "expl:pass"):
            continue
        word = fold(k.text)
        if (
            word in ("nous", "vous")
            and word in subjects
            and k.i > min((s.i for s in kids if fold(s.text) == word), default=k.i)
        ):
            return True
        if any(word in _REFLEXIVE_OF.get(subject, ()) for subject in subjects):
            return True
    return False


def _to_the_polls(index: _Index, token: Token) -> bool:
    """People called to vote: "appelés aux urnes", "appelés à élire leurs députés"."""
    if not index.kids(token.i, "aux:pass") and token.verb_form != "Part":
        return False
    return any(fold(k.lemma) in _POLLS for k in index.kids(token.i, "obl:arg", "obl:mod", "xcomp"))


# Verbs by which one judges or says what a thing is ("estime que c'est inacceptable", "juge
# la décision scandaleuse"), folded; and the words of the judgement that make it
# disapproval (111) or concern (110).
_JUDGING = frozenset(
    {"estimer", "juger", "considerer", "trouver", "declarer", "dire", "affirmer", "ajouter",
     "ecrire", "qualifier"}
)  # fmt: skip
_REPROOF = {
    **dict.fromkeys(
        ("inacceptable", "inadmissible", "intolerable", "scandaleux", "honteux", "deplorable",
         "indigne", "inqualifiable", "odieux", "revoltant", "choquant", "ignoble", "abject",
         "irresponsable", "lamentable", "injustifiable", "inexcusable", "insupportable",
         "indecent", "illegitime", "inique"),
        "111",
    ),
    **dict.fromkeys(("inquietant", "preoccupant", "alarmant"), "110"),
}  # fmt: skip


def _reproof(index: _Index, token: Token, forms: set[str]) -> str | None:
    """ "estime qu'un refus serait « totalement inacceptable »", "a jugé la décision
    scandaleuse", "a déclaré que la situation était préoccupante": a verb of judging or
    saying whose clause or attribute is a word of reproof disapproves (111), or of concern
    voices it (110); the judge is its subject."""
    if not forms & _JUDGING:
        return None
    for kid in index.kids(token.i, "ccomp", "xcomp", "conj", "parataxis"):
        if kid.pos != "ADJ" or fold(kid.lemma) not in _REPROOF:
            continue
        # (the parser may join the words quoted to their verb: "a déclaré : « Que le parquet
        # fasse … est profondément déplorable »", a predicate with its copula)
        if kid.dep in ("ccomp", "xcomp") or index.kids(kid.i, "cop"):
            return _REPROOF[fold(kid.lemma)]
    if not forms & _ATTRIBUTING:
        return None
    # The parser hangs the attribute on the object: "juge [cette attaque inacceptable]".
    for kid in index.kids(token.i, "obj", "xcomp"):
        last = index.tokens[max(_subtree(index, kid.i))]
        if last.pos == "ADJ" and last.head == kid.i and fold(last.lemma) in _REPROOF:
            return _REPROOF[fold(last.lemma)]
    return None


# Verbs whose object takes an attribute ("juge la décision scandaleuse"), folded.
_ATTRIBUTING = frozenset({"estimer", "juger", "considerer", "trouver", "qualifier"})
# Those one defends in words (folded lemmas of the object): "a défendu son ministre".
_DEFENDED = frozenset(
    {"ministre", "president", "presidente", "collegue", "candidat", "candidate",
     "gouvernement", "dirigeant", "allie", "homologue", "chef", "premier"}
)  # fmt: skip
# Object clitics of persons: "l'avocat l'a défendu".
_PERSON_CLITICS = frozenset({"le", "la", "l'", "l’", "les"})


def _defends_someone(index: _Index, token: Token) -> bool:
    """ "défendre" a person (a clitic object, or a minister, a candidate …): defended in
    words (052), not a town or a right defended (military or policy)."""
    for k in index.kids(token.i, "obj"):
        if k.pos == "PRON" and k.text.lower() in _PERSON_CLITICS and k.i < token.i:
            return True
        if k.pos == "NOUN" and fold(k.lemma) in _DEFENDED:
            return True
    return False


# What a ballot does to what is put to the vote, folded: "approuvé à 52 %", "rejeté à 59 %".
_BALLOT_VERDICTS = frozenset({"approuver", "approuve", "rejeter", "rejete", "adopter", "adopte"})


def _ballot_share(index: _Index, token: Token) -> bool:
    """ "approuve l'indépendance à 92,7 %", the share on the verb or, as the parser may
    hang it, on the object: a ballot's result."""
    obliques = index.kids(token.i, "obl", "obl:arg", "obl:mod")
    if any(_percent(k) for k in index.kids(token.i, "nsubj")):
        return True  # "59 % des Italiens ont rejeté les réformes"
    shares = [k for k in obliques if _case(index, k) == "a"]
    shares += [
        n
        for o in index.kids(token.i, "obj")
        for n in index.kids(o.i, "nmod")
        if _case(index, n) == "a"
    ]
    # "à hauteur de 72 %"
    shares += [n for k in obliques if fold(k.lemma) == "hauteur" for n in index.kids(k.i, "nmod")]
    return any(_percent(k) for k in shares)


def _percent(token: Token) -> bool:
    return token.text == "%" or fold(token.lemma) == "pourcent"


def _vote_share(index: _Index, token: Token) -> bool:
    """ "les électeurs se sont prononcés à 52 %": a vote, its share told."""
    return any(_percent(k) for k in index.kids(token.i, "obl", "obl:arg", "obl:mod"))


def _lemmas(token: Token, lemma: str, pos: str) -> list[str]:
    """The lemma, then what the lemmatizer should have said of a present-tense -er verb it
    keeps as written ("signe", "bombardent" → "signer", "bombarder"; "tue" is not "taire")."""
    forms = [lemma]
    if pos == "VERB":
        word = token.text.lower()
        for ending in ("ent", "es", "e"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                forms.append(word[: -len(ending)] + "er")
                break
    return forms


# Prepositions that bring a noun's complement: "opposition au projet", "attentat à la
# voiture piégée".
_NOUN_PREPOSITIONS = frozenset({"a", "au", "aux", "de", "du", "des", "d'", "contre"})


def _noun_after_preposition(index: _Index, i: int) -> Token | None:
    """The noun after the preposition at ``i`` and its determiner, if any."""
    tokens = index.tokens
    if i >= len(tokens) or tokens[i].pos != "ADP" or fold(tokens[i].text) not in _NOUN_PREPOSITIONS:
        return None
    i += 1
    if i < len(tokens) and tokens[i].pos == "DET":
        i += 1
    if i < len(tokens) and tokens[i].pos == "NOUN" and tokens[i].sent == tokens[i - 1].sent:
        return tokens[i]
    return None
