"""Events: triggers from a French lexicon, coded CAMEO and PLOVER, with actors, negation,
date, place and the evidence sentence.

A trigger is a verb or a noun of ``event_lexicon.tsv`` ("rencontrer", "vidéoconférence",
"signer un accord", "campagne militaire", "sanctions"). Around it:

- source and target come from the parse: subject and object, "avec", "contre", "à",
  the passive agent "par"; for a noun, its "de" complement or possessive (the subject of
  the clause it sits in) and its "contre"/"avec"/"à"/"en" complements; each resolved to
  an Analysis entity, or to a generic actor given by a role ("les rebelles", "l'armée
  syrienne" → SYRMIL) or a region adjective ("occidentales" → WST);
- negation and refusal ("n'a pas signé", "a refusé de condamner") set ``negated``; an
  act governed by an intention verb ("veut rencontrer", "une invitation à se rendre à")
  is coded as the intention (03x) or, for force, as a threat (13x);
- the date is the time expression of the trigger's own clause (not of a relative clause
  inside it), else the publication date, and ``date_from`` says which;
- the place is the location phrase of the clause or the destination of a visit.

QuadClass follows GDELT's mapping of roots: 01-04 verbal cooperation (1), 05-08 material
cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4). (Phoenix puts
root 16, reduce relations, in verbal conflict; veille keeps GDELT's so that its export
reads like GDELT.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from veille import data
from veille.clean import find_marked
from veille.data import fold
from veille.events.actors import _actors
from veille.events.base import (
    _DE,
    _INTENT_OF_CODE,
    _INTENT_OF_ROOT,
    _PASSIVE_SUBJECT,
    BASE_CONFIDENCE,
    _Actor,
    _case,
    _definite,
    _heads,
    _Index,
    _subtree,
)
from veille.events.codes import (
    codebook,
    lexicon,
    plover_of,
    quad_class,
)
from veille.events.context import (
    _block_role,
    _date,
    _intention,
    _negated,
    _place,
)
from veille.events.localise import _anyone, _localised
from veille.events.passes import (
    _CIRCUMSTANCE,
    _QUANTITIES,
    _absorbed,
    _appeals_for,
    _in_role,
    _incitements,
    _killed_by_attacks,
    _licensed,
    _own_act,
    _policy_done,
    _proposed_changes,
    _purpose,
    _pushed,
    _threats_of,
    _urged,
)
from veille.events.phrases import _actor_of, _from_entity, _generic_actor, members, series
from veille.events.sides import two_sides
from veille.events.triggers import _dated, _trigger
from veille.model import Article, Entity, Event, Quote, Timex
from veille.nlp import Parsed, Token

__all__ = ["codebook", "extract_events", "lexicon", "plover_of", "quad_class"]


def extract_events(
    parsed: Parsed,
    article: Article,
    entities: Sequence[Entity],
    timexes: Sequence[Timex],
    quotes: Sequence[Quote] = (),
) -> tuple[Event, ...]:
    """The events of one article, in text order, ids v1, v2, …"""
    index = _Index(parsed, article, entities, quotes)
    quoted = [(m.start, m.end) for m in find_marked(parsed.text)]
    triggers: dict[int, str] = {}
    for token in index.tokens:
        coded = _trigger(index, token)
        if coded is None:
            continue
        if any(s <= token.start < e for s, e in quoted) and not _own_act(index, token):
            continue  # words inside a quotation are the speaker's, coded as a quote
        if _in_role(index, token):
            continue  # "commandant des opérations militaires russes": a title, not an act
        if _licensed(index, token):
            continue  # "ils ont le droit de manifester": an act allowed, not done
        if _policy_done(index, token, coded):
            continue  # "a supprimé la taxe": home policy done, which CAMEO leaves
        triggers[token.i] = coded
    _incitements(index, triggers)
    _urged(index, triggers)
    _proposed_changes(index, triggers)
    _appeals_for(index, triggers)
    _pushed(index, triggers)
    _threats_of(index, triggers)
    _killed_by_attacks(index, triggers)
    found: list[tuple[Event, bool]] = []  # each record, and whether a noun told it
    told: set[tuple[int, str, str]] = set()  # (sentence, root, doer) of verb records
    for i, coded in triggers.items():
        if _absorbed(index, i, triggers):
            continue
        if _purpose(index, i, triggers):
            continue
        noun = parsed.tokens[i].pos == "NOUN"
        records = _events(index, parsed.tokens[i], coded, timexes, len(found) + 1)
        if noun and _definite(index, parsed.tokens[i]):
            records = [_as_told_before(r, [f for f, _ in found]) for r in records]
        if not noun:
            told.update((r.start, r.root, _doer_key(r)) for r in records)
        found.extend((r, noun) for r in records)
    # "il accuse l'élection d'être truquée, une accusation inédite", "il les avait reçus
    # … lors de l'entretien": a noun that names again, in the sentence, the act a verb told
    # of the same doer is that act, told once.
    # So is a noun of cooperation (02-08) of no doer beside a verb of the same root that
    # has one: "un émissaire envoyé par l'ONU pour tenter la voie du dialogue avec le
    # Burundi" (not violence: "a revendiqué des attaques, dont un attentat-suicide").
    doers = {(start, root) for start, root, doer in told if doer}
    kept = [
        r
        for r, noun in found
        if not (
            noun
            and (
                (_doer_key(r) and (r.start, r.root, _doer_key(r)) in told)
                or (not _doer_key(r) and r.root <= "08" and (r.start, r.root) in doers)
            )
        )
    ]
    # "La destitution a été votée par 61 voix pour sa destitution": one act noun named
    # twice in a sentence, with no side told differently, is one act.
    named: list[Event] = []
    for r, noun in found:
        first = next((other for other in named if _again(r, other)), None) if noun else None
        if first is not None and r in kept:
            kept.remove(r)
            if first.target_actor is None and r.target_actor is not None and first in kept:
                # "… voté par 61 voix pour sa destitution": the second names whom.
                fuller = replace(
                    first,
                    target=r.target,
                    target_actor=r.target_actor,
                    target_country=r.target_country,
                )
                kept[kept.index(first)] = fuller
                named[named.index(first)] = fuller
        elif noun:
            named.append(r)
    return tuple(replace(r, id=f"v{n}") for n, r in enumerate(kept, start=1))


def _as_told_before(record: Event, before: Sequence[Event]) -> Event:
    """ "la Russie a commencé sa campagne militaire en Ukraine en février 2022 … Pékin a
    refusé de condamner l'offensive de la Russie contre son voisin": an act noun with the
    definite article that the text does not date names again the act of the same root
    and doer told before with a date; it has that date (not the day of publication, which
    would make it a second, later act) and, if it names none, that act's target. When
    acts told before of that root and doer have different dates, which one is meant is
    not said, and the record keeps its own."""
    if record.date_from != "published" or record.source_country is None:
        return record
    told = [
        other
        for other in before
        if other.date_from == "text"
        and other.start < record.start
        and other.root == record.root
        and other.source_country == record.source_country
        and record.target_country in (None, other.target_country)
    ]
    if not told or len({other.date for other in told}) > 1:
        return record
    other = told[-1]
    return replace(
        record,
        date=other.date,
        precision=other.precision,
        date_from=other.date_from,
        target=record.target or other.target,
        target_actor=record.target_actor or other.target_actor,
        target_country=record.target_country or other.target_country,
    )


def _again(record: Event, before: Event) -> bool:
    """The record tells again, by the same noun, the act of a record before it."""
    if (record.start, record.root, fold(record.trigger)) != (
        before.start,
        before.root,
        fold(before.trigger),
    ):
        return False
    sides = (
        (record.source_actor, before.source_actor),
        (record.target_actor, before.target_actor),
    )
    return all(a is None or b is None or a == b for a, b in sides)


def _doer_key(record: Event) -> str:
    return record.source or record.source_actor or ""


def _events(
    index: _Index, trigger: Token, code: str, timexes: Sequence[Timex], number: int
) -> list[Event]:
    """The records of one trigger: one per source when several act together ("condamné
    par François Fillon, François Hollande … ou encore l'ONU")."""
    trigger = index.tokens[trigger.i]  # as the index reads the parse
    negated = _negated(index, trigger)
    if code[:2] in ("18", "19", "20") and _natural(index, trigger):
        return []  # "le tremblement de terre qui a tué …", "sera frappée par la tempête"
    if (
        _intention(index, trigger)
        and code[:2] in _INTENT_OF_ROOT
        and not (code == "051" and _announced(index, trigger))
    ):
        # Announcing one's support is giving it ("a annoncé soutenir le candidat"): no
        # intent, as "promet de soutenir" is.
        code = _INTENT_OF_CODE.get(code) or _INTENT_OF_ROOT[code[:2]]
    if code in ("040", "043") and trigger.lemma == "convoquer" and not _guest(index, trigger):
        return []  # "a convoqué des élections": no one summoned
    if code == "036" and trigger.lemma == "attendre" and not _expected_guest(index, trigger):
        return []  # "le résultat est attendu à 21 h": no one is coming
    if code == "043" and not _guest(index, trigger):
        return []  # "a reçu un prix", "a accueilli l'annonce avec scepticisme": no visit
    if (
        code[:2] in ("03", "07", "12") or (code[:2] == "11" and trigger.lemma != "accuser")
    ) and _attributive(index, trigger):
        # "les réformes proposées", "le budget rejeté", "les emplois aidés", "trois jeunes
        # soupçonnés de vol", "l'ex-présidente destituée": what the thing or the person is,
        # told again or by hearsay; but "la présidente, accusée de corruption" tells the
        # charge she faces, an accusation made
        return []
    if code[:2] == "18" and trigger.lemma in ("attaquer", "attaque") and _tackled(index, trigger):
        return []  # "s'attaque au chômage", "à la corruption": a problem tackled, no violence
    if code[:2] == "18" and trigger.lemma in ("attaquer", "attaque") and _in_words(index, trigger):
        code = "111"  # "les candidats s'attaquaient personnellement", "a protesté en s'attaquant à"
    if code == "042" and _home_bound(index, trigger):
        return []  # "alors qu'il se rendait à son domicile", "s'est rendu chez lui"
    if code[:2] == "12" and _rival(index, trigger):
        return []  # "deux coalitions s'opposaient à lui": a rival in a race, no rejection
    if _faced(index, trigger):
        return []  # "il a eu à affronter les attentats": one lives through them, no fight
    if _prevented(index, trigger):
        return []  # "l'accord empêche les rebelles d'être condamnés": it does not happen
    if code[:2] in ("18", "19", "20") and _victim_named(index, trigger):
        return []  # "un jihadiste tué en Syrie", "le policier tué": who, not what happened
    source, target = _actors(index, trigger, code)
    if (
        code[:2] == "15"
        and trigger.pos == "VERB"
        and not (source.named or source.party or source.country)
        and (target.named or target.party)
    ):
        # "l'armée a été mise en état d'alerte", "des troupes ont été déployées": the force
        # that shows its posture is the doer, whoever gave the order.
        source, target = target, _Actor()
    if code[:2] == "04" and _crowd(index, source) and (code == "042" or not target.named):
        return []  # "des milliers de personnes se sont réunies", "les secouristes se rendent"
    if code in ("040", "041") and (target.actor_code or "").endswith("MED"):
        return []  # "en entrevue avec BFM TV", "s'est entretenu avec Le Monde": an interview
    if code[:2] == "09" and (source.actor_code or "").endswith("MED"):
        return []  # "une enquête du quotidien allemand Bild": reporting, not an inquiry
    if code[:2] == "09" and _about_a_hazard(index, trigger):
        return []  # "une enquête a été ouverte sur les causes de l'accident"
    if target.site and code[:2] not in ("17", "18", "19", "20"):
        target = _Actor()  # a building is no party to words or visits, only to force
    local = _local_country(index, trigger, code)
    if code[:2] == "17" and _anyone(index, target, trigger.i):
        # "douze personnes ont été arrêtées": who was held, the text does not say
        target = replace(target, unaligned=True)
    target = _localised(index, target, patient=True, local=local)
    source = _localised_doer(index, source, code, target, local)
    if code[:2] == "18" and code[:3] not in ("181", "182") and _armed_force(source):
        # An attack by an army or a police is the use of conventional force; but an
        # abduction, a rape, a beating or a torture is no act of war, whoever commits it.
        code = "190"
    if code[:2] in ("18", "19") and _less_lethal(index, trigger):
        code = "175"  # "ont riposté par des grenades assourdissantes": crowd control
    if (
        code == "180"
        and (_fighters(source) or (source.actor_code or "").endswith(("REB", "INS")))
        and (_armed_force(target) or _combatants(index, target))
    ):
        code = "190"  # "l'État islamique a attaqué les forces kurdes": armed men fight
    if code == "180" and trigger.lemma in _KILL and _combatants(index, target):
        code = "190"  # "un djihadiste tué en Syrie", "ont tué l'assaillant": a fighter killed
    if code == "174" and _fighters(target) and not _some_of(index, target):
        code = "190"  # "Daech a été expulsé de la ville": driven out by force, no deportation
    if (
        source.actor_code is None
        and not source.unaligned  # "un kamikaze": someone of no side, but someone
        and target.actor_code is None
        and trigger.pos == "NOUN"
        and not _happened(index, trigger, code)
    ):
        return []  # a noun with no actor at all is a topic, not an event
    sources = [
        source,
        *(
            _localised_doer(index, a, code, target, local)
            for a in _coordinated(index, trigger, source)
        ),
    ]
    for actor in [
        *_conjoined(index, trigger, source),
        *members(index, source),
        *_listed(index, source),
        *([target] if two_sides(index, trigger, code) else []),
    ]:
        actor = _localised_doer(index, actor, code, target, local)
        if not any(_same(actor, other) for other in sources):
            sources.append(actor)
    # "en dénonçant le régime et ses alliés russes et iraniens": one record per target.
    targets = [target]
    for actor in members(index, target):
        actor = _localised(index, actor, patient=True, local=local)
        if not any(_same(actor, other) or _alike(actor, other) for other in targets):
            targets.append(actor)
    # "Le Canada et le Mexique ont signé": in a joint act each is the other's partner.
    pairs = [
        (actor, source if n and _same(actor, other) else other)
        for n, actor in enumerate(sources)
        for other in targets
    ]
    return [
        _event(index, trigger, code, negated, actor, other, timexes, number + n)
        for n, (actor, other) in enumerate(pairs)
    ]


def _about_a_hazard(index: _Index, trigger: Token) -> bool:
    """The sentence of an inquiry names an accident or a disaster: what is investigated is
    no actor's political act."""
    start, end = index.parsed.sents[trigger.sent]
    hazards = data.name_lists()["hazard"]
    return any(fold(t.lemma) in hazards for t in index.tokens[start:end])


def _crowd(index: _Index, actor: _Actor) -> bool:
    """People named as a crowd ("des partisans", "des milliers de personnes"), with no
    name, office or country; or counted by the thousand, whatever their country ("des
    milliers de Catalans se sont rendus dans les bureaux de vote")."""
    if actor.entity is not None or actor.token is None:
        return False
    lemma = fold(index.tokens[actor.token].lemma)
    if actor.code is not None:
        return lemma in _MASSES
    return lemma in data.name_lists()["crowd"]


# Nouns counting people in a mass: what the mass does together is no party's act.
_MASSES = frozenset({"millier", "centaine", "dizaine", "foule"})


def _local_country(index: _Index, trigger: Token, code: str) -> str | None:
    """The country of the place the clause names for the act; not for a visit, where it
    is the destination, not where the visitor is from. "" for a city abroad in a country
    the article does not name: no country, not the article's."""
    if code[:2] == "04" or code == "036":
        return None
    where = _place(index, trigger)
    if where is None or where.country is None:
        return None
    # A city's country only when the article names that country too (a gazetteer reads
    # "Bayonne" as the American one as readily as the French).
    named = any(p.label == "country" and p.key == where.country for p in index.parsed.places)
    if named:
        return where.country
    # A city no namesake of which lies in the article's country is abroad ("à Bruxelles,
    # des centaines de manifestants" in an article about Canada): who acts there unnamed
    # is of no country the text tells ("").
    home = index.home
    namesakes = data.cities().get(fold(where.name), ())
    if where.geonames_id is not None and home and all(c.country != home for c in namesakes):
        return ""
    return None


def _localised_doer(
    index: _Index, actor: _Actor, code: str, target: _Actor, local: str | None = None
) -> _Actor:
    """The doer, of the article's country when no other is stated; but who travels to a
    place of that country is not taken to be of it for want of a stated one ("Le pape
    François a visité Auschwitz", "Jamal Benomar devrait se rendre au Burundi")."""
    localised = _localised(index, actor, local=local)
    place = target.entity is not None and target.entity.type in ("GPE", "LOC")
    visitor = code in ("042", "036") and place and actor.country is None
    # "Le premier ministre a rendu visite à son homologue indien": a counterpart is of
    # another country than the one who deals with them.
    counterpart = target.token is not None and fold(index.tokens[target.token].text) in (
        "homologue",
        "homologues",
    )
    if (visitor or counterpart) and actor.country is None:
        return actor if localised.country == target.country else localised
    return localised


def _expected_guest(index: _Index, trigger: Token) -> bool:
    """Who "est attendu à Alger" is someone: a person, a body or a pronoun standing for
    one, not a thing ("le résultat du vote est attendu à 21 h")."""
    for subject in index.kids(trigger.i, "nsubj", "nsubj:pass"):
        if subject.pos != "NOUN" or subject.i in index.entity_of:
            return True
        return _names_a_party(index, subject)
    return True


def _guest(index: _Index, trigger: Token) -> bool:
    """A host receives someone: the object of "recevoir", "accueillir" is a person, a body
    or a pronoun standing for one (or there is no object: "le Caire accueille")."""
    objects = index.kids(trigger.i, "obj")
    if len(objects) > 1 and fold(objects[0].text) in _RELATIVE_OBJECT:
        # "révélé que Fillon a reçu 45 000 euros": "que" is the conjunction, not the object
        objects = objects[1:]
    if not objects:
        # "le pays reçoit de moins en moins d'aide": a partitive the parser makes oblique
        objects = [
            k
            for k in index.kids(trigger.i, "obl:mod", "obl")
            if k.pos == "NOUN" and _case(index, k) in ("d'", "de", "des", "du")
        ][:1]
    if not objects or fold(objects[0].text) in _RELATIVE_OBJECT:
        # "le référendum qu'il a lui-même convoqué": the noun the relative pronoun stands
        # for (read from the words: the parser often hangs "qu'" elsewhere).
        before = index.tokens[max(0, trigger.i - 6) : trigger.i]
        pronoun = next((t for t in before if fold(t.text) in _RELATIVE_OBJECT), None)
        if pronoun is not None and pronoun.i > 0 and index.tokens[pronoun.i - 1].pos == "NOUN":
            objects = [index.tokens[pronoun.i - 1]]
    if not objects or objects[0].pos == "PRON":
        return True
    guest = objects[0]
    entity = index.entity_of.get(guest.i)
    if entity is not None:
        return entity.type in ("PER", "ORG", "GPE")
    # The head noun, not a name in its complement ("une cape brodée du Liban").
    return _names_a_party(index, guest)


def _home_bound(index: _Index, trigger: Token) -> bool:
    """A trip to one's own home or work, no visit: "se rendait à son domicile", "à son
    bureau", "chez lui"."""
    for k in index.kids(trigger.i, "obl:arg", "obl:mod", "obl"):
        if _case(index, k) == "chez" and fold(k.text) in _SELF:
            return True
        if fold(k.lemma) in _HOMES and any(fold(d.text) in _OWN for d in index.kids(k.i, "det")):
            return True
    return False


_SELF = frozenset({"lui", "elle", "eux", "elles", "soi"})
_OWN = frozenset({"son", "sa", "ses", "leur", "leurs"})
_HOMES = frozenset(
    {"domicile", "maison", "appartement", "logement", "residence", "bureau", "travail",
     "villa", "famille"}
)  # fmt: skip


def _tackled(index: _Index, trigger: Token) -> bool:
    """What "attaquer" (or "s'attaquer à") takes on is a social ill or a problem, not a
    party or a place: "le gouvernement s'attaque au chômage"."""
    return any(
        fold(k.lemma) in _ILLS for k in index.kids(trigger.i, "obj", "obl:arg", "obl:mod", "obl")
    )


def _in_words(index: _Index, trigger: Token) -> bool:
    """ "attaquer" said of words: "personnellement", "verbalement", or the manner of an act
    of speech or protest ("a protesté en s'attaquant au fondateur de l'association")."""
    after = index.tokens[trigger.i + 1 : trigger.i + 3]
    if any(fold(k.text) in _VERBALLY for k in [*index.kids(trigger.i, "advmod"), *after]):
        return True  # (the parser may hang the adverb on another: "personnellement plutôt")
    if trigger.dep not in ("advcl", "conj", "xcomp", "obl:mod") or trigger.head == trigger.i:
        return False
    if not any(fold(m.text) == "en" for m in index.kids(trigger.i, "mark", "case")):
        return False
    return fold(index.tokens[trigger.head].lemma) in _SPEAKING


_VERBALLY = frozenset({"personnellement", "verbalement", "publiquement", "nommement"})
_SPEAKING = frozenset(
    {"protester", "critiquer", "denoncer", "declarer", "repondre", "reagir", "repliquer",
     "affirmer", "estimer", "accuser", "s'indigner", "indigner", "fustiger", "ecrire"}
)  # fmt: skip


# Problems and social ills one sets out to tackle (folded lemmas).
_ILLS = frozenset(
    {"chomage", "corruption", "pauvrete", "probleme", "fraude", "deficit", "dette",
     "inflation", "inegalite", "racisme", "discrimination", "insecurite", "delinquance",
     "criminalite", "pollution", "cause", "evasion", "precarite", "obesite", "misere",
     "antisemitisme", "homophobie", "sexisme", "gaspillage", "abus", "question", "defi"}
)  # fmt: skip


def _names_a_party(index: _Index, noun: Token) -> bool:
    """A common noun names people or a body with an actor code ("des manifestants", "le
    ministre"), not a thing ("un prix", "le résultat")."""
    actor = _generic_actor(index, noun, _subtree(index, noun.i))
    return actor.people or actor.code is not None


_RELATIVE_OBJECT = frozenset({"que", "qu'", "qu’"})
# Verbs whose object took place: counted ("on comptait 15 000 manifestants") or lived
# through ("le département a connu la plus grosse manifestation", "a subi une attaque").
_COUNTING = frozenset(
    {"compter", "denombrer", "recenser", "reunir", "rassembler", "connaitre", "subir", "essuyer"}
)
# Verbs whose object, a protest, was set off: "la réforme a suscité des protestations",
# "a déclenché des manifestations" (an explosion provoked is its doer's act).
_SET_OFF = frozenset({"provoquer", "susciter", "declencher", "eveiller", "entrainer"})


def _happened(index: _Index, noun: Token, code: str) -> bool:
    """Violence, coercion or a protest told as a thing that happened, doer unknown:
    "L'attentat a eu lieu à Viranşehir", "Les interpellations ont eu lieu", "La
    manifestation … s'est déroulée" — the noun is the subject of its clause, or the clause
    itself; so is a truce: "Le cessez-le-feu est entré en vigueur". (Not an inquiry:
    "l'enquête n'est pas terminée" tells no act.)"""
    if code[:2] not in ("14", "17", "18", "19", "20") and code != "0871":
        return False
    if any(t.lemma == "ce" for t in index.kids(noun.i, "det")):
        return False  # "Cette attaque n'a pas été la seule": an act told before
    head = index.tokens[noun.head]
    if noun.dep == "nmod" and fold(head.lemma) in _QUANTITIES:
        # "Une série d'attaques terroristes a eu lieu", "des centaines de manifestants"
        noun, head = head, index.tokens[head.head]
    if noun.dep == "obj" and fold(head.lemma) in _COUNTING:
        return True  # "On comptait plus de 15 000 manifestants à Cayenne"
    if noun.dep in ("obj", "obl:arg") and code[:2] == "14" and fold(head.lemma) in _SET_OFF:
        return True  # "des tentatives qui ont éveillé des protestations"
    if _case(index, noun) in _CIRCUMSTANCE or fold(head.text) in _CIRCUMSTANCE:
        return True  # "126 personnes sont mortes dans un attentat", "lors de l'assaut"
    if _suffered(index, noun):
        return True  # "a été victime d'une tentative d'assassinat", "la cible d'une attaque"
    if fold(head.lemma) in _SURVIVED and _case(index, noun) in ("a", "au", "aux"):
        return True  # "il avait échappé à une tentative d'assassinat", "a survécu à l'attaque"
    said = _trigger(index, head) if noun.dep != "ROOT" else None
    if said is not None and not said.startswith("01"):
        return False  # "Ce double attentat a été condamné": the condemnation is the act
    return noun.dep in ("nsubj", "nsubj:pass", "ROOT")


def _suffered(index: _Index, noun: Token) -> bool:
    """The act is what someone was the victim or the target of: "a été victime lundi soir,
    aux alentours de 21 h 30, d'une tentative d'assassinat" (the parser may hang the act on
    a nearer noun of the clause)."""
    if noun.dep not in _HUNG or _case(index, noun) not in _DE:
        return False
    kid = noun
    for head in _heads(index, noun, 3):
        if fold(head.lemma) in _SUFFERED:
            return True
        if kid.dep not in _HUNG:
            return False
        kid = head
    return False


# What one is of an act done to one: "victime d'un attentat", "la cible d'une attaque".
_SUFFERED = frozenset({"victime", "cible"})
_HUNG = frozenset({"nmod", "obl:arg", "obl:mod"})
# Verbs of an act lived through: "a échappé à un attentat", "a survécu à l'attaque".
_SURVIVED = frozenset({"echapper", "survivre", "rechapper"})


def _natural(index: _Index, trigger: Token) -> bool:
    """The doer of the violence is a natural disaster or an accident: a hazard noun in its
    subject or agent, in the "de" complement of its noun ("une explosion de méthane"), or
    in the noun phrase its participle or relative clause qualifies."""
    hazards = data.name_lists()["hazard"]
    anchors = index.kids(trigger.i, "nsubj", "obl:agent") + [
        k for k in index.kids(trigger.i, "obl:arg", "obl:mod") if _case(index, k) == "par"
    ]  # (the agent the parser may call a complement: "sera frappé par la tempête")
    if trigger.pos == "NOUN":
        # "une explosion de méthane", "l'explosion d'une mine de charbon": what blew up
        anchors += [k for k in index.kids(trigger.i, "nmod") if _case(index, k) in _DE]
    verb = trigger
    while verb.dep in ("acl", "acl:relcl", "amod", "conj") and verb.head != verb.i:
        verb = index.tokens[verb.head]
        anchors.append(verb)
        if verb.dep == "nmod" and verb.head != verb.i:
            anchors.append(index.tokens[verb.head])
            break
        if verb.pos in ("NOUN", "PRON", "PROPN"):
            break
    return any(
        fold(index.tokens[i].lemma) in hazards for a in anchors for i in _subtree(index, a.i)
    )


# Weapons of crowd control, by the word that makes them so: "gaz lacrymogène", "grenade
# assourdissante" or "de désencerclement", "balle en caoutchouc", "canon à eau".
_LESS_LETHAL = frozenset(
    {"lacrymogene", "lacrymogenes", "assourdissant", "assourdissante", "caoutchouc",
     "desencerclement", "flash-ball", "flashball", "lbd"}
)  # fmt: skip


def _less_lethal(index: _Index, trigger: Token) -> bool:
    """The force is used with weapons of crowd control, named in the trigger's object or
    complement ("ont tiré des balles en caoutchouc", "ont riposté par des grenades
    assourdissantes", "à coups de gaz lacrymogène"): the repression of a crowd (175), not
    an act of war."""
    words = {
        fold(index.tokens[i].lemma)
        for k in index.kids(trigger.i, "obj", "obl:arg", "obl:mod", "nmod")
        for i in _subtree(index, k.i)
    }
    return bool(words & _LESS_LETHAL) or {"canon", "eau"} <= words


def _attributive(index: _Index, trigger: Token) -> bool:
    """A past participle that qualifies a noun with no auxiliary and no agent ("les
    réformes proposées visaient…", "le plan de budget maintenant rejeté"): it names the
    thing by what was done to it, it does not report the act."""
    if trigger.dep not in ("amod", "acl") or trigger.head == trigger.i:
        return False
    if index.tokens[trigger.head].pos != "NOUN":
        return False
    if trigger.pos != "ADJ" and (trigger.verb_form != "Part" or trigger.tense != "Past"):
        return False
    kids = [index.tokens[c] for c in index.children.get(trigger.i, [])]
    if any(k.dep.startswith(("aux", "cop", "nsubj")) for k in kids):
        return False
    return not any(k.dep.startswith("obl") and _case(index, k) == "par" for k in kids)


def _announced(index: _Index, trigger: Token) -> bool:
    """ "a annoncé soutenir": an infinitive governed by "annoncer"."""
    head = index.tokens[trigger.head]
    return trigger.verb_form == "Inf" and head.i != trigger.i and head.lemma == "annoncer"


def _faced(index: _Index, trigger: Token) -> bool:
    """ "affronter" an act of violence ("a eu à affronter les trois attentats qu'a connus
    le pays", "affronter une vague d'attaques"): the attacks are the act, told by their
    noun; facing them is no fighting."""
    if fold(trigger.lemma) != "affronter":
        return False
    for noun in index.kids(trigger.i, "obj", "obl:arg"):
        if fold(noun.lemma) in _QUANTITIES:
            noun = next(iter(index.kids(noun.i, "nmod")), noun)
        if (_trigger(index, noun) or "")[:2] in ("18", "19", "20"):
            return True
    return False


def _rival(index: _Index, trigger: Token) -> bool:
    """ "s'opposer à" a person ("deux coalitions s'opposaient à lui", "a dû s'opposer à
    Bernie Sanders"): one stands against a rival, in a race or in politics at large; what
    CAMEO codes as a rejection is opposing a thing proposed or done ("s'oppose aux
    mesures", "s'opposait à cette option")."""
    if fold(trigger.lemma) != "opposer":
        return False
    for k in index.kids(trigger.i, "obl:arg", "iobj"):
        if k.pos == "PRON" and fold(k.text) in _PERSONS:
            return True
        entity = index.entity_of.get(k.i)
        if entity is not None and entity.type == "PER":
            return True
    return False


# Personal pronouns of the third person that stand for persons after "à".
_PERSONS = frozenset({"lui", "elle", "eux", "elles"})


def _prevented(index: _Index, trigger: Token) -> bool:
    """The infinitive of "empêcher quelqu'un de …", "éviter de …": what is kept from
    happening (also a passive one the parser hangs on the object: "empêchent [les
    rebelles [d'être condamnés]]")."""
    infinitive = trigger.verb_form == "Inf" or any(
        a.verb_form == "Inf" for a in index.kids(trigger.i, "aux:pass")
    )
    if not infinitive or trigger.head == trigger.i:
        return False
    head = index.tokens[trigger.head]
    if head.dep == "obj" and trigger.dep == "acl" and head.head != head.i:
        head = index.tokens[head.head]
    return fold(head.lemma) in ("empecher", "eviter")


def _victim_named(index: _Index, trigger: Token) -> bool:
    """A participle of violence that qualifies a person with no date and no count ("les
    parents d'un jihadiste tué en Syrie", "hommage au policier tué"): the person is named
    by what befell them, told before or elsewhere; "trois personnes tuées" (a toll) and
    "Hafsa Mossi, assassinée le 13 juillet 2016" (dated) report it."""
    if not _attributive(index, trigger) or index.kids(trigger.i, "obj"):
        return False
    if _dated(index, trigger):
        return False
    return not index.kids(trigger.head, "nummod")


def _fighters(actor: _Actor) -> bool:
    """An army, rebels, insurgents or an armed group ("l'armée syrienne", "les
    djihadistes", Daech)."""
    code = actor.actor_code or ""
    return code.startswith("IMG") or code[3:6] in ("MIL", "REB", "INS")


# Verbs of killing, and the persons whose killing is fighting, not terror or crime: the
# armed (folded lemmas).
_KILL = frozenset({"tuer", "abattre", "éliminer", "neutraliser"})
_COMBATANTS = frozenset(
    {"djihadiste", "jihadiste", "terroriste", "rebelle", "insurge", "combattant", "milicien",
     "assaillant", "agresseur", "guerillero"}
)  # fmt: skip


def _combatants(index: _Index, actor: _Actor) -> bool:
    """An armed group ("les rebelles", Daech), or fighters or attackers by what they do
    ("un djihadiste", "l'assaillant"); not an army, whose men terrorists kill too."""
    code = actor.actor_code or ""
    if code.startswith("IMG") or code[3:6] in ("REB", "INS") or code.endswith(("REB", "INS")):
        return True
    return actor.token is not None and fold(index.tokens[actor.token].lemma) in _COMBATANTS


def _some_of(index: _Index, actor: _Actor) -> bool:
    """ "des membres présumés du PKK", "des militants de l'EI": persons of a group, whom a
    state expels as it deports anyone, not the group driven out by force."""
    if actor.token is None:
        return False
    head = index.tokens[actor.token]
    counted = index.kids(head.i, "nmod")  # "plusieurs dizaines de membres"
    return any(fold(t.lemma) in _PERSONS_OF for t in (head, *counted))


_PERSONS_OF = frozenset(
    {"membre", "militant", "partisan", "sympathisant", "suspect", "individu", "ressortissant"}
)


def _armed_force(actor: _Actor) -> bool:
    """An army or a police: "l'armée égyptienne" (EGYMIL), "la police" (COP)."""
    code = actor.actor_code or ""
    return code.endswith(("MIL", "COP")) or code[3:6] in ("MIL", "COP")


def _coordinated(index: _Index, trigger: Token, source: _Actor) -> list[_Actor]:
    """The other actors listed with the source in its phrase: "condamné par diverses
    personnalités comme François Fillon, François Hollande, Marine Le Pen … ou encore
    l'ONU" (the parser hangs such lists in several pieces, so the whole phrase is read);
    names in a complement only qualify ("le ministre de la Défense de la Russie")."""
    if source.entity is None:
        return []
    start, end = index.parsed.sents[trigger.sent]
    mine = [i for i in range(start, end) if index.entity_of.get(i) is source.entity]
    if not mine:
        return []
    root = index.tokens[mine[0]]
    for _ in range(12):  # up to the head of the phrase the source is listed in
        if root.dep not in ("conj", "flat:name", "nmod", "appos") or root.head == root.i:
            break
        if root.dep == "nmod" and _case(index, root) in _DE:
            break
        root = index.tokens[root.head]
    members: dict[int, list[int]] = {}
    for i in _subtree(index, root.i):
        entity = index.entity_of.get(i)
        if (
            entity is not None
            and entity is not source.entity
            and entity.type in ("PER", "ORG", "GPE")
        ):
            members.setdefault(id(entity), []).append(i)
    found: list[_Actor] = []
    for tokens in members.values():
        # The name's head word (the one whose head lies outside the name) tells its role.
        head = next(
            (index.tokens[i] for i in tokens if index.tokens[i].head not in tokens),
            index.tokens[tokens[0]],
        )
        if _case(index, head) not in ("", "comme", "par"):
            continue  # "commandant des opérations en Ukraine": a complement, not a member
        if _in_complement(index, head, root):
            continue  # "les islamistes Chabab du groupe Al-Shabbaab": the same, qualified
        if min(tokens) > 0 and index.tokens[min(tokens) - 1].text == "(":
            continue  # "Le groupe État islamique (Daech)": another name of the same
        found.append(_from_entity(index.entity_of[tokens[0]]))
    return found


def _listed(index: _Index, actor: _Actor) -> list[_Actor]:
    """ "le soutien de la Turquie, de l'Arabie saoudite et du Qatar", "parrainées par la
    Turquie et la Russie": the names listed after a complement actor with the same
    preposition (or none), read from the words (the parser scatters such lists)."""
    if actor.entity is None or actor.token is None:
        return []
    case = _case(index, index.tokens[actor.token])
    if case not in _LIST_CASES:
        return []
    tokens, last = index.tokens, actor.token
    while last + 1 < len(tokens) and index.entity_of.get(last + 1) is actor.entity:
        last += 1
    found: list[_Actor] = []
    seen = {id(actor.entity)}
    sentence_end = index.parsed.sents[tokens[actor.token].sent][1]
    for _ in range(12):
        k = last + 1
        if k >= sentence_end or tokens[k].text not in (",", "et", "ou"):
            break
        k += 1 if tokens[k].text != "," or tokens[k + 1].text not in ("et", "ou") else 2
        if k < sentence_end and fold(tokens[k].text) in _LIST_CASES:
            if _CASE_FAMILY.get(fold(tokens[k].text)) != _CASE_FAMILY.get(case):
                break
            k += 1
        if k < sentence_end and tokens[k].pos == "DET":
            k += 1
        entity = index.entity_of.get(k) if k < sentence_end else None
        if entity is None or entity.type not in ("PER", "ORG", "GPE") or id(entity) in seen:
            break
        if tokens[k].dep in ("nsubj", _PASSIVE_SUBJECT):
            break  # "Critiqué par Moscou, Washington a maintenu …": the next clause's subject
        seen.add(id(entity))
        found.append(_from_entity(entity))
        last = k
        while last + 1 < sentence_end and index.entity_of.get(last + 1) is entity:
            last += 1
    return found


_CASE_FAMILY = {
    "de": "de",
    "du": "de",
    "des": "de",
    "d'": "de",
    "d’": "de",
    "par": "par",
    "entre": "entre",
}
_LIST_CASES = frozenset(_CASE_FAMILY)


def _in_complement(index: _Index, token: Token, root: Token) -> bool:
    """A word on the way up from ``token`` to ``root`` is a "de" complement."""
    if token.i == root.i:
        return False
    for head in _heads(index, token, 12):
        if head.i == root.i:
            return False
        if _case(index, head) in _DE:
            return True
    return False


def _conjoined(index: _Index, trigger: Token, source: _Actor) -> list[_Actor]:
    """ "défait par l'armée irakienne et les milices chiites alliées": the actors
    coordinated with the subject or agent, bodies without a name included."""
    if source.actor_code is None:
        return []
    if trigger.pos == "VERB":
        doers = [t for t in index.kids(trigger.i, "obl:agent") if _case(index, t) == "par"]
        doers = doers or index.kids(trigger.i, "nsubj")
    else:
        doers = [t for t in index.kids(trigger.i, "nmod") if _case(index, t) in ("de", "du", "des")]
    found = []
    for doer in doers[:1]:
        for conj in series(index, doer):
            actor = _actor_of(index, conj)
            if actor.actor_code is not None or actor.party:
                found.append(actor)
    return found


def _alike(one: _Actor, other: _Actor) -> bool:
    """ "deux passants et un policier": people of one country named by no name are one
    party to the act."""
    return one.entity is None and other.entity is None and one.country == other.country


def _same(one: _Actor, other: _Actor) -> bool:
    if one.entity is not None or other.entity is not None:
        return one.entity is other.entity
    return one.actor_code is not None and one.actor_code == other.actor_code


def _event(
    index: _Index,
    trigger: Token,
    code: str,
    negated: bool,
    source: _Actor,
    target: _Actor,
    timexes: Sequence[Timex],
    number: int,
) -> Event:
    tokens = index.tokens
    entry = codebook().get(code) or codebook()[code[:2]]
    root = entry.root
    sentence_start, sentence_end = index.parsed.sents[trigger.sent]
    last = sentence_end - 1
    while last > sentence_start and tokens[last].pos == "SPACE":
        last -= 1
    start, end = tokens[sentence_start].start, tokens[last].end
    date, precision, date_from = _date(index, trigger, timexes, _intention(index, trigger))
    location = _place(index, trigger)
    confidence = BASE_CONFIDENCE + 0.2 * (source.actor_code is not None)
    confidence += 0.2 * (target.actor_code is not None) + 0.1 * (len(code) >= 3)
    confidence += 0.1 * (date_from == "text")
    return Event(
        id=f"v{number}",
        cameo=code,
        root=root,
        quad_class=quad_class(root),
        goldstein=entry.goldstein,
        plover=plover_of(code),
        source=source.entity.id if source.entity else None,
        target=target.entity.id if target.entity else None,
        source_actor=source.actor_code,
        target_actor=target.actor_code,
        source_country=source.country,
        target_country=target.country,
        negated=negated,
        date=date,
        precision=precision,  # type: ignore[arg-type]
        date_from=date_from,  # type: ignore[arg-type]
        location=location,
        trigger=index.parsed.text[trigger.start : trigger.end],
        sentence=index.parsed.text[start:end],
        start=start,
        end=end,
        block_role=_block_role(index.article, trigger.start),
        confidence=round(min(confidence, 1.0), 2),
    )
