"""The actor a noun phrase names: an entity in it, a pronoun's or an anaphor's antecedent,
or a generic actor from a role, a people or a country adjective ("l'armée syrienne" →
SYRMIL, "les Kurdes", "occidentales" → WST)."""

from __future__ import annotations

from functools import cache

from veille import data
from veille.data import fold
from veille.entities import sector_of_role
from veille.events import coref
from veille.events.base import (
    _DE,
    _PASSIVE_SUBJECT,
    _SUBJECT_DEPS,
    _Actor,
    _case,
    _Index,
    _subtree,
)
from veille.events.codes import lexicon
from veille.model import Entity
from veille.nlp import Token

_FIRST_PERSON = frozenset({"je", "j'", "nous", "me", "m'", "m’"})


def _actor_of(index: _Index, token: Token, without: int | None = None) -> _Actor:
    """The actor a noun phrase names: an entity in it (a person first), else a role with
    a country ("l'armée syrienne" → SYRMIL), else a region adjective. ``without``: a word
    whose own phrase is left out (the participle that qualifies the noun). The phrases
    coordinated with it are others ("le régime et ses alliés russes": the régime is not
    Russian); ``members`` gives them."""
    actor = _phrase_actor(index, token, without)
    actor.token = token.i
    return actor


def _phrase_actor(index: _Index, token: Token, without: int | None) -> _Actor:
    left_out = (
        set(_subtree(index, without)) if without is not None and without != token.i else set()
    )
    entity = index.entity_of.get(token.i)
    for conj in index.kids(token.i, "conj"):
        if entity is None or index.entity_of.get(conj.i) is not entity:
            left_out.update(_subtree(index, conj.i))
    if entity is None:
        # "De nombreux jeunes, soupçonnés de préparer des attentats sous l'influence de
        # l'État islamique": a participle clause on people says what of them, not who; so
        # does one set off by a comma ("le futur président, résidant dans sa propriété de
        # Floride") or one with its agent ("le groupe, affaibli par la mission de l'Union
        # africaine"), or a present participle on a party. (But "des suspects liés au Front
        # al-Nosra", "affiliés à Al-Qaïda": a tie says whose; "la coalition menée par les
        # États-Unis", its leader; "le président élu Donald Trump" names him.)
        people, party = _people_noun(token), _party_noun(token)
        for clause in index.kids(token.i, "acl"):
            if clause.pos != "VERB" or fold(clause.lemma) in _LEADING | _TIES:
                continue
            by_agent = token.pos == "NOUN" and any(
                _case(index, k) == "par" for k in index.kids(clause.i, *_AGENTS)
            )
            present = party and clause.verb_form == "Part" and clause.tense == "Pres"
            if people or by_agent or present or _set_off(index, clause):
                left_out.update(_subtree(index, clause.i))
    phrase = [i for i in _subtree(index, token.i) if i not in left_out]
    named = [index.entity_of[i] for i in phrase if i in index.entity_of]
    titles = title_places(index, token) if entity is None else set()
    if titles:
        # "l'accord de Paris", "les accords de Minsk": where the text was made, no party.
        named = [e for e in named if id(e) not in titles]
        if not named:
            return _Actor()
    located = {
        id(index.entity_of[i])
        for i in phrase
        if i in index.entity_of
        and i != token.i
        and _case(index, index.tokens[i]) in ("a", "au", "aux", "en", "dans", "pres")
    }
    if (
        named
        and all(id(e) in located or _stateless_body(e, entity) for e in named)
        and any(_adjective_actor(c).country for c in index.kids(token.i, "amod"))
    ):
        # "l'ambassade équatorienne à Londres": the noun's own country, not where it is
        # ("un hôtel à Kaboul" keeps Kaboul's); "la branche égyptienne de l'État islamique",
        # "l'ambassadeur américain auprès de l'ONU": the noun's own country, not the
        # body of no country it belongs to or deals with.
        return _generic_actor(index, token, phrase)
    # "menacent-ils": an inverted subject clitic keeps its hyphen.
    pronoun = fold(token.text).lstrip("-") if token.pos == "PRON" else ""
    if not named and coref.is_stressed_complement(index, token):
        # "s'est engagé pour lui", "contre elle": someone named before, not the subject.
        antecedent = coref.object_antecedent(index, token)
        return _actor_of(index, antecedent) if antecedent is not None else _Actor()
    if not named and pronoun in ("lui", "elle", "eux", "elles") and coref.cleft_focus(index, token):
        pronoun = {"lui": "il", "eux": "ils"}.get(pronoun, pronoun)  # "C'est lui qui …"
    if not named and pronoun in ("il", "elle"):
        person = _antecedent(index, token)
        if person is not None:
            return _from_entity(person)
        body = _body_antecedent(index, token)
        return _actor_of(index, body) if body is not None else _Actor()
    if not named and pronoun in ("ils", "elles"):
        group = _plural_antecedent(index, token)
        return _actor_of(index, group) if group is not None else _Actor()
    among = _among_them(index, token) if not named else None
    if among is not None:
        # "Plusieurs centaines d'entre eux se sont constitués prisonniers": some of the
        # group named before.
        return _actor_of(index, among)
    if not named and _the_latter(index, token):
        latter = _last_named(index, token)
        return _actor_of(index, latter) if latter is not None else _Actor()
    if not named and coref.is_object_clitic(token):
        # "l'Équateur lui a accordé l'asile": the one acted on, named before.
        antecedent = coref.object_antecedent(index, token)
        return _actor_of(index, antecedent) if antecedent is not None else _Actor()
    if not named:
        country = coref.country_antecedent(index, token, without)
        if country is not None:
            return _Actor(code=country, country=country)  # "le pays": the one last named
    if not named and fold(token.text) == "qui" and token.pos == "PRON":
        relative = index.tokens[token.head]
        if relative.head != relative.i and (
            relative.dep == "acl:relcl" or coref.cleft_focus(index, index.tokens[relative.head])
        ):
            # "la Russie qui s'est opposée": the noun the relative clause is about.
            return _actor_of(index, index.tokens[relative.head])
        before = _word_before_relative(index, token)
        if before is not None:
            # "…, en tête desquels l'Allemagne, qui exige …": the parser hung the clause
            # elsewhere; "qui" still follows the noun it stands for.
            return _actor_of(index, before)
    if not named and _org_anaphor(index, token):
        organisation = _org_antecedent(index, token)
        if organisation is not None:
            return _from_entity(organisation)
    if not named and token.pos == "PRON" and fold(token.text) in _FIRST_PERSON:
        speaker = index.voice_at(token.start)  # « Nous n'avons rien cédé », a dit Juncker
        return _from_entity(speaker) if speaker is not None else _Actor()
    if entity is not None and entity.type in ("PER", "ORG", "GPE") and entity in named:
        # The phrase's own head name, not one in its complements: "du Portugal de l'Union
        # européenne" is Portugal.
        return _from_entity(entity)
    for kind in ("PER", "ORG", "GPE", "LOC"):
        for entity in named:
            if entity.type == kind and not _unplaced(entity):
                return _from_entity(entity)
    actor = _generic_actor(index, token, phrase)
    if not named and actor.country is None:
        # "le gouvernement français … . rejetée par le gouvernement": the fuller mention.
        for earlier in coref.role_antecedents(index, token):
            fuller = _actor_of(index, earlier)
            if fuller.country is not None and fuller.entity is None:
                return fuller
    return actor


def title_places(index: _Index, token: Token) -> set[int]:
    """The places (entity ids) a document noun is named after: a bare place in its "de"
    complement ("l'accord de Paris", "le protocole de Kyoto"; not "l'accord de la France",
    a country's)."""
    if token.pos != "NOUN" or fold(token.lemma) not in data.name_lists()["document"]:
        return set()
    return {
        id(place)
        for k in index.kids(token.i, "nmod")
        if (place := index.entity_of.get(k.i)) is not None
        and place.type in ("GPE", "LOC")
        and _case(index, k) in _DE
        and not index.kids(k.i, "det")
    }


_AGENTS = ("obl:agent", "obl:mod", "obl:arg")
# Participles that tie people to a side ("liés à", "affiliés à", "appartenant à"), folded.
_TIES = frozenset({"lier", "affilier", "appartenir", "rattacher"})
# Verbs by which a party is led: its leader's name tells whose it is (folded).
_LEADING = frozenset({"mener", "diriger", "conduire", "commander", "presider", "emmener"})


def _party_noun(token: Token) -> bool:
    """A noun that names a party: people, a body, a group, a role."""
    lists = data.name_lists()
    lemma = fold(token.lemma)
    return token.pos == "NOUN" and (
        lemma in lists["people"]
        or lemma in lists["org_anaphor"]
        or lemma in lists["institution"]
        or lemma in data.role_head_words()
    )


def _stateless_body(entity: Entity, head: Entity | None) -> bool:
    """A body or place of no country in the complement of a noun that is no name itself."""
    return head is None and entity.type != "PER" and entity.country is None


def _set_off(index: _Index, clause: Token) -> bool:
    """The clause opens after a comma: "le président, résidant à …"."""
    first = min(_subtree(index, clause.i))
    return first > 0 and index.tokens[first - 1].text == ","


def _word_before_relative(index: _Index, pronoun: Token) -> Token | None:
    """The name or noun right before a relative "qui" (a comma between), as the head of
    its phrase: "l'Allemagne, qui" → "Allemagne"."""
    i = pronoun.i - 1
    if i >= 0 and index.tokens[i].text == ",":
        i -= 1
    if i < 0 or index.tokens[i].sent != pronoun.sent:
        return None
    word = index.tokens[i]
    if word.pos not in ("NOUN", "PROPN"):
        return None
    while word.dep in ("flat:name", "flat") and word.head < word.i:
        word = index.tokens[word.head]
    return word


def _antecedent(index: _Index, pronoun: Token) -> Entity | None:
    """ "S'il va rencontrer le Président": the person who was last the subject of a verb,
    in this sentence or the one before."""
    for token in coref.before(index, pronoun, 1):
        entity = index.entity_of.get(token.i)
        subject = token.dep in _SUBJECT_DEPS or (
            index.tokens[token.head].dep in _SUBJECT_DEPS and token.dep in ("appos", "flat:name")
        )
        if entity is None or entity.type != "PER":
            continue
        if subject or _named_subject(index, token):
            return entity
    return None


def _named_subject(index: _Index, name: Token) -> bool:
    """ "le pape des coptes Tawadros II était présent": a person's name set after the role
    noun of a subject, with no preposition or article of its own (not "l'avocat de Dilma
    Rousseff", whose name is another's), names that subject."""
    first = name
    while first.dep == "flat:name" and first.head < first.i:
        first = index.tokens[first.head]
    if first.i == 0 or index.tokens[first.i - 1].pos in ("ADP", "DET", "PUNCT", "CCONJ"):
        return False
    head = first
    for _ in range(3):
        if head.dep not in ("nmod", "appos", "flat:name") or head.head == head.i:
            return False
        head = index.tokens[head.head]
        if head.dep in _SUBJECT_DEPS:
            return head.pos == "NOUN" and _role(head)
    return False


def possessor(index: _Index, determiner: Token, skip: frozenset[int] = frozenset()) -> _Actor:
    """ "Poutine est arrivé à Pékin. Sa visite …", "Les rebelles ont quitté la ville. Leur
    retrait …": whom "son", "sa", "ses" (the last actor that was the subject of a verb, in
    its sentence or the one before, but the words of ``skip``) or "leur", "leurs" (the
    last plural one) stand for."""
    if determiner.lemma == "leur":
        group = _plural_antecedent(index, determiner)
        return _actor_of(index, group) if group is not None else _Actor()
    bodies = _bodies()
    for token in coref.before(index, determiner, 1):
        if (token.dep not in _SUBJECT_DEPS and token.dep != _PASSIVE_SUBJECT) or token.i in skip:
            continue
        entity = index.entity_of.get(token.i)
        if entity is not None and entity.type in ("PER", "ORG", "GPE"):
            return _from_entity(entity)
        if (
            token.pos == "NOUN"
            and token.number != "Plur"
            and (fold(token.lemma) in bodies or _role(token))
        ):
            return _actor_of(index, token)
    return _Actor()


def _plural_antecedent(index: _Index, pronoun: Token, hops: int = 3) -> Token | None:
    """ "Les pompiers ont alerté … . Ils déploraient aussi …", "Thierry et Véronique Roy
    … où ils pointent du doigt": the plural subject (or subjects coordinated) named last
    before "ils" / "elles", of its gender, this sentence or the one before: people, a
    body, or names; or the source a "selon" phrase names ("Selon les pompiers, … . Ils
    affirment …"). An "ils" before stands for the same ("Ils affirment … . Ils
    déploraient …")."""
    bodies = _bodies()
    feminine = fold(pronoun.text).lstrip("-") == "elles"
    for token in coref.before(index, pronoun, 1):
        source = token.dep == "obl:mod" and _case(index, token) == "selon"
        if token.dep not in _SUBJECT_DEPS and token.dep != _PASSIVE_SUBJECT and not source:
            continue
        if feminine and token.gender == "Masc":
            continue
        if token.pos == "PRON":
            if fold(token.text).lstrip("-") in _PLURAL_PRONOUNS and hops > 0:
                return _plural_antecedent(index, token, hops - 1)
            continue
        entity = index.entity_of.get(token.i)
        several = token.number == "Plur" or any(
            index.entity_of.get(c.i) is not None or fold(c.lemma) in bodies or _role(c)
            for c in index.kids(token.i, "conj")
        )
        if not several:
            continue
        if entity is not None and entity.type in ("PER", "ORG", "GPE"):
            return token
        if token.pos == "NOUN" and (fold(token.lemma) in bodies or _role(token)):
            return token
    return None


_PLURAL_PRONOUNS = frozenset({"ils", "elles", "eux"})


def group_of(index: _Index, token: Token) -> Token:
    """The phrase a subject "ils" or "elles" stands for ("Le Canada et le Mexique se sont
    rencontrés. Ils ont signé …": "Canada", with its coordinated "Mexique"), else the
    token itself."""
    if token.pos != "PRON" or token.dep not in _SUBJECT_DEPS:
        return token
    if fold(token.text).lstrip("-") not in ("ils", "elles"):
        return token
    group = _plural_antecedent(index, token)
    return group if group is not None else token


def _among_them(index: _Index, token: Token) -> Token | None:
    """ "plusieurs centaines d'entre eux", "certains d'entre elles": the group "eux" or
    "elles" stands for, the last plural people, body or name before, this sentence or the
    one before."""
    them = [
        k
        for k in index.kids(token.i, "nmod", "obl:mod", "obl")
        if k.pos == "PRON" and fold(k.text) in ("eux", "elles")
    ]
    if not them or not any(fold(w.text) == "entre" for w in index.tokens[token.i : them[0].i]):
        return None
    bodies = _bodies()
    feminine = fold(them[0].text) == "elles"
    for word in coref.before(index, token, 1):
        if word.number != "Plur" or word.pos not in ("NOUN", "PROPN"):
            continue
        if feminine and word.gender == "Masc":
            continue
        entity = index.entity_of.get(word.i)
        if entity is not None and entity.type in ("PER", "ORG"):
            return word
        if entity is None and (fold(word.lemma) in bodies or _role(word)):
            return word
        if entity is None and fold(word.lemma) in data.name_lists()["unaligned"]:
            return word
    return None


def _the_latter(index: _Index, token: Token) -> bool:
    """ "ce dernier", "cette dernière", "ces derniers": the one named last."""
    return fold(token.text) in _LATTER and any(
        fold(d.text) in ("ce", "cet", "cette", "ces") for d in index.kids(token.i, "det")
    )


_LATTER = frozenset({"dernier", "derniere", "derniers", "dernieres"})


def _last_named(index: _Index, latter: Token) -> Token | None:
    """The actor named last before "ce dernier", this sentence or the one before: a name,
    or a noun of people or a body ("les policiers … . Ces derniers ont riposté"), of its
    number when the noun shows one."""
    plural = latter.text.endswith("s")
    bodies = _bodies()
    for token in coref.before(index, latter, 1):
        entity = index.entity_of.get(token.i)
        if entity is not None and entity.type in ("PER", "ORG", "GPE"):
            return coref.name_head(index, token)
        people = fold(token.lemma) in bodies or _role(token)
        if token.pos == "NOUN" and people and (token.number == "Plur") == plural:
            return token
    return None


@cache
def _bodies() -> frozenset[str]:
    """Nouns (folded lemmas) of institutions and of people named without a name."""
    return data.name_lists()["institution"] | data.name_lists()["people"]


def _role(token: Token) -> bool:
    return fold(token.lemma) in data.role_head_words()


def _org_anaphor(index: _Index, token: Token) -> bool:
    """ "le groupe", "l'organisation", "le groupe djihadiste": a definite noun by which the
    article refers back to an organisation it has named (no country of its own: "le groupe
    égyptien" is another)."""
    if token.pos != "NOUN" or fold(token.lemma) not in data.name_lists()["org_anaphor"]:
        return False
    if not any(fold(d.text) in _DEFINITE for d in index.kids(token.i, "det")):
        return False
    return not any(
        _adjective_actor(k).named or k.dep == "nmod" for k in index.kids(token.i, "amod", "nmod")
    )


_DEFINITE = frozenset({"le", "la", "l'", "l’", "ce", "cet", "cette"})


def _org_antecedent(index: _Index, anaphor: Token, skip: Entity | None = None) -> Entity | None:
    """The organisation last named before ``anaphor``, in its sentence or the two before,
    not in an aside in brackets ("le groupe Al-Shabbaab (affilié à Al-Qaïda) … . Le
    groupe": Al-Shabbaab), nor an international body for a noun that names none ("le
    groupe", "le parti": not the Union africaine whose troops fight it)."""
    international = fold(anaphor.lemma) in _BODY_ANAPHORS
    if fold(anaphor.lemma) == "ong":
        # "L'ONG Human Rights Watch publie … . L'ONG dénonce …": the NGO last named, however
        # far back (nothing else is one).
        for token in coref.before(index, anaphor, _NGO_REACH):
            entity = index.entity_of.get(token.i)
            if entity is not None and entity is not skip and _an_ngo(index, entity):
                return entity
        return None
    for token in coref.before(index, anaphor, 2):
        entity = index.entity_of.get(token.i)
        if entity is None or entity.type != "ORG" or entity is skip or _in_brackets(index, token):
            continue  # (not an aside: "Al-Shabbaab (affilié à Al-Qaïda)")
        if not international and (entity.actor_code or "").startswith("IGO"):
            continue
        return entity
    return None


# How many sentences back "l'ONG" may find the NGO it stands for: the article.
_NGO_REACH = 100


def _an_ngo(index: _Index, entity: Entity) -> bool:
    """An organisation CAMEO codes as an NGO, or one the article calls one ("l'ONG X")."""
    if entity.type != "ORG":
        return False
    if (entity.actor_code or "").startswith("NGO"):
        return True
    text = index.parsed.text
    return any(
        fold(text[max(0, m.start - 8) : m.start]).rstrip().endswith("l'ong")
        for m in entity.mentions
    )


def _in_brackets(index: _Index, token: Token) -> bool:
    """The word is inside brackets opened in its sentence."""
    start, _ = index.parsed.sents[token.sent]
    depth = 0
    for word in index.tokens[start : token.i]:
        depth += (word.text == "(") - (word.text == ")")
    return depth > 0


# Anaphors that may stand for an international body ("l'organisation" for the UN), folded.
_BODY_ANAPHORS = frozenset({"organisation", "institution", "agence"})


def _body_antecedent(index: _Index, pronoun: Token, hops: int = 3) -> Token | None:
    """ "L'armée … . Elle a promis de remettre le pouvoir": with no person before, the
    body that was last a subject, of the pronoun's gender, this sentence or the one before.
    The same pronoun as subject before stands for the same ("Il a … . Il bénéficie …"),
    and so does "ce dernier" with a relative clause ("C'est ce dernier qui forme … . Elle
    se distingue …, alors qu'il bénéficie du soutien de la Turquie")."""
    form = fold(pronoun.text).lstrip("-")
    gender = "Fem" if form == "elle" else "Masc"
    bodies = _bodies()
    for token in coref.before(index, pronoun, 1):
        entity = index.entity_of.get(token.i)
        if token.dep not in _SUBJECT_DEPS or token.number == "Plur":
            continue
        if token.pos == "PRON" and entity is None:
            if fold(token.text).lstrip("-") == form and hops > 0:
                return _body_antecedent(index, token, hops - 1)
            latter = _cleft_latter(index, token)
            if latter is not None and latter.gender in (gender, None, ""):
                return latter
            continue
        if entity is not None and entity.type in ("ORG", "GPE"):
            return token
        if token.pos == "NOUN" and token.gender == gender and fold(token.lemma) in bodies:
            return token
    return None


def _cleft_latter(index: _Index, relative: Token) -> Token | None:
    """ "C'est ce dernier qui …", "ce dernier, qui …": the "ce dernier" the subject "qui"
    stands for."""
    if fold(relative.text) != "qui":
        return None
    clause = index.tokens[relative.head]
    focus = index.tokens[clause.head]
    if clause.dep != "acl:relcl" or clause.head == clause.i:
        return None
    return focus if _the_latter(index, focus) else None


def _people_noun(token: Token) -> bool:
    lists = data.name_lists()
    return token.pos == "NOUN" and fold(token.lemma) in lists["people"]


def _unplaced(entity: Entity) -> bool:
    """A LOC with no country (a river, a region) is no actor."""
    return entity.type == "LOC" and entity.country is None


def _from_entity(entity: Entity) -> _Actor:
    return _Actor(entity=entity, country=entity.country)


def _generic_actor(index: _Index, token: Token, phrase: list[int]) -> _Actor:
    words = " ".join(index.tokens[i].text for i in phrase if index.tokens[i].pos != "DET")
    sector = sector_of_role(words) if fold(token.text) in data.role_head_words() else None
    country = None
    adjectives = data.place_adjectives()
    for i in phrase:
        word = index.tokens[i]
        if word.pos in ("NOUN", "PROPN") and fold(word.text) in adjectives and i == token.i:
            # "une Palestinienne", "les Kurdes": a people's name stands for its country.
            found = adjectives[fold(word.text)]
            return _Actor(code=found, country=found)
        adjective = _adjective_actor(word)
        if adjective.country:
            country = adjective.country
            break
        if adjective.code and not sector:
            return adjective
    if fold(token.lemma) in data.name_lists()["holy_see"] and not any(
        fold(index.tokens[i].text) in data.name_lists()["other_church"] for i in phrase
    ):
        return _Actor(code="VAT", country="VAT")  # "le pape", "le souverain pontife"
    if fold(token.text) == "homologue":
        return _Actor(code=(country or "") + "?", country=country)  # sector of the source
    if country is None and _several_countries(index, token):
        # "les chefs d'État des 27 pays membres", "les États membres", "les membres":
        # many countries, or members of a body, are of no one country.
        return _Actor(party=True, people=True, unaligned=True)
    if sector or country:
        return _Actor(code=(country or "") + (sector or ""), country=country)
    # "au moins 91 personnes", "les manifestants", "le collectif": people or a body of no
    # stated country (the article's country is theirs); "le pouvoir" is a party only.
    lists = data.name_lists()
    head = fold(token.lemma)
    people = head in lists["people"] or head in lists["institution"]
    if not people and head in _COUNTS:
        # "des milliers d'individus", "la plupart des Burundais": a count of people.
        counted = [k for k in index.kids(token.i, "nmod") if _case(index, k) in _DE]
        people = any(fold(k.lemma) in lists["people"] for k in counted)
    # An act is no party: "Un attentat a tué trois personnes" has no stated perpetrator;
    # people named by an act are ("Deux manifestants ont été tués").
    act = (token.lemma.lower(), "NOUN") in lexicon() and not people
    return _Actor(
        party=token.pos in ("NOUN", "PROPN") and not act,
        people=people or head in data.role_head_words(),
        unaligned=head in lists["unaligned"],
        site=token.pos == "NOUN" and head in lists["site"],
    )


def _several_countries(index: _Index, token: Token) -> bool:
    """The noun names countries in the plural or members ("les pays membres", "les chefs
    d'État des 27 pays", "un État membre"), itself or in its "de" complement; or members of
    nothing stated ("Les membres se sont engagés")."""
    head = fold(token.lemma)
    if head == "membre":
        return not index.kids(token.i, "nmod", "amod")
    nouns = [token]
    for _ in range(3):  # the noun, its "de" complements, and theirs
        for noun in nouns:
            if fold(noun.lemma) in _COUNTRY_NOUNS:
                kids = index.kids(noun.i, "amod", "nmod", "appos")
                if noun.number == "Plur" or any(fold(k.lemma) == "membre" for k in kids):
                    return True
        nouns = [c for n in nouns for c in index.kids(n.i, "nmod") if _case(index, c) in _DE]
    return False


# Nouns of countries, folded lemmas ("les pays membres", "les États").
_COUNTRY_NOUNS = frozenset({"pays", "etat", "nation"})


def members(index: _Index, actor: _Actor) -> list[_Actor]:
    """The actors coordinated with one a phrase names, each its own: "le régime et ses
    alliés russes et iraniens" → the alliés russes (RUS), the iraniens (IRN); "les armées
    syriennes et russes" → the Russian ones."""
    if actor.token is None:
        return []
    token = group_of(index, index.tokens[actor.token])
    found = []
    entity = index.entity_of.get(token.i)
    for conj in series(index, token):
        if entity is not None and index.entity_of.get(conj.i) is entity:
            continue
        other = _actor_of(index, conj)
        if other.actor_code is not None or other.people:
            found.append(other)
            found.extend(_adjective_members(index, conj, other))
    return _adjective_members(index, token, actor) + found


def series(index: _Index, token: Token) -> list[Token]:
    """The phrases coordinated with ``token`` as a list ("la France, l'Allemagne et
    l'Italie"). A phrase set off by a comma with no "et" or "ou" in the series names the
    same one again ("le ministre de l'Intérieur, Marco Minniti") or tells of it
    ("l'archevêque, invité à l'Élysée, appelle"): no other member."""
    conjs = index.kids(token.i, "conj")
    if not any(index.kids(c.i, "cc") for c in conjs):
        return []
    return list(conjs)


def _adjective_members(index: _Index, token: Token, actor: _Actor) -> list[_Actor]:
    """ "ses alliés russes et iraniens": the country adjectives coordinated with the one
    that gives the phrase its country, each an actor of the same role."""
    if actor.entity is not None or actor.country is None:
        return []
    code = actor.code or ""
    role = code[len(actor.country) :] if code.startswith(actor.country) else ""
    found = []
    for adjective in index.kids(token.i, "amod"):
        if _adjective_actor(adjective).country != actor.country:
            continue
        for conj in index.kids(adjective.i, "conj"):
            country = _adjective_actor(conj).country
            if country is not None and country != actor.country:
                found.append(_Actor(code=country + role, country=country, token=token.i))
    return found


# Nouns that count or part what their "de" complement names, folded.
_COUNTS = frozenset(
    {"millier", "centaine", "dizaine", "douzaine", "vingtaine", "plupart", "majorite", "nombre"}
)


@cache
def _regions() -> dict[str, str]:
    """Adjectives of regions CAMEO codes as actors ("occidental" → WST)."""
    return {fold(form): code for form, code in data.read_rows("region_adjectives.tsv")}


def _adjective_actor(token: Token) -> _Actor:
    word = fold(token.text)
    country = data.place_adjectives().get(word)
    if country is not None:
        return _Actor(code=country, country=country)
    region = _regions().get(word)
    if region is not None:
        return _Actor(code=region)
    return _Actor()
