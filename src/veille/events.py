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

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from veille import data
from veille.clean import find_marked
from veille.data import fold
from veille.entities import sector_of_role
from veille.model import Article, BlockRole, Entity, Event, Location, Timex
from veille.nlp import Parsed, Token
from veille.places import location_of

_SUBJECT_DEPS = frozenset({"nsubj", "expl:subj"})
_PASSIVE_SUBJECT = "nsubj:pass"
# Intentions of force are threats (13x), of anything else intents (03x).
_INTENT_OF_ROOT = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "09": "039",
    "18": "138",
    "19": "138",
    "20": "138",
    "17": "137",
    "16": "136",
    "15": "134",
    "14": "133",
}
# Confidence, from the evidence the record holds: a trigger alone is weak; named actors
# on both sides and a specific code make a record an analyst can use as is.
BASE_CONFIDENCE = 0.4


@dataclass(frozen=True, slots=True)
class Code:
    cameo: str
    name: str
    root: str
    goldstein: float


@cache
def codebook() -> dict[str, Code]:
    return {
        row["cameo_code"]: Code(
            row["cameo_code"], row["name"], row["root_code"], float(row["goldstein"] or 0)
        )
        for row in data.read_table("cameo_event_codes.tsv")
    }


@cache
def plover() -> dict[str, str]:
    """CAMEO code → PLOVER event type (CAMEO2PLOVER-2021, CC BY-SA 4.0)."""
    result = {}
    for line in data.read_text("cameo2plover.txt").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line.strip())
        if match:
            result[match.group(1)] = match.group(2)
    return result


@cache
def lexicon() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(lemma, POS) → [(required complement lemma or "", code)], specific entries first."""
    table: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in data.read_rows("event_lexicon.tsv"):
        lemma, pos, code = row[0], row[1], row[2]
        with_ = row[3] if len(row) > 3 else ""
        table.setdefault((lemma, pos), []).append((with_, code))
    for entries in table.values():
        entries.sort(key=lambda e: e[0] == "")
    return table


def quad_class(root: str) -> int:
    number = int(root)
    return 1 if number <= 4 else 2 if number <= 8 else 3 if number <= 13 else 4


def plover_of(code: str) -> str | None:
    table = plover()
    for length in (len(code), 3, 2):
        if code[:length] in table:
            return table[code[:length]]
    return None


class _Index:
    def __init__(self, parsed: Parsed, article: Article, entities: Sequence[Entity]) -> None:
        self.parsed = parsed
        self.tokens = parsed.tokens
        self.article = article
        self.children: dict[int, list[int]] = {}
        for t in parsed.tokens:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t.i)
        self.home = _home_country(entities)
        self.entity_of: dict[int, Entity] = {}
        starts = [t.start for t in parsed.tokens]
        for entity in entities:
            for m in entity.mentions:
                first = bisect.bisect_right(starts, m.start) - 1
                last = bisect.bisect_right(starts, m.end - 1) - 1
                for i in range(max(first, 0), last + 1):
                    self.entity_of.setdefault(i, entity)

    def kids(self, i: int, *deps: str) -> list[Token]:
        return [self.tokens[c] for c in self.children.get(i, []) if self.tokens[c].dep in deps]


def _home_country(entities: Sequence[Entity]) -> str | None:
    """The country the article is about: the most mentioned one (people and
    organisations of no stated country are taken to be of it)."""
    counts: dict[str, int] = {}
    for entity in entities:
        if entity.type == "GPE" and entity.country:
            counts[entity.country] = counts.get(entity.country, 0) + len(entity.mentions)
    return max(counts, key=lambda c: counts[c]) if counts else None


@dataclass(slots=True)
class _Actor:
    entity: Entity | None = None
    code: str | None = None  # actor code when there is no entity ("SYRMIL", "WST")
    country: str | None = None
    party: bool = False  # a noun phrase names a party, but no entity, role or country

    @property
    def actor_code(self) -> str | None:
        if self.code is not None:
            return self.code
        return self.entity.actor_code if self.entity is not None else None


def extract_events(
    parsed: Parsed,
    article: Article,
    entities: Sequence[Entity],
    timexes: Sequence[Timex],
) -> tuple[Event, ...]:
    """The events of one article, in text order, ids v1, v2, …"""
    index = _Index(parsed, article, entities)
    quoted = [(m.start, m.end) for m in find_marked(parsed.text)]
    triggers: dict[int, str] = {}
    for token in parsed.tokens:
        coded = _trigger(index, token)
        if coded is None or any(s <= token.start < e for s, e in quoted):
            continue  # words inside a quotation are the speaker's, coded as a quote
        if _in_role(index, token):
            continue  # "commandant des opérations militaires russes": a title, not an act
        triggers[token.i] = coded
    found: list[Event] = []
    for i, coded in triggers.items():
        if _absorbed(index, i, triggers):
            continue
        found.extend(_events(index, parsed.tokens[i], coded, timexes, len(found) + 1))
    return tuple(found)


def _in_role(index: _Index, token: Token) -> bool:
    head = index.tokens[token.head]
    return token.pos == "NOUN" and head.i != token.i and fold(head.text) in data.role_head_words()


def _absorbed(index: _Index, i: int, triggers: dict[int, str]) -> bool:
    """One act, one record: "a adressé une invitation à se rendre" is one 036, and "a
    refusé de condamner" one negated 111 (the refused act carries the record)."""
    token = index.tokens[i]
    head = index.tokens[token.head]
    # A noun object of a trigger of the same code ("adresser une invitation").
    if head.i != i and head.i in triggers and triggers[head.i][:2] == triggers[i][:2]:
        return True
    # A trigger whose infinitive complement is a trigger: the complement is the act.
    for child in index.children.get(i, []):
        kid = index.tokens[child]
        if child in triggers and kid.verb_form == "Inf" and kid.dep in ("xcomp", "acl", "ccomp"):
            return True
    # The act inside an invitation or intention already coded by its governing noun.
    return head.i in triggers and token.verb_form == "Inf" and triggers[head.i].startswith("03")


def _trigger(index: _Index, token: Token) -> str | None:
    """The CAMEO code ``token`` triggers, or None."""
    pos = token.pos
    lemma = token.lemma.lower()
    if pos == "ADJ" and token.text.lower().endswith(
        ("é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "is")
    ):
        # "a été condamné", "ont été tués": the tagger makes adjectives of passive participles.
        pos = "VERB"
        lemma = re.sub(r"(é|ée|és|ées)$", "er", token.text.lower())
    if pos not in ("VERB", "NOUN"):
        return None
    reflexive = any(
        index.tokens[c].text.lower() in ("se", "s'", "s’") for c in index.children.get(token.i, [])
    )
    keys = [(f"se {lemma}", pos), (f"s'{lemma}", pos)] if reflexive else []
    keys.append((lemma, pos))
    complements = {index.tokens[c].lemma.lower() for c in index.children.get(token.i, [])}
    if token.i + 1 < len(index.tokens):
        complements.add(index.tokens[token.i + 1].lemma.lower())
    for key in keys:
        for with_, code in lexicon().get(key, ()):
            if not with_ or with_ in complements:
                return code
    return None


def _events(
    index: _Index, trigger: Token, code: str, timexes: Sequence[Timex], number: int
) -> list[Event]:
    """The records of one trigger: one per source when several act together ("condamné
    par François Fillon, François Hollande … ou encore l'ONU")."""
    negated = _negated(index, trigger)
    if _intention(index, trigger) and code[:2] in _INTENT_OF_ROOT:
        code = _INTENT_OF_ROOT[code[:2]]
    source, target = (_localised(index, a) for a in _actors(index, trigger, code))
    if source.actor_code is None and target.actor_code is None and trigger.pos == "NOUN":
        return []  # a noun with no actor at all is a topic, not an event
    sources = [source, *(_localised(index, a) for a in _coordinated(index, trigger, source))]
    return [
        _event(index, trigger, code, negated, actor, target, timexes, number + n)
        for n, actor in enumerate(sources)
    ]


def _coordinated(index: _Index, trigger: Token, source: _Actor) -> list[_Actor]:
    """Actors coordinated with the source in the trigger's sentence."""
    if source.entity is None:
        return []
    start, end = index.parsed.sents[trigger.sent]
    mine = {i for i in range(start, end) if index.entity_of.get(i) is source.entity}
    found: list[_Actor] = []
    seen = {id(source.entity)}
    for i in range(start, end):
        token = index.tokens[i]
        entity = index.entity_of.get(i)
        if entity is None or id(entity) in seen or token.dep != "conj":
            continue
        head = token.head
        for _ in range(12):  # up the chain of conjuncts to its first member
            if head in mine:
                seen.add(id(entity))
                found.append(_from_entity(entity))
                break
            if index.tokens[head].dep != "conj" and index.tokens[head].dep not in ("flat:name",):
                break
            head = index.tokens[head].head
    return found


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
    date, precision, date_from = _date(index, trigger, timexes)
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


# -- negation and intention -----------------------------------------------------------


def _negated(index: _Index, trigger: Token) -> bool:
    """ "n'a pas signé", "a refusé de condamner", "sans condamner"."""
    words = {index.tokens[c].text.lower() for c in index.children.get(trigger.i, [])}
    if words & {"pas", "jamais", "plus", "aucun", "aucune", "sans"}:
        return True
    head = index.tokens[trigger.head]
    refusals = data.name_lists().get("refusal", frozenset())
    return head.i != trigger.i and fold(head.lemma) in refusals


def _intention(index: _Index, trigger: Token) -> bool:
    """ "veut rencontrer", "a annoncé vouloir se rendre", "une invitation à se rendre"."""
    if trigger.tense == "Fut" or any(
        index.tokens[c].tense == "Fut" and index.tokens[c].dep.startswith("aux")
        for c in index.children.get(trigger.i, [])
    ):
        return True  # "quitteront", "rencontrera"
    head = index.tokens[trigger.head]
    if head.i == trigger.i:
        return False
    if trigger.verb_form == "Inf" and head.lemma == "aller" and head.tense == "Pres":
        return True  # "va rencontrer"
    intents = data.name_lists().get("intention", frozenset())
    if trigger.verb_form == "Inf" and fold(head.lemma) in intents:
        return True
    return trigger.verb_form == "Inf" and head.lemma in ("invitation", "proposition", "projet")


# -- actors -------------------------------------------------------------------------------


def _actors(index: _Index, trigger: Token, code: str) -> tuple[_Actor, _Actor]:
    if trigger.pos == "ADJ":
        # A passive participle the tagger calls an adjective: "ont été tués", "les
        # manifestants interpellés": the patient is its subject or the noun it qualifies.
        patients = index.kids(trigger.i, *_SUBJECT_DEPS, _PASSIVE_SUBJECT)
        head = index.tokens[trigger.head]
        patient = patients[0] if patients else (head if trigger.dep in ("amod", "acl") else None)
        agents = [
            t
            for t in index.kids(trigger.i, "obl:agent", "obl:arg", "obl:mod")
            if _case(index, t) == "par"
        ]
        source = _actor_of(index, agents[0]) if agents else _Actor()
        target = _actor_of(index, patient) if patient is not None else _Actor()
        return source, target
    if trigger.pos == "VERB":
        subjects = index.kids(trigger.i, *_SUBJECT_DEPS)
        passive = index.kids(trigger.i, _PASSIVE_SUBJECT)
        objects = index.kids(trigger.i, "obj")
        agents = [
            t
            for t in index.kids(trigger.i, "obl:agent", "obl:arg", "obl:mod")
            if _case(index, t) == "par"
        ]
        source = (
            _actor_of(index, agents[0]) if passive and agents else _clause_subject(index, trigger)
        )
        target = (
            _actor_of(index, passive[0])
            if passive
            else (_actor_of(index, objects[0]) if objects else _Actor())
        )
        if not subjects and not passive and source.actor_code is None:
            source = _clause_subject(index, trigger)
    else:
        source = _noun_source(index, trigger)
        target = _Actor()
    if target.actor_code is None:
        target = _prepositional_target(index, trigger, code)
    head = index.tokens[trigger.head]
    if (
        target.actor_code is None
        and trigger.pos == "NOUN"
        and head.pos == "VERB"
        and (trigger.dep == "obj" or trigger.dep.startswith("obl"))
    ):
        # "a commencé sa campagne militaire en Ukraine": the verb's complements count.
        target = _prepositional_target(index, head, code)
    if target.actor_code is None:
        target = _partner(index, trigger, source)
    if (
        target.actor_code is None
        and trigger.pos == "NOUN"
        and not _has_case(index, trigger, "contre")
    ):
        target = _other_actor(index, trigger, source)
    if target.entity is None and target.code and target.code.endswith("?"):
        # "son homologue chinois": the counterpart holds the source's sector.
        sector = source.entity.sector if source.entity is not None else None
        target = _Actor(code=(target.country or "") + (sector or ""), country=target.country)
    if source.entity is not None and source.entity is target.entity:
        target = _Actor()  # an actor does not act on itself here; the parse erred
    return source, target


def _has_case(index: _Index, token: Token, case: str) -> bool:
    return any(_case(index, index.tokens[c]) == case for c in index.children.get(token.i, []))


def _partner(index: _Index, trigger: Token, source: _Actor) -> _Actor:
    """ "Vladimir Poutine et Xi Jinping posent … lors de leur rencontre": the other of two
    subjects (or coordinated subjects) is the other side of a joint act."""
    if source.entity is None:
        return _Actor()
    verb = trigger
    while verb.pos not in ("VERB", "AUX") and verb.head != verb.i:
        verb = index.tokens[verb.head]
    subjects = index.kids(verb.i, *_SUBJECT_DEPS)
    for subject in [*subjects, *(c for s in subjects for c in index.kids(s.i, "conj"))]:
        actor = _actor_of(index, subject)
        if actor.entity is not None and actor.entity is not source.entity:
            return actor
    return _Actor()


def _localised(index: _Index, actor: _Actor) -> _Actor:
    """An actor of no stated country belongs to the country the article is about: "les
    forces de sécurité", "un homme armé d'un couteau" in an article about one country."""
    if actor.party and actor.actor_code is None and index.home is not None:
        return _Actor(code=index.home, country=index.home)
    if actor.actor_code is None or actor.country is not None or index.home is None:
        return actor
    if actor.entity is not None and actor.entity.type not in ("PER", "ORG"):
        return actor
    if (
        actor.entity is not None
        and actor.entity.actor_code
        and actor.entity.actor_code[:3]
        in (
            "IGO",
            "NGO",
            "IMG",
            "INT",
            "MNC",
        )
    ):
        return actor
    code = actor.code if actor.entity is None else actor.entity.sector
    return _Actor(entity=actor.entity, code=index.home + (code or ""), country=index.home)


def _case(index: _Index, token: Token) -> str:
    cases = index.kids(token.i, "case")
    return fold(cases[0].text) if cases else ""


def _clause_subject(index: _Index, verb: Token) -> _Actor:
    """The subject of the verb, or of the verb it hangs off ("a refusé de condamner",
    "a fait cette remarque lors d'une vidéoconférence")."""
    head = verb
    while head.pos not in ("VERB", "AUX") and head.head != head.i:
        head = index.tokens[head.head]
    for _ in range(4):
        subjects = index.kids(head.i, *_SUBJECT_DEPS)
        if subjects:
            return _actor_of(index, subjects[0])
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
    return _Actor()


def _noun_source(index: _Index, noun: Token) -> _Actor:
    """ "l'offensive de la Russie", "sa campagne militaire" (the clause's subject),
    "les sanctions économiques occidentales" (a region)."""
    for child in index.kids(noun.i, "nmod"):
        if _case(index, child) in ("de", "du", "des", "d'"):
            actor = _actor_of(index, child)
            if actor.actor_code is not None:
                return actor
    for child in index.kids(noun.i, "amod"):
        actor = _adjective_actor(child)
        if actor.actor_code is not None:
            return actor
    possessive = [t for t in index.kids(noun.i, "det") if t.lemma in ("son", "leur")]
    verb = index.tokens[noun.head]
    if verb.i != noun.i and (
        possessive or noun.dep in ("obj", "nsubj") or noun.dep.startswith("obl")
    ):
        return _clause_subject(index, verb)
    return _Actor()


def _prepositional_target(index: _Index, trigger: Token, code: str) -> _Actor:
    """ "avec son homologue chinois, Liu Zhenli", "contre son voisin", "à Liu", "en Ukraine"."""
    for child in index.kids(trigger.i, "obl:arg", "obl:mod", "nmod", "obl", "iobj"):
        case = _case(index, child)
        if case in ("avec", "contre", "a", "aupres", "envers", "vers", "en", "sur"):
            actor = _actor_of(index, child)
            if actor.entity is None:
                actor = _apposed(index, child) or actor
            place = actor.entity is not None and actor.entity.type in ("GPE", "LOC")
            if place and case in ("a", "en") and not code.startswith(("04", "19", "03")):
                continue  # "ont manifesté à Bruxelles": where, not whom
            if actor.actor_code is not None and (case != "en" or actor.country):
                return actor
    return _Actor()


def _apposed(index: _Index, token: Token) -> _Actor | None:
    """ "avec son homologue chinois, Liu Zhenli": the name right after the phrase."""
    last = max(_subtree(index, token.i))
    if last + 2 < len(index.tokens) and index.tokens[last + 1].text == ",":
        entity = index.entity_of.get(last + 2)
        if entity is not None and entity.type == "PER":
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


def _actor_of(index: _Index, token: Token) -> _Actor:
    """The actor a noun phrase names: an entity in it (a person first), else a role with
    a country ("l'armée syrienne" → SYRMIL), else a region adjective."""
    phrase = _subtree(index, token.i)
    named = [index.entity_of[i] for i in phrase if i in index.entity_of]
    for kind in ("PER", "ORG", "GPE", "LOC"):
        for entity in named:
            if entity.type == kind and not _is_complement_of_place(index, entity, token):
                return _from_entity(entity)
    return _generic_actor(index, token, phrase)


def _is_complement_of_place(index: _Index, entity: Entity, head: Token) -> bool:
    del index, head
    return entity.type == "LOC" and entity.country is None


def _from_entity(entity: Entity) -> _Actor:
    return _Actor(entity=entity, country=entity.country)


def _generic_actor(index: _Index, token: Token, phrase: list[int]) -> _Actor:
    words = " ".join(index.tokens[i].text for i in phrase if index.tokens[i].pos != "DET")
    sector = sector_of_role(words) if fold(token.text) in data.role_head_words() else None
    country = None
    for i in phrase:
        word = index.tokens[i]
        if word.pos in ("NOUN", "PROPN") and fold(word.text) in data.adjectives() and i == token.i:
            # "une Palestinienne", "les Kurdes": a people's name stands for its country.
            found = data.adjectives()[fold(word.text)]
            return _Actor(code=found, country=found)
        adjective = _adjective_actor(word)
        if adjective.country:
            country = adjective.country
            break
        if adjective.code and not sector:
            return adjective
    if fold(token.text) == "homologue":
        return _Actor(code=(country or "") + "?", country=country)  # sector of the source
    if sector or country:
        return _Actor(code=(country or "") + (sector or ""), country=country)
    return _Actor(party=token.pos in ("NOUN", "PROPN"))


@cache
def _regions() -> dict[str, str]:
    """Adjectives of regions CAMEO codes as actors ("occidental" → WST)."""
    return {fold(form): code for form, code in data.read_rows("region_adjectives.tsv")}


def _adjective_actor(token: Token) -> _Actor:
    word = fold(token.text)
    country = data.adjectives().get(word)
    if country is not None:
        return _Actor(code=country, country=country)
    region = _regions().get(word)
    if region is not None:
        return _Actor(code=region)
    return _Actor()


def _subtree(index: _Index, root: int) -> list[int]:
    found, stack = [], [root]
    while stack:
        i = stack.pop()
        found.append(i)
        stack.extend(
            c for c in index.children.get(i, []) if index.tokens[c].dep not in ("acl:relcl",)
        )
    return sorted(found)


# -- date, place, block -----------------------------------------------------------------


def _date(
    index: _Index, trigger: Token, timexes: Sequence[Timex]
) -> tuple[str | None, str | None, str]:
    """The time expression of the trigger's clause (not of a relative clause in it)."""
    start, end = index.parsed.sents[trigger.sent]
    sentence = (index.tokens[start].start, index.tokens[end - 1].end)
    clause = _clause_tokens(index, trigger)
    best: Timex | None = None
    for timex in timexes:
        if not sentence[0] <= timex.start < sentence[1]:
            continue
        first = next((t.i for t in index.tokens[start:end] if t.start >= timex.start), None)
        nearer = best is None or abs(timex.start - trigger.start) < abs(best.start - trigger.start)
        if first is not None and first in clause and nearer:
            best = timex
    if best is not None:
        return best.value, best.precision, "text"
    published = index.article.published
    if not published:
        return None, None, "published"
    precision = {1: "year", 2: "month", 3: "day"}[len(published.split("-"))]
    return published, precision, "published"


def _clause_tokens(index: _Index, trigger: Token) -> set[int]:
    """The trigger's clause: the subtree of its verb, relative clauses left out."""
    verb = trigger
    while verb.pos != "VERB" and verb.head != verb.i:
        verb = index.tokens[verb.head]
    clause = set(_subtree(index, verb.i))
    # A noun trigger's own complements count too ("campagne … en février 2022").
    clause.update(_subtree(index, trigger.i))
    return clause


def _place(index: _Index, trigger: Token) -> Location | None:
    """ "à Moscou", "en Ukraine", "dans la capitale": a place in the clause, the closest to
    the trigger, the destination of a visit first."""
    verb = trigger
    while verb.pos not in ("VERB", "AUX") and verb.head != verb.i:
        verb = index.tokens[verb.head]
    # Places in the subject's titles ("commandant des opérations … en Ukraine") are not
    # where the act happened.
    subjects = {i for s in index.kids(verb.i, *_SUBJECT_DEPS) for i in _subtree(index, s.i)}
    clause = sorted(_clause_tokens(index, trigger) - subjects, key=lambda i: abs(i - trigger.i))
    for i in clause:
        entity = index.entity_of.get(i)
        if entity is None or entity.type not in ("GPE", "LOC"):
            continue
        token = index.tokens[i]
        case = _case(index, token) or fold(index.tokens[i - 1].text) if i > 0 else ""
        if case in ("a", "en", "dans", "au", "aux", "pres"):
            return location_of(entity)
    return None


def _block_role(article: Article, offset: int) -> BlockRole:
    for block in article.blocks:
        if block.start <= offset < block.end + 2:
            return block.role
    return "body"
