"""The country of an actor the text gives none for: the article's (or the place of the
act's), unless the actor acts for no country (an NGO, an international body, the spokesman
of an armed group) or is someone of no stated side."""

from __future__ import annotations

import re

from veille import data
from veille.data import fold
from veille.events.base import (
    _Actor,
    _Index,
)
from veille.events.phrases import _adjective_actor, _regions
from veille.model import Entity

_LOCALISED_TYPES = ("PER", "ORG")


def _localised(
    index: _Index, actor: _Actor, patient: bool = False, local: str | None = None
) -> _Actor:
    """An actor of no stated country belongs to the country the article is about: "les
    forces de sécurité", "un homme armé d'un couteau", or a person or organisation the
    article names without saying where from. Places, international bodies and regions keep
    what they have. People and bodies the text names by no name belong to the country of
    the place of the act, when the clause names one (``local``: "À Bruxelles, 60 personnes
    ont été interpellées" in an article about France), and none when ``local`` is "" (a
    city abroad whose country the article does not name)."""
    if actor.country is not None or (index.home is None and _perpetrator(index) is None):
        return actor
    entity = actor.entity
    if entity is None:
        home = index.home if local is None else local or None
        stated = _perpetrator(index)
        if actor.unaligned:
            if stated is not None and _named_by_the_act(index, actor):
                # "un homme armé a attaqué … . Le suspect serait un Palestinien"
                return _Actor(code=stated, country=stated, token=actor.token)
            return actor
        if _someone(index, actor) and not (actor.site and patient):
            if stated is not None and not patient:
                return _Actor(code=stated, country=stated, token=actor.token)
            # (still someone: an act they do or undergo is no mere topic)
            return _Actor(party=actor.party, people=actor.people, unaligned=True, token=actor.token)
        if home is None:
            return actor
        regional = actor.code in _regions().values()
        # (a building is of the country it stands in, when violence is done to it)
        site = actor.site and patient
        if (actor.people or (actor.party and not patient) or site) or (
            actor.code is not None and not regional
        ):
            code = home + (actor.code or "")
            return _Actor(code=code, country=home, token=actor.token)
        return actor
    if entity.type not in _LOCALISED_TYPES or index.home is None:
        return actor
    if entity.actor_code and entity.actor_code[:3] in ("IGO", "NGO", "IMG", "INT", "MNC"):
        return actor
    beyond = _beyond_countries(entity) if entity.type == "ORG" else None
    if beyond is not None:
        # "le Parti populaire européen" (EUR), "l'Union" (IGO): of no one country
        return _Actor(entity=entity, code=beyond, token=actor.token)
    if _introduced_as_ngo(index, entity):
        return actor  # "l'organisation non gouvernementale Transparency International"
    if entity.type == "PER" and _stateless_role(index, entity):
        return actor  # "Le porte-parole de l'État islamique, Abou Mohammed al-Adnani"
    code = index.home + (entity.sector or "")
    return _Actor(entity=entity, code=code, country=index.home, token=actor.token)


def _beyond_countries(entity: Entity) -> str | None:
    """An organisation named for a region or the world ("le Parti populaire européen",
    "la Confédération syndicale internationale"), or "l'Union" alone (the European or
    the African one), acts for no one country: the CAMEO code of its region (EUR), of an
    international body (IGO) or of an international actor (INT); None for others."""
    words = fold(entity.name).replace("-", " ").split()
    if words == ["union"]:
        return "IGO"
    for word in words:
        if word in _regions():
            return _regions()[word]
        if word in _WORLDWIDE:
            return "INT"
    return None


# Words naming the whole world in an organisation's name, folded.
_WORLDWIDE = frozenset(
    {"international", "internationale", "internationaux", "mondial", "mondiale", "mondiaux"}
)


def _named_by_the_act(index: _Index, actor: _Actor) -> bool:
    """The actor is named by what they did ("le suspect", "l'assaillant")."""
    if actor.token is None:
        return False
    return fold(index.tokens[actor.token].lemma) in data.name_lists()["unaligned"]


def _perpetrator(index: _Index) -> str | None:
    """The one nationality the article gives the perpetrator of an act: "le suspect serait
    un Palestinien de 17 ans", "l'assaillant, un Tunisien de 31 ans", "le tireur était un
    Français"; None when it gives none or several."""
    if index.perpetrator is None:
        found = set()
        doers = data.name_lists()["unaligned"]
        adjectives = data.place_adjectives()
        tokens = index.tokens
        for token in tokens:
            if token.pos != "NOUN" or fold(token.lemma) not in doers:
                continue
            said = index.kids(token.i, "appos")
            head = tokens[token.head]
            if token.dep == "nsubj" and index.kids(head.i, "cop"):
                said.append(head)  # "le suspect serait un Palestinien"
            after = tokens[token.i + 1 : token.i + 4]
            if len(after) == 3 and after[0].text == "," and fold(after[1].text) in _ONE:
                said.append(after[2])  # "l'assaillant, un Tunisien de 31 ans"
            for word in said:
                if word.pos in ("NOUN", "PROPN") and fold(word.text) in adjectives:
                    found.add(adjectives[fold(word.text)])
        index.perpetrator = (found.pop() if len(found) == 1 else None,)
    return index.perpetrator[0]


_ONE = frozenset({"un", "une"})


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


def _anyone(index: _Index, actor: _Actor, trigger: int) -> bool:
    """ "douze personnes", "les personnes arrêtées", "un millier de prisonniers": people named
    as no more than people, or as held, with no role, side or country (a number, an
    article, the act itself, nothing else)."""
    if actor.token is None or actor.entity is not None or actor.code is not None:
        return False
    token = index.tokens[actor.token]
    if token.pos != "NOUN" or fold(token.lemma) not in _ANYONE:
        return False
    return all(
        c == trigger or index.tokens[c].dep in _BARE for c in index.children.get(token.i, [])
    )


# Nouns of people that say nothing of who they are, or only that they are held (folded
# lemmas).
_ANYONE = frozenset({"personne", "gens", "prisonnier", "detenu"})
# What may go with such a noun and leave it bare: "au moins douze personnes".
_BARE = frozenset({"det", "nummod", "advmod", "case", "punct"})


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
